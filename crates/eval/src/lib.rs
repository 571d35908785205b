//! Scoring against gold.
