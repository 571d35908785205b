//! Where a content starts and ends, on invented sentences: PolNeAR's
//! conventions for reported clauses.

fn contents(text: &str) -> Vec<(&'static str, String)> {
    let segments = whosaid_segmenter::segment(text);
    let candidates = whosaid_speakers::candidates(text, &segments);
    whosaid_resolver::resolve(text, &segments, &candidates)
        .into_iter()
        .map(|a| {
            let content: Vec<&str> = a.content.iter().map(|s| s.text(text)).collect();
            (a.sieve, content.join(" | "))
        })
        .collect()
}

fn first_content(text: &str) -> String {
    contents(text)
        .into_iter()
        .next()
        .map(|(_, content)| content)
        .unwrap_or_default()
}

#[test]
fn a_contrast_after_a_comma_ends_the_content() {
    let text =
        "Mayor Ana Ruiz said the bridge will open in May, but the council voted to delay it.";
    assert_eq!(first_content(text), "the bridge will open in May");
    let text = "Tom Okafor said taxes would fall next year, while his rival promised new schools.";
    assert_eq!(first_content(text), "taxes would fall next year");
}

#[test]
fn and_with_a_new_subject_ends_the_content() {
    let text = "Dana Whitfield said the water is safe to drink, and she thanked the engineers.";
    assert_eq!(first_content(text), "the water is safe to drink");
}

#[test]
fn and_in_a_list_does_not() {
    let text = "Dana Whitfield said the city needs new roads, bridges, and schools.";
    assert_eq!(
        first_content(text),
        "the city needs new roads, bridges, and schools"
    );
}

#[test]
fn a_participial_cue_makes_a_second_attribution() {
    let text =
        "Dana Whitfield said the water is safe to drink, adding that the tests were repeated.";
    assert_eq!(
        contents(text),
        vec![
            ("speaker_cue_content", "the water is safe to drink".into()),
            ("participial_cue", "that the tests were repeated".into()),
        ]
    );
}

#[test]
fn a_participial_cue_after_a_comma_inside_closing_marks_makes_a_second_attribution() {
    let text = "Dana Whitfield insisted that the plant has \u{201c}saved the town,\u{201d} adding that the tests were repeated.";
    assert_eq!(
        contents(text),
        vec![
            (
                "speaker_cue_content",
                "that the plant has \u{201c}saved the town,\u{201d}".into()
            ),
            ("participial_cue", "that the tests were repeated".into()),
        ]
    );
}

#[test]
fn a_gerund_cue_takes_the_subject_of_an_earlier_verb_in_its_clause() {
    let text = "In court papers filed on Monday, her lawyer Tom Okafor asked for mercy, calling the case \u{201c}a tragic mistake.\u{201d}";
    let got = contents(text);
    assert!(
        got.contains(&(
            "participial_cue",
            "the case \u{201c}a tragic mistake.\u{201d}".into()
        )),
        "{got:?}"
    );
}

#[test]
fn a_spaced_hyphen_ends_the_content_but_a_hyphenated_word_does_not() {
    let text =
        "Ana Ruiz said the long-delayed plan was a good start - a rare word of praise from her.";
    assert_eq!(
        first_content(text),
        "the long-delayed plan was a good start"
    );
}

#[test]
fn a_comma_inside_quotation_marks_does_not_end_the_content() {
    let text = "Ana Ruiz said the plan was \"bold, but risky\" for the city.";
    assert_eq!(
        first_content(text),
        "the plan was \"bold, but risky\" for the city"
    );
}

#[test]
fn a_speech_frame_after_a_comma_ends_the_content() {
    // The frame does not close the sentence (a long coda follows it), so the
    // first clause stays Ruiz's; a frame that closes it takes the whole
    // clause (the sieves' test `a_closing_frame_owns_the_reported_clause_before_it`).
    let text = "Ana Ruiz argued the budget was balanced this year, Tom Okafor told reporters at city hall after the long meeting of the whole council.";
    assert_eq!(first_content(text), "the budget was balanced this year");
}

