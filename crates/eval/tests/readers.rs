//! Reading gold and predictions: the fallbacks the formats allow, and clear
//! errors naming the file and line for what they do not.

use std::path::PathBuf;

use whosaid_eval::{
    read_gold_csv, read_gold_jsonl, read_predictions_csv, CharRange, Kind, Predictions,
};

/// Writes `contents` to a file of this name in the tests' scratch folder.
fn file(name: &str, contents: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("scratch file");
    path
}

#[test]
fn gold_jsonl_uses_fragments_else_hulls() {
    let text = "“Ünïcode «quotes»,” said Zoë. It rained.";
    let article = serde_json::json!({
        "id": 17,
        "text": text,
        "attributions": [
            {   // fragments given, as PolNeAR gives them
                "content_start": 0, "content_end": 20,
                "content_fragments": [{"start": 0, "end": 9}, {"start": 10, "end": 20}],
                "source_start": 26, "source_end": 29,
                "source_fragments": [{"start": 26, "end": 29}],
                "kind": "direct", "speaker": "Zoë Smith"
            },
            {   // no fragments: the hulls; no source at all
                "content_start": 31, "content_end": 40,
                "kind": "indirect", "speaker": "Nobody", "speaker_named": false
            },
            {   // an empty source list is no source, whatever the hull says
                "content_start": 31, "content_end": 40,
                "source_start": 0, "source_end": 3, "source_fragments": []
            }
        ]
    });
    let path = file("gold-fallbacks.jsonl", &format!("{article}\n\n"));
    let gold = read_gold_jsonl(&path).unwrap();
    assert_eq!(gold.name, "gold-fallbacks");
    let a = &gold.articles[0];
    assert_eq!(a.id, "17");
    assert_eq!(
        a.items[0].content,
        [CharRange::new(0, 9), CharRange::new(10, 20)]
    );
    assert_eq!(a.items[0].source, [CharRange::new(26, 29)]);
    assert_eq!(
        (a.items[0].kind, a.items[0].speaker.as_deref()),
        (Some(Kind::Direct), Some("Zoë Smith"))
    );
    assert_eq!(a.items[1].content, [CharRange::new(31, 40)]);
    assert!(a.items[1].source.is_empty());
    // speaker_named: false keeps the name out of canonical accuracy.
    assert_eq!(a.items[1].speaker, None);
    assert!(a.items[2].source.is_empty() && a.items[2].kind.is_none());
}

#[test]
fn gold_jsonl_errors_name_the_file_and_line() {
    let good = r#"{"id": "a", "text": "abc", "attributions": []}"#;
    let cases = [
        (format!("{good}\n{{\"id\": \"b\", \"text\": 3}}\n"), ":2: not a gold article"),
        (format!("{good}\n{good}\n"), ":2: article \"a\" again"),
        (
            r#"{"id": "a", "text": "abc", "attributions": [{"content_start": 1, "content_end": 4}]}"#
                .to_string(),
            ":1: article \"a\", attribution 1: span 1-4 is not inside the article's text (3 characters)",
        ),
        (
            r#"{"id": "a", "text": "abc", "attributions": [{"kind": "direct"}]}"#.to_string(),
            ":1: article \"a\", attribution 1: no content_fragments",
        ),
        (
            r#"{"id": "a", "text": "abc", "attributions": [{"content_start": 0, "content_end": 1, "kind": "quoted"}]}"#
                .to_string(),
            "kind \"quoted\" is not a kind",
        ),
    ];
    for (index, (contents, expected)) in cases.iter().enumerate() {
        let path = file(&format!("bad-gold-{index}.jsonl"), contents);
        let error = read_gold_jsonl(&path).unwrap_err().to_string();
        assert!(error.starts_with(&path.display().to_string()), "{error}");
        assert!(error.contains(expected), "{error} lacks {expected}");
    }
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-gold.jsonl");
    assert!(read_gold_jsonl(&missing).is_err());
}

#[test]
fn prediction_csv_needs_few_columns_and_falls_back_to_the_hull() {
    let path = file(
        "predictions-minimal.csv",
        "\u{feff}speaker_end,article_id,quote_start,quote_end,speaker_start\n\
         9,a,0,5,3\n\
         ,b,2,8,\n\
         ,a,6,7,\n",
    );
    let p = read_predictions_csv(&path).unwrap();
    assert_eq!(p.name, "predictions-minimal.csv");
    assert!(!p.has_sieve);
    assert_eq!(p.len(), 3);
    let a = p.article("a");
    assert_eq!(a[0].content, [CharRange::new(0, 5)]);
    assert_eq!(a[0].speaker_mention, Some(CharRange::new(3, 9)));
    assert_eq!((a[0].line, a[1].line), (Some(2), Some(4)));
    assert_eq!(a[1].speaker_mention, None);
    assert!(p.article("c").is_empty());

    let path = file(
        "predictions-full.csv",
        "article_id,quote_id,kind,quote,quote_start,quote_end,quote_spans,speaker,speaker_mention,speaker_start,speaker_end,sieve\n\
         a,1,direct,\"x, y\",0,20,0-5;9-20,Ann Lee,she,22.0,25.0,quote_then_speaker\n\
         a,2,indirect,z,30,40,,,,,,\n",
    );
    let p = read_predictions_csv(&path).unwrap();
    assert!(p.has_sieve);
    let a = p.article("a");
    assert_eq!(a[0].content, [CharRange::new(0, 5), CharRange::new(9, 20)]);
    assert_eq!(a[0].speaker_mention, Some(CharRange::new(22, 25)));
    assert_eq!(
        (a[0].speaker.as_str(), a[0].kind.as_str()),
        ("Ann Lee", "direct")
    );
    assert_eq!(a[0].sieve, "quote_then_speaker");
    assert_eq!(a[1].content, [CharRange::new(30, 40)]);
}

