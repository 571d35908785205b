#!/usr/bin/env python3
"""Learns which cue lemmas license reported speech (content with no quotation
marks) from PolNeAR train, and writes data/resolver/reported-speech-cues.tsv.

A cue word such as "made" or "states" is often a verb of no attribution at all,
while "said" or "argued" almost always is. This script runs over whosaid's own
output on the train split with every cue allowed, scores each row as
metrics.md does (content overlap >= 0.3 and a right speaker), and keeps the
lemmas whose rows were right often enough. Only lemmas and counts are written.

  cargo run --release -- -q ../shared/corpora/polnear/polnear-train.jsonl \\
      --all-reported-cues > /tmp/train-all-cues.csv
  python3 scripts/learn_reported_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\
      /tmp/train-all-cues.csv data/cues.tsv > data/resolver/reported-speech-cues.tsv

The same run teaches which passives frame content with no source ("is
expected to", "was asked"), from the rows of the no_source sieve, kept at a
higher precision because their rows can only be right when the gold has no
source either:

  python3 scripts/learn_reported_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\
      /tmp/train-all-cues.csv data/cues.tsv --sieve no_source --min-precision 0.5 \\
      > data/resolver/sourceless-cues.tsv

and which cues may have a subject the speaker matcher does not know as a
mention ("7 percent said", "the county's figures show"), from the rows of
the phrase_cue_content sieve:

  python3 scripts/learn_reported_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\
      /tmp/train-all-cues.csv data/cues.tsv --sieve phrase_cue_content --min-precision 0.5 \\
      > data/resolver/phrase-subject-cues.tsv

A licensed lemma may still have a word form that is seldom a verb of saying
("known", "questions", "remarks"). --blocked-forms scores whosaid's own run
(with the learned lists, not --all-reported-cues) by the cue's last word,
over rows with unquoted words, and writes the forms right less often than
the given precision. The run is made with the list emptied (all but its
header line), or the forms it blocks would make no rows and drop out. 0.33
is about half the attribution F1: a row right less often than that lowers
F1, so dropping it raises F1.

  head -1 data/resolver/blocked-cue-forms.tsv > /tmp/h && cp /tmp/h data/resolver/blocked-cue-forms.tsv
  cargo run --release -- -q ../shared/corpora/polnear/polnear-train.jsonl > /tmp/train.csv
  python3 scripts/learn_reported_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\
      /tmp/train.csv data/cues.tsv --blocked-forms 0.33 \\
      > data/resolver/blocked-cue-forms.tsv
"""
import argparse
import collections

from rowmatch import cue_lemmas, gold_positions, is_right, load_articles, load_rows, positions, pred_spans, speaker_positions

REPORTED_SIEVES = {"speaker_cue_content", "content_then_speaker", "participial_cue"}
MIN_ROWS, MIN_PRECISION = 3, 0.3


BLOCKED_FORM_ROWS = 6
# The fewest words of unquoted content each sieve takes after an unlisted cue.
SHORT_CONTENT_MIN = {"participial_cue": 2}


def print_kept(tally, min_precision):
    """The rows of a learned list: each key with enough rows, right often enough."""
    for key, (n, right) in sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if n >= MIN_ROWS and right / n >= min_precision:
            print(f"{key}\t{n}\t{right / n:.2f}")


