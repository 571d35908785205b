//! The metrics of `../shared/docs/metrics.md`: position sets, Jaccard,
//! greedy one-to-one matching, and the figures at θ = 0.3 and θ = 0.8.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use crate::{CharRange, Gold, Kind, Prediction, Predictions};

/// The overlap thresholds: 0.3 ("lenient", the headline) and 0.8 ("strict").
/// Counts and figures are indexed by position in this array.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// What one system gets right and wrong against the gold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// The system's name.
    pub system: String,
    /// One entry per gold article, in gold order.
    pub articles: Vec<ArticleScore>,
    /// Rows made and rows right at θ = 0.3 for each sieve, by sieve name;
    /// empty when the predictions carry no sieve.
    pub sieves: Vec<SieveScore>,
    /// Every miss, spurious row and wrong speaker at θ = 0.3, in gold
    /// article order.
    pub mistakes: Vec<Mistake>,
    /// Rows whose articles are not in the gold, and so not scored.
    pub rows_ignored: usize,
    /// Scored rows with an offset past the end of the article's text (a sign
    /// of byte offsets where character offsets were due).
    pub rows_outside_text: usize,
}

/// The counts of one article, at each of [`THRESHOLDS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleScore {
    pub id: String,
    pub counts: [Counts; 2],
}

/// Everything the figures are made from; counts add up over articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub predictions: usize,
    pub gold: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Matched pairs whose speaker is right.
    pub attributed: usize,
    /// Matched pairs whose gold has a canonical speaker.
    pub canonical_gold: usize,
    /// … and whose predicted canonical speaker is the same name.
    pub canonical_right: usize,
    /// Gold items by [`Kind`] (direct, mixed, indirect).
    pub gold_by_kind: [usize; 3],
    /// Matched pairs with the right speaker, by the gold's kind.
    pub attributed_by_kind: [usize; 3],
    /// Predictions with a double quotation mark in or next to their content.
    pub quoted_predictions: usize,
    /// Gold items that are direct or mixed.
    pub quoted_gold: usize,
    /// Matched pairs between those two restricted sets whose speaker is right.
    pub quoted_attributed: usize,
}

impl AddAssign<&Counts> for Counts {
    fn add_assign(&mut self, other: &Counts) {
        self.predictions += other.predictions;
        self.gold += other.gold;
        self.matched += other.matched;
        self.attributed += other.attributed;
        self.canonical_gold += other.canonical_gold;
        self.canonical_right += other.canonical_right;
        for k in 0..3 {
            self.gold_by_kind[k] += other.gold_by_kind[k];
            self.attributed_by_kind[k] += other.attributed_by_kind[k];
        }
        self.quoted_predictions += other.quoted_predictions;
        self.quoted_gold += other.quoted_gold;
        self.quoted_attributed += other.quoted_attributed;
    }
}

/// The figures at one threshold. Precision, recall and F1 are 0 when their
/// denominator is; the accuracies and recalls by kind are `None` then (there
/// is nothing to measure, as canonical accuracy on gold without names).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Figures {
    pub content_p: f64,
    pub content_r: f64,
    pub content_f1: f64,
    pub attr_p: f64,
    pub attr_r: f64,
    pub attr_f1: f64,
    pub speaker_acc: Option<f64>,
    pub canonical_acc: Option<f64>,
    pub quoted_attr_p: f64,
    pub quoted_attr_r: f64,
    pub quoted_attr_f1: f64,
    pub attr_recall_direct: Option<f64>,
    pub attr_recall_mixed: Option<f64>,
    pub attr_recall_indirect: Option<f64>,
}

impl Figures {
    pub fn of(c: &Counts) -> Figures {
        let (content_p, content_r, content_f1) = prf(c.matched, c.predictions, c.gold);
        let (attr_p, attr_r, attr_f1) = prf(c.attributed, c.predictions, c.gold);
        let (quoted_attr_p, quoted_attr_r, quoted_attr_f1) =
            prf(c.quoted_attributed, c.quoted_predictions, c.quoted_gold);
        let by_kind = |kind: Kind| {
            ratio(
                c.attributed_by_kind[kind.index()],
                c.gold_by_kind[kind.index()],
            )
        };
        Figures {
            content_p,
            content_r,
            content_f1,
            attr_p,
            attr_r,
            attr_f1,
            speaker_acc: ratio(c.attributed, c.matched),
            canonical_acc: ratio(c.canonical_right, c.canonical_gold),
            quoted_attr_p,
            quoted_attr_r,
            quoted_attr_f1,
            attr_recall_direct: by_kind(Kind::Direct),
            attr_recall_mixed: by_kind(Kind::Mixed),
            attr_recall_indirect: by_kind(Kind::Indirect),
        }
    }

