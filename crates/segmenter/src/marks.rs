//! Quotation marks: found in one scan of a paragraph, each with the direction
//! its neighbours suggest.
//!
//! Only a few bytes can start a mark: `"`, `'`, 0xE2 (the lead byte of
//! `“ ” ‘ ’ „ ‚ ‹ ›`) and 0xC2 (`« »`), so two memchr scans find them all.
//! A `<` starting an inline tag (`<tweet author="@x">`) is also looked for, so
//! that the attribute quotes inside the tag are skipped.
//!
//! Whether a mark opens or closes is read off its neighbours, as CommonMark
//! does for emphasis: a mark is *left-flanking* (can open) when a non-blank
//! follows it, and *right-flanking* (can close) when a non-blank precedes it,
//! with punctuation on one side needing blank or punctuation on the other.
//! Apostrophes (`don't`, `'90s`, `rock 'n' roll`) are not marks at all; a
//! possessive `Jones'` is a closing candidate that only closes an open single
//! quote.

use memchr::{memchr, memchr2_iter, memchr3_iter};
use whosaid_core::{QuoteStyle, Span};

use crate::text::{char_at, char_before, is_blank, is_punct};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Glyph {
    /// `"`
    Straight,
    /// `''`
    DoubleApostrophe,
    /// `“`
    LeftDouble,
    /// `”`
    RightDouble,
    /// `„`
    LowDouble,
    /// `«`
    LeftGuillemet,
    /// `»`
    RightGuillemet,
    /// `'`
    Apostrophe,
    /// `‘`
    LeftSingle,
    /// `’`
    RightSingle,
    /// `‚`, `‹`, `›`
    OtherSingle,
}

impl Glyph {
    pub(crate) fn is_single(self) -> bool {
        matches!(
            self,
            Glyph::Apostrophe | Glyph::LeftSingle | Glyph::RightSingle | Glyph::OtherSingle
        )
    }

    /// The style of a quote this glyph opens.
    pub(crate) fn style(self) -> QuoteStyle {
        match self {
            Glyph::Straight => QuoteStyle::Straight,
            Glyph::DoubleApostrophe => QuoteStyle::DoubleApostrophe,
            Glyph::LeftDouble | Glyph::RightDouble => QuoteStyle::Curly,
            Glyph::LowDouble | Glyph::LeftGuillemet | Glyph::RightGuillemet => QuoteStyle::Other,
            _ => QuoteStyle::Single,
        }
    }

    /// Whether a quote opened by `self` is properly closed by `closer`.
    pub(crate) fn is_closed_by(self, closer: Glyph) -> bool {
        use Glyph::*;
        match self {
            Straight => closer == Straight,
            DoubleApostrophe => closer == DoubleApostrophe,
            LeftDouble | RightDouble | LowDouble => matches!(closer, LeftDouble | RightDouble),
            LeftGuillemet => closer == RightGuillemet,
            RightGuillemet => closer == LeftGuillemet,
            _ => closer.is_single(),
        }
    }

    /// The direction the glyph's own shape suggests, for when the neighbours
    /// leave it open (`word“word`, `“ Word` typed with a space).
    pub(crate) fn leaning(self) -> Option<Direction> {
        match self {
            Glyph::LeftDouble | Glyph::LowDouble | Glyph::LeftGuillemet | Glyph::LeftSingle => {
                Some(Direction::Open)
            }
            Glyph::RightDouble | Glyph::RightSingle => Some(Direction::Close),
            _ => None,
        }
    }
}

/// The direction a mark's neighbours suggest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Left-flanking only: `␣"word`, `("word`.
    Open,
    /// Right-flanking only: `word"␣`, `word,"␣`.
    Close,
    /// Both: `word"word`, `."—`.
    Either,
    /// Neither: blanks on both sides.
    Neither,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub span: Span,
    pub glyph: Glyph,
    pub direction: Direction,
    /// Set by the pairing when the mark opens, re-opens or closes a quote.
    pub used: bool,
}

