//! Properties of the whole pipeline, on generated news-like text and on
//! arbitrary strings: `whosaid::analyze` and the rows `whosaid_core::Row::new`
//! makes of its attributions, with character and with byte offsets, and the
//! `whosaid` binary over a corpus.
//!
//! - every offset (content fragments, speaker mention, cue) slices the text:
//!   in bounds, on character boundaries, start ≤ end, fragments in order and
//!   not overlapping;
//! - a row's `quote` is its fragments' text as csv-format.md defines it,
//!   recomputed here on its own from the byte spans;
//! - a row's character offsets name the same places as its byte offsets;
//! - the binary writes the same rows for an article alone or inside a corpus,
//!   and the same bytes for one thread or two;
//! - no panic, and no case takes long.
//!
//! The generated articles are assembled from invented names, titles, cue
//! verbs and quotation marks of every style, with the characters that trip up
//! offsets and splitters: CRLF, NBSP, zero-width and bidi controls, combining
//! accents, emoji and other multi-byte characters.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::select;
use whosaid_core::{Attribution, CharIndex, OffsetKind, Row, Span};

// ---------------------------------------------------------------------------
// Generated news-like text.

const FIRST_NAMES: &[&str] = &[
    "John",
    "Maria",
    "Zoë",
    "José",
    "Łukasz",
    "Aiko",
    "Chidi",
    "Siobhán",
    "Thảo",
    "Ana-Lucía",
    "Jean-Pierre",
    "Olu",
];

const LAST_NAMES: &[&str] = &[
    "Kirby",
    "Varga",
    "O'Brien",
    "O’Neill",
    "Müller",
    "Dupont",
    "van der Berg",
    "Østergaard",
    "Smith-Jones",
    "Nakamura",
    "al-Hassan",
    "Ngozi",
];

const TITLES: &[&str] = &[
    "Mr. ",
    "Ms. ",
    "Dr. ",
    "Sen. ",
    "Prime Minister ",
    "Foreign Minister ",
    "spokeswoman ",
    "State Department spokesman ",
    "U.S. envoy ",
    "Gen. ",
];

/// Speakers written without a proper name.
const DESCRIPTIONS: &[&str] = &[
    "he",
    "she",
    "they",
    "He",
    "a spokesman for the ministry",
    "the minister",
    "officials",
    "the State Department",
    "Reuters",
    "the company",
    "two senior diplomats",
    "the mayor’s office",
];

const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "says",
    "told Reuters",
    "was quoted as saying",
    "said on Tuesday",
    "wrote",
];

/// Opening and closing marks, including mismatched and missing closers.
const MARKS: &[(&str, &str)] = &[
    ("\"", "\""),
    ("“", "”"),
    ("‘", "’"),
    ("''", "''"),
    ("«", "»"),
    ("« ", " »"),
    ("'", "'"),
    ("„", "“"),
    ("‹", "›"),
    ("”", "”"),
    ("“", "\""),
    ("“", ""),
    ("", "”"),
    ("``", "''"),
];

const WORDS: &[&str] = &[
    "we",
    "will",
    "not",
    "back",
    "down",
    "don't",
    "it's",
    "Jones'",
    "rock 'n' roll",
    "'90s",
    "the",
    "talks",
    "were",
    "productive",
    "U.S.",
    "3.5%",
    "café",
    "naïve",
    "日本",
    "Ελλάδα",
    "😀",
    "👩‍👩‍👧",
    "🇺🇸",
    "e\u{301}",
    "—",
    "…",
    "a",
    "very",
    "good",
    "deal",
    "$5",
    "€10",
    "said",
    "“moderate”",
    "(AP)",
    "Mr.",
    "No.",
];

/// What goes between two words of a quote or a narrative sentence.
const WORD_GAPS: &[&str] = &[
    " ",
    " ",
    " ",
    " ",
    ", ",
    "\u{a0}",
    "\u{200b} ",
    " \u{200e}",
    "\u{202e}",
    " \u{2066}",
    "\u{2069} ",
    "\u{feff}",
    "\n",
    "\r\n",
    ": ",
    "  ",
    "\u{2009}",
];

