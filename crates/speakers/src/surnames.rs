//! Surnames the text gives in full names, found before cues and mentions.
//!
//! Many surnames are also words: "Read", "Shook", "Will" are cue forms or
//! function words, "Cuban", "White", "Singer", "King" lexicon entries. Alone
//! in a speaker position (`"…," Read said.`, "Cuban demurred") they make no
//! name, unless the article gives the person in full elsewhere: "Brendan
//! Read", "Mark Cuban", "Ms. White". One pass over the tokens collects the
//! last word of each run that starts with a known first name or an
//! honorific; the cue and mention finders then take those words for names.

use whosaid_core::{Token, TokenKind};

use crate::lexicon::{self, Lookup, WordClass, WordFlags, WordInfo};
use crate::text::{has_newline, is_capitalized};

/// A hash of a word as written, to tell words known as names.
pub fn word_hash(word: &str) -> u64 {
    let mut hasher = lexicon::Fnv::default();
    std::hash::Hasher::write(&mut hasher, word.as_bytes());
    std::hash::Hasher::finish(&hasher)
}

/// The most words a full name has after its first name or honorific
/// ("Martin Luther King"); a longer run of capitalised words is a title-case
/// headline ("Donald Trump Praises Breitbart's …"), whose last word says
/// nothing.
const MAX_AFTER_FIRST: usize = 2;

/// Suffixes that follow a surname: the surname is the word before them.
const SUFFIXES: [&str; 5] = ["Jr", "Sr", "II", "III", "IV"];

/// Whether `word` is a suffix of a name ("Jr.", "III").
pub fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word.strip_suffix('.').unwrap_or(word))
}

/// Fills `out` with [`word_hash`] of every surname of a full name in the
/// text ("Read" of "Brendan Read" or "Sen. Read"), sorted and deduplicated.
pub fn collect(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    openers: &[u32],
    out: &mut Vec<u64>,
) {
    out.clear();
    // The word table noted the words that may open a name
    // ([`WordInfo::may_open_name`]): most words open none, and are not
    // visited. `next` is the first token a new name may start at.
    let mut next = 0;
    for &t in openers {
        let t = t as usize;
        if t < next {
            continue;
        }
        let Some(&opener) = tokens.get(t) else {
            break;
        };
        if opener.kind != TokenKind::Word {
            continue;
        }
        let honorific = lexicon::is_honorific(text, tokens, infos, t);
        if !honorific && !is_mixed_case(opener.span.text(text)) {
            continue;
        }
        let mut k = t + 1;
        if honorific && tokens.get(k).is_some_and(|n| n.span.text(text) == ".") {
            k += 1;
        }
        let mut surname = None;
        let mut words = 0;
        while let Some(token) = tokens.get(k) {
            let gap = text
                .get(tokens[k - 1].span.end..token.span.start)
                .unwrap_or("\n");
            if token.kind != TokenKind::Word || has_newline(gap) {
                break;
            }
            let word = token.span.text(text);
            let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
            let particle = infos.get(k).is_some_and(|i| i.class == WordClass::Particle);
            if initial {
                // "John F. Kennedy": the initial's period is its own token.
                if tokens.get(k + 1).is_some_and(|n| n.span.text(text) == ".") {
                    k += 1;
                }
            } else if !particle {
                if !is_mixed_case(word) {
                    break;
                }
                words += 1;
                if !is_suffix(word) {
                    surname = Some(k);
                }
            }
            k += 1;
        }
        if let Some(s) = surname.filter(|_| words <= MAX_AFTER_FIRST) {
            let info = infos.get(s).copied().unwrap_or(lexicon::PLAIN);
            if !is_collective(info) {
                let word = tokens[s].span.text(text);
                out.push(word_hash(strip_possessive(word)));
            }
        }
        next = k.max(t + 1);
    }
    out.sort_unstable();
    out.dedup();
}

/// Whether `surnames` (from [`collect`]) holds the word at `word`.
pub fn is_surname(surnames: &[u64], word: &str) -> bool {
    !surnames.is_empty()
        && surnames
            .binary_search(&word_hash(strip_possessive(word)))
            .is_ok()
}

/// Capitalised and not all capitals: "Read", not "READ" or "read".
fn is_mixed_case(word: &str) -> bool {
    is_capitalized(word) && word.bytes().skip(1).any(|b| b.is_ascii_lowercase())
}

/// A word that names a group or an organization ("Campaign" of "Hillary
/// Clinton Campaign") is no surname.
fn is_collective(info: WordInfo) -> bool {
    let Lookup::Word(id) = info.entry() else {
        return false;
    };
    lexicon::words().entries.get(id as usize).is_some_and(|e| {
        e.flags
            .any(WordFlags::GROUP | WordFlags::ORG_HEAD | WordFlags::ORG_NAME)
    })
}

/// The word without a possessive ending ("Cuban's" → "Cuban").
fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s"] {
        if let Some(bare) = word.strip_suffix(suffix).filter(|b| !b.is_empty()) {
            return bare;
        }
    }
    word
}
