#!/usr/bin/env python3
"""Builds data/cues.tsv, the cue lexicon of the speaker matcher, from PolNeAR train.

Usage: python3 scripts/build_cues.py [TRAIN_JSONL] > data/cues.tsv
(default TRAIN_JSONL: ../shared/corpora/polnear/polnear-train.jsonl)
Needs `pip install lemminflect` (MIT) to map forms to lemmas and back.

PolNeAR's cues go well beyond speech ("believes", "the poll found", "wants"),
so the lexicon is learned rather than listed:
1. every word of every train text is counted, and so is every word that lies
   inside a gold cue span;
2. forms are grouped by lemma; a lemma is kept when its forms are inside gold
   cues often enough (>= MIN_GOLD times) and precisely enough (>= MIN_PRECISION
   of its occurrences), or when it is one of the seed reporting verbs below;
3. every inflection of a kept lemma is written out, with the form's own
   precision on train (or the lemma's, for a form seen fewer than 5 times);
4. nouns and adverbs that are almost never the head of a gold cue are dropped
   ("debate", "email", "down", "immediately"): a form is a cue's head when no
   other word of that cue is a verb form of the lexicon ("immediately" in
   "immediately said" is not), and a noun-like form (a noun, the base or -s
   form of a verb-or-noun, an adverb or adjective) whose head precision is
   below MIN_HEAD_PRECISION goes, unless its lemma is a seed. They cost time
   and make false quote frames; the phrases that hold them ("said in an
   email") stay.
Only words and counts are written, never text.

Columns: form, lemma, frame, verb_form, precision, gold_count.
frame is Verb, Noun, VerbOrNoun (decided by context at run time: a noun after
a determiner or possessive), AccordingTo or QuotedAsSaying.
"""
import collections
import json
import re
import sys

import lemminflect

MIN_GOLD = 2
MIN_PRECISION = 0.05
# Adjectives and adverbs ("aware", "reportedly") need more evidence.
MIN_PRECISION_OTHER = 0.12
# Noun-like forms must head a gold cue at least this often (step 4).
MIN_HEAD_PRECISION = 0.03

# Reporting verbs of news kept whatever their train counts.
SEED_VERBS = """say tell add note argue warn write tweet insist acknowledge explain
claim state declare announce report predict suggest urge accuse deny admit confirm
complain recall respond reply ask believe think hope fear expect want know find show
learn estimate contend maintain concede stress emphasize emphasise assert allege
caution reiterate remark observe comment testify quip joke boast vow pledge promise
propose recommend conclude reveal disclose indicate signal retort counter agree
disagree question wonder worry doubt criticize criticise blame praise threaten
describe call mention cite conclude demand announce proclaim opine muse speculate
lament concur post demur gloat fume grumble snipe sneer chuckle""".split()

SEED_NOUNS = """statement claim remarks remark comments comment assertion charge accusation
promise warning belief view allegation argument suggestion testimony interview
announcement insistence contention admission denial prediction complaint""".split()

# Words that never make a cue on their own, however often gold cues hold them.
STOP = set("""a an the and or but of to in on at for with by from as about into over
after before than that this these those it its he she they we i you him her them us
me my our your their his is was were are be been being has have had do does did
will would could can may might should must shall not n't no also just still even
again already once then now later recently previously repeatedly first last
monday tuesday wednesday thursday friday saturday sunday out up off there here
what which who whom whose when where why how all some any more most very so too
much many such only own same other another each both either neither himself
herself itself themselves myself ourselves yourself never almost clearly exactly
easily effectively actually morning mornings certain likely nothing everything
something anything""".split())

# Multi-word cues: (phrase with its verb first, lemma, frame). The verb is
# inflected; the rest of the phrase is kept as written.
PHRASES = [
    ("point out", "point out"), ("point to", "point to"), ("call for", "call for"),
    ("call on", "call on"), ("refer to", "refer to"), ("talk about", "talk about"),
    ("ask about", "ask about"), ("speak about", "speak about"), ("go on", "go on"),
    ("weigh in", "weigh in"), ("lash out", "lash out"), ("shoot back", "shoot back"),
    ("rule out", "rule out"), ("lay out", "lay out"), ("take issue", "take issue"),
    ("push back", "push back"), ("make clear", "make clear"),
    ("make it clear", "make clear"), ("tell reporters", "tell"),
    ("issue a statement", "statement"),
]
# "say in a statement" and its kin: the verb is inflected, the lemma is the verb's.
IN_A = ["in a statement", "in an interview", "in a tweet", "in a letter",
        "in an email", "in a post", "in a speech", "in a memo", "on twitter"]
IN_A_VERBS = ["say", "write", "tell", "add", "note"]

WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")


