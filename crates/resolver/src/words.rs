//! Small word lists the sieves consult, kept as data files in `data/resolver/`
//! and compiled in, so that tuning them never means editing code.

use std::sync::LazyLock;

/// A small set of words, looked up often: a hash table keyed on a word's
/// length and its first and last letters, so that a lookup is a few
/// instructions, lowercases in place, and never allocates.
pub struct WordSet {
    /// The words, grouped by bucket.
    words: Vec<&'static [u8]>,
    /// Where each bucket's words start in `words`, and where the last ends.
    starts: Vec<usize>,
}

/// How many buckets a set has: a few times more than the largest list
/// has words, so that most buckets hold one word or none.
const BUCKETS: usize = 1024;

/// The bucket of a word of `len` bytes from `first` to `last`.
fn bucket(len: usize, first: u8, last: u8) -> usize {
    let key = (len as u32) << 16 | u32::from(first) << 8 | u32::from(last);
    // Fibonacci hashing: the top bits of the product mix every key bit.
    (key.wrapping_mul(0x9E37_79B9) >> (32 - BUCKETS.trailing_zeros())) as usize
}

fn bucket_of(word: &[u8], fold: fn(u8) -> u8) -> usize {
    let first = word.first().map_or(0, |&b| fold(b));
    let last = word.last().map_or(0, |&b| fold(b));
    bucket(word.len(), first, last)
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> WordSet {
        let mut words: Vec<(usize, &'static [u8])> = words
            .map(|w| (bucket_of(w.as_bytes(), |b| b), w.as_bytes()))
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut starts = Vec::with_capacity(BUCKETS + 1);
        for b in 0..=BUCKETS {
            starts.push(words.partition_point(|&(wb, _)| wb < b));
        }
        WordSet {
            words: words.into_iter().map(|(_, w)| w).collect(),
            starts,
        }
    }

    /// The words in bucket `b`.
    fn bucket(&self, b: usize) -> &[&'static [u8]] {
        &self.words[self.starts[b]..self.starts[b + 1]]
    }

    /// Whether `word` is in the set, exactly.
    pub fn contains(&self, word: &str) -> bool {
        let word = word.as_bytes();
        self.bucket(bucket_of(word, |b| b)).contains(&word)
    }

    /// Whether `word`, its ASCII letters lowercased, is in the set.
    pub fn contains_lowercase(&self, word: &str) -> bool {
        let word = word.as_bytes();
        self.bucket(bucket_of(word, |b| b.to_ascii_lowercase()))
            .iter()
            .any(|w| {
                w.len() == word.len()
                    && w.iter()
                        .zip(word)
                        .all(|(&a, &b)| a == b.to_ascii_lowercase())
            })
    }
}

fn parse(list: &'static str) -> WordSet {
    WordSet::new(
        list.lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|word| !word.is_empty()),
    )
}

/// Finite auxiliaries and modals, lowercase, negated forms too: a word
/// that opens a finite predicate (a new clause after a subject, the main
/// verb after an infinitive).
pub const FINITE_AUXILIARIES: [&str; 23] = [
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "does", "did", "do", "isn't", "wasn't", "won't", "didn't", "doesn't",
];

/// The names of the weekdays, capitalized: a time after a cue, whether it
/// ends an object ("in *Monday*'s debate") or stands between a closing
/// frame and its adjunct ("X said *Tuesday* in Paris").
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

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

/// Function words that never start or continue a bare role before a name
/// ("*as* Cruz said", "*which* Mozloom thinks").
pub static NOT_ROLE: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/not-role-words.txt")));

/// Articles and possessive determiners: a mention that is only one of them
/// before a cue makes the cue a noun ("*his* call for", "*a* planned trip").
pub static DETERMINERS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/determiners.txt")));

/// Words in "-ly" that are no adverb ("family", "assembly").
pub static NOT_LY_ADVERBS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/not-ly-adverbs.txt")));

/// Whether `word` is a lowercase adverb in "-ly" ("wrongly",
/// "overwhelmingly"): one may stand between a speaker and its cue as the
/// listed gap words do, though no list could hold them all. Shorter words
/// ("ally", "rally") and the listed nouns are left out, as they may end
/// the speaker's phrase.
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() >= 6
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !is_in(&NOT_LY_ADVERBS, word)
}

/// Whether `word` may stand between a speaker and its cue: a listed gap
/// word or an adverb in "-ly".
pub fn is_gap(word: &str) -> bool {
    is_in(&GAP, word) || is_ly_adverb(word)
}

/// Whether `word` (any case) is in `set` (lowercase).
pub fn is_in(set: &WordSet, word: &str) -> bool {
    set.contains_lowercase(word)
}

/// Cue lemmas followed by an addressee before the content ("told reporters").
pub static ADDRESSEE_CUES: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/addressee-cues.txt")));

/// Cue lemmas that frame a clause as an impression with no source ("Cruz
/// seemed lost", "Trump reportedly plans…").
pub static HEDGE_CUES: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/hedge-cues.txt")));

