//! Paragraphs, sentences, tokens and quotation spans of a news article.
//!
//! [`segment`] is a pure function of the text, linear in its length, and never
//! panics; every span it returns lies on character boundaries. The layers are
//! built in this order, each in one pass:
//!
//! 1. paragraphs: every non-blank line (`paragraphs.rs`);
//! 2. quotation marks, scanned per paragraph, and quotes, paired per
//!    paragraph with the multi-paragraph rule (`marks.rs`, `quotes.rs`);
//! 3. sentences: candidate boundaries after `.`, `?` and `!` (as UAX #29
//!    has them) and a merge pass for abbreviations, initials and quotes
//!    (`sentences.rs`);
//! 4. tokens, which take their quotation marks from step 2 so that a quote's
//!    marks and the `QuoteMark` tokens always agree (`tokens.rs`);
//! 5. unclosed quotes cut at their sentence's end when their paragraph goes
//!    on long after them, and every quote's hint.

mod marks;
mod paragraphs;
mod quotes;
mod sentences;
mod text;
mod tokens;

use std::cell::Cell;

use whosaid_core::Segments;

/// Segments `text` into paragraphs, sentences, tokens and quotes.
pub fn segment(text: &str) -> Segments {
    let mut segments = Segments::default();
    segment_into(text, &mut segments);
    segments
}

/// [`segment`] into `segments`, in place of what they held: a caller that
/// segments text after text reuses their memory, rather than allocating
/// and growing every layer afresh for each text.
pub fn segment_into(text: &str, segments: &mut Segments) {
    let Segments {
        paragraphs,
        sentences,
        tokens,
        quotes,
    } = segments;
    paragraphs::split_into(text, paragraphs);

    // The marks are this function's own, kept per thread from text to text.
    let mut marks = MARKS.take();
    marks.clear();
    let mut pairer = quotes::Pairer::with_quotes(std::mem::take(quotes));
    for &para in paragraphs.iter() {
        let first = marks.len();
        marks::scan(text, para, &mut marks);
        pairer.paragraph(text, para, &mut marks, first);
    }
    *quotes = pairer.finish();

    sentences.clear();
    sentences.reserve(paragraphs.len() * 2);
    sentences::split(text, paragraphs, sentences);

    // Double marks are quotation marks even when stray; a single mark is one
    // only when a quote uses it, and an apostrophe otherwise.
    // Filtered in place: a text of nothing but marks has one per byte.
    marks.retain(|m| m.used || !m.glyph.is_single());
    *tokens = tokens::tokenize(text, &marks, std::mem::take(tokens));
    MARKS.set(marks);

    quotes::recover_unclosed(quotes, paragraphs, sentences);
    quotes::set_depths(quotes);
    quotes::set_hints(text, quotes, tokens);
}

thread_local! {
    /// The quotation marks of the last text segmented on this thread, for
    /// their memory.
    static MARKS: Cell<Vec<marks::Mark>> = const { Cell::new(Vec::new()) };
}
