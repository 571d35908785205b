//! Scores quote attributions against gold, exactly as
//! `../shared/docs/metrics.md` defines, so that its figures agree with any
//! other scorer that follows that page.
//!
//! ```text
//! Gold (JSONL, or quote CSV + texts) ─┐
//!                                     ├─ score() → Scores ─┬─ report::text / report::json
//! Predictions (quote CSV, or rows) ───┘                   ├─ report::write_mistakes (CSV)
//!                                                         └─ compare() → Comparison (bootstrap)
//! ```
//!
//! All offsets here count characters (Unicode scalar values), as the quote
//! CSV's default offsets and the gold's `start`/`end` fields do; the gold's
//! `*_byte` fields are not used.
//!
//! ```
//! use whosaid_eval::{score, CharRange, Gold, GoldArticle, GoldItem, Kind, Prediction, Predictions};
//!
//! let text = "\"We will win,\" Smith said.";
//! let gold = Gold {
//!     name: "example".into(),
//!     articles: vec![GoldArticle {
//!         id: "a1".into(),
//!         text: text.into(),
//!         items: vec![GoldItem {
//!             content: vec![CharRange::new(0, 14)],
//!             source: vec![CharRange::new(15, 20)],
//!             kind: Some(Kind::Direct),
//!             speaker: Some("Smith".into()),
//!         }],
//!     }],
//! };
//! let mut predictions = Predictions::new("mine");
//! predictions.push("a1", Prediction {
//!     content: vec![CharRange::new(1, 12)],
//!     speaker_mention: Some(CharRange::new(15, 20)),
//!     speaker: "Smith".into(),
//!     ..Prediction::default()
//! });
//! let scores = score(&gold, &predictions);
//! assert_eq!(scores.figures(0).attr_f1, 1.0);
//! ```

mod baseline;
mod compare;
mod error;
mod gold;
mod predictions;
pub mod report;
mod score;

pub use baseline::{Baseline, Check, TOLERANCE};
pub use compare::{compare, Comparison, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED};
pub use error::Error;
pub use gold::{read_gold_csv, read_gold_jsonl, Gold, GoldArticle, GoldItem, Kind};
pub use predictions::{read_predictions_csv, Prediction, Predictions};
pub use score::{
    fold_name, score, ArticleScore, Counts, Figures, Mistake, MistakeKind, Scores, SieveScore,
    THRESHOLDS,
};

/// A half-open range `start..end` of character offsets (Unicode scalar
/// values) into an article's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

impl CharRange {
    pub const fn new(start: usize, end: usize) -> CharRange {
        CharRange { start, end }
    }
}

impl std::fmt::Display for CharRange {
    /// As the quote CSV writes a fragment: `start-end`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// Fragments as the quote CSV's `quote_spans` writes them: `s-e;s-e`.
pub(crate) fn format_spans(spans: &[CharRange]) -> String {
    spans
        .iter()
        .map(CharRange::to_string)
        .collect::<Vec<_>>()
        .join(";")
}
