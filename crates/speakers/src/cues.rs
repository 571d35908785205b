//! Cues: reporting verbs and phrases, found with one table over the text.
//!
//! The table holds every form of `data/cues.tsv` and finds, ASCII
//! case-insensitively, the leftmost-longest match, so "said in a statement"
//! wins over "said" and cues never overlap. A match counts only as a whole
//! word. Then each cue is fitted to its context:
//!
//! - **Auxiliaries join the cue.** "has said", "had been told", "was quoted as
//!   saying", "will say", "did not deny": the auxiliary (and an adverb such as
//!   "also", "not", "repeatedly" after it) becomes part of the cue's span, so
//!   that the source stands right before the cue. A past form after "have" or
//!   "be" becomes [`VerbForm::Participle`]; a base form after a modal or "do"
//!   stays [`VerbForm::Base`]; "is saying" stays a gerund.
//! - **Verb or noun.** A form that is both ("claim", "report", "view") is a
//!   [`CueFrame::Noun`] after a determiner or possessive ("his claim that"),
//!   a verb elsewhere; so is an -s form after a plural quantifier ("many
//!   *references* to").
//! - **Compound nouns are no cues**: "a think tank", "a TV show".
//! - **Noun or adjective.** A noun form that is its own lemma, between "be"
//!   and "that" ("they were *adamant* that", "she was *hopeful* that"), is
//!   a predicative adjective and takes a subject as "confident" does: a
//!   [`CueFrame::Verb`].
//! - **A copula joins the adjective after it.** "she *seemed hopeful* that",
//!   "they *remain confident* that": an adjective cue (a form without
//!   tense) between a copular verb cue and "that" takes the copula's span
//!   and form, as an auxiliary joins a verb, so its subject is the source.
//! - **A noun before a verb cue is its subject.** "The statement read",
//!   "the report has found": the noun cue is dropped, the verb kept.
//! - **Names are not verbs.** A capitalised cue inside a sentence, or one
//!   with a capitalised word after it, is taken for a name ("Hope Hicks",
//!   "State Department") and dropped; so is one after an honorific ("Sen.
//!   Read"), or one that is the surname of a full name elsewhere in the text
//!   (`"…," Read said.` after "Brendan Read").

use whosaid_core::{Cue, CueFrame, Span, Token, TokenKind, VerbForm};

use crate::lexicon::{self, LexFrame, Syntax, WordInfo};
use crate::surnames::is_surname;
use crate::text::{is_capitalized, is_whole_word, word_after};

