//! Paragraphs, sentences, tokens and quotation spans of a news article.
use whosaid_core::Segments;

/// Segments `text`: a pure function of the text.
pub fn segment(text: &str) -> Segments {
    let _ = text;
    Segments::default()
}