def main(
    gold_path,
    pred_path,
    cues_path,
    sieves,
    min_precision,
    blocked_below=None,
    licensed_path=None,
    short_content=False,
):
    lemma_of = cue_lemmas(cues_path)
    articles = load_articles(gold_path)
    licensed = set()
    if licensed_path is not None:
        for line in open(licensed_path, encoding="utf-8"):
            if not line.startswith("#") and line.strip():
                licensed.add(line.split("\t")[0])
    rows = load_rows(pred_path)
    tally = collections.defaultdict(lambda: [0, 0])
    for article_id, article in articles.items():
        text = article["text"]
        gold = gold_positions(article)
        for row in rows.get(article_id, []):
            if row["sieve"] not in sieves or not row["cue"]:
                continue
            content = positions(text, pred_spans(row))
            right = is_right(content, speaker_positions(text, row), gold)
            words = row["cue"].lower().split()
            if blocked_below is not None:
                if row["kind"] != "direct":
                    tally[words[-1]][0] += 1
                    tally[words[-1]][1] += right
                continue
            # The cue's lemma: the whole phrase if the lexicon has it, else its
            # last word ("has said" -> say).
            lemma = lemma_of.get(" ".join(words)) or lemma_of.get(words[-1], words[-1])
            if short_content:
                # Only the rows a shorter minimum would add: unquoted content
                # of fewer words than the sieve's usual minimum.
                short = sum(any(ch.isalnum() for ch in w) for w in row["quote"].split())
                if row["kind"] != "direct" and short < SHORT_CONTENT_MIN.get(row["sieve"], 3):
                    tally[" ".join(words)][0] += 1
                    tally[" ".join(words)][1] += right
                continue
            if licensed_path is not None:
                # Only the rows a licensed form would add: unquoted content
                # through a cue whose lemma is not licensed.
                if row["kind"] != "direct" and lemma not in licensed:
                    tally[" ".join(words)][0] += 1
                    tally[" ".join(words)][1] += right
                continue
            tally[lemma][0] += 1
            tally[lemma][1] += right
    if blocked_below is not None:
        print(
            "# form\trows\tprecision  (learned from PolNeAR train by "
            f"scripts/learn_reported_cues.py --blocked-forms {blocked_below})"
        )
        for form, (n, right) in sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0])):
            if n >= BLOCKED_FORM_ROWS and right / n < blocked_below:
                print(f"{form}\t{n}\t{right / n:.2f}")
        return
    if short_content:
        print(
            "# Cue forms after which unquoted content shorter than the sieves' usual\n"
            "# minimums was right often enough on PolNeAR train (>= "
            f"{MIN_ROWS} rows, precision\n# >= {min_precision}). Regenerate:\n"
            "#   whosaid -q --all-short-content ../shared/corpora/polnear/polnear-train.jsonl \\\n"
            "#       > /tmp/train-short.csv\n"
            "#   python3 scripts/learn_reported_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\\n"
            f"#       /tmp/train-short.csv data/cues.tsv --short-content --min-precision {min_precision} \\\n"
            "#       > data/resolver/short-content-cues.tsv\n"
            "# form\trows\tprecision"
        )
        print_kept(tally, min_precision)
        return
    if licensed_path is not None:
        print(
            "# Cue forms whose lemma is not in reported-speech-cues.tsv but which were\n"
            f"# right often enough with unquoted content on PolNeAR train (>= {MIN_ROWS} rows,\n"
            f"# precision >= {min_precision}). Regenerate:\n"
            "#   whosaid -q --all-reported-cues ../shared/corpora/polnear/polnear-train.jsonl \\\n"
            "#       > /tmp/train-all-cues.csv\n"
            "#   python3 scripts/learn_reported_cues.py ../shared/corpora/polnear/polnear-train.jsonl \\\n"
            "#       /tmp/train-all-cues.csv data/cues.tsv \\\n"
            "#       --licensed-forms data/resolver/reported-speech-cues.tsv "
            f"--min-precision {min_precision} \\\n"
            "#       > data/resolver/licensed-cue-forms.tsv\n"
            "# form\trows\tprecision"
        )
        print_kept(tally, min_precision)
        return
    options = "" if sieves == REPORTED_SIEVES else f" --sieve {','.join(sorted(sieves))}"
    if min_precision != MIN_PRECISION:
        options += f" --min-precision {min_precision}"
    print(
        "# lemma\trows\tprecision  (learned from PolNeAR train by "
        f"scripts/learn_reported_cues.py{options})"
    )
    print_kept(tally, min_precision)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    parser.add_argument("predictions")
    parser.add_argument("cues")
    parser.add_argument(
        "--sieve",
        default=",".join(sorted(REPORTED_SIEVES)),
        help="the sieves whose rows are scored, comma-separated",
    )
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    parser.add_argument(
        "--blocked-forms",
        type=float,
        metavar="PRECISION",
        help="write the cue forms of reported-speech rows right less often than this",
    )
    parser.add_argument(
        "--licensed-forms",
        metavar="LEMMAS_TSV",
        help="write the cue forms of unquoted rows right often enough whose lemma "
        "is not in LEMMAS_TSV (run on the --all-reported-cues output)",
    )
    parser.add_argument(
        "--short-content",
        action="store_true",
        help="write the cue forms of short unquoted rows right often enough "
        "(run on the --all-short-content output)",
    )
    args = parser.parse_args()
    sieves = set(args.sieve.split(","))
    if (args.blocked_forms is not None or args.short_content) and args.sieve == parser.get_default("sieve"):
        sieves |= {"phrase_cue_content"}
    main(args.gold, args.predictions, args.cues, sieves, args.min_precision, args.blocked_forms,
         args.licensed_forms, args.short_content)
