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
//! cues include beliefs, intentions and findings as well as speech. Matching
//! is one aho-corasick pass over the text for cues, one for titles and
//! organization words, then one pass over the tokens.
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
mod text;

use whosaid_core::{Candidates, Segments};

pub use lexicon::CueEntry;

/// Finds the cues and speaker mentions of a segmented text.
///
/// Uses `segments.tokens` as word boundaries; when the caller passes no
/// tokens, the text is tokenized here the same way.
pub fn candidates(text: &str, segments: &Segments) -> Candidates {
    let cues = cues::find(text);
    let own_tokens;
    let tokens = if segments.tokens.is_empty() && !text.is_empty() {
        own_tokens = text::tokenize(text);
        &own_tokens
    } else {
        &segments.tokens
    };
    let mentions = mentions::find(text, tokens, &cues);
    Candidates { cues, mentions }
}

/// The lexicon entry of a cue form (any case; "said", "according to"), with
/// its precision on PolNeAR train: the share of the form's occurrences there
/// that lie inside a gold cue. A resolver may trust a rare, imprecise cue
/// ("see", "show") less than "said".
pub fn cue_entry(form: &str) -> Option<&'static CueEntry> {
    let lexicon = lexicon::cues();
    let input = aho_corasick::Input::new(form).anchored(aho_corasick::Anchored::Yes);
    let m = lexicon.automaton.try_find(input).ok()??;
    if m.end() != form.len() {
        return None;
    }
    lexicon.entries.get(m.pattern().as_usize())
}
