//! The attribution run: articles in, quote rows out, in bounded memory.
//!
//! A reader thread streams the inputs and cuts them into batches (at most
//! `--batch-articles` articles or [`BATCH_BYTES`] of text, whichever comes
//! first; the first batches smaller, so the workers start early), handing
//! them over a channel that holds one batch, so reading the next batch
//! overlaps the analysis of this one. Each batch is analysed and rendered in
//! parallel on a rayon pool, driven by a thread of its own; `collect` keeps
//! input order, and the main thread writes the rendered rows in that order
//! while the workers go on with the next batch, so the output is the same
//! bytes for any number of threads and the workers never wait for the
//! writing. After each batch the sink commits (see [`crate::sink`]): at most
//! four batches are in memory at once (one being read, one queued, one being
//! analysed, one being written), however large the corpus.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use indicatif::{HumanCount, ProgressBar, ProgressState, ProgressStyle};
use rayon::prelude::*;
use whosaid::core::OffsetKind;
use whosaid::input::{Article, Articles, Fields, Input, InputError};
use whosaid::output::{self, Writer};

use crate::sample;
use crate::sink::{Progress, Sink};

/// Find the quotes in news articles and who said them; write one CSV row per
/// attribution.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Articles to read: .txt files (one article each), .jsonl/.ndjson and
    /// .csv files (one article a line or row), directories (every such file
    /// below, sorted by name), any of them compressed as .gz or .zst, or `-`
    /// for JSON Lines on standard input. Without any, runs on an embedded
    /// sample of invented news stories.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<OsString>,

    /// Write to FILE (through FILE.partial, renamed when complete) instead of
    /// standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<OsString>,

    /// Output format. JSON Lines carries the CSV's fields with character
    /// offsets plus the same offsets in bytes (`*_byte`).
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,

    /// What the CSV's offsets count: characters (Unicode scalar values, as
    /// Python's str indexes) or UTF-8 bytes.
    #[arg(long, value_enum, default_value_t = OffsetsArg::Chars)]
    pub offsets: OffsetsArg,

    /// The JSONL field or CSV column holding an article's id; an article
    /// without one is named FILE:LINE.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// The JSONL field or CSV column holding an article's text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// Worker threads (0: one per core).
    #[arg(short = 'j', long = "threads", value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// Leave out the CSV header row.
    #[arg(long)]
    pub no_header: bool,

    /// Write CSV cells that start with =, +, -, @, tab or carriage return as
    /// they are, instead of with a ' in front (which keeps spreadsheets from
    /// running them as formulas).
    #[arg(long)]
    pub raw_cells: bool,

    /// Report a bad record (malformed line, missing text, invalid UTF-8,
    /// unreadable file) on standard error and carry on, instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,

    /// Continue the interrupted run that was writing to --output, keeping
    /// what it wrote; the inputs and options must be the same.
    #[arg(long, requires = "output")]
    pub resume: bool,

    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,

    /// Articles per batch (a batch is also cut at 8 MiB of text).
    #[arg(long, value_name = "N", default_value_t = 1024, hide = true)]
    pub batch_articles: usize,

    /// Let every cue lemma introduce reported speech, not only the learned
    /// list (for relearning data/resolver/reported-speech-cues.tsv).
    #[arg(long, hide = true)]
    pub all_reported_cues: bool,

    /// Let every cue introduce short unquoted content, not only the learned
    /// list (for relearning data/resolver/short-content-cues.tsv).
    #[arg(long, hide = true)]
    pub all_short_content: bool,

    /// End the content of every cue at its noun-phrase object, not only of
    /// the learned list (for relearning data/resolver/object-cues.tsv).
    #[arg(long, hide = true)]
    pub all_object_cues: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OffsetsArg {
    Chars,
    Bytes,
}

/// The most text in one batch (a single larger article is a batch alone).
pub const BATCH_BYTES: usize = 8 << 20;

type Record = Result<Article, InputError>;

