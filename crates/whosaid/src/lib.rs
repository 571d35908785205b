//! whosaid: who said what in news articles.
//!
//! This facade wires the stages together; each stage is its own crate.
pub use whosaid_core as core;

pub mod input;
pub mod output;

use whosaid_core::Attribution;

/// Runs the whole pipeline over one article's text: segments, candidates,
/// attributions, in text order.
pub fn analyze(text: &str) -> Vec<Attribution> {
    let segments = whosaid_segmenter::segment(text);
    let candidates = whosaid_speakers::candidates(text, &segments);
    whosaid_resolver::resolve(text, &segments, &candidates)
}
