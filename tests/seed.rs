//! The acceptance example: the seed article (`../shared/corpora/seed/`).
//!
//! Every direct and mixed gold attribution must come out with the right
//! canonical speaker, and the quoted phrases that are not attributions (a
//! name and a scare quote) must get no row. The corpus is third-party data
//! read at run time; without `../shared` this test says so and passes.

use std::path::PathBuf;

use serde_json::Value;
use whosaid::core::{Attribution, Span};

fn seed_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/seed");
    if dir.join("seed-gold.jsonl").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} is missing; the seed acceptance test needs ../shared",
            dir.display()
        );
        None
    }
}

fn load() -> Option<(String, Value)> {
    let dir = seed_dir()?;
    let text = std::fs::read_to_string(dir.join("seed-article.txt")).expect("seed article");
    let gold = std::fs::read_to_string(dir.join("seed-gold.jsonl")).expect("seed gold");
    let gold: Value =
        serde_json::from_str(gold.lines().next().expect("one line")).expect("gold JSON");
    assert_eq!(
        gold["text"].as_str(),
        Some(text.as_str()),
        "the gold's text is the article"
    );
    Some((text, gold))
}

fn span(value: &Value, field: &str) -> Span {
    let at = |key: String| value[key].as_u64().expect("byte offset") as usize;
    Span::new(
        at(format!("{field}_start_byte")),
        at(format!("{field}_end_byte")),
    )
}

/// Alphanumeric characters shared by two spans, over those of the gold one.
fn coverage(text: &str, predicted: &[Span], gold: Span) -> f64 {
    let alnum = |s: Span| {
        text[s.range()]
            .char_indices()
            .filter(|(_, c)| c.is_alphanumeric())
            .map(move |(i, _)| s.start + i)
    };
    let gold_positions: Vec<usize> = alnum(gold).collect();
    let shared = gold_positions
        .iter()
        .filter(|&&p| predicted.iter().any(|s| s.contains_offset(p)))
        .count();
    shared as f64 / gold_positions.len().max(1) as f64
}

fn folded(name: &str) -> String {
    name.to_lowercase()
}

#[test]
fn every_direct_and_mixed_quote_has_its_canonical_speaker() {
    let Some((text, gold)) = load() else { return };
    let predicted = whosaid::analyze(&text);
    let mut failures = Vec::new();
    for item in gold["attributions"].as_array().expect("attributions") {
        let kind = item["kind"].as_str().unwrap_or("");
        if kind != "direct" && kind != "mixed" {
            continue;
        }
        let content = span(item, "content");
        let want = item["speaker"].as_str().expect("canonical speaker");
        let best: Option<&Attribution> = predicted
            .iter()
            .filter(|a| coverage(&text, &a.content, content) >= 0.5)
            .max_by(|a, b| {
                coverage(&text, &a.content, content)
                    .total_cmp(&coverage(&text, &b.content, content))
            });
        match best {
            Some(a) if a.speaker.as_deref().map(folded) == Some(folded(want)) => {}
            Some(a) => failures.push(format!(
                "{:?}: speaker {:?}, want {want:?}",
                &text[content.range()],
                a.speaker
            )),
            None => failures.push(format!("{:?}: not found", &text[content.range()])),
        }
    }
    assert!(
        failures.is_empty(),
        "seed attributions wrong:\n{}",
        failures.join("\n")
    );
}

#[test]
fn quoted_names_and_scare_quotes_get_no_row() {
    let Some((text, gold)) = load() else { return };
    let predicted = whosaid::analyze(&text);
    for not_quote in gold["not_quotes"].as_array().expect("not_quotes") {
        let phrase = not_quote["text"].as_str().expect("text");
        let at = text.find(phrase).expect("the phrase is in the article");
        let phrase = Span::new(at, at + phrase.len());
        let alone = predicted
            .iter()
            .find(|a| a.content.iter().all(|s| phrase.contains(*s)));
        assert!(
            alone.is_none(),
            "{:?} became an attribution: {alone:?}",
            &text[phrase.range()]
        );
    }
}
