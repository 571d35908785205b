#!/usr/bin/env python3
"""Learns which cue lemmas take a noun-phrase object that PolNeAR ends before
an adjunct ("X endorsed *Trump* last week", "X defended *his record* on Fox
News"), from PolNeAR train, and writes data/resolver/object-cues.tsv.

It compares two runs of whosaid on the train split: one with the list as it
ships emptied (all but its header line) and one with --all-object-cues, which
ends the content of every cue at its noun-phrase object. The rows of the
reported-speech sieves are paired by article, cue and speaker; for each cue
lemma, the pairs whose content the cut changed (or that only one run has) are
scored as metrics.md does (content overlap >= 0.3 with a gold item whose
source the speaker touches). A lemma is kept when the cut rows are right at
least --min-precision of the time and at least MIN_GAIN more often than the
uncut ones. Only lemmas and counts are written.

  head -1 data/resolver/object-cues.tsv > /tmp/h && cp /tmp/h data/resolver/object-cues.tsv
  cargo run --release -- -q ../shared/corpora/polnear/polnear-train.jsonl > /tmp/base.csv
  cargo run --release -- -q --all-object-cues ../shared/corpora/polnear/polnear-train.jsonl \\
      > /tmp/objects.csv
  python3 scripts/learn_object_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\
      /tmp/base.csv /tmp/objects.csv data/cues.tsv > data/resolver/object-cues.tsv
"""
import argparse
import collections
import csv

from rowmatch import cue_lemmas, gold_positions, is_right, load_articles, positions, pred_spans, speaker_positions

REPORTED_SIEVES = {"speaker_cue_content", "content_then_speaker", "participial_cue"}
MIN_GAIN = 2


def scored_rows(path, articles):
    """(article, cue start, speaker start) -> (quote spans, cue, right)."""
    rows = {}
    for row in csv.DictReader(open(path, encoding="utf-8")):
        article = articles.get(row["article_id"])
        if article is None or row["sieve"] not in REPORTED_SIEVES or not row["cue"]:
            continue
        text, gold = article
        content = positions(text, pred_spans(row))
        right = is_right(content, speaker_positions(text, row), gold)
        key = (row["article_id"], row["cue_start"], row["speaker_start"])
        rows[key] = (row["quote_spans"], row["cue"], right)
    return rows


def main(gold_path, base_path, objects_path, cues_path, min_precision):
    lemma_of = cue_lemmas(cues_path)
    articles = {
        article_id: (article["text"], gold_positions(article))
        for article_id, article in load_articles(gold_path).items()
    }
    base = scored_rows(base_path, articles)
    cut = scored_rows(objects_path, articles)
    # lemma -> [cut rows, cut rows right, uncut rows right]
    tally = collections.defaultdict(lambda: [0, 0, 0])
    for key in base.keys() | cut.keys():
        before, after = base.get(key), cut.get(key)
        if before and after and before[0] == after[0]:
            continue
        words = (after or before)[1].lower().split()
        lemma = lemma_of.get(" ".join(words)) or lemma_of.get(words[-1], words[-1])
        counts = tally[lemma]
        if after:
            counts[0] += 1
            counts[1] += after[2]
        if before:
            counts[2] += before[2]
    print(
        "# Cue lemmas whose content PolNeAR ends at a noun-phrase object (learned\n"
        "# from PolNeAR train by scripts/learn_object_cues.py: rows cut at the object\n"
        f"# right >= {min_precision} of the time and >= {MIN_GAIN} more often than uncut)\n"
        "# lemma\trows\tprecision\tgain"
    )
    for lemma, (n, right, uncut) in sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if n and right / n >= min_precision and right - uncut >= MIN_GAIN:
            print(f"{lemma}\t{n}\t{right / n:.2f}\t{right - uncut:+d}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    parser.add_argument("base")
    parser.add_argument("objects")
    parser.add_argument("cues")
    parser.add_argument("--min-precision", type=float, default=0.55)
    args = parser.parse_args()
    main(args.gold, args.base, args.objects, args.cues, args.min_precision)
