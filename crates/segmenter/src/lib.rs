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

use whosaid_core::Segments;

/// Segments `text` into paragraphs, sentences, tokens and quotes.
pub fn segment(text: &str) -> Segments {
    let paragraphs = paragraphs::split(text);

    let mut marks = Vec::new();
    let mut pairer = quotes::Pairer::default();
    for &para in &paragraphs {
        let first = marks.len();
        marks::scan(text, para, &mut marks);
        pairer.paragraph(text, para, &mut marks, first);
    }
    let mut quotes = pairer.finish();

    let mut sentences = Vec::with_capacity(paragraphs.len() * 2);
    sentences::split(text, &paragraphs, &mut sentences);

    // Double marks are quotation marks even when stray; a single mark is one
    // only when a quote uses it, and an apostrophe otherwise.
    // Filtered in place: a text of nothing but marks has one per byte.
    marks.retain(|m| m.used || !m.glyph.is_single());
    let tokens = tokens::tokenize(text, &marks);
    drop(marks);

    quotes::recover_unclosed(&mut quotes, &paragraphs, &sentences);
    quotes::set_depths(&mut quotes);
    quotes::set_hints(text, &mut quotes, &tokens);

    Segments {
        paragraphs,
        sentences,
        tokens,
        quotes,
    }
}
