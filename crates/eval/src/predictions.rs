//! Predictions: the quote CSV (`../shared/docs/csv-format.md`) written by
//! whosaid or any other tool, or whosaid's own rows.
//!
//! Scoring needs only `article_id`, `quote_start`, `quote_end`,
//! `speaker_start` and `speaker_end`; `quote_spans`, `speaker`, `kind` and
//! `sieve` are used when present. Offsets are character offsets.

use std::collections::HashMap;
use std::path::Path;

use whosaid_core::Row;

use crate::{CharRange, Error};

/// One predicted attribution: one row of the quote CSV.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prediction {
    /// The content's fragments: `quote_spans`, or `quote_start..quote_end`
    /// when that is empty.
    pub content: Vec<CharRange>,
    /// Where the speaker is mentioned, when the row names a mention.
    pub speaker_mention: Option<CharRange>,
    /// The canonical speaker ("" when unknown or not given).
    pub speaker: String,
    /// The row's `kind`, as written ("" when not given).
    pub kind: String,
    /// The rule that made the row ("" when not given).
    pub sieve: String,
    /// The row's line in its CSV file, for error reports.
    pub line: Option<u64>,
}

impl Prediction {
    /// The prediction a whosaid row makes. The row must carry character
    /// offsets ([`whosaid_core::OffsetKind::Chars`]).
    pub fn from_row(row: &Row) -> Result<Prediction, String> {
        let mut content = parse_spans(&row.quote_spans)?;
        if content.is_empty() {
            content.push(CharRange::new(row.quote_start, row.quote_end));
        }
        let speaker_mention = match (row.speaker_start, row.speaker_end) {
            (Some(start), Some(end)) => Some(CharRange::new(start, end)),
            _ => None,
        };
        Ok(Prediction {
            content,
            speaker_mention,
            speaker: row.speaker.clone(),
            kind: row.kind.clone(),
            sieve: row.sieve.clone(),
            line: None,
        })
    }
}

/// One system's predictions, grouped by article, each article's rows in the
/// order given (the prediction index).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Predictions {
    /// The system's name, as reports show it.
    pub name: String,
    /// Whether the rows carry a `sieve` (per-sieve figures are reported then).
    pub has_sieve: bool,
    by_article: HashMap<String, usize>,
    articles: Vec<(String, Vec<Prediction>)>,
}

impl Predictions {
    pub fn new(name: impl Into<String>) -> Predictions {
        Predictions {
            name: name.into(),
            ..Predictions::default()
        }
    }

    /// Adds a prediction after the article's earlier ones.
    pub fn push(&mut self, article_id: &str, prediction: Prediction) {
        self.has_sieve |= !prediction.sieve.is_empty();
        let index = match self.by_article.get(article_id) {
            Some(&index) => index,
            None => {
                self.by_article
                    .insert(article_id.to_string(), self.articles.len());
                self.articles.push((article_id.to_string(), Vec::new()));
                self.articles.len() - 1
            }
        };
        self.articles[index].1.push(prediction);
    }

