//! Runs the speaker matcher over a PolNeAR JSONL file, for profiling.
//!
//! `cargo run --release -p whosaid-speakers --example matcher -- [FILE] [ROUNDS]`
//! segments every article once, then finds the candidates of all of them
//! `ROUNDS` times (default 1) and prints the matcher's throughput; with a
//! third argument `dump`, it prints every cue and mention instead (to diff
//! two versions of the matcher). `matcher - dump` reads one plain text from
//! standard input instead. Under
//! callgrind, count only the timed rounds (the lexicons are built before
//! them) with `valgrind --tool=callgrind --toggle-collect='matcher::rounds_of' …`.

use std::time::Instant;

use serde_json::Value;

const DEV: &str = "../shared/corpora/polnear/polnear-dev.jsonl";

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| DEV.to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let data = if path == "-" {
        let mut text = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
            eprintln!("cannot read standard input: {e}");
            std::process::exit(1);
        }
        serde_json::json!({ "text": text }).to_string()
    } else {
        read(&path)
    };
    let articles: Vec<_> = data
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|article| article["text"].as_str().map(str::to_string))
        .map(|text| {
            let segments = whosaid_segmenter::segment(&text);
            (text, segments)
        })
        .collect();
    let bytes: usize = articles.iter().map(|(text, _)| text.len()).sum();
    if args.next().as_deref() == Some("dump") {
        for (n, (text, segments)) in articles.iter().enumerate() {
            let found = whosaid_speakers::candidates(text, segments);
            for c in &found.cues {
                println!("{n}\tcue\t{:?}\t{c:?}", c.span.text(text));
            }
            for m in &found.mentions {
                println!("{n}\tmention\t{:?}\t{m:?}", m.span.text(text));
            }
        }
        return;
    }
    // Builds the lexicons, which the rounds should not count.
    whosaid_speakers::candidates("He said so.", &Default::default());
    let started = Instant::now();
    let (cues, mentions) = rounds_of(&articles, rounds);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} articles, {cues} cues, {mentions} mentions; {:.1} MB/s",
        articles.len(),
        (bytes * rounds) as f64 / 1e6 / seconds
    );
}

/// The file at `path`, or the process ends with a message.
fn read(path: &str) -> String {
    match std::fs::read_to_string(path) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    }
}

/// The cues and mentions found in `rounds` passes over `articles`.
#[inline(never)]
fn rounds_of(articles: &[(String, whosaid_core::Segments)], rounds: usize) -> (usize, usize) {
    let (mut cues, mut mentions) = (0, 0);
    for _ in 0..rounds {
        for (text, segments) in articles {
            let found = whosaid_speakers::candidates(text, segments);
            cues += found.cues.len();
            mentions += found.mentions.len();
        }
    }
    (cues, mentions)
}