/// What goes between two sentences.
const SENTENCE_GAPS: &[&str] = &[
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    " \u{a0}",
    "\n \n",
    "\u{2029}",
    "\u{200b} ",
    "\u{200f}\n",
];

const DATELINES: &[&str] = &[
    "",
    "",
    "WASHINGTON (Reuters) — ",
    "\u{feff}",
    "ZÜRICH, March 3 – ",
    "By Maria Varga\n\n",
];

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec((select(WORDS), select(WORD_GAPS)), 1..8).prop_map(|words| {
        let mut out = String::new();
        for (i, (word, gap)) in words.iter().enumerate() {
            if i > 0 {
                out.push_str(gap);
            }
            out.push_str(word);
        }
        out
    })
}

/// A speaker as an article writes it: a name with or without title, a last
/// name, a pronoun or a description.
fn speaker() -> impl Strategy<Value = String> {
    (
        0..4u8,
        select(TITLES),
        select(FIRST_NAMES),
        select(LAST_NAMES),
        select(DESCRIPTIONS),
    )
        .prop_map(|(form, title, first, last, description)| match form {
            0 => format!("{title}{first} {last}"),
            1 => format!("{first} {last}"),
            2 => last.to_string(),
            _ => description.to_string(),
        })
}

/// One sentence (or two, for continued quotes) of a news story.
fn sentence() -> impl Strategy<Value = String> {
    (
        0..14u8,
        speaker(),
        select(CUES),
        select(MARKS),
        words(),
        words(),
        select(&[".", ".", "!", "?", ""][..]),
    )
        .prop_map(|(template, who, cue, (open, close), said, more, end)| {
            match template {
                0 => format!("{open}{said},{close} {who} {cue}{end}"),
                1 => format!("{open}{said},{close} {cue} {who}{end}"),
                2 => format!("{who} {cue}: {open}{said}{end}{close}"),
                3 => format!("{open}{said},{close} {who} said. {open}{more}{end}{close}"),
                4 => format!("{open}{said},{close} {who} said, {open}{more}{end}{close}"),
                5 => format!("{who} said {said}{end}"),
                6 => format!("According to {who}, {said}{end}"),
                7 => format!("{who} said the plan was {open}{said}{close}{end}"),
                8 => format!("{open}{said}{close}"),
                9 => format!("{who}, {more}, {cue} {open}{said}{end}{close}"),
                10 => format!("{open}{said}{end}{close} — {who}"),
                // A quote inside a quote.
                11 => format!("“{said}, ‘{more}{end}’ ” {who} {cue}."),
                // A quote running over two paragraphs: the first has no closer.
                12 => format!("{open}{said}.\n\n{open}{more},{close} {who} {cue}."),
                _ => format!("{said}{end}"),
            }
        })
}

/// A short news article: a dateline, then sentences with gaps of every kind.
fn article() -> impl Strategy<Value = String> {
    (
        select(DATELINES),
        prop::collection::vec((sentence(), select(SENTENCE_GAPS)), 1..10),
    )
        .prop_map(|(dateline, sentences)| {
            let mut out = dateline.to_string();
            for (sentence, gap) in sentences {
                out.push_str(&sentence);
                out.push_str(gap);
            }
            out
        })
}

/// The pieces of news text thrown together without any structure.
fn news_soup() -> impl Strategy<Value = String> {
    let mut pieces: Vec<&str> = Vec::new();
    for (open, close) in MARKS {
        pieces.push(open);
        pieces.push(close);
    }
    for list in [
        WORDS,
        WORD_GAPS,
        SENTENCE_GAPS,
        CUES,
        DESCRIPTIONS,
        TITLES,
        LAST_NAMES,
    ] {
        pieces.extend_from_slice(list);
    }
    pieces.extend([".", ",", "According to", "\r", "\u{85}", "\u{2028}"]);
    prop::collection::vec(select(pieces), 0..60).prop_map(|pieces| pieces.concat())
}

