//! Time of the resolver over the PolNeAR dev texts (`../shared/corpora`).
//!
//! `cargo bench -p whosaid-resolver`. The texts are segmented and their
//! candidates found once before timing; one iteration resolves every dev
//! article, so the throughput divan prints is the stage's bytes per second.
//! Skips with a message when the shared corpora are not there.

use std::path::Path;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use whosaid_core::{Candidates, Segments};
use whosaid_resolver::resolve;

const DEV: &str = "../../../shared/corpora/polnear/polnear-dev.jsonl";

/// One dev article with the layers of the stages before the resolver.
struct Layered {
    text: String,
    segments: Segments,
    candidates: Candidates,
}

/// The dev articles, layered, or `None` when the corpus is missing.
static ARTICLES: LazyLock<Option<Vec<Layered>>> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEV);
    let gold = whosaid_eval::read_gold_jsonl(&path).ok()?;
    let layered = gold.articles.into_iter().map(|article| {
        let segments = whosaid_segmenter::segment(&article.text);
        let candidates = whosaid_speakers::candidates(&article.text, &segments);
        Layered {
            text: article.text,
            segments,
            candidates,
        }
    });
    Some(layered.collect())
});

fn main() {
    if ARTICLES.is_none() {
        eprintln!("skipping the resolver bench: {DEV} not found");
        return;
    }
    divan::main();
}

#[divan::bench]
fn dev_corpus(bencher: Bencher) {
    let articles = ARTICLES.as_deref().unwrap_or_default();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for a in articles {
            divan::black_box(resolve(
                divan::black_box(&a.text),
                &a.segments,
                &a.candidates,
            ));
        }
    });
}
