//! Recall of cues and sources on PolNeAR dev, against floors.
//!
//! Reads `../shared/corpora/polnear/polnear-dev.jsonl` (relative to the
//! repository) and skips with a message when it is absent. Reports
//! (a) cue recall: the share of gold cue spans that a found cue overlaps;
//! (b) source recall: the share of non-empty gold source spans that a found
//! mention overlaps, overall and by source type. `WHOSAID_SPLIT=train` runs
//! the same figures on train (for tuning) without the floors.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use whosaid_core::Span;

/// Floors a little below the figures measured on dev, so a regression fails.
const CUE_RECALL_FLOOR: f64 = 0.89;
const SOURCE_RECALL_FLOOR: f64 = 0.96;

fn spans(fragments: &Value) -> Vec<Span> {
    fragments
        .as_array()
        .map(|frs| {
            frs.iter()
                .filter_map(|f| {
                    let start = f["start_byte"].as_u64()? as usize;
                    let end = f["end_byte"].as_u64()? as usize;
                    (end > start).then_some(Span::new(start, end))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    found: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.found += hit as usize;
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.total.max(1) as f64
    }
}

#[test]
fn cue_and_source_recall_on_polnear() {
    let split = std::env::var("WHOSAID_SPLIT").unwrap_or_else(|_| "dev".into());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../../../shared/corpora/polnear/polnear-{split}.jsonl"
    ));
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let (mut cues, mut sources) = (Tally::default(), Tally::default());
    let mut by_type: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut found_cues, mut found_mentions, mut bytes) = (0, 0, 0);
    // For tuning: WHOSAID_MISSED=FILE lists the gold cues and sources missed.
    let mut missed = String::new();
    let started = std::time::Instant::now();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).expect("PolNeAR line is JSON");
        let text = article["text"].as_str().expect("article text");
        let segments = whosaid_segmenter::segment(text);
        let found = whosaid_speakers::candidates(text, &segments);
        found_cues += found.cues.len();
        found_mentions += found.mentions.len();
        bytes += text.len();
        for at in article["attributions"].as_array().into_iter().flatten() {
            let gold_cue = spans(&at["cue_fragments"]);
            if !gold_cue.is_empty() {
                let hit = gold_cue
                    .iter()
                    .any(|g| found.cues.iter().any(|c| c.span.overlaps(*g)));
                cues.add(hit);
                if !hit {
                    missed.push_str(&format!("cue\t{}\n", at["cue"].as_str().unwrap_or("")));
                }
            }
            let gold_source = spans(&at["source_fragments"]);
            if !gold_source.is_empty() {
                let hit = gold_source
                    .iter()
                    .any(|g| found.mentions.iter().any(|m| m.span.overlaps(*g)));
                sources.add(hit);
                let kind = at["source_type"].as_str().unwrap_or("none").to_string();
                if !hit {
                    let source = at["source"].as_str().unwrap_or("");
                    missed.push_str(&format!("source\t{kind}\t{source}\n"));
                }
                by_type.entry(kind).or_default().add(hit);
            }
        }
    }
    if let Ok(out) = std::env::var("WHOSAID_MISSED") {
        std::fs::write(out, &missed).expect("the missed list is writable");
    }
    eprintln!(
        "PolNeAR {split}: cue recall {:.3} ({}/{}), {found_cues} cues found",
        cues.recall(),
        cues.found,
        cues.total
    );
    eprintln!(
        "PolNeAR {split}: source recall {:.3} ({}/{}), {found_mentions} mentions found",
        sources.recall(),
        sources.found,
        sources.total
    );
    for (kind, t) in &by_type {
        eprintln!(
            "  source {kind}: {:.3} ({}/{})",
            t.recall(),
            t.found,
            t.total
        );
    }
    eprintln!(
        "  {:.1} MB in {:.2?} (debug build)",
        bytes as f64 / 1e6,
        started.elapsed()
    );
    if split == "dev" {
        assert!(
            cues.recall() >= CUE_RECALL_FLOOR,
            "cue recall fell below its floor"
        );
        assert!(
            sources.recall() >= SOURCE_RECALL_FLOOR,
            "source recall fell below its floor"
        );
    }
}
