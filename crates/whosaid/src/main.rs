//! The `whosaid` command.
//!
//! `whosaid [INPUT ...]` reads news articles and writes one row per
//! attribution (a quote and who said it) as CSV or JSON Lines: see [`run`].
//! `whosaid eval --gold FILE` scores attributions against gold: see
//! [`eval_cmd`]. A first argument `eval` is the subcommand; an input file of
//! that name is `./eval`.
//!
//! Exit status: 0 on success, 1 on an error (a bad input record without
//! `--skip-bad`, an unwritable output), 2 on a usage error.

mod eval_cmd;
mod run;
mod sample;
mod sink;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what in news articles: one row per quote and its speaker.",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    disable_help_subcommand = true,
    after_long_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    run: run::RunArgs,
}

const AFTER_HELP: &str = "\
Output:
  CSV, one row per attribution, columns: article_id, quote_id, kind, quote,
  quote_start, quote_end, quote_spans, speaker, speaker_mention,
  speaker_start, speaker_end, speaker_type, cue, cue_start, cue_end, sieve,
  confidence (see csv-format.md). Rows come in input order, the same bytes
  for any --threads. A text cell starting with =, +, -, @, tab or carriage
  return gets a ' in front so that spreadsheets do not run it as a formula
  (--raw-cells: as it is). --format jsonl writes one JSON object a row with
  the same fields and character offsets, plus quote_start_byte,
  quote_end_byte, quote_spans_byte, speaker_start_byte, speaker_end_byte,
  cue_start_byte and cue_end_byte in UTF-8 bytes (null when absent).

Inputs:
  An article's id is the JSONL field or CSV column --id-field, else FILE:LINE
  (stdin:LINE on standard input); a text file's id is its path as given.

Output files and interruptions:
  -o FILE writes FILE.partial and renames it to FILE when the run is complete,
  checkpointing at every batch in FILE.partial.checkpoint. After an
  interruption (or a bad record), the same command with --resume continues
  where the last checkpoint left off and ends with the same bytes an
  uninterrupted run writes. A FILE that is a device or named pipe
  (/dev/null) is written directly and cannot be resumed.

Exit status: 0 success, 1 error (e.g. a bad record without --skip-bad), 2 usage.

Examples:
  whosaid                                  the embedded sample
  whosaid articles/ -o quotes.csv          every .txt/.jsonl/.csv below articles/
  zcat news.jsonl.gz | whosaid - --format jsonl
  whosaid news.csv --text-field body --id-field url --skip-bad -o quotes.csv";

#[derive(Subcommand, Debug)]
enum Command {
    /// Score attributions against gold (docs/eval.md).
    Eval(eval_cmd::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => run::run(cli.run),
        Some(Command::Eval(args)) => eval_cmd::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("whosaid: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether the output was a pipe whose reader went away (`whosaid | head`):
/// a normal end, not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
