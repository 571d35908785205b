//! The recorded figures a change must not fall below (`eval/baseline.json`):
//! attribution F1 and quoted-only attribution F1 at θ = 0.3 on one gold.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Scores};

/// How far below the recorded figures a system may fall before the check
/// fails.
pub const TOLERANCE: f64 = 0.01;

/// Figures recorded for a gold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The gold's name ([`crate::Gold::name`]).
    pub gold: String,
    #[serde(rename = "attr_f1@0.3")]
    pub attr_f1: f64,
    #[serde(rename = "quoted_attr_f1@0.3")]
    pub quoted_attr_f1: f64,
}

/// How one figure compares with its recorded value.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub key: &'static str,
    pub recorded: f64,
    pub measured: f64,
}

impl Check {
    /// Fallen more than [`TOLERANCE`] below the recorded figure.
    pub fn regressed(&self) -> bool {
        self.measured < self.recorded - TOLERANCE
    }

    /// Risen above the recorded figure (beyond rounding to three places), so
    /// the recorded figure can be raised.
    pub fn improved(&self) -> bool {
        self.measured > self.recorded + 0.0005
    }
}

impl Baseline {
    /// The figures of a system scored on the named gold, to four places.
    pub fn of(gold: &str, scores: &Scores) -> Baseline {
        let figures = scores.figures(0);
        let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
        Baseline {
            gold: gold.to_string(),
            attr_f1: round(figures.attr_f1),
            quoted_attr_f1: round(figures.quoted_attr_f1),
        }
    }

    pub fn read(path: &Path) -> Result<Baseline, Error> {
        let data =
            std::fs::read_to_string(path).map_err(|e| Error::at(path, None, e.to_string()))?;
        serde_json::from_str(&data).map_err(|e| {
            let message = format!("not a baseline {{gold, attr_f1@0.3, quoted_attr_f1@0.3}}: {e}");
            Error::at(path, Some(e.line() as u64), message)
        })
    }

    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let mut json =
            serde_json::to_string_pretty(self).map_err(|e| Error::at(path, None, e.to_string()))?;
        json.push('\n');
        std::fs::write(path, json).map_err(|e| Error::at(path, None, e.to_string()))
    }

    /// Each recorded figure against the system's.
    pub fn check(&self, scores: &Scores) -> [Check; 2] {
        let figures = scores.figures(0);
        [
            Check {
                key: "attr_f1@0.3",
                recorded: self.attr_f1,
                measured: figures.attr_f1,
            },
            Check {
                key: "quoted_attr_f1@0.3",
                recorded: self.quoted_attr_f1,
                measured: figures.quoted_attr_f1,
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_and_improvement() {
        let check = |recorded, measured| Check {
            key: "attr_f1@0.3",
            recorded,
            measured,
        };
        assert!(!check(0.5, 0.495).regressed());
        assert!(check(0.5, 0.489).regressed());
        assert!(!check(0.5, 0.5004).improved());
        assert!(check(0.5, 0.501).improved());
    }

    #[test]
    fn reads_what_it_writes() {
        let path =
            std::env::temp_dir().join(format!("whosaid-baseline-{}.json", std::process::id()));
        let baseline = Baseline {
            gold: "polnear-dev".into(),
            attr_f1: 0.4321,
            quoted_attr_f1: 0.0,
        };
        baseline.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"attr_f1@0.3\": 0.4321"));
        assert_eq!(Baseline::read(&path).unwrap(), baseline);
        std::fs::write(&path, "{\"gold\": 1}").unwrap();
        assert!(Baseline::read(&path).is_err());
        let _ = std::fs::remove_file(&path);
    }
}