#[test]
fn an_aside_between_dashes_stays_in_the_content() {
    let text =
        "Ana Ruiz said the new rules - which take effect in May - will cut costs for the city.";
    assert_eq!(
        first_content(text),
        "the new rules - which take effect in May - will cut costs for the city"
    );
    let text = "Ana Ruiz said new rules -- which take effect in May -- will cut costs.";
    assert_eq!(
        first_content(text),
        "new rules -- which take effect in May -- will cut costs"
    );
    let text = "Ana Ruiz said the new rules will cut costs — a claim her rivals dispute.";
    assert_eq!(first_content(text), "the new rules will cut costs");
}

#[test]
fn a_cue_in_an_opening_subordinate_clause_ends_at_its_comma() {
    let text = "Though Ana Ruiz argued the new tax plan was fair, the council voted against it.";
    assert_eq!(first_content(text), "the new tax plan was fair");
}

#[test]
fn a_cue_in_a_relative_clause_ends_at_its_comma() {
    let text = "Ana Ruiz, who slammed the new tax plan in March, said on Monday that it was fair.";
    assert_eq!(
        contents(text),
        vec![
            ("speaker_cue_content", "the new tax plan in March".into()),
            ("speaker_cue_content", "that it was fair".into()),
        ]
    );
}

#[test]
fn a_frame_between_commas_has_content_on_both_sides() {
    let text = "For most families in the county, Ana Ruiz said, the new tax will cost little.";
    assert_eq!(
        first_content(text),
        "For most families in the county | the new tax will cost little"
    );
}

#[test]
fn a_second_speech_verb_ends_the_content() {
    let text = "Ana Ruiz said the budget was balanced and added that taxes would not rise.";
    assert_eq!(first_content(text), "the budget was balanced");
    let text = "Tom Okafor says he respects his rival but argues that her plan costs too much.";
    assert_eq!(first_content(text), "he respects his rival");
}

#[test]
fn and_before_a_verb_seldom_of_saying_does_not() {
    // "wanted" and "expects" are cues, but seldom verbs of saying: PolNeAR
    // keeps the second predicate in the content.
    let text = "Ana Ruiz said she was tired of the delays and wanted a new contractor.";
    assert_eq!(
        first_content(text),
        "she was tired of the delays and wanted a new contractor"
    );
    let text = "Tom Okafor says he is proud of the vote and expects a second term.";
    assert_eq!(
        first_content(text),
        "he is proud of the vote and expects a second term"
    );
}

#[test]
fn an_aside_after_a_bare_subject_does_not_end_the_content() {
    // The comma closes an aside inside the subject; the predicate follows.
    let text = "Tom Okafor said that Ana Ruiz, who has outraised every rival, would still face a hard race.";
    assert_eq!(
        first_content(text),
        "that Ana Ruiz, who has outraised every rival, would still face a hard race"
    );
    let text = "Dana Whitfield says the harbor plan, while costly, was worth it.";
    assert_eq!(
        first_content(text),
        "the harbor plan, while costly, was worth it"
    );
    // After a clause with a verb of its own, the comma still ends it.
    let text = "Dana Whitfield says the plan failed, while the old one, the mayor's, was fine.";
    assert_eq!(first_content(text), "the plan failed");
}

#[test]
fn the_comma_after_an_opening_subordinate_clause_does_not_end_the_content() {
    // ", he will look" would otherwise read as a new speech frame.
    let text = "Tom Okafor said that even after he steps down, he will look for ways to help.";
    assert_eq!(
        first_content(text),
        "that even after he steps down, he will look for ways to help"
    );
}

#[test]
fn and_before_a_verb_of_the_content_does_not() {
    let text = "Ana Ruiz said the budget was balanced and taxes would not rise this year.";
    assert_eq!(
        first_content(text),
        "the budget was balanced and taxes would not rise this year"
    );
}

