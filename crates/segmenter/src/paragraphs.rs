//! Paragraphs: every non-blank line.
//!
//! Scraped news often puts one paragraph per line, and a blank line is just an
//! empty line, so a paragraph ends at every line break: `\n`, `\r\n`, `\r`,
//! U+2028 and U+2029. Lines holding only blanks (spaces, NBSP, zero-width
//! characters) are no paragraph; a paragraph's span is trimmed of blanks.

use memchr::memchr3_iter;
use whosaid_core::Span;

use crate::text::trim;

pub(crate) fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut paragraphs = Vec::new();
    let mut line_start = 0;
    // 0xE2 leads U+2028 and U+2029 (E2 80 A8/A9), and also the curly quotes,
    // which are then skipped.
    for i in memchr3_iter(b'\n', b'\r', 0xE2, bytes) {
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
    paragraphs
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