def count(train_path):
    """Train word counts: every word, every word inside a gold cue, and for
    the latter the other words of each cue that holds it."""
    total, gold = collections.Counter(), collections.Counter()
    contexts = collections.defaultdict(list)
    with open(train_path, encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            text = art["text"]
            cue_words = collections.defaultdict(list)
            for at in art["attributions"]:
                for fr in at["cue_fragments"]:
                    words = [(fr["start"] + m.start(), norm(m.group()))
                             for m in WORD.finditer(text[fr["start"]:fr["end"]])]
                    for start, _ in words:
                        others = frozenset(w for s, w in words if s != start)
                        cue_words[start].append(others)
            in_cue = bytearray(len(text))
            for at in art["attributions"]:
                for fr in at["cue_fragments"]:
                    for p in range(fr["start"], fr["end"]):
                        in_cue[p] = 1
            for m in WORD.finditer(text):
                w = norm(m.group())
                total[w] += 1
                if any(in_cue[m.start():m.end()]):
                    gold[w] += 1
                    contexts[w].append(cue_words.get(m.start(), []))
    return total, gold, contexts


def norm(word):
    return word.lower().replace("\u2019", "'")


def verb_forms(lemma):
    """(form, verb_form) for every inflection of a verb lemma."""
    inf = lemminflect.getAllInflections(lemma, upos="VERB")
    if not inf:
        inf = lemminflect.getAllInflectionsOOV(lemma, upos="VERB")
    past = set(inf.get("VBD", ()))
    out = {lemma: "Base"}
    for tag, forms in inf.items():
        for f in forms:
            if tag == "VBZ":
                out.setdefault(f, "Present")
            elif tag == "VBD":
                out[f] = "Past"
            elif tag == "VBN" and f not in past:
                out[f] = "Participle"
            elif tag == "VBG":
                out[f] = "Gerund"
            elif tag in ("VB", "VBP"):
                out.setdefault(f, "Base")
    return out


def noun_forms(lemma):
    inf = lemminflect.getAllInflections(lemma, upos="NOUN")
    forms = {lemma}
    for fs in inf.values():
        forms.update(fs)
    return forms


def main():
    train = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/polnear/polnear-train.jsonl"
    total, gold, contexts = count(train)

    def precision(forms):
        t = sum(total[f] for f in forms)
        return (sum(gold[f] for f in forms) / t) if t else 0.0

    # Group observed gold words by lemma.
    verb_lemmas, noun_lemmas, other = set(SEED_VERBS), set(SEED_NOUNS), {}
    for w in gold:
        if w in STOP or "'" in w or len(w) < 3:
            continue
        lemmas = lemminflect.getAllLemmas(w)
        if "VERB" in lemmas:
            verb_lemmas.add(lemmas["VERB"][0])
        elif "NOUN" in lemmas:
            noun_lemmas.add(lemmas["NOUN"][0])
        elif "ADJ" in lemmas or "ADV" in lemmas:
            other[w] = w

    rows = {}  # form -> (lemma, frame, verb_form)

    def keep(forms, seed):
        g = sum(gold[f] for f in forms)
        return seed or (g >= MIN_GOLD and precision(forms) >= MIN_PRECISION)

    for lemma in sorted(verb_lemmas):
        forms = verb_forms(lemma)
        if lemma in STOP or not keep(forms, lemma in SEED_VERBS):
            continue
        nouns = set(lemminflect.getAllInflections(lemma, upos="NOUN").get("NN", ()))
        nouns |= set(lemminflect.getAllInflections(lemma, upos="NOUN").get("NNS", ()))
        for f, vf in forms.items():
            frame = "VerbOrNoun" if f in nouns else "Verb"
            rows[f] = (lemma, frame, vf)
    for lemma in sorted(noun_lemmas):
        forms = noun_forms(lemma)
        if lemma in STOP or not keep(forms, lemma in SEED_NOUNS):
            continue
        for f in forms:
            rows.setdefault(f, (lemma, "Noun", "None"))
    for w in sorted(other):
        if keep([w], False) and precision([w]) >= MIN_PRECISION_OTHER:
            rows.setdefault(w, (w, "Verb", "None"))

    # Step 4: noun-like forms that almost never head a gold cue.
    verbs = {f for f, (_, frame, vf) in rows.items() if frame == "Verb" and vf != "None"}
    seeds = set(SEED_VERBS) | set(SEED_NOUNS)
    for form, (lemma, frame, vf) in list(rows.items()):
        noun_like = (frame in ("Noun", "VerbOrNoun") and vf in ("None", "Base", "Present")
                     or frame == "Verb" and vf == "None")
        heads = sum(1 for cues in contexts[form] if any(not (o & verbs) for o in cues))
        if noun_like and lemma not in seeds and heads < MIN_HEAD_PRECISION * total[form]:
            del rows[form]

    for phrase, lemma in PHRASES:
        verb, rest = phrase.split(" ", 1)
        if lemma == "statement":
            for f, vf in verb_forms(verb).items():
                rows[f"{f} {rest}"] = (lemma, "Noun", vf)
            continue
        for f, vf in verb_forms(verb).items():
            rows[f"{f} {rest}"] = (lemma, "Verb", vf)
    for verb in IN_A_VERBS:
        for f, vf in verb_forms(verb).items():
            for rest in IN_A:
                rows[f"{f} {rest}"] = (verb, "Verb", vf)
    rows["according to"] = ("according to", "AccordingTo", "None")
    for f in ("quoted as saying", "quoted as telling", "quoted as writing"):
        rows[f] = ("quoted as saying", "QuotedAsSaying", "Participle")

    print("# form\tlemma\tframe\tverb_form\tprecision\tgold_count")
    print("# generated by scripts/build_cues.py from PolNeAR train word counts; see data/LEXICONS.md")
    for form in sorted(rows):
        lemma, frame, vf = rows[form]
        parts = form.split(" ")
        if len(parts) == 1:
            p = precision([form]) if total[form] >= 5 else precision(verb_forms(lemma) if frame != "Noun" else noun_forms(lemma))
            g = gold[form]
        else:
            p, g = 1.0, 0  # phrases: not counted as such (see LEXICONS.md)
        print(f"{form}\t{lemma}\t{frame}\t{vf}\t{p:.2f}\t{g}")


if __name__ == "__main__":
    main()
