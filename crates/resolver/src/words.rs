//! Small word lists the sieves consult, kept as data files in `data/resolver/`
//! and compiled in, so that tuning them never means editing code.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// A small set of words, looked up often: a fast hash of the bytes, and the
/// lowercasing of a word done on the stack, so that a lookup never
/// allocates.
pub struct WordSet {
    words: FxHashSet<&'static [u8]>,
    /// The longest word's length: a longer word is not in the set.
    max_len: usize,
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> WordSet {
        let words: FxHashSet<&'static [u8]> = words.map(str::as_bytes).collect();
        let max_len = words.iter().map(|w| w.len()).max().unwrap_or(0);
        WordSet { words, max_len }
    }

    /// Whether `word` is in the set, exactly.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word.as_bytes())
    }

    /// Whether `word`, its ASCII letters lowercased, is in the set.
    pub fn contains_lowercase(&self, word: &str) -> bool {
        const STACK: usize = 32;
        let word = word.as_bytes();
        if word.len() > self.max_len {
            return false;
        }
        if word.len() > STACK {
            return self.words.contains(word.to_ascii_lowercase().as_slice());
        }
        let mut buffer = [0u8; STACK];
        let lowercase = &mut buffer[..word.len()];
        lowercase.copy_from_slice(word);
        lowercase.make_ascii_lowercase();
        self.words.contains(&*lowercase)
    }
}

fn parse(list: &'static str) -> WordSet {
    WordSet::new(
        list.lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|word| !word.is_empty()),
    )
}

/// Words allowed between a speaker and its cue ("Kirby *also* said").
pub static GAP: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/gap-words.txt")));

/// Words that may stand between a cue and its content as the verb's
/// addressee ("told *reporters* that").
pub static OBJECT: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/objects.txt")));

/// Sentence openers that are not part of a content ("*But* the deal is dead,
/// he said").
pub static LEADING: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/leading-words.txt")));

/// Whether `word` (any case) is in `set` (lowercase).
pub fn is_in(set: &WordSet, word: &str) -> bool {
    set.contains_lowercase(word)
}

/// Cue lemmas followed by an addressee before the content ("told reporters").
pub static ADDRESSEE_CUES: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/addressee-cues.txt")));

/// Cue lemmas that license reported speech (content without quotation marks),
/// learned from PolNeAR train by `scripts/learn_reported_cues.py`: "said" and
/// "argued" do, "made" and "states" mostly do not.
pub static REPORTED_SPEECH_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        include_str!("../../../data/resolver/reported-speech-cues.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split('\t').next())
            .filter(|lemma| !lemma.is_empty()),
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_fold_ascii_case_only_when_asked() {
        let set = WordSet::new(["also", "said", "über", "according to"].into_iter());
        assert!(set.contains("also"));
        assert!(!set.contains("Also"));
        assert!(set.contains_lowercase("ALSO"));
        assert!(set.contains_lowercase("According TO"));
        assert!(set.contains_lowercase("über"));
        // Only ASCII letters fold, as `str::to_ascii_lowercase` does.
        assert!(!set.contains_lowercase("Über"));
        assert!(!set.contains_lowercase("als"));
        assert!(!set.contains_lowercase("alsoo"));
        assert!(!set.contains_lowercase(""));
    }
}