/// The direction suggested by the characters around a mark (`None` is the
/// paragraph's edge).
fn flanking(before: Option<char>, after: Option<char>) -> Direction {
    let blank_before = before.is_none_or(is_blank);
    let blank_after = after.is_none_or(is_blank);
    let punct_before = before.is_some_and(is_punct);
    let punct_after = after.is_some_and(is_punct);
    let left = !blank_after && (!punct_after || blank_before || punct_before);
    let right = !blank_before && (!punct_before || blank_after || punct_after);
    match (left, right) {
        (true, false) => Direction::Open,
        (false, true) => Direction::Close,
        (true, true) => Direction::Either,
        (false, false) => Direction::Neither,
    }
}

/// Words an apostrophe stands in front of ("'em", "'til"): not a quote.
const ELISIONS: &[&str] = &["em", "til", "cause", "cuz", "tis", "twas", "bout", "nuff"];

/// Longest inline tag skipped, in bytes.
const MAX_TAG: usize = 512;

/// Appends the marks of paragraph `para` of `text` to `marks`, in text order.
pub(crate) fn scan(text: &str, para: Span, marks: &mut Vec<Mark>) {
    let Some(p) = text.get(para.range()) else {
        return;
    };
    let bytes = p.as_bytes();
    let mut scanner = Scanner {
        p,
        offset: para.start,
        marks,
    };
    let mut common = memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut rare = memchr2_iter(0xC2, b'<', bytes).peekable();
    // Bytes before `resume` were consumed by an earlier mark or tag.
    let mut resume = 0;
    loop {
        let i = match (common.peek(), rare.peek()) {
            (Some(&a), Some(&b)) if b < a => rare.next(),
            (Some(_), _) => common.next(),
            (None, Some(_)) => rare.next(),
            (None, None) => None,
        };
        let Some(i) = i else { break };
        if i < resume {
            continue;
        }
        resume = i + 1;
        match bytes[i] {
            b'"' => scanner.push(i, i + 1, Glyph::Straight),
            b'\'' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'\'').count();
                resume = i + run;
                if run == 1 {
                    resume = scanner.single(i, i + 1, Glyph::Apostrophe);
                } else {
                    scanner.apostrophes(i, i + run);
                }
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) => {
                let glyph = match bytes.get(i + 2) {
                    Some(0x9C) => Glyph::LeftDouble,
                    Some(0x9D) => Glyph::RightDouble,
                    Some(0x9E) => Glyph::LowDouble,
                    Some(0x98) => Glyph::LeftSingle,
                    Some(0x99) => Glyph::RightSingle,
                    Some(0x9A | 0xB9 | 0xBA) => Glyph::OtherSingle,
                    _ => continue,
                };
                resume = if glyph.is_single() {
                    scanner.single(i, i + 3, glyph)
                } else {
                    scanner.push(i, i + 3, glyph);
                    i + 3
                };
            }
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => scanner.push(i, i + 2, Glyph::LeftGuillemet),
                Some(0xBB) => scanner.push(i, i + 2, Glyph::RightGuillemet),
                _ => {}
            },
            b'<' => {
                if let Some(end) = tag_end(bytes, i) {
                    resume = end;
                }
            }
            _ => {}
        }
    }
}

/// The end of an inline tag (`<tweet …>`, `</tweet>`) starting at `i`.
fn tag_end(bytes: &[u8], i: usize) -> Option<usize> {
    let first = *bytes.get(i + 1)?;
    if !(first.is_ascii_alphabetic() || first == b'/') {
        return None;
    }
    let window = &bytes[i + 1..bytes.len().min(i + MAX_TAG)];
    Some(i + 1 + memchr(b'>', window)? + 1)
}

struct Scanner<'a> {
    /// The paragraph's text.
    p: &'a str,
    /// Where the paragraph starts in the article.
    offset: usize,
    marks: &'a mut Vec<Mark>,
}