#[test]
fn prediction_csv_errors_name_the_file_and_line() {
    let header = "article_id,quote_start,quote_end,speaker_start,speaker_end,quote_spans";
    let cases = [
        (
            "article_id,quote_start,quote_end\na,1,2\n",
            ":1: no \"speaker_start\" column",
        ),
        (
            &*format!("{header}\na,1,2,,,\na,x,2,,,\n"),
            ":3: quote_start: \"x\" is not an offset",
        ),
        (
            &*format!("{header}\na,1,2,3,,\n"),
            ":2: only one of speaker_start, speaker_end",
        ),
        (
            &*format!("{header}\na,5,2,,,\n"),
            ":2: quote span 5-2 ends before it starts",
        ),
        (
            &*format!("{header}\na,1,2,,,3-x\n"),
            ":2: quote_spans: \"3-x\" is not start-end",
        ),
        (&*format!("{header}\na,1,2,,\n"), ":2:"),
        (&*format!("{header}\na,,2,,,\n"), ":2: quote_start is empty"),
    ];
    for (index, (contents, expected)) in cases.iter().enumerate() {
        let path = file(&format!("bad-predictions-{index}.csv"), contents);
        let error = read_predictions_csv(&path).unwrap_err().to_string();
        assert!(error.starts_with(&path.display().to_string()), "{error}");
        assert!(error.contains(expected), "{error} lacks {expected}");
    }
}

#[test]
fn gold_csv_takes_its_articles_from_the_texts() {
    let texts = file(
        "gold-texts.jsonl",
        "{\"id\": \"a\", \"text\": \"“Yes,” said Ann Lee.\"}\n{\"id\": \"b\", \"text\": \"Nothing said.\"}\n",
    );
    let csv = file(
        "gold-hand.csv",
        "article_id,kind,quote_start,quote_end,quote_spans,speaker,speaker_start,speaker_end\n\
         a,direct,0,6,,Ann Lee,12,19\n\
         a,,1,4,1-4,,,\n",
    );
    let gold = read_gold_csv(&csv, &texts).unwrap();
    assert_eq!(gold.name, "gold-hand");
    assert_eq!(gold.articles.len(), 2);
    let items = &gold.articles[0].items;
    assert_eq!(items[0].content, [CharRange::new(0, 6)]);
    assert_eq!(items[0].source, [CharRange::new(12, 19)]);
    assert_eq!(
        (items[0].kind, items[0].speaker.as_deref()),
        (Some(Kind::Direct), Some("Ann Lee"))
    );
    assert_eq!((items[1].kind, items[1].speaker.as_deref()), (None, None));
    assert!(gold.articles[1].items.is_empty());

    let stray = file(
        "gold-stray.csv",
        "article_id,quote_start,quote_end,speaker_start,speaker_end\na,0,6,,\nz,0,1,,\n",
    );
    let error = read_gold_csv(&stray, &texts).unwrap_err().to_string();
    assert!(
        error.contains("gold-stray.csv:3: article \"z\" is not in"),
        "{error}"
    );
    let long = file(
        "gold-long.csv",
        "article_id,quote_start,quote_end,speaker_start,speaker_end\nb,0,60,,\n",
    );
    let error = read_gold_csv(&long, &texts).unwrap_err().to_string();
    assert!(
        error.contains("gold-long.csv:2: span 0-60 is not inside"),
        "{error}"
    );
    let bad_kind = file(
        "gold-kind.csv",
        "article_id,kind,quote_start,quote_end,speaker_start,speaker_end\nb,quoted,0,6,,\n",
    );
    let error = read_gold_csv(&bad_kind, &texts).unwrap_err().to_string();
    assert!(
        error.contains("gold-kind.csv:2: kind \"quoted\""),
        "{error}"
    );
    let dup = file(
        "gold-dup-texts.jsonl",
        "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n",
    );
    let error = read_gold_csv(&csv, &dup).unwrap_err().to_string();
    assert!(
        error.contains("gold-dup-texts.jsonl:2: article \"a\" again"),
        "{error}"
    );
}

#[test]
fn whosaid_rows_become_predictions() {
    use whosaid_core::{Attribution, CharIndex, OffsetKind, QuoteKind, Row, Span, SpeakerType};
    let text = "“Ça va,” dit Zoë.";
    let zoe = text.find("Zoë").unwrap();
    let attribution = Attribution {
        content: vec![Span::new(0, text.find(" dit").unwrap())],
        kind: QuoteKind::Direct,
        speaker_mention: Some(Span::new(zoe, zoe + "Zoë".len())),
        speaker: Some("Zoë".into()),
        speaker_type: SpeakerType::Person,
        cue: None,
        sieve: "test_sieve",
        confidence: 0.9,
    };
    let row = Row::new(
        "a",
        text,
        1,
        &attribution,
        &CharIndex::new(text),
        OffsetKind::Chars,
    );
    let p = Predictions::from_rows("whosaid", [&row]).unwrap();
    let a = p.article("a");
    assert_eq!(a[0].content, [CharRange::new(0, 8)]);
    assert_eq!(a[0].speaker_mention, Some(CharRange::new(13, 16)));
    assert_eq!(
        (a[0].speaker.as_str(), a[0].sieve.as_str()),
        ("Zoë", "test_sieve")
    );
}