#[test]
fn an_appositive_after_a_comma_ends_the_content() {
    let text = "Ana Ruiz slammed the new harbour plan last week, a rare gesture toward her rivals.";
    assert_eq!(first_content(text), "the new harbour plan last week");
}

#[test]
fn and_before_another_speaker_and_verb_ends_the_content() {
    let text = "Ana Ruiz declined to discuss the audit and her aides later said it was routine.";
    assert_eq!(first_content(text), "to discuss the audit");
}

#[test]
fn a_relative_clause_after_a_comma_ends_the_content() {
    let text = "Tom Okafor said he backs the final budget bill, which funds two new clinics.";
    assert_eq!(first_content(text), "he backs the final budget bill");
}

#[test]
fn but_before_a_subject_pronoun_ends_the_content() {
    let text = "Ana Ruiz said the harbour plan looked sound but she had not yet decided.";
    assert_eq!(first_content(text), "the harbour plan looked sound");
}

#[test]
fn a_relative_clause_in_the_subject_before_a_quoted_predicate_does_not() {
    let text =
        "Ana Ruiz said the new mayor, who took office in May, is \"far too timid\" on housing.";
    assert_eq!(
        first_content(text),
        "the new mayor, who took office in May, is \"far too timid\" on housing"
    );
}

#[test]
fn a_second_predicate_with_a_verb_of_saying_ends_the_content() {
    // The subject left out: "X suggested C, said D and…" has two contents.
    let text = "Tom Reed suggested the budget was padded with waste, said the mayor was \u{201c}careless\u{201d} and left early.";
    assert_eq!(first_content(text), "the budget was padded with waste");
}

#[test]
fn a_participle_after_a_comma_does_not() {
    // "followed by" is no second predicate: the clause goes on.
    let text =
        "Ana Ruiz noted the poll has Tom Reed in the lead, followed by two rivals far behind.";
    assert_eq!(
        first_content(text),
        "the poll has Tom Reed in the lead, followed by two rivals far behind"
    );
}

#[test]
fn a_contrast_after_a_short_object_ends_the_content() {
    // Below three words the comma still ends the clause when a contrast or
    // "and" with a new subject follows: the object alone is the content.
    let text = "Senator Ana Ruiz defended her vote, but later she backed the repeal.";
    assert!(
        contents(text).iter().all(|(_, c)| !c.contains("but later")),
        "{:?}",
        contents(text)
    );
    let text = "Tom Okafor praised Ruiz, and the council thanked her too.";
    assert!(
        contents(text)
            .iter()
            .all(|(_, c)| !c.contains("and the council")),
        "{:?}",
        contents(text)
    );
}

#[test]
fn a_comma_right_after_that_does_not_end_the_content() {
    let text = "Tom Okafor said that, while taxes would rise, wages would rise faster.";
    assert_eq!(
        first_content(text),
        "that, while taxes would rise, wages would rise faster"
    );
}

#[test]
fn a_learned_cue_ends_its_content_at_its_noun_phrase_object() {
    // "endorse" takes an object PolNeAR ends before the adjunct, short as
    // it may be.
    let text = "Mayor Ana Ruiz endorsed Tom Okafor last week and has campaigned with him since.";
    assert_eq!(first_content(text), "Tom Okafor");
    let text = "Senator Dana Whitfield praised the new bridge during a visit to the harbor.";
    assert_eq!(first_content(text), "the new bridge");
    // "and" before another noun phrase is part of the object.
    let text = "Mayor Ana Ruiz endorsed Tom Okafor and the council in May.";
    assert_eq!(first_content(text), "Tom Okafor and the council");
}

