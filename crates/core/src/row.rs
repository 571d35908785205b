//! The quote CSV's row (format version 1, `../shared/docs/csv-format.md`).

use serde::{Deserialize, Serialize};

use crate::{Attribution, Span};

/// Which offsets a row carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OffsetKind {
    /// Unicode scalar values, as Python's `str` indexes (the default).
    #[default]
    Chars,
    /// UTF-8 bytes, as Rust's `&str` slices.
    Bytes,
}

/// One row of the quote CSV, column for column.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub article_id: String,
    pub quote_id: u32,
    pub kind: String,
    pub quote: String,
    pub quote_start: usize,
    pub quote_end: usize,
    pub quote_spans: String,
    pub speaker: String,
    pub speaker_mention: String,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub speaker_type: String,
    pub cue: String,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub sieve: String,
    pub confidence: f32,
}

/// The CSV header, in column order.
pub const HEADER: [&str; 17] = [
    "article_id",
    "quote_id",
    "kind",
    "quote",
    "quote_start",
    "quote_end",
    "quote_spans",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker_type",
    "cue",
    "cue_start",
    "cue_end",
    "sieve",
    "confidence",
];

impl Row {
    /// The row for attribution number `quote_id` (1-based) of an article.
    pub fn new(
        article_id: &str,
        text: &str,
        quote_id: u32,
        attribution: &Attribution,
        offsets: &CharIndex,
        kind: OffsetKind,
    ) -> Row {
        let mut row = Row::default();
        row.fill(article_id, text, quote_id, attribution, offsets, kind);
        row
    }

    /// Makes this row what [`Row::new`] makes, in the memory its strings
    /// already have: a writer fills one row after another without
    /// allocating nine strings for each.
    pub fn fill(
        &mut self,
        article_id: &str,
        text: &str,
        quote_id: u32,
        attribution: &Attribution,
        offsets: &CharIndex,
        kind: OffsetKind,
    ) {
        let at = |byte: usize| match kind {
            OffsetKind::Bytes => byte,
            OffsetKind::Chars => offsets.char_offset(text, byte),
        };
        let content = &attribution.content;
        let first = content.first().copied().unwrap_or_default();
        let last = content.last().copied().unwrap_or_default();
        replace(&mut self.article_id, article_id);
        self.quote_id = quote_id;
        replace(&mut self.kind, attribution.kind.as_str());
        self.quote.clear();
        push_quote_text(&mut self.quote, text, content);
        self.quote_start = at(first.start);
        self.quote_end = at(last.end);
        self.quote_spans.clear();
        // itoa rather than `write!`: the same digits without the formatting
        // machinery, for every row.
        let mut digits = itoa::Buffer::new();
        for (n, s) in content.iter().enumerate() {
            if n > 0 {
                self.quote_spans.push(';');
            }
            self.quote_spans.push_str(digits.format(at(s.start)));
            self.quote_spans.push('-');
            self.quote_spans.push_str(digits.format(at(s.end)));
        }
        replace(
            &mut self.speaker,
            attribution.speaker.as_deref().unwrap_or_default(),
        );
        let mention = attribution.speaker_mention;
        self.speaker_mention.clear();
        if let Some(s) = mention {
            push_folded(&mut self.speaker_mention, s.text(text));
        }
        self.speaker_start = mention.map(|s| at(s.start));
        self.speaker_end = mention.map(|s| at(s.end));
        replace(&mut self.speaker_type, attribution.speaker_type.as_str());
        let cue = attribution.cue;
        self.cue.clear();
        if let Some(s) = cue {
            push_folded(&mut self.cue, s.text(text));
        }
        self.cue_start = cue.map(|s| at(s.start));
        self.cue_end = cue.map(|s| at(s.end));
        replace(&mut self.sieve, attribution.sieve);
        self.confidence = (attribution.confidence.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    }
}

/// Sets `cell` to `value`, in the memory it has.
fn replace(cell: &mut String, value: &str) {
    cell.clear();
    cell.push_str(value);
}

/// The attributed words as a reader would copy them: each fragment's text with
/// its enclosing quotation marks left out, joined by one space, every
/// whitespace run folded to one space.
pub fn quote_text(text: &str, fragments: &[Span]) -> String {
    let mut out = String::with_capacity(fragments.iter().map(|f| f.text(text).len()).sum());
    push_quote_text(&mut out, text, fragments);
    out
}

/// Appends [`quote_text`] to `out`, which is empty.
fn push_quote_text(out: &mut String, text: &str, fragments: &[Span]) {
    for piece in quote_pieces(text, fragments) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_folded(out, piece);
    }
}