/// The cues of `text`, in text order, never overlapping, matched at the
/// starts of its word tokens.
///
/// `cue_words` are the word tokens some cue form starts with, in order (see
/// [`lexicon::WordStarts`]): only those are visited.
pub fn find(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    cue_words: &[u32],
    surnames: &[u64],
) -> Vec<Cue> {
    let lexicon = lexicon::cues();
    let mut cues: Vec<Cue> = Vec::with_capacity(tokens.len() / 8);
    let mut title_case = TitleCaseLine::default();
    let mut pos = 0;
    for &t in cue_words {
        let t = t as usize;
        let (Some(token), Some(info)) = (tokens.get(t), infos.get(t)) else {
            break;
        };
        let start = token.span.start;
        if token.kind != TokenKind::Word || start < pos {
            continue;
        }
        let found = lexicon::match_at(
            &lexicon.matcher,
            &lexicon.forms,
            lexicon::cue_starts(),
            info.cue(),
            text,
            start,
            token.span.end,
        );
        let Some((mut id, mut end)) = found else {
            continue;
        };
        // "said in a post-match interview": the longest phrase, "said in a
        // post", ends inside a word; the longest one that ends at a word
        // boundary ("said") is the cue.
        if !is_whole_word(text, start, end) {
            match longest_whole_word_match(&lexicon.matcher, text, tokens, t, end) {
                Some(shorter) => (id, end) = shorter,
                None => continue,
            }
        }
        let Some(entry) = lexicon.entries.get(id) else {
            continue;
        };
        // "Sanders Says He Will Run": in a headline every word is
        // capitalised, so a verb form there ("Says", "Said", "Warn") is no name.
        let headline_verb = |title_case: &mut TitleCaseLine| {
            matches!(
                entry.form,
                VerbForm::Present | VerbForm::Past | VerbForm::Base
            ) && title_case.at(text, start)
        };
        // `start..end` is a whole word by now.
        if (looks_like_name(text, start, end) && !headline_verb(&mut title_case))
            || is_capitalized(token.span.text(text))
                && end == token.span.end
                && (lexicon::after_honorific(text, tokens, infos, t)
                    || is_surname(surnames, token.span.text(text)))
        {
            continue;
        }
        if entry.frame == LexFrame::VerbOrNoun && in_compound_noun(text, tokens, t, end) {
            continue;
        }
        // "seemed hopeful that", "remain confident that": the copular verb
        // cue right before an adjective cue, which joins it.
        let copula = copula_before(text, &cues, start).filter(|_| {
            entry.form == VerbForm::None
                && word_after(text, end)
                    .text(text)
                    .eq_ignore_ascii_case("that")
        });
        let frame = match entry.frame {
            LexFrame::Fixed(CueFrame::Noun)
                if entry.lemma.eq_ignore_ascii_case(&text[start..end])
                    && (copula.is_some() || is_predicative(text, tokens, infos, t, end)) =>
            {
                CueFrame::Verb
            }
            LexFrame::Fixed(frame) => frame,
            LexFrame::VerbOrNoun
                if after_determiner(text, tokens, infos, t)
                    || (entry.form == VerbForm::Present
                        && after_plural_quantifier(text, tokens, t)) =>
            {
                CueFrame::Noun
            }
            LexFrame::VerbOrNoun => CueFrame::Verb,
        };
        let mut cue = Cue {
            span: Span::new(start, end),
            lemma: entry.lemma,
            frame,
            form: if frame == CueFrame::Noun {
                VerbForm::None
            } else {
                entry.form
            },
            precision: entry.precision,
        };
        if let Some(copula) = copula.filter(|_| frame == CueFrame::Verb) {
            // The adjective takes the copula's place: its span, auxiliaries
            // included, and its form, so the subject stands right before.
            cue.span.start = copula.span.start;
            cue.form = copula.form;
            cues.pop();
            cues.push(cue);
            pos = end;
            continue;
        }
        let floor = cues.last().map_or(0, |c| c.span.end);
        if matches!(frame, CueFrame::Verb | CueFrame::QuotedAsSaying) {
            join_auxiliary(text, tokens, infos, t, &mut cue, floor);
            // "The statement read", "the report has found": a noun right
            // before a verb cue is its subject, not a cue.
            let subject = cues.last().is_some_and(|last| {
                last.frame == CueFrame::Noun
                    && text
                        .get(last.span.end..cue.span.start)
                        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
            });
            if subject {
                cues.pop();
            }
        }
        cues.push(cue);
        pos = end;
    }
    cues
}

/// The longest pattern at token `t` that ends at a word boundary before
/// `end` (where a longer match ends inside a word): each earlier token end,
/// from the last, bounds the search until a match there is a whole word.
/// Rare, so a few table searches cost nothing worth saving.
fn longest_whole_word_match(
    matcher: &lexicon::Patterns,
    text: &str,
    tokens: &[Token],
    t: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let start = tokens.get(t)?.span.start;
    let inside = tokens[t..]
        .iter()
        .take_while(|token| token.span.end < end)
        .count();
    tokens[t..t + inside].iter().rev().find_map(|token| {
        let bounded = text.get(..token.span.end)?;
        matcher
            .longest_at(bounded, start)
            .filter(|&(_, found_end)| is_whole_word(text, start, found_end))
    })
}

/// Whether a line is a headline in title case, remembered for the last line
/// asked about: the cues of one line share the answer, so each line is
/// scanned at most once and a long paragraph of capitalised words costs
/// linear time, not quadratic.
#[derive(Default)]
struct TitleCaseLine {
    line: std::ops::Range<usize>,
    title_case: bool,
}

impl TitleCaseLine {
    /// Whether the line around `offset` is in title case.
    fn at(&mut self, text: &str, offset: usize) -> bool {
        if !self.line.contains(&offset) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
            self.line = start..end;
            self.title_case = is_title_case(&text[start..end]);
        }
        self.title_case
    }
}

