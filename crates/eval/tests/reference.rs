//! The scorer against an independent implementation of metrics.md
//! (`scripts/score_reference.py`) on real gold: predictions are made from the
//! gold itself with perturbations (shifted and shrunk spans, hulls for
//! fragments, dropped rows and articles, duplicated, swapped and missing
//! speakers, altered canonical names, spurious rows), so that every figure is
//! far from 0 and 1, and both scorers must agree to 0.001.
//!
//! Needs python3 and `../shared/corpora` next to the repository; skips with a
//! message otherwise. `cargo test -p whosaid-eval --test reference -- --nocapture`
//! shows the figures.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use whosaid_eval::{read_gold_jsonl, read_predictions_csv, score, CharRange, Gold};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn agrees_with_the_reference_on_perturbed_polnear_dev() {
    agrees_on("polnear/polnear-dev.jsonl", &[2016, 42, 7]);
}

#[test]
fn agrees_with_the_reference_on_the_perturbed_seed() {
    agrees_on("seed/seed-gold.jsonl", &[5, 3, 11]);
}

fn agrees_on(corpus: &str, seeds: &[u64]) {
    let gold_path = repository().join("../shared/corpora").join(corpus);
    if !gold_path.exists() {
        eprintln!("skipped: {} is absent", gold_path.display());
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: no python3 to run the reference scorer");
        return;
    }
    let gold = read_gold_jsonl(&gold_path).expect("gold reads");
    for &seed in seeds {
        agrees_on_perturbed(&gold, &gold_path, seed);
    }
}

fn agrees_on_perturbed(gold: &Gold, gold_path: &Path, seed: u64) {
    let stem = gold_path.file_stem().unwrap().to_string_lossy();
    let csv_path =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("perturbed-{stem}-{seed}.csv"));
    write_perturbed(gold, &csv_path, seed);

    let predictions = read_predictions_csv(&csv_path).expect("perturbed CSV reads");
    let ours = score(gold, &predictions);
    let output = Command::new("python3")
        .arg(repository().join("scripts/score_reference.py"))
        .arg("--gold")
        .arg(gold_path)
        .arg(&csv_path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "reference failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: Value = serde_json::from_slice(&output.stdout).expect("reference JSON");

    println!(
        "{stem}, perturbed with seed {seed}: {} rows",
        predictions.len()
    );
    println!("{:<26} {:>8} {:>10}", "figure", "whosaid", "reference");
    let mut worst: f64 = 0.0;
    for (key, value) in ours.keyed_figures() {
        let theirs = reference["figures"][&key].as_f64();
        println!("{key:<26} {:>8} {:>10}", show(value), show(theirs));
        match (value, theirs) {
            (Some(a), Some(b)) => worst = worst.max((a - b).abs()),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{key}: {a:?} vs {b:?}"),
        }
    }
    println!("largest difference: {worst:e}");
    assert!(worst <= 0.001, "figures differ by {worst}");

    let sieves: Vec<(String, u64, u64)> = ours
        .sieves
        .iter()
        .map(|s| (s.sieve.clone(), s.rows as u64, s.attributed as u64))
        .collect();
    let their_sieves: Vec<(String, u64, u64)> = reference["sieves"]
        .as_array()
        .expect("sieves")
        .iter()
        .map(|s| {
            let n = |k: &str| s[k].as_u64().unwrap_or(u64::MAX);
            (
                s["sieve"].as_str().unwrap_or("").to_string(),
                n("rows"),
                n("attributed"),
            )
        })
        .collect();
    assert_eq!(sieves, their_sieves);
    assert_eq!(
        Some(ours.rows_ignored as u64),
        reference["rows_ignored"].as_u64()
    );

    // Perturbed, the figures must be far from trivial.
    let f = ours.figures(0);
    assert!(
        0.3 < f.attr_f1 && f.attr_f1 < 0.95,
        "attr_f1@0.3 = {}",
        f.attr_f1
    );
    assert!(ours.figures(1).content_f1 < f.content_f1);
}

fn show(value: Option<f64>) -> String {
    value.map_or_else(|| "null".into(), |v| format!("{v:.4}"))
}

