//! Tokens: words, numbers, quotation marks and other punctuation, in one pass.
//!
//! - A word starts with a letter and runs on over letters and digits, and over
//!   an apostrophe, hyphen or period inside it when a letter (for the period, a
//!   letter after a segment of at most two: "U.S", "Ph.D") follows: "don't",
//!   "al-Assad", "F-16". A word with inner periods takes its final one too
//!   ("U.S.", "a.m."). A trailing apostrophe that is not a quotation mark
//!   belongs to the word ("Jones'"), and so does a leading one ("'em").
//! - A number starts with a digit (or an apostrophe before one: "'90s") and
//!   runs on over digits, inner `, . : /` between digits and a letter suffix
//!   ("1,000", "3.5", "9/11", "1990s"); "20-year-old" is a word.
//! - A quotation mark is whatever the quote pass calls one (a double mark
//!   always; a single one when it opens or closes a quote); `''` is one token.
//! - Any other character is punctuation; a run of the same character ("...",
//!   "--") is one token.
//! - Blanks (whitespace, NBSP, zero-width characters) are no token.

use whosaid_core::{Span, Token, TokenKind};

use crate::marks::Mark;
use crate::text::{char_at, is_blank};

/// How many bytes at the start of `bytes` are ASCII letters or digits:
/// eight bytes a step, tested all at once (a word's end is a different byte
/// of the step from one word to the next, so a test and exit per byte would
/// mispredict at nearly every word), the last few one by one.
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..).and_then(<[u8]>::first_chunk::<8>) {
        let others = !alnum_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let rest = bytes.get(n..).unwrap_or_default();
    n + rest
        .iter()
        .position(|&b| class(b) != Class::Alnum)
        .unwrap_or(rest.len())
}

/// The byte 0x01 in every byte of a word.
const LOW_BITS: u64 = u64::from_le_bytes([0x01; 8]);
/// The high bit of every byte of a word.
const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit of each byte of `word` (eight bytes, little-endian) set
/// where the byte is an ASCII letter or digit, every other bit clear.
#[inline(always)]
fn alnum_bytes(word: u64) -> u64 {
    // Each byte below 0x80, so that adding at most 0x80 to it carries into
    // no other byte; bytes that were 0x80 or more are cleared at the end.
    let low = word & !HIGH_BITS;
    // High bit set where the byte is at least `min`, where it is above `max`.
    let at_least = |x: u64, min: u8| (x + LOW_BITS * u64::from(0x80 - min)) & HIGH_BITS;
    let above = |x: u64, max: u8| (x + LOW_BITS * u64::from(0x7f - max)) & HIGH_BITS;
    let digits = at_least(low, b'0') & !above(low, b'9');
    // Setting bit 5 folds ASCII capitals onto lowercase letters and maps no
    // other byte into `a..=z`.
    let folded = low | (LOW_BITS * 0x20);
    let letters = at_least(folded, b'a') & !above(folded, b'z');
    (digits | letters) & !word
}

/// Characters that may join two parts of a word.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Invisible characters that may sit inside a word (soft hyphen, joiners).
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200C}' | '\u{200D}')
}

/// How a byte starts or ends a token, for the fast paths of [`tokenize`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Space, tab, line feed, carriage return: no token.
    Blank,
    /// An ASCII letter or digit: starts a word or number.
    Alnum,
    /// ASCII punctuation that is no mark and joins no word (`!`, `(`, `;`):
    /// a token of its own, and a word ends before it.
    Stop,
    /// `.`, `,`, `:` and `/`: join digits or letters after them, so a word
    /// ends before one only when no letter or digit follows.
    Joiner,
    /// `-`: joins words ("al-Assad"), else punctuation like [`Class::Stop`].
    Hyphen,
    /// Anything else (`'`, `"`, other control bytes, non-ASCII bytes):
    /// the general path decides.
    Other,
}