/// Whether a line is a headline in title case: at least four words of four
/// letters or more, nearly all of them capitalised.
fn is_title_case(line: &str) -> bool {
    // One pass over the bytes: the words are the runs of alphabetic
    // characters, and only a non-ASCII character is decoded.
    let (mut long, mut capitalized) = (0, 0);
    // The current word's length in characters, and whether it starts with
    // an uppercase letter.
    let (mut chars, mut upper) = (0usize, false);
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alphabetic, uppercase, width) = if b.is_ascii() {
            (b.is_ascii_alphabetic(), b.is_ascii_uppercase(), 1)
        } else {
            match line[i..].chars().next() {
                Some(c) => (c.is_alphabetic(), c.is_uppercase(), c.len_utf8()),
                None => break,
            }
        };
        i += width;
        if alphabetic {
            if chars == 0 {
                upper = uppercase;
            }
            chars += 1;
        } else {
            if chars >= 4 {
                long += 1;
                capitalized += usize::from(upper);
                // Title case needs nine capitalised long words for each
                // lowercase one. Once the rest of the line, all in long
                // capitalised words (four bytes and a break each), could
                // not make up for these, stop: a paragraph is no headline,
                // and its cues would otherwise scan it whole.
                let lowercase = long - capitalized;
                let at_most_more = (bytes.len() - i) / 4 + 2;
                if 9 * lowercase > capitalized + at_most_more {
                    return false;
                }
            }
            chars = 0;
        }
    }
    if chars >= 4 {
        long += 1;
        capitalized += usize::from(upper);
    }
    long >= 4 && capitalized * 10 >= long * 9
}

/// A capitalised one-word match followed by another capitalised word is a
/// name ("Hope Hicks said", "State Department"), not a verb; inside a
/// sentence, a capitalised match is a name whatever follows it.
fn looks_like_name(text: &str, start: usize, end: usize) -> bool {
    let Some(word) = text.get(start..end) else {
        return false;
    };
    if !is_capitalized(word) || word.contains(' ') {
        return false;
    }
    if !starts_sentence(text, start) {
        return true;
    }
    let next = word_after(text, end);
    next.end > next.start && is_capitalized(next.text(text))
}

/// Whether the word at `start` opens a sentence, a line or a quotation.
fn starts_sentence(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let before = head.trim_end_matches([' ', '\t', '\u{a0}']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '\n'
                | '\r'
                | '"'
                | '\u{201C}'
                | '\u{201D}'
                | '('
                | '['
                | '\u{2014}'
                | '\u{2013}'
                | '\u{2018}'
                | '\''
        ),
    }
}

/// The word token right before token `t`, when only blanks separate them.
fn word_before(text: &str, tokens: &[Token], t: usize) -> Option<usize> {
    let p = t.checked_sub(1)?;
    let (prev, token) = (tokens.get(p)?, tokens.get(t)?);
    let gap = text.get(prev.span.end..token.span.start)?;
    (prev.kind == TokenKind::Word && gap.chars().all(char::is_whitespace)).then_some(p)
}

/// Whether the verb-or-noun form at token `t`, ending at `end`, is part
/// of a compound noun that names a thing, never a statement: "a liberal
/// *think* tank", "the hit TV *show*", "a radio talk *show*" (on PolNeAR
/// train 20 such rows, 4 right).
fn in_compound_noun(text: &str, tokens: &[Token], t: usize, end: usize) -> bool {
    let form = &text[tokens[t].span.start..end];
    let next = word_after(text, end).text(text);
    if COMPOUND_HEADS
        .iter()
        .any(|(first, head)| form.eq_ignore_ascii_case(first) && next.eq_ignore_ascii_case(head))
    {
        return true;
    }
    // "the game shows that": a verb with its clause.
    let show = (form.eq_ignore_ascii_case("show") || form.eq_ignore_ascii_case("shows"))
        && !next.eq_ignore_ascii_case("that");
    show && word_before(text, tokens, t).is_some_and(|p| {
        let word = tokens[p].span.text(text);
        BROADCASTS.iter().any(|b| word.eq_ignore_ascii_case(b))
    })
}

/// A cue form and the head noun after it that make one compound noun.
const COMPOUND_HEADS: [(&str, &str); 4] = [
    ("think", "tank"),
    ("think", "tanks"),
    ("show", "host"),
    ("show", "hosts"),
];

/// Words before "show" that make it a programme ("TV show", "talk show").
const BROADCASTS: [&str; 9] = [
    "tv",
    "television",
    "radio",
    "talk",
    "reality",
    "cable",
    "morning",
    "game",
    "daily",
];