    /// The figures under their report keys (without the `@θ` suffix), in
    /// report order.
    pub fn entries(&self) -> [(&'static str, Option<f64>); 14] {
        [
            ("content_p", Some(self.content_p)),
            ("content_r", Some(self.content_r)),
            ("content_f1", Some(self.content_f1)),
            ("attr_p", Some(self.attr_p)),
            ("attr_r", Some(self.attr_r)),
            ("attr_f1", Some(self.attr_f1)),
            ("speaker_acc", self.speaker_acc),
            ("canonical_acc", self.canonical_acc),
            ("quoted_attr_p", Some(self.quoted_attr_p)),
            ("quoted_attr_r", Some(self.quoted_attr_r)),
            ("quoted_attr_f1", Some(self.quoted_attr_f1)),
            ("attr_recall_direct", self.attr_recall_direct),
            ("attr_recall_mixed", self.attr_recall_mixed),
            ("attr_recall_indirect", self.attr_recall_indirect),
        ]
    }
}

/// Precision, recall and F1 of `right` out of `predicted` and `gold`.
pub(crate) fn prf(right: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(right, predicted).unwrap_or(0.0);
    let r = ratio(right, gold).unwrap_or(0.0);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// One sieve's rows and how many of them are right (matched at θ = 0.3 with
/// the right speaker).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SieveScore {
    pub sieve: String,
    pub rows: usize,
    pub attributed: usize,
}

impl SieveScore {
    pub fn precision(&self) -> f64 {
        ratio(self.attributed, self.rows).unwrap_or(0.0)
    }
}

/// A mistake at θ = 0.3, for review.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mistake {
    /// Index of the article in [`Gold::articles`].
    pub article: usize,
    pub kind: MistakeKind,
    /// Index of the gold item in its article, unless spurious.
    pub gold: Option<usize>,
    /// Index of the prediction in its article, unless a miss.
    pub prediction: Option<usize>,
    /// The content score of a matched pair.
    pub score: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MistakeKind {
    /// A gold item no prediction matched.
    Miss,
    /// A prediction that matched no gold item.
    Spurious,
    /// A matched pair whose speaker mention is not the gold source.
    WrongSpeaker,
    /// A matched pair whose canonical speaker differs from the gold's.
    WrongCanonical,
}

impl MistakeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MistakeKind::Miss => "miss",
            MistakeKind::Spurious => "spurious",
            MistakeKind::WrongSpeaker => "wrong_speaker",
            MistakeKind::WrongCanonical => "wrong_canonical",
        }
    }
}

impl Scores {
    /// The counts summed over all articles, at `THRESHOLDS[theta]`.
    pub fn total(&self, theta: usize) -> Counts {
        let mut total = Counts::default();
        for article in &self.articles {
            total += &article.counts[theta];
        }
        total
    }

    /// The figures at `THRESHOLDS[theta]`.
    pub fn figures(&self, theta: usize) -> Figures {
        Figures::of(&self.total(theta))
    }

    /// Every figure at both thresholds under its report key
    /// (`attr_f1@0.3`, …), in report order.
    pub fn keyed_figures(&self) -> Vec<(String, Option<f64>)> {
        let mut keyed = Vec::new();
        for (theta, threshold) in THRESHOLDS.iter().enumerate() {
            for (key, value) in self.figures(theta).entries() {
                keyed.push((format!("{key}@{threshold}"), value));
            }
        }
        keyed
    }
}

/// Canonical names as metrics.md compares them: case folded, every
/// character that is not alphanumeric or white space dropped, white space
/// folded to single spaces, and a leading "the " dropped.
pub fn fold_name(name: &str) -> String {
    let kept: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let folded = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => folded,
    }
}

