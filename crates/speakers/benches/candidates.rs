//! Time of the speaker matcher over the PolNeAR dev texts (`../shared/corpora`).
//!
//! `cargo bench -p whosaid-speakers`. The texts are segmented once before
//! timing; one iteration finds the cues and mentions of every dev article, so
//! the throughput divan prints is the stage's bytes per second. Skips with a
//! message when the shared corpora are not there.

use std::path::Path;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use whosaid_core::Segments;
use whosaid_speakers::candidates;

const DEV: &str = "../../../shared/corpora/polnear/polnear-dev.jsonl";

/// The dev articles' texts with their segments, or `None` when the corpus is
/// missing.
static ARTICLES: LazyLock<Option<Vec<(String, Segments)>>> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEV);
    let gold = whosaid_eval::read_gold_jsonl(&path).ok()?;
    let segmented = gold.articles.into_iter().map(|article| {
        let segments = whosaid_segmenter::segment(&article.text);
        (article.text, segments)
    });
    Some(segmented.collect())
});

fn main() {
    if ARTICLES.is_none() {
        eprintln!("skipping the speaker matcher bench: {DEV} not found");
        return;
    }
    divan::main();
}

#[divan::bench]
fn dev_corpus(bencher: Bencher) {
    let articles = ARTICLES.as_deref().unwrap_or_default();
    let bytes: usize = articles.iter().map(|(text, _)| text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (text, segments) in articles {
            divan::black_box(candidates(divan::black_box(text), segments));
        }
    });
}