/// The [`Class`] of every byte.
static CLASSES: [Class; 256] = {
    let mut classes = [Class::Other; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = match byte {
            b' ' | b'\n' | b'\r' | b'\t' => Class::Blank,
            _ if byte.is_ascii_alphanumeric() => Class::Alnum,
            b'.' | b',' | b':' | b'/' => Class::Joiner,
            b'-' => Class::Hyphen,
            b'"' | b'\'' => Class::Other,
            _ if byte.is_ascii_punctuation() => Class::Stop,
            _ => Class::Other,
        };
        b += 1;
    }
    classes
};

#[inline(always)]
fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

/// The tokens of `text`, in `tokens` (cleared first: the caller's vector,
/// so that its memory is reused); `marks` are the quotation marks, in text
/// order.
pub(crate) fn tokenize(text: &str, marks: &[Mark], mut tokens: Vec<Token>) -> Vec<Token> {
    // News text has a token every five or six bytes. A local vector, not a
    // `&mut` one, keeps its length and capacity in registers.
    tokens.clear();
    tokens.reserve(text.len() / 5);
    let mut t = Tokenizer {
        text,
        marks,
        next_mark: 0,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = class(b);
        if class == Class::Alnum {
            // Most words are a run of ASCII letters or digits that a blank
            // or plain punctuation ends.
            let end = i + ascii_alnum_run(&bytes[i..]);
            let numeric = b.is_ascii_digit();
            let plain = Token {
                span: Span::new(i, end),
                kind: if numeric {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            };
            match bytes.get(end).map(|&n| self::class(n)) {
                None => i = end,
                Some(Class::Blank) => i = end + 1, // no token
                Some(Class::Stop) => i = end,
                // "said." and "1,": nothing after the joiner for it to join.
                Some(Class::Joiner)
                    if bytes
                        .get(end + 1)
                        .is_none_or(|n| n.is_ascii() && !n.is_ascii_alphanumeric()) =>
                {
                    i = end;
                }
                // A joiner that may join, or a byte the general word loop
                // must look at.
                Some(_) => {
                    let token = t.word(i, i, numeric);
                    i = token.span.end;
                    tokens.push(token);
                    continue;
                }
            }
            tokens.push(plain);
        } else if class == Class::Blank {
            i += 1; // the common blanks, without decoding
        } else if class != Class::Other {
            // No mark starts with this punctuation, nor is it an apostrophe:
            // the token is the run of this byte, without decoding (the
            // general path gives the same token).
            let run = bytes[i..].iter().take_while(|&&d| d == b).count();
            tokens.push(Token {
                span: Span::new(i, i + run),
                kind: TokenKind::Punct,
            });
            i += run;
        } else {
            let (end, token) = t.general(i);
            tokens.extend(token);
            i = end;
        }
    }
    tokens
}

struct Tokenizer<'a> {
    text: &'a str,
    marks: &'a [Mark],
    /// The first mark not yet behind the scan.
    next_mark: usize,
}

