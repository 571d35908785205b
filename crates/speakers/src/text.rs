//! Character look-ups over the text, and a plain tokenizer for when the caller
//! passes no tokens.

use whosaid_core::{Span, Token, TokenKind};

/// Whether `c` belongs to a word for boundary checks: letters, digits, and
/// the hyphen ("so-called" holds no cue "called").
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The character that ends at byte `i`; `None` at the start or off a
/// character boundary. ASCII, most of the text, without decoding.
#[inline]
pub fn char_before(text: &str, i: usize) -> Option<char> {
    if !text.is_char_boundary(i) {
        return None;
    }
    match text.as_bytes()[..i].last() {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[..i].chars().next_back(),
        None => None,
    }
}

/// The character that starts at byte `i`; `None` at the end or off a
/// character boundary.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    if !text.is_char_boundary(i) {
        return None;
    }
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Whether `start..end` is a whole word: no word character touches it.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    // ASCII on both sides, nearly always: the bytes answer without decoding.
    // No character-boundary checks are needed there: in UTF-8 a byte after
    // an ASCII one starts a character, and so does an ASCII byte.
    let bytes = text.as_bytes();
    let ascii_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii);
    if start > 0
        && ascii_at(start - 1)
        && (end == bytes.len() || ascii_at(end) && bytes[end] != b'-')
    {
        let before = bytes[start - 1];
        let before_ok = !(before.is_ascii_alphanumeric() || before == b'-');
        let after_ok = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        return before_ok && after_ok;
    }
    is_whole_word_by_chars(text, start, end)
}

/// [`is_whole_word`] for any characters around the word.
fn is_whole_word_by_chars(text: &str, start: usize, end: usize) -> bool {
    let before_ok = !matches!(char_before(text, start), Some(c) if is_word_char(c));
    let after_ok = match char_at(text, end) {
        None => true,
        Some('-') => !char_at(text, end + 1).is_some_and(char::is_alphanumeric),
        Some(c) => !c.is_alphanumeric(),
    };
    before_ok && after_ok
}

/// Whether `gap` (mostly a space or nothing between two tokens) holds a
/// line break: a byte loop, since a call into `memchr` costs more than
/// these few bytes do.
#[inline]
pub fn has_newline(gap: &str) -> bool {
    gap.bytes().any(|b| b == b'\n')
}

/// Whether the text starts with an uppercase letter.
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// The word starting after byte `i`, past blanks: letters, digits and
/// apostrophes.
pub fn word_after(text: &str, i: usize) -> Span {
    let Some(tail) = text.get(i..) else {
        return Span::new(i, i);
    };
    let start = i + (tail.len() - tail.trim_start_matches(|c: char| c.is_whitespace()).len());
    let len: usize = text[start..]
        .chars()
        .take_while(|&c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}'))
        .map(char::len_utf8)
        .sum();
    Span::new(start, start + len)
}

/// Whether `c` is a quotation mark.
#[inline]
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
    )
}

/// Splits `text` into tokens as the segmenter's contract describes them:
/// words (with inner apostrophes, hyphens and periods), numbers, quotation
/// marks and other punctuation, whitespace skipped. Used only when the caller
/// passes no tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut digits = c.is_numeric();
            // Inner joiners count only when a letter or digit follows them.
            while let Some(&(i, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    digits &= n.is_numeric();
                    end = i + n.len_utf8();
                    chars.next();
                } else if matches!(n, '\'' | '\u{2019}' | '-' | '.' | ',')
                    && char_at(text, i + n.len_utf8()).is_some_and(char::is_alphanumeric)
                    && (n != ',' || digits)
                {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let kind = if digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                span: Span::new(start, end),
                kind,
            });
        } else {
            let kind = if is_quote_mark(c) {
                TokenKind::QuoteMark
            } else {
                TokenKind::Punct
            };
            tokens.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind,
            });
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_words_numbers_and_marks() {
        let text = "Mr. O'Rourke's al-Assad said \u{201C}1,000\u{201D} U.S. troops.";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            [
                "Mr",
                ".",
                "O'Rourke's",
                "al-Assad",
                "said",
                "\u{201C}",
                "1,000",
                "\u{201D}",
                "U.S",
                ".",
                "troops",
                "."
            ]
        );
    }

    #[test]
    fn whole_words_by_bytes_as_by_characters() {
        let text = "so-called said, \u{e9}said \u{201c}said\u{201d} said-x said2 -said said";
        for start in 0..=text.len() {
            for end in start..=text.len() {
                assert_eq!(
                    is_whole_word(text, start, end),
                    is_whole_word_by_chars(text, start, end),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn finds_words_around_an_offset() {
        let text = "he has  also said";
        let said = text.find("said").unwrap();
        assert_eq!(word_after(text, 2).text(text), "has");
        assert!(is_whole_word(text, said, said + 4));
        assert!(!is_whole_word("so-called", 3, 9));
    }
}
