//! The metrics on small invented cases whose figures are worked out by hand.

use whosaid_eval::{
    fold_name, report, score, CharRange, Gold, GoldArticle, GoldItem, Kind, MistakeKind,
    Prediction, Predictions,
};

/// The character range of the first occurrence of `needle` in `text`.
fn at(text: &str, needle: &str) -> CharRange {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn item(content: Vec<CharRange>, source: Option<CharRange>, kind: Kind) -> GoldItem {
    GoldItem {
        content,
        source: source.into_iter().collect(),
        kind: Some(kind),
        speaker: None,
    }
}

fn pred(content: Vec<CharRange>, mention: Option<CharRange>) -> Prediction {
    Prediction {
        content,
        speaker_mention: mention,
        ..Prediction::default()
    }
}

fn article(id: &str, text: &str, items: Vec<GoldItem>) -> GoldArticle {
    GoldArticle {
        id: id.into(),
        text: text.into(),
        items,
    }
}

fn one_article(text: &str, items: Vec<GoldItem>) -> Gold {
    Gold {
        name: "hand".into(),
        articles: vec![article("a", text, items)],
    }
}

fn system(rows: Vec<Prediction>) -> Predictions {
    let mut predictions = Predictions::new("test");
    for row in rows {
        predictions.push("a", row);
    }
    predictions
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn overlap_thresholds_are_inclusive_and_count_only_alphanumerics() {
    // The gold content has 20 positions (five 4-letter words); its marks,
    // spaces and comma are not positions.
    let text = "\"aaaa bbbb cccc dddd eeee,\" said Bob.";
    let bob = at(text, "Bob");
    let gold = one_article(
        text,
        vec![item(
            vec![at(text, "\"aaaa bbbb cccc dddd eeee,\"")],
            Some(bob),
            Kind::Direct,
        )],
    );
    let matched = |needle: &str| {
        let s = score(
            &gold,
            &system(vec![pred(vec![at(text, needle)], Some(bob))]),
        );
        (s.total(0).matched, s.total(1).matched)
    };
    assert_eq!(matched("aaaa bbbb cccc dddd eeee"), (1, 1)); // 20/20
    assert_eq!(matched("aaaa bbbb cccc dddd"), (1, 1)); // 16/20 = 0.8
    assert_eq!(matched("aaaa bbbb cccc ddd"), (1, 0)); // 15/20
    assert_eq!(matched("aaaa bb"), (1, 0)); // 6/20 = 0.3
    assert_eq!(matched("aaaa b"), (0, 0)); // 5/20
    assert_eq!(matched("said Bob"), (0, 0)); // no overlap
}

#[test]
fn matching_is_one_to_one_and_ties_go_to_the_lower_index() {
    // Two identical predictions: the first one wins even with the wrong speaker.
    let text = "aaaa bbbb, said Ann and Bob.";
    let (ann, bob) = (at(text, "Ann"), at(text, "Bob"));
    let content = vec![at(text, "aaaa bbbb")];
    let gold = one_article(text, vec![item(content.clone(), Some(ann), Kind::Indirect)]);
    let s = score(
        &gold,
        &system(vec![
            pred(content.clone(), Some(bob)),
            pred(content, Some(ann)),
        ]),
    );
    let c = s.total(0);
    assert_eq!(
        (c.predictions, c.gold, c.matched, c.attributed),
        (2, 1, 1, 0)
    );
    let f = s.figures(0);
    assert!(close(f.content_p, 0.5) && close(f.content_r, 1.0) && close(f.content_f1, 2.0 / 3.0));
    assert_eq!(
        (f.attr_p, f.attr_r, f.attr_f1, f.speaker_acc),
        (0.0, 0.0, 0.0, Some(0.0))
    );
    let kinds: Vec<_> = s
        .mistakes
        .iter()
        .map(|m| (m.kind, m.gold, m.prediction))
        .collect();
    assert_eq!(
        kinds,
        [
            (MistakeKind::WrongSpeaker, Some(0), Some(0)),
            (MistakeKind::Spurious, None, Some(1)),
        ]
    );

    // One prediction halfway over two gold items: the lower gold index wins.
    let text = "aaaa bbbb said Ann.";
    let ann = at(text, "Ann");
    let gold = one_article(
        text,
        vec![
            item(vec![at(text, "aaaa")], Some(ann), Kind::Indirect),
            item(vec![at(text, "bbbb")], Some(ann), Kind::Indirect),
        ],
    );
    let s = score(
        &gold,
        &system(vec![pred(vec![at(text, "aaaa bbbb")], Some(ann))]),
    );
    let f = s.figures(0);
    assert_eq!((f.attr_p, f.attr_r), (1.0, 0.5));
    assert_eq!(s.mistakes[0].kind, MistakeKind::Miss);
    assert_eq!(s.mistakes[0].gold, Some(1));
}

#[test]
fn matching_takes_the_best_pairs_first_not_the_first_rows() {
    // Row 0 fits gold 1 exactly and gold 0 at 8/12; row 1 fits gold 0
    // exactly. Taking rows in order would pair row 0 with gold 0.
    let text = "aaaa bbbb cccc. Ann and Bob said so.";
    let (ann, bob) = (at(text, "Ann"), at(text, "Bob"));
    let gold = one_article(
        text,
        vec![
            item(vec![at(text, "aaaa bbbb")], Some(bob), Kind::Indirect),
            item(vec![at(text, "aaaa bbbb cccc")], Some(ann), Kind::Indirect),
        ],
    );
    let s = score(
        &gold,
        &system(vec![
            pred(vec![at(text, "aaaa bbbb cccc")], Some(ann)),
            pred(vec![at(text, "aaaa bbbb")], Some(bob)),
        ]),
    );
    assert_eq!((s.total(0).attributed, s.total(1).attributed), (2, 2));
}

#[test]
fn fragments_leave_out_the_words_between_them() {
    let text = "\"aaaa bbbb,\" said Bob, \"cccc dddd.\"";
    let bob = at(text, "Bob");
    let pieces = vec![at(text, "\"aaaa bbbb,\""), at(text, "\"cccc dddd.\"")];
    let hull = CharRange::new(0, text.chars().count());
    let gold = one_article(text, vec![item(pieces.clone(), Some(bob), Kind::Direct)]);

    let exact = vec![at(text, "aaaa bbbb"), at(text, "cccc dddd")];
    let s = score(&gold, &system(vec![pred(exact, Some(bob))]));
    assert_eq!((s.total(0).attributed, s.total(1).attributed), (1, 1));

    // The hull adds "said Bob": 16/23 = 0.70.
    let s = score(&gold, &system(vec![pred(vec![hull], Some(bob))]));
    assert_eq!((s.total(0).attributed, s.total(1).attributed), (1, 0));

    // The same the other way round: gold as a hull, prediction in pieces.
    let gold = one_article(text, vec![item(vec![hull], Some(bob), Kind::Mixed)]);
    let s = score(&gold, &system(vec![pred(pieces, Some(bob))]));
    assert_eq!((s.total(0).attributed, s.total(1).attributed), (1, 0));
}

#[test]
fn empty_speakers_are_right_only_together() {
    let text = "aaaa bbbb. cccc dddd, Ann said. eeee ffff — gggg hhhh.";
    let ann = at(text, "Ann");
    let gold = one_article(
        text,
        vec![
            item(vec![at(text, "aaaa bbbb")], None, Kind::Indirect),
            item(vec![at(text, "cccc dddd")], Some(ann), Kind::Indirect),
            item(vec![at(text, "eeee ffff")], None, Kind::Indirect),
            item(vec![at(text, "gggg hhhh")], None, Kind::Indirect),
        ],
    );
    let s = score(
        &gold,
        &system(vec![
            pred(vec![at(text, "aaaa bbbb")], None), // both empty: right
            pred(vec![at(text, "cccc dddd")], None), // gold has Ann: wrong
            pred(vec![at(text, "eeee ffff")], Some(at(text, "—"))), // no positions: right
            pred(vec![at(text, "gggg hhhh")], Some(ann)), // gold has none: wrong
        ]),
    );
    let f = s.figures(0);
    assert_eq!((f.attr_p, f.attr_r, f.speaker_acc), (0.5, 0.5, Some(0.5)));
    assert_eq!(f.content_f1, 1.0);
}

#[test]
fn canonical_names_fold_case_punctuation_spaces_and_a_leading_the() {
    assert_eq!(
        fold_name("The  U.S. State\u{a0}Department"),
        "us state department"
    );
    assert_eq!(fold_name("u.s. state department"), "us state department");
    assert_eq!(fold_name("Beto O'Rourke"), fold_name("beto orourke"));
    assert_eq!(fold_name("Theodore Roosevelt"), "theodore roosevelt");
    assert_eq!(fold_name("  the   the Who "), "the who");
    assert_ne!(fold_name("Kirby"), fold_name("John Kirby"));

    let text = "aaaa, said the department. bbbb, said Kirby. cccc, said she.";
    let named = |content: &str, mention: &str, speaker: Option<&str>| GoldItem {
        speaker: speaker.map(str::to_string),
        ..item(
            vec![at(text, content)],
            Some(at(text, mention)),
            Kind::Indirect,
        )
    };
    let gold = one_article(
        text,
        vec![
            named("aaaa", "the department", Some("The U.S. State Department")),
            named("bbbb", "Kirby", Some("John Kirby")),
            named("cccc", "she", None),
        ],
    );
    let said = |content: &str, mention: &str, speaker: &str| Prediction {
        speaker: speaker.into(),
        ..pred(vec![at(text, content)], Some(at(text, mention)))
    };
    let s = score(
        &gold,
        &system(vec![
            said("aaaa", "department", "U.S. state department"),
            said("bbbb", "Kirby", "Kirby"),
            said("cccc", "she", "Maria Zakharova"),
        ]),
    );
    let c = s.total(0);
    assert_eq!(
        (c.canonical_gold, c.canonical_right, c.attributed),
        (2, 1, 3)
    );
    assert_eq!(s.figures(0).canonical_acc, Some(0.5));
    let wrong: Vec<_> = s.mistakes.iter().map(|m| (m.kind, m.gold)).collect();
    assert_eq!(wrong, [(MistakeKind::WrongCanonical, Some(1))]);

    // Gold without canonical names has no canonical accuracy at all.
    let gold = one_article(text, vec![named("cccc", "she", None)]);
    let s = score(&gold, &system(vec![said("cccc", "she", "Anyone")]));
    assert_eq!(s.figures(0).canonical_acc, None);
}

#[test]
fn gold_articles_without_predictions_are_all_misses_and_others_are_ignored() {
    let text = "aaaa, said Ann. bbbb, said Bob. cccc dddd.";
    let (ann, bob) = (at(text, "Ann"), at(text, "Bob"));
    let gold = Gold {
        name: "hand".into(),
        articles: vec![
            article(
                "a",
                text,
                vec![
                    item(vec![at(text, "aaaa")], Some(ann), Kind::Indirect),
                    item(vec![at(text, "bbbb")], Some(bob), Kind::Indirect),
                ],
            ),
            article(
                "b",
                text,
                vec![item(vec![at(text, "aaaa")], Some(ann), Kind::Direct)],
            ),
        ],
    };
    let mut predictions = Predictions::new("test");
    let with_sieve = |content: &str, mention: Option<CharRange>, sieve: &str| Prediction {
        sieve: sieve.into(),
        ..pred(vec![at(text, content)], mention)
    };
    predictions.push("a", with_sieve("aaaa", Some(ann), "s1"));
    predictions.push("elsewhere", with_sieve("aaaa", Some(ann), "s1"));
    predictions.push("a", with_sieve("bbbb", Some(bob), "s2"));
    predictions.push("a", with_sieve("cccc dddd", None, "s2"));
    predictions.push("elsewhere", with_sieve("bbbb", Some(bob), "s2"));
    let s = score(&gold, &predictions);
    let c = s.total(0);
    assert_eq!((c.predictions, c.gold, c.attributed), (3, 3, 2));
    let f = s.figures(0);
    assert!(
        close(f.attr_p, 2.0 / 3.0) && close(f.attr_r, 2.0 / 3.0) && close(f.attr_f1, 2.0 / 3.0)
    );
    // By kind: both indirect found, the direct one (in article b) missed.
    assert_eq!(
        (f.attr_recall_indirect, f.attr_recall_direct),
        (Some(1.0), Some(0.0))
    );
    assert_eq!(f.attr_recall_mixed, None);
    assert_eq!(s.rows_ignored, 2);
    let sieves: Vec<_> = s
        .sieves
        .iter()
        .map(|x| (x.sieve.as_str(), x.rows, x.attributed))
        .collect();
    assert_eq!(sieves, [("s1", 1, 1), ("s2", 2, 1)]);
    assert_eq!(s.sieves[1].precision(), 0.5);
    let last = s.mistakes.last().map(|m| (m.article, m.kind));
    assert_eq!(last, Some((1, MistakeKind::Miss)));
}

#[test]
fn quoted_only_keeps_rows_near_double_marks_and_direct_or_mixed_gold() {
    let text =
        "''Aaaa bbbb,'' said Ann. Bob said cccc dddd. Cat's view: “Eeee ffff” is gggg, she said.";
    let (ann, bob, she) = (at(text, "Ann"), at(text, "Bob"), at(text, "she"));
    let gold = one_article(
        text,
        vec![
            item(vec![at(text, "''Aaaa bbbb,''")], Some(ann), Kind::Direct),
            item(vec![at(text, "cccc dddd")], Some(bob), Kind::Indirect),
            item(
                vec![at(text, "“Eeee ffff” is gggg")],
                Some(she),
                Kind::Mixed,
            ),
        ],
    );
    let s = score(
        &gold,
        &system(vec![
            pred(vec![at(text, "Aaaa bbbb,")], Some(ann)), // '' two characters away: quoted
            pred(vec![at(text, "cccc dddd")], Some(bob)),  // no marks: not quoted
            pred(vec![at(text, "Eeee ffff” is gggg")], Some(she)), // ” inside: quoted
            pred(vec![at(text, "view")], Some(at(text, "Cat"))), // an apostrophe is no mark
            pred(vec![at(text, "Aaaa bbbb")], Some(bob)),  // quoted, but gold 0 is taken
        ]),
    );
    let c = s.total(0);
    assert_eq!(
        (c.quoted_predictions, c.quoted_gold, c.quoted_attributed),
        (3, 2, 2)
    );
    let f = s.figures(0);
    assert!(close(f.quoted_attr_p, 2.0 / 3.0) && close(f.quoted_attr_r, 1.0));
    assert!(close(f.quoted_attr_f1, 0.8));
    assert_eq!((c.predictions, c.matched, c.attributed), (5, 3, 3));
    assert!(close(f.attr_p, 0.6));
    // Three characters away is too far.
    let far = "'' aaaa bbbb";
    let gold = one_article(
        far,
        vec![item(vec![at(far, "aaaa bbbb")], None, Kind::Direct)],
    );
    let s = score(&gold, &system(vec![pred(vec![at(far, "bbbb")], None)]));
    assert_eq!(s.total(0).quoted_predictions, 0);
    let s = score(&gold, &system(vec![pred(vec![at(far, "aaaa")], None)]));
    assert_eq!(s.total(0).quoted_predictions, 0);
    let s = score(&gold, &system(vec![pred(vec![at(far, " aaaa")], None)]));
    assert_eq!(s.total(0).quoted_predictions, 1);
}

#[test]
fn quoted_only_restricts_the_gold_before_matching() {
    // Full matching pairs the row with the indirect gold (12/16); with that
    // gold left out, it pairs with the direct one (4/12 = 0.33).
    let text = "Ann said aaaa bbbb cccc \"dddd\".";
    let ann = at(text, "Ann");
    let gold = one_article(
        text,
        vec![
            item(
                vec![at(text, "aaaa bbbb cccc \"dddd\"")],
                Some(ann),
                Kind::Indirect,
            ),
            item(vec![at(text, "\"dddd\"")], Some(ann), Kind::Direct),
        ],
    );
    let s = score(
        &gold,
        &system(vec![pred(vec![at(text, "bbbb cccc \"dddd\"")], Some(ann))]),
    );
    let c = s.total(0);
    assert_eq!((c.attributed, c.attributed_by_kind), (1, [0, 0, 1]));
    assert_eq!(
        (c.quoted_predictions, c.quoted_gold, c.quoted_attributed),
        (1, 1, 1)
    );
    assert_eq!(s.total(1).quoted_attributed, 0);
}

#[test]
fn offsets_past_the_text_are_counted_not_fatal() {
    let text = "aaaa, said Ann.";
    let gold = one_article(
        text,
        vec![item(vec![at(text, "aaaa")], None, Kind::Indirect)],
    );
    let s = score(
        &gold,
        &system(vec![pred(
            vec![CharRange::new(0, 4), CharRange::new(90, 99)],
            None,
        )]),
    );
    assert_eq!((s.rows_outside_text, s.total(0).attributed), (1, 1));
}

#[test]
fn reports_show_every_figure_of_every_system() {
    let text = "aaaa, said Ann.";
    let ann = at(text, "Ann");
    let gold = one_article(
        text,
        vec![item(vec![at(text, "aaaa")], Some(ann), Kind::Direct)],
    );
    let mut first = system(vec![pred(vec![at(text, "aaaa")], Some(ann))]);
    first.name = "first".into();
    let mut second = system(vec![pred(vec![at(text, "aaaa")], None)]);
    second.name = "second".into();
    let systems = [score(&gold, &first), score(&gold, &second)];
    let comparisons = [whosaid_eval::compare(&systems[0], &systems[1])];

    let table = report::text(&gold, &systems, &comparisons);
    assert!(table.contains("first") && table.contains("second"));
    assert!(table.contains("attribution F1") && table.contains("first − second: +1.000"));

    let json = report::json(&gold, &systems, &comparisons);
    let figures = &json["systems"][0]["figures"];
    for theta in ["0.3", "0.8"] {
        for key in [
            "content_p",
            "content_r",
            "content_f1",
            "attr_p",
            "attr_r",
            "attr_f1",
            "speaker_acc",
            "canonical_acc",
            "quoted_attr_p",
            "quoted_attr_r",
            "quoted_attr_f1",
            "attr_recall_direct",
            "attr_recall_mixed",
            "attr_recall_indirect",
        ] {
            assert!(
                figures.get(format!("{key}@{theta}")).is_some(),
                "{key}@{theta}"
            );
        }
    }
    assert_eq!(figures["attr_f1@0.3"], 1.0);
    assert_eq!(figures["canonical_acc@0.3"], serde_json::Value::Null);
    assert_eq!(json["systems"][1]["figures"]["attr_f1@0.3"], 0.0);
    assert_eq!(json["comparisons"][0]["attr_f1_diff@0.3"], 1.0);

    let mut csv = Vec::new();
    report::write_mistakes(&mut csv, &gold, &[(&second, &systems[1])]).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].starts_with("second,a,wrong_speaker,1.000,1,direct,0-4,aaaa,11-14,Ann,"));
}