impl Tokenizer<'_> {
    /// The quotation mark starting at `i`, if any; `i` only ever grows.
    fn mark_at(&mut self, i: usize) -> Option<Span> {
        while self
            .marks
            .get(self.next_mark)
            .is_some_and(|m| m.span.start < i)
        {
            self.next_mark += 1;
        }
        self.marks
            .get(self.next_mark)
            .map(|m| m.span)
            .filter(|m| m.start == i)
    }

    /// The token starting at `i`, a char boundary, and where the next one
    /// may start; `None` for a blank. Handles every character the fast paths
    /// of [`tokenize`] leave (marks, non-ASCII characters, leading
    /// apostrophes) and gives the same token as they would for the others.
    #[inline(never)]
    fn general(&mut self, i: usize) -> (usize, Option<Token>) {
        let text = self.text;
        let Some(c) = char_at(text, i) else {
            return (text.len(), None);
        };
        // Marks start with one of these bytes.
        let mark = matches!(text.as_bytes()[i], b'"' | b'\'' | 0xE2 | 0xC2)
            .then(|| self.mark_at(i))
            .flatten();
        if let Some(mark) = mark {
            let token = Token {
                span: mark,
                kind: TokenKind::QuoteMark,
            };
            return (mark.end, Some(token));
        }
        let width = c.len_utf8();
        if is_blank(c) {
            return (i + width, None);
        }
        let leading_apostrophe =
            is_apostrophe(c) && char_at(text, i + width).is_some_and(char::is_alphanumeric);
        let first = if leading_apostrophe {
            char_at(text, i + width)
        } else {
            Some(c)
        };
        let token = match first {
            Some(f) if f.is_alphanumeric() => {
                let body = if leading_apostrophe { i + width } else { i };
                self.word(i, body, f.is_numeric())
            }
            _ => {
                // The run stops before the next mark, which keeps it linear.
                let limit = self.next_mark_after(i).unwrap_or(text.len());
                let run = text
                    .get(i..limit)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|&d| d == c)
                    .count();
                Token {
                    span: Span::new(i, i + run.max(1) * width),
                    kind: TokenKind::Punct,
                }
            }
        };
        (token.span.end, Some(token))
    }

    /// Where the first mark starting after `i` starts.
    fn next_mark_after(&mut self, i: usize) -> Option<usize> {
        self.mark_at(i + 1);
        self.marks.get(self.next_mark).map(|m| m.span.start)
    }

    /// The word or number starting at `start`, its first alphanumeric at
    /// `body`.
    #[inline(never)]
    fn word(&mut self, start: usize, body: usize, numeric: bool) -> Token {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut end = body;
        let mut segment = 0; // characters since the start or the last period
        let mut inner_period = false;
        let mut hyphened_letters = false;
        loop {
            // ASCII letters and digits, without decoding.
            let run = ascii_alnum_run(bytes.get(end..).unwrap_or_default());
            end += run;
            segment += run;
            // Most words end at a blank or at punctuation that joins nothing.
            match bytes.get(end) {
                None => break,
                // Before a blank, an ASCII mark or punctuation, or the end,
                // none of these joins (each needs a letter or digit after
                // it): only a period that closes "U.S." is taken.
                Some(&b @ (b'.' | b',' | b':' | b'/'))
                    if bytes
                        .get(end + 1)
                        .is_none_or(|n| n.is_ascii() && !n.is_ascii_alphanumeric()) =>
                {
                    if b == b'.' && inner_period && segment <= 2 {
                        end += 1;
                    }
                    break;
                }
                Some(b'\'' | b'-' | b'.' | b',' | b':' | b'/') => {}
                Some(b) if b.is_ascii() => break,
                Some(_) => {}
            }
            let Some(c) = char_at(text, end) else { break };
            let width = c.len_utf8();
            // The General Punctuation block (’ ‐ — and the like) holds no
            // letter, digit or combining mark: no table look-up for them.
            let punctuation = matches!(c, '\u{2000}'..='\u{206F}');
            if !punctuation && (c.is_alphanumeric() || is_combining(c)) {
                end += width;
                segment += 1;
                continue;
            }
            let next = char_at(text, end + width);
            let prev_digit = text[..end].ends_with(|p: char| p.is_ascii_digit());
            let joins = match c {
                _ if self.mark_at(end).is_some() => false,
                _ if is_apostrophe(c) => next.is_some_and(char::is_alphabetic),
                _ if is_hyphen(c) => {
                    let joins = next.is_some_and(char::is_alphanumeric);
                    hyphened_letters |= joins && next.is_some_and(char::is_alphabetic);
                    joins
                }
                _ if is_word_joiner(c) => next.is_some_and(char::is_alphanumeric),
                '.' if prev_digit && next.is_some_and(|n| n.is_ascii_digit()) => true,
                '.' if next.is_some_and(char::is_alphabetic) && segment <= 2 && !numeric => {
                    inner_period = true;
                    segment = 0;
                    end += width;
                    continue;
                }
                ',' | ':' | '/' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                end += width;
                continue;
            }
            if c == '.' && inner_period && segment <= 2 {
                end += width; // U.S.
            } else if is_apostrophe(c) && self.mark_at(end).is_none() && !numeric {
                end += width; // Jones'
            }
            break;
        }
        let kind = if numeric && !hyphened_letters {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        Token {
            span: Span::new(start, end),
            kind,
        }
    }
}

