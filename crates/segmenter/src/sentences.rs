//! Sentences: boundary candidates as in Unicode's sentence rules (UAX #29),
//! then a merge pass.
//!
//! A candidate boundary follows a run of `.`, `?` or `!` and any closing marks
//! or brackets after it (`…he said."` ends after the `"`), when a blank comes
//! next. Like UAX #29 this splits "Sen. | Warren", "John F. | Kennedy", "the
//! U.S. | Senate" and `"Why?" | she asked.` (UAX #29 itself, from the
//! unicode-segmentation crate, ran at 15 MB/s on the PolNeAR texts; these few
//! rules with memchr run an order of magnitude faster.) A candidate is no
//! boundary when:
//!
//! - the text after it starts with a lower-case letter (no news sentence
//!   does);
//! - the text before it ends with a title abbreviation ("Mr.", "Sen.", see
//!   `data/abbreviations.txt`);
//! - the text before it ends with another abbreviation ("U.S.", "Inc.",
//!   "Sept.") or an initial ("F.", "J.R.R."), unless the text after it
//!   plainly starts a sentence: it opens with a quotation mark or bracket, or
//!   its first word is one of `data/sentence-starters.txt` ("The", "But").
//!
//! Sentences never cross a paragraph and are trimmed of blanks.

use std::sync::OnceLock;

use memchr::memchr3_iter;
use rustc_hash::FxHashMap;
use whosaid_core::Span;

use crate::text::{char_at, is_blank, is_punct, trim};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbreviation {
    /// Comes before a name; never ends a sentence.
    Title,
    /// Ends a sentence only when the next word plainly starts one.
    Other,
}

/// The abbreviations, keyed without their final period ("U.S", "Sen").
/// FxHash rather than SipHash: the keys are our own data, not an
/// attacker's, and the text's words are looked up at every period.
fn abbreviations() -> &'static FxHashMap<&'static str, Abbreviation> {
    static ABBREVIATIONS: OnceLock<FxHashMap<&'static str, Abbreviation>> = OnceLock::new();
    ABBREVIATIONS.get_or_init(|| {
        data_lines(include_str!("../data/abbreviations.txt"))
            .filter_map(|line| {
                let (word, class) = line.split_once(char::is_whitespace)?;
                let class = match class.trim() {
                    "title" => Abbreviation::Title,
                    _ => Abbreviation::Other,
                };
                Some((word.strip_suffix('.').unwrap_or(word), class))
            })
            .collect()
    })
}

fn sentence_starters() -> &'static FxHashMap<&'static str, ()> {
    static STARTERS: OnceLock<FxHashMap<&'static str, ()>> = OnceLock::new();
    STARTERS.get_or_init(|| {
        data_lines(include_str!("../data/sentence-starters.txt"))
            .map(|w| (w, ()))
            .collect()
    })
}

/// The non-empty, non-comment lines of a data file.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Appends the sentences of each paragraph to `sentences`.
pub(crate) fn split(text: &str, paragraphs: &[Span], sentences: &mut Vec<Span>) {
    for para in paragraphs {
        let Some(p) = text.get(para.range()) else {
            continue;
        };
        let mut start = 0;
        // Terminators before `resume` belong to the previous candidate.
        let mut resume = 0;
        for i in memchr3_iter(b'.', b'?', b'!', p.as_bytes()) {
            if i < resume {
                continue;
            }
            let mut end = i + 1;
            while let Some(c) = char_at(p, end).filter(|&c| is_terminator(c) || is_closer(c)) {
                end += c.len_utf8();
            }
            resume = end;
            // A boundary needs a blank after it ("3.5", "U.S" have none).
            if !char_at(p, end).is_some_and(is_blank) {
                continue;
            }
            let Some(next) = p[end..].find(|c| !is_blank(c)).map(|n| end + n) else {
                break;
            };
            let prev = Span::new(para.start + start, para.start + end);
            if continues(text, prev, Span::new(para.start + next, para.end)) {
                continue;
            }
            sentences.extend(trim(text, prev.start, prev.end).map(|(s, e)| Span::new(s, e)));
            start = next;
        }
        sentences.extend(trim(text, para.start + start, para.end).map(|(s, e)| Span::new(s, e)));
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!')
}

/// Closing marks and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Longest abbreviation or run of initials looked at, in bytes.
const MAX_ABBREVIATION: usize = 16;

/// Whether the text `next` (up to the paragraph's end) continues the sentence
/// `prev` (see the module docs).
fn continues(text: &str, prev: Span, next: Span) -> bool {
    let next_text = next.text(text);
    let Some(first) = next_text.chars().next() else {
        return false;
    };
    if first.is_lowercase() {
        return true;
    }
    let Some(word) = prev.text(text).strip_suffix('.').and_then(last_word) else {
        return false;
    };
    match abbreviations().get(word) {
        Some(Abbreviation::Title) => true,
        Some(Abbreviation::Other) => !starts_sentence(next_text),
        None => is_initials(word) && !starts_sentence(next_text),
    }
}

/// The word ending `s`: letters and inner periods, at most
/// [`MAX_ABBREVIATION`] bytes, preceded by a blank, punctuation or nothing.
fn last_word(s: &str) -> Option<&str> {
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        if !(c.is_alphabetic() || c == '.') {
            if !(c.is_whitespace() || is_punct(c)) {
                return None;
            }
            break;
        }
        if s.len() - i > MAX_ABBREVIATION {
            return None;
        }
        start = i;
    }
    let word = &s[start..];
    (!word.is_empty() && !word.starts_with('.')).then_some(word)
}

