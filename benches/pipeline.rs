//! Time of the whole analysis over the PolNeAR dev texts (`../shared/corpora`),
//! and of each stage on its own, so the split shows where the time goes.
//!
//! `cargo bench --bench pipeline`. One iteration handles every dev article, so
//! the throughput divan prints is bytes per second. The reading and writing of
//! files is left out here: `scripts/bench.py` measures the binary end to end.
//! Skips with a message when the shared corpora are not there.

use std::path::Path;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use whosaid::core::{Attribution, CharIndex, OffsetKind, Row};
use whosaid::output::Writer;

const DEV: &str = "../shared/corpora/polnear/polnear-dev.jsonl";

/// The dev articles' ids and texts, or `None` when the corpus is missing.
static ARTICLES: LazyLock<Option<Vec<(String, String)>>> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEV);
    let gold = whosaid_eval::read_gold_jsonl(&path).ok()?;
    Some(gold.articles.into_iter().map(|a| (a.id, a.text)).collect())
});

fn main() {
    if ARTICLES.is_none() {
        eprintln!("skipping the pipeline bench: {DEV} not found");
        return;
    }
    divan::main();
}

fn articles() -> &'static [(String, String)] {
    ARTICLES.as_deref().unwrap_or_default()
}

fn bytes() -> BytesCount {
    BytesCount::new(articles().iter().map(|(_, text)| text.len()).sum::<usize>())
}

/// `whosaid::analyze`: segmenter, speaker matcher and resolver.
#[divan::bench]
fn analyze(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        for (_, text) in articles() {
            divan::black_box(whosaid::analyze(divan::black_box(text)));
        }
    });
}

/// `analyze` and the rows it makes, with character offsets (the default).
#[divan::bench]
fn analyze_to_rows(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        for (id, text) in articles() {
            let attributions = whosaid::analyze(text);
            let offsets = CharIndex::new(text);
            for (number, attribution) in attributions.iter().enumerate() {
                let quote_id = u32::try_from(number + 1).unwrap_or(u32::MAX);
                let row = Row::new(id, text, quote_id, attribution, &offsets, OffsetKind::Chars);
                divan::black_box(row);
            }
        }
    });
}

/// The dev articles' attributions, analysed once for [`render`].
static ATTRIBUTIONS: LazyLock<Vec<Vec<Attribution>>> = LazyLock::new(|| {
    articles()
        .iter()
        .map(|(_, text)| whosaid::analyze(text))
        .collect()
});

/// `whosaid::output::Writer::render` alone: the CSV rows of every dev article
/// (character offsets), the attributions given. Bytes are of article text.
#[divan::bench]
fn render(bencher: Bencher) {
    let writer = Writer::default();
    let attributions = &*ATTRIBUTIONS;
    bencher.counter(bytes()).bench(|| {
        let mut out = Vec::new();
        for ((id, text), attributions) in articles().iter().zip(attributions) {
            out.clear();
            let rendered = writer.render(id, text, attributions, &mut out);
            divan::black_box((rendered.is_ok(), &out));
        }
    });
}
