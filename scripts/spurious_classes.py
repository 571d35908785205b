#!/usr/bin/env python3
"""Why whosaid's spurious rows are spurious: sorts the rows that match no
gold item at θ = 0.3 (matched as metrics.md does) into classes.

    python3 scripts/spurious_classes.py GOLD.jsonl PRED.csv [--kind indirect]
        [--sieve S] [--show CLASS] [--cue FORM] [-n N]

- `a_samecue:*`: the gold annotates the same cue, the content bound is off
  (`too_long`: the prediction holds the gold content; `too_short`: it lies
  inside it; `shifted`; `disjoint`); `a_overlap:*`: no gold cue there, but
  a gold content overlaps (Jaccard >= 0.05), mostly a cue nested in
  someone else's content; `+gold_taken`: that gold item is already matched
  by another row.
- `b_*`: no gold near: an attribution PolNeAR does not annotate, by the
  context of the cue (`negated`, `modal`, `conditional`, `question`,
  `other`).
- `c_headline`, `c_in_quote`: the cue is in the first line or inside
  quotation marks.

Prints the count and most frequent cues of each class; `--show CLASS`
prints sample rows (prediction in [[ ]], the best gold content after ||).
"""
import argparse, collections, random, re

from rowmatch import gold_spans, load_articles, load_rows, positions, pred_spans, speaker_positions


def match(gold, preds):
    """Return list of (row, status, info) with status right/wrong_speaker/spurious."""
    out = []
    for aid, d in gold.items():
        text = d["text"]
        golds = d["attributions"]
        gp = [positions(text, gold_spans(a, "content") or [(a["content_start"], a["content_end"])]) for a in golds]
        gs = [positions(text, gold_spans(a, "source")) for a in golds]
        rows = preds.get(aid, [])
        pp = [positions(text, pred_spans(r)) for r in rows]
        pairs = []
        for i, p in enumerate(pp):
            for j, g in enumerate(gp):
                if not p or not g:
                    continue
                inter = len(p & g)
                if inter == 0:
                    continue
                jac = inter / len(p | g)
                if jac >= 0.3:
                    pairs.append((-jac, i, j))
        pairs.sort()
        mp, mg = {}, {}
        for nj, i, j in pairs:
            if i in mp or j in mg:
                continue
            mp[i] = j
            mg[j] = i
        for i, r in enumerate(rows):
            info = dict(text=text, golds=golds, gp=gp, gs=gs, p=pp[i], d=d, mg=mg)
            if i in mp:
                j = mp[i]
                ms = speaker_positions(text, r)
                ok = bool(ms & gs[j]) or (not ms and not gs[j])
                out.append((r, "right" if ok else "wrong_speaker", info, j))
            else:
                out.append((r, "spurious", info, None))
    return out


NEG = {"not", "n't", "never", "no", "nobody", "neither", "nor", "without"}
MODAL = {"would", "could", "will", "may", "might", "should", "can", "must", "'ll", "'d", "wo", "ca", "shall"}
COND = {"if", "unless", "whether", "when", "whenever"}
QUOTES = "\"“”„‟«»"


def quoted_at(text, off):
    """Whether offset lies inside double quotation marks within its paragraph."""
    ps = text.rfind("\n", 0, off) + 1
    seg = text[ps:off]
    n = sum(seg.count(c) for c in '"') 
    opens = seg.count("“") - seg.count("”")
    return n % 2 == 1 or opens > 0