/// "F", "J.R.R": single capitals joined by periods.
fn is_initials(word: &str) -> bool {
    word.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    })
}

/// Whether `s` plainly starts a sentence: an opening mark or bracket, or a
/// word of the starters list.
fn starts_sentence(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !first.is_alphanumeric() {
        // A quoted word in lower case goes on the sentence: "the U.S.
        // “clearly” needed".
        let quoted_lowercase = s[first.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        return is_punct(first) && !quoted_lowercase;
    }
    let word_len = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    sentence_starters().contains_key(&s[..word_len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs;

    fn texts(text: &str) -> Vec<&str> {
        let mut sentences = Vec::new();
        split(text, &paragraphs::split(text), &mut sentences);
        sentences.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            texts("It rained. Then it stopped! Did it?"),
            ["It rained.", "Then it stopped!", "Did it?"]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            texts("Mr. Smith met Sen. Warren and Gov. Brown. Dr. Who left."),
            ["Mr. Smith met Sen. Warren and Gov. Brown.", "Dr. Who left."]
        );
        assert_eq!(
            texts("Mrs. Jones saw Gen. Lee and Lt. Dan."),
            ["Mrs. Jones saw Gen. Lee and Lt. Dan."]
        );
    }

    #[test]
    fn other_abbreviations_end_a_sentence_only_before_a_starter() {
        assert_eq!(
            texts("The U.S. Senate voted. It moved to the U.S. The rest stayed."),
            [
                "The U.S. Senate voted.",
                "It moved to the U.S.",
                "The rest stayed."
            ]
        );
        assert_eq!(
            texts("Acme Inc. Chief Bob Jones Jr. spoke at 9 a.m. Monday."),
            ["Acme Inc. Chief Bob Jones Jr. spoke at 9 a.m. Monday."]
        );
        assert_eq!(
            texts("It happened on Sept. 11 in New York. No. 2 is next."),
            ["It happened on Sept. 11 in New York.", "No. 2 is next."]
        );
        assert_eq!(
            texts("Jones vs. Smith, Jan. Fourth, etc. But not more."),
            ["Jones vs. Smith, Jan. Fourth, etc.", "But not more."]
        );
    }

    #[test]
    fn a_quoted_lowercase_word_after_an_abbreviation_goes_on() {
        assert_eq!(
            texts("She said the U.S. \u{201c}clearly\u{201d} needed more. The U.S. \"Why?\""),
            [
                "She said the U.S. \u{201c}clearly\u{201d} needed more.",
                "The U.S.",
                "\"Why?\""
            ]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            texts("John F. Kennedy read J.R.R. Tolkien. He liked it."),
            ["John F. Kennedy read J.R.R. Tolkien.", "He liked it."]
        );
        assert_eq!(
            texts("They chose Plan B. The rest failed."),
            ["They chose Plan B.", "The rest failed."]
        );
    }

    #[test]
    fn quotes_inside_sentences() {
        assert_eq!(
            texts("\"Why?\" she asked. \"Because,\" he said."),
            ["\"Why?\" she asked.", "\"Because,\" he said."]
        );
        assert_eq!(
            texts("“Stop!” he yelled. Then he left."),
            ["“Stop!” he yelled.", "Then he left."]
        );
    }

    #[test]
    fn a_sentence_ends_after_its_closing_mark() {
        assert_eq!(
            texts("It is over,\" he said.\" Then she left."),
            ["It is over,\" he said.\"", "Then she left."]
        );
        assert_eq!(
            texts("''We won.'' Fans cheered."),
            ["''We won.''", "Fans cheered."]
        );
    }

    #[test]
    fn sentences_stay_in_their_paragraph() {
        assert_eq!(texts("Sen.\nWarren spoke"), ["Sen.", "Warren spoke"]);
    }
}
