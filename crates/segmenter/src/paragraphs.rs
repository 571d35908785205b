//! Paragraphs: every non-blank line.
//!
//! Scraped news often puts one paragraph per line, and a blank line is just an
//! empty line, so a paragraph ends at every line break: `\n`, `\r\n`, `\r`,
//! U+2028 and U+2029. Lines holding only blanks (spaces, NBSP, zero-width
//! characters) are no paragraph; a paragraph's span is trimmed of blanks.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use memchr::{memchr2_iter, memchr3_iter};
use whosaid_core::Span;

use crate::text::trim;

/// The line and paragraph separators U+2028 and U+2029.
static SEPARATORS: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| ["\u{2028}", "\u{2029}"].map(Finder::new));

#[cfg(test)]
pub(crate) fn split(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    split_into(text, &mut paragraphs);
    paragraphs
}

/// The paragraphs of `text`, in place of what `paragraphs` held.
pub(crate) fn split_into(text: &str, paragraphs: &mut Vec<Span>) {
    paragraphs.clear();
    let bytes = text.as_bytes();
    // 0xE2 leads U+2028 and U+2029 (E2 80 A8/A9), and also the curly quotes
    // and dashes, which are then skipped: a text without either separator
    // (nearly every one) is scanned for `\n` and `\r` alone.
    if SEPARATORS.iter().any(|s| s.find(bytes).is_some()) {
        split_at(text, memchr3_iter(b'\n', b'\r', 0xE2, bytes), paragraphs)
    } else {
        split_at(text, memchr2_iter(b'\n', b'\r', bytes), paragraphs)
    }
}

/// The paragraphs of `text`, given the positions of `\n`, `\r` and 0xE2.
fn split_at(text: &str, breaks: impl Iterator<Item = usize>, paragraphs: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    for i in breaks {
        let width = match bytes[i] {
            b'\n' | b'\r' => 1,
            _ if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => continue,
        };
        if let Some((start, end)) = trim(text, line_start, i) {
            paragraphs.push(Span::new(start, end));
        }
        line_start = i + width;
    }
    if let Some((start, end)) = trim(text, line_start, text.len()) {
        paragraphs.push(Span::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|p| p.text(text)).collect()
    }

    #[test]
    fn blank_lines_and_single_breaks() {
        assert_eq!(texts("One.\n\nTwo.\nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn crlf_nbsp_lines_and_separators() {
        let text = " One. \r\n\u{a0}\r\n\tTwo.\u{a0}\n\u{200b}\nThree.\u{2029}Four.\u{2028}";
        assert_eq!(texts(text), ["One.", "Two.", "Three.", "Four."]);
    }

    #[test]
    fn empty_and_blank_texts() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{a0}\r\n ").is_empty());
    }
}
