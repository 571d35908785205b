//! Prints every layer the pipeline adds over a text read from stdin: units of
//! the segmenter, the speaker matcher's cues and mentions, and the resolver's
//! attributions. For looking at why an attribution was or was not made.
//!
//! ```text
//! echo '"We are ready," Mayor Ana Ruiz said.' | cargo run --example layers
//! ```

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let segments = whosaid_segmenter::segment(&text);
    let candidates = whosaid_speakers::candidates(&text, &segments);
    let show = |s: whosaid::core::Span| format!("{}..{} {:?}", s.start, s.end, s.text(&text));
    for s in &segments.sentences {
        println!("sentence {}", show(*s));
    }
    for q in &segments.quotes {
        println!(
            "quote    {} closed={} depth={} {:?}",
            show(q.span()),
            q.closed,
            q.depth,
            q.hint
        );
    }
    for c in &candidates.cues {
        println!(
            "cue      {} {} {:?} {:?}",
            show(c.span),
            c.lemma,
            c.frame,
            c.form
        );
    }
    for m in &candidates.mentions {
        println!(
            "mention  {} head={:?} {:?} {:?}",
            show(m.span),
            m.head.text(&text),
            m.kind,
            m.gender
        );
    }
    for a in whosaid::analyze(&text) {
        let content: Vec<String> = a.content.iter().map(|s| show(*s)).collect();
        println!(
            "ATTR     {} {:?} speaker={:?} mention={:?} {:?}",
            a.sieve,
            a.kind,
            a.speaker,
            a.speaker_mention.map(|s| s.text(&text)),
            content
        );
    }
    Ok(())
}
