//! The I/O floor of a `whosaid` run: the same readers and CSV writer as the
//! binary, with the analysis left out.
//!
//! `cargo run --release --example io_floor -- INPUT...` reads every article of
//! the inputs (files, directories, `-`) with [`whosaid::input::Articles`],
//! renders each article's rows with no attributions through
//! [`whosaid::output::Writer`] (which writes nothing), and writes only the
//! CSV header to standard output. `scripts/bench.py` times it next to the
//! full run: what the analysis costs on top of reading the corpus is the
//! ratio of the two. On stderr it prints the articles and bytes of text read.

use std::io::{self, Write};
use std::process::ExitCode;

use whosaid::input::{Articles, Fields, Input};
use whosaid::output::{Options, Writer};

fn main() -> ExitCode {
    let inputs: Vec<Input> = std::env::args_os().skip(1).map(Input::new).collect();
    if inputs.is_empty() {
        eprintln!("usage: io_floor INPUT...");
        return ExitCode::from(2);
    }
    let writer = Writer::new(Options::default());
    let mut stdout = io::stdout().lock();
    let mut rows = Vec::new();
    let (mut articles, mut bad, mut text_bytes) = (0u64, 0u64, 0usize);
    let written = stdout.write_all(&writer.header()).and_then(|()| {
        for record in Articles::new(inputs, Fields::default()) {
            let Ok(article) = record else {
                bad += 1;
                continue;
            };
            rows.clear();
            // Rendering no attributions writes no row; it is called so that
            // the floor takes the same path per article as the real run.
            if let Err(error) = writer.render(&article.id, &article.text, &[], &mut rows) {
                eprintln!("io_floor: {error}");
            }
            stdout.write_all(&rows)?;
            articles += 1;
            text_bytes += article.text.len();
        }
        stdout.flush()
    });
    if let Err(error) = written {
        eprintln!("io_floor: {error}");
        return ExitCode::FAILURE;
    }
    eprintln!("io_floor: {articles} articles, {text_bytes} bytes of text, {bad} bad records");
    ExitCode::SUCCESS
}
