//! The speaker matcher: finds the cues and the possible speakers of a text.
//!
//! [`candidates`] adds the third layer of the pipeline over an article's text
//! (see `whosaid_core`): **cues**, the words that introduce an attribution
//! ("said", "has told", "according to", "his claim that"), and **mentions**,
//! the people, organizations and groups that may be speaking, as names
//! ("Sen. Ted Cruz"), nominals ("the State Department spokesman"), groups
//! ("Republican officials") and pronouns. It links nothing: the resolver
//! decides which mention said what.
//!
//! Both come from lexicons in `data/` compiled into the binary (see
//! `data/LEXICONS.md`): the cue lexicon was learned from PolNeAR train, whose
//! cues include beliefs, intentions and findings as well as speech. Each
//! token is looked up once in a hashed table of closed-class words and
//! lexicon first words; the two sorted pattern tables (cues; titles,
//! organizations and heads) are searched only at tokens where a phrase may
//! start and the few patterns that token begins do not settle the match
//! (see `lexicon::PhraseStarts`); then one pass over the tokens builds the
//! mentions. The buffers as
//! long as a text are kept per thread and reused from one text to the next.
//! `examples/matcher.rs` runs the matcher alone over a PolNeAR file (for
//! callgrind, or to diff the cues and mentions of two versions).
//!
//! Decisions the resolver can rely on:
//! - **Auxiliaries belong to the cue.** "has said", "had been told", "will
//!   say", "did not deny", "was quoted as saying" are one cue each (an adverb
//!   like "also" between them included), so a subject stands right before
//!   its cue. Past forms after have/be are [`whosaid_core::VerbForm::Participle`].
//! - **A colon is not a cue**, nor are prepositions ("in", "for") that
//!   PolNeAR sometimes marks: they are too common to be candidates.
//! - **Pronouns** include object and possessive forms ("him", "her", "his"),
//!   since PolNeAR marks "his" in "his claim that"; a possessive that opens a
//!   noun phrase ("his campaign") makes that phrase instead. "who" is always
//!   a mention; "which" and "that" only right before a verb cue.
//! - **Subjects outside the lexicons**: the noun phrase touching a verb cue
//!   ("the new ad claims", "said the 43-year-old.") is a mention when no
//!   lexicon found one there.
//! - Mentions of one kind never nest: "the Clinton campaign" is one
//!   organization, not also the name "Clinton".
//!
//! ```
//! use whosaid_core::{MentionKind, Segments};
//! let text = "State Department spokesman John Kirby said talks went on.";
//! let found = whosaid_speakers::candidates(text, &Segments::default());
//! assert_eq!(found.cues[0].lemma, "say");
//! let kirby = found.mentions[0];
//! assert_eq!(kirby.kind, MentionKind::Name);
//! assert_eq!(kirby.head.text(text), "John Kirby");
//! assert_eq!(kirby.span.text(text), "State Department spokesman John Kirby");
//! ```

mod cues;
mod lexicon;
mod mentions;
mod surnames;
mod text;

use std::cell::RefCell;

use whosaid_core::{Candidates, Segments, Token};

/// Finds the cues and speaker mentions of a segmented text.
///
/// Uses `segments.tokens` as word boundaries; when the caller passes no
/// tokens, the text is tokenized here the same way.
pub fn candidates(text: &str, segments: &Segments) -> Candidates {
    let own_tokens;
    let tokens = if segments.tokens.is_empty() && !text.is_empty() {
        own_tokens = text::tokenize(text);
        &own_tokens
    } else {
        &segments.tokens
    };
    let found = SCRATCH.try_with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => find(text, tokens, &mut scratch),
        Err(_) => find(text, tokens, &mut Scratch::default()),
    });
    found.unwrap_or_else(|_| find(text, tokens, &mut Scratch::default()))
}

fn find(text: &str, tokens: &[Token], scratch: &mut Scratch) -> Candidates {
    lexicon::word_infos_into(text, tokens, &mut scratch.infos, &mut scratch.starts);
    surnames::collect(
        text,
        tokens,
        &scratch.infos,
        &scratch.starts.names,
        &mut scratch.surnames,
    );
    let cues = cues::find(
        text,
        tokens,
        &scratch.infos,
        &scratch.starts.cues,
        &scratch.surnames,
    );
    let mentions = mentions::find(
        text,
        tokens,
        &scratch.infos,
        &cues,
        &scratch.surnames,
        &mut scratch.items,
    );
    Candidates { cues, mentions }
}

/// Buffers as long as a text, reused from one text to the next on a thread:
/// allocating them for every article cost a tenth of the matcher's time.
#[derive(Default)]
struct Scratch {
    infos: Vec<lexicon::WordInfo>,
    /// Where cues and full names may start.
    starts: lexicon::WordStarts,
    /// Hashes of the surnames of the text's full names, sorted.
    surnames: Vec<u64>,
    items: mentions::Items,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Whether `word` (any case) is a noun that names a time on its own ("last
/// *week*", "this *month*"). Such a mention may stand between a subject and
/// its cue ("X last *month* said"): the matcher keeps it as a mention, and
/// the resolver looks past it for the subject.
pub fn is_time_noun(word: &str) -> bool {
    TIME_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

const TIME_NOUNS: [&str; 8] = [
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "day",
    "afternoon",
];

#[cfg(test)]
mod tests {
    use whosaid_core::Segments;

    #[test]
    fn a_cue_with_its_auxiliary_has_the_precision_of_its_verb() {
        let text = "Kirby has also said the sky is blue. The photos show the sky.";
        let found = super::candidates(text, &Segments::default());
        let said = found.cues[0];
        assert_eq!(said.span.text(text), "has also said");
        assert!(said.precision > 0.5 && said.precision <= 1.0, "{said:?}");
        let show = found.cues[1];
        assert_eq!(show.span.text(text), "show");
        assert!(show.precision < said.precision, "{show:?}");
    }
}
