//! The shared types of whosaid.
//!
//! An article's text is immutable. Every stage of the pipeline reads it and adds
//! a layer of [`Span`]s (UTF-8 byte offsets into that one text) on top, never
//! editing the text or an earlier layer:
//!
//! ```text
//! Article { id, text }
//!   └─ segmenter → Segments   { paragraphs, sentences, tokens, quotes }
//!       └─ speakers → Candidates { cues, mentions }
//!           └─ resolver → Vec<Attribution> { content, speaker, cue, sieve, … }
//!               └─ Row (the quote CSV, csv-format.md), with char or byte offsets
//! ```
//!
//! Character offsets are computed once, when rows are made ([`row`]).

pub mod layers;
pub mod row;
mod span;

pub use layers::*;
pub use row::{CharIndex, OffsetKind, Row};
pub use span::Span;
