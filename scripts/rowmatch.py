"""What the analysis scripts share: metrics.md's positions and its test of a
right row (../shared/docs/metrics.md), applied to one quote-CSV row at a time.

`score_reference.py` stays independent of this module on purpose: it is the
reference implementation the Rust scorer is checked against.
"""
import collections
import csv
import json
import unicodedata

THETA = 0.3


def is_alnum(ch):
    """Unicode alphanumeric, as a general category (letters and numbers)."""
    return unicodedata.category(ch)[0] in "LN"


def positions(text, spans):
    """The offsets inside `spans` whose character is alphanumeric."""
    return {i for a, b in spans for i in range(max(0, a), min(b, len(text))) if is_alnum(text[i])}


def pred_spans(row):
    """A row's content fragments: `quote_spans`, else `quote_start..quote_end`."""
    if row["quote_spans"]:
        return [tuple(map(int, s.split("-"))) for s in row["quote_spans"].split(";")]
    return [(int(row["quote_start"]), int(row["quote_end"]))]


def speaker_positions(text, row):
    """The positions of a row's speaker mention (empty when it has none)."""
    if not row["speaker_start"]:
        return set()
    return positions(text, [(int(row["speaker_start"]), int(row["speaker_end"]))])


def gold_spans(attribution, part):
    """The fragments of a gold attribution's `content` or `source`."""
    return [(f["start"], f["end"]) for f in attribution.get(part + "_fragments") or []]


def gold_positions(article):
    """(content positions, source positions) of each gold attribution."""
    text = article["text"]
    return [
        (positions(text, gold_spans(g, "content")), positions(text, gold_spans(g, "source")))
        for g in article["attributions"]
    ]


def is_right(content, speaker, gold):
    """Whether a row with these positions overlaps some gold item at θ and
    names its source (or, like it, no source)."""
    return any(
        len(content & gc) / max(1, len(content | gc)) >= THETA
        and ((speaker & gs) or (not speaker and not gs))
        for gc, gs in gold
    )


def cue_lemmas(path):
    """The lemma of each cue form of the lexicon (`data/cues.tsv`), by the
    form in lower case."""
    lemma_of = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            form, lemma = line.rstrip("\n").split("\t")[:2]
            lemma_of[form.lower()] = lemma
    return lemma_of


def load_articles(path):
    """PolNeAR-style gold JSONL, by article id."""
    with open(path, encoding="utf-8") as f:
        return {str(a["id"]): a for a in map(json.loads, f)}


def load_rows(path):
    """A quote CSV's rows, grouped by article id."""
    rows = collections.defaultdict(list)
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows[row["article_id"]].append(row)
    return rows
