//! Is one system really better than another? The difference in attribution
//! F1 at θ = 0.3, with a 95% confidence interval from a paired bootstrap over
//! articles: both systems are rescored on the same resampled articles.

use crate::score::prf;
use crate::Scores;

/// Resamples drawn for each comparison.
pub const BOOTSTRAP_RESAMPLES: usize = 1_000;
/// The fixed seed, so that a comparison gives the same interval every run.
pub const BOOTSTRAP_SEED: u64 = 0x5EED_2016_0AF1;

/// `a`'s attribution F1 at θ = 0.3 minus `b`'s.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    /// The difference over all articles.
    pub difference: f64,
    /// The 2.5th and 97.5th percentiles of the resampled differences.
    pub ci95: (f64, f64),
}

impl Comparison {
    /// Whether the interval leaves out zero: a difference the articles bear out.
    pub fn is_significant(&self) -> bool {
        self.ci95.0 > 0.0 || self.ci95.1 < 0.0
    }
}

/// Compares two systems scored on the same gold (their articles in the same
/// order, as [`crate::score`] gives them).
pub fn compare(a: &Scores, b: &Scores) -> Comparison {
    // (right, predicted, gold) of each system in each article, at θ = 0.3.
    let per_article: Vec<[(usize, usize, usize); 2]> = a
        .articles
        .iter()
        .zip(&b.articles)
        .map(|(x, y)| {
            let c = |s: &crate::ArticleScore| {
                let c = &s.counts[0];
                (c.attributed, c.predictions, c.gold)
            };
            [c(x), c(y)]
        })
        .collect();
    let difference_of = |sample: &mut dyn Iterator<Item = usize>| {
        let mut sums = [(0, 0, 0); 2];
        for i in sample {
            for (sum, counts) in sums.iter_mut().zip(&per_article[i]) {
                sum.0 += counts.0;
                sum.1 += counts.1;
                sum.2 += counts.2;
            }
        }
        let f1 = |(right, predicted, gold): (usize, usize, usize)| prf(right, predicted, gold).2;
        f1(sums[0]) - f1(sums[1])
    };
    let n = per_article.len();
    let difference = difference_of(&mut (0..n));
    let mut rng = SplitMix64(BOOTSTRAP_SEED);
    let mut differences: Vec<f64> = (0..BOOTSTRAP_RESAMPLES)
        .map(|_| difference_of(&mut (0..n).map(|_| rng.below(n))))
        .collect();
    differences.sort_by(f64::total_cmp);
    // Nearest-rank percentiles: the 25th and the 975th of 1,000 (1-based).
    let at = |fraction: f64| {
        let rank = (fraction * BOOTSTRAP_RESAMPLES as f64).ceil() as usize;
        differences
            .get(rank.saturating_sub(1))
            .copied()
            .unwrap_or(difference)
    };
    Comparison {
        a: a.system.clone(),
        b: b.system.clone(),
        difference,
        ci95: (at(0.025), at(0.975)),
    }
}

/// Steele, Lea and Flood's SplitMix64: tiny, fast, and good enough to draw
/// bootstrap samples.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (Lemire's multiply-shift; `n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleScore, Counts};

    fn system(name: &str, per_article: &[(usize, usize, usize)]) -> Scores {
        let articles = per_article
            .iter()
            .map(|&(attributed, predictions, gold)| {
                let c = Counts {
                    attributed,
                    predictions,
                    gold,
                    ..Counts::default()
                };
                ArticleScore {
                    id: String::new(),
                    counts: [c, c],
                }
            })
            .collect();
        Scores {
            system: name.into(),
            articles,
            ..Scores::default()
        }
    }

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // The first outputs for seed 1234567 from the reference C code.
        let mut rng = SplitMix64(1234567);
        assert_eq!(rng.next(), 6457827717110365317);
        assert_eq!(rng.next(), 3203168211198807973);
    }

    #[test]
    fn a_consistently_better_system_has_an_interval_above_zero() {
        let better = system("better", &[(8, 10, 10); 30]);
        let worse = system("worse", &[(5, 10, 10); 30]);
        let c = compare(&better, &worse);
        assert!((c.difference - 0.3).abs() < 1e-12);
        // Every article differs by the same amount: every resample does too.
        assert!((c.ci95.0 - 0.3).abs() < 1e-12 && (c.ci95.1 - 0.3).abs() < 1e-12);
        assert!(c.is_significant());
        let same = compare(&better, &better);
        assert_eq!((same.difference, same.ci95), (0.0, (0.0, 0.0)));
        assert!(!same.is_significant());
    }

    #[test]
    fn mixed_articles_give_an_interval_around_the_difference() {
        let a: Vec<_> = (0..40)
            .map(|i| (if i % 2 == 0 { 9 } else { 4 }, 10, 10))
            .collect();
        let b: Vec<_> = (0..40)
            .map(|i| (if i % 2 == 0 { 5 } else { 6 }, 10, 10))
            .collect();
        let c = compare(&system("a", &a), &system("b", &b));
        assert!((c.difference - 0.1).abs() < 1e-12);
        assert!(c.ci95.0 < c.difference && c.difference < c.ci95.1);
        assert_eq!(c, compare(&system("a", &a), &system("b", &b)));
    }
}
