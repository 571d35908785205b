//! `whosaid eval --ablate` on a tiny invented gold: one column for the whole
//! and one per sieve of the cascade, each ablation compared with the whole.

use std::process::Command;

use serde_json::{json, Value};
use whosaid::resolver::SIEVES;

/// A gold JSONL of two invented articles, with character offsets found in
/// the text rather than counted by hand.
fn gold() -> String {
    let articles = [
        (
            "a1",
            "\"We will not back down,\" Mayor Ana Ruiz said on Monday.",
            "We will not back down,",
            "Mayor Ana Ruiz",
        ),
        (
            "a2",
            "Police chief Tom Baker said the road would reopen on Friday.",
            "the road would reopen on Friday",
            "Police chief Tom Baker",
        ),
    ];
    let mut lines = String::new();
    for (id, text, content, source) in articles {
        let span = |part: &str| {
            let byte = text.find(part).expect("the part is in the text");
            let start = text[..byte].chars().count();
            (start, start + part.chars().count())
        };
        let (content_start, content_end) = span(content);
        let (source_start, source_end) = span(source);
        let article = json!({
            "id": id,
            "text": text,
            "attributions": [{
                "content_start": content_start,
                "content_end": content_end,
                "source_start": source_start,
                "source_end": source_end,
            }],
        });
        lines.push_str(&article.to_string());
        lines.push('\n');
    }
    lines
}

fn eval(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("eval")
        .args(args)
        .output()
        .expect("whosaid runs")
}

#[test]
fn ablate_scores_one_column_per_sieve() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.jsonl");
    std::fs::write(&path, gold()).unwrap();
    let gold = path.to_str().unwrap();

    let output = eval(&["--gold", gold, "--ablate", "--json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();

    let names: Vec<&str> = report["systems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let mut expected = vec!["whosaid".to_string()];
    expected.extend(SIEVES.iter().map(|s| format!("-{}", s.name)));
    assert_eq!(names, expected);
    assert!(SIEVES.len() > 1);

    // Each ablation is compared with the whole, and only with it.
    let comparisons = report["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), SIEVES.len());
    for (comparison, name) in comparisons.iter().zip(&expected[1..]) {
        assert_eq!(comparison["a"], "whosaid");
        assert_eq!(comparison["b"].as_str(), Some(name.as_str()));
    }

    // The text report ends with a summary line per sieve.
    let output = eval(&["--gold", gold, "--ablate"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let summary = text
        .split("\nablation at θ = 0.3")
        .nth(1)
        .expect("an ablation summary");
    for name in &expected {
        assert!(
            summary
                .lines()
                .any(|l| l.trim_start().starts_with(name.as_str())),
            "no summary line for {name} in\n{summary}"
        );
    }
}

#[test]
fn the_whole_cascade_is_not_an_ablation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.jsonl");
    std::fs::write(&path, gold()).unwrap();
    let gold = path.to_str().unwrap();

    // Without --ablate there is one column, whosaid's own.
    let output = eval(&["--gold", gold, "--json"]);
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["systems"].as_array().unwrap().len(), 1);

    // --ablate scores whosaid itself, never prediction files.
    let output = eval(&["--gold", gold, "--ablate", "pred.csv"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn all_reported_cues_is_an_option_of_eval_and_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.jsonl");
    std::fs::write(&path, gold()).unwrap();
    let output = eval(&["--gold", path.to_str().unwrap(), "--all-reported-cues"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--all-reported-cues", "-j", "1"])
        .output()
        .expect("whosaid runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!output.stdout.is_empty());
}
