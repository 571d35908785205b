#!/usr/bin/env python3
"""An independent scorer, written straight from ../shared/docs/metrics.md.

It exists to check `whosaid eval` (crates/eval): both must give the same
figures to 0.001 on the same gold and prediction CSV. It uses the standard
library only and shares no code or data structures with the Rust scorer.

    python3 scripts/score_reference.py --gold GOLD.jsonl PRED.csv

prints one JSON object: {"figures": {"content_p@0.3": ..., ...},
"sieves": [{"sieve", "rows", "attributed"}], "rows_ignored": n}.

Two readings of metrics.md that are not spelled out there:
- "alphanumeric (Unicode is_alphanumeric)": taken as a general category
  L* or N*. Rust's char::is_alphanumeric also counts the Other_Alphabetic
  characters (some combining vowel signs, circled letters), which Python's
  standard library cannot name; no PolNeAR or seed text contains one.
- Figures with nothing to count (a zero denominator): precision, recall and
  F1 are 0; speaker accuracy, canonical accuracy and recall by kind are null.
"""

import argparse
import csv
import json
import sys
import unicodedata

THETAS = (0.3, 0.8)
DOUBLE_QUOTES = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
KINDS = ("direct", "mixed", "indirect")


def alnum(ch):
    return unicodedata.category(ch)[0] in "LN"


def position_set(text, fragments):
    """Character offsets inside the fragments whose character is alphanumeric."""
    out = set()
    for start, end in fragments:
        for i in range(start, min(end, len(text))):
            if alnum(text[i]):
                out.add(i)
    return out


def canonical(name):
    name = name.lower()
    name = "".join(ch for ch in name if alnum(ch) or ch.isspace())
    name = " ".join(name.split())
    if name.startswith("the "):
        name = name[len("the "):]
    return name


def has_double_quote(text, fragments):
    for start, end in fragments:
        window = text[max(0, start - 2):end + 2]
        if any(ch in DOUBLE_QUOTES for ch in window) or "''" in window:
            return True
    return False


def fragments_or_hull(attribution, prefix):
    frags = attribution.get(prefix + "_fragments")
    if frags is None or (prefix == "content" and not frags):
        start = attribution.get(prefix + "_start")
        end = attribution.get(prefix + "_end")
        if start is None or end is None:
            return []
        return [(start, end)]
    return [(f["start"], f["end"]) for f in frags]


def load_gold(path):
    articles = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            doc = json.loads(line)
            items = []
            for a in doc.get("attributions", []):
                speaker = a.get("speaker")
                if not speaker or not speaker.strip() or a.get("speaker_named") is False:
                    speaker = None
                items.append({
                    "content": fragments_or_hull(a, "content"),
                    "source": fragments_or_hull(a, "source"),
                    "kind": a.get("kind"),
                    "speaker": speaker,
                })
            articles.append((str(doc["id"]), doc["text"], items))
    return articles


def number(field):
    field = (field or "").strip()
    if not field:
        return None
    return int(float(field))


def load_predictions(path):
    by_article = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            spans = []
            for piece in (row.get("quote_spans") or "").split(";"):
                if piece.strip():
                    a, b = piece.split("-")
                    spans.append((number(a), number(b)))
            if not spans:
                spans = [(number(row["quote_start"]), number(row["quote_end"]))]
            s0, s1 = number(row["speaker_start"]), number(row["speaker_end"])
            by_article.setdefault(row["article_id"], []).append({
                "content": spans,
                "mention": [(s0, s1)] if s0 is not None else [],
                "speaker": row.get("speaker") or "",
                "sieve": row.get("sieve"),
            })
    return by_article


def greedy(pairs, theta, allowed_pred, allowed_gold):
    """pairs: (score, pred, gold); best first, ties by pred then gold index."""
    chosen, used_p, used_g = [], set(), set()
    for score, p, g in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if score < theta or p not in allowed_pred or g not in allowed_gold:
            continue
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        chosen.append((p, g))
    return chosen


