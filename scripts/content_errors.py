#!/usr/bin/env python3
"""Where whosaid's content bounds differ from the gold's.

    python3 scripts/content_errors.py GOLD.jsonl PRED.csv [--show CLASS] [-n N]

Pairs each predicted row with the gold attribution whose content overlaps
it most, preferring gold of the same speaker (the gold source shares a
character with the predicted mention, or both are empty), scores the pair as metrics.md does
(Jaccard of alphanumeric positions), and sorts the pairs below 0.3 into
classes:

- `nested`: the prediction holds the gold content and another gold content
  of a different attribution besides (PolNeAR split or nested it);
- `long_end` / `long_start` / `long_both`: the prediction holds the gold
  content and runs on past its end, or starts before it, or both;
- `short`: the prediction lies inside the gold content;
- `shifted`: they overlap, neither holds the other;
- `no_overlap`: no gold content overlaps it (a spurious row, not a bound).

A prediction is paired with gold of another speaker when none of its own
speaker overlaps it (counted apart: a speaker error as well).

Prints counts per class, counts of the first words of the overrun past the
gold end for `long_end` (", according to", "and", ", he said" …), and with
`--show CLASS` sample pairs with the prediction in [[ ]] and the gold in
{{ }}. Pairs at 0.3 to 0.8 are counted too (the strict figure's losses).
"""

import argparse
import collections
import random

from rowmatch import gold_spans, is_alnum, load_articles, load_rows, positions, pred_spans, speaker_positions


def hull(spans):
    return min(s for s, _ in spans), max(e for _, e in spans)


def classify(pred, gold, others, p_hull, g_hull):
    if not pred & gold:
        return "no_overlap"
    # Holds the gold content, but for a few characters at its edges.
    if len(gold - pred) <= 0.1 * len(gold):
        if any(o and len(o & pred) >= 0.9 * len(o) for o in others):
            return "nested"
        later = p_hull[1] > g_hull[1]
        earlier = p_hull[0] < g_hull[0]
        if later and earlier:
            return "long_both"
        return "long_end" if later else "long_start"
    if len(pred - gold) <= 0.1 * len(pred):
        return "short"
    return "shifted"


def overrun_words(text, g_end, p_end, n=3):
    """The first `n` words of the overrun, punctuation kept, lowercased."""
    tail = text[g_end:p_end].strip()
    words = []
    word = ""
    for ch in tail:
        if is_alnum(ch) or ch in "'’":
            word += ch
            continue
        if word:
            words.append(word.lower())
            word = ""
        if ch in ",;:—–(":
            words.append(ch)
        if len(words) >= n:
            break
    if word and len(words) < n:
        words.append(word.lower())
    return " ".join(words[:n])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", help="a class to print samples of")
    ap.add_argument("-n", type=int, default=15, help="samples to print")
    ap.add_argument("--sieve", help="only rows of this sieve")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    articles = load_articles(args.gold)
    rows = load_rows(args.pred)

    classes = collections.Counter()
    loose = collections.Counter()
    tails = collections.Counter()
    other_speaker = collections.Counter()
    samples = collections.defaultdict(list)
    for aid, article in articles.items():
        text = article["text"]
        golds = []
        for g in article["attributions"]:
            spans = [(f["start"], f["end"]) for f in g["content_fragments"]] or [
                (g["content_start"], g["content_end"])
            ]
            source = positions(text, gold_spans(g, "source"))
            golds.append((g, spans, positions(text, spans), source))
        for r in rows.get(aid, []):
            if args.sieve and r.get("sieve") != args.sieve:
                continue
            spans = pred_spans(r)
            pred = positions(text, spans)
            mention = speaker_positions(text, r)
            # The best overlap among gold of the same speaker, else among all.
            best, best_score, same = None, 0.0, False
            for i, (g, gspans, gpos, source) in enumerate(golds):
                agrees = bool(source & mention) or (not source and not mention)
                score = len(pred & gpos) / max(1, len(pred | gpos))
                if score > 0 and ((agrees, score) > (same, best_score)):
                    best, best_score, same = i, score, agrees
            if best is None:
                classes["no_overlap"] += 1
                continue
            if not same:
                other_speaker[best_score >= 0.3] += 1
            g, gspans, gpos, _ = golds[best]
            p_hull, g_hull = hull(spans), hull(gspans)
            others = [o for j, (_, _, o, _) in enumerate(golds) if j != best]
            cls = classify(pred, gpos, others, p_hull, g_hull)
            if best_score >= 0.8:
                classes["ok_strict"] += 1
                continue
            if best_score >= 0.3:
                loose[cls] += 1
                cls_name = "loose_" + cls
            else:
                classes[cls] += 1
                cls_name = cls
                if cls in ("long_end", "long_both"):
                    tails[overrun_words(text, g_hull[1], p_hull[1])] += 1
            samples[cls_name].append((text, r, spans, gspans, best_score))

    print("pairs below 0.3 by class:")
    for cls, n in classes.most_common():
        print(f"  {cls:12} {n}")
    print(f"  (of all pairs, with another speaker's gold: {other_speaker[False]} below 0.3, {other_speaker[True]} at 0.3 or more)")
    print("pairs at 0.3 to 0.8 (strict losses) by class:")
    for cls, n in loose.most_common():
        print(f"  {cls:12} {n}")
    print("first words past the gold end (long_end, long_both below 0.3):")
    for tail, n in tails.most_common(25):
        print(f"  {n:5}  {tail}")
    if args.show:
        random.seed(args.seed)
        pool = samples.get(args.show, [])
        for text, r, spans, gspans, score in random.sample(pool, min(args.n, len(pool))):
            lo = max(0, min(hull(spans)[0], hull(gspans)[0]) - 80)
            hi = min(len(text), max(hull(spans)[1], hull(gspans)[1]) + 40)
            marks = []
            for s, e in spans:
                marks += [(s, 1, "[["), (e, 0, "]]")]
            for s, e in gspans:
                marks += [(s, 1, "{{"), (e, 0, "}}")]
            out, at = [], lo
            for pos, _, mark in sorted(m for m in marks if lo <= m[0] <= hi):
                out += [text[at:pos], mark]
                at = pos
            out.append(text[at:hi])
            print(f"\n=== {r['sieve']} {score:.2f} speaker={r['speaker_mention']!r}")
            print("".join(out).replace("\n", " ¶ "))


if __name__ == "__main__":
    main()
