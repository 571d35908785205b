//! Gold attributions, from PolNeAR-style JSONL (`../shared/corpora/README.md`)
//! or from a hand-annotated quote CSV together with the articles' texts.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use crate::predictions::read_predictions_csv;
use crate::{CharRange, Error};

/// The gold: every scored article, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gold {
    /// A short name for reports and baselines: the file's stem ("polnear-dev").
    pub name: String,
    pub articles: Vec<GoldArticle>,
}

/// One article with its gold attributions, in file order (the gold index).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub items: Vec<GoldItem>,
}

/// One gold attribution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldItem {
    /// The content's fragments (its hull when the gold gives no fragments).
    pub content: Vec<CharRange>,
    /// The source's fragments as written; empty when the gold has no source.
    pub source: Vec<CharRange>,
    pub kind: Option<Kind>,
    /// The canonical speaker, when the gold has one that canonical accuracy
    /// should count (absent, empty, or `speaker_named: false` give `None`).
    pub speaker: Option<String>,
}

/// The kind of an attribution, as the gold labels it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Direct,
    Mixed,
    Indirect,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Direct, Kind::Mixed, Kind::Indirect];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
        }
    }

    /// `direct`, `mixed` or `indirect` (any case, spaces around ignored).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Whether the quoted-only figures keep gold of this kind.
    pub fn is_quoted(self) -> bool {
        matches!(self, Kind::Direct | Kind::Mixed)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Reads PolNeAR-style JSONL gold: one article a line with `id`, `text` and
/// `attributions`. Each attribution's `content_fragments`/`source_fragments`
/// are used when present, else the `*_start`/`*_end` hulls; `kind`,
/// `speaker` and `speaker_named` when present. Other fields are ignored.
pub fn read_gold_jsonl(path: &Path) -> Result<Gold, Error> {
    let data = read_to_string(path)?;
    let mut articles = Vec::new();
    let mut seen = HashSet::new();
    for (index, line) in data.lines().enumerate() {
        let line_no = Some(index as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawArticle = serde_json::from_str(line).map_err(|e| {
            Error::at(
                path,
                line_no,
                format!("not a gold article: {}", json_fault(&e)),
            )
        })?;
        let id = raw.id.into_string();
        if !seen.insert(id.clone()) {
            return Err(Error::at(path, line_no, format!("article {id:?} again")));
        }
        let n_chars = raw.text.chars().count();
        let mut items = Vec::with_capacity(raw.attributions.len());
        for (number, attribution) in raw.attributions.into_iter().enumerate() {
            let item = attribution.into_item(n_chars).map_err(|message| {
                let at = format!("article {id:?}, attribution {}: {message}", number + 1);
                Error::at(path, line_no, at)
            })?;
            items.push(item);
        }
        articles.push(GoldArticle {
            id,
            text: raw.text,
            items,
        });
    }
    Ok(Gold {
        name: stem(path),
        articles,
    })
}

/// Reads gold annotated in the quote CSV itself: `texts` is a JSONL of
/// `{"id", "text"}` giving every gold article (an article without rows has no
/// attributions), and each row of `csv` is one gold attribution: its content
/// from `quote_spans` (or `quote_start`/`quote_end`), its source from
/// `speaker_start`/`speaker_end`, its `kind`, and its canonical `speaker`.
pub fn read_gold_csv(csv: &Path, texts: &Path) -> Result<Gold, Error> {
    let data = read_to_string(texts)?;
    let mut articles = Vec::new();
    let mut by_id = std::collections::HashMap::new();
    for (index, line) in data.lines().enumerate() {
        let line_no = Some(index as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawText = serde_json::from_str(line)
            .map_err(|e| Error::at(texts, line_no, format!("not an article {{id, text}}: {e}")))?;
        let id = raw.id.into_string();
        if by_id.insert(id.clone(), articles.len()).is_some() {
            return Err(Error::at(texts, line_no, format!("article {id:?} again")));
        }
        articles.push(GoldArticle {
            id,
            text: raw.text,
            items: Vec::new(),
        });
    }
    let lengths: Vec<usize> = articles.iter().map(|a| a.text.chars().count()).collect();
    let rows = read_predictions_csv(csv)?;
    for (id, predictions) in rows.articles() {
        let Some(&index) = by_id.get(id) else {
            let line = predictions.first().and_then(|p| p.line);
            let message = format!("article {id:?} is not in {}", texts.display());
            return Err(Error::at(csv, line, message));
        };
        for prediction in predictions {
            let n_chars = lengths[index];
            let fault = |message: String| Error::at(csv, prediction.line, message);
            let source: Vec<CharRange> = prediction.speaker_mention.into_iter().collect();
            check_inside(&prediction.content, n_chars).map_err(fault)?;
            check_inside(&source, n_chars).map_err(fault)?;
            let kind = match prediction.kind.trim() {
                "" => None,
                kind => Some(
                    Kind::parse(kind)
                        .ok_or_else(|| fault(format!("kind {kind:?} is not a kind")))?,
                ),
            };
            let speaker = prediction.speaker.trim();
            articles[index].items.push(GoldItem {
                content: prediction.content.clone(),
                source,
                kind,
                speaker: (!speaker.is_empty()).then(|| speaker.to_string()),
            });
        }
    }
    Ok(Gold {
        name: stem(csv),
        articles,
    })
}

/// A JSON error of one line, placed by column (its line is the file's).
fn json_fault(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let what = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(what, _)| what);
    format!("{what} (column {})", error.column())
}

fn read_to_string(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::at(path, None, e.to_string()))
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Every range ordered and inside a text of `n_chars` characters.
fn check_inside(ranges: &[CharRange], n_chars: usize) -> Result<(), String> {
    match ranges.iter().find(|r| r.start > r.end || r.end > n_chars) {
        Some(r) => Err(format!(
            "span {r} is not inside the article's text ({n_chars} characters)"
        )),
        None => Ok(()),
    }
}

/// An article id, which some files give as a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawId {
    Text(String),
    Number(serde_json::Number),
}

impl RawId {
    fn into_string(self) -> String {
        match self {
            RawId::Text(s) => s,
            RawId::Number(n) => n.to_string(),
        }
    }
}

#[derive(Deserialize)]
struct RawText {
    id: RawId,
    text: String,
}

#[derive(Deserialize)]
struct RawArticle {
    id: RawId,
    text: String,
    #[serde(default)]
    attributions: Vec<RawAttribution>,
}

#[derive(Deserialize)]
struct RawAttribution {
    content_start: Option<usize>,
    content_end: Option<usize>,
    content_fragments: Option<Vec<RawFragment>>,
    source_start: Option<usize>,
    source_end: Option<usize>,
    source_fragments: Option<Vec<RawFragment>>,
    kind: Option<String>,
    speaker: Option<String>,
    speaker_named: Option<bool>,
}

#[derive(Deserialize)]
struct RawFragment {
    start: usize,
    end: usize,
}

impl RawAttribution {
    fn into_item(self, n_chars: usize) -> Result<GoldItem, String> {
        let fragments = |list: Option<Vec<RawFragment>>| -> Vec<CharRange> {
            list.unwrap_or_default()
                .into_iter()
                .map(|f| CharRange::new(f.start, f.end))
                .collect()
        };
        let hull = |start: Option<usize>, end: Option<usize>| match (start, end) {
            (Some(start), Some(end)) => Some(CharRange::new(start, end)),
            _ => None,
        };
        let mut content = fragments(self.content_fragments);
        if content.is_empty() {
            let hull = hull(self.content_start, self.content_end)
                .ok_or("no content_fragments and no content_start/content_end")?;
            content.push(hull);
        }
        // An empty `source_fragments` list means "no source"; only a missing
        // one falls back to the hull.
        let source = match self.source_fragments {
            Some(list) => fragments(Some(list)),
            None => hull(self.source_start, self.source_end)
                .into_iter()
                .collect(),
        };
        check_inside(&content, n_chars)?;
        check_inside(&source, n_chars)?;
        let kind = match self.kind.as_deref() {
            None | Some("") => None,
            Some(kind) => Some(Kind::parse(kind).ok_or(format!("kind {kind:?} is not a kind"))?),
        };
        let named = self.speaker_named.unwrap_or(true);
        let speaker = self
            .speaker
            .filter(|s| named && !s.trim().is_empty())
            .map(|s| s.trim().to_string());
        Ok(GoldItem {
            content,
            source,
            kind,
            speaker,
        })
    }
}
