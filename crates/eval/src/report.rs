//! Reports: a side-by-side text table, one JSON object, and a CSV of
//! mistakes for review in a spreadsheet. `docs/eval.md` describes them.

use std::fmt::Write as _;
use std::io;

use serde_json::{json, Map, Value};
use whosaid_core::row::fold_whitespace;

use crate::{
    format_spans, CharRange, Comparison, Gold, Predictions, Scores, BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED, THRESHOLDS,
};

/// Readable names of the figures, by key (without `@θ`), in table order.
const LABELS: [(&str, &str); 14] = [
    ("content_p", "content P"),
    ("content_r", "content R"),
    ("content_f1", "content F1"),
    ("attr_p", "attribution P"),
    ("attr_r", "attribution R"),
    ("attr_f1", "attribution F1"),
    ("speaker_acc", "speaker accuracy"),
    ("canonical_acc", "canonical accuracy"),
    ("quoted_attr_p", "quoted-only attribution P"),
    ("quoted_attr_r", "quoted-only attribution R"),
    ("quoted_attr_f1", "quoted-only attribution F1"),
    ("attr_recall_direct", "attribution R, direct"),
    ("attr_recall_mixed", "attribution R, mixed"),
    ("attr_recall_indirect", "attribution R, indirect"),
];

/// One table with a column per system, then each system's sieves, then the
/// pairwise comparisons.
pub fn text(gold: &Gold, systems: &[Scores], comparisons: &[Comparison]) -> String {
    let mut out = String::new();
    let items: usize = gold.articles.iter().map(|a| a.items.len()).sum();
    let _ = writeln!(
        out,
        "gold: {} ({} articles, {} attributions)\n",
        gold.name,
        gold.articles.len(),
        items
    );
    let label_width = 28;
    let widths: Vec<usize> = systems.iter().map(|s| s.system.len().max(7)).collect();
    let row = |out: &mut String, label: &str, cells: Vec<String>| {
        let _ = write!(out, "{label:<label_width$}");
        for (cell, width) in cells.iter().zip(&widths) {
            let _ = write!(out, "  {cell:>width$}");
        }
        out.push('\n');
    };
    row(
        &mut out,
        "",
        systems.iter().map(|s| s.system.clone()).collect(),
    );
    let counts = |f: &dyn Fn(&Scores) -> usize| systems.iter().map(|s| f(s).to_string()).collect();
    row(&mut out, "rows scored", counts(&|s| s.total(0).predictions));
    if systems.iter().any(|s| s.rows_ignored > 0) {
        row(
            &mut out,
            "rows not in the gold",
            counts(&|s| s.rows_ignored),
        );
    }
    if systems.iter().any(|s| s.rows_outside_text > 0) {
        row(
            &mut out,
            "rows past the text's end",
            counts(&|s| s.rows_outside_text),
        );
    }
    for (theta, threshold) in THRESHOLDS.iter().enumerate() {
        let name = if theta == 0 { "lenient" } else { "strict" };
        let _ = writeln!(out, "\nθ = {threshold} ({name})");
        let figures: Vec<_> = systems.iter().map(|s| s.figures(theta).entries()).collect();
        for (index, (_, label)) in LABELS.iter().enumerate() {
            let cells = figures.iter().map(|f| format_figure(f[index].1)).collect();
            row(&mut out, &format!("  {label}"), cells);
        }
    }
    for system in systems.iter().filter(|s| !s.sieves.is_empty()) {
        let _ = writeln!(
            out,
            "\nsieves of {} (precision: rows matched at θ = 0.3 with the right speaker / rows)",
            system.system
        );
        let width = system
            .sieves
            .iter()
            .map(|s| s.sieve.len())
            .max()
            .unwrap_or(0)
            .max(5);
        let _ = writeln!(
            out,
            "  {:<width$}  {:>6}  {:>9}",
            "sieve", "rows", "precision"
        );
        for sieve in &system.sieves {
            let name = if sieve.sieve.is_empty() {
                "(none)"
            } else {
                &sieve.sieve
            };
            let _ = writeln!(
                out,
                "  {name:<width$}  {:>6}  {:>9.3}",
                sieve.rows,
                sieve.precision()
            );
        }
    }
    if !comparisons.is_empty() {
        let _ = writeln!(
            out,
            "\nattribution F1 @0.3, differences (paired bootstrap over articles, {BOOTSTRAP_RESAMPLES} resamples, 95% CI)"
        );
        for c in comparisons {
            let verdict = if c.is_significant() {
                ""
            } else {
                "  (not significant)"
            };
            let _ = writeln!(
                out,
                "  {} − {}: {:+.3} [{:+.3}, {:+.3}]{verdict}",
                c.a, c.b, c.difference, c.ci95.0, c.ci95.1
            );
        }
    }
    out
}

fn format_figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

