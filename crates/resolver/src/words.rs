//! Small word lists the sieves consult, kept as data files in `data/resolver/`
//! and compiled in, so that tuning them never means editing code.

use std::collections::HashSet;
use std::sync::LazyLock;

fn parse(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Words allowed between a speaker and its cue ("Kirby *also* said").
pub static GAP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/gap-words.txt")));

/// Words that may stand between a cue and its content as the verb's
/// addressee ("told *reporters* that").
pub static OBJECT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/objects.txt")));

/// Sentence openers that are not part of a content ("*But* the deal is dead,
/// he said").
pub static LEADING: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/leading-words.txt")));

/// Function words that never start or continue a bare role before a name
/// ("*as* Cruz said", "*which* Mozloom thinks").
pub static NOT_ROLE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/not-role-words.txt")));

/// Whether `word` (any case) is in `set` (lowercase).
pub fn is_in(set: &HashSet<&'static str>, word: &str) -> bool {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return set.contains(word);
    }
    set.contains(word.to_ascii_lowercase().as_str())
}

/// Cue lemmas followed by an addressee before the content ("told reporters").
pub static ADDRESSEE_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/addressee-cues.txt")));

/// Cue lemmas that license reported speech (content without quotation marks),
/// learned from PolNeAR train by `scripts/learn_reported_cues.py`: "said" and
/// "argued" do, "made" and "states" mostly do not.
pub static REPORTED_SPEECH_CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/resolver/reported-speech-cues.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .filter(|lemma| !lemma.is_empty())
        .collect()
});