/// Scores one system against the gold. Only gold articles are scored; a gold
/// article without predictions counts all its items as misses.
pub fn score(gold: &Gold, predictions: &Predictions) -> Scores {
    let mut scores = Scores {
        system: predictions.name.clone(),
        ..Scores::default()
    };
    let mut sieves: BTreeMap<&str, SieveScore> = BTreeMap::new();
    let mut gold_ids = std::collections::HashSet::new();
    for (article_index, article) in gold.articles.iter().enumerate() {
        gold_ids.insert(article.id.as_str());
        let text = Text::new(&article.text);
        let rows = predictions.article(&article.id);
        scores.rows_outside_text += rows
            .iter()
            .filter(|p| {
                let ends = p.content.iter().chain(&p.speaker_mention).map(|r| r.end);
                ends.max().unwrap_or(0) > text.alnum.len()
            })
            .count();
        let scored = ArticleScorer::new(&text, &article.items, rows);
        let mut counts = [Counts::default(); 2];
        for (theta, threshold) in THRESHOLDS.into_iter().enumerate() {
            let matches = scored.matches(threshold);
            counts[theta] = scored.counts(&matches, threshold);
            if theta == 0 {
                scored.mistakes(article_index, &matches, &mut scores.mistakes);
                if predictions.has_sieve {
                    for (index, row) in rows.iter().enumerate() {
                        let sieve = sieves.entry(row.sieve.as_str()).or_default();
                        sieve.rows += 1;
                        let right = matches.iter().any(|m| m.pred == index && m.speaker_right);
                        sieve.attributed += usize::from(right);
                    }
                }
            }
        }
        scores.articles.push(ArticleScore {
            id: article.id.clone(),
            counts,
        });
    }
    scores.sieves = sieves
        .into_iter()
        .map(|(name, sieve)| SieveScore {
            sieve: name.to_string(),
            ..sieve
        })
        .collect();
    scores.rows_ignored = predictions
        .articles()
        .filter(|(id, _)| !gold_ids.contains(id))
        .map(|(_, rows)| rows.len())
        .sum();
    scores
}

/// An article's text as the metrics see it: which characters are
/// alphanumeric, and which are quotation marks.
struct Text {
    chars: Vec<char>,
    alnum: Vec<bool>,
}

impl Text {
    fn new(text: &str) -> Text {
        let chars: Vec<char> = text.chars().collect();
        let alnum = chars.iter().map(|c| c.is_alphanumeric()).collect();
        Text { chars, alnum }
    }