/// The whole report as one JSON object:
/// `{"gold": {...}, "systems": [{"name", "figures", "counts", "sieves", ...}], "comparisons": [...]}`.
pub fn json(gold: &Gold, systems: &[Scores], comparisons: &[Comparison]) -> Value {
    let items: usize = gold.articles.iter().map(|a| a.items.len()).sum();
    let systems: Vec<Value> = systems
        .iter()
        .map(|s| {
            let figures: Map<String, Value> = s
                .keyed_figures()
                .into_iter()
                .map(|(key, value)| (key, value.map_or(Value::Null, Value::from)))
                .collect();
            let counts: Map<String, Value> = THRESHOLDS
                .iter()
                .enumerate()
                .map(|(theta, threshold)| (threshold.to_string(), counts_json(&s.total(theta))))
                .collect();
            let sieves: Vec<Value> = s
                .sieves
                .iter()
                .map(|sieve| {
                    json!({
                        "sieve": sieve.sieve,
                        "rows": sieve.rows,
                        "attributed": sieve.attributed,
                        "precision": sieve.precision(),
                    })
                })
                .collect();
            json!({
                "name": s.system,
                "rows": s.total(0).predictions,
                "rows_ignored": s.rows_ignored,
                "rows_outside_text": s.rows_outside_text,
                "figures": figures,
                "counts": counts,
                "sieves": sieves,
            })
        })
        .collect();
    let comparisons: Vec<Value> = comparisons
        .iter()
        .map(|c| {
            json!({
                "a": c.a,
                "b": c.b,
                "attr_f1_diff@0.3": c.difference,
                "ci95": [c.ci95.0, c.ci95.1],
                "significant": c.is_significant(),
            })
        })
        .collect();
    json!({
        "gold": {"name": gold.name, "articles": gold.articles.len(), "attributions": items},
        "systems": systems,
        "comparisons": comparisons,
        "bootstrap": {"resamples": BOOTSTRAP_RESAMPLES, "seed": BOOTSTRAP_SEED},
    })
}

fn counts_json(c: &crate::Counts) -> Value {
    json!({
        "predictions": c.predictions,
        "gold": c.gold,
        "matched": c.matched,
        "attributed": c.attributed,
        "canonical_gold": c.canonical_gold,
        "canonical_right": c.canonical_right,
        "gold_direct": c.gold_by_kind[0],
        "gold_mixed": c.gold_by_kind[1],
        "gold_indirect": c.gold_by_kind[2],
        "attributed_direct": c.attributed_by_kind[0],
        "attributed_mixed": c.attributed_by_kind[1],
        "attributed_indirect": c.attributed_by_kind[2],
        "quoted_predictions": c.quoted_predictions,
        "quoted_gold": c.quoted_gold,
        "quoted_attributed": c.quoted_attributed,
    })
}

/// The columns of the mistakes CSV.
pub const MISTAKES_HEADER: [&str; 20] = [
    "system",
    "article_id",
    "mistake",
    "score",
    "gold_item",
    "gold_kind",
    "gold_spans",
    "gold_text",
    "gold_source_spans",
    "gold_source",
    "gold_speaker",
    "pred_line",
    "pred_row",
    "pred_kind",
    "pred_spans",
    "pred_text",
    "pred_mention_span",
    "pred_mention",
    "pred_speaker",
    "pred_sieve",
];

/// Writes every mistake at θ = 0.3 of each system (with the predictions it
/// was scored from) as CSV: one row per miss, spurious row, wrong speaker
/// mention and wrong canonical speaker. `gold_item` and `pred_row` count
/// from 1 within the article; `pred_line` is the row's line in its CSV.
pub fn write_mistakes(
    out: impl io::Write,
    gold: &Gold,
    systems: &[(&Predictions, &Scores)],
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(MISTAKES_HEADER)?;
    for (predictions, scores) in systems {
        let mut cached: Option<(usize, Vec<usize>)> = None;
        for mistake in &scores.mistakes {
            let Some(article) = gold.articles.get(mistake.article) else {
                continue;
            };
            if cached.as_ref().map(|(index, _)| *index) != Some(mistake.article) {
                cached = Some((mistake.article, char_starts(&article.text)));
            }
            let starts = cached.as_ref().map(|(_, s)| s.as_slice()).unwrap_or(&[]);
            let excerpt = |ranges: &[CharRange]| excerpt(&article.text, starts, ranges);
            let item = mistake.gold.and_then(|g| article.items.get(g));
            let rows = predictions.article(&article.id);
            let row = mistake.prediction.and_then(|p| rows.get(p));
            let number =
                |index: Option<usize>| index.map(|i| (i + 1).to_string()).unwrap_or_default();
            let mention: Vec<CharRange> = row.and_then(|r| r.speaker_mention).into_iter().collect();
            let record = [
                scores.system.clone(),
                article.id.clone(),
                mistake.kind.as_str().to_string(),
                mistake.score.map(|s| format!("{s:.3}")).unwrap_or_default(),
                number(mistake.gold),
                item.and_then(|g| g.kind)
                    .map(|k| k.as_str().to_string())
                    .unwrap_or_default(),
                item.map(|g| format_spans(&g.content)).unwrap_or_default(),
                item.map(|g| excerpt(&g.content)).unwrap_or_default(),
                item.map(|g| format_spans(&g.source)).unwrap_or_default(),
                item.map(|g| excerpt(&g.source)).unwrap_or_default(),
                item.and_then(|g| g.speaker.clone()).unwrap_or_default(),
                row.and_then(|r| r.line)
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
                number(mistake.prediction),
                row.map(|r| r.kind.clone()).unwrap_or_default(),
                row.map(|r| format_spans(&r.content)).unwrap_or_default(),
                row.map(|r| excerpt(&r.content)).unwrap_or_default(),
                format_spans(&mention),
                excerpt(&mention),
                row.map(|r| r.speaker.clone()).unwrap_or_default(),
                row.map(|r| r.sieve.clone()).unwrap_or_default(),
            ];
            writer.write_record(&record)?;
        }
    }
    writer.flush()
}

/// The byte offset of every character of `text`, and of its end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// The text of each range (clamped to the text), white space folded, joined
/// by " … ".
fn excerpt(text: &str, starts: &[usize], ranges: &[CharRange]) -> String {
    let byte = |char_offset: usize| {
        starts
            .get(char_offset)
            .or(starts.last())
            .copied()
            .unwrap_or(0)
    };
    ranges
        .iter()
        .map(|r| {
            let (start, end) = (byte(r.start), byte(r.end));
            fold_whitespace(text.get(start..end.max(start)).unwrap_or(""))
        })
        .collect::<Vec<_>>()
        .join(" … ")
}
