//! The whole analysis on arbitrary text (`whosaid::analyze`, then
//! `whosaid_core::Row::new` with both kinds of offsets): no panic, and every
//! row's offsets slice the text — in bounds, on char boundaries, the quote
//! text derivable from the spans and made of nothing but their characters —
//! with character offsets that name the same places as the byte offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid_core::row::quote_text;
use whosaid_core::{CharIndex, OffsetKind, Row, Span};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let attributions = whosaid::analyze(text);
    let index = CharIndex::new(text);
    // The character offset of every char boundary, and of the end.
    let char_at = |byte: usize| text[..byte].chars().count();

    let slices = |what: &str, start: usize, end: usize| {
        assert!(
            start <= end && text.get(start..end).is_some(),
            "{what} {start}..{end} does not slice a text of {} bytes",
            text.len()
        );
    };

    for (quote_id, attribution) in (1..).zip(&attributions) {
        assert!(
            !attribution.content.is_empty(),
            "an attribution with no content"
        );
        let bytes = Row::new(
            "fuzz",
            text,
            quote_id,
            attribution,
            &index,
            OffsetKind::Bytes,
        );
        let chars = Row::new(
            "fuzz",
            text,
            quote_id,
            attribution,
            &index,
            OffsetKind::Chars,
        );

        slices("quote", bytes.quote_start, bytes.quote_end);
        let spans: Vec<Span> = bytes
            .quote_spans
            .split(';')
            .map(|piece| {
                let (start, end) = piece.split_once('-').expect("quote_spans is start-end;…");
                let span = Span::new(
                    start.parse().expect("a byte offset"),
                    end.parse().expect("a byte offset"),
                );
                slices("quote fragment", span.start, span.end);
                span
            })
            .collect();
        assert_eq!(
            spans, attribution.content,
            "quote_spans are the content's spans"
        );
        for pair in spans.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "fragments out of order: {pair:?}"
            );
        }
        assert_eq!(
            bytes.quote,
            quote_text(text, &spans),
            "the quote is its fragments' text"
        );

        if let (Some(start), Some(end)) = (bytes.speaker_start, bytes.speaker_end) {
            slices("speaker mention", start, end);
        }
        if let (Some(start), Some(end)) = (bytes.cue_start, bytes.cue_end) {
            slices("cue", start, end);
        }

        assert_eq!(chars.quote_start, char_at(bytes.quote_start));
        assert_eq!(chars.quote_end, char_at(bytes.quote_end));
        assert_eq!(chars.speaker_start, bytes.speaker_start.map(char_at));
        assert_eq!(chars.speaker_end, bytes.speaker_end.map(char_at));
        assert_eq!(chars.cue_start, bytes.cue_start.map(char_at));
        assert_eq!(chars.cue_end, bytes.cue_end.map(char_at));
        assert_eq!(chars.quote, bytes.quote);
        assert!(
            (0.0..=1.0).contains(&chars.confidence),
            "confidence {}",
            chars.confidence
        );
    }
});
