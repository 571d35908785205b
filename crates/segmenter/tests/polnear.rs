//! Quotes against PolNeAR's gold attributions (dev split).
//!
//! For every gold attribution of kind `direct` (its content all inside
//! quotation marks), each content fragment should lie inside a quote piece
//! the segmenter found. Also checks the layers' invariants on real text and
//! that no quote runs over suspiciously many paragraphs.
//!
//! Needs `../shared/corpora/polnear/polnear-dev.jsonl` (relative to the
//! repository); skips with a message when it is absent. Run with
//! `--nocapture` to see the figures and the first misses.

use std::path::PathBuf;
use std::time::Instant;

use serde_json::Value;
use whosaid_core::{QuoteHint, Span};
use whosaid_segmenter::segment;

/// The share of gold direct fragments a found quote must cover.
const MIN_COVERAGE: f64 = 0.95;

/// Quotes over more paragraphs than this are suspicious.
const MAX_PARAGRAPHS: usize = 3;

/// The dev split, or the one `POLNEAR_SPLIT` names (`train` to tune on).
fn corpus() -> Option<String> {
    let split = std::env::var("POLNEAR_SPLIT").unwrap_or_else(|_| "dev".into());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../../../shared/corpora/polnear/polnear-{split}.jsonl"
    ));
    match std::fs::read_to_string(&path) {
        Ok(corpus) => Some(corpus),
        Err(err) => {
            eprintln!("skipping: cannot read {}: {err}", path.display());
            None
        }
    }
}

fn byte_span(v: &Value) -> Option<Span> {
    Some(Span::new(
        v["start_byte"].as_u64()? as usize,
        v["end_byte"].as_u64()? as usize,
    ))
}

#[test]
fn direct_quotes_are_covered() {
    let Some(corpus) = corpus() else { return };
    let (mut fragments, mut covered, mut exact) = (0usize, 0usize, 0usize);
    let (mut attributions, mut attributions_covered) = (0usize, 0usize);
    let (mut quotes, mut long_quotes, mut bytes) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut elapsed = std::time::Duration::ZERO;
    // Outer quotes by hint (Speech, Fragment, Title) and by what gold says of
    // them: a direct fragment, inside mixed content, or neither.
    let mut hints = [[0usize; 3]; 3];
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).expect("a JSON article per line");
        let text = article["text"].as_str().expect("a text");
        let started = Instant::now();
        let segments = segment(text);
        elapsed += started.elapsed();
        bytes += text.len();
        quotes += segments.quotes.len();
        for quote in &segments.quotes {
            if quote.pieces.len() > MAX_PARAGRAPHS {
                long_quotes += 1;
                eprintln!(
                    "long quote ({} paragraphs): {:.120}",
                    quote.pieces.len(),
                    quote.span().text(text)
                );
            }
        }
        let pieces: Vec<Span> = segments
            .quotes
            .iter()
            .flat_map(|q| q.pieces.iter().copied())
            .collect();
        let attrs = article["attributions"].as_array().expect("attributions");
        let gold_of = |kind: &str| -> Vec<Span> {
            let attrs = attrs.iter().filter(|a| a["kind"] == kind);
            let fragments = attrs.flat_map(|a| {
                a["content_fragments"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            });
            fragments.filter_map(|f| byte_span(&f)).collect()
        };
        let (direct, mixed) = (gold_of("direct"), gold_of("mixed"));
        for quote in segments.quotes.iter().filter(|q| q.depth == 0) {
            let span = quote.span();
            let class = if direct.iter().any(|g| g.overlaps(span)) {
                0
            } else if mixed.iter().any(|g| g.contains(span)) {
                1
            } else {
                2
            };
            let hint = match quote.hint {
                QuoteHint::Speech => 0,
                QuoteHint::Fragment => 1,
                QuoteHint::Title => 2,
            };
            hints[hint][class] += 1;
            if std::env::var_os("SHOW_HINTS").is_some()
                && (hint, class) != (0, 0)
                && (hint, class) != (1, 1)
            {
                eprintln!(
                    "hint {:?} gold {}: {:?}",
                    quote.hint,
                    ["direct", "mixed", "none"][class],
                    span.text(text)
                );
            }
        }
        for attr in attrs.iter().filter(|a| a["kind"] == "direct") {
            attributions += 1;
            let mut all = true;
            for fragment in attr["content_fragments"].as_array().expect("fragments") {
                let Some(gold) = byte_span(fragment) else {
                    continue;
                };
                let trimmed = text[gold.range()].trim();
                let offset = text[gold.range()].find(trimmed).unwrap_or(0);
                let gold = Span::new(gold.start + offset, gold.start + offset + trimmed.len());
                fragments += 1;
                if pieces.iter().any(|p| p.contains(gold)) {
                    covered += 1;
                    exact += pieces.contains(&gold) as usize;
                    if std::env::var_os("SHOW_INEXACT").is_some() && !pieces.contains(&gold) {
                        let outer = pieces
                            .iter()
                            .find(|p| p.contains(gold))
                            .map(|p| p.text(text));
                        eprintln!(
                            "inexact {}\n    gold:  {:?}\n    found: {:?}",
                            article["id"],
                            gold.text(text),
                            outer
                        );
                    }
                } else {
                    all = false;
                    let near: Vec<&str> = pieces
                        .iter()
                        .filter(|p| p.overlaps(gold))
                        .map(|p| p.text(text))
                        .collect();
                    misses.push(format!(
                        "{}\n    gold:  {:?}\n    found: {:?}",
                        article["id"],
                        gold.text(text),
                        near
                    ));
                }
            }
            attributions_covered += all as usize;
        }
    }
    for miss in misses.iter().take(40) {
        eprintln!("miss {miss}");
    }
    let coverage = covered as f64 / fragments.max(1) as f64;
    eprintln!(
        "direct fragments covered: {covered}/{fragments} = {:.1}% (exact {exact}); direct attributions fully covered: {attributions_covered}/{attributions}",
        100.0 * coverage
    );
    eprintln!("quotes found: {quotes}; over {MAX_PARAGRAPHS} paragraphs: {long_quotes}");
    eprintln!("outer quotes by hint (gold direct / inside mixed / neither):");
    for (name, row) in ["speech", "fragment", "title"].iter().zip(hints) {
        eprintln!("  {name:>8}: {row:?}");
    }
    eprintln!(
        "segmenting: {:.1} MB/s",
        bytes as f64 / 1e6 / elapsed.as_secs_f64()
    );
    assert!(
        coverage >= MIN_COVERAGE,
        "coverage {coverage:.3} below {MIN_COVERAGE}"
    );
    assert!(
        long_quotes * 100 <= quotes,
        "{long_quotes} of {quotes} quotes run over {MAX_PARAGRAPHS} paragraphs"
    );
}

#[test]
fn invariants_hold_on_real_text() {
    let Some(corpus) = corpus() else { return };
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).expect("a JSON article per line");
        let text = article["text"].as_str().expect("a text");
        let segments = segment(text);
        for window in segments.sentences.windows(2) {
            assert!(window[0].end <= window[1].start);
        }
        for s in &segments.sentences {
            assert!(
                segments.paragraphs.iter().any(|p| p.contains(*s)),
                "sentence across paragraphs"
            );
        }
    }
}