/// Writes a quote CSV made from the gold with deterministic perturbations.
fn write_perturbed(gold: &Gold, path: &Path, seed: u64) {
    let mut rng = Rng(seed);
    let mut out = csv::Writer::from_path(path).expect("temp CSV");
    out.write_record([
        "article_id",
        "quote_id",
        "kind",
        "quote_start",
        "quote_end",
        "quote_spans",
        "speaker",
        "speaker_start",
        "speaker_end",
        "sieve",
    ])
    .unwrap();
    for article in &gold.articles {
        // About one article in ten gets no rows at all.
        if gold.articles.len() > 1 && rng.chance(0.1) {
            continue;
        }
        let n = article.text.chars().count();
        let mut rows: Vec<[String; 10]> = Vec::new();
        for item in &article.items {
            if rng.chance(0.08) {
                continue;
            }
            let mut content = item.content.clone();
            let roll = rng.unit();
            if roll < 0.3 {
                for r in &mut content {
                    *r = shifted(*r, n, &mut rng, 15);
                }
            } else if roll < 0.4 {
                // The first half of the first fragment only.
                let first = content[0];
                content = vec![CharRange::new(
                    first.start,
                    first.start + first.end.saturating_sub(first.start) / 2,
                )];
            } else if roll < 0.5 {
                let hull = CharRange::new(content[0].start, content[content.len() - 1].end);
                content = vec![hull];
            }
            let hull = CharRange::new(content[0].start, content[content.len() - 1].end);
            let spans = if rng.chance(0.15) {
                String::new() // only quote_start/quote_end
            } else {
                content
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let source_hull = |sources: &[CharRange]| {
                (!sources.is_empty())
                    .then(|| CharRange::new(sources[0].start, sources[sources.len() - 1].end))
            };
            let roll = rng.unit();
            let mention = if roll < 0.12 {
                let other = &article.items[rng.below(article.items.len())];
                source_hull(&other.source)
            } else if roll < 0.2 {
                None
            } else if roll < 0.28 {
                source_hull(&item.source).map(|r| shifted(r, n, &mut rng, 6))
            } else {
                source_hull(&item.source)
            };
            let name = item.speaker.clone().unwrap_or_default();
            let speaker = match rng.below(5) {
                0 => format!("The {}", name.to_uppercase()),
                1 => name.split_whitespace().last().unwrap_or("").to_string(),
                2 => format!("{name}."),
                _ => name,
            };
            let kind = item.kind.map(|k| k.as_str()).unwrap_or("");
            let sieve = ["alpha", "beta", "gamma"][rng.below(3)];
            let row = [
                article.id.clone(),
                String::new(),
                kind.to_string(),
                hull.start.to_string(),
                hull.end.to_string(),
                spans,
                speaker,
                mention.map(|m| m.start.to_string()).unwrap_or_default(),
                mention.map(|m| m.end.to_string()).unwrap_or_default(),
                sieve.to_string(),
            ];
            if rng.chance(0.06) {
                // A duplicate without a speaker, first: ties go to it.
                let mut duplicate = row.clone();
                duplicate[7].clear();
                duplicate[8].clear();
                rows.push(duplicate);
            }
            rows.push(row);
        }
        for _ in 0..rng.below(4) {
            let start = rng.below(n.max(1));
            let end = (start + 5 + rng.below(80)).min(n);
            let spurious = [
                article.id.clone(),
                String::new(),
                "indirect".into(),
                start.to_string(),
                end.to_string(),
                format!("{start}-{end}"),
                String::new(),
                String::new(),
                String::new(),
                "delta".into(),
            ];
            rows.insert(rng.below(rows.len() + 1), spurious);
        }
        // Swap some neighbours, so that row order is not gold order.
        for i in 1..rows.len() {
            if rng.chance(0.1) {
                rows.swap(i - 1, i);
            }
        }
        for (number, mut row) in rows.into_iter().enumerate() {
            row[1] = (number + 1).to_string();
            out.write_record(&row).unwrap();
        }
    }
    out.write_record([
        "not-in-the-gold",
        "1",
        "direct",
        "0",
        "10",
        "",
        "",
        "",
        "",
        "alpha",
    ])
    .unwrap();
    out.flush().unwrap();
}

fn shifted(r: CharRange, n: usize, rng: &mut Rng, by: usize) -> CharRange {
    let mut move_by = |x: usize| {
        let delta = rng.below(2 * by + 1) as isize - by as isize;
        (x as isize + delta).clamp(0, n as isize) as usize
    };
    let start = move_by(r.start);
    let end = move_by(r.end).max(start);
    CharRange::new(start, end)
}

/// SplitMix64, for reproducible perturbations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}