/// Cue lemmas whose participle after "be" is the subject's own state ("X is
/// worried that"), not a passive with an unnamed source ("X is expected to").
pub static ADJECTIVAL_PARTICIPLES: LazyLock<WordSet> = LazyLock::new(|| {
    parse(include_str!(
        "../../../data/resolver/adjectival-participles.txt"
    ))
});

/// Words after "appear" that make it a verb of showing up ("appeared *on*
/// Fox News"), not of impression.
pub static PLACE_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/place-words.txt")));

/// Words that open a clause inside a sentence ("…, *but* Cruz seemed lost").
pub static CLAUSE_OPENERS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/clause-openers.txt")));

/// Conjunctions after a comma that end a reported clause: "X said C, *while*
/// Y…" (PolNeAR's content stops at the comma).
pub static CONTRASTS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/contrasts.txt")));

/// Conjunctions that open a subordinate clause before the main one: "*If*
/// X wins C, Y will…".
pub static SUBORDINATORS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/subordinators.txt")));

/// Pronouns that open a new clause after ", and": "X said C, and *he*…".
pub static SUBJECT_PRONOUNS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/subject-pronouns.txt")));

/// Cue lemmas whose passive frames content with no source ("is expected
/// to", "was asked whether"), learned from PolNeAR train by
/// `scripts/learn_reported_cues.py --sieve no_source`.
pub static SOURCELESS_PASSIVE_CUES: LazyLock<WordSet> =
    LazyLock::new(|| learned(include_str!("../../../data/resolver/sourceless-cues.tsv")));

/// Cue lemmas whose subject may be a phrase that is no known mention ("7
/// percent said", "those surveyed say"), learned from PolNeAR train by
/// `scripts/learn_reported_cues.py --sieve phrase_cue_content`.
pub static PHRASE_SUBJECT_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    learned(include_str!(
        "../../../data/resolver/phrase-subject-cues.tsv"
    ))
});

/// Cue lemmas that license reported speech (content without quotation marks),
/// learned from PolNeAR train by `scripts/learn_reported_cues.py`: "said" and
/// "argued" do, "made" and "states" mostly do not.
pub static REPORTED_SPEECH_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    learned(include_str!(
        "../../../data/resolver/reported-speech-cues.tsv"
    ))
});

/// Word forms of licensed lemmas that are seldom a verb of saying in
/// reported speech ("known", "questions", "remarks"), learned from PolNeAR
/// train by `scripts/learn_reported_cues.py --blocked-forms`.
pub static BLOCKED_CUE_FORMS: LazyLock<WordSet> =
    LazyLock::new(|| learned(include_str!("../../../data/resolver/blocked-cue-forms.tsv")));

/// Cue forms ("stated", "is looking") whose lemma does not license reported
/// speech but which themselves were right often enough on PolNeAR train,
/// learned by `scripts/learn_reported_cues.py --licensed-forms`.
pub static LICENSED_CUE_FORMS: LazyLock<WordSet> = LazyLock::new(|| {
    learned(include_str!(
        "../../../data/resolver/licensed-cue-forms.tsv"
    ))
});

/// Cue lemmas whose noun-phrase object PolNeAR ends before an adjunct
/// ("endorsed *Trump* last week"), learned on PolNeAR train
/// (`scripts/learn_object_cues.py`).
pub static OBJECT_CUES: LazyLock<WordSet> =
    LazyLock::new(|| learned(include_str!("../../../data/resolver/object-cues.tsv")));

/// Words that end a noun-phrase object and open an adjunct after it ("X
/// defended his record *on* Fox News", "X endorsed Trump *last* week").
pub static OBJECT_ENDERS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/object-enders.txt")));

/// Words that show a content is a clause, not a noun-phrase object:
/// auxiliaries, subject pronouns, complementizers, "to" and wh-words ("said
/// *the plan is* dead", "vowed *to* fight", "asked *whether*").
pub static CLAUSE_SIGNALS: LazyLock<WordSet> =
    LazyLock::new(|| parse(include_str!("../../../data/resolver/clause-signals.txt")));

/// Cue forms after which unquoted content shorter than the sieves' usual
/// minimums ("denied the report") was right often enough on PolNeAR train,
/// learned by `scripts/learn_reported_cues.py --short-content`.
pub static SHORT_CONTENT_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    learned(include_str!(
        "../../../data/resolver/short-content-cues.tsv"
    ))
});

/// The lemmas of a learned list: the first column of each line.
fn learned(list: &'static str) -> WordSet {
    WordSet::new(
        list.lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split('\t').next())
            .filter(|lemma| !lemma.is_empty()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_fold_ascii_case_only_when_asked() {
        let set = WordSet::new(["also", "said", "über", "according to", "o"].into_iter());
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
        assert!(set.contains_lowercase("O"));
        assert!(!set.contains_lowercase("oo"));
    }
}
