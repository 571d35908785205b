//! The attribution resolver: who said what.
//!
//! It takes the layers of the earlier stages (the segmenter's sentences,
//! tokens and quotations; the speaker matcher's cues and mentions) and links
//! content to its cue and speaker with an ordered cascade of named sieves, in
//! the manner of Stanford CoreNLP's quote attribution: each sieve is a
//! high-precision rule for one construction, runs in a fixed order, claims
//! only content nobody claimed before it, and writes its name into every
//! attribution it makes. Then the article's entity registry gives each
//! speaker its canonical name ("John Kirby" for "he", "Kirby" and "the US
//! spokesman").
//!
//! ```
//! let text = "\"We will not back down,\" Mayor Ana Ruiz said on Monday.";
//! let segments = whosaid_segmenter::segment(text);
//! let candidates = whosaid_speakers::candidates(text, &segments);
//! let attributions = whosaid_resolver::resolve(text, &segments, &candidates);
//! # let _ = attributions;
//! ```

mod bounds;
mod claims;
mod doc;
mod entities;
mod sieves;
mod words;

use std::cell::Cell;

use whosaid_core::{Attribution, Candidates, QuoteHint, QuoteKind, Segments, Span};

pub use sieves::{Sieve, SIEVES};

use claims::Claims;
use doc::{Doc, DocBuffers};
use entities::Registry;

/// Settings for [`resolve_with`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Names of sieves to leave out, to measure what each one earns.
    pub disabled: Vec<String>,
    /// Let every cue lemma introduce reported speech, not only those learned
    /// from PolNeAR train: the run that relearns the list needs this.
    pub all_reported_cues: bool,
    /// Let every cue introduce unquoted content shorter than the sieves'
    /// minimums, not only those learned from PolNeAR train: the run that
    /// relearns data/resolver/short-content-cues.tsv needs this.
    pub all_short_content: bool,
    /// End the content of every cue at its noun-phrase object, not only of
    /// the cues learned from PolNeAR train: the run that relearns
    /// data/resolver/object-cues.tsv needs this.
    pub all_object_cues: bool,
}

/// Attributes the content of a text to its speakers, in text order.
pub fn resolve(text: &str, segments: &Segments, candidates: &Candidates) -> Vec<Attribution> {
    resolve_with(text, segments, candidates, &Options::default())
}

/// [`resolve`], with some sieves switched off.
pub fn resolve_with(
    text: &str,
    segments: &Segments,
    candidates: &Candidates,
    options: &Options,
) -> Vec<Attribution> {
    let doc = Doc::with_buffers(text, segments, candidates, options, DOC_BUFFERS.take());
    let mut claims = Claims::new(candidates.cues.len());
    for sieve in SIEVES {
        if !options.disabled.iter().any(|name| name == sieve.name) {
            sieve.run(&doc, &mut claims);
        }
    }
    claims.absorb_embedded(text, |m| candidates.mentions[m].span);
    let drafts = claims.into_sorted();
    let registry = Registry::build(text, &candidates.mentions);
    let speakers = registry.speakers(text, &candidates.mentions, &drafts);
    let attributions = drafts
        .into_iter()
        .zip(speakers)
        .map(|(draft, speaker)| Attribution {
            kind: kind_of(&doc, &draft.content),
            speaker_mention: draft
                .source
                .map(|m| candidates.mentions[m].span)
                .or(draft.source_phrase),
            speaker: speaker.canonical,
            speaker_type: speaker.kind,
            cue: draft.cue.map(|c| candidates.cues[c].span),
            sieve: draft.sieve,
            confidence: sieves::confidence_of(draft.sieve),
            content: draft.content,
        })
        .collect();
    DOC_BUFFERS.set(doc.into_buffers());
    attributions
}

thread_local! {
    /// The tables of the last text resolved on this thread, whose memory the
    /// next text's [`Doc`] reuses (a panic leaves the next one fresh tables).
    static DOC_BUFFERS: Cell<DocBuffers> = Cell::new(DocBuffers::default());
}

/// Direct when every word of the content is inside quotation marks, mixed
/// when some are, indirect when none are (quoted names and titles do not
/// count).
fn kind_of(doc: &Doc, content: &[Span]) -> QuoteKind {
    let mut quoted = false;
    let mut unquoted = false;
    for &fragment in content {
        let mut at = fragment.start;
        for q in doc.quotes_in(fragment) {
            let quote = doc.quote(q);
            if quote.hint == QuoteHint::Title {
                continue;
            }
            let span = quote.span();
            unquoted |= has_word(doc.text, Span::new(at, span.start.max(at)));
            quoted = true;
            at = at.max(span.end);
        }
        unquoted |= has_word(doc.text, Span::new(at, fragment.end.max(at)));
    }
    match (quoted, unquoted) {
        (true, false) => QuoteKind::Direct,
        (true, true) => QuoteKind::Mixed,
        _ => QuoteKind::Indirect,
    }
}

fn has_word(text: &str, span: Span) -> bool {
    span.text(text).chars().any(char::is_alphanumeric)
}