#[test]
fn a_clause_or_a_quotation_after_an_object_cue_is_not_cut() {
    // A verb makes the words a clause; a quotation makes them mixed content.
    let text = "Mayor Ana Ruiz claimed the new bridge was built in record time.";
    assert_eq!(
        first_content(text),
        "the new bridge was built in record time"
    );
    let text =
        "Senator Dana Whitfield criticized the bridge as a \u{201c}costly folly\u{201d} on Monday.";
    assert_eq!(
        first_content(text),
        "the bridge as a \u{201c}costly folly\u{201d} on Monday"
    );
}

#[test]
fn a_cue_not_learned_to_take_an_object_keeps_its_adjunct() {
    let text = "Mayor Ana Ruiz said the new bridge in the harbor district.";
    assert_eq!(first_content(text), "the new bridge in the harbor district");
}

#[test]
fn support_back_focus_and_seek_take_a_noun_phrase_object() {
    // Learned in the tenth session; none of them introduces a bare clause.
    let text = "Mayor Ana Ruiz supported the harbor plan at a council meeting on Monday.";
    assert_eq!(first_content(text), "the harbor plan");
    let text = "Senator Dana Whitfield backed Tom Okafor in the primary.";
    assert_eq!(first_content(text), "Tom Okafor");
    let text = "Tom Okafor sought a recount after the vote.";
    assert_eq!(first_content(text), "a recount");
}

#[test]
fn a_short_object_of_a_learned_cue_is_content() {
    // Two words, fewer than an unquoted clause needs: an object cue's
    // noun phrase may be that short.
    let text = "Senator Dana Whitfield praised the plan.";
    assert_eq!(first_content(text), "the plan");
}

#[test]
fn an_object_cue_not_licensed_for_clauses_still_takes_its_object() {
    // "congratulate" introduces no bare clause, but its object is content.
    let text = "Mayor Ana Ruiz congratulated the rescue crews on Tuesday.";
    assert_eq!(first_content(text), "the rescue crews");
}

#[test]
fn a_relative_clause_in_the_subject_runs_on_to_a_quoted_predicate() {
    let text = "Ana Ruiz argued the old river bridge, which the council backs, \"would not last a winter\" without repairs.";
    assert_eq!(
        first_content(text),
        "the old river bridge, which the council backs, \"would not last a winter\" without repairs"
    );
}

#[test]
fn and_a_second_gerund_after_a_quote_ends_the_content() {
    let text = "Ana Ruiz went after the council on Monday, calling its plan \"reckless\" and asserting that the budget would not hold.";
    assert_eq!(
        contents(text),
        vec![
            ("participial_cue", "its plan \"reckless\"".into()),
            ("participial_cue", "that the budget would not hold".into()),
        ]
    );
}

#[test]
fn a_relative_clause_runs_past_a_comma_to_its_quote() {
    let text = "The evening opened with his niece Ana Ruiz, who portrayed him as a patient, generous neighbor who would be \"the town's best friend\" for years.";
    assert_eq!(
        first_content(text),
        "him as a patient, generous neighbor who would be \"the town's best friend\" for years"
    );
    // A cue after the comma ends the relative clause there.
    let text = "Ana Ruiz, who backed the plan, said the vote would be \"a formality\" next week.";
    assert!(contents(text)
        .iter()
        .all(|(_, content)| !content.contains("plan, said")));
}

#[test]
fn and_before_the_last_name_of_a_list_does_not_end_the_content() {
    let text = "Mayor Ana Ruiz said she expects Okafor, Kent, and Whitfield to \"stand together\" at the summit.";
    assert_eq!(
        first_content(text),
        "she expects Okafor, Kent, and Whitfield to \"stand together\" at the summit"
    );
}

#[test]
fn a_long_addressee_before_that_is_left_out() {
    let text = "Mayor Ana Ruiz told diners at a busy Lowell, Vermont, breakfast spot that \"the bridge opens in May.\"";
    assert_eq!(first_content(text), "that \"the bridge opens in May.\"");
}