    /// The alphanumeric character offsets inside the ranges, sorted, once
    /// each. Offsets past the end of the text have no character and so are
    /// never positions.
    fn positions(&self, ranges: &[CharRange]) -> Vec<usize> {
        let mut positions: Vec<usize> = ranges
            .iter()
            .flat_map(|r| r.start..r.end.min(self.alnum.len()))
            .filter(|&i| self.alnum[i])
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// Whether a fragment, widened by two characters on each side, holds a
    /// double quotation mark or two apostrophes in a row.
    fn is_quoted(&self, ranges: &[CharRange]) -> bool {
        ranges.iter().any(|r| {
            let start = r.start.saturating_sub(2).min(self.chars.len());
            let end = r.end.saturating_add(2).min(self.chars.len());
            let window = &self.chars[start..end.max(start)];
            window.iter().any(|&c| is_double_mark(c))
                || window.windows(2).any(|pair| pair == ['\'', '\''])
        })
    }
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// A (prediction, gold) pair with some overlap.
#[derive(Clone, Copy, Debug)]
struct Pair {
    score: f64,
    pred: usize,
    gold: usize,
}

/// A matched pair.
#[derive(Clone, Copy, Debug)]
struct Match {
    score: f64,
    pred: usize,
    gold: usize,
    speaker_right: bool,
}

/// One article's gold and predictions, with everything the matching needs
/// worked out once.
struct ArticleScorer<'a> {
    gold: &'a [crate::GoldItem],
    rows: &'a [Prediction],
    gold_sources: Vec<Vec<usize>>,
    mentions: Vec<Vec<usize>>,
    quoted: Vec<bool>,
    /// Pairs with a score above zero, best first (ties: lower prediction,
    /// then lower gold index).
    pairs: Vec<Pair>,
}

impl<'a> ArticleScorer<'a> {
    fn new(text: &Text, gold: &'a [crate::GoldItem], rows: &'a [Prediction]) -> Self {
        let gold_contents: Vec<Vec<usize>> =
            gold.iter().map(|g| text.positions(&g.content)).collect();
        let gold_sources = gold.iter().map(|g| text.positions(&g.source)).collect();
        let contents: Vec<Vec<usize>> = rows.iter().map(|p| text.positions(&p.content)).collect();
        let mentions = rows
            .iter()
            .map(|p| text.positions(p.speaker_mention.as_slice()))
            .collect();
        let quoted = rows.iter().map(|p| text.is_quoted(&p.content)).collect();
        let mut pairs = Vec::new();
        for (pred, p) in contents.iter().enumerate() {
            for (gold, g) in gold_contents.iter().enumerate() {
                let shared = count_shared(p, g);
                if shared > 0 {
                    let union = p.len() + g.len() - shared;
                    let score = shared as f64 / union as f64;
                    pairs.push(Pair { score, pred, gold });
                }
            }
        }
        pairs.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.pred.cmp(&b.pred))
                .then(a.gold.cmp(&b.gold))
        });
        ArticleScorer {
            gold,
            rows,
            gold_sources,
            mentions,
            quoted,
            pairs,
        }
    }

    /// Greedy one-to-one matching of the pairs scoring at least `threshold`
    /// that `keep` admits.
    fn matches_where(&self, threshold: f64, keep: impl Fn(&Pair) -> bool) -> Vec<Match> {
        let mut pred_used = vec![false; self.rows.len()];
        let mut gold_used = vec![false; self.gold.len()];
        let mut matches = Vec::new();
        for pair in self.pairs.iter().take_while(|p| p.score >= threshold) {
            if pred_used[pair.pred] || gold_used[pair.gold] || !keep(pair) {
                continue;
            }
            pred_used[pair.pred] = true;
            gold_used[pair.gold] = true;
            let mention = &self.mentions[pair.pred];
            let source = &self.gold_sources[pair.gold];
            let speaker_right =
                (mention.is_empty() && source.is_empty()) || count_shared(mention, source) > 0;
            matches.push(Match {
                score: pair.score,
                pred: pair.pred,
                gold: pair.gold,
                speaker_right,
            });
        }
        matches
    }

    fn matches(&self, threshold: f64) -> Vec<Match> {
        self.matches_where(threshold, |_| true)
    }

    fn counts(&self, matches: &[Match], threshold: f64) -> Counts {
        let mut counts = Counts {
            predictions: self.rows.len(),
            gold: self.gold.len(),
            matched: matches.len(),
            ..Counts::default()
        };
        for g in self.gold {
            if let Some(kind) = g.kind {
                counts.gold_by_kind[kind.index()] += 1;
                counts.quoted_gold += usize::from(kind.is_quoted());
            }
        }
        for m in matches {
            let g = &self.gold[m.gold];
            if m.speaker_right {
                counts.attributed += 1;
                if let Some(kind) = g.kind {
                    counts.attributed_by_kind[kind.index()] += 1;
                }
            }
            if let Some(speaker) = &g.speaker {
                counts.canonical_gold += 1;
                let predicted = &self.rows[m.pred].speaker;
                counts.canonical_right += usize::from(fold_name(predicted) == fold_name(speaker));
            }
        }
        counts.quoted_predictions = self.quoted.iter().filter(|&&q| q).count();
        let quoted_gold = |gold: usize| self.gold[gold].kind.is_some_and(Kind::is_quoted);
        counts.quoted_attributed = self
            .matches_where(threshold, |p| self.quoted[p.pred] && quoted_gold(p.gold))
            .iter()
            .filter(|m| m.speaker_right)
            .count();
        counts
    }

    fn mistakes(&self, article: usize, matches: &[Match], out: &mut Vec<Mistake>) {
        let mut matched_gold = vec![None; self.gold.len()];
        let mut matched_pred = vec![false; self.rows.len()];
        for m in matches {
            matched_gold[m.gold] = Some(m);
            matched_pred[m.pred] = true;
        }
        let mistake = |kind, gold, prediction, score| Mistake {
            article,
            kind,
            gold,
            prediction,
            score,
        };
        for (gold, matched) in matched_gold.iter().enumerate() {
            let Some(m) = matched else {
                out.push(mistake(MistakeKind::Miss, Some(gold), None, None));
                continue;
            };
            let pair = (Some(gold), Some(m.pred), Some(m.score));
            if !m.speaker_right {
                out.push(mistake(MistakeKind::WrongSpeaker, pair.0, pair.1, pair.2));
            }
            if let Some(speaker) = &self.gold[gold].speaker {
                if fold_name(&self.rows[m.pred].speaker) != fold_name(speaker) {
                    out.push(mistake(MistakeKind::WrongCanonical, pair.0, pair.1, pair.2));
                }
            }
        }
        for (pred, matched) in matched_pred.iter().enumerate() {
            if !matched {
                out.push(mistake(MistakeKind::Spurious, None, Some(pred), None));
            }
        }
    }
}

/// How many values two sorted lists share.
fn count_shared(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}