    /// Whosaid's own rows (with character offsets) as predictions.
    pub fn from_rows<'r>(
        name: impl Into<String>,
        rows: impl IntoIterator<Item = &'r Row>,
    ) -> Result<Predictions, String> {
        let mut predictions = Predictions::new(name);
        predictions.has_sieve = true;
        for row in rows {
            predictions.push(&row.article_id, Prediction::from_row(row)?);
        }
        Ok(predictions)
    }

    /// The article's predictions in order; empty when it has none.
    pub fn article(&self, id: &str) -> &[Prediction] {
        match self.by_article.get(id) {
            Some(&index) => &self.articles[index].1,
            None => &[],
        }
    }

    /// Every article with predictions, in order of first appearance.
    pub fn articles(&self) -> impl Iterator<Item = (&str, &[Prediction])> {
        self.articles
            .iter()
            .map(|(id, predictions)| (id.as_str(), predictions.as_slice()))
    }

    /// How many predictions there are in all.
    pub fn len(&self) -> usize {
        self.articles.iter().map(|(_, p)| p.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// Reads a quote CSV. The system is named after the file's name.
pub fn read_predictions_csv(path: &Path) -> Result<Predictions, Error> {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut reader = csv::ReaderBuilder::new()
        .from_path(path)
        .map_err(|e| Error::at(path, None, e.to_string()))?;
    let headers = reader
        .headers()
        .map_err(|e| Error::at(path, Some(1), e.to_string()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
    };
    let required = |name: &str| {
        column(name).ok_or_else(|| Error::at(path, Some(1), format!("no {name:?} column")))
    };
    let article_id = required("article_id")?;
    let quote_start = required("quote_start")?;
    let quote_end = required("quote_end")?;
    let speaker_start = required("speaker_start")?;
    let speaker_end = required("speaker_end")?;
    let quote_spans = column("quote_spans");
    let speaker = column("speaker");
    let kind = column("kind");
    let sieve = column("sieve");

    let mut predictions = Predictions::new(name);
    predictions.has_sieve = sieve.is_some();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line());
                return Err(Error::at(path, line, e.to_string()));
            }
        }
        let line = record.position().map(|p| p.line());
        let fault = |message: String| Error::at(path, line, message);
        let field = |index: Option<usize>| index.and_then(|i| record.get(i)).unwrap_or("");
        let offset = |index: usize, name: &str| {
            parse_offset(field(Some(index))).map_err(|message| fault(format!("{name}: {message}")))
        };
        let start = offset(quote_start, "quote_start")?
            .ok_or_else(|| fault("quote_start is empty".into()))?;
        let end =
            offset(quote_end, "quote_end")?.ok_or_else(|| fault("quote_end is empty".into()))?;
        let mut content =
            parse_spans(field(quote_spans)).map_err(|m| fault(format!("quote_spans: {m}")))?;
        if content.is_empty() {
            content.push(CharRange::new(start, end));
        }
        if let Some(r) = content.iter().find(|r| r.start > r.end) {
            return Err(fault(format!("quote span {r} ends before it starts")));
        }
        let speaker_mention = match (
            offset(speaker_start, "speaker_start")?,
            offset(speaker_end, "speaker_end")?,
        ) {
            (None, None) => None,
            (Some(start), Some(end)) if start <= end => Some(CharRange::new(start, end)),
            (Some(start), Some(end)) => {
                return Err(fault(format!(
                    "speaker span {start}-{end} ends before it starts"
                )))
            }
            _ => {
                return Err(fault(
                    "only one of speaker_start, speaker_end is given".into(),
                ))
            }
        };
        predictions.push(
            field(Some(article_id)),
            Prediction {
                content,
                speaker_mention,
                speaker: field(speaker).to_string(),
                kind: field(kind).to_string(),
                sieve: field(sieve).to_string(),
                line,
            },
        );
    }
    Ok(predictions)
}

/// An offset: empty, or a whole number ("12", or "12.0" as pandas writes an
/// integer column with gaps).
fn parse_offset(field: &str) -> Result<Option<usize>, String> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = field.parse::<usize>() {
        return Ok(Some(n));
    }
    match field.strip_suffix(".0").map(str::parse::<usize>) {
        Some(Ok(n)) => Ok(Some(n)),
        _ => Err(format!("{field:?} is not an offset")),
    }
}

/// `quote_spans`: fragments `start-end` joined by `;` (empty gives none).
fn parse_spans(field: &str) -> Result<Vec<CharRange>, String> {
    let mut spans = Vec::new();
    for piece in field.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let parsed = piece.split_once('-').and_then(|(start, end)| {
            let start = parse_offset(start).ok()??;
            let end = parse_offset(end).ok()??;
            Some(CharRange::new(start, end))
        });
        spans.push(parsed.ok_or_else(|| format!("{piece:?} is not start-end"))?);
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_offsets_parse() {
        assert_eq!(
            parse_spans(" 3-9; 12-20 ;").unwrap(),
            vec![CharRange::new(3, 9), CharRange::new(12, 20)]
        );
        assert!(parse_spans("").unwrap().is_empty());
        assert!(parse_spans("3-").is_err());
        assert!(parse_spans("a-4").is_err());
        assert_eq!(parse_offset("12.0"), Ok(Some(12)));
        assert_eq!(parse_offset(" "), Ok(None));
        assert!(parse_offset("-1").is_err());
        assert!(parse_offset("1.5").is_err());
    }
}