/// The pieces of [`quote_text`], before folding: each fragment's text with
/// its enclosing quotation marks left out, empty ones passed over. A piece
/// has no whitespace at either end, so folding each piece and joining them
/// by one space folds the whole.
pub fn quote_pieces<'t, 'f>(
    text: &'t str,
    fragments: &'f [Span],
) -> impl Iterator<Item = &'t str> + Clone + 'f
where
    't: 'f,
{
    fragments
        .iter()
        .map(move |fragment| strip_enclosing_marks(fragment.text(text)))
        .filter(|piece| !piece.is_empty())
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›')
}

/// Drops quotation marks (and the whitespace around them) from both ends. A
/// single mark at the end is dropped only when the fragment opened with one,
/// or as half of the NYT's `''`, so that "Jones'" keeps its apostrophe.
fn strip_enclosing_marks(piece: &str) -> &str {
    let mut s = piece.trim();
    let opened_single = s.starts_with(is_single_mark) && !s.starts_with("''");
    loop {
        let before = s.len();
        s = s.trim_start_matches(is_double_mark).trim_start();
        if s.starts_with("''") {
            s = s[2..].trim_start();
        } else if opened_single {
            s = s.trim_start_matches(is_single_mark).trim_start();
        }
        s = s.trim_end_matches(is_double_mark).trim_end();
        if s.ends_with("''") {
            s = s[..s.len() - 2].trim_end();
        } else if opened_single {
            s = s.trim_end_matches(is_single_mark).trim_end();
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Every run of whitespace folded to one space, and none at the ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_folded(&mut out, s);
    out
}

/// Appends `s` to `out` with every whitespace run folded to one space and
/// none at the ends; most text is folded already and is copied as it is.
fn push_folded(out: &mut String, s: &str) {
    if is_folded(s) {
        out.push_str(s);
        return;
    }
    for (n, word) in s.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Appends `s` to `out` as [`fold_whitespace`] folds it: most text is folded
/// already and is copied as it is; the rest is copied a word at a time.
pub fn push_folded_bytes(out: &mut Vec<u8>, s: &str) {
    if is_folded(s) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    let bytes = s.as_bytes();
    let mut word_start = 0;
    let mut i = 0;
    let mut first = true;
    while let Some(&b) = bytes.get(i) {
        // The length of the whitespace character at `i`, or 0.
        let space = match b {
            b' ' | b'\t'..=b'\r' => 1,
            0xC2 if unicode_space_at(bytes, i) => 2,
            0xE1..=0xE3 if unicode_space_at(bytes, i) => 3,
            _ => 0,
        };
        if space == 0 {
            i += 1;
            continue;
        }
        if word_start < i {
            if !first {
                out.push(b' ');
            }
            out.extend_from_slice(&bytes[word_start..i]);
            first = false;
        }
        i += space;
        word_start = i;
    }
    if word_start < bytes.len() {
        if !first {
            out.push(b' ');
        }
        out.extend_from_slice(&bytes[word_start..]);
    }
}

/// Whether `s` has no whitespace but single spaces between other characters:
/// eight bytes a step without branching on them (spaces are too frequent to
/// branch on), then, only when `s` is not ASCII, a second look at the
/// possible lead bytes of non-ASCII whitespace.
fn is_folded(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut blanks = 0;
    let mut high = 0;
    // Bit 7 set when the byte before the word is a space.
    let mut space_before = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        blanks |= unfolded_blanks(word, &mut space_before);
        high |= word;
    }
    let word = padded_word(chunks.remainder());
    blanks |= unfolded_blanks(word, &mut space_before);
    high |= word;
    blanks == 0 && (high & HIGH == 0 || !has_unicode_space(bytes))
}

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGH: u64 = ONES * 0x80;

/// The last bytes of a text (fewer than eight) padded with letters, which
/// are neither whitespace nor special in any way here.
#[inline]
fn padded_word(rest: &[u8]) -> u64 {
    let mut word = [b'a'; 8];
    word[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(word)
}

/// The high bit of every byte of `word` that is ASCII whitespace but a
/// single space (a space after a space, when bit 7 of `space_before` is set
/// for the byte before the word; it is then set for the last byte).
#[inline]
fn unfolded_blanks(word: u64, space_before: &mut u64) -> u64 {
    let spaces = zero_bytes(word ^ (ONES * u64::from(b' ')));
    // An ASCII byte below 0x20 (the other ASCII whitespace, and controls,
    // which only take the slow path) has bits 5 and 6 clear; so have
    // continuation bytes, left out by their high bit.
    let controls = zero_bytes(word & (ONES * 0x60)) & !word;
    let after_space = (spaces << 8) | *space_before;
    *space_before = spaces >> 56;
    controls | (spaces & after_space)
}

/// Whether `bytes` holds a non-ASCII whitespace character: a look at each
/// byte that may lead one (0xC2, 0xE0 to 0xE3), words of ASCII passed over.
fn has_unicode_space(bytes: &[u8]) -> bool {
    let spaces_in = |word: u64, at: usize| {
        if word & HIGH == 0 {
            return false;
        }
        let mut leads =
            zero_bytes(word ^ (ONES * 0xC2)) | zero_bytes((word & (ONES * 0xFC)) ^ (ONES * 0xE0));
        while leads != 0 {
            if unicode_space_at(bytes, at + leads.trailing_zeros() as usize / 8) {
                return true;
            }
            leads &= leads - 1;
        }
        false
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        if spaces_in(u64::from_le_bytes(chunk.try_into().unwrap_or_default()), at) {
            return true;
        }
        at += 8;
    }
    spaces_in(padded_word(chunks.remainder()), at)
}

/// The high bit of every zero byte of `word`, exactly (no sum carries into
/// the next byte).
#[inline]
fn zero_bytes(word: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    !(((word & LOW7) + LOW7) | word | LOW7)
}

/// Whether a non-ASCII whitespace character (as [`char::is_whitespace`] has
/// them) starts at byte `i`: U+0085, U+00A0, U+1680, U+2000 to U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000.
fn unicode_space_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        bytes.get(i..).unwrap_or_default(),
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// Turns byte offsets into character offsets in O(1) each, after one pass over
/// the text that keeps the character count at every 16th byte (a quarter of
/// the text's size in memory, and nothing at all for ASCII text): a look-up
/// then counts at most 15 bytes.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// Characters before byte `i * BLOCK`; empty when the text is ASCII.
    checkpoints: Vec<u32>,
}

const BLOCK: usize = 16;

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex::default();
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0u32;
        let mut blocks = bytes.chunks_exact(BLOCK);
        for block in &mut blocks {
            checkpoints.push(chars);
            chars += count_block_char_starts(block);
        }
        if !blocks.remainder().is_empty() {
            checkpoints.push(chars);
        }
        CharIndex { checkpoints }
    }

    /// The character offset of byte offset `byte` (which must be a char
    /// boundary of `text`, or its length).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.checkpoints.get(block).copied().unwrap_or_else(|| {
            // Only byte == text.len() on a block boundary lands here.
            self.checkpoints.last().copied().unwrap_or(0)
                + count_char_starts(&text.as_bytes()[(self.checkpoints.len() - 1) * BLOCK..]) as u32
        }) as usize;
        let from = (block * BLOCK).min(text.len());
        base + count_char_starts(&text.as_bytes()[from..byte.max(from)])
    }
}