#[test]
fn a_second_predicate_right_after_a_quote_ends_the_content() {
    let text = "Tom Okafor called her \"weak\" and said she had no support in the county.";
    assert_eq!(first_content(text), "her \"weak\"");
}

#[test]
fn a_closing_comma_before_a_gerund_ends_a_short_content() {
    let text = "The ranking put him at fifth place, which Tom Okafor called \"a disgrace,\" blaming the newspaper.";
    assert_eq!(
        contents(text)
            .into_iter()
            .find(|(_, c)| c.contains("disgrace"))
            .map(|(_, c)| c),
        Some("\"a disgrace,\"".into())
    );
}

#[test]
fn a_content_opening_with_a_subordinate_clause_runs_past_its_comma() {
    let text =
        "Tom Okafor said if the mayor wins, he would impose a \"reign of terror\" on the city.";
    assert_eq!(
        first_content(text),
        "if the mayor wins, he would impose a \"reign of terror\" on the city"
    );
}

#[test]
fn a_gerund_adjunct_right_after_a_quote_ends_the_content() {
    let text = "Tom Okafor said the ruling had \"kept us safe\" before claiming that the bridge was a failure.";
    assert_eq!(first_content(text), "the ruling had \"kept us safe\"");
}

#[test]
fn a_dash_before_and_does_not_end_the_content() {
    let text = "Ana Ruiz said the new bridge would cut traffic — and save the city money.";
    assert_eq!(
        first_content(text),
        "the new bridge would cut traffic — and save the city money"
    );
    // "and" before a subject pronoun opens a clause of its own.
    let text = "Ana Ruiz said the new bridge would cut traffic — and then she thanked the council.";
    assert_eq!(first_content(text), "the new bridge would cut traffic");
}

#[test]
fn a_dash_before_and_a_second_that_clause_does_not_end_the_content() {
    let text = "Ana Ruiz said the tunnel was safe — and that the city had paid for it.";
    assert_eq!(
        first_content(text),
        "the tunnel was safe — and that the city had paid for it"
    );
    // A clause with a subject of its own after "— and" ends it.
    let text = "Ana Ruiz said the tunnel was safe — and the council was pleased.";
    assert_eq!(first_content(text), "the tunnel was safe");
}

#[test]
fn a_dash_before_and_a_cue_ends_the_content() {
    let text = "Ana Ruiz said the tunnel was safe — and arguing that the city had paid for it.";
    assert_eq!(first_content(text), "the tunnel was safe");
}

#[test]
fn in_ends_an_object_only_before_a_time_or_an_occasion() {
    let text = "Senator Dana Whitfield praised the new jobs in Ohio and the harbor.";
    assert_eq!(first_content(text), "the new jobs in Ohio and the harbor");
    let text = "Senator Dana Whitfield praised the new jobs in a speech on Monday.";
    assert_eq!(first_content(text), "the new jobs");
    let text = "Senator Dana Whitfield praised the new jobs in March.";
    assert_eq!(first_content(text), "the new jobs");
}

#[test]
fn and_before_a_second_verb_right_after_a_quote_ends_the_content() {
    let text = "Tom Okafor called the merger \"a terrible deal\" and ranked the bank among the worst in the state.";
    assert_eq!(first_content(text), "the merger \"a terrible deal\"");
    let text = "Ana Ruiz described the bridge as \"a gift\" and has promised another one by May.";
    assert_eq!(first_content(text), "the bridge as \"a gift\"");
}

#[test]
fn a_long_relative_clause_in_the_subject_runs_on_to_a_quoted_predicate() {
    let text = "Tom Okafor argued the old stone bridge, which has been the subject of a long and bitter fight in the city council for nearly two years involving dozens of lawyers and engineers from both banks of the river, is \"a safe crossing.\"";
    assert!(
        first_content(text).ends_with("is \"a safe crossing.\""),
        "{}",
        first_content(text)
    );
}