pub fn run(args: RunArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let writer = Writer::new(output::Options {
        format: match args.format {
            FormatArg::Csv => output::Format::Csv,
            FormatArg::Jsonl => output::Format::JsonLines,
        },
        offsets: match args.offsets {
            OffsetsArg::Chars => OffsetKind::Chars,
            OffsetsArg::Bytes => OffsetKind::Bytes,
        },
        raw_cells: args.raw_cells,
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .context("starting the worker threads")?;

    let (mut sink, resumed) = match &args.output {
        Some(path) if path != "-" => Sink::file(path.as_ref(), describe(&args), args.resume)?,
        _ if args.resume => bail!("--resume needs an output file (-o FILE)"),
        _ => (Sink::stdout(), None),
    };
    let fresh = resumed.is_none();
    let mut progress = resumed.unwrap_or_default();
    if fresh {
        if args.format == FormatArg::Csv && !args.no_header {
            sink.write(&writer.header())?;
        }
        sink.commit(&progress)?;
    }

    let records: Box<dyn Iterator<Item = Record> + Send> = if args.inputs.is_empty() {
        Box::new(sample::articles())
    } else {
        let fields = Fields {
            id: args.id_field.clone(),
            text: args.text_field.clone(),
        };
        Box::new(Articles::new(args.inputs.iter().map(Input::new), fields))
    };
    let skip = usize::try_from(progress.records).unwrap_or(usize::MAX);
    let batches = read_batches(records.skip(skip), args.batch_articles.max(1));

    let show = !args.quiet && std::io::stderr().is_terminal();
    let bytes_analysed = Arc::new(AtomicU64::new(0));
    let bar = progress_bar(show, &bytes_analysed);
    let options = whosaid::resolver::Options {
        disabled: Vec::new(),
        all_reported_cues: args.all_reported_cues,
        all_short_content: args.all_short_content,
        all_object_cues: args.all_object_cues,
    };
    let analysed = analyse_batches(batches, pool, writer, options, bar.clone(), bytes_analysed);
    for outcomes in analysed {
        for outcome in outcomes {
            match outcome {
                Outcome::Rows {
                    bytes,
                    attributions,
                    named,
                    text_bytes,
                } => {
                    sink.write(&bytes)?;
                    progress.articles += 1;
                    progress.attributions += attributions;
                    progress.named += named;
                    progress.text_bytes += text_bytes;
                }
                Outcome::Bad(error) if args.skip_bad => {
                    bar.suspend(|| eprintln!("whosaid: skipped {error}"));
                    progress.bad += 1;
                }
                Outcome::Bad(error) => {
                    // Everything before the bad record is written and kept.
                    sink.commit(&progress)?;
                    bar.finish_and_clear();
                    eprintln!("whosaid: {error}");
                    if let Some(partial) = sink.partial_path() {
                        eprintln!(
                            "whosaid: the output so far is in {}; --resume continues it \
                             (with --skip-bad to pass over the bad record)",
                            partial.display()
                        );
                    }
                    return Ok(ExitCode::FAILURE);
                }
            }
            progress.records += 1;
        }
        sink.commit(&progress)?;
    }
    sink.finish(&progress)?;
    bar.finish_and_clear();

    if show {
        eprintln!("whosaid: {}", summary(&progress, started.elapsed()));
    }
    if progress.bad > 0 {
        eprintln!("whosaid: skipped {} bad records", progress.bad);
    }
    Ok(ExitCode::SUCCESS)
}

/// What a resumed run must share with the run it continues: everything that
/// shapes the output bytes.
fn describe(args: &RunArgs) -> String {
    let RunArgs {
        inputs,
        format,
        offsets,
        id_field,
        text_field,
        no_header,
        raw_cells,
        all_reported_cues,
        ..
    } = args;
    // The default run keeps the description older checkpoints recorded.
    let cues = if *all_reported_cues {
        " all_reported_cues"
    } else {
        ""
    };
    format!(
        "whosaid {} {inputs:?} format={format:?} offsets={offsets:?} id={id_field:?} \
         text={text_field:?} no_header={no_header} raw_cells={raw_cells}{cues}",
        env!("CARGO_PKG_VERSION")
    )
}

/// The articles in the first batch: the workers wait for the reader to
/// finish it, so it is small, and the batches double from it up to the
/// largest (a first batch of 1024 articles kept two workers waiting while
/// the reader spent 38 M instructions on it, 3% of a 10 MB run at -j2).
const FIRST_BATCH_ARTICLES: usize = 64;

/// Streams the records in batches from a thread of their own; the channel
/// holds one batch, so the reader is at most one batch ahead.
fn read_batches(
    records: impl Iterator<Item = Record> + Send + 'static,
    max_articles: usize,
) -> Receiver<Vec<Record>> {
    let (sender, receiver) = sync_channel(1);
    thread::spawn(move || {
        let mut records = records.fuse();
        let mut articles = FIRST_BATCH_ARTICLES.min(max_articles);
        loop {
            let mut batch = Vec::with_capacity(articles.min(1024));
            let mut bytes = 0;
            while batch.len() < articles && bytes < BATCH_BYTES {
                let Some(record) = records.next() else { break };
                bytes += record.as_ref().map_or(0, |a| a.text.len());
                batch.push(record);
            }
            // An empty batch is the end; a failed send means the run stopped.
            if batch.is_empty() || sender.send(batch).is_err() {
                return;
            }
            articles = (articles * 2).min(max_articles);
        }
    });
    receiver
}

/// Analyses and renders the batches on `pool`, from a thread of their own,
/// and hands over each batch's outcomes in input order. The hand-over waits
/// for the receiver, so the main thread writes one batch while the workers
/// analyse the next, and never more than one batch of rows waits for it.
fn analyse_batches(
    batches: Receiver<Vec<Record>>,
    pool: rayon::ThreadPool,
    writer: Writer,
    options: whosaid::resolver::Options,
    bar: ProgressBar,
    bytes_analysed: Arc<AtomicU64>,
) -> Receiver<Vec<Outcome>> {
    let (sender, receiver) = sync_channel(0);
    thread::spawn(move || {
        for batch in batches {
            let outcomes: Vec<Outcome> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|record| {
                        let outcome = analyze(record, &writer, &options);
                        bar.inc(1);
                        if let Outcome::Rows { text_bytes: n, .. } = outcome {
                            bytes_analysed.fetch_add(n, Ordering::Relaxed);
                        }
                        outcome
                    })
                    .collect()
            });
            // A failed send means the run stopped (a bad record).
            if sender.send(outcomes).is_err() {
                return;
            }
        }
    });
    receiver
}

