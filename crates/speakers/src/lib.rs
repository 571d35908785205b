//! The speaker matcher: cues and mentions.
use whosaid_core::{Candidates, Segments};

/// Finds the cues and speaker mentions of a segmented text.
pub fn candidates(text: &str, segments: &Segments) -> Candidates {
    let _ = (text, segments);
    Candidates::default()
}