def safe(a, b):
    return a / b if b else None


def prf(tp, n_pred, n_gold):
    p = safe(tp, n_pred) or 0.0
    r = safe(tp, n_gold) or 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("predictions")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    preds = load_predictions(args.predictions)
    gold_ids = {doc_id for doc_id, _, _ in gold}
    tally = {theta: dict.fromkeys(
        ["pred", "gold", "match", "attr", "canon_n", "canon_ok", "q_pred", "q_gold", "q_attr"]
        + ["gold_" + k for k in KINDS] + ["attr_" + k for k in KINDS], 0) for theta in THETAS}
    sieves = {}

    for doc_id, text, items in gold:
        rows = preds.get(doc_id, [])
        g_pos = [position_set(text, it["content"]) for it in items]
        g_src = [position_set(text, it["source"]) for it in items]
        p_pos = [position_set(text, r["content"]) for r in rows]
        p_men = [position_set(text, r["mention"]) for r in rows]
        pairs = []
        for i, P in enumerate(p_pos):
            for j, G in enumerate(g_pos):
                union = len(P | G)
                if union:
                    pairs.append((len(P & G) / union, i, j))

        def right(p, g):
            return bool(p_men[p] & g_src[g]) or (not p_men[p] and not g_src[g])

        quoted_p = {i for i, r in enumerate(rows) if has_double_quote(text, r["content"])}
        quoted_g = {j for j, it in enumerate(items) if it["kind"] in ("direct", "mixed")}
        for theta in THETAS:
            t = tally[theta]
            t["pred"] += len(rows)
            t["gold"] += len(items)
            for it in items:
                if it["kind"] in KINDS:
                    t["gold_" + it["kind"]] += 1
            matched = greedy(pairs, theta, set(range(len(rows))), set(range(len(items))))
            t["match"] += len(matched)
            for p, g in matched:
                if right(p, g):
                    t["attr"] += 1
                    if items[g]["kind"] in KINDS:
                        t["attr_" + items[g]["kind"]] += 1
                if items[g]["speaker"] is not None:
                    t["canon_n"] += 1
                    if canonical(rows[p]["speaker"]) == canonical(items[g]["speaker"]):
                        t["canon_ok"] += 1
            t["q_pred"] += len(quoted_p)
            t["q_gold"] += len(quoted_g)
            t["q_attr"] += sum(1 for p, g in greedy(pairs, theta, quoted_p, quoted_g) if right(p, g))
            if theta == 0.3 and rows and rows[0]["sieve"] is not None:
                good = {p for p, g in matched if right(p, g)}
                for i, r in enumerate(rows):
                    s = sieves.setdefault(r["sieve"], [0, 0])
                    s[0] += 1
                    s[1] += i in good

    figures = {}
    for theta in THETAS:
        t = tally[theta]
        cp, cr, cf = prf(t["match"], t["pred"], t["gold"])
        ap_, ar, af = prf(t["attr"], t["pred"], t["gold"])
        qp, qr, qf = prf(t["q_attr"], t["q_pred"], t["q_gold"])
        values = {
            "content_p": cp, "content_r": cr, "content_f1": cf,
            "attr_p": ap_, "attr_r": ar, "attr_f1": af,
            "speaker_acc": safe(t["attr"], t["match"]),
            "canonical_acc": safe(t["canon_ok"], t["canon_n"]),
            "quoted_attr_p": qp, "quoted_attr_r": qr, "quoted_attr_f1": qf,
        }
        for k in KINDS:
            values["attr_recall_" + k] = safe(t["attr_" + k], t["gold_" + k])
        for key, value in values.items():
            figures["%s@%s" % (key, theta)] = value

    json.dump({
        "figures": figures,
        "sieves": [{"sieve": k, "rows": v[0], "attributed": v[1]} for k, v in sorted(sieves.items())],
        "rows_ignored": sum(len(v) for k, v in preds.items() if k not in gold_ids),
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