/// Whether the noun form at token `t`, ending at `end`, is a predicative
/// adjective: right after "be" and right before "that" ("loyalists were
/// *adamant* that", "she was *hopeful* that"). It then takes a subject and
/// a that-clause as "confident" does, so it is a verb-frame cue; a
/// "presidential hopeful" stays a noun, and so does a plural ("it was
/// *suggestions* that"), which the caller leaves out: an adjective is its
/// own lemma.
fn is_predicative(text: &str, tokens: &[Token], infos: &[WordInfo], t: usize, end: usize) -> bool {
    word_before(text, tokens, t).is_some_and(|p| infos[p].syntax().any(Syntax::HAVE_BE))
        && word_after(text, end)
            .text(text)
            .eq_ignore_ascii_case("that")
}

/// Whether a plural quantifier stands right before token `t`: an -s form
/// after it is a plural noun, not a verb, which would agree with a
/// singular subject ("many *references* to", "few *signs* that", "several
/// *positions*").
fn after_plural_quantifier(text: &str, tokens: &[Token], t: usize) -> bool {
    word_before(text, tokens, t).is_some_and(|p| {
        let word = tokens[p].span.text(text);
        PLURAL_QUANTIFIERS
            .iter()
            .any(|q| word.eq_ignore_ascii_case(q))
    })
}

/// Quantifiers that take a plural noun ([`after_plural_quantifier`]).
const PLURAL_QUANTIFIERS: [&str; 11] = [
    "many", "several", "few", "various", "numerous", "multiple", "some", "other", "two", "three",
    "four",
];

/// The copular verb cue ("seem", "appear", "remain", "sound") that ends
/// right before `start`, with only spaces between: "she *seemed* hopeful
/// that", "they *remain* confident that". An adjective cue after it
/// takes its subject as after "be".
fn copula_before<'c>(text: &str, cues: &'c [Cue], start: usize) -> Option<&'c Cue> {
    cues.last().filter(|last| {
        last.frame == CueFrame::Verb
            && matches!(last.lemma, "seem" | "appear" | "remain" | "sound")
            && text
                .get(last.span.end..start)
                .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
    })
}

/// Whether a determiner or possessive stands right before token `t`.
fn after_determiner(text: &str, tokens: &[Token], infos: &[WordInfo], t: usize) -> bool {
    let Some(p) = word_before(text, tokens, t) else {
        return false;
    };
    let word = tokens[p].span.text(text);
    infos[p].syntax().any(Syntax::NOUN_OPENER)
        || word.ends_with("'s")
        || word.ends_with("\u{2019}s")
        || word.ends_with("s'")
}