def classify(r, info):
    text = info["text"]
    p = info["p"]
    golds, gp = info["golds"], info["gp"]
    cs = int(r["cue_start"]) if r["cue_start"] else None
    ce = int(r["cue_end"]) if r["cue_end"] else None
    best, bj = 0.0, None
    for j, g in enumerate(gp):
        if p and g:
            inter = len(p & g)
            if inter:
                jac = inter / len(p | g)
                if jac > best:
                    best, bj = jac, j
    same_cue = None
    if cs is not None:
        for j, a in enumerate(golds):
            for s, e in gold_spans(a, "cue"):
                if s < ce and cs < e:
                    same_cue = j
    # cue context
    first_nl = text.find("\n")
    headline = cs is not None and cs < (first_nl if first_nl >= 0 else len(text))
    in_quote = cs is not None and quoted_at(text, cs)
    sub = None
    if same_cue is not None or (bj is not None and best >= 0.05):
        j = same_cue if same_cue is not None else bj
        g = gp[j]
        inter = len(p & g)
        jac = inter / len(p | g) if p | g else 0
        if not g:
            sub = "gold_empty"
        elif inter == len(g) and len(p) > len(g):
            sub = "too_long"
        elif inter == len(p) and len(g) > len(p):
            sub = "too_short"
        elif inter == 0:
            sub = "disjoint"
        else:
            sub = "shifted"
        if info["mg"].get(j) is not None:
            sub += "+gold_taken"
        cls = ("a_samecue:" if same_cue is not None else "a_overlap:") + sub
        return cls, best, j
    if headline:
        return "c_headline", best, bj
    if in_quote:
        return "c_in_quote", best, bj
    # unannotated: sense class
    ps = max(text.rfind(". ", 0, cs), text.rfind("\n", 0, cs)) + 1 if cs else 0
    before = re.findall(r"[\w']+|[^\w\s]", text[ps:cs].lower())
    cue = r["cue"].lower()
    ss = text.find("\n", ce)
    sent_end = min([x for x in (text.find(". ", ce), ss, text.find("?", ce)) if x >= 0] or [len(text)])
    qm = text.find("?", ce)
    question = qm >= 0 and qm == sent_end
    near = before[-4:]
    if any(w in NEG or w.endswith("n't") for w in near):
        return "b_negated", best, bj
    if any(w in MODAL for w in near):
        return "b_modal", best, bj
    if any(w in COND for w in before[-12:]):
        return "b_conditional", best, bj
    if question:
        return "b_question", best, bj
    if "so-called" in cue or (near and near[-1] in ("so",)):
        return "b_so_called", best, bj
    return "b_other", best, bj


def show(r, info, j):
    text = info["text"]
    s = min(x for x, _ in pred_spans(r))
    e = max(y for _, y in pred_spans(r))
    cs = int(r["cue_start"]) if r["cue_start"] else s
    lo = max(0, min(s, cs) - 120)
    hi = min(len(text), e + 60)
    out = text[lo:s] + "[[" + text[s:e] + "]]" + text[e:hi]
    g = ""
    if j is not None:
        a = info["golds"][j]
        g = " || GOLD(src=%r cue=%r): %s" % (a.get("source"), a.get("cue"), a["content"][:300])
    return out.replace("\n", " / ") + g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--kind", default="indirect")
    ap.add_argument("--sieve")
    ap.add_argument("--show")
    ap.add_argument("--cue")
    ap.add_argument("-n", type=int, default=20)
    a = ap.parse_args()
    gold, preds = load_articles(a.gold), load_rows(a.pred)
    res = match(gold, preds)
    cnt = collections.Counter()
    cues = collections.defaultdict(collections.Counter)
    shown = []
    for r, st, info, j in res:
        if st != "spurious" or (a.kind and r["kind"] != a.kind):
            continue
        if a.sieve and r["sieve"] != a.sieve:
            continue
        cls, best, bj = classify(r, info)
        cnt[cls] += 1
        cues[cls][r["cue"].lower()] += 1
        if a.show and cls.startswith(a.show) and (not a.cue or r["cue"].lower() == a.cue):
            shown.append((cls, best, r, info, bj))
    tot = sum(cnt.values())
    print("spurious rows:", tot)
    for k, v in sorted(cnt.items()):
        print("  %-40s %5d   top cues: %s" % (k, v, ", ".join("%s %d" % x for x in cues[k].most_common(8))))
    random.seed(1)
    random.shuffle(shown)
    for cls, best, r, info, bj in shown[: a.n]:
        print("\n--", cls, "best J %.2f" % best, r["sieve"], "|", r["speaker_mention"], "|", r["cue"])
        print("  ", show(r, info, bj))


if __name__ == "__main__":
    main()