/// One record, analysed and rendered.
enum Outcome {
    Rows {
        bytes: Vec<u8>,
        attributions: u64,
        named: u64,
        text_bytes: u64,
    },
    Bad(InputError),
}

fn analyze(record: Record, writer: &Writer, options: &whosaid::resolver::Options) -> Outcome {
    let article = match record {
        Ok(article) => article,
        Err(error) => return Outcome::Bad(error),
    };
    // A bug in a stage must cost one article, not the run: the panic becomes
    // this article's error (the panic hook has already told where).
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let attributions = whosaid::analyze_with(&article.text, options);
        let mut bytes = Vec::new();
        writer
            .render(&article.id, &article.text, &attributions, &mut bytes)
            .map(|()| {
                let named = attributions.iter().filter(|a| a.speaker.is_some()).count();
                (bytes, attributions.len(), named)
            })
    }));
    let message = match result {
        Ok(Ok((bytes, attributions, named))) => {
            return Outcome::Rows {
                bytes,
                attributions: attributions as u64,
                named: named as u64,
                text_bytes: article.text.len() as u64,
            }
        }
        Ok(Err(error)) => format!("cannot write its rows: {error}"),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("whosaid failed on this article (a bug; please report it): {what}")
        }
    };
    Outcome::Bad(InputError {
        source: article.source,
        line: article.line,
        id: Some(article.id),
        message,
        fatal: false,
    })
}

/// A spinner with articles, articles/s and MB/s of text (the corpus is
/// streamed, so there is no total to count down); hidden when not shown.
fn progress_bar(show: bool, text_bytes: &Arc<AtomicU64>) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bytes = text_bytes.clone();
    let throughput = move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
        let megabytes = bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let seconds = state.elapsed().as_secs_f64().max(1e-3);
        let _ = write!(out, "{megabytes:.1} MB, {:.1} MB/s", megabytes / seconds);
    };
    let rate = |state: &ProgressState, out: &mut dyn std::fmt::Write| {
        let _ = write!(out, "{:.0}", state.per_sec());
    };
    let style = ProgressStyle::with_template(
        "{spinner} {elapsed} {human_pos} articles, {rate} articles/s, {throughput}",
    )
    .expect("the template is valid")
    .with_key("rate", rate)
    .with_key("throughput", throughput);
    let bar = ProgressBar::new_spinner().with_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn summary(progress: &Progress, elapsed: Duration) -> String {
    let share = if progress.attributions == 0 {
        0.0
    } else {
        100.0 * progress.named as f64 / progress.attributions as f64
    };
    format!(
        "{} articles, {} attributions, {share:.0}% with a named speaker, {:.1} s",
        HumanCount(progress.articles),
        HumanCount(progress.attributions),
        elapsed.as_secs_f64()
    )
}