/// Any text: news-like, news soup or any string at all.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => article(),
        1 => news_soup(),
        1 => any::<String>(),
    ]
}

// ---------------------------------------------------------------------------
// The checks.

/// How long one small text may take in a debug build, on a busy machine:
/// orders of magnitude more than it needs, so only a blow-up fails.
const TIME_LIMIT: Duration = Duration::from_secs(5);

fn analyze_in_time(text: &str) -> Vec<Attribution> {
    let started = Instant::now();
    let attributions = whosaid::analyze(text);
    let took = started.elapsed();
    assert!(
        took < TIME_LIMIT,
        "analyze took {took:?} for {} bytes",
        text.len()
    );
    attributions
}

/// Checks that `start..end` slices `text`.
fn check_slice(text: &str, what: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} out of bounds of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} off a char boundary: {:?}",
        text.get(start.saturating_sub(4)..(end + 4).min(text.len()))
    );
}

/// The `start-end;start-end` of a row's quote_spans.
fn parse_spans(quote_spans: &str) -> Vec<Span> {
    quote_spans
        .split(';')
        .map(|piece| {
            let (start, end) = piece
                .split_once('-')
                .unwrap_or_else(|| panic!("quote_spans {quote_spans:?} is not start-end;…"));
            let offset = |s: &str| {
                s.parse()
                    .unwrap_or_else(|_| panic!("quote_spans {quote_spans:?}: {s:?} is no offset"))
            };
            Span::new(offset(start), offset(end))
        })
        .collect()
}

/// Quotation marks, as the segmenter knows them, and the other members of
/// their families.
fn is_double_mark(c: char) -> bool {
    "\"“”„‟«»".contains(c)
}

fn is_single_mark(c: char) -> bool {
    "'‘’‚‛‹›".contains(c)
}

