//! `whosaid eval`: scores quote CSVs (or whosaid itself) against gold, as
//! `../shared/docs/metrics.md` defines; `docs/eval.md` describes the
//! options and the reports. The scoring is the `whosaid-eval` crate's; this
//! module reads the arguments, runs whosaid over the gold texts when no
//! prediction is given, and writes the reports.
//!
//! `--ablate` scores whosaid once whole and once without each sieve of the
//! resolver's cascade (columns `-quote_then_speaker`, …), compares each
//! ablation with the whole, and ends with a summary of what every sieve
//! earns; `docs/sieves.md` records the figures.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use whosaid::resolver::{Options, SIEVES};
use whosaid_core::{CharIndex, OffsetKind, Row};
use whosaid_eval::{
    compare, read_gold_csv, read_gold_jsonl, read_predictions_csv, report, score, Baseline, Gold,
    Predictions, Scores,
};

/// The name of the column whosaid's own attributions get.
const WHOSAID: &str = "whosaid";

#[derive(clap::Args, Debug)]
#[command(about = "Score attributions against gold (docs/eval.md)")]
pub struct EvalArgs {
    /// Gold attributions: PolNeAR-style JSONL, or a quote CSV annotated by
    /// hand (with --texts).
    #[arg(long, value_name = "GOLD")]
    pub gold: PathBuf,

    /// The articles of a CSV gold, as JSONL of {"id", "text"}. Every article
    /// in it is scored, with or without gold rows.
    #[arg(long, value_name = "ARTICLES")]
    pub texts: Option<PathBuf>,

    /// Quote CSVs to score side by side (character offsets). Without any,
    /// whosaid attributes the gold's texts itself.
    #[arg(value_name = "PRED.csv")]
    pub predictions: Vec<PathBuf>,

    /// Print one JSON object instead of the table.
    #[arg(long)]
    pub json: bool,

    /// Write every miss, spurious row and wrong speaker at θ = 0.3 to this
    /// CSV, for review in a spreadsheet.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Fail when the first system's attr_f1@0.3 or quoted_attr_f1@0.3 falls
    /// more than 0.01 below the figures recorded in this file.
    #[arg(long, value_name = "BASELINE.json")]
    pub check: Option<PathBuf>,

    /// Record the first system's attr_f1@0.3 and quoted_attr_f1@0.3 in this
    /// file.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Also score whosaid with each sieve switched off, one column per sieve
    /// ("-quote_then_speaker", …), to show what each rule earns.
    #[arg(long, conflicts_with = "predictions")]
    pub ablate: bool,

    /// Let every cue lemma introduce reported speech, not only the learned
    /// list (for relearning data/resolver/reported-speech-cues.tsv).
    #[arg(long, conflicts_with = "predictions", hide = true)]
    pub all_reported_cues: bool,
}

/// Scores, reports, and checks. Exits with failure when `--check` finds a
/// figure fallen below its baseline.
pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let gold = read_gold(&args)?;
    let systems = read_systems(&args, &gold)?;
    let mut scores: Vec<Scores> = systems.iter().map(|p| score(&gold, p)).collect();
    for s in &scores {
        warn_about(s, &gold);
    }
    let comparisons = if args.ablate {
        // Each ablation against the whole; its own sieve table would repeat
        // the whole's less one line.
        for ablated in &mut scores[1..] {
            ablated.sieves.clear();
        }
        scores[1..].iter().map(|b| compare(&scores[0], b)).collect()
    } else {
        let mut comparisons = Vec::new();
        for (i, a) in scores.iter().enumerate() {
            for b in &scores[i + 1..] {
                comparisons.push(compare(a, b));
            }
        }
        comparisons
    };

    let mut stdout = io::stdout().lock();
    if args.json {
        let json = report::json(&gold, &scores, &comparisons);
        serde_json::to_writer_pretty(&mut stdout, &json)?;
        writeln!(stdout)?;
    } else {
        write!(stdout, "{}", report::text(&gold, &scores, &comparisons))?;
        if args.ablate {
            write!(stdout, "{}", ablation_summary(&scores))?;
        }
    }
    stdout.flush()?;

    if let Some(path) = &args.errors {
        let file =
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        let pairs: Vec<_> = systems.iter().zip(&scores).collect();
        report::write_mistakes(BufWriter::new(file), &gold, &pairs)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }

    // The first column is whosaid's own when no prediction is given.
    let first = scores.first().context("no system to score")?;
    let mut code = ExitCode::SUCCESS;
    if let Some(path) = &args.check {
        if !check(path, &gold, first)? {
            code = ExitCode::FAILURE;
        }
    }
    if let Some(path) = &args.write_baseline {
        Baseline::of(&gold.name, first).write(path)?;
        eprintln!("recorded {}'s figures in {}", first.system, path.display());
    }
    Ok(code)
}

fn read_gold(args: &EvalArgs) -> Result<Gold> {
    let is_csv = args
        .gold
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let gold = match &args.texts {
        Some(texts) => read_gold_csv(&args.gold, texts)?,
        None if is_csv => bail!(
            "{}: a CSV gold needs --texts ARTICLES (a JSONL of {{\"id\", \"text\"}})",
            args.gold.display()
        ),
        None => read_gold_jsonl(&args.gold)?,
    };
    if gold.articles.is_empty() {
        bail!("{}: no gold articles", args.gold.display());
    }
    Ok(gold)
}