/// [`count_char_starts`] of a whole block, two words at a time: a byte
/// starts a character unless it is `0b10xx_xxxx`.
#[inline]
fn count_block_char_starts(block: &[u8]) -> u32 {
    let word = |at: usize| u64::from_le_bytes(block[at..at + 8].try_into().unwrap_or_default());
    let continuations = |w: u64| (w & !(w << 1) & HIGH) >> 7;
    // At most two a byte: adding up the bytes by a multiplication cannot carry.
    let count = continuations(word(0)) + continuations(word(8));
    BLOCK as u32 - (count.wrapping_mul(ONES) >> 56) as u32
}

fn count_char_starts(bytes: &[u8]) -> usize {
    // A sum rather than `filter().count()`: the compiler adds many bytes a
    // step.
    bytes.iter().map(|&b| usize::from((b as i8) >= -0x40)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{QuoteKind, SpeakerType};

    #[test]
    fn char_offsets_match_a_plain_count() {
        let text = "“Straße,” said Zoë — ünïcödé ".repeat(20);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.char_offset(&text, byte), text[..byte].chars().count());
        }
    }

    fn folded_bytes(s: &str) -> String {
        let mut out = b"x".to_vec();
        push_folded_bytes(&mut out, s);
        String::from_utf8(out[1..].to_vec()).unwrap()
    }

    #[test]
    fn folding_agrees_with_splitting_on_whitespace() {
        let words = [
            "a", "Zoë", "“x”", "", " ", "  ", "\t", "\n", "\u{a0}", "\u{2009}", "\u{3000}",
            "\u{85}", "’", "—",
        ];
        for a in words {
            for b in words {
                for c in words {
                    let s = format!("{a}{b}{c}");
                    let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(fold_whitespace(&s), expected, "{s:?}");
                    assert_eq!(folded_bytes(&s), expected, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn folding_long_text_agrees_with_splitting_on_whitespace() {
        // Every blank at every place of an eight-byte step, between words
        // of every length.
        let blanks = [" ", "  ", "\t", "\n", " \r ", "\u{a0}", "\u{3000}", "\u{1}"];
        for blank in blanks {
            for before in 0..18 {
                for after in 0..18 {
                    for word in ["ab", "Zoë"] {
                        let s = format!("{}{blank}{}", "x".repeat(before), word.repeat(after));
                        let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
                        let folded = fold_whitespace(&s);
                        // U+0001 is no whitespace: kept either way.
                        assert_eq!(folded, expected, "{s:?}");
                        let spaced = format!("{s} {s}");
                        let expected = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
                        assert_eq!(fold_whitespace(&spaced), expected, "{spaced:?}");
                        assert_eq!(folded_bytes(&spaced), expected, "{spaced:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn non_ascii_spaces_are_those_of_the_standard_library() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut bytes = [0; 4];
            let encoded = c.encode_utf8(&mut bytes).as_bytes();
            assert_eq!(unicode_space_at(encoded, 0), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn ascii_text_needs_no_index() {
        let index = CharIndex::new("plain");
        assert_eq!(index.char_offset("plain", 3), 3);
    }

    #[test]
    fn quote_text_drops_enclosing_marks_and_folds_space() {
        let text = "\"This is  not\n a test,\" he said. ''Nor this.''";
        let a = Span::new(0, 23);
        let b = Span::new(33, text.len());
        assert_eq!(quote_text(text, &[a, b]), "This is not a test, Nor this.");
        assert_eq!(
            quote_text("'Jones' view'", &[Span::new(0, 13)]),
            "Jones' view"
        );
        assert_eq!(
            quote_text("the Joneses'", &[Span::new(0, 12)]),
            "the Joneses'"
        );
        let mixed = "Russia was “either unwilling or unable.";
        assert_eq!(
            quote_text(mixed, &[Span::new(0, mixed.len())]),
            "Russia was “either unwilling or unable."
        );
    }

    #[test]
    fn row_carries_char_or_byte_offsets() {
        let text = "“Ça va,” dit Zoë.";
        let zoe = text.find("Zoë").unwrap();
        let attribution = Attribution {
            content: vec![Span::new(0, text.find(" dit").unwrap())],
            kind: QuoteKind::Direct,
            speaker_mention: Some(Span::new(zoe, zoe + "Zoë".len())),
            speaker: Some("Zoë".into()),
            speaker_type: SpeakerType::Person,
            cue: None,
            sieve: "test",
            confidence: 0.9,
        };
        let index = CharIndex::new(text);
        let row = Row::new("a", text, 1, &attribution, &index, OffsetKind::Chars);
        assert_eq!((row.quote_start, row.quote_end), (0, 8));
        assert_eq!(row.quote, "Ça va,");
        assert_eq!((row.speaker_start, row.speaker_end), (Some(13), Some(16)));
        assert_eq!(row.quote_spans, "0-8");
        let row = Row::new("a", text, 1, &attribution, &index, OffsetKind::Bytes);
        assert_eq!(row.quote_end, text.find(" dit").unwrap());
        assert_eq!(row.cue_start, None);
    }

    #[test]
    fn a_refilled_row_is_a_new_row() {
        let text = "“Ça  va,” dit Zoë. He said: \"No.\"";
        let zoe = text.find("Zoë").unwrap();
        let first = Attribution {
            content: vec![Span::new(0, text.find(" dit").unwrap())],
            kind: QuoteKind::Direct,
            speaker_mention: Some(Span::new(zoe, zoe + "Zoë".len())),
            speaker: Some("Zoë".into()),
            speaker_type: SpeakerType::Person,
            cue: Some(Span::new(zoe - 4, zoe - 1)),
            sieve: "first",
            confidence: 0.9,
        };
        let no = text.find("\"No").unwrap();
        let second = Attribution {
            content: vec![Span::new(no, text.len()), Span::new(0, 5)],
            kind: QuoteKind::Mixed,
            speaker_mention: None,
            speaker: None,
            speaker_type: SpeakerType::Unknown,
            cue: None,
            sieve: "second",
            confidence: 0.5,
        };
        let index = CharIndex::new(text);
        let mut row = Row::new("a", text, 1, &first, &index, OffsetKind::Chars);
        row.quote.insert(0, '\'');
        row.fill("b", text, 2, &second, &index, OffsetKind::Bytes);
        assert_eq!(
            row,
            Row::new("b", text, 2, &second, &index, OffsetKind::Bytes)
        );
        row.fill("a", text, 1, &first, &index, OffsetKind::Chars);
        assert_eq!(
            row,
            Row::new("a", text, 1, &first, &index, OffsetKind::Chars)
        );
    }
}