/// csv-format.md's `quote`, written from its words: "the fragments' text,
/// enclosing quotation marks left out, joined by one space, every whitespace
/// run folded to one space". A single mark closes a fragment only if one
/// opened it (or as half of `''`): otherwise it is an apostrophe (`Jones'`).
fn expected_quote(text: &str, fragments: &[Span]) -> String {
    let pieces: Vec<String> = fragments
        .iter()
        .map(|fragment| {
            let mut chars: Vec<char> = text[fragment.range()].chars().collect();
            let opened_single = {
                let first = chars.iter().position(|c| !c.is_whitespace());
                first.is_some_and(|i| {
                    is_single_mark(chars[i])
                        && !(chars[i] == '\'' && chars.get(i + 1) == Some(&'\''))
                })
            };
            loop {
                let before = chars.len();
                // Leading: whitespace, double marks, `''`, and single marks
                // when the fragment opened with one.
                while let Some(&c) = chars.first() {
                    let pair = c == '\'' && chars.get(1) == Some(&'\'');
                    if c.is_whitespace() || is_double_mark(c) {
                        chars.remove(0);
                    } else if pair {
                        chars.drain(..2);
                    } else if opened_single && is_single_mark(c) {
                        chars.remove(0);
                    } else {
                        break;
                    }
                }
                while let Some(&c) = chars.last() {
                    let n = chars.len();
                    let pair = c == '\'' && n >= 2 && chars[n - 2] == '\'';
                    if c.is_whitespace() || is_double_mark(c) {
                        chars.pop();
                    } else if pair {
                        chars.truncate(n - 2);
                    } else if opened_single && is_single_mark(c) {
                        chars.pop();
                    } else {
                        break;
                    }
                }
                if chars.len() == before {
                    break;
                }
            }
            chars.into_iter().collect()
        })
        .collect();
    pieces
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The character offset of byte offset `byte`, counted from the start.
fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Everything one article's rows must be, whatever was found.
fn check_article(text: &str) {
    let attributions = analyze_in_time(text);
    let index = CharIndex::new(text);
    for (quote_id, attribution) in (1..).zip(&attributions) {
        assert!(
            !attribution.content.is_empty(),
            "an attribution with no content: {attribution:?}"
        );
        let bytes = Row::new("a", text, quote_id, attribution, &index, OffsetKind::Bytes);
        let chars = Row::new("a", text, quote_id, attribution, &index, OffsetKind::Chars);

        // Byte offsets slice the text.
        let fragments = parse_spans(&bytes.quote_spans);
        assert_eq!(
            fragments, attribution.content,
            "quote_spans are the content"
        );
        for &fragment in &fragments {
            check_slice(text, "fragment", fragment.start, fragment.end);
        }
        for pair in fragments.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "fragments overlap or are out of order: {pair:?}"
            );
        }
        assert_eq!(bytes.quote_start, fragments[0].start);
        assert_eq!(bytes.quote_end, fragments[fragments.len() - 1].end);
        check_slice(text, "quote", bytes.quote_start, bytes.quote_end);

        assert_eq!(
            bytes.speaker_start.is_some(),
            bytes.speaker_end.is_some(),
            "half a speaker mention"
        );
        if let (Some(start), Some(end)) = (bytes.speaker_start, bytes.speaker_end) {
            check_slice(text, "speaker mention", start, end);
            let written = text[start..end].split_whitespace().collect::<Vec<_>>();
            assert_eq!(bytes.speaker_mention, written.join(" "));
        } else {
            assert_eq!(bytes.speaker_mention, "");
        }
        assert_eq!(
            bytes.cue_start.is_some(),
            bytes.cue_end.is_some(),
            "half a cue"
        );
        if let (Some(start), Some(end)) = (bytes.cue_start, bytes.cue_end) {
            check_slice(text, "cue", start, end);
            let written = text[start..end].split_whitespace().collect::<Vec<_>>();
            assert_eq!(bytes.cue, written.join(" "));
        } else {
            assert_eq!(bytes.cue, "");
        }

        // The quote is its fragments' text.
        assert_eq!(
            bytes.quote,
            expected_quote(text, &fragments),
            "quote of fragments {fragments:?} ({:?})",
            fragments.iter().map(|f| f.text(text)).collect::<Vec<_>>()
        );
        assert!((0.0..=1.0).contains(&bytes.confidence));

        // Character offsets name the same places as the byte offsets.
        let at = |byte: usize| char_offset(text, byte);
        let char_fragments: Vec<Span> = fragments
            .iter()
            .map(|f| Span::new(at(f.start), at(f.end)))
            .collect();
        assert_eq!(parse_spans(&chars.quote_spans), char_fragments);
        let expected_chars = Row {
            quote_start: at(bytes.quote_start),
            quote_end: at(bytes.quote_end),
            quote_spans: chars.quote_spans.clone(),
            speaker_start: bytes.speaker_start.map(at),
            speaker_end: bytes.speaker_end.map(at),
            cue_start: bytes.cue_start.map(at),
            cue_end: bytes.cue_end.map(at),
            ..bytes.clone()
        };
        assert_eq!(chars, expected_chars);
    }
}

// ---------------------------------------------------------------------------
// The binary.

/// Runs `whosaid ARGS -` on `stdin`, expecting success; returns stdout.
fn run_whosaid(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid starts");
    let mut input = child.stdin.take().expect("a stdin pipe");
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("whosaid runs");
    feeder
        .join()
        .expect("the feeder thread")
        .expect("whosaid reads all its input");
    assert!(
        output.status.success(),
        "whosaid {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Articles as JSON Lines, with ids `art-0`, `art-1` …
fn jsonl(texts: &[String], first_id: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let line = serde_json::json!({"id": format!("art-{}", first_id + i), "text": text});
        serde_json::to_writer(&mut out, &line).expect("JSON of a string");
        out.push(b'\n');
    }
    out
}

fn corpus(articles: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(any_text(), articles)
}

// ---------------------------------------------------------------------------
// The properties.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn news_rows_slice_the_text(text in article()) {
        check_article(&text);
    }

    #[test]
    fn soup_rows_slice_the_text(text in news_soup()) {
        check_article(&text);
    }

    #[test]
    fn any_string_rows_slice_the_text(text in any::<String>()) {
        check_article(&text);
    }
}

