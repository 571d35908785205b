//! whosaid: who said what in news articles.
//!
//! This facade wires the stages together; each stage is its own crate.
pub use whosaid_core as core;

/// The resolver's cascade and its settings: [`resolver::SIEVES`] in order,
/// and [`resolver::Options`] for [`analyze_with`].
pub mod resolver {
    pub use whosaid_resolver::{Options, Sieve, SIEVES};
}

pub mod input;
pub mod output;

use whosaid_core::Attribution;

/// Runs the whole pipeline over one article's text: segments, candidates,
/// attributions, in text order.
pub fn analyze(text: &str) -> Vec<Attribution> {
    analyze_with(text, &resolver::Options::default())
}

/// [`analyze`] with the resolver's settings: some sieves switched off (to
/// measure what each earns), or every cue lemma allowed to report speech.
pub fn analyze_with(text: &str, options: &resolver::Options) -> Vec<Attribution> {
    let segments = whosaid_segmenter::segment(text);
    let candidates = whosaid_speakers::candidates(text, &segments);
    whosaid_resolver::resolve_with(text, &segments, &candidates, options)
}