impl Scanner<'_> {
    fn push(&mut self, start: usize, end: usize, glyph: Glyph) {
        let direction = flanking(char_before(self.p, start), char_at(self.p, end));
        self.push_directed(start, end, glyph, direction);
    }

    fn push_directed(&mut self, start: usize, end: usize, glyph: Glyph, direction: Direction) {
        self.marks.push(Mark {
            span: Span::new(self.offset + start, self.offset + end),
            glyph,
            direction,
            used: false,
        });
    }

    /// A lone `'`, `‘`, `’` or `‚` at `start..end`: a mark unless it is an
    /// apostrophe. Returns where scanning resumes.
    fn single(&mut self, start: usize, end: usize, glyph: Glyph) -> usize {
        let before = char_before(self.p, start);
        let after = char_at(self.p, end);
        let word_before = before.is_some_and(char::is_alphanumeric);
        if word_before && after.is_some_and(char::is_alphanumeric) {
            return end; // don't, O'Brien
        }
        if !word_before && after.is_some_and(|c| c.is_ascii_digit()) {
            return end; // '90s
        }
        if !word_before {
            if let Some(resume) = self.elision(end) {
                return resume;
            }
        }
        self.push(start, end, glyph);
        end
    }

    /// If an elided word ("'em", "'n'") follows an apostrophe ending at `end`,
    /// where scanning resumes after it.
    fn elision(&self, end: usize) -> Option<usize> {
        let rest = self.p.get(end..)?.as_bytes();
        let letters = rest
            .iter()
            .take(6)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let word = &rest[..letters];
        let next = char_at(self.p, end + letters);
        if word.eq_ignore_ascii_case(b"n") {
            // rock 'n' roll, rock ’n’ roll
            let closing = match next {
                Some('\'') => 1,
                Some('’') => 3,
                _ => return None,
            };
            return Some(end + letters + closing);
        }
        let is_elision = ELISIONS
            .iter()
            .any(|e| word.eq_ignore_ascii_case(e.as_bytes()));
        (is_elision && !next.is_some_and(char::is_alphanumeric)).then_some(end)
    }

    /// A run of two or more `'` at `start..end`: the NYT's `''`, with a single
    /// mark inside it when the run is odd (`''…'`…`'''`).
    fn apostrophes(&mut self, start: usize, end: usize) {
        let direction = flanking(char_before(self.p, start), char_at(self.p, end));
        let mut at = start;
        if (end - start) % 2 == 1 && direction != Direction::Open {
            // A closing run closes the inner single quote first.
            self.push_directed(at, at + 1, Glyph::Apostrophe, direction);
            at += 1;
        }
        while at + 2 <= end {
            self.push_directed(at, at + 2, Glyph::DoubleApostrophe, direction);
            at += 2;
        }
        if at < end {
            self.push_directed(at, end, Glyph::Apostrophe, direction);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<(&str, Direction)> {
        let mut marks = Vec::new();
        scan(text, Span::new(0, text.len()), &mut marks);
        marks
            .iter()
            .map(|m| (m.span.text(text), m.direction))
            .collect()
    }

    use Direction::*;

    #[test]
    fn straight_marks_take_direction_from_neighbours() {
        assert_eq!(
            marks(r#"He said "yes," then ("no")."#),
            [("\"", Open), ("\"", Close), ("\"", Open), ("\"", Close)]
        );
        assert_eq!(marks(r#"a"b " c"#), [("\"", Either), ("\"", Neither)]);
    }

    #[test]
    fn curly_and_other_glyphs() {
        assert_eq!(
            marks("“a” «b» „c“"),
            [
                ("“", Open),
                ("”", Close),
                ("«", Open),
                ("»", Close),
                ("„", Open),
                ("“", Close)
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(marks("don't O'Brien it’s rock 'n' roll, rock ’n’ roll").is_empty());
        assert!(marks("the '90s and ‘80s, 'em and 'til then").is_empty());
    }

    #[test]
    fn possessive_is_a_closing_candidate() {
        assert_eq!(marks("the Joneses' car"), [("'", Close)]);
    }

    #[test]
    fn double_apostrophes_and_odd_runs() {
        assert_eq!(marks("''Hi,'' he said"), [("''", Open), ("''", Close)]);
        assert_eq!(
            marks("'''Meh,''' x"),
            [("''", Open), ("'", Open), ("'", Close), ("''", Close)]
        );
    }

    #[test]
    fn tag_attributes_are_skipped() {
        assert_eq!(
            marks(r#"<tweet id="1" author="@a">"Hi"</tweet>"#),
            [("\"", Open), ("\"", Close)]
        );
    }
}