// Every run of the binary starts it anew (0.2 s or more in a debug build), so
// these cases are few and their corpora small.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// The rows of a corpus are the rows of its articles, each on its own.
    #[test]
    fn an_article_alone_or_in_a_corpus_gets_the_same_rows(texts in corpus(2..5)) {
        let args = ["--no-header", "-q"];
        let together = run_whosaid(&args, &jsonl(&texts, 0));
        let mut alone = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            alone.extend(run_whosaid(&args, &jsonl(std::slice::from_ref(text), i)));
        }
        prop_assert_eq!(
            String::from_utf8_lossy(&together),
            String::from_utf8_lossy(&alone)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// One thread or two, one batch or many: the same bytes.
    #[test]
    fn threads_do_not_change_the_output(texts in corpus(3..9)) {
        let input = jsonl(&texts, 0);
        let one = run_whosaid(&["-q", "-j1"], &input);
        let two = run_whosaid(&["-q", "-j2", "--batch-articles", "1"], &input);
        prop_assert_eq!(&one, &two);
        let one = run_whosaid(&["-q", "-j1", "--format", "jsonl"], &input);
        let two = run_whosaid(&["-q", "-j2", "--batch-articles", "2", "--format", "jsonl"], &input);
        prop_assert_eq!(&one, &two);
    }
}

/// The generated articles give the properties something to check: rows with
/// speakers, cues, split quotes and character offsets unlike byte offsets.
#[test]
fn generated_articles_carry_attributions() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = article();
    let (mut with_rows, mut with_speaker, mut with_cue, mut split, mut shifted) = (0, 0, 0, 0, 0);
    const ARTICLES: usize = 200;
    for _ in 0..ARTICLES {
        let text = strategy
            .new_tree(&mut runner)
            .expect("an article")
            .current();
        let attributions = whosaid::analyze(&text);
        with_rows += usize::from(!attributions.is_empty());
        for attribution in &attributions {
            with_speaker += usize::from(attribution.speaker_mention.is_some());
            with_cue += usize::from(attribution.cue.is_some());
            split += usize::from(attribution.content.len() > 1);
            let start = attribution.content.first().map_or(0, |f| f.start);
            shifted += usize::from(!text[..start].is_ascii());
        }
    }
    assert!(
        with_rows > ARTICLES / 2,
        "{with_rows} of {ARTICLES} articles have rows"
    );
    for (what, count) in [
        ("speakers", with_speaker),
        ("cues", with_cue),
        ("split quotes", split),
        ("non-ASCII before the quote", shifted),
    ] {
        assert!(count >= ARTICLES / 10, "only {count} rows with {what}");
    }
}

/// The spec's own examples of `quote`, so that the test's reading of it is
/// checked too.
#[test]
fn expected_quote_reads_the_spec() {
    let text = "\"This is  not\n a test,\" he said. ''Nor this.''";
    let fragments = [Span::new(0, 23), Span::new(33, text.len())];
    assert_eq!(
        expected_quote(text, &fragments),
        "This is not a test, Nor this."
    );
    let whole = |t: &str| expected_quote(t, &[Span::new(0, t.len())]);
    assert_eq!(whole("'Jones' view'"), "Jones' view");
    assert_eq!(whole("the Joneses'"), "the Joneses'");
    assert_eq!(whole("« Oui »"), "Oui");
    assert_eq!(whole("‹Non›"), "Non");
    assert_eq!(
        whole("Russia was “either unwilling or unable."),
        "Russia was “either unwilling or unable."
    );
}

/// Inputs the properties once failed on, shrunk, kept here whatever the
/// generators come to produce.
#[test]
fn regressions() {
    for text in [
        // Row::new once left single guillemets, which the segmenter takes
        // for quotation marks, in the quote: "‹we,›" for "we,".
        "‹we,› Mr. John Kirby said. ",
        "‹was quoted as saying—told Reuters",
    ] {
        check_article(text);
    }
}
