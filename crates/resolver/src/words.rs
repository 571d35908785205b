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

/// Cue lemmas that frame a clause as an impression with no source ("Cruz
/// seemed lost", "Trump reportedly plans…").
pub static HEDGE_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/hedge-cues.txt")));

/// Cue lemmas whose participle after "be" is the subject's own state ("X is
/// worried that"), not a passive with an unnamed source ("X is expected to").
pub static ADJECTIVAL_PARTICIPLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    parse(include_str!(
        "../../../data/resolver/adjectival-participles.txt"
    ))
});

/// Words after "appear" that make it a verb of showing up ("appeared *on*
/// Fox News"), not of impression.
pub static PLACE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/place-words.txt")));

/// Words that open a clause inside a sentence ("…, *but* Cruz seemed lost").
pub static CLAUSE_OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/clause-openers.txt")));

/// Cue lemmas whose passive frames content with no source ("is expected
/// to", "was asked whether"), learned from PolNeAR train by
/// `scripts/learn_reported_cues.py --sieve no_source`.
pub static SOURCELESS_PASSIVE_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| learned(include_str!("../../../data/resolver/sourceless-cues.tsv")));

/// Cue lemmas that license reported speech (content without quotation marks),
/// learned from PolNeAR train by `scripts/learn_reported_cues.py`: "said" and
/// "argued" do, "made" and "states" mostly do not.
pub static REPORTED_SPEECH_CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    learned(include_str!(
        "../../../data/resolver/reported-speech-cues.tsv"
    ))
});

/// The lemmas of a learned list: the first column of each line.
fn learned(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .filter(|lemma| !lemma.is_empty())
        .collect()
}
