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
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    run: run::RunArgs,
}

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
