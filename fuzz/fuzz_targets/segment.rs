//! The segmenter on arbitrary text: no panic, and every layer keeps the
//! contract of `whosaid_core::Segments` — spans in bounds and on char
//! boundaries; paragraphs, sentences and tokens in text order and never
//! overlapping; every sentence inside one paragraph; every quote's pieces in
//! order and non-empty in number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid_core::Span;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let segments = whosaid_segmenter::segment(&text);

    let check = |what: &str, span: Span| {
        assert!(
            span.start <= span.end && text.get(span.start..span.end).is_some(),
            "{what} {span:?} does not slice a text of {} bytes",
            text.len()
        );
    };
    let in_order = |what: &str, spans: &[Span]| {
        for pair in spans.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "{what} overlap or are out of order: {pair:?}"
            );
        }
    };

    for &paragraph in &segments.paragraphs {
        check("paragraph", paragraph);
    }
    in_order("paragraphs", &segments.paragraphs);

    for &sentence in &segments.sentences {
        check("sentence", sentence);
        assert!(
            segments
                .paragraphs
                .iter()
                .any(|p| p.start <= sentence.start && sentence.end <= p.end),
            "sentence {sentence:?} is inside no paragraph"
        );
    }
    in_order("sentences", &segments.sentences);

    let tokens: Vec<Span> = segments.tokens.iter().map(|t| t.span).collect();
    for &token in &tokens {
        check("token", token);
        assert!(token.start < token.end, "empty token {token:?}");
    }
    in_order("tokens", &tokens);

    for quote in &segments.quotes {
        assert!(
            !quote.pieces.is_empty(),
            "a quote without pieces: {quote:?}"
        );
        for &piece in &quote.pieces {
            check("quote piece", piece);
        }
        in_order("a quote's pieces", &quote.pieces);
    }
});
