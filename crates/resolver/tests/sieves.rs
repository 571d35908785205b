//! Each sieve on invented sentences: who is found, for which words.

use whosaid_core::Attribution;

fn attribute(text: &str) -> Vec<Attribution> {
    let segments = whosaid_segmenter::segment(text);
    let candidates = whosaid_speakers::candidates(text, &segments);
    whosaid_resolver::resolve(text, &segments, &candidates)
}

/// (sieve, speaker mention, content) of every attribution.
fn summary(text: &str) -> Vec<(&'static str, String, String)> {
    attribute(text)
        .into_iter()
        .map(|a| {
            let mention = a
                .speaker_mention
                .map(|s| s.text(text).to_string())
                .unwrap_or_default();
            let content: Vec<&str> = a.content.iter().map(|s| s.text(text)).collect();
            (a.sieve, mention, content.join(" | "))
        })
        .collect()
}

#[test]
fn quote_then_speaker_in_the_next_sentence() {
    let text = "“There’s a special place for people like her!” Smith said last week.\n";
    assert_eq!(
        summary(text),
        vec![(
            "quote_then_speaker",
            "Smith".into(),
            "“There’s a special place for people like her!”".into()
        )]
    );
}