/// Widens `cue`, which starts at token `t`, leftwards over an auxiliary
/// ("has said") and one adverb between them ("has also said"), never past
/// `floor`.
fn join_auxiliary(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    mut t: usize,
    cue: &mut Cue,
    floor: usize,
) {
    let wanted = match cue.form {
        VerbForm::Past | VerbForm::Participle | VerbForm::Gerund => Syntax::HAVE_BE,
        VerbForm::Base => Syntax::MODAL_DO,
        _ => return,
    };
    for _ in 0..3 {
        let Some(p) = word_before(text, tokens, t) else {
            return;
        };
        let prev = tokens[p].span;
        if prev.start < floor {
            return;
        }
        let syntax = infos[p].syntax();
        // "he's said": the auxiliary is the clitic of the word before, which
        // the look-up would take for a possessive.
        let clitic = ["'s", "\u{2019}s", "'ve", "\u{2019}ve"]
            .iter()
            .any(|c| prev.len() > c.len() && prev.text(text).ends_with(c));
        if syntax.any(wanted) && !clitic {
            cue.span.start = prev.start;
            if wanted == Syntax::HAVE_BE && cue.form == VerbForm::Past {
                cue.form = VerbForm::Participle;
            }
            // "had been told": keep going over a second auxiliary.
        } else if !syntax.any(Syntax::INNER_ADVERB) {
            return;
        }
        t = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(&str, &'static str, CueFrame, VerbForm)> {
        let tokens = crate::text::tokenize(text);
        let (infos, starts) = crate::lexicon::word_infos(text, &tokens);
        let mut surnames = Vec::new();
        crate::surnames::collect(text, &tokens, &infos, &starts.names, &mut surnames);
        find(text, &tokens, &infos, &starts.cues, &surnames)
            .into_iter()
            .map(|c| (c.span.text(text), c.lemma, c.frame, c.form))
            .collect()
    }

    /// `is_title_case` as first written, over `split` and `chars`: the
    /// one-pass version must agree with it.
    fn title_case_by_splitting(line: &str) -> bool {
        let (mut long, mut capitalized) = (0, 0);
        for word in line.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= 4 {
                long += 1;
                capitalized += usize::from(crate::text::is_capitalized(word));
            }
        }
        long >= 4 && capitalized * 10 >= long * 9
    }

    #[test]
    fn title_case_in_one_pass_agrees_with_splitting() {
        let lines = [
            "Sanders Says He Will Run Again",
            "Sanders says he will run again",
            "\u{c9}lise Stefanik Warns Über Drivers Ärger",
            "\u{201c}Trump\u{2019}s Wall\u{201d} Splits Senate Republicans Badly",
            "Ölbaum Äpfel Über Ärzte",
            "Four Long Words Here",
            "Four Long Words here",
            "",
            "a-b-c-d Dddd-Eeee-Ffff-Gggg",
            "Naïve Café Owners Protest Loudly",
            "ÉCOLE école Ecole ÉCOLE",
            "once Twoo Thre Four Five Sixx Seve Eigh Nine Tenn",
            "once Twoo Thre Four Five Sixx Seve Eigh Nine",
            "Once Twoo Thre Four Five Sixx Seve Eigh Nine Tenn Elev Twel twel",
            "the senator said that nothing would change before the vote, \
             then Left Town Quickly Again And Again Over Many Long Years",
        ];
        for line in lines {
            assert_eq!(
                super::is_title_case(line),
                title_case_by_splitting(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn surnames_and_names_after_honorifics_are_not_cues() {
        let got = cues("\"Fine,\" Read said. Sen. Read spoke, and Brendan Read agreed.");
        let words: Vec<&str> = got.iter().map(|c| c.0).collect();
        assert_eq!(words, ["said", "spoke", "agreed"]);
        // Without a full name elsewhere, a sentence-initial form is a verb.
        let got = cues("Read the statement, he said.");
        assert_eq!(got[0].0, "Read");
    }

    #[test]
    fn finds_reporting_verbs_in_their_forms() {
        let got = cues("She says it works. He said no. They were saying so. I tell you.");
        assert_eq!(got[0], ("says", "say", CueFrame::Verb, VerbForm::Present));
        assert_eq!(got[1], ("said", "say", CueFrame::Verb, VerbForm::Past));
        assert_eq!(
            got[2],
            ("were saying", "say", CueFrame::Verb, VerbForm::Gerund)
        );
        assert_eq!(got[3], ("tell", "tell", CueFrame::Verb, VerbForm::Base));
    }

    #[test]
    fn a_capitalised_present_verb_in_a_headline_is_a_cue() {
        let got = cues("Governor Vance Says State Budget Needs Deep Cuts\n\nShe spoke.");
        assert!(got.iter().any(|c| c.0 == "Says" && c.1 == "say"), "{got:?}");
        let got = cues("Governor Vance Warned Voters About Deep Budget Cuts\n\nShe spoke.");
        assert!(got.iter().any(|c| c.0 == "Warned"), "{got:?}");
        let got = cues("Farm State Senators Warn Against Deep Budget Cuts\n\nThey spoke.");
        assert!(got.iter().any(|c| c.0 == "Warn"), "{got:?}");
        // In a sentence of lowercase words it is still a name.
        let got = cues("We met Ann Says at the fair, and she spoke.");
        assert!(got.iter().all(|c| c.0 != "Says"), "{got:?}");
    }

    #[test]
    fn longest_phrase_wins() {
        let got = cues("Kirby said in a statement that talks went on, according to aides.");
        assert_eq!(
            got[0],
            ("said in a statement", "say", CueFrame::Verb, VerbForm::Past)
        );
        assert!(got
            .iter()
            .any(|c| c.0 == "according to" && c.2 == CueFrame::AccordingTo));
        let q = cues("The minister was quoted as saying the deal is off.");
        assert_eq!(
            q[0],
            (
                "was quoted as saying",
                "quoted as saying",
                CueFrame::QuotedAsSaying,
                VerbForm::Participle
            )
        );
    }

    #[test]
    fn auxiliaries_join_the_cue() {
        let got = cues("Clinton has also said she will say more. He did not deny it.");
        assert_eq!(
            got[0],
            ("has also said", "say", CueFrame::Verb, VerbForm::Participle)
        );
        assert_eq!(got[1], ("will say", "say", CueFrame::Verb, VerbForm::Base));
        assert_eq!(
            got[2],
            ("did not deny", "deny", CueFrame::Verb, VerbForm::Base)
        );
    }

    #[test]
    fn whole_words_only() {
        assert!(cues("The so-called unsaid saying-less")
            .iter()
            .all(|c| c.0 != "called"));
        assert!(cues("Ask anyone: unasked questions.")
            .iter()
            .all(|c| c.0 != "asked"));
    }

    #[test]
    fn a_phrase_cut_inside_a_word_falls_back_to_a_shorter_cue() {
        // "said in a post" and "said in an email" end inside "post-match"
        // and "emailed": the cue is the whole-word "said".
        let got = cues("Lee said in a post-match chat that it was fine.");
        assert_eq!(got[0], ("said", "say", CueFrame::Verb, VerbForm::Past));
        let got = cues("Ruiz said in an emailed note that it was over.");
        assert_eq!(got[0], ("said", "say", CueFrame::Verb, VerbForm::Past));
    }

    #[test]
    fn nouns_after_determiners() {
        let got = cues("His claim that he won was false, and they claim otherwise.");
        assert_eq!(got[0].2, CueFrame::Noun);
        assert_eq!(got[0].3, VerbForm::None);
        let verb = got.iter().rev().find(|c| c.0 == "claim").map(|c| c.2);
        assert_eq!(verb, Some(CueFrame::Verb));
    }

    #[test]
    fn an_s_form_after_a_plural_quantifier_is_a_noun() {
        let got = cues("There were many references to it, and she references it too.");
        let frames: Vec<_> = got
            .iter()
            .filter(|c| c.0 == "references")
            .map(|c| c.2)
            .collect();
        assert_eq!(frames, [CueFrame::Noun, CueFrame::Verb]);
    }

    #[test]
    fn compound_nouns_are_no_cues() {
        let got = cues("A liberal think tank and a TV show host said nothing.");
        assert!(
            got.iter().all(|c| c.0 != "think" && c.0 != "show"),
            "{got:?}"
        );
        let got = cues("They think the radio shows that the polls show a tie.");
        assert!(got.iter().any(|c| c.0 == "think"));
        assert!(got.iter().any(|c| c.0 == "shows"));
        assert!(got.iter().any(|c| c.0 == "show"));
    }

    #[test]
    fn a_noun_form_between_be_and_that_is_predicative() {
        let got = cues("The aides were adamant that the mayor would run. The adamant aides left.");
        assert_eq!(got[0].0, "adamant");
        assert_eq!(got[0].2, CueFrame::Verb);
        let noun = got.iter().rev().find(|c| c.0 == "adamant").map(|c| c.2);
        assert_eq!(noun, Some(CueFrame::Noun));
    }

    #[test]
    fn an_adjective_cue_after_a_copular_verb_joins_it() {
        let got = cues("Lee seemed hopeful that the bill would pass. The aides remain confident that it will. It seemed hopeful.");
        assert_eq!(got[0].0, "seemed hopeful");
        assert_eq!((got[0].2, got[0].3), (CueFrame::Verb, VerbForm::Past));
        assert_eq!(got[1].0, "remain confident");
        assert_eq!(got[1].2, CueFrame::Verb);
        // Without "that" after it, the adjective is no clause's cue.
        assert!(got[2..].iter().any(|c| c.0 == "seemed"));
    }

    #[test]
    fn no_cue_phrase_starts_with_an_auxiliary() {
        // Mentions take a cue of several words that starts with an auxiliary
        // for one the auxiliary joined ("will say").
        for form in &lexicon::cues().forms {
            let Some((first, _)) = form.split_once(' ') else {
                continue;
            };
            let tokens = crate::text::tokenize(first);
            let (infos, _) = lexicon::word_infos(first, &tokens);
            assert!(
                infos.iter().all(|i| !i.syntax().any(Syntax::AUXILIARY)),
                "{form}"
            );
        }
    }

    #[test]
    fn nouns_before_verb_cues_are_subjects() {
        let got = cues("The statement read: no. The report has found gains. His claim was false.");
        assert!(got.iter().all(|c| c.0 != "statement" && c.0 != "report"));
        assert!(got.iter().any(|c| c.0 == "read"));
        assert!(got.iter().any(|c| c.0 == "has found"));
        assert!(got.iter().any(|c| c.0 == "claim" && c.2 == CueFrame::Noun));
    }

    #[test]
    fn capitalised_names_are_not_cues() {
        let got = cues("Aide Hope Hicks replied, and we hope so.");
        assert!(got.iter().all(|c| c.0 != "Hope"));
        assert!(got.iter().any(|c| c.0 == "hope"));
        assert!(got.iter().any(|c| c.0 == "replied"));
    }
}
