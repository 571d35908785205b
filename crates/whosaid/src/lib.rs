//! whosaid: who said what in news articles.
//!
//! This facade wires the stages together; each stage is its own crate.
pub use whosaid_core as core;

/// The resolver's cascade and its settings: [`resolver::SIEVES`] in order,
/// and [`resolver::Options`] for [`analyze_with`].
pub mod resolver {
    pub use whosaid_resolver::{Options, Sieve, SIEVES};
}

pub mod input;
pub mod output;

use std::cell::Cell;

use whosaid_core::{Attribution, Segments};

/// Runs the whole pipeline over one article's text: segments, candidates,
/// attributions, in text order.
pub fn analyze(text: &str) -> Vec<Attribution> {
    analyze_with(text, &resolver::Options::default())
}

/// [`analyze`] with the resolver's settings: some sieves switched off (to
/// measure what each earns), or every cue lemma allowed to report speech.
///
/// An article longer than [`MAX_PIECE_BYTES`] is analysed in pieces cut at
/// paragraph breaks (see [`pieces`]), its attributions' offsets still into
/// the whole text.
pub fn analyze_with(text: &str, options: &resolver::Options) -> Vec<Attribution> {
    if text.len() <= MAX_PIECE_BYTES {
        return analyze_piece(text, options);
    }
    let mut attributions = Vec::new();
    for (offset, piece) in pieces(text, MAX_PIECE_BYTES) {
        attributions.extend(analyze_piece(piece, options).into_iter().map(|mut a| {
            a.shift(offset);
            a
        }));
    }
    attributions
}

fn analyze_piece(text: &str, options: &resolver::Options) -> Vec<Attribution> {
    // The layers of the last piece analysed on this thread lend their memory
    // to this one's (a panic in a stage leaves the next piece fresh ones).
    let mut segments = SEGMENTS.take();
    whosaid_segmenter::segment_into(text, &mut segments);
    let candidates = whosaid_speakers::candidates(text, &segments);
    let attributions = whosaid_resolver::resolve_with(text, &segments, &candidates, options);
    SEGMENTS.set(segments);
    attributions
}

thread_local! {
    static SEGMENTS: Cell<Segments> = Cell::new(Segments::default());
}

/// The most text analysed at once. The stages' memory grows with the number
/// of tokens, up to about 115 bytes per byte of text made only of quotation
/// marks; cutting longer articles into pieces keeps a run's peak memory
/// bounded whatever it reads, and its time linear. News articles are a few
/// tens of kilobytes: only transcripts, pages scraped together and broken
/// input come near this, and for them an attribution (and a name's
/// coreference) does not reach across the cut.
pub const MAX_PIECE_BYTES: usize = 256 << 10;

/// Cuts `text` into pieces of at most `max` bytes (at least 4), each with its
/// offset: after the last paragraph break that fits, else the last line
/// break, else the last whitespace, else the last character boundary.
pub fn pieces(text: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let max = max.max(4);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        let cut = if rest.len() <= max {
            rest.len()
        } else {
            let mut limit = max;
            while !rest.is_char_boundary(limit) {
                limit -= 1;
            }
            let window = &rest[..limit];
            let after = |i: Option<usize>, len: usize| i.map(|i| i + len).filter(|&c| c > 0);
            after(window.rfind("\n\n"), 2)
                .or_else(|| after(window.rfind('\n'), 1))
                .or_else(|| after(window.rfind(char::is_whitespace), 1))
                .map(|cut| {
                    // A whitespace character may be longer than one byte.
                    let mut cut = cut;
                    while !window.is_char_boundary(cut) {
                        cut += 1;
                    }
                    cut
                })
                .unwrap_or(limit)
        };
        let piece = (start, &rest[..cut]);
        start += cut;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_in_order_at_breaks() {
        let text = "First para one.\n\nSecond para.\nThird line é words here";
        for max in [4, 5, 7, 16, 20, 33, 1000] {
            let pieces: Vec<_> = pieces(text, max).collect();
            let mut next = 0;
            for &(offset, piece) in &pieces {
                assert_eq!(offset, next, "max {max}");
                assert!(piece.len() <= max.max(4), "max {max}: {piece:?}");
                assert!(!piece.is_empty());
                next += piece.len();
            }
            assert_eq!(next, text.len());
        }
        let cut: Vec<_> = pieces(text, 20).map(|(_, p)| p).collect();
        assert_eq!(cut[0], "First para one.\n\n");
    }

    #[test]
    fn a_long_article_keeps_its_offsets() {
        let story = "\"We will build the bridge,\" Mayor Ana Ruiz said on Monday.\n\n";
        let text = story.repeat(MAX_PIECE_BYTES / story.len() + 3);
        let attributions = analyze(&text);
        assert!(attributions.len() > MAX_PIECE_BYTES / story.len());
        for a in &attributions {
            let mention = a.speaker_mention.expect("each quote has its speaker");
            assert_eq!(mention.text(&text), "Mayor Ana Ruiz");
            assert_eq!(a.content[0].text(&text), "\"We will build the bridge,\"");
        }
    }
}