/// Combining diacritics written after their letter.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use whosaid_core::TokenKind::{self, *};

    use super::{alnum_bytes, ascii_alnum_run, is_combining};
    use crate::segment;

    fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
        segment(text)
            .tokens
            .iter()
            .map(|t| (t.span.text(text), t.kind))
            .collect()
    }

    #[test]
    fn alnum_runs_agree_with_the_byte_test() {
        // Every byte value at every position of a 19-byte window.
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut bytes = *b"abcXYZ019azAZ09aZ0q";
                bytes[at] = b;
                let expected = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                assert_eq!(ascii_alnum_run(&bytes), expected, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn alnum_bytes_agree_with_the_byte_test() {
        // Every pair of byte values, one in each lane, the other in the rest.
        for b in 0..=255u8 {
            for other in 0..=255u8 {
                for lane in 0..8 {
                    let mut bytes = [other; 8];
                    bytes[lane] = b;
                    let expected = bytes.map(|c| if c.is_ascii_alphanumeric() { 0x80 } else { 0 });
                    let found = alnum_bytes(u64::from_le_bytes(bytes)).to_le_bytes();
                    assert_eq!(found, expected, "{b:#x} in lane {lane} among {other:#x}");
                }
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric() && !is_combining(c), "{c:?}");
        }
    }

    #[test]
    fn words_with_inner_marks() {
        assert_eq!(
            tokens("Don't al-Assad U.S. Ph.D. a.m. F-16 O’Brien"),
            [
                ("Don't", Word),
                ("al-Assad", Word),
                ("U.S.", Word),
                ("Ph.D.", Word),
                ("a.m.", Word),
                ("F-16", Word),
                ("O’Brien", Word)
            ]
        );
    }

    #[test]
    fn sentence_periods_are_punctuation() {
        assert_eq!(
            tokens("Mr. Li left."),
            [
                ("Mr", Word),
                (".", Punct),
                ("Li", Word),
                ("left", Word),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            tokens("1,000 3.5 9/11 1990s '90s 20-year-old 10:30."),
            [
                ("1,000", Number),
                ("3.5", Number),
                ("9/11", Number),
                ("1990s", Number),
                ("'90s", Number),
                ("20-year-old", Word),
                ("10:30", Number),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn apostrophes_join_words_unless_they_are_marks() {
        assert_eq!(
            tokens("the Joneses' car, rock 'n' roll, 'em"),
            [
                ("the", Word),
                ("Joneses'", Word),
                ("car", Word),
                (",", Punct),
                ("rock", Word),
                ("'n'", Word),
                ("roll", Word),
                (",", Punct),
                ("'em", Word)
            ]
        );
        assert_eq!(
            tokens("\"a 'b' c\""),
            [
                ("\"", QuoteMark),
                ("a", Word),
                ("'", QuoteMark),
                ("b", Word),
                ("'", QuoteMark),
                ("c", Word),
                ("\"", QuoteMark)
            ]
        );
    }

    #[test]
    fn quote_marks() {
        assert_eq!(
            tokens("''Hi,'' “a” «b» 5\""),
            [
                ("''", QuoteMark),
                ("Hi", Word),
                (",", Punct),
                ("''", QuoteMark),
                ("“", QuoteMark),
                ("a", Word),
                ("”", QuoteMark),
                ("«", QuoteMark),
                ("b", Word),
                ("»", QuoteMark),
                ("5", Number),
                ("\"", QuoteMark)
            ]
        );
    }

    #[test]
    fn punctuation_runs_and_blanks() {
        assert_eq!(
            tokens("Wait... no\u{a0}—\u{200b}yes!?"),
            [
                ("Wait", Word),
                ("...", Punct),
                ("no", Word),
                ("—", Punct),
                ("yes", Word),
                ("!", Punct),
                ("?", Punct)
            ]
        );
    }
}
