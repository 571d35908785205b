//! Properties of `segment` on arbitrary text: no panic, every span in bounds
//! and on char boundaries, layers sorted and non-overlapping as documented,
//! and linear time on pathological inputs.

use proptest::prelude::*;
use whosaid_core::{Segments, Span};
use whosaid_segmenter::segment;

fn check_span(text: &str, span: Span) {
    assert!(
        span.start < span.end && span.end <= text.len(),
        "{span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} off a char boundary"
    );
}

fn check_sorted_disjoint(spans: impl IntoIterator<Item = Span>) {
    let spans: Vec<Span> = spans.into_iter().collect();
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{:?} and {:?} overlap or are out of order",
            pair[0],
            pair[1]
        );
    }
}

fn check(text: &str, segments: &Segments) {
    let Segments {
        paragraphs,
        sentences,
        tokens,
        quotes,
    } = segments;
    let in_paragraph = |span: Span| {
        let i = paragraphs.partition_point(|p| p.end < span.end);
        paragraphs.get(i).is_some_and(|p| p.contains(span))
    };
    for &p in paragraphs {
        check_span(text, p);
    }
    check_sorted_disjoint(paragraphs.iter().copied());
    for &s in sentences {
        check_span(text, s);
        assert!(in_paragraph(s), "sentence {s:?} crosses paragraphs");
    }
    check_sorted_disjoint(sentences.iter().copied());
    for t in tokens {
        check_span(text, t.span);
        assert!(in_paragraph(t.span), "token {t:?} outside the paragraphs");
    }
    check_sorted_disjoint(tokens.iter().map(|t| t.span));
    for pair in quotes.windows(2) {
        assert!(
            pair[0].span().start < pair[1].span().start,
            "quotes out of order"
        );
    }
    check_sorted_disjoint(quotes.iter().filter(|q| q.depth == 0).map(|q| q.span()));
    // The latest quote seen at each depth.
    let mut latest: Vec<Span> = Vec::new();
    for q in quotes {
        assert!(!q.pieces.is_empty());
        for &piece in &q.pieces {
            check_span(text, piece);
            assert!(
                in_paragraph(piece),
                "quote piece {piece:?} crosses paragraphs"
            );
        }
        check_sorted_disjoint(q.pieces.iter().copied());
        let depth = q.depth as usize;
        if depth > 0 {
            let parent = latest
                .get(depth - 1)
                .expect("a nested quote follows its parent");
            assert!(
                parent.contains(q.span()),
                "nested quote {q:?} outside {parent:?}"
            );
        }
        latest.truncate(depth);
        latest.push(q.span());
    }
}

/// Text from an alphabet heavy in quotation marks, apostrophes, periods and
/// line breaks.
fn quote_heavy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "'",
        "''",
        "“",
        "”",
        "‘",
        "’",
        "„",
        "«",
        "»",
        "‚",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\u{a0}",
        "\u{200b}",
        ".",
        "?",
        "!",
        ",",
        "-",
        "a",
        "b",
        "I",
        "Mr.",
        "U.S.",
        "J.",
        "9",
        "said",
        "<t a=\"x\">",
        "é",
        "日本",
        "\u{301}",
        "\u{2029}",
        "…",
        "—",
        "(",
        ")",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn quote_heavy_text(text in quote_heavy()) {
        check(&text, &segment(&text));
    }

    #[test]
    fn any_text(text in any::<String>()) {
        check(&text, &segment(&text));
    }
}

#[test]
fn fixed_examples() {
    for text in [
        "",
        "\"",
        "''",
        "'''",
        "“",
        "” Yes,” he said.\n\n“More.\n\n“Even more,” she said.",
        "He said \"no. One. Two. Three. Four. With a \"nested\" one. Five.",
        "He said “a. b. c. d. e “f. g. h. i” j. k.",
    ] {
        check(text, &segment(text));
    }
}

/// Pathological inputs of 256 KiB each: a quadratic step would not finish.
#[test]
fn linear_on_pathological_inputs() {
    const SIZE: usize = 1 << 18;
    for unit in [
        "\"", "'", "’", "“", "”", "‘", "a", ".", "U.S.", "Mr. ", "\"a", "'a", " 'em", "<a", "\"\n",
        "a. ", "\u{a0}", "“‘",
    ] {
        let text = unit.repeat(SIZE / unit.len());
        let segments = segment(&text);
        check(&text, &segments);
    }
}
