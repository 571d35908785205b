//! Character classes and neighbour look-ups shared by the layers.

/// Whether `c` separates tokens without being one: whitespace (NBSP included)
/// and the invisible format characters scraped news is full of.
#[inline]
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// Neither blank nor a letter or digit.
#[inline]
pub(crate) fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !is_blank(c)
}

/// The character ending just before byte `i` (a char boundary).
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The character starting at byte `i` (a char boundary).
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// `start..end` of `text` with blanks trimmed off both ends, or `None` when
/// only blanks are left.
pub(crate) fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    // An ASCII byte above the space is no blank, so most spans need no
    // decoding; their ends are then char boundaries too.
    let bytes = text.as_bytes();
    let visible_ascii = |i: usize| bytes.get(i).is_some_and(|b| (0x21..0x80).contains(b));
    if start < end && visible_ascii(start) && visible_ascii(end - 1) {
        return Some((start, end));
    }
    let s = text.get(start..end)?;
    let head = s.trim_start_matches(is_blank);
    let body = head.trim_end_matches(is_blank);
    if body.is_empty() {
        return None;
    }
    let start = start + (s.len() - head.len());
    Some((start, start + body.len()))
}

/// `end` moved back over the blanks before it, but not before `start`.
pub(crate) fn trim_end(text: &str, start: usize, end: usize) -> usize {
    match text.get(start..end) {
        Some(s) => start + s.trim_end_matches(is_blank).len(),
        None => end,
    }
}