/// The prediction files, or whosaid's own attributions of the gold texts.
fn read_systems(args: &EvalArgs, gold: &Gold) -> Result<Vec<Predictions>> {
    if args.predictions.is_empty() {
        let whole = Options {
            all_reported_cues: args.all_reported_cues,
            ..Options::default()
        };
        let mut systems = vec![attribute(gold, WHOSAID, &whole)?];
        if args.ablate {
            for sieve in SIEVES {
                let without = Options {
                    disabled: vec![sieve.name.to_string()],
                    ..whole.clone()
                };
                systems.push(attribute(gold, &ablation_name(sieve.name), &without)?);
            }
        }
        return Ok(systems);
    }
    let mut systems = args
        .predictions
        .iter()
        .map(|path| read_predictions_csv(path).map_err(anyhow::Error::from))
        .collect::<Result<Vec<_>>>()?;
    // Two files of the same name ("out.csv" in two folders) go by their paths.
    let names: Vec<String> = systems.iter().map(|s| s.name.clone()).collect();
    for (system, path) in systems.iter_mut().zip(&args.predictions) {
        if names.iter().filter(|n| **n == system.name).count() > 1 {
            system.name = path.display().to_string();
        }
    }
    Ok(systems)
}

/// The column of whosaid without the sieve `name`.
fn ablation_name(name: &str) -> String {
    format!("-{name}")
}

/// Runs whosaid over every gold text, as `whosaid` would write its rows,
/// and names the result `name`.
fn attribute(gold: &Gold, name: &str, options: &Options) -> Result<Predictions> {
    let rows: Vec<Row> = gold
        .articles
        .par_iter()
        .flat_map_iter(|article| {
            let text = article.text.as_str();
            let index = CharIndex::new(text);
            whosaid::analyze_with(text, options)
                .iter()
                .enumerate()
                .map(|(i, attribution)| {
                    let quote_id = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    Row::new(
                        &article.id,
                        text,
                        quote_id,
                        attribution,
                        &index,
                        OffsetKind::Chars,
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    Predictions::from_rows(name, &rows).map_err(|e| anyhow::anyhow!("whosaid's own rows: {e}"))
}

/// What each sieve earns: attribution F1 and quoted-only attribution F1 at
/// θ = 0.3 without it, and how far each falls from the whole's (`scores[0]`).
fn ablation_summary(scores: &[Scores]) -> String {
    use std::fmt::Write as _;
    let Some((whole, ablations)) = scores.split_first() else {
        return String::new();
    };
    let full = whole.figures(0);
    let width = ablations
        .iter()
        .map(|s| s.system.len())
        .max()
        .unwrap_or(0)
        .max(WHOSAID.len());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nablation at θ = 0.3 (Δ: the whole minus the ablation; positive, the sieve earns it)"
    );
    let _ = writeln!(
        out,
        "  {:<width$}  {:>7}  {:>7}  {:>9}  {:>7}",
        "system", "attr F1", "Δ", "quoted F1", "Δ"
    );
    let _ = writeln!(
        out,
        "  {:<width$}  {:>7.3}  {:>7}  {:>9.3}  {:>7}",
        whole.system, full.attr_f1, "", full.quoted_attr_f1, ""
    );
    for ablation in ablations {
        let f = ablation.figures(0);
        let _ = writeln!(
            out,
            "  {:<width$}  {:>7.3}  {:>+7.3}  {:>9.3}  {:>+7.3}",
            ablation.system,
            f.attr_f1,
            full.attr_f1 - f.attr_f1,
            f.quoted_attr_f1,
            full.quoted_attr_f1 - f.quoted_attr_f1
        );
    }
    out
}

/// Warnings about predictions that are likely not what was meant.
fn warn_about(scores: &Scores, gold: &Gold) {
    let scored = scores.total(0).predictions;
    if scored == 0 && scores.rows_ignored > 0 {
        eprintln!(
            "warning: {}: none of its {} rows is for an article of {}; are the article ids the same?",
            scores.system, scores.rows_ignored, gold.name
        );
    }
    if scores.rows_outside_text > 0 {
        eprintln!(
            "warning: {}: {} rows have offsets past the end of their article's text; \
             are they byte offsets? (character offsets are due)",
            scores.system, scores.rows_outside_text
        );
    }
}

/// Compares the system with the recorded baseline; false when a figure fell.
fn check(path: &Path, gold: &Gold, scores: &Scores) -> Result<bool> {
    let baseline = Baseline::read(path)?;
    if baseline.gold != gold.name {
        bail!(
            "{}: the recorded figures are for gold {:?}, not {:?}",
            path.display(),
            baseline.gold,
            gold.name
        );
    }
    let mut passed = true;
    let mut improved = false;
    eprintln!(
        "check of {} against {} (gold {}):",
        scores.system,
        path.display(),
        gold.name
    );
    for check in baseline.check(scores) {
        let verdict = if check.regressed() {
            passed = false;
            format!(
                "FELL by {:.4}, more than 0.01",
                check.recorded - check.measured
            )
        } else if check.improved() {
            improved = true;
            format!("improved by {:.4}", check.measured - check.recorded)
        } else {
            "holds".to_string()
        };
        eprintln!(
            "  {:<20} {:.4} (recorded {:.4}): {verdict}",
            check.key, check.measured, check.recorded
        );
    }
    if !passed {
        eprintln!("check FAILED: attribution accuracy fell below the recorded baseline");
    } else if improved {
        eprintln!(
            "check passed, and figures improved: raise the recorded ones by \
             running again with `--write-baseline {}`",
            path.display()
        );
    } else {
        eprintln!("check passed");
    }
    Ok(passed)
}
