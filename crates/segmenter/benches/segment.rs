//! Time of the segmenter over the PolNeAR dev texts (`../shared/corpora`).
//!
//! `cargo bench -p whosaid-segmenter`. One iteration segments every dev
//! article, so the throughput divan prints is the stage's bytes per second.
//! Skips with a message when the shared corpora are not there.

use std::path::Path;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use whosaid_segmenter::segment;

const DEV: &str = "../../../shared/corpora/polnear/polnear-dev.jsonl";

/// The dev articles' texts, or `None` when the corpus is missing.
static TEXTS: LazyLock<Option<Vec<String>>> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEV);
    let gold = whosaid_eval::read_gold_jsonl(&path).ok()?;
    Some(gold.articles.into_iter().map(|a| a.text).collect())
});

fn main() {
    if TEXTS.is_none() {
        eprintln!("skipping the segmenter bench: {DEV} not found");
        return;
    }
    divan::main();
}

#[divan::bench]
fn dev_corpus(bencher: Bencher) {
    let texts = TEXTS.as_deref().unwrap_or_default();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for text in texts {
            divan::black_box(segment(divan::black_box(text)));
        }
    });
}
