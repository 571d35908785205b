//! The sieves: an ordered cascade of attribution rules, most precise first.
//!
//! Each sieve has a stable name (it appears in the output's `sieve` column),
//! looks at the layers through [`Doc`], and may claim content nobody has
//! claimed yet. A later sieve never undoes an earlier one, so each rule's
//! precision can be measured on its own (`whosaid eval` reports it per sieve)
//! and each can be switched off to see what it earns ([`crate::Options`]).
//!
//! Two sieves run after the cascade, on fresh claims built from its rows, for
//! the attributions PolNeAR nests: `enclosing_frame` gives a whole sentence
//! to a closing frame (`After A, Y plans C, X said`) in place of the rows it
//! wholly encloses, and `nested_cue_content` adds a row inside another row's
//! content (`X said that Y said C`). They are the only sieves whose rows may
//! replace or overlap earlier ones.

use whosaid_core::{CueFrame, MentionKind, QuoteHint, Span, Token, TokenKind, VerbForm};

use crate::bounds::{
    clause, clause_before, clause_reach, comma_before, content_after_cue, content_before_frame,
    content_start, content_start_after_cue, first_kept_token, starts_unit, trim, MAX_CLAUSE_TOKENS,
};
use crate::claims::{Claims, Draft};
use crate::doc::{Doc, MAX_ROLE_WORDS};
use crate::words::{
    self, ADJECTIVAL_PARTICIPLES, CLAUSE_OPENERS, GAP, HEDGE_CUES, OBJECT, PLACE_WORDS,
    SUBJECT_PRONOUNS,
};

/// One rule of the cascade.
pub struct Sieve {
    /// Stable name, written in the `sieve` column.
    pub name: &'static str,
    /// The construction it handles, for docs and `--help`.
    pub pattern: &'static str,
    run: fn(&Doc, &mut Claims, &'static str),
    /// Base confidence of its attributions, from its precision on PolNeAR train.
    confidence: f32,
}

impl Sieve {
    pub(crate) fn run(&self, doc: &Doc, claims: &mut Claims) {
        (self.run)(doc, claims, self.name);
    }
}

/// The base confidence of the attributions a sieve makes.
pub(crate) fn confidence_of(sieve: &str) -> f32 {
    SIEVES
        .iter()
        .find(|s| s.name == sieve)
        .map_or(0.5, |s| s.confidence)
}

/// The cascade, in the order it runs.
pub const SIEVES: &[Sieve] = &[
    Sieve {
        name: "quote_then_speaker",
        pattern: r#""Q," X said / "Q," said X / "Q," X, a doctor, said / "Q1," X said, "Q2." / "Q1," X said, that C2"#,
        run: quote_then_speaker,
        confidence: 0.95,
    },
    Sieve {
        name: "speaker_then_quote",
        pattern: r#"X said: "Q" / X added, "Q" / X was quoted as saying "Q""#,
        run: speaker_then_quote,
        confidence: 0.9,
    },
    Sieve {
        name: "participial_quote",
        pattern: r#"X endorsed Y, saying, "Q" / X began by saying: "Q" (the speaker is the clause's)"#,
        run: participial_quote,
        confidence: 0.8,
    },
    Sieve {
        name: "colon_lead_in",
        pattern: "X said: ¶ \"Q\" (the lead-in ends the previous paragraph)",
        run: colon_lead_in,
        confidence: 0.85,
    },
    Sieve {
        name: "speaker_colon",
        pattern: "X: \"Q\" / headline style \"Elizabeth Warren: Trump Is a 'Proven Failure'\"",
        run: speaker_colon,
        confidence: 0.75,
    },
    Sieve {
        name: "dash_signature",
        pattern: "\"Q\" ― Maria Lopez / \"Q\" ¶ - Hillary Clinton. (a quotation on its own line, signed with a dash)",
        run: dash_signature,
        confidence: 0.9,
    },
    Sieve {
        name: "according_to",
        pattern: "According to X, C / C, according to X / As X put it, C",
        run: according_to,
        confidence: 0.8,
    },
    Sieve {
        name: "speaker_cue_content",
        pattern: "X said (that) C / X told reporters C / X accused Y of \"Q\"",
        run: speaker_cue_content,
        confidence: 0.7,
    },
    Sieve {
        name: "possessive_noun_that",
        pattern: "X's claim that C / his insistence that C / X's main worry is that C / her refusal to V",
        run: possessive_noun_that,
        confidence: 0.5,
    },
    Sieve {
        name: "phrase_cue_content",
        pattern: "7 percent said C / those surveyed said C (a subject that is no known mention)",
        run: phrase_cue_content,
        confidence: 0.5,
    },
    Sieve {
        name: "quote_then_phrase",
        pattern: r#""Q," the committee chairmen wrote / "Q," tweeted another (a speaker no mention covers)"#,
        run: quote_then_phrase,
        confidence: 0.7,
    },
    Sieve {
        name: "phrase_then_quote",
        pattern: r#"the committee's chairmen wrote: "Q" / the crowd chanted, "Q" (a speaker no mention covers)"#,
        run: phrase_then_quote,
        confidence: 0.7,
    },
    Sieve {
        name: "colon_subject_quote",
        pattern: r#"X gave the idea a try on CNN: "Q" / X then listed the rules: ¶ "Q" (the speaker is the subject of the sentence the colon ends)"#,
        run: colon_subject_quote,
        confidence: 0.7,
    },
    Sieve {
        name: "content_then_speaker",
        pattern: "C, X said / C, said X",
        run: content_then_speaker,
        confidence: 0.75,
    },
    Sieve {
        name: "infinitive_that",
        pattern: "X continued to insist that C / X is quick to point out that C / it led X to say that C",
        run: infinitive_that,
        confidence: 0.55,
    },
    Sieve {
        name: "participial_cue",
        pattern: "X …, adding that C / …, accusing Y of C / X … by warning that C (the speaker is the clause's)",
        run: participial_cue,
        confidence: 0.6,
    },
    Sieve {
        name: "no_source",
        pattern: "X seems to C / X is expected to C / it was reported that C / asked about C, … (no source)",
        run: no_source,
        confidence: 0.55,
    },
    Sieve {
        name: "split_quote",
        pattern: "\"Q1,\" X said. \"Q2.\" / X said C. \"Q2.\" (Q2 joins the attribution before it)",
        run: split_quote,
        confidence: 0.85,
    },
    Sieve {
        name: "continuation",
        pattern: "a paragraph that is only a quote continues the previous paragraph's speaker",
        run: continuation,
        confidence: 0.7,
    },
    Sieve {
        name: "enclosing_frame",
        pattern: "After A, Y plans C, X said (X → the sentence, over the earlier Y → C)",
        run: enclosing_frame,
        confidence: 0.6,
    },
    Sieve {
        name: "nested_cue_content",
        pattern: "X said that Y said C (Y → C, inside X's \"Y said C\")",
        run: nested_cue_content,
        confidence: 0.4,
    },
];

// ---------------------------------------------------------------------------
// Sieves

/// A closed, speech-like quote that no sieve has claimed yet, with the unit
/// it starts in: what the sieves that start from a quote work on.
fn free_speech_quote(doc: &Doc, claims: &Claims, q: usize) -> Option<(Span, usize)> {
    let quote = doc.quote(q);
    let span = quote.span();
    if !quote.closed || !doc.is_speech_like(q) || !claims.is_free(span) {
        return None;
    }
    Some((span, doc.unit_of(span.start)?))
}

/// The unclaimed quote that opens right after a cue ending at `cue_end` and
/// ends its clause in `unit`: the `X said, "Q."` shape.
fn free_quote_ending_clause_after(
    doc: &Doc,
    claims: &Claims,
    cue_end: usize,
    unit: Span,
) -> Option<Span> {
    let q = quote_opening_after_cue(doc, cue_end, unit.end)?;
    let span = doc.quote(q).span();
    (claims.is_free(span) && ends_its_clause(doc, span, unit)).then_some(span)
}

/// Where the frame after the quote `span` in unit `u` may stand: the rest of
/// the unit, or the next unit of the paragraph when the segmenter ended a
/// sentence at the quote ("Why?" he said). None when both are empty, or
/// when the quote ends with a full stop and only the next unit is left: `"…
/// they are." Bills were introduced…` leaves the next sentence to itself.
fn frame_area_after(doc: &Doc, span: Span, u: usize) -> Option<Span> {
    let mut area = Span::new(span.end, doc.units[u].span.end);
    if doc.tokens(area).is_empty() {
        match doc.units.get(u + 1) {
            Some(next)
                if next.paragraph == doc.units[u].paragraph && !closes_with(doc, span, &["."]) =>
            {
                area.end = next.span.end
            }
            _ => return None,
        }
    }
    Some(area)
}

fn quote_then_speaker(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for &q in &doc.outer_quotes {
        let Some((span, u)) = free_speech_quote(doc, claims, q) else {
            continue;
        };
        let quote = doc.quote(q);
        let unit = doc.units[u].span;
        let Some(area) = frame_area_after(doc, span, u) else {
            continue;
        };
        let rest = doc.tokens(area);
        let skip = usize::from(
            rest.first()
                .is_some_and(|t| is_punct(doc, t, &[",", "—", "–", "--"])),
        );
        let Some(next) = rest.get(skip) else { continue };
        // "Q," X said: the quote ends its clause (with a comma or a sentence
        // end inside or just after it), unlike the "wise Latina" phrase X cited.
        let short = quote.hint != QuoteHint::Speech;
        if short && skip == 0 && area.start < unit.end && !ends_clause(doc, span) {
            continue;
        }
        if follows_lead_in(doc, claims, span.start, unit.start)
            || has_frame_before(doc, claims, unit.start, span.start)
        {
            // X vowed, "Q," referring to Y / X said Y was "Q." He said…:
            // the frame before the quote is its own.
            continue;
        }
        let frame = if let Some(c) = cue_at(doc, claims, next.span.start, area.end) {
            // "Q," said X
            // "Q," said X / "Q," said 9/11 widow X
            let cue_end = doc.cues()[c].span.end;
            doc.source_after(cue_end, area.end)
                .or_else(|| doc.name_after_role(cue_end, area.end))
                .map(|m| (m, c))
        } else {
            // "Q," X said / "Q," X, a doctor, said / "Q," The Post's Ed Smith
            // said / "Q," curator X said / "Q," a spokesman for the party
            // said. The first cue may sit in the apposition ("X, who was
            // featured in the film, told"): the frame's cue is the first
            // whose speaker phrase runs from the quote to it.
            speech_cues(doc, claims, next.span.start, area.end)
                .take(3)
                .find_map(|c| {
                    let m = speaker_before_cue(doc, next.span.start, c)?;
                    (!is_relative_pronoun(doc.mentions()[m].span.text(doc.text))).then_some((m, c))
                })
        };
        let Some((m, c)) = frame else { continue };
        let frame_end = doc.cues()[c].span.end.max(doc.mentions()[m].span.end);
        let coda = doc.tokens(Span::new(frame_end, area.end));
        let circumstance = coda.first().is_some_and(|t| {
            (is_object_word(doc, t)
                && !matches!(doc.word(t), "the" | "a" | "an" | "The" | "A" | "An"))
                || CIRCUMSTANCE_OPENERS.contains(&doc.word(t))
        });
        let long = coda.iter().filter(|t| t.kind == TokenKind::Word).count() > 6;
        // "Q?" X asked, repeating… / "Q!" X told Y in an interview…: the
        // segmenter ended a sentence inside the quote, and the frame after it
        // is the quote's own unless it reports a clause of its own.
        let asked_after_question = ends_in_question_or_exclamation(doc, span)
            && is_precise_cue(doc, c)
            && !starts_with_that(doc, coda);
        if area.end > unit.end && long && !circumstance && !asked_after_question {
            // The next sentence says more than "he said on Monday during…".
            continue;
        }
        // "Q," X said, according to a transcript / to Reuters: the words
        // come through the source PolNeAR credits, the one "according to"
        // names.
        let credited = according_to_in(doc, Span::new(frame_end, area.end));
        // Words before the quote in its sentence are part of what was said:
        // `Trump's plan may be "strategic," said X` is one mixed content.
        let start = content_start(doc, unit).min(span.start);
        if start < span.start && names_something(doc, q) {
            // `Washington, star of "Scandal," thanked X` / `In a memo, Y, the
            // executive in charge of "Today," reminded X`: a title or a name
            // in quotation marks after words of the sentence is what the
            // clause talks about, nobody's words.
            continue;
        }
        let mut content = vec![Span::new(start, span.end)];
        // "Q1," he said, "Q2." — the second half, in the same unit.
        if let Some(second) = quote_after(doc, frame_end, area.end) {
            content.push(second);
        } else if let Some(rest) =
            interrupted_rest(doc, claims, span, doc.mentions()[m].span, c, area, unit)
        {
            content.push(rest);
        }
        claims.add(match credited {
            Some(Credited::Mention(source)) => Draft::new(content, source, Some(c), sieve),
            Some(Credited::Phrase(phrase)) => Draft::phrase_sourced(content, phrase, c, sieve),
            None => Draft::new(content, m, Some(c), sieve),
        });
    }
}

/// Whether quote `q` is a title or a name, not speech: judged no speech by
/// the segmenter, and every word in it capitalized but for the small words
/// of a title ("Scandal", "Trumpcare", "The Walking Dead").
fn names_something(doc: &Doc, q: usize) -> bool {
    let quote = doc.quote(q);
    quote.hint != QuoteHint::Speech
        && doc
            .tokens(quote.span())
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .all(|t| {
                let word = doc.word(t);
                word.starts_with(char::is_uppercase) || TITLE_SMALL_WORDS.contains(&word)
            })
}

/// Words a title leaves in lower case.
const TITLE_SMALL_WORDS: [&str; 11] = [
    "a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to",
];

/// Prepositions that open a circumstance after a frame rather than a
/// reported clause of its own: `"Q?" X said *of* Apple in February, when…`.
const CIRCUMSTANCE_OPENERS: [&str; 9] = [
    "of", "during", "after", "before", "about", "while", "when", "from", "with",
];

fn speaker_then_quote(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for (c, cue) in doc.cues().iter().enumerate() {
        if !is_speech_frame(cue.frame) {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        // The quote first: most cues have none after them, and the search
        // for their speaker costs more.
        // "As X put it, "Q"".
        // The first token after the cue (after "put it"), within the unit:
        // one look-up, not the slice of the rest of the unit.
        let token_from = |offset: usize| {
            doc.first_token_from(offset)
                .filter(|t| t.span.end <= unit.end)
        };
        let mut first = token_from(cue.span.end);
        if cue.lemma == "put" {
            match first {
                Some(it) if doc.word(it) == "it" => first = token_from(it.span.end),
                _ => continue,
            }
        }
        let Some(from) = first.map(|t| t.span.start) else {
            continue;
        };
        // A quote after an adjunct (`X said last week in Madrid, "Q"`) only
        // through a precise cue.
        let right_after_cue = quote_opening_after_cue(doc, from, unit.end);
        let Some(q) = right_after_cue.or_else(|| {
            quote_after_adjunct(doc, from, unit.end).filter(|_| is_precise_cue(doc, c))
        }) else {
            continue;
        };
        let source = doc
            .source_of_cue(c, unit.start)
            .or_else(|| coordinated_speaker(doc, unit, cue.span.start));
        let Some(m) = source else { continue };
        // "X told the paper in *a written* statement, "Q"", "broke off with
        // *a dismissive*, "Q"": after a bare article the cue is an
        // adjective, not a verb of saying.
        if is_bare_determiner(doc, m) {
            continue;
        }
        if cue.lemma == "call" && after_relative(doc, unit, doc.mentions()[m].span.start) {
            // `on what she called "real solutions"`, `the massacre, which
            // he called "an evil act"`: the quote names a thing inside
            // another clause, whose frame takes it.
            continue;
        }
        // "X was asked, "Q"" / "jobs that are considered "Q"": the subject
        // of a passive cue is who was addressed or described, not who spoke.
        if is_passive(doc, c) {
            continue;
        }
        // "X rallied supporters in Y, saying: "Q"": a bare gerund has no
        // subject of its own; the mention before it is the clause's object
        // or circumstance, unless the unit opens with it (a caption: "X
        // asking, "Q""). participial_quote gives it the clause's speaker.
        let bare_gerund =
            cue.frame == CueFrame::Verb && cue.form == VerbForm::Gerund && !is_progressive(doc, c);
        if bare_gerund && doc.mentions()[m].span.start != content_start(doc, unit) {
            continue;
        }
        if opens_reported_clause(doc, claims, unit.start, doc.mentions()[m].span.start) {
            // She says X represents "Q": X's frame is inside her reported
            // clause, which speaker_cue_content takes whole.
            continue;
        }
        let span = doc.quote(q).span();
        let ends = ends_its_clause(doc, span, unit)
            || (right_after_cue.is_some() && closed_before_adjunct(doc, span, unit));
        if !ends {
            continue;
        }
        claims.add(Draft::new(vec![span], m, Some(c), sieve));
    }
}

fn participial_quote(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    let speaker_of_cue = speakers_of_cues(claims);
    for (c, cue) in doc.cues().iter().enumerate() {
        if !is_speech_frame(cue.frame) || cue.form != VerbForm::Gerund || is_progressive(doc, c) {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        // ", saying", "by saying", "before adding": the gerund hangs off the
        // clause, whose subject is its speaker.
        let lead = doc.tokens(Span::new(unit.start, cue.span.start)).last();
        if !lead.is_some_and(|t| is_punct(doc, t, &[","]) || is_one_of(doc, t, &PARTICIPLE_LEADS)) {
            continue;
        }
        let Some(span) = free_quote_ending_clause_after(doc, claims, cue.span.end, unit) else {
            continue;
        };
        let Some(m) = clause_speaker(doc, &speaker_of_cue, unit, c) else {
            continue;
        };
        claims.add(Draft::new(vec![span], m, Some(c), sieve));
    }
}

/// Whether "what" or "which" stands right before the mention at `start`.
fn after_relative(doc: &Doc, unit: Span, start: usize) -> bool {
    doc.tokens(Span::new(unit.start, start))
        .last()
        .is_some_and(|t| matches!(doc.word(t), "what" | "which"))
}

/// Words before a gerund cue that hang it off the clause: "began *by*
/// saying", "*before* adding".
const PARTICIPLE_LEADS: [&str; 7] = ["by", "upon", "before", "after", "while", "when", "then"];

/// The speaker of each cue an attribution was made with, as (cue, speaker)
/// sorted by cue; should a cue have two, the later one is found.
fn speakers_of_cues(claims: &Claims) -> Vec<(usize, usize)> {
    let mut speakers = Vec::with_capacity(claims.drafts.len());
    speakers.extend(
        claims
            .drafts
            .iter()
            .filter_map(|d| Some((d.cue?, d.source?))),
    );
    speakers.sort_by_key(|&(cue, _)| cue);
    speakers
}

/// The speaker of a participle's clause: the attribution already made in
/// its unit, the source of the verb before it ("X said, adding"), or the
/// mention the unit opens with.
fn clause_speaker(
    doc: &Doc,
    speaker_of_cue: &[(usize, usize)],
    unit: Span,
    c: usize,
) -> Option<usize> {
    let cue_start = doc.cues()[c].span.start;
    speaker_earlier_in_unit(doc, speaker_of_cue, unit, c)
        .or_else(|| earlier_source(doc, unit, cue_start))
        // "Then he cut into Bush, calling him…": the unit's opening mention.
        .or_else(|| opening_mention(doc, unit, cue_start))
}

/// The speaker of the last attribution made, before cue `c`, with a cue in
/// `unit`.
fn speaker_earlier_in_unit(
    doc: &Doc,
    speaker_of_cue: &[(usize, usize)],
    unit: Span,
    c: usize,
) -> Option<usize> {
    let before = speaker_of_cue.partition_point(|&(cue, _)| cue < c);
    let &(earlier, m) = speaker_of_cue.get(before.checked_sub(1)?)?;
    unit.contains(doc.cues()[earlier].span).then_some(m)
}

fn colon_lead_in(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for (c, cue) in doc.cues().iter().enumerate() {
        if !is_speech_frame(cue.frame) {
            continue;
        }
        let paragraph = doc.paragraph_of(cue.span.start);
        let Some(&para) = doc.segments.paragraphs.get(paragraph) else {
            continue;
        };
        let rest = doc.tokens(Span::new(cue.span.end, para.end));
        // The colon must be the paragraph's last token: most cues are ruled
        // out here, before their unit and the addressee scan below.
        if rest.last().is_none_or(|t| doc.word(t) != ":") {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        // Only the addressee may stand between the cue and the colon that
        // ends the paragraph ("told reporters:"); the scan stops at the
        // first other word, so it stays linear.
        let colon = rest.iter().position(|t| !is_object_word(doc, t));
        let addressee_only =
            colon.is_some_and(|colon| colon + 1 == rest.len() && doc.word(&rest[colon]) == ":");
        // Or a short circumstance with no quotation or cue of its own
        // ("said about the platform's draft:").
        let circumstance = || {
            rest.len() <= MAX_LEAD_IN_CIRCUMSTANCE_TOKENS
                && rest.iter().all(|t| t.kind != TokenKind::QuoteMark)
                && doc.cues_in(Span::new(cue.span.end, para.end)).is_empty()
        };
        if !addressee_only && !circumstance() {
            continue;
        }
        let Some(m) = doc.source_of_cue(c, unit.start) else {
            continue;
        };
        let Some(&next) = doc.segments.paragraphs.get(paragraph + 1) else {
            continue;
        };
        let Some(q) = quote_starting(doc, next.start, next.end) else {
            continue;
        };
        let content = vec![doc.quote(q).span()];
        claims.add(Draft::new(content, m, Some(c), sieve));
    }
}

/// Tokens between a cue and the colon ending its paragraph, colon included.
const MAX_LEAD_IN_CIRCUMSTANCE_TOKENS: usize = 16;

fn speaker_colon(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for (m, mention) in doc.mentions().iter().enumerate() {
        // The colon can only be the first token after the mention: most
        // mentions are ruled out before their unit is looked up.
        if !doc
            .first_token_from(mention.span.end)
            .is_some_and(|t| is_punct(doc, t, &[":"]))
        {
            continue;
        }
        let Some(u) = doc.unit_of(mention.span.start) else {
            continue;
        };
        let unit = doc.units[u].span;
        let rest = doc.tokens(Span::new(mention.span.end, unit.end));
        if !rest.first().is_some_and(|t| is_punct(doc, t, &[":"])) || doc.is_quoted(mention.span) {
            continue;
        }
        let Some(after) = rest.get(1) else { continue };
        if is_byline(doc, unit, mention.span.start) {
            continue;
        }
        // A speaker opening its paragraph (a headline or a transcript), or
        // any speaker followed by a quotation.
        let paragraph = doc.segments.paragraphs[doc.paragraph_of(mention.span.start)];
        let opens = doc
            .tokens(paragraph)
            .first()
            .is_some_and(|t| t.span.start == mention.span.start);
        let quote = quote_starting(doc, after.span.start, unit.end);
        if !opens && quote.is_none() {
            continue;
        }
        let content = match quote {
            Some(q) if !opens => doc.quote(q).span(),
            _ => trim(doc, Span::new(after.span.start, unit.end)),
        };
        if word_count(doc, content) < 2 {
            continue;
        }
        // "X told CNN: "Q"", "X wrote on Facebook: "Q"", "X said of Y:
        // "Q"": a speech verb before the mention makes it the addressee,
        // medium or topic; the speaker is the verb's.
        let (m, cue) = match speech_cue_before(doc, unit, mention.span.start) {
            Some(c) => {
                let Some(speaker) = speaker_of_cue(doc, unit, c) else {
                    continue;
                };
                (speaker, claims.cue_is_free(c).then_some(c))
            }
            None => (headline_speaker(doc, unit, m).unwrap_or(m), None),
        };
        claims.add(Draft::new(vec![content], m, cue, sieve));
    }
}

/// Whether the mention at `start` is the author of a byline: `"Headline,"
/// by The Post's X: "excerpt"`. The excerpt after the colon is the
/// article's text, which PolNeAR does not take for anybody's words.
fn is_byline(doc: &Doc, unit: Span, start: usize) -> bool {
    let before = doc.tokens(Span::new(unit.start, start));
    // Past the outlet's possessive: "The Wall Street Journal's", "Times'".
    let outlet = before
        .iter()
        .rev()
        .take(MAX_BYLINE_OUTLET_TOKENS + 1)
        .take_while(|t| {
            let word = doc.word(t);
            word.starts_with(char::is_uppercase) || matches!(word, "'s" | "’s" | "'" | "’")
        })
        .count();
    before
        .len()
        .checked_sub(outlet + 1)
        .is_some_and(|by| doc.word(&before[by]) == "by")
}

/// Tokens of an outlet's name and possessive before a byline's author.
const MAX_BYLINE_OUTLET_TOKENS: usize = 6;

/// The source an "according to" names.
enum Credited {
    /// A known mention opens the phrase: `according to *Reuters*`.
    Mention(usize),
    /// A phrase the speaker matcher does not know as a mention: `according
    /// to *a transcript of the show*`, up to the next comma.
    Phrase(Span),
}

/// The source an "according to" cue within `span` credits: `, according to
/// *Y*`.
fn according_to_in(doc: &Doc, span: Span) -> Option<Credited> {
    let cues = doc.cues();
    let c = cues[doc.cues_in(span)]
        .iter()
        .find(|c| c.frame == CueFrame::AccordingTo)?;
    let after = doc.tokens(Span::new(c.span.end, span.end));
    if let Some(m) = doc.mention_starting_at_token(after.first()?.span.start, span.end) {
        return Some(Credited::Mention(m));
    }
    let len = after
        .iter()
        .take(MAX_SOURCE_PHRASE_TOKENS)
        .take_while(|t| {
            !is_punct(doc, t, &[",", ";", ".", "—", "–"]) && t.kind != TokenKind::QuoteMark
        })
        .count();
    let phrase = trim(doc, span_of(&after[..len]));
    (word_count(doc, phrase) > 0).then_some(Credited::Phrase(phrase))
}

/// The speaker of a headline "X on Y: "Q"": the mention the unit opens
/// with, when "on" joins it to mention `m` before the colon (Y is the topic).
fn headline_speaker(doc: &Doc, unit: Span, m: usize) -> Option<usize> {
    let mention = doc.mentions()[m].span;
    let first = doc.mention_starting_at_token(unit.start, mention.start)?;
    let between = doc.tokens(Span::new(doc.mentions()[first].span.end, mention.start));
    let joined = between
        .first()
        .is_some_and(|t| doc.word(t).eq_ignore_ascii_case("on"));
    (first != m && joined && doc.mentions()[first].span.start == content_start(doc, unit))
        .then_some(first)
}

/// The last speech cue in `unit` before `offset`, outside quotation marks.
fn speech_cue_before(doc: &Doc, unit: Span, offset: usize) -> Option<usize> {
    let cues = doc.cues();
    doc.cues_in(Span::new(unit.start, offset))
        .rev()
        .find(|&c| is_speech_frame(cues[c].frame) && !doc.is_quoted(cues[c].span))
}

/// The speaker of cue `c`: its subject, or for a bare gerund ("…, telling
/// CNN") the clause's.
fn speaker_of_cue(doc: &Doc, unit: Span, c: usize) -> Option<usize> {
    let cue = &doc.cues()[c];
    if cue.form == VerbForm::Gerund && !is_progressive(doc, c) {
        earlier_source(doc, unit, cue.span.start)
            .or_else(|| opening_mention(doc, unit, cue.span.start))
    } else {
        doc.source_of_cue(c, unit.start)
    }
}

fn dash_signature(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for &q in &doc.outer_quotes {
        let quote = doc.quote(q);
        let span = quote.span();
        if !quote.closed || !claims.is_free(span) || !starts_line(doc.text, span.start) {
            continue;
        }
        let Some(name_start) = signature_after(doc.text, span.end) else {
            continue;
        };
        let Some(m) = doc.mention_starting_at_token(name_start, doc.text.len()) else {
            continue;
        };
        let mention = &doc.mentions()[m];
        if mention.span.start != name_start || mention.kind == MentionKind::Pronoun {
            continue;
        }
        // The signature is a name with at most a short description
        // ("-Michelle Marks, Philadelphia."), never a sentence of its own.
        let line_end = doc.text[mention.span.end..]
            .find('\n')
            .map_or(doc.text.len(), |i| mention.span.end + i);
        let description = doc.tokens(Span::new(mention.span.end, line_end));
        let words = description
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if words > MAX_SIGNATURE_WORDS || description.iter().any(|t| t.kind == TokenKind::QuoteMark)
        {
            continue;
        }
        claims.add(Draft::new(vec![span], m, None, sieve));
    }
}

/// Words a dash signature may carry after the name: a place, a role, "tweeting
/// after the speech".
const MAX_SIGNATURE_WORDS: usize = 8;

/// Whether only spaces stand between the start of its line and `offset`.
fn starts_line(text: &str, offset: usize) -> bool {
    text[..offset]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

/// Where the name of a dash signature starts, when the text after `offset`
/// is a dash on the same line, or a dash opening the next paragraph: `” ―
/// Name`, `”― Name`, `"` ¶ `- Name`.
fn signature_after(text: &str, offset: usize) -> Option<usize> {
    let rest = &text[offset..];
    let gap = rest.len() - rest.trim_start().len();
    if rest[..gap].matches('\n').count() > 2 {
        return None;
    }
    let rest = &rest[gap..];
    let dash = ["―", "—", "–", "--", "-"]
        .into_iter()
        .find(|d| rest.starts_with(d))?;
    let after = &rest[dash.len()..];
    let space = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    Some(offset + gap + dash.len() + space)
}

fn according_to(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for (c, cue) in doc.cues().iter().enumerate() {
        if cue.frame != CueFrame::AccordingTo {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        let after = doc.tokens(Span::new(cue.span.end, unit.end));
        let (source, content) = if starts_unit(doc, unit, cue.span.start) {
            // According to X, C.
            let Some(comma) = after
                .iter()
                .take(MAX_SOURCE_PHRASE_TOKENS)
                .position(|t| is_punct(doc, t, &[","]) || t.kind == TokenKind::QuoteMark)
            else {
                continue;
            };
            if !is_punct(doc, &after[comma], &[","]) {
                continue;
            }
            let source = Span::new(cue.span.end, after[comma].span.start);
            (
                source,
                trim(doc, Span::new(after[comma].span.end, unit.end)),
            )
        } else if let Some(comma) = comma_before(doc, unit.start, cue.span.start) {
            // C, according to X.
            if after.len() > MAX_SOURCE_PHRASE_TOKENS
                || after.iter().any(|t| t.kind == TokenKind::QuoteMark)
            {
                continue;
            }
            let content = clause_before(doc, Span::new(content_start(doc, unit), comma));
            (Span::new(cue.span.end, unit.end), trim(doc, content))
        } else {
            continue;
        };
        let source = trim(doc, source);
        if word_count(doc, content) < 3 || word_count(doc, source) == 0 {
            continue;
        }
        // `"Q," X said at a rally, according to Y`: the words before are a
        // frame an earlier sieve used, which "according to" sources, not
        // content of its own.
        if frames_a_claim(doc, claims, content) {
            continue;
        }
        // The source is the mention that opens the phrase ("according to
        // *Kirby*, a spokesman"), else the phrase itself ("according to *a
        // Reuters poll*", "according to *state records*").
        let draft = match doc.source_after(cue.span.end, source.end) {
            Some(m) => Draft::new(vec![content], m, Some(c), sieve),
            None => Draft::phrase_sourced(vec![content], source, c, sieve),
        };
        claims.add(draft);
    }
    for unit in &doc.units {
        as_x_put_it(doc, claims, sieve, unit.span);
    }
}

/// `As X put it, C` / `C1, as X puts it, C2` / `C, as X put it.`: X is
/// the source of the clause after the frame (before it, when the frame ends
/// the sentence), as of "according to X, C". A short adjunct may follow
/// "it" (`As X put it in a statement in July, C`). PolNeAR marks the
/// clause, quoted or not; before this rule none of its 9 such items on
/// train and dev had a row.
fn as_x_put_it(doc: &Doc, claims: &mut Claims, sieve: &'static str, unit: Span) {
    let tokens = doc.tokens(unit);
    for (i, t) in tokens.iter().enumerate() {
        // Every token of the text comes here: the test of its length first,
        // the comma before it only for an "as".
        if t.span.len() != 2 || !doc.word(t).eq_ignore_ascii_case("as") {
            continue;
        }
        let after_comma = i > 0 && is_punct(doc, &tokens[i - 1], &[","]);
        if i > 0 && !after_comma {
            continue;
        }
        let Some(m) = doc.mention_starting_at_token(t.span.end, unit.end) else {
            continue;
        };
        let mention = doc.mentions()[m].span;
        if tokens
            .get(i + 1)
            .is_none_or(|first| first.span.start != mention.start)
        {
            continue;
        }
        let rest = doc.tokens(Span::new(mention.end, unit.end));
        let [verb, it, adjunct @ ..] = rest else {
            continue;
        };
        if !PUT_IT_VERBS.contains(&doc.word(verb)) || doc.word(it) != "it" {
            continue;
        }
        let Some(end) = adjunct.iter().take(MAX_ADJUNCT_TOKENS + 1).position(|t| {
            is_punct(doc, t, &[",", ":", ".", ";"]) || t.kind == TokenKind::QuoteMark
        }) else {
            continue;
        };
        let mark = &adjunct[end];
        let content = if is_punct(doc, mark, &[",", ":"]) {
            clause(doc, Span::new(mark.span.end, unit.end))
        } else if after_comma && is_punct(doc, mark, &[".", ";"]) {
            clause_before(
                doc,
                Span::new(content_start(doc, unit), tokens[i - 1].span.start),
            )
        } else {
            continue;
        };
        let content = trim(doc, content);
        let cue = doc.cue_at_token(verb);
        if word_count(doc, content) >= 3 && claims.is_free(content) {
            claims.add(Draft::new(vec![content], m, cue, sieve));
        }
    }
}

/// The verbs of `as X put it`.
const PUT_IT_VERBS: [&str; 8] = [
    "put",
    "puts",
    "said",
    "says",
    "wrote",
    "writes",
    "noted",
    "described",
];

/// The `X said` frame right after a quote that ends its clause with a
/// comma inside its marks (`"Q," he said`): the speaker and the cue.
fn frame_closing_quote(doc: &Doc, claims: &Claims, quote: Span) -> Option<(usize, usize)> {
    if !closes_with(doc, quote, &[","]) {
        return None;
    }
    let unit = doc.units[doc.unit_of(quote.start)?].span;
    let next = doc.first_token_in(Span::new(quote.end, unit.end))?;
    speech_cues(doc, claims, next.span.start, unit.end)
        .take(3)
        .find_map(|c| {
            let m = speaker_before_cue(doc, next.span.start, c)?;
            (!is_relative_pronoun(doc.mentions()[m].span.text(doc.text))).then_some((m, c))
        })
}

/// Whether `span` holds a cue an earlier attribution was made with.
fn frames_a_claim(doc: &Doc, claims: &Claims, span: Span) -> bool {
    doc.cues_in(span).any(|c| !claims.cue_is_free(c))
}

/// The longest source phrase `according_to` takes ("according to early
/// results of exit polls conducted for the AP by Edison Research").
const MAX_SOURCE_PHRASE_TOKENS: usize = 25;

fn speaker_cue_content(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for c in 0..doc.cues().len() {
        speaker_cue_content_at(doc, claims, sieve, c);
    }
}

/// [`speaker_cue_content`] for cue `c` alone. What it reads and claims lies
/// in the cue's unit (its content, and the later cues of the unit that may
/// frame it), so the units of a document may be searched apart.
fn speaker_cue_content_at(doc: &Doc, claims: &mut Claims, sieve: &'static str, c: usize) {
    let Some(unit) = open_finite_speech_cue(doc, claims, c) else {
        return;
    };
    let cue_start = doc.cues()[c].span.start;
    if doc.in_appositive_parenthesis(cue_start, unit.start) {
        return;
    }
    let source = doc
        .source_of_cue(c, unit.start)
        .or_else(|| coordinated_subject(doc, unit, cue_start))
        .or_else(|| subject_across_coordination(doc, unit, cue_start));
    let Some(m) = source else { return };
    if is_bare_determiner(doc, m)
        || names_an_indefinite(doc, m, c)
        || doc.mentions()[m]
            .span
            .text(doc.text)
            .eq_ignore_ascii_case("that")
        || follows_complementizer_or_object_preposition(doc, m, unit)
        || object_of_fronted_preposition(doc, m, unit)
    {
        return;
    }
    if let Some((outer, speaker)) = outer_frame_of_relative(doc, claims, c, m, unit) {
        claim_clause_after_cue(
            doc,
            claims,
            sieve,
            (Source::Mention(speaker), outer),
            unit,
            3,
        );
        return;
    }
    if closed_by_later_frame(doc, claims, c, unit)
        || closes_content_before(doc, claims, c)
        || subordinate_frame_after(doc, claims, c, unit)
    {
        return;
    }
    let unit = match absolute_gerund_after(doc, c, unit)
        .or_else(|| quoting_frame_after(doc, claims, c, unit))
    {
        Some(end) => Span::new(unit.start, end),
        None => unit,
    };
    claim_clause_after_cue(doc, claims, sieve, (Source::Mention(m), c), unit, 3);
}

/// Where an absolute construction with a quoting gerund of its own starts
/// after cue `c`: "The attack sparked a debate, *with McCain telling*
/// reporters he was "directly responsible"", "the campaign has denied it,
/// *with Lewandowski taking* to Twitter to call her "delusional"". The
/// clause of `c` ends there; `participial_cue` gives the rest to the
/// gerund's subject ([`subject_of_gerund`]).
fn absolute_gerund_after(doc: &Doc, c: usize, unit: Span) -> Option<usize> {
    let cue_end = doc.cues()[c].span.end;
    doc.cues_after(c, clause_reach(doc, cue_end, unit.end))
        .find_map(|d| {
            let gerund = &doc.cues()[d];
            if gerund.frame != CueFrame::Verb || gerund.form != VerbForm::Gerund {
                return None;
            }
            let subject = doc.mentions()[subject_of_gerund(doc, unit, d)?].span;
            let with = doc.tokens(Span::new(cue_end, subject.start)).last()?;
            (subject.start >= cue_end && doc.word(with) == "with").then_some(with.span.start)
        })
}

/// Whether a subordinate clause after cue `c` has a frame of its own that
/// is more often a cue than `c` is, and quotes: "X decided not to indict
/// *even though he found "evidence"*", "Democrats blocked the bill
/// *because they said* the language was "a poison pill"". The quotation is
/// the later speaker's, whose cue [`speaker_cue_content`] reaches next;
/// `c` (often no verb of saying at all) would swallow it with its clause
/// and give it to the wrong speaker. Not when a "that" or a quotation
/// comes first ("X charged *that* C because they said…"): the subordinate
/// clause is then inside what `c` reports.
fn subordinate_frame_after(doc: &Doc, claims: &Claims, c: usize, unit: Span) -> bool {
    let cue = &doc.cues()[c];
    let later_cues = doc.cues_after(c, clause_reach(doc, cue.span.end, unit.end));
    later_cues
        .filter(|&d| doc.cues()[d].precision > cue.precision)
        .any(|d| {
            let Some(subject) = doc.source_of_cue(d, unit.start) else {
                return false;
            };
            let subject = doc.mentions()[subject].span;
            if subject.start < cue.span.end || open_finite_speech_cue(doc, claims, d).is_none() {
                return false;
            }
            let between = doc.tokens(Span::new(cue.span.end, subject.start));
            let Some((opener, before)) = between.split_last() else {
                return false;
            };
            let d_end = doc.cues()[d].span.end;
            let quoting_subordinate = words::is_in(&words::SUBORDINATORS, doc.word(opener))
                && doc
                    .quotes_in(Span::new(d_end, unit.end))
                    .any(|q| doc.is_speech_like(q));
            // "When I ask him C, he says C2": the comma closes a fronted
            // clause, and "he says" is the main clause, not an aside.
            let parenthetical = doc.word(opener) == ","
                && !opens_with_subordinator(doc, unit)
                && doc.cues()[d].precision >= PARENTHETICAL_CUE_MIN_PRECISION
                && closes_parenthesis(doc, d_end, unit.end);
            (quoting_subordinate || parenthetical)
                && !before
                    .iter()
                    .any(|t| t.kind == TokenKind::QuoteMark || doc.word(t) == "that")
        })
}

/// Where a later clause in the unit of cue `c` starts that has a named
/// subject and a finite verb of saying of its own, and quotes: "Clinton
/// weighed in on Tuesday, hours after *Sanders said* he was "encouraged"",
/// "Even people who backed the plan were lukewarm: *Harman called* it "the
/// least bad option"". The quotation is that later speaker's, whose cue
/// [`speaker_cue_content`] reaches next; `c`'s clause ends where the later
/// one opens, or it would swallow the quotation and give it to the wrong
/// speaker. The later subject must open a clause: right after a comma,
/// colon, subordinator, relative word or "and" (not after a preposition
/// or verb, whose object it would be), with no "that" or quotation mark
/// between the cues ("X said *that* Y called it "Q"" is X's). A pronoun
/// subject is left alone: "what he calls "Q"", "because he accepted "Q""
/// stay the outer speaker's in PolNeAR.
fn quoting_frame_after(doc: &Doc, claims: &Claims, c: usize, unit: Span) -> Option<usize> {
    let cue_end = doc.cues()[c].span.end;
    let reach = clause_reach(doc, cue_end, unit.end);
    doc.cues_after(c, reach).find_map(|d| {
        let later = &doc.cues()[d];
        if later.frame != CueFrame::Verb
            || !matches!(later.form, VerbForm::Past | VerbForm::Present)
            || (!doc.licenses_reported_speech(d) && claims.cue_is_free(d))
        {
            return None;
        }
        let subject = doc.source_of_cue(d, unit.start)?;
        if doc.mentions()[subject].kind != MentionKind::Name {
            return None;
        }
        let subject = doc.mentions()[subject].span;
        // The later cue may already be claimed, even when its lemma is
        // not licensed for reported speech ("X cheers, and then Y
        // continues: "Q"", whose quote speaker_then_quote gave Y): an
        // earlier sieve found it a verb of saying with a quote.
        let finite_unit = doc.finite_speech_unit(d, || finite_speech_unit(doc, d));
        if subject.start < cue_end || finite_unit.is_none() {
            return None;
        }
        let between = doc.tokens(Span::new(cue_end, subject.start));
        let opener = between.last()?;
        let opens_clause = is_punct(doc, opener, &[",", ":"])
            || words::is_in(&words::SUBORDINATORS, doc.word(opener))
            || is_one_of(doc, opener, &CLAUSE_OPENING_WORDS);
        let quotes = doc
            .tokens(Span::new(later.span.end, reach))
            .iter()
            .take(QUOTING_FRAME_REACH)
            .filter(|t| t.kind == TokenKind::QuoteMark)
            .any(|t| {
                doc.outer_quote_at(t.span.start).is_some_and(|q| {
                    doc.quote(q).span().start == t.span.start && doc.is_speech_like(q)
                })
            });
        (opens_clause
            && quotes
            && !between
                .iter()
                .any(|t| t.kind == TokenKind::QuoteMark || doc.word(t) == "that"))
        .then_some(opener.span.start)
    })
}

/// Words after which a mention opens a clause of its own ("and *Y* said",
/// "in which *Y* declares", "what *Y* calls").
const CLAUSE_OPENING_WORDS: [&str; 5] = ["and", "which", "what", "whom", "then"];

/// How many tokens after a later frame's verb its quotation may open.
const QUOTING_FRAME_REACH: usize = 12;

/// Whether `unit` opens with a subordinate clause ("While X claimed C, …").
fn opens_with_subordinator(doc: &Doc, unit: Span) -> bool {
    doc.tokens(Span::new(content_start(doc, unit), unit.end))
        .first()
        .is_some_and(|t| words::is_in(&words::SUBORDINATORS, doc.word(t)))
}

/// Whether a comma follows `offset` within a short adjunct ("*,*", " in a
/// telephone interview*,*"), with no quotation mark before it: the end of a
/// parenthetical frame, `C1, he said, C2`.
fn closes_parenthesis(doc: &Doc, offset: usize, limit: usize) -> bool {
    doc.tokens(Span::new(offset, limit))
        .iter()
        .take(MAX_ADJUNCT_TOKENS)
        .take_while(|t| t.kind != TokenKind::QuoteMark)
        .any(|t| is_punct(doc, t, &[","]))
}

/// The lowest lexicon precision of the cue of a parenthetical frame that
/// takes a clause from an earlier cue ("said", "added", "explained").
const PARENTHETICAL_CUE_MIN_PRECISION: f32 = 0.8;

/// When cue `c` sits in a restrictive relative clause whose subject is
/// the relative pronoun `m` and a later finite cue closes the subject
/// phrase ("economists *who favor* taxes *agree* that C"): that later cue
/// and the pronoun's antecedent (or the pronoun itself) frame the content.
fn outer_frame_of_relative(
    doc: &Doc,
    claims: &Claims,
    c: usize,
    m: usize,
    unit: Span,
) -> Option<(usize, usize)> {
    let pronoun = doc.mentions()[m].span;
    if !["who", "that", "which"].contains(&pronoun.text(doc.text)) {
        return None;
    }
    // After a comma the clause is an apposition, its cue the speaker's own.
    let before = doc.tokens(Span::new(unit.start, pronoun.start));
    if before.last().is_none_or(|t| t.kind != TokenKind::Word) {
        return None;
    }
    let cue_end = doc.cues()[c].span.end;
    let outer = (c + 1..doc.cues().len())
        .take_while(|&later| doc.cues()[later].span.start < unit.end)
        .find(|&later| open_finite_speech_cue(doc, claims, later).is_some())?;
    // The outer cue opens a that-clause: after a bare clause, the words
    // from the inner cue on are as often its own content ("voters who said
    // the economy *mattered* most").
    let outer_end = doc.cues()[outer].span.end;
    if doc
        .first_token_from(outer_end)
        .is_none_or(|t| doc.word(t) != "that")
    {
        return None;
    }
    // The relative clause runs on to the outer cue: a few words, no
    // punctuation, clause opener or quotation between.
    let between = doc.tokens(Span::new(cue_end, doc.cues()[outer].span.start));
    if between.len() > MAX_RELATIVE_OBJECT_TOKENS
        || between
            .iter()
            .any(|t| t.kind != TokenKind::Word || is_one_of(doc, t, &["that", "and", "but", "who"]))
    {
        return None;
    }
    let speaker = doc
        .mention_ending_by(pronoun.start, unit.start)
        .filter(|&a| {
            doc.text
                .get(doc.mentions()[a].span.end..pronoun.start)
                .is_some_and(|gap| gap.trim().is_empty())
        })
        .unwrap_or(m);
    Some((outer, speaker))
}

/// The most tokens between a relative clause's cue and the outer cue
/// ("who favor *higher taxes on fuel* agree").
const MAX_RELATIVE_OBJECT_TOKENS: usize = 6;

/// Whether cue `c` is the frame of the words before it and only an adjunct
/// follows it, perhaps after a day: `C, X said in a video message to the
/// convention.`, `C, X said Tuesday in Paris.` The content is C, which
/// `content_then_speaker` takes, not the adjunct (the day: train quoted
/// F1 +0.0001, mixed recall +0.0004; dev level).
fn closes_content_before(doc: &Doc, claims: &Claims, c: usize) -> bool {
    let cue_end = doc.cues()[c].span.end;
    let after = doc.tokens(Span::new(cue_end, doc.text.len()));
    // A day may come first: "X said *Tuesday* in Paris".
    let next = after
        .iter()
        .take(2)
        .find(|t| !is_day_word(doc.word(t)))
        .map(|t| doc.word(t));
    next.is_some_and(|w| ADJUNCT_OPENERS.contains(&w)) && closing_frame(doc, claims, c).is_some()
}

/// Whether `word` names a day ("Tuesday", "yesterday").
fn is_day_word(word: &str) -> bool {
    matches!(word, "yesterday" | "today" | "tonight") || words::WEEKDAYS.contains(&word)
}

/// Words that open an adjunct of a frame rather than a reported clause
/// ("she said *in* a video message", "X wrote *last* week").
const ADJUNCT_OPENERS: [&str; 9] = [
    "in", "on", "at", "during", "after", "before", "via", "last", "earlier",
];

/// Whether mention `m` comes right after a lowercase "that", "how",
/// "whether", "why" or a preposition that takes an object: it is then the
/// subject of a clause inside someone else's words ("insisted that *Trump*
/// should release them") or of a relative clause ("the bill that *Ruiz*
/// signed"), seldom the speaker of a clause of its own.
fn follows_complementizer_or_object_preposition(doc: &Doc, m: usize, unit: Span) -> bool {
    let before = doc.tokens(Span::new(unit.start, doc.mentions()[m].span.start));
    before.last().is_some_and(|t| {
        doc.word(t) == "that"
            || OBJECT_PREPOSITIONS.contains(&doc.word(t))
            || WH_COMPLEMENTIZERS.contains(&doc.word(t))
    })
}

/// Whether mention `m` is the object of a preposition that opens its
/// sentence: "*In a statement* released Monday, X said C", "*In the
/// Senate*, he said C". The mention is a place, a time or a document,
/// not the speaker, who comes after the comma.
fn object_of_fronted_preposition(doc: &Doc, m: usize, unit: Span) -> bool {
    let before = doc.tokens(Span::new(unit.start, doc.mentions()[m].span.start));
    let before = match before {
        [rest @ .., last] if matches!(doc.word(last), "a" | "an" | "the") => rest,
        _ => before,
    };
    match before {
        [.., previous, preposition] => {
            FRONTED_PREPOSITIONS.contains(&doc.word(preposition)) && ends_sentence(doc, previous)
        }
        [preposition] => FRONTED_PREPOSITIONS.contains(&doc.word(preposition)),
        [] => false,
    }
}

/// Prepositions whose object, at the start of a sentence, is a scene
/// rather than a speaker.
const FRONTED_PREPOSITIONS: [&str; 4] = ["In", "At", "During", "On"];

/// Whether `token` ends a sentence: a full stop, a question or exclamation
/// mark, or a quotation mark (after which a new sentence starts at a
/// capital).
fn ends_sentence(doc: &Doc, token: &Token) -> bool {
    token.kind == TokenKind::QuoteMark || matches!(doc.word(token), "." | "?" | "!")
}

/// Lowercase words that open a clause inside another ("it is unclear
/// *whether he* believes", "outlined *how he* thinks"): a mention right
/// after one is that inner clause's subject, whose words are part of the
/// outer clause (on PolNeAR train: attribution F1 +0.0009, quoted F1 level).
/// "what" is left out: `what he called "Q"` is mostly his quote in
/// PolNeAR, and with it quoted F1 fell.
const WH_COMPLEMENTIZERS: [&str; 3] = ["how", "whether", "why"];

/// Prepositions after which a mention is an object, not the cue's subject
/// ("linked *to* a group called", "*with* the most expensive plans"): the
/// rows of PolNeAR train whose mention follows one were right 0.28 of the
/// time ("in", "by", "of" are not here: "officials in Ohio said" is common).
const OBJECT_PREPOSITIONS: [&str; 4] = ["to", "with", "than", "against"];

/// Whether cue `c` is a naming participle between an indefinite noun
/// phrase, `m`, and a name: "a website *called* "Q"", "a super PAC *dubbed*
/// Future 45", "a worker *named* Ana Ruiz". The participle names the thing
/// or person; nobody is quoted (on PolNeAR train none of the 19 such rows
/// was right). "A spokesman called the plan "Q"" has a lowercase object.
fn names_an_indefinite(doc: &Doc, m: usize, c: usize) -> bool {
    let cue = &doc.cues()[c];
    let mention = doc.mentions()[m].span;
    let opens_name =
        |t: &Token| t.kind == TokenKind::QuoteMark || doc.word(t).starts_with(char::is_uppercase);
    cue.form == VerbForm::Past
        && NAMING_LEMMAS.contains(&cue.lemma)
        && doc
            .tokens(Span::new(mention.end, cue.span.start))
            .is_empty()
        && doc
            .tokens(mention)
            .first()
            .is_some_and(|t| is_one_of(doc, t, &["a", "an"]))
        && doc
            .tokens(Span::new(cue.span.end, doc.text.len()))
            .first()
            .is_some_and(opens_name)
}

/// Verbs whose past participle names what comes before it ("a film
/// *called*", "a plan *dubbed*").
const NAMING_LEMMAS: [&str; 5] = ["call", "dub", "label", "name", "title"];

/// Whether mention `m` is only an article or a possessive ("*the* announced
/// plan", "*his* call for"): the cue after it is then a noun or an adjective.
fn is_bare_determiner(doc: &Doc, m: usize) -> bool {
    words::is_in(&words::DETERMINERS, doc.mentions()[m].span.text(doc.text))
}

/// `X's claim that C`, `his insistence that C`, `Sanders's point was that
/// C`, `her refusal to V`, `the suggestion by X that C`: a noun cue after a
/// possessive or before a by-phrase, the possessor or agent its speaker
/// and the that-clause or infinitive its content (PolNeAR marks these as
/// attributions, the possessive as source).
fn possessive_noun_that(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for (c, cue) in doc.cues().iter().enumerate() {
        let noun = cue.frame == CueFrame::Noun || cue.form == VerbForm::Gerund;
        if !noun || !claims.cue_is_free(c) || doc.is_quoted(cue.span) {
            continue;
        }
        let Some(u) = doc.unit_of(cue.span.start) else {
            continue;
        };
        let unit = doc.units[u].span;
        let rest = doc.tokens(Span::new(cue.span.end, unit.end));
        // "the suggestion by X that C", "the decision by X to V": the agent
        // of the by-phrase is the speaker, and the clause follows it.
        let (rest, agent) = match rest {
            [by, ..] if doc.word(by) == "by" => {
                let Some(m) = doc.mention_starting_at_token(by.span.end, unit.end) else {
                    continue;
                };
                let after = doc.mentions()[m].span.end;
                (doc.tokens(Span::new(after, unit.end)), Some(m))
            }
            _ => (rest, None),
        };
        let that = match rest {
            [t, ..] if doc.word(t).eq_ignore_ascii_case("that") => t,
            [be, t, ..]
                if matches!(doc.word(be), "is" | "was")
                    && doc.word(t).eq_ignore_ascii_case("that") =>
            {
                t
            }
            [to, verb, ..]
                if doc.word(to) == "to"
                    && cue.form != VerbForm::Gerund
                    && cue.precision >= MIN_INFINITIVE_NOUN_PRECISION
                    && opens_infinitive(doc, verb) =>
            {
                to
            }
            _ => continue,
        };
        let Some(m) = agent.or_else(|| possessor_before(doc, unit, cue.span.start)) else {
            continue;
        };
        let mut end = claims
            .first_taken_in(Span::new(that.span.start, unit.end))
            .unwrap_or(unit.end);
        if doc.word(that) == "to" {
            end = infinitive_end(doc, Span::new(that.span.start, end));
        }
        let content = trim(doc, clause(doc, Span::new(that.span.start, end)));
        if word_count(doc, content) >= 4 && claims.is_free(content) {
            claims.add(Draft::new(vec![content], m, Some(c), sieve));
        }
    }
}

/// Where an infinitive after a noun cue ends, within `span`: before the
/// first finite auxiliary, the main verb of the sentence the noun phrase
/// is the subject of ("his refusal to answer fully *did* not go over
/// well", "her plan to raise taxes *is* popular"); an infinitive holds no
/// finite verb of its own, but a clause inside it may ("to ask whom he
/// *would* call"), so the search stops at a relative or wh-word.
fn infinitive_end(doc: &Doc, span: Span) -> usize {
    for t in doc.tokens(span).iter().skip(2) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let word = doc.word(t);
        if CLAUSE_INSIDE_INFINITIVE.contains(&word) {
            break;
        }
        if words::FINITE_AUXILIARIES.contains(&word) {
            return t.span.start;
        }
    }
    span.end
}

/// Whether `token`, right after "to", can be the verb of an infinitive
/// ("his promise to *build*"), not the object of a preposition ("her
/// response to *the* ruling", "his opposition to *expanding*", "his
/// speech to *Congress*"): a lowercase word that is no determiner and no
/// -ing or -ed form.
fn opens_infinitive(doc: &Doc, token: &Token) -> bool {
    let word = doc.word(token);
    token.kind == TokenKind::Word
        && word.starts_with(|ch: char| ch.is_ascii_lowercase())
        && !words::is_in(&words::DETERMINERS, word)
        && !NOUN_PHRASE_OPENERS.contains(&word)
        && !word.ends_with("ing")
        && !word.ends_with("ed")
}

/// The least lexicon precision of a noun cue whose content is an
/// infinitive ("his promise to build", "her refusal to debate"): nouns of
/// plans and decisions ("plan", "decision", "proposal", below 0.15) are
/// mostly not attributions in PolNeAR.
const MIN_INFINITIVE_NOUN_PRECISION: f32 = 0.15;

/// Words that open a clause of its own inside an infinitive: the
/// auxiliaries after them are that clause's ([`infinitive_end`]).
const CLAUSE_INSIDE_INFINITIVE: [&str; 10] = [
    "who", "whom", "which", "that", "what", "whether", "when", "where", "why", "how",
];

/// Words after "to" that open a noun phrase, not an infinitive ("his
/// reply to *them*", "her appeal to *all* voters").
const NOUN_PHRASE_OPENERS: [&str; 14] = [
    "me", "him", "us", "them", "it", "this", "that", "these", "those", "some", "all", "any",
    "each", "both",
];

/// The possessive mention before a noun at `noun_start`, over at most two
/// lowercase modifiers: "*Trump's* false claim", "*his* insistence",
/// "*the campaign's* earlier claim".
fn possessor_before(doc: &Doc, unit: Span, noun_start: usize) -> Option<usize> {
    let before = doc.tokens(Span::new(unit.start, noun_start));
    let modifiers = before
        .iter()
        .rev()
        .take(MAX_POSSESSED_MODIFIERS + 1)
        .take_while(|t| {
            t.kind == TokenKind::Word
                && doc.word(t).starts_with(|ch: char| ch.is_ascii_lowercase())
                && !words::is_in(&words::DETERMINERS, doc.word(t))
                && doc.mention_containing(t.span).is_none()
        })
        .count();
    if modifiers > MAX_POSSESSED_MODIFIERS {
        return None;
    }
    let last = before.get(before.len().checked_sub(modifiers + 1)?)?;
    let marker = is_punct(doc, last, &["'s", "’s", "'", "’"]);
    let end = if marker {
        last.span.start
    } else {
        last.span.end
    };
    let m = doc.mention_ending_by(end, unit.start)?;
    let mention = doc.mentions()[m].span;
    // "Ruiz's" is one token; the mention leaves its "'s" out.
    let ending = &doc.text[mention.end.min(end)..end];
    // A pronoun's "'s" is "is" ("It's clear that"), never a possessive.
    let pronoun = doc.mentions()[m].kind == MentionKind::Pronoun;
    let possessive = (marker || matches!(ending, "'s" | "’s" | "'" | "’")) && !pronoun
        || (ending.is_empty()
            && POSSESSIVE_PRONOUNS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(mention.text(doc.text))));
    possessive.then_some(m)
}

/// Possessive pronouns that may own a noun cue ("*his* claim that").
const POSSESSIVE_PRONOUNS: [&str; 5] = ["his", "her", "their", "our", "my"];

/// The most modifiers between a possessive and its noun cue ("Trump's
/// *most recent* claim that").
const MAX_POSSESSED_MODIFIERS: usize = 2;

/// `X said C` where X is a subject the speaker matcher does not know as a
/// mention ("7 percent said C", "those surveyed said C").
fn phrase_cue_content(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for c in 0..doc.cues().len() {
        let Some(unit) = open_finite_speech_cue(doc, claims, c) else {
            continue;
        };
        let cue_start = doc.cues()[c].span.start;
        if doc.source_of_cue(c, unit.start).is_some() {
            continue;
        }
        if !doc.licenses_phrase_subject(c) {
            continue;
        }
        let Some(phrase) = subject_phrase(doc, unit, cue_start) else {
            continue;
        };
        claim_clause_after_cue(doc, claims, sieve, (Source::Phrase(phrase), c), unit, 3);
    }
}

/// The unit of cue `c` when it is a free speech cue outside quotation
/// marks that carries a subject of its own ("said", "is calling for", not
/// "saying" or "was asked").
fn open_finite_speech_cue(doc: &Doc, claims: &Claims, c: usize) -> Option<Span> {
    if !claims.cue_is_free(c) {
        return None;
    }
    doc.finite_speech_unit(c, || finite_speech_unit(doc, c))
}

/// [`open_finite_speech_cue`] but for the claims: what [`Doc`] keeps per cue.
fn finite_speech_unit(doc: &Doc, c: usize) -> Option<Span> {
    let cue = &doc.cues()[c];
    if !is_speech_frame(cue.frame)
        || (cue.form == VerbForm::Gerund && !is_progressive(doc, c))
        || is_passive(doc, c)
        || is_expletive_predicate(doc, c)
        || doc.is_quoted(cue.span)
    {
        return None;
    }
    doc.unit_of(cue.span.start).map(|u| doc.units[u].span)
}

/// The speaker of a cue: a mention, or a phrase the speaker matcher does
/// not know as one ("*7 percent* said", "according to *state records*").
#[derive(Clone, Copy)]
enum Source {
    Mention(usize),
    Phrase(Span),
}

impl Source {
    fn draft(self, content: Vec<Span>, c: usize, sieve: &'static str) -> Draft {
        match self {
            Source::Mention(m) => Draft::new(content, m, Some(c), sieve),
            Source::Phrase(phrase) => Draft::phrase_sourced(content, phrase, c, sieve),
        }
    }

    /// The words of the source in the text.
    fn span(self, doc: &Doc) -> Span {
        match self {
            Source::Mention(m) => doc.mentions()[m].span,
            Source::Phrase(phrase) => phrase,
        }
    }
}

/// The subject of the clause whose verb is the cue at `cue_start`, when it
/// is a short phrase of words: "only *7 percent* said", "*those surveyed*
/// say", "*the senator from Vermont* said". Adverbs and auxiliaries before
/// the cue are left off ("7 percent *also* said"); a phrase with a verb
/// group in it ("Trump is expected to endorse", "he would have to tell") is
/// not a subject.
fn subject_phrase(doc: &Doc, unit: Span, cue_start: usize) -> Option<Span> {
    let end = aside_start(doc, unit, cue_start).unwrap_or(cue_start);
    let start = clause_subject_start(doc, unit, end);
    let tokens = doc.tokens(Span::new(start, end));
    let phrase = without_trailing_gap(doc, tokens);
    let verb_group = tokens[phrase.len()..]
        .iter()
        .any(|t| is_one_of(doc, t, &MODALS));
    (!verb_group && reads_as_subject(doc, phrase, &["-", "%", "'s", "’s", "'", "’"], &["to"]))
        .then(|| span_of(phrase))
}

/// Where an aside between commas right before the cue starts
/// ("Proponents of the bill*, however,* say"): the subject ends there.
fn aside_start(doc: &Doc, unit: Span, cue_start: usize) -> Option<usize> {
    let before = without_trailing_gap(doc, doc.tokens(Span::new(unit.start, cue_start)));
    match before {
        [.., open, aside, close]
            if is_punct(doc, open, &[","])
                && is_punct(doc, close, &[","])
                && is_one_of(doc, aside, &ASIDE_ADVERBS) =>
        {
            Some(open.span.start)
        }
        _ => None,
    }
}

/// Adverbs set off by commas between a subject and its verb.
const ASIDE_ADVERBS: [&str; 6] = [
    "however",
    "though",
    "meanwhile",
    "too",
    "instead",
    "moreover",
];

/// `tokens` without the adverbs and auxiliaries at their end ("7 percent
/// *also* said").
fn without_trailing_gap<'t>(doc: &Doc, tokens: &'t [Token]) -> &'t [Token] {
    let mut end = tokens.len();
    while end > 0 && words::is_gap(doc.word(&tokens[end - 1])) {
        end -= 1;
    }
    &tokens[..end]
}

/// Whether `phrase` reads as the subject of a speech verb: a few words,
/// numbers and the in-word `marks`, none an adverb, an auxiliary or one of
/// `barred`, not opening with a preposition or a relative pronoun, not
/// ending with a determiner.
fn reads_as_subject(doc: &Doc, phrase: &[Token], marks: &[&str], barred: &[&str]) -> bool {
    let (Some(first), Some(last)) = (phrase.first(), phrase.last()) else {
        return false;
    };
    phrase.len() <= MAX_SUBJECT_PHRASE_TOKENS
        && phrase.iter().all(|t| {
            (matches!(t.kind, TokenKind::Word | TokenKind::Number) || is_punct(doc, t, marks))
                && !words::is_in(&GAP, doc.word(t))
                && !is_one_of(doc, t, barred)
        })
        && !is_one_of(doc, first, &NOT_SUBJECT_OPENERS)
        && !is_one_of(doc, last, &NOT_SUBJECT_ENDS)
        && !is_relative_pronoun(doc.word(first))
}

/// From the start of the first token to the end of the last.
fn span_of(tokens: &[Token]) -> Span {
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::default(),
    }
}

/// Whether `token` is one of the words of `list`, ASCII case aside.
fn is_one_of(doc: &Doc, token: &Token, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(doc.word(token)))
}

const MODALS: [&str; 9] = [
    "will", "would", "could", "might", "may", "can", "should", "must", "to",
];

/// Words that end no subject: determiners, prepositions.
const NOT_SUBJECT_ENDS: [&str; 7] = ["the", "a", "an", "of", "and", "or", "only"];

/// Words that open no subject: prepositions, expletives, question words.
const NOT_SUBJECT_OPENERS: [&str; 18] = [
    "to", "in", "with", "for", "of", "on", "at", "by", "from", "as", "there", "it", "it's", "it’s",
    "this", "what", "how", "why",
];

/// The longest subject phrase taken as a speaker.
const MAX_SUBJECT_PHRASE_TOKENS: usize = 8;

/// `"Q," the committee chairmen wrote` / `"Q," tweeted another`: the frame
/// after a quote names its speaker with a short phrase the speaker matcher
/// does not know as a mention, so `quote_then_speaker` found no speaker.
fn quote_then_phrase(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for &q in &doc.outer_quotes {
        let Some((span, u)) = free_speech_quote(doc, claims, q) else {
            continue;
        };
        let unit = doc.units[u].span;
        // Without a mention to anchor it, the frame is trusted only after a
        // quote that opens its sentence: words before the quote (`To top it
        // off, "Q," a movie about…`) are more often the sentence's subject.
        if content_start(doc, unit) < span.start {
            continue;
        }
        let Some(area) = frame_area_after(doc, span, u) else {
            continue;
        };
        let rest = doc.tokens(area);
        let comma = rest.first().is_some_and(|t| is_punct(doc, t, &[","]));
        if !comma && !ends_clause(doc, span) {
            continue;
        }
        if follows_lead_in(doc, claims, span.start, unit.start)
            || has_frame_before(doc, claims, unit.start, span.start)
        {
            continue;
        }
        let rest = &rest[usize::from(comma)..];
        let Some((phrase, c)) = phrase_frame(doc, claims, rest, area.end) else {
            continue;
        };
        let frame_end = doc.cues()[c].span.end.max(phrase.end);
        let coda = doc.tokens(Span::new(frame_end, area.end));
        let long = coda.iter().filter(|t| t.kind == TokenKind::Word).count() > 6;
        if area.end > unit.end && long {
            continue;
        }
        let mut content = vec![span];
        if let Some(second) = quote_after(doc, frame_end, area.end) {
            content.push(second);
        } else if let Some(rest) = interrupted_rest(doc, claims, span, phrase, c, area, unit) {
            content.push(rest);
        }
        claims.add(Draft::phrase_sourced(content, phrase, c, sieve));
    }
}

/// `The committee's chairmen wrote: "Q"` / `the crowd chanted, "Q"`: a
/// speech cue whose subject is a short phrase the speaker matcher does not
/// know as a mention, then a quote that ends the sentence.
fn phrase_then_quote(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for c in 0..doc.cues().len() {
        let Some(unit) = open_finite_speech_cue(doc, claims, c) else {
            continue;
        };
        let cue = &doc.cues()[c];
        if doc.source_of_cue(c, unit.start).is_some() {
            continue;
        }
        let Some(span) = free_quote_ending_clause_after(doc, claims, cue.span.end, unit) else {
            continue;
        };
        let Some(phrase) = subject_phrase(doc, unit, cue.span.start) else {
            continue;
        };
        claims.add(Draft::phrase_sourced(vec![span], phrase, c, sieve));
    }
}

/// A quote right after a colon, in the same sentence or opening the next
/// paragraph, that no frame claimed: the words before the colon present it
/// without a speech verb (`X gave the idea a whirl on CNN: "Q"`, `X then
/// listed the rules: ¶ "Q"`), and the speaker is their sentence's subject,
/// a mention among its first words that is no possessive (`The timing of
/// X's win surprised no one: "Q"` has none) and no bare "it" or "this".
fn colon_subject_quote(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for &q in &doc.outer_quotes {
        let Some((span, _)) = free_speech_quote(doc, claims, q) else {
            continue;
        };
        let before = doc.tokens(Span::new(
            span.start.saturating_sub(LEAD_IN_REACH),
            span.start,
        ));
        let Some(colon) = before.last().filter(|t| is_punct(doc, t, &[":"])) else {
            continue;
        };
        // Nothing but white space between the colon and the quote (a new
        // paragraph at most).
        if !doc.text[colon.span.end..span.start].trim().is_empty() {
            continue;
        }
        let Some(u) = doc.unit_of(colon.span.start) else {
            continue;
        };
        let lead = doc.units[u].span;
        let Some(m) = opening_mention(doc, lead, colon.span.start) else {
            continue;
        };
        let mention = doc.mentions()[m];
        let after = doc.tokens(Span::new(mention.span.end, colon.span.start));
        let written = mention.span.text(doc.text);
        let possessive = after.first().is_none_or(|t| {
            is_punct(doc, t, &["'s", "’s", "'", "’", ":"]) || doc.word(t).starts_with(['\'', '’'])
        }) || written.ends_with(['\'', '’'])
            || written.ends_with("'s")
            || written.ends_with("’s")
            || doc.text[mention.span.end..].starts_with(['\'', '’']);
        // "At his news conference, …", "The timing of X's win …": a
        // mention after a preposition is no subject.
        let governed = doc
            .tokens(Span::new(lead.start, mention.span.start))
            .iter()
            .any(|t| is_one_of(doc, t, &PHRASE_ENDS));
        // The mention's own words, not its first token: a pronoun inside a
        // clitic ("it's") has no token of its own.
        let vague = mention.kind == MentionKind::Pronoun
            && NOT_SUBJECT_PRONOUNS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(written));
        if possessive || vague || governed {
            continue;
        }
        // `X listed the rules: "Q," he said`: a frame after the quote names
        // its speaker better than the lead-in's subject does.
        let draft = match frame_closing_quote(doc, claims, span) {
            Some((m, c)) => Draft::new(vec![span], m, Some(c), sieve),
            None => Draft::new(vec![span], m, None, sieve),
        };
        claims.add(draft);
    }
}

/// Pronouns that name no speaker as a sentence's subject: possessives
/// (`his answer was: "Q"`) and the empty "it" (`it gets better: "Q"`).
const NOT_SUBJECT_PRONOUNS: [&str; 10] = [
    "it", "this", "that", "his", "her", "their", "its", "our", "my", "your",
];

/// How far before a quote its lead-in's colon is looked for, in bytes: a
/// paragraph break's white space at most.
const LEAD_IN_REACH: usize = 16;

/// The frame right after a quote when its speaker is a phrase: `the
/// committee chairmen wrote` (the phrase, then a finite speech cue) or
/// `tweeted another` (the cue, then the phrase up to a punctuation mark or
/// a preposition).
fn phrase_frame(doc: &Doc, claims: &Claims, rest: &[Token], limit: usize) -> Option<(Span, usize)> {
    let first = rest.first()?;
    if let Some(c) = cue_at(doc, claims, first.span.start, limit) {
        let after = doc.tokens(Span::new(doc.cues()[c].span.end, limit));
        let end = after
            .iter()
            .position(|t| {
                t.kind == TokenKind::Punct && !is_punct(doc, t, &["-", "'s", "’s"])
                    || t.kind == TokenKind::QuoteMark
                    || words::is_in(&GAP, doc.word(t))
                    || is_one_of(doc, t, &PHRASE_ENDS)
            })
            .unwrap_or(after.len());
        let phrase = &after[..end];
        return is_subject_phrase(doc, phrase).then(|| (span_of(phrase), c));
    }
    let c = speech_cues(doc, claims, first.span.start, limit).next()?;
    let cue_start = doc.cues()[c].span.start;
    let phrase = without_trailing_gap(doc, doc.tokens(Span::new(first.span.start, cue_start)));
    is_subject_phrase(doc, phrase).then(|| (span_of(phrase), c))
}

/// Words that end a speaker phrase after its cue: `said the front page *of*
/// The Boston Herald`.
const PHRASE_ENDS: [&str; 12] = [
    "of", "in", "on", "at", "for", "from", "with", "during", "after", "before", "about", "to",
];

/// Whether `phrase` reads as the subject of a speech verb: a few words, no
/// verb group, not opening with a preposition or a relative pronoun.
fn is_subject_phrase(doc: &Doc, phrase: &[Token]) -> bool {
    reads_as_subject(doc, phrase, &["-", "'s", "’s", "'", "’"], &MODALS)
}

fn content_then_speaker(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    claim_closing_frames(doc, claims, sieve, true);
}

/// Claims the content of every [`closing_frame`] for its speaker, and with
/// `past_modifiers` of every frame whose subject has modifiers as well (see
/// [`closing_frame_within`]).
fn claim_closing_frames(doc: &Doc, claims: &mut Claims, sieve: &'static str, past_modifiers: bool) {
    for c in 0..doc.cues().len() {
        let Some((m, content)) = closing_frame_within(doc, claims, c, past_modifiers) else {
            continue;
        };
        // "Ana Ruiz, who said C": the words before the relative pronoun are
        // its antecedent, not what was said. (The frame still closes the
        // unit for `closed_by_later_frame`: the clause before it is no
        // earlier cue's content either.)
        if !is_relative_pronoun(doc.mentions()[m].span.text(doc.text)) {
            claims.add(Draft::new(vec![content], m, Some(c), sieve));
        }
    }
}

/// `X continued to insist that C`, `X are quick to point out that C`,
/// `the timing led X to say that C`: an infinitive of saying with a
/// "that" clause (or a bare one after a precise cue learned to report
/// it: `X went on to argue C`), whose speaker is the nearest mention before "to" across
/// a few words of a verb group ("continued", "are quick", "has a rare
/// chance") that `speaker_cue_content` does not cross.
fn infinitive_that(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for c in 0..doc.cues().len() {
        let cue = &doc.cues()[c];
        if cue.frame != CueFrame::Verb || cue.form != VerbForm::Base {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        let lead = doc.tokens(Span::new(unit.start, cue.span.start));
        let Some((to, verb_group)) = lead.split_last() else {
            continue;
        };
        if doc.word(to) != "to" {
            continue;
        }
        let start = content_start_after_cue(doc, c, unit.end);
        let that_clause = first_kept_token(doc, start, unit.end)
            .is_some_and(|t| doc.word(t).eq_ignore_ascii_case("that"));
        let bare_clause = doc.licenses_reported_speech(c)
            && doc.cues()[c].precision >= BARE_INFINITIVE_MIN_PRECISION;
        if !(that_clause || bare_clause) {
            continue;
        }
        let Some(m) = doc.mention_ending_by(to.span.start, unit.start) else {
            continue;
        };
        let mention = &doc.mentions()[m];
        let between = doc.tokens(Span::new(mention.span.end, to.span.start));
        if between.len() > MAX_INFINITIVE_VERB_GROUP_TOKENS
            || between.iter().any(|t| t.kind != TokenKind::Word)
            || verb_group.len() < between.len()
            || matches!(
                mention.span.text(doc.text).to_ascii_lowercase().as_str(),
                "it" | "that" | "this" | "what"
            )
            || follows_complementizer_or_object_preposition(doc, m, unit)
        {
            continue;
        }
        claim_clause_after_cue(doc, claims, sieve, (Source::Mention(m), c), unit, 3);
    }
}

/// The lexicon precision an [`infinitive_that`] cue needs to report a
/// clause without "that" ("X was quick to insist the plan was sound"): at
/// 0.5 or without a floor, train attribution F1 fell ("to say" is 0.48).
const BARE_INFINITIVE_MIN_PRECISION: f32 = 0.6;

/// The most words between the speaker and the "to" of an
/// [`infinitive_that`] ("has a rare chance to show").
const MAX_INFINITIVE_VERB_GROUP_TOKENS: usize = 4;

/// When free cue `c` closes its unit as the frame of the words before it,
/// `C, X said` or `C, said X` (with at most a short coda after), and may
/// report them, still free: the speaker mention and the content.
fn closing_frame(doc: &Doc, claims: &Claims, c: usize) -> Option<(usize, Span)> {
    closing_frame_within(doc, claims, c, false)
}

/// The most modifier words a subject of [`closing_frame_within`] may have
/// before its mention, a determiner included.
const MAX_SUBJECT_MODIFIERS: usize = 3;

/// The most words after the cue of a frame whose subject has modifiers: a
/// short adjunct ("on Tuesday", "in a statement").
const MAX_MODIFIED_FRAME_CODA_WORDS: usize = 4;

/// The comma before the modifiers of mention `m`, when the 1 to
/// [`MAX_SUBJECT_MODIFIERS`] tokens between them read as adjectives or
/// nouns: lowercase words that are no cue, no gap word and no modal, the
/// first of them possibly a determiner ("the", "their").
fn comma_before_modifiers(doc: &Doc, floor: usize, m: usize) -> Option<usize> {
    let before = doc.tokens(Span::new(floor, doc.mentions()[m].span.start));
    let comma = before
        .iter()
        .rev()
        .take(MAX_SUBJECT_MODIFIERS + 1)
        .position(|t| t.kind != TokenKind::Word)?;
    let modifiers = &before[before.len() - comma..];
    let is_modifier = |(i, t): (usize, &Token)| {
        let word = doc.word(t);
        (i == 0 && words::is_in(&words::DETERMINERS, word))
            || (word.starts_with(|ch: char| ch.is_ascii_lowercase())
                && doc.cue_at_token(t).is_none()
                && !is_function_word(doc, t))
    };
    (!modifiers.is_empty() && modifiers.iter().enumerate().all(is_modifier))
        .then(|| comma_before(doc, floor, modifiers[0].span.start))
        .flatten()
}

/// Whether a determiner opens the modifiers of mention `m`, the words
/// between it and the comma before it ("the Guardian", "the news site X").
fn opens_with_determiner(doc: &Doc, floor: usize, m: usize) -> bool {
    let before = doc.tokens(Span::new(floor, doc.mentions()[m].span.start));
    before
        .iter()
        .rev()
        .take(MAX_SUBJECT_MODIFIERS + 1)
        .take_while(|t| t.kind == TokenKind::Word)
        .last()
        .is_some_and(|t| words::is_in(&words::DETERMINERS, doc.word(t)))
}

/// Whether `token` is a closed-class word that no modifier of a subject
/// is: a subordinator or conjunction ("as Clinton supporters point out"),
/// a preposition, a pronoun or quantifier, a modal, a gap word.
fn is_function_word(doc: &Doc, token: &Token) -> bool {
    let word = doc.word(token);
    words::is_in(&CLAUSE_OPENERS, word)
        || words::is_in(&words::SUBJECT_PRONOUNS, word)
        || words::is_in(&GAP, word)
        || is_one_of(doc, token, &PHRASE_ENDS)
        || is_one_of(doc, token, &NOT_SUBJECT_OPENERS)
        || is_one_of(doc, token, &MODALS)
        || is_one_of(doc, token, &NOT_MODIFIERS)
}

/// Pronouns, quantifiers and prepositions besides those of the lists
/// [`is_function_word`] reads, seen before a mention that closes a frame
/// ("something X indicated", "members within both unions criticized").
const NOT_MODIFIERS: [&str; 12] = [
    "something",
    "anything",
    "everything",
    "nothing",
    "some",
    "any",
    "no",
    "one",
    "within",
    "than",
    "which",
    "who",
];

/// [`closing_frame`], and with `past_modifiers` (when that finds none) a
/// frame whose subject has a few lowercase modifiers (and perhaps a
/// determiner) between the comma and the mention, with the cue right after
/// the mention and at most a short adjunct after the cue: `C, election
/// officials said.`, `C, the paper reported on Tuesday.` Only
/// [`content_then_speaker`] asks for those: letting [`closing_frame`]
/// itself look past modifiers cost train attribution F1 (-0.0008), as other
/// sieves use it to rule their own reading out.
fn closing_frame_within(
    doc: &Doc,
    claims: &Claims,
    c: usize,
    past_modifiers: bool,
) -> Option<(usize, Span)> {
    let cue = &doc.cues()[c];
    if !has_closing_frame_form(doc, c) {
        return None;
    }
    // Ruled out before its unit and speaker are sought, when the cue may
    // not report the words before it whatever they are.
    if !doc.licenses_reported_speech(c) {
        return None;
    }
    let unit = open_cue_unit(doc, claims, c)?;
    // C, X said  /  C, said X
    let Some(m) = doc.source_of_cue(c, unit.start) else {
        let (m, comma) = comma_before(doc, unit.start, cue.span.start)
            .and_then(|comma| doc.source_after(cue.span.end, unit.end).map(|m| (m, comma)))?;
        return closing_frame_content(doc, claims, c, unit, m, comma);
    };
    let plain = comma_before(doc, unit.start, doc.mentions()[m].span.start)
        .and_then(|comma| closing_frame_content(doc, claims, c, unit, m, comma));
    if plain.is_some() || !past_modifiers {
        return plain;
    }
    // Lowercase words before a name or a pronoun are rarely its modifiers
    // (a role is part of the name's mention already), unless a determiner
    // opens them: "the news site RTL Info".
    let described = match doc.mentions()[m].kind {
        MentionKind::Pronoun => false,
        MentionKind::Name => opens_with_determiner(doc, unit.start, m),
        _ => true,
    };
    let mention_end = doc.mentions()[m].span.end;
    let right_before_cue = doc
        .tokens(Span::new(mention_end, cue.span.start))
        .iter()
        .all(|t| t.kind != TokenKind::Word);
    let coda = doc.tokens(Span::new(cue.span.end, unit.end));
    let short_coda = coda
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(MAX_MODIFIED_FRAME_CODA_WORDS + 1)
        .count()
        <= MAX_MODIFIED_FRAME_CODA_WORDS;
    if !(described && right_before_cue && short_coda) {
        return None;
    }
    let comma = comma_before_modifiers(doc, unit.start, m)?;
    closing_frame_content(doc, claims, c, unit, m, comma)
}

/// The content of the closing frame of cue `c` in `unit`, spoken by
/// mention `m` and ending at `comma`, when the frame is the end of its
/// unit and the content is long enough and free.
fn closing_frame_content(
    doc: &Doc,
    claims: &Claims,
    c: usize,
    unit: Span,
    m: usize,
    comma: usize,
) -> Option<(usize, Span)> {
    let cue = &doc.cues()[c];
    // Nothing but a short coda may follow ("…, he said in an interview."),
    // or an apposition ("…, said X, a deputy manager for Y's campaign.").
    let frame_end = cue.span.end.max(doc.mentions()[m].span.end);
    let coda = doc.tokens(Span::new(frame_end, unit.end));
    let reach = if coda.first().is_some_and(|t| is_punct(doc, t, &[","])) {
        25
    } else {
        8
    };
    // Stops at the first word past the reach: the coda of an early cue in
    // a unit of megabytes is the whole rest of it.
    let mut coda_words = 0;
    for t in coda {
        match t.kind {
            TokenKind::QuoteMark => return None,
            TokenKind::Word if coda_words == reach => return None,
            TokenKind::Word => coda_words += 1,
            _ => {}
        }
    }
    let content = trim(
        doc,
        clause_before(doc, Span::new(content_start(doc, unit), comma)),
    );
    (word_count(doc, content) >= doc.min_content_words(c, 3)
        && claims.is_free(content)
        && doc.licenses_reported_speech(c))
    .then_some((m, content))
}

/// Whether cue `c` is a finite verb or a participle, the forms of the
/// cue of a [`closing_frame`] ("said", "says", "has said", "say").
fn has_closing_frame_form(doc: &Doc, c: usize) -> bool {
    let cue = &doc.cues()[c];
    cue.frame == CueFrame::Verb
        && matches!(
            cue.form,
            VerbForm::Past | VerbForm::Present | VerbForm::Participle | VerbForm::Base
        )
}

/// Whether a later cue closes the unit of cue `c` as `…, X said`, after the
/// clause `c` would report: the whole sentence before that frame is then
/// the later speaker's ("Y acknowledged that C, *the paper reported*"),
/// and `c`'s subject only a part of it.
fn closed_by_later_frame(doc: &Doc, claims: &Claims, c: usize, unit: Span) -> bool {
    let cue_end = doc.cues()[c].span.end;
    let in_unit = doc.cues()[c + 1..].partition_point(|later| later.span.start < unit.end);
    let last = c + 1 + in_unit;
    let mut candidates = (last.saturating_sub(MAX_CUES_AFTER_CLOSING_FRAME).max(c + 1)..last)
        .filter(|&later| has_closing_frame_form(doc, later))
        .peekable();
    // The cheap test first: most units have no later cue of the form.
    // "While X claimed C, *the engineers disagreed*": after a subordinate
    // clause, the words after the comma are the main clause, not a frame.
    if candidates.peek().is_none() || opens_with_subordinator(doc, unit) {
        return false;
    }
    candidates.any(|later| {
        closing_frame(doc, claims, later).is_some_and(|(_, content)| content.end > cue_end)
    })
}

/// How many of a unit's last cues may hold its closing frame. A closing
/// frame leaves at most a short coda of words (25) after itself, and each
/// cue after it is at least one word of that coda, so only the last few
/// cues need asking. The bound keeps a unit with thousands of cues (a
/// text that lost its spaces after full stops) linear, not quadratic.
const MAX_CUES_AFTER_CLOSING_FRAME: usize = 32;

fn participial_cue(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    let speaker_of_cue = speakers_of_cues(claims);
    for (c, cue) in doc.cues().iter().enumerate() {
        if cue.frame != CueFrame::Verb || cue.form != VerbForm::Gerund {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        // "X …, adding that C", or after a preposition: "X …, by warning
        // that C", "X … after suggesting that C".
        let lead = doc.tokens(Span::new(unit.start, cue.span.start));
        let before = lead.last();
        // The comma may stand inside closing marks: `X said "Q," adding…`.
        let after_comma = match lead {
            [.., comma, mark] if mark.kind == TokenKind::QuoteMark => is_punct(doc, comma, &[","]),
            _ => before.is_some_and(|t| is_punct(doc, t, &[","])),
        };
        let after_preposition = before.is_some_and(|t| is_one_of(doc, t, &GERUND_PREPOSITIONS));
        // `calling Y "Q" and asserting D`: a second gerund of the frame.
        let after_quote_and = matches!(lead, [.., mark, and]
            if mark.kind == TokenKind::QuoteMark && doc.word(and) == "and");
        if !(after_comma || after_preposition || after_quote_and) {
            // "…, with the union calling her "Q"", "and Y calling it "Q"":
            // a gerund with a subject of its own right before it.
            // "X issued a statement saying C": the issuer of the document.
            let subject =
                subject_of_gerund(doc, unit, c).or_else(|| issuer_of_document(doc, unit, c));
            if let Some(m) = subject {
                claim_clause_after_cue(doc, claims, sieve, (Source::Mention(m), c), unit, 2);
            } else if let Some(source) = absolute_with_subject(doc, unit, c) {
                claim_clause_after_cue(doc, claims, sieve, (source, c), unit, 3);
            }
            continue;
        }
        // The speaker is the clause's: the attribution already made in this
        // unit, or ("Then he cut into Bush, calling him…") the mention the
        // unit opens with.
        let subject = speaker_earlier_in_unit(doc, &speaker_of_cue, unit, c)
            .or_else(|| opening_mention(doc, unit, cue.span.start))
            .or_else(|| {
                // Only for a quoted content, where the words are surely
                // someone's: a bare clause after a gerund so far off its
                // subject is as often description ("…, leaving it…").
                doc.quotes_in(Span::new(cue.span.end, unit.end))
                    .next()
                    .and_then(|_| subject_of_earlier_verb(doc, unit, c))
            });
        let Some(m) = subject else { continue };
        claim_clause_after_cue(doc, claims, sieve, (Source::Mention(m), c), unit, 2);
    }
}

/// The mention right before gerund cue `c`, its own subject in an absolute
/// construction ("with the union *calling* her "Q"", "and Y *saying* C"),
/// when the gerund's clause holds a quotation: PolNeAR gives that clause
/// to the mention. A mention inside a quotation or a possessive ("Y's")
/// is no such subject.
fn subject_of_gerund(doc: &Doc, unit: Span, c: usize) -> Option<usize> {
    let cue = doc.cues()[c].span;
    let m = doc.mention_ending_by(cue.start, unit.start)?;
    let mention = doc.mentions()[m].span;
    let gap = doc.text.get(mention.end..cue.start)?;
    let next_quote = doc.quotes_in(Span::new(cue.end, unit.end)).next();
    // The absolute construction opens with "with" or "and": a mention
    // after anything else is mostly an object ("issued a statement saying").
    let opener = doc.tokens(Span::new(unit.start, mention.start)).last();
    (opener.is_some_and(|t| is_one_of(doc, t, &["with", "and"]))
        // A name: the phrase the matcher takes for a nominal or a group
        // before a gerund is as often a thing ("cable spots casting").
        && matches!(
            doc.mentions()[m].kind,
            MentionKind::Name | MentionKind::Organization
        )
        && !gap.is_empty()
        && gap.trim().is_empty()
        && !mention.text(doc.text).ends_with(['\'', '\u{2019}'])
        && next_quote.is_some_and(|q| doc.is_speech_like(q)))
    .then_some(m)
}

/// The subject of gerund cue `c` in an absolute construction after a
/// comma or a dash, when the cue is learned to report a bare clause: "…,
/// *with 22 percent* saying they would not support him", "…, *with Trump*
/// calling for a ban". The subject is the mention that ends right before
/// the cue, or else the phrase from "with" to the cue. (A quoted clause is
/// [`subject_of_gerund`]'s.)
fn absolute_with_subject(doc: &Doc, unit: Span, c: usize) -> Option<Source> {
    if !doc.licenses_reported_speech(c) {
        return None;
    }
    let lead = doc.tokens(Span::new(unit.start, doc.cues()[c].span.start));
    let with = lead.iter().rposition(|t| doc.word(t) == "with")?;
    let opener = lead.get(with.checked_sub(1)?)?;
    if !is_punct(doc, opener, &[",", "—", "–", "--"]) {
        return None;
    }
    let phrase = without_trailing_gap(doc, &lead[with + 1..]);
    // A short noun phrase: "for" in "with such a precedent for opposing
    // it" makes the gerund a preposition's object, and a gerund before it
    // is the absolute's own verb ("with our candidates drawing… while
    // showing").
    if phrase.len() > MAX_ABSOLUTE_SUBJECT_TOKENS
        || phrase
            .last()
            .is_some_and(|t| is_one_of(doc, t, &PHRASE_ENDS))
        || phrase.iter().any(|t| doc.word(t).ends_with("ing"))
        || !is_subject_phrase(doc, phrase)
    {
        return None;
    }
    let phrase = span_of(phrase);
    Some(match doc.mention_ending_by(phrase.end, phrase.start) {
        Some(m) if doc.mentions()[m].span.end == phrase.end => Source::Mention(m),
        _ => Source::Phrase(phrase),
    })
}

/// The longest subject of an [`absolute_with_subject`] ("47 percent of
/// Cuban Americans", "DNC Chairwoman Debbie Wasserman Schultz").
const MAX_ABSOLUTE_SUBJECT_TOKENS: usize = 8;

/// The subject of a gerund of saying right after a document it issued:
/// "X issued a statement *saying* C", "X put out a press release saying
/// C", "X released a brief statement saying C" (PolNeAR's speaker is X;
/// train: mixed recall +0.0026, quoted F1 +0.0006; dev quoted F1 +0.0008).
fn issuer_of_document(doc: &Doc, unit: Span, c: usize) -> Option<usize> {
    let cue = doc.cues()[c].span;
    let lead = doc.tokens(Span::new(unit.start, cue.start));
    let noun_at = lead.len().checked_sub(1)?;
    if !DOCUMENT_NOUNS.contains(&doc.word(&lead[noun_at])) {
        return None;
    }
    // "a statement", "a press release", "a brief written statement".
    let det_at = (noun_at.saturating_sub(3)..noun_at)
        .rev()
        .find(|&i| matches!(doc.word(&lead[i]), "a" | "an"))?;
    if lead[det_at..noun_at]
        .iter()
        .any(|t| t.kind != TokenKind::Word)
    {
        return None;
    }
    // The issuing verb, with a particle: "issued", "put out", "sent out".
    let mut verb_at = det_at.checked_sub(1)?;
    if matches!(doc.word(&lead[verb_at]), "out" | "up") {
        verb_at = verb_at.checked_sub(1)?;
    }
    if !ISSUING_VERBS.contains(&doc.word(&lead[verb_at])) {
        return None;
    }
    doc.source_before(lead[verb_at].span.start, unit.start)
}

/// Documents issued in someone's name.
const DOCUMENT_NOUNS: [&str; 10] = [
    "statement",
    "release",
    "letter",
    "email",
    "e-mail",
    "memo",
    "tweet",
    "message",
    "post",
    "note",
];
/// Verbs of issuing a document ("put" and "sent" take "out").
const ISSUING_VERBS: [&str; 12] = [
    "issued",
    "released",
    "put",
    "sent",
    "posted",
    "published",
    "issues",
    "releases",
    "puts",
    "sends",
    "posts",
    "wrote",
];

/// The subject of the nearest finite verb cue before cue `c` in its unit,
/// though that cue made no attribution: "In court filings, his lawyer
/// asked for X, calling it…".
fn subject_of_earlier_verb(doc: &Doc, unit: Span, c: usize) -> Option<usize> {
    let cues = doc.cues();
    let earlier = (0..c)
        .rev()
        .take_while(|&e| cues[e].span.start >= unit.start)
        .find(|&e| {
            cues[e].frame == CueFrame::Verb
                && matches!(
                    cues[e].form,
                    VerbForm::Present | VerbForm::Past | VerbForm::Participle
                )
        })?;
    doc.source_of_cue(earlier, unit.start)
}

/// Prepositions before a gerund cue whose speaker is its clause's subject.
const GERUND_PREPOSITIONS: [&str; 4] = ["by", "after", "before", "in"];

/// Claims the clause after cue `c`, to the end of its unit, for speaker `m`,
/// when it is free, long enough and the cue may introduce it.
fn claim_clause_after_cue(
    doc: &Doc,
    claims: &mut Claims,
    sieve: &'static str,
    (source, c): (Source, usize),
    unit: Span,
    min_words: usize,
) {
    let start = content_start_after_cue(doc, c, unit.end);
    // A cue that may not introduce a bare clause is refused before the
    // clause's end is sought, unless its content can open with "that" (the
    // first token the content may have is known from its start) or it is a
    // precise cue whose clause may hold a quotation, or a cue learned to
    // take a noun-phrase object ("congratulated *the crews*", whose content
    // must then be that object): about a third of the cues this sees are
    // refused here.
    let after_cue = Span::new(doc.cues()[c].span.end, unit.end);
    let may_introduce = doc.licenses_reported_speech(c)
        || doc.cuts_object_phrase(c)
        || (doc.licenses_that_clause(c)
            && (first_kept_token(doc, start, unit.end)
                .is_some_and(|t| doc.word(t).eq_ignore_ascii_case("that"))
                || quotes_through_precise_cue(doc, c, after_cue)));
    if !may_introduce {
        return;
    }
    let (content, is_object) = content_after_cue(doc, claims, c, unit, start);
    // A clause opening with "that" is reported after any cue ("X warned
    // that C", "X conceded that C"), not only after those learned to
    // introduce bare clauses.
    let that_clause = starts_with_that(doc, doc.tokens(content)) && doc.licenses_that_clause(c);
    let min_words = if is_object {
        1
    } else {
        doc.min_content_words(c, min_words)
    };
    if word_count(doc, content) >= min_words
        && claims.is_free(content)
        && (doc.licenses_reported_speech(c)
            || is_object
            || that_clause
            || quotes_through_precise_cue(doc, c, content))
        && !opens_with_agent(doc, doc.tokens(content))
        && !opens_without_object(doc, c, content)
    {
        // "C1, X said, C2": the words before the frame are content too.
        let fragments =
            match content_before_frame(doc, claims, (source.span(doc), c), unit, content) {
                Some(before) => vec![before, content],
                None => vec![content],
            };
        claims.add(source.draft(fragments, c, sieve));
    }
}

/// Whether `content` holds someone's words in quotation marks and cue `c`,
/// though not learned to introduce a bare clause, usually is a cue ("X
/// *hailed* the plan as "a triumph"", "X *derided* Y's "empty promises""):
/// PolNeAR gives such a clause, quote and all, to the cue's subject as mixed
/// content. The cue's lexicon precision must be at least
/// [`PRECISE_CUE_MIN_PRECISION`]; without that floor, cues that are seldom
/// verbs of saying ("opened", "watched") took quotes that are no one's words
/// and quoted-only F1 fell (train 0.8640 -> 0.8581). Asked of the words
/// after the cue, before the content is cut from them, it rules cues out
/// early.
fn quotes_through_precise_cue(doc: &Doc, c: usize, content: Span) -> bool {
    doc.licenses_that_clause(c)
        && doc.quotes_in(content).any(|q| doc.is_speech_like(q))
        && is_precise_cue(doc, c)
}

/// Whether cue `c` is usually a cue where its form occurs: its lexicon
/// precision is at least [`PRECISE_CUE_MIN_PRECISION`] ("said", "hailed",
/// "joked"; not "opened", "gave", "point").
fn is_precise_cue(doc: &Doc, c: usize) -> bool {
    doc.cues()[c].precision >= PRECISE_CUE_MIN_PRECISION
}

/// The lowest lexicon precision of a cue that may introduce quoted content
/// it is not learned to introduce bare (on PolNeAR train, quoted-only F1
/// 0.8639 at 0.3, 0.8645 at 0.4, 0.8644 at 0.5; attribution F1 level).
const PRECISE_CUE_MIN_PRECISION: f32 = 0.4;

/// Whether `tokens` open with "by" and a noun phrase, the agent of a
/// participle ("a statement released *by the campaign*", "the stance taken
/// *by the nominee*"), not reported words; "by" and a gerund ("responded *by
/// saying* C") may open them. When a cue follows in them, the participle
/// was in the subject of that cue ("a report released by the agency *shows*
/// C"), whose content it still is.
fn opens_with_agent(doc: &Doc, tokens: &[Token]) -> bool {
    let [by, next, rest @ ..] = tokens else {
        return false;
    };
    doc.word(by) == "by"
        && !doc.word(next).ends_with("ing")
        && !doc.word(next).ends_with("ly")
        && !rest.iter().any(|t| doc.cue_at_token(t).is_some())
}

/// Whether `content`, right after cue `c`, opens with "and" or "from": the
/// cue took no object and is no verb of saying there ("Obama paused *and
/// wiped* a tear", "X reported *from Oakland*", "a few blocks *from the
/// venue*"). Not when a second cue shares the object ("X derided *and
/// insulted* Y") or a that-clause follows ("we know *from* the filings
/// *that* C"), nor after a comma ("C, he said, *and* D").
fn opens_without_object(doc: &Doc, c: usize, content: Span) -> bool {
    let tokens = doc.tokens(content);
    let Some((first, rest)) = tokens.split_first() else {
        return false;
    };
    let adjacent = doc
        .text
        .get(doc.cues()[c].span.end..first.span.start)
        .is_some_and(|gap| gap.trim().is_empty());
    adjacent
        && match doc.word(first) {
            "and" => rest.first().is_none_or(|t| doc.cue_at_token(t).is_none()),
            "from" => !rest.iter().any(|t| doc.word(t) == "that"),
            _ => false,
        }
}

/// The subject of a clause that opens with a fronted adjunct or subordinate
/// clause, before `limit`: "*Before the Paris attacks*, Trump took a
/// hands-off approach, suggesting C", "*At a rally in Ames, Iowa, on
/// Sunday*, Mrs. Clinton tried…, saying C", "*As they met*, Trump was in
/// Maine, promising C". The mention in the adjunct is a scene or another
/// clause's subject; the clause's own is the first mention right after a
/// comma of the adjunct that a lowercase word (its verb) or an apposition
/// (", a columnist,") follows.
fn subject_after_fronted_adjunct(doc: &Doc, unit: Span, limit: usize) -> Option<usize> {
    let opening = doc.tokens(Span::new(unit.start, limit));
    let first = opening
        .iter()
        .find(|t| !is_one_of(doc, t, &["And", "But", "Yet", "Still", ","]))?;
    if !(words::is_in(&words::SUBORDINATORS, doc.word(first))
        || is_one_of(doc, first, &FRONTING_WORDS))
    {
        return None;
    }
    let mut commas = opening
        .iter()
        .enumerate()
        .filter(|(_, t)| is_punct(doc, t, &[","]) && !doc.is_quoted(t.span));
    commas.find_map(|(i, _)| {
        let next = opening.get(i + 1)?;
        let m = doc.mention_starting_at_token(next.span.start, limit)?;
        let mention = doc.mentions()[m].span;
        let after = doc.tokens(Span::new(mention.end, limit));
        let verb_next = after.first().is_some_and(|t| {
            t.kind == TokenKind::Word && doc.word(t).starts_with(char::is_lowercase)
        });
        let apposition_next = matches!(after, [comma, article, ..]
            if doc.word(comma) == "," && matches!(doc.word(article), "a" | "an" | "the"));
        (verb_next || apposition_next).then_some(m)
    })
}

/// First words of a fronted adjunct other than the
/// subordinators ("*In* London, X walked off", "*Speaking to* the
/// coalition, X wavered").
const FRONTING_WORDS: [&str; 14] = [
    "in",
    "at",
    "during",
    "on",
    "like",
    "unlike",
    "despite",
    "amid",
    "with",
    "here",
    "even",
    "speaking",
    "following",
    "for",
];

/// Where the dateline that opens `unit` ends: "WASHINGTON — X said",
/// "Washington (AFP) – X said", "ATLANTIC CITY, N.J., Dec. 8 (UPI) — X
/// said". The place is a mention, but the story's, not the clause's
/// subject, which comes after the dash. A dateline is a capitalized place
/// in capitals or followed by a parenthesized news agency, then only
/// capitalized words, numbers, commas and full stops up to the dash.
fn dateline_end(doc: &Doc, unit: Span) -> Option<usize> {
    let opening = doc.tokens(unit);
    let dash = opening
        .iter()
        .take(MAX_DATELINE_TOKENS + 1)
        .position(|t| is_punct(doc, t, &["\u{2014}", "\u{2013}", "-", "--"]))?;
    let (place, rest) = opening[..dash].split_first()?;
    let in_capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let agency = opening[..dash]
        .windows(3)
        .any(|w| doc.word(&w[0]) == "(" && in_capitals(doc.word(&w[1])) && doc.word(&w[2]) == ")");
    let dateline_token = |t: &Token| match t.kind {
        TokenKind::Word => doc.word(t).starts_with(char::is_uppercase),
        TokenKind::Number => true,
        _ => matches!(doc.word(t), "," | "." | "(" | ")"),
    };
    ((in_capitals(doc.word(place)) || agency) && rest.iter().all(dateline_token))
        .then(|| opening[dash].span.end)
}

/// The most tokens a dateline has before its dash ("ATLANTIC CITY , N.J.
/// , Dec. 8 ( UPI )").
const MAX_DATELINE_TOKENS: usize = 12;

/// The mention among the first words of a unit, before `limit`: the
/// clause's subject.
fn opening_mention(doc: &Doc, unit: Span, limit: usize) -> Option<usize> {
    if let Some(m) = subject_after_fronted_adjunct(doc, unit, limit) {
        return Some(m);
    }
    let start = dateline_end(doc, unit)
        .filter(|&end| end <= limit)
        .unwrap_or(unit.start);
    let opening = doc.tokens(Span::new(start, limit));
    opening
        .iter()
        .take(4)
        .take_while(|t| t.kind != TokenKind::QuoteMark)
        .find_map(|t| doc.mention_starting_at_token(t.span.start, limit))
}

fn no_source(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    for (c, cue) in doc.cues().iter().enumerate() {
        let hedge = words::is_in(&HEDGE_CUES, cue.lemma) && cue.form != VerbForm::Gerund;
        let passive = is_passive(doc, c) && doc.licenses_sourceless_passive(c);
        let asked = cue.lemma.starts_with("ask") && cue.form != VerbForm::Gerund;
        if cue.frame != CueFrame::Verb || !(hedge || asked || passive) {
            continue;
        }
        let Some(unit) = open_cue_unit(doc, claims, c) else {
            continue;
        };
        let after = content_start_after_cue(doc, c, unit.end);
        let rest = doc.tokens(Span::new(after, unit.end));
        let following = doc.tokens(Span::new(cue.span.end, unit.end));
        let next = following.first().map(|t| doc.word(t));
        if next.is_some_and(|w| w == "by") {
            // "was first reported by The Times": a source after all.
            continue;
        }
        let elsewhere = |w: &str| words::is_in(&PLACE_WORDS, w);
        if hedge && next.is_some_and(|w| elsewhere(w) || w == "to" && next_is_cue(doc, following)) {
            // "appeared on Fox News" is no impression; in "Cruz seemed to
            // mock X" the inner cue has the speaker.
            continue;
        }
        let subject = clause_subject_start(doc, unit, cue.span.start);
        let mut lead = doc
            .tokens(Span::new(subject, cue.span.start))
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| doc.word(t));
        let (first, second) = (lead.next(), lead.next());
        let no_subject = first.is_none();
        let it = first.is_some_and(|w| w.eq_ignore_ascii_case("it")) && second.is_none();
        let (start, mut end) = if asked {
            // "(When) asked about C, X said…" / "X was asked whether C": the
            // question, to the end of its clause.
            if !(no_subject || is_passive(doc, c)) {
                continue;
            }
            let comma = rest
                .iter()
                .find(|t| is_punct(doc, t, &[","]) && !doc.is_quoted(t.span));
            (after, comma.map_or(unit.end, |t| t.span.start))
        } else if it && starts_with_that(doc, rest) {
            // "It was reported that C", "It appears that C".
            (after, unit.end)
        } else if !no_subject {
            // "X is expected to C", "X seemed C": the clause with its subject.
            (subject, unit.end)
        } else if hedge {
            // "Reportedly, C".
            (after, unit.end)
        } else {
            continue;
        };
        if let Some(taken) = claims.first_taken_in(Span::new(start, end)) {
            end = taken;
        }
        let content = trim(doc, clause(doc, Span::new(start, end.max(start))));
        if word_count(doc, content) >= 3 && claims.is_free(content) {
            claims.add(Draft::sourceless(vec![content], c, sieve));
        }
    }
}

/// A sentence that is only a quote joins the attribution that ends the
/// sentence before it in its paragraph: one that quoted (`"Q1," X said.
/// "Q2."`, or past a sentence that is only its frame), else one that did
/// not (`X said C. "Q2."`: PolNeAR makes C and Q2 one mixed content about
/// two times in three; train quoted F1 +0.0008, attribution F1 +0.0002,
/// dev +0.0033 and +0.0015). Across paragraphs only a quoting one is
/// continued (see [`continuation`]: an unquoted one there lost on both
/// splits).
fn split_quote(doc: &Doc, claims: &mut Claims, _sieve: &'static str) {
    let spans: Vec<Span> = doc.units.iter().map(|u| u.span).collect();
    let mut owner = last_quoting_drafts(doc, claims, &spans);
    let unquoted_owner = last_drafts(doc, claims, &spans, false);
    for u in 1..doc.units.len() {
        let Some(q) = quote_filling(doc, doc.units[u].span) else {
            continue;
        };
        // A unit ends in the paragraph of its last words: a quote over two
        // paragraphs makes one unit of both (`"Q1 ¶ "Q1b," he said.`).
        let ends_here = |i: usize| {
            doc.paragraph_of(doc.units[i].span.end.saturating_sub(1)) == doc.units[u].paragraph
        };
        if !ends_here(u - 1) {
            continue;
        }
        // The quote before, or the one before a sentence that is only its
        // frame: "Q1?" Trump said. "Q2."
        let frame_only = |d: usize| {
            let unit = doc.units[u - 1].span;
            claims.drafts[d]
                .cue
                .is_some_and(|c| unit.contains(doc.cues()[c].span))
        };
        let before = owner[u - 1]
            .or_else(|| {
                let d = owner[u.checked_sub(2)?]?;
                (ends_here(u - 2) && frame_only(d)).then_some(d)
            })
            .or(unquoted_owner[u - 1]);
        if let Some(d) = before {
            if claims.extend(d, doc.quote(q).span()) {
                // "Q1," he said. "Q2." "Q3." — a chain.
                owner[u] = Some(d);
            }
        }
    }
}

fn continuation(doc: &Doc, claims: &mut Claims, _sieve: &'static str) {
    let paragraphs = &doc.segments.paragraphs;
    let mut owner = last_quoting_drafts(doc, claims, paragraphs);
    for p in 1..paragraphs.len() {
        let Some(q) = quote_filling(doc, paragraphs[p]) else {
            continue;
        };
        // Whichever attribution ends the previous paragraph, if it quoted.
        if let Some(d) = owner[p - 1] {
            if claims.extend(d, doc.quote(q).span()) {
                owner[p] = Some(d);
            }
        }
    }
}

/// `C, X said`, where an earlier sieve claimed a clause inside C (`After
/// years in the council, Y plans C', X said`: "Y plans" → C', the subordinate
/// opening keeping [`closed_by_later_frame`] from deferring to X's frame):
/// PolNeAR gives the whole sentence to X. [`content_then_speaker`] runs
/// again on fresh claims, and each row it makes whose speaker stands outside
/// the claimed content and whose content encloses every row it overlaps,
/// their cue and speaker too, takes their place.
fn enclosing_frame(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    let mut outer = claims.with_free_content();
    // Only the plain frames: modifiers before the subject would let a
    // frame enclose a sentence that already has its own.
    claim_closing_frames(doc, &mut outer, sieve, false);
    let anchors = |d: &Draft| {
        [
            d.cue.map(|c| doc.cues()[c].span),
            d.source.map(|m| doc.mentions()[m].span).or(d.source_phrase),
        ]
    };
    for draft in outer.drafts {
        if anchors(&draft)[1].is_some_and(|s| !claims.is_free(s))
            || draft
                .content
                .first()
                .is_some_and(|&f| is_bare_subordinate_clause(doc, f))
        {
            continue;
        }
        claims.enclose(draft, anchors);
    }
}

/// Whether `content` is a subordinate clause with no main clause after it
/// ("*While X claimed C*, the engineers disagreed"): the opening of the
/// frame's own sentence, not words it reports.
fn is_bare_subordinate_clause(doc: &Doc, content: Span) -> bool {
    let tokens = doc.tokens(content);
    tokens
        .first()
        .is_some_and(|t| words::is_in(&words::SUBORDINATORS, doc.word(t)))
        && !tokens.iter().any(|t| is_punct(doc, t, &[","]))
}

/// `X said that Y said C`: the outer row holds "Y said C", and PolNeAR
/// often gives C to Y as well. [`speaker_cue_content`] runs again over the
/// claimed content alone, on fresh claims, and each row it makes whose cue,
/// speaker and content lie in one row's content is kept as a nested row,
/// when its cue is nearly always a cue ([`NESTED_CUE_MIN_PRECISION`]) and
/// its content holds no quotation.
fn nested_cue_content(doc: &Doc, claims: &mut Claims, sieve: &'static str) {
    let mut inner = claims.inside_claimed(|c| doc.cues()[c].span);
    // Only a row whose cue is free here, finite and precise enough is kept,
    // and the search of one unit reads and claims nothing outside it
    // ([`speaker_cue_content_at`]): the units with no such cue are skipped
    // (on bench10 they are most, and the search cost 33 M instructions).
    let cues = doc.cues();
    let mut c = 0;
    while c < cues.len() {
        let Some(unit) = open_finite_speech_cue(doc, &inner, c) else {
            c += 1;
            continue;
        };
        let end = c + cues[c..].partition_point(|cue| cue.span.start < unit.end);
        let may_keep = |d: usize| {
            open_finite_speech_cue(doc, &inner, d).is_some()
                && cues[d].precision >= NESTED_CUE_MIN_PRECISION
        };
        if (c..end).any(may_keep) {
            for d in c..end {
                speaker_cue_content_at(doc, &mut inner, sieve, d);
            }
        }
        c = end;
    }
    for draft in inner.drafts {
        let Some(c) = draft.cue else { continue };
        if doc.cues()[c].precision < NESTED_CUE_MIN_PRECISION {
            continue;
        }
        let Some(parent) = claims.holder(doc.cues()[c].span) else {
            continue;
        };
        let source = draft
            .source
            .map(|m| doc.mentions()[m].span)
            .or(draft.source_phrase);
        let inside = |span: Span| claims.holder(span) == Some(parent);
        // A nested row that holds a quotation competes with the quoted rows
        // for it, and seldom wins: with them, train quoted-only F1 fell
        // 0.8682 -> 0.8677 for attribution F1 0.6795 -> 0.6797.
        let quotes = draft
            .content
            .iter()
            .any(|&f| doc.quotes_in(f).next().is_some());
        if !quotes && source.is_some_and(inside) && draft.content.iter().all(|&f| inside(f)) {
            claims.nested.push(draft);
        }
    }
}

/// The lowest lexicon precision of a nested row's cue ("said", "says"; not
/// "thinks", "wants"). PolNeAR seldom annotates an attribution inside
/// another's content (127 of 19,881 train items): with every speech cue,
/// 894 nested rows on train were 17% right and attribution F1 fell 0.6789
/// -> 0.6681; at 0.7 it was level (0.6786), at 0.85 0.6793, at 0.9 0.6792.
const NESTED_CUE_MIN_PRECISION: f32 = 0.85;

// ---------------------------------------------------------------------------
// Shared pieces

/// Whether cue `c` may attribute `content`: any speech cue may when the
/// content quotes someone's words; else only a cue learned to introduce
/// reported speech ("said" does, "made" does not).
fn is_speech_frame(frame: CueFrame) -> bool {
    matches!(frame, CueFrame::Verb | CueFrame::QuotedAsSaying)
}

pub(crate) fn is_punct(doc: &Doc, token: &Token, marks: &[&str]) -> bool {
    token.kind == TokenKind::Punct && marks.contains(&doc.word(token))
}

pub(crate) fn is_object_word(doc: &Doc, token: &Token) -> bool {
    token.kind == TokenKind::Word
        && (words::is_in(&OBJECT, doc.word(token)) || words::is_in(&GAP, doc.word(token)))
}

/// The free cue that starts at the first token at or after `offset`.
fn cue_at(doc: &Doc, claims: &Claims, offset: usize, limit: usize) -> Option<usize> {
    let token = doc.first_token_in(Span::new(offset, limit))?;
    doc.cue_at_token(token)
        .filter(|&c| is_finite_speech_cue(doc, claims, c))
}

/// The free speech cues starting at or after `offset`, before `limit`.
fn speech_cues<'d>(
    doc: &'d Doc,
    claims: &'d Claims,
    offset: usize,
    limit: usize,
) -> impl Iterator<Item = usize> + 'd {
    doc.cues_in(Span::new(offset, limit))
        .filter(move |&c| is_finite_speech_cue(doc, claims, c))
}

/// A free speech cue that can carry a speaker of its own: "said", "has
/// said", not "referring to" or "saying".
fn is_finite_speech_cue(doc: &Doc, claims: &Claims, c: usize) -> bool {
    let cue = &doc.cues()[c];
    claims.cue_is_free(c) && is_speech_frame(cue.frame) && cue.form != VerbForm::Gerund
}

/// Whether cue `c` is a gerund after "be" or "have been", which carries a
/// speaker of its own like a finite verb: "X is calling for C", "X has been
/// saying C" (not "X, saying C").
fn is_progressive(doc: &Doc, c: usize) -> bool {
    let cue = &doc.cues()[c];
    cue.form == VerbForm::Gerund
        && (doc
            .tokens(cue.span)
            .first()
            .is_some_and(|t| BE.iter().any(|be| doc.word(t).eq_ignore_ascii_case(be)))
            || after_be_clitic(doc, cue.span.start))
}

/// Whether the words right before `offset`, over a "not" or "also", are a
/// subject pronoun with "be" as its clitic: "he's hoping", "they're not
/// saying". The cue matcher leaves the clitic out of the cue (the word is
/// the pronoun's), so a progressive of this form looks like a bare gerund.
fn after_be_clitic(doc: &Doc, offset: usize) -> bool {
    let Some((before, i)) = word_before_adverbs(doc, offset) else {
        return false;
    };
    let word = doc.word(&before[i]);
    ["'s", "\u{2019}s", "'re", "\u{2019}re", "'m", "\u{2019}m"]
        .iter()
        .find_map(|clitic| word.strip_suffix(clitic))
        // "it's" and "there's" are no speakers.
        .is_some_and(|stem| {
            words::is_in(&words::SUBJECT_PRONOUNS, stem)
                && !["it", "there"].iter().any(|w| stem.eq_ignore_ascii_case(w))
        })
}

/// The last word before `offset`, over at most two adverbs of a verb group
/// ("is *not* clear", "he's *also* saying"): the tokens before `offset`
/// and its index among them.
fn word_before_adverbs<'a>(doc: &Doc<'a>, offset: usize) -> Option<(&'a [Token], usize)> {
    let before = doc.tokens(Span::new(offset.saturating_sub(48), offset));
    let i = (0..before.len()).rev().take(3).find(|&i| {
        let word = doc.word(&before[i]);
        !VERB_GROUP_ADVERBS
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    })?;
    Some((before, i))
}

/// Adverbs that stand inside a verb group, between "be" and what follows.
const VERB_GROUP_ADVERBS: [&str; 8] = [
    "not",
    "n't",
    "n\u{2019}t",
    "also",
    "still",
    "now",
    "just",
    "really",
];

/// Whether cue `c` is a base form right after an expletive "it is", over
/// a "not" or "also": an adjective, not a verb ("it is not *clear* that
/// C", "it's *clear* that C"), and "it" is no speaker.
fn is_expletive_predicate(doc: &Doc, c: usize) -> bool {
    let cue = &doc.cues()[c];
    if cue.form != VerbForm::Base {
        return false;
    }
    let Some((before, i)) = word_before_adverbs(doc, cue.span.start) else {
        return false;
    };
    let is_it = |word: &str| word.eq_ignore_ascii_case("it");
    let word = doc.word(&before[i]);
    let subject = i.checked_sub(1).map(|p| doc.word(&before[p]));
    if BE.iter().any(|be| word.eq_ignore_ascii_case(be))
        || NEGATED_BE.iter().any(|be| word.eq_ignore_ascii_case(be))
    {
        return subject.is_some_and(is_it);
    }
    // "it's", or "it" "'s" as two tokens.
    ["'s", "\u{2019}s"]
        .iter()
        .find_map(|clitic| word.strip_suffix(clitic))
        .is_some_and(|stem| is_it(stem) || (stem.is_empty() && subject.is_some_and(is_it)))
}

/// "be" with its negation in one token.
const NEGATED_BE: [&str; 8] = [
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "isn\u{2019}t",
    "wasn\u{2019}t",
    "aren\u{2019}t",
    "weren\u{2019}t",
];

/// Whether cue `c` is a passive ("is expected", "was reported", "has been
/// asked"), whose subject is not its source, rather than a participle that
/// describes the subject ("is worried").
fn is_passive(doc: &Doc, c: usize) -> bool {
    let cue = &doc.cues()[c];
    // The cue's tokens only once it is a participle: most cues are not.
    cue.form == VerbForm::Participle
        && !ADJECTIVAL_PARTICIPLES.contains(cue.lemma)
        && doc
            .tokens(cue.span)
            .split_last()
            .is_some_and(|(_, auxiliaries)| {
                auxiliaries
                    .iter()
                    .any(|t| BE.iter().any(|be| doc.word(t).eq_ignore_ascii_case(be)))
            })
}

const BE: [&str; 7] = ["is", "are", "was", "were", "am", "be", "been"];

/// Whether a cue starts at the second of `tokens` ("to *mock*").
fn next_is_cue(doc: &Doc, tokens: &[Token]) -> bool {
    tokens
        .get(1)
        .is_some_and(|second| doc.cue_at_token(second).is_some())
}

/// Whether `tokens` open with "that".
fn starts_with_that(doc: &Doc, tokens: &[Token]) -> bool {
    tokens
        .first()
        .is_some_and(|t| doc.word(t).eq_ignore_ascii_case("that"))
}

/// Where the clause whose verb starts at `cue_start` begins: after the last
/// clause boundary before it (a comma, a dash, "and", "while"…) within a
/// short reach, else at the unit's content start.
fn clause_subject_start(doc: &Doc, unit: Span, cue_start: usize) -> usize {
    let before = doc.tokens(Span::new(unit.start, cue_start));
    let reach = before.len().saturating_sub(15);
    for i in (reach..before.len()).rev() {
        let t = &before[i];
        let boundary = match t.kind {
            TokenKind::Word => words::is_in(&CLAUSE_OPENERS, doc.word(t)),
            TokenKind::QuoteMark => true,
            _ => is_punct(doc, t, &[",", ";", ":", "—", "–", "--", "(", ")"]),
        };
        if boundary {
            return before.get(i + 1).map_or(cue_start, |n| n.span.start);
        }
    }
    match before.get(reach) {
        Some(t) if reach > 0 => t.span.start,
        _ => content_start(doc, unit),
    }
}

/// Whether the quote at `quote_start` is introduced by "X said," or "X
/// said:" just before it in the unit.
fn follows_lead_in(doc: &Doc, claims: &Claims, quote_start: usize, unit_start: usize) -> bool {
    let before = doc.tokens(Span::new(unit_start, quote_start));
    let Some((last, rest)) = before.split_last() else {
        return false;
    };
    let punct = is_punct(doc, last, &[",", ":"]);
    let cue_end = if punct { rest.last() } else { Some(last) };
    cue_end.is_some_and(|t| frame_ends_at(doc, claims, t.span.end, unit_start))
}

/// Whether a free speech cue with a source after `floor` ends at `end`: "X
/// said" just before a quote or a reported clause.
fn frame_ends_at(doc: &Doc, claims: &Claims, end: usize, floor: usize) -> bool {
    let cues = doc.cues();
    let c = cues.partition_point(|c| c.span.end < end);
    c < cues.len()
        && cues[c].span.end == end
        && is_finite_speech_cue(doc, claims, c)
        && doc.source_of_cue(c, floor).is_some()
}

/// The unit of cue `c`, when the cue is still free and stands outside
/// quotation marks: where every cue-driven sieve starts.
fn open_cue_unit(doc: &Doc, claims: &Claims, c: usize) -> Option<Span> {
    if !claims.cue_is_free(c) {
        return None;
    }
    doc.open_unit_of_cue(c)
}

/// Whether a speech cue with a speaker of its own stands between
/// `from` and `to`, outside quotation marks.
/// Whether a speech frame ends just before `offset`, with at most "that"
/// between: the words from `offset` on are its reported clause ("She says
/// *X represents…*"), not a new sentence of their own.
fn opens_reported_clause(doc: &Doc, claims: &Claims, floor: usize, offset: usize) -> bool {
    let before = doc.tokens(Span::new(floor, offset));
    let before = match before.split_last() {
        Some((last, rest)) if doc.word(last).eq_ignore_ascii_case("that") => rest,
        _ => before,
    };
    before
        .last()
        .is_some_and(|last| frame_ends_at(doc, claims, last.span.end, floor))
}

fn has_frame_before(doc: &Doc, claims: &Claims, from: usize, to: usize) -> bool {
    // Within a clause's reach of the quote, so that the scan stays short.
    let tokens = doc.tokens(Span::new(from, to));
    let from = tokens
        .len()
        .checked_sub(MAX_CLAUSE_TOKENS)
        .map_or(from, |first| tokens[first].span.start);
    let cues = doc.cues();
    doc.cues_in(Span::new(from, to)).any(|c| {
        is_finite_speech_cue(doc, claims, c)
            && !doc.is_quoted(cues[c].span)
            && doc.source_of_cue(c, from).is_some()
    })
}

/// "who", "which", "that": the subject of a relative clause, whose cue is
/// not the frame's.
fn is_relative_pronoun(word: &str) -> bool {
    ["who", "whom", "whose", "which", "that"]
        .iter()
        .any(|r| r.eq_ignore_ascii_case(word))
}

/// The speaker of cue `c` whose subject fills the words from `from` (just
/// after a quote) to the cue: a mention, with before it only names, possessives, a
/// determiner and a bare role ("The Post's Ed Smith", "election law expert
/// Rick Hasen"), and after it an apposition between commas ("Ana Ruiz, 67,
/// a nurse in Dayton, Ohio,") or a short qualifier ("a spokesman for the
/// party", "a staffer in the room").
fn speaker_before_cue(doc: &Doc, from: usize, c: usize) -> Option<usize> {
    let span = Span::new(from, doc.cues()[c].span.start);
    let m = doc.source_of_cue(c, from)?;
    let mention = doc.mentions()[m].span;
    let lead = Span::new(span.start, mention.start);
    if names_only(doc, lead) {
        // The speaker is the mention the phrase opens with, when a
        // qualifier follows it ("a spokesman *for the party*").
        return Some(opening_speaker(doc, lead).unwrap_or(m));
    }
    // The phrase opens with a mention the source_before search passed: an
    // apposition that holds a mention of its own ("Ana Ruiz, 67, a nurse in
    // Dayton, Ohio, said" gives Dayton).
    let first = doc.mention_starting_at_token(span.start, span.end)?;
    let tokens = doc.tokens(Span::new(doc.mentions()[first].span.end, span.end));
    let apposition = tokens.first().is_some_and(|t| doc.word(t) == ",")
        && tokens.len() <= MAX_APPOSITION_TOKENS
        && tokens.iter().all(|t| t.kind != TokenKind::QuoteMark)
        && tokens
            .iter()
            .rev()
            .find(|t| !(t.kind == TokenKind::Word && words::is_in(&GAP, doc.word(t))))
            .is_some_and(|t| doc.word(t) == ",");
    (apposition && doc.mentions()[first].kind != MentionKind::Pronoun).then_some(first)
}

/// Tokens an apposition after a speaker may hold, commas included.
const MAX_APPOSITION_TOKENS: usize = 30;

/// The mention that opens `lead` when a qualifier follows it ("a spokesman
/// for the party": "a spokesman").
fn opening_speaker(doc: &Doc, lead: Span) -> Option<usize> {
    let tokens = doc.tokens(lead);
    let first = tokens.first()?;
    // A mention holds its determiner ("a spokesman") or not ("the ACU").
    let m = doc
        .mention_starting_at_token(first.span.start, lead.end)
        .or_else(|| {
            let second = tokens.get(1).filter(|_| is_determiner(doc, first))?;
            doc.mention_starting_at_token(second.span.start, lead.end)
        })?;
    let after = doc.tokens(Span::new(doc.mentions()[m].span.end, lead.end));
    after
        .first()
        .is_some_and(|t| is_qualifier(doc, t))
        .then_some(m)
}

/// Whether `span` holds nothing but mentions, possessive endings, commas, a
/// determiner, qualifiers ("of", "for", "in") and a short bare role: the
/// words before a speaker ("The Post's" in "The Post's Ed Smith", "election
/// law" in "election law expert Rick Hasen") or between it and the mention
/// the cue's source search found ("a spokesman for committee Democrats").
fn names_only(doc: &Doc, span: Span) -> bool {
    let mut role_words = 0;
    let mut qualifiers = 0;
    doc.tokens(span).iter().enumerate().all(|(i, t)| {
        let word = doc.word(t);
        if matches!(word, "'s" | "’s" | "'" | "’" | ",") || doc.mention_containing(t.span).is_some()
        {
            return true;
        }
        // "Commentary’s" as one token, its stem a mention.
        if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            let stem = Span::new(t.span.start, t.span.start + stem.len());
            if doc.mention_containing(stem).is_some() {
                return true;
            }
        }
        if i == 0 && is_determiner(doc, t) {
            return true;
        }
        if i > 0 && is_qualifier(doc, t) {
            qualifiers += 1;
            return qualifiers == 1;
        }
        role_words += 1;
        role_words <= MAX_ROLE_WORDS + 1 && doc.is_role_word(t)
    })
}

fn is_determiner(doc: &Doc, token: &Token) -> bool {
    ["the", "a", "an", "one"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(doc.word(token)))
}

/// A preposition that attaches a place or an organization to a speaker.
fn is_qualifier(doc: &Doc, token: &Token) -> bool {
    ["of", "for", "in", "at", "from", "with"].contains(&doc.word(token))
}

/// Whether the last token inside the closing mark of `quote` is one of
/// the punctuation `marks` (`"…lightly,"`: ",").
fn closes_with(doc: &Doc, quote: Span, marks: &[&str]) -> bool {
    let inner = doc.tokens(quote);
    let before_close = inner.len().checked_sub(2).and_then(|i| inner.get(i));
    before_close.is_some_and(|t| is_punct(doc, t, marks))
}

/// Whether the quote `quote` ends with a question or exclamation mark
/// inside its closing mark (`"Who knows?"`).
fn ends_in_question_or_exclamation(doc: &Doc, quote: Span) -> bool {
    closes_with(doc, quote, &["?", "!"])
}

/// Whether the quote's last words end with clause punctuation, inside the
/// closing mark: `"…lightly,"`, `"…out?"`.
fn ends_clause(doc: &Doc, quote: Span) -> bool {
    closes_with(doc, quote, &[",", ".", "?", "!", "…", "—", "–", "-", "--"])
}

/// Whether a quote that closes its own sentence or clause inside its marks
/// is followed only by an adjunct of the frame: `X said, "We'll see," when
/// asked…` / `X yelled "You lie!" at the president`. PolNeAR marks the quote
/// alone.
fn closed_before_adjunct(doc: &Doc, quote: Span, unit: Span) -> bool {
    let after = doc.tokens(Span::new(quote.end, unit.end));
    let after = match after.split_first() {
        Some((comma, rest)) if is_punct(doc, comma, &[","]) => rest,
        _ => after,
    };
    ends_clause(doc, quote)
        && after
            .first()
            .is_some_and(|t| is_one_of(doc, t, &ADJUNCTS_AFTER_QUOTE))
}

/// Words that open an adjunct after a quote rather than more of what was
/// said.
const ADJUNCTS_AFTER_QUOTE: [&str; 14] = [
    "when", "before", "after", "as", "while", "until", "at", "during", "in", "on", "to", "toward",
    "from", "with",
];

/// Whether a quote ends the clause it stands in: nothing but punctuation
/// follows it in its unit, or a dash or semicolon does (`X cracked, "Q" —
/// and he has been since`). Words after it make a mixed clause (`X said Y
/// was "Q" for years`), which speaker_cue_content takes whole.
fn ends_its_clause(doc: &Doc, quote: Span, unit: Span) -> bool {
    let after = doc.tokens(Span::new(quote.end, unit.end));
    // A short quote before a dash is a phrase the dash explains (`attempts
    // at "spear phishing" - fake emails`).
    let dash = after
        .iter()
        .take_while(|t| t.kind != TokenKind::Word && t.kind != TokenKind::Number)
        .any(|t| is_punct(doc, t, &["—", "–", "--", "-", ";"]));
    (dash && word_count(doc, quote) >= MIN_SENTENCE_WORDS)
        || after
            .iter()
            .all(|t| t.kind != TokenKind::Word && t.kind != TokenKind::Number)
}

/// Words a quote needs to read as a sentence of its own rather than a phrase.
const MIN_SENTENCE_WORDS: usize = 5;

/// The speaker of a cue coordinated with an earlier verb of its clause ("X
/// leaned in and boomed", "X said C but added"): the source of the nearest
/// earlier cue in the unit, else the mention the unit opens with.
fn coordinated_speaker(doc: &Doc, unit: Span, cue_start: usize) -> Option<usize> {
    coordinated_subject(doc, unit, cue_start)?;
    earlier_source(doc, unit, cue_start).or_else(|| {
        let start = content_start(doc, unit);
        doc.mention_starting_at_token(start, cue_start)
            .filter(|&m| doc.mentions()[m].span.start == start)
    })
}

/// The source of the nearest finite verb cue before `cue_start` in `unit`
/// that has one: the subject of the clause a later verb continues.
fn earlier_source(doc: &Doc, unit: Span, cue_start: usize) -> Option<usize> {
    let cues = doc.cues();
    let first = cues.partition_point(|c| c.span.start < unit.start);
    let last = cues.partition_point(|c| c.span.start < cue_start);
    (first..last).rev().find_map(|c| {
        let cue = &cues[c];
        (cue.frame == CueFrame::Verb && cue.form != VerbForm::Gerund && !doc.is_quoted(cue.span))
            .then(|| doc.source_of_cue(c, unit.start))
            .flatten()
            .filter(|&m| {
                !is_modifier_of_noun_cue(doc, m) && !follows_verb_or_preposition(doc, m, unit)
            })
    })
}

/// Whether mention `m` comes right after a verb cue, a preposition or a
/// possessive: "posted *a Twitter* comment", "shared a syllabus for *a
/// psychology class* called…", "clashed at Saturday's *GOP* debate",
/// "wrote *the agents* knew…". It is then an object or a modifier, and the
/// cue after it a noun or the verb of a clause inside the object; the
/// subject of the clause is further back.
fn follows_verb_or_preposition(doc: &Doc, m: usize, unit: Span) -> bool {
    let mention = doc.mentions()[m].span;
    doc.tokens(Span::new(unit.start, mention.start))
        .last()
        .is_some_and(|t| {
            let word = doc.word(t);
            OBJECT_TAKING_PREPOSITIONS.contains(&word)
                || word.ends_with("'s")
                || word.ends_with("’s")
                || doc
                    .cue_at_token(t)
                    .is_some_and(|c| doc.cues()[c].frame == CueFrame::Verb)
        })
}

/// Prepositions whose object is no subject ("for", "at", "of"…).
const OBJECT_TAKING_PREPOSITIONS: [&str; 14] = [
    "for", "at", "of", "in", "on", "to", "with", "from", "by", "about", "against", "into", "over",
    "than",
];

/// Whether mention `m` is a lone lowercase word that is no pronoun, an
/// article or quantifier before a cue that is a noun there ("Cruz made
/// *an* unprompted call", "X deflected *numerous* questions"): no subject.
fn is_modifier_of_noun_cue(doc: &Doc, m: usize) -> bool {
    let mention = &doc.mentions()[m];
    let text = mention.span.text(doc.text);
    mention.kind != MentionKind::Pronoun
        && doc.tokens(mention.span).len() == 1
        && text.starts_with(char::is_lowercase)
}

/// A quote opening right after a frame, past a comma: `, "Q2."`.
/// An apposition may come between: `said X, an economist at Y, "Q2."`.
fn quote_after(doc: &Doc, offset: usize, limit: usize) -> Option<Span> {
    let rest = doc.tokens(Span::new(offset, limit));
    let comma = |t: &Token| is_punct(doc, t, &[",", ":"]);
    let mut skip = usize::from(rest.first().is_some_and(comma));
    if rest
        .get(skip)
        .is_some_and(|t| t.kind != TokenKind::QuoteMark)
    {
        // Past an apposition or a circumstance closed by a comma, within a
        // short reach: `"Q1," X, a doctor, said, "Q2"`, `"Q1," X said
        // during a rally in Ames, "Q2"`. A cue there starts a frame of its
        // own (`X said, suggesting a question, "Q2"`).
        let close = rest
            .iter()
            .take(30)
            .position(|t| t.kind == TokenKind::QuoteMark)?;
        if close < 2 || !comma(&rest[close - 1]) {
            return None;
        }
        let coda = Span::new(offset, rest[close].span.start);
        // Unless the second quote goes on with the sentence the first broke
        // off (`"Q1," X wrote, explaining why…, "but Q2"`): its first word
        // is in lower case, so no new speaker opens it, and no that-clause
        // of the coda's cue holds it (`X said, adding that C, "Q2"` is the
        // gerund's content).
        let goes_on = rest.get(close + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && doc.word(t).starts_with(char::is_lowercase)
        }) && !rest[..close].iter().any(|t| doc.word(t) == "that");
        if !goes_on && !doc.cues_in(coda).is_empty() {
            return None;
        }
        skip = close;
    }
    let opener = rest.get(skip)?;
    let q = doc.outer_quote_at(opener.span.start)?;
    let span = doc.quote(q).span();
    (span.start == opener.span.start && doc.is_speech_like(q)).then_some(span)
}

/// `"Q1," he said, that C2` / `"Q1," she said, would C2`: the quoted words
/// stop mid-sentence at a comma and the sentence goes on unquoted after a
/// frame of speaker then cue. Not after `said X`, where what follows X is
/// an apposition (`said X, a lawyer who…`).
fn interrupted_rest(
    doc: &Doc,
    claims: &Claims,
    quote: Span,
    speaker: Span,
    cue: usize,
    area: Span,
    unit: Span,
) -> Option<Span> {
    let cue = doc.cues()[cue].span;
    if area.end > unit.end || !closes_with(doc, quote, &[","]) || speaker.end > cue.start {
        return None;
    }
    unquoted_rest_after(doc, claims, cue.end, unit.end)
}

/// The rest of an interrupted sentence after its frame, past a comma:
/// `"Q1," he said, *that C2*`. PolNeAR takes it into the quote's content.
/// Only a clause that goes on with what was said: the frame must not run
/// on to a cue of its own (`he said, adding that C2`), and the rest must
/// open with one of [`INTERRUPTED_REST_OPENERS`], not with an adjunct of
/// the frame (`he said, as the crowd cheered`, `he said, without…`).
fn unquoted_rest_after(doc: &Doc, claims: &Claims, offset: usize, limit: usize) -> Option<Span> {
    let rest = doc.tokens(Span::new(offset, limit));
    // A short circumstance of the frame may come before the comma: `the
    // members wrote in a letter to the president, that C2`.
    let comma = rest
        .iter()
        .take(10)
        .position(|t| is_punct(doc, t, &[","]))?;
    let circumstance = &rest[..comma];
    if !doc
        .cues_in(Span::new(offset, rest[comma].span.end))
        .is_empty()
        || circumstance.iter().any(|t| t.kind != TokenKind::Word)
        || circumstance
            .first()
            .is_some_and(|t| !matches!(doc.word(t), "in" | "on" | "at" | "during"))
    {
        return None;
    }
    let first = rest.get(comma + 1)?;
    if !is_one_of(doc, first, &INTERRUPTED_REST_OPENERS) {
        return None;
    }
    let content = trim(doc, Span::new(first.span.start, limit));
    (word_count(doc, content) >= 3 && claims.is_free(content)).then_some(content)
}

/// Words that open the unquoted rest of an interrupted quote's sentence
/// (`"Q1," he said, *that* C2 / *to* C2 / *would* C2`); after `"Q1," X
/// said,` most other words open an adjunct of the frame (`without…`,
/// `though…`, `a hint of…`, `dressed as…`).
const INTERRUPTED_REST_OPENERS: [&str; 20] = [
    "that", "to", "would", "will", "could", "can", "should", "may", "might", "must", "is", "are",
    "was", "were", "has", "have", "had", "does", "do", "did",
];

/// A quote opening after a cue, past its addressee and a comma or colon.
fn quote_opening_after_cue(doc: &Doc, offset: usize, limit: usize) -> Option<usize> {
    let rest = doc.tokens(Span::new(offset, limit));
    // Only words and commas or colons may come before the opening mark:
    // most cues are ruled out here, before any word is looked up.
    let first_other = rest
        .iter()
        .find(|t| t.kind != TokenKind::Word && !is_punct(doc, t, &[",", ":"]));
    if first_other.is_none_or(|t| t.kind != TokenKind::QuoteMark) {
        return None;
    }
    let mut i = 0;
    while i < rest.len() && (is_object_word(doc, &rest[i]) || is_punct(doc, &rest[i], &[",", ":"]))
    {
        i += 1;
    }
    let opener = rest.get(i)?;
    if opener.kind != TokenKind::QuoteMark {
        return None;
    }
    spoken_quote_opened_by(doc, opener)
}

/// The quote someone speaks that `opener`, an opening quotation mark,
/// opens: not a scare quote or a title.
fn spoken_quote_opened_by(doc: &Doc, opener: &Token) -> Option<usize> {
    let q = doc.outer_quote_at(opener.span.start)?;
    (doc.quote(q).span().start == opener.span.start && doc.is_speech_like(q)).then_some(q)
}

/// A quote opening after a short adjunct of the cue and a comma or colon:
/// "X said *last week in Madrid*, "Q"", "X wrote *in a memo to staff*: "Q"".
/// (Without this, `speaker_cue_content` took the adjunct, or the adjunct and
/// the quote, as mixed content, and PolNeAR's direct quote had no row.) The
/// adjunct has at most [`MAX_ADJUNCT_TOKENS`] tokens and no quote, speech
/// cue, "that" or subject pronoun, which would open a reported clause.
fn quote_after_adjunct(doc: &Doc, offset: usize, limit: usize) -> Option<usize> {
    let rest = doc.tokens(Span::new(offset, limit));
    let end = rest
        .iter()
        .take(MAX_ADJUNCT_TOKENS + 1)
        .position(|t| t.kind == TokenKind::QuoteMark || is_punct(doc, t, &[",", ":"]))?;
    let (adjunct, after) = rest.split_at(end);
    let opens_clause = |t: &Token| {
        doc.word(t) == "that"
            || words::is_in(&SUBJECT_PRONOUNS, doc.word(t))
            || doc.cue_at_token(t).is_some()
    };
    if adjunct.is_empty() || adjunct.iter().any(opens_clause) {
        return None;
    }
    let [mark, opener, ..] = after else {
        return None;
    };
    if mark.kind != TokenKind::Punct || opener.kind != TokenKind::QuoteMark {
        return None;
    }
    spoken_quote_opened_by(doc, opener)
}

/// The most tokens of an adjunct between a cue and its quote ("in an
/// interview with the local paper on Monday").
const MAX_ADJUNCT_TOKENS: usize = 10;

/// The quote that opens a span's first token.
fn quote_starting(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let first = doc.first_token_in(Span::new(start, end))?;
    spoken_quote_opened_by(doc, first)
}

/// A quote that makes up all of `span` but for punctuation.
fn quote_filling(doc: &Doc, span: Span) -> Option<usize> {
    let q = quote_starting(doc, span.start, span.end)?;
    let quote = doc.quote(q).span();
    let rest = doc.tokens(Span::new(quote.end, span.end));
    rest.iter()
        .all(|t| t.kind != TokenKind::Word && t.kind != TokenKind::Number)
        .then_some(q)
}

/// For each of `spans` (sorted, not overlapping), the attribution with quoted
/// content whose last fragment ends in it, and ends last: in one pass. (A
/// quote over two paragraphs ends in the second, where its frame stands:
/// `"Q1 ¶ "Q1b," he said. "Q2."`.)
fn last_quoting_drafts(doc: &Doc, claims: &Claims, spans: &[Span]) -> Vec<Option<usize>> {
    last_drafts(doc, claims, spans, true)
}

/// [`last_quoting_drafts`], or with `quoting` false, of the attributions
/// whose content has no quote.
fn last_drafts(doc: &Doc, claims: &Claims, spans: &[Span], quoting: bool) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; spans.len()];
    for (d, draft) in claims.drafts.iter().enumerate() {
        let Some(&last) = draft.content.last() else {
            continue;
        };
        if quoting
            != draft
                .content
                .iter()
                .any(|&s| doc.quotes_in(s).next().is_some())
        {
            continue;
        }
        let end = last.end.saturating_sub(1).max(last.start);
        let i = spans.partition_point(|s| s.end <= end);
        if i < spans.len() && spans[i].contains_offset(end) {
            let ends_later = owner[i].is_none_or(|o| {
                claims.drafts[o]
                    .content
                    .last()
                    .is_some_and(|l| l.end < last.end)
            });
            if ends_later {
                owner[i] = Some(d);
            }
        }
    }
    owner
}

/// The subject of a verb coordinated with the cue: "Giles attempted to
/// re-engage the campaign and *said*…" → Giles, the mention that opens the
/// unit.
fn coordinated_subject(doc: &Doc, unit: Span, cue_start: usize) -> Option<usize> {
    let before = doc.tokens(Span::new(unit.start, cue_start));
    let and = conjunction_before(doc, before)?;
    later_coordinated_pronoun(doc, &before[..and])
        .or_else(|| quoting_verb_source(doc, unit, before[and].span.start))
        .or_else(|| opening_mention(doc, unit, cue_start))
}

/// The source of a verb cue that opens a clause after a dash or a
/// semicolon and whose object holds a quotation, joined to the cue by the
/// conjunction at `conjunction`: "For that she drew his ire - *he* called
/// her "weak" *and* said C" → he, not the unit's opening mention. PolNeAR
/// gives the second cue its own row with the first one's speaker. Without
/// the clause break the source is often a subordinate clause's subject
/// ("after X called them "Q" and proposed"), and the opening mention is
/// more often right.
fn quoting_verb_source(doc: &Doc, unit: Span, conjunction: usize) -> Option<usize> {
    let m = joined_verb_source(doc, unit, conjunction)?;
    let source = doc.mentions()[m].span;
    let before_source = doc.tokens(Span::new(unit.start, source.start));
    let after_break = before_source
        .last()
        .is_some_and(|t| is_punct(doc, t, &["-", "—", "–", "--", ";"]));
    let quoting = doc
        .tokens(Span::new(source.end, conjunction))
        .iter()
        .any(|t| t.kind == TokenKind::QuoteMark);
    (after_break && quoting).then_some(m)
}

/// The index in `before` of the "and" or "but" that ends it, gap words
/// (listed ones and "-ly" adverbs) aside: "X pledged C *and* quickly said".
fn conjunction_before(doc: &Doc, before: &[Token]) -> Option<usize> {
    let last_word = before.iter().rposition(|t| !words::is_gap(doc.word(t)))?;
    let word = doc.word(&before[last_word]);
    (word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("but")).then_some(last_word)
}

/// The subject pronoun of the last clause coordinated before a verb: "He
/// pledged C1 *and he*, once again, pledged C2 and said C3" → the second
/// "he", whose clause the last verb continues.
fn later_coordinated_pronoun(doc: &Doc, before: &[Token]) -> Option<usize> {
    before.windows(2).rev().find_map(|pair| {
        let [conjunction, pronoun] = pair else {
            return None;
        };
        if !is_one_of(doc, conjunction, &["and", "but"])
            || !words::is_in(&SUBJECT_PRONOUNS, doc.word(pronoun))
        {
            return None;
        }
        let m = doc.mention_starting_at_token(pronoun.span.start, pronoun.span.end)?;
        (doc.mentions()[m].kind == MentionKind::Pronoun).then_some(m)
    })
}

/// The subject of a cue coordinated with an earlier predicate whose
/// subject is not among the unit's first words, for cues after "and" or
/// "but" that [`coordinated_subject`] left without one: the source of the
/// earlier verb cue the conjunction joins ("In an interview, X doubled down
/// on his remarks *and said* C"), else the mention right after a fronted
/// adjunct that opens the unit ("By the end of the day, X was forced into
/// a retreat *and said* C"). The speaker of mixed clauses PolNeAR gives to
/// the coordinated cue's subject (train: mixed recall +0.0033, attribution
/// F1 +0.0006; dev level).
fn subject_across_coordination(doc: &Doc, unit: Span, cue_start: usize) -> Option<usize> {
    let before = doc.tokens(Span::new(unit.start, cue_start));
    let and = conjunction_before(doc, before)?;
    if let Some(m) = joined_verb_source(doc, unit, before[and].span.start) {
        return Some(m);
    }
    // The first comma of the unit closes a fronted adjunct.
    let comma = before[..=and]
        .iter()
        .position(|t| is_punct(doc, t, &[","]))?;
    if before[..comma]
        .iter()
        .any(|t| t.kind == TokenKind::QuoteMark)
    {
        return None;
    }
    let first = before.first()?;
    if !FRONTED_ADJUNCT_OPENERS.contains(&doc.word(first)) {
        return None;
    }
    let after = before.get(comma + 1)?;
    let m = doc.mention_starting_at_token(after.span.start, cue_start)?;
    (doc.mentions()[m].span.start == after.span.start).then_some(m)
}

/// Words that open a fronted adjunct, before the comma after which the
/// clause's subject comes ("*By* the end of the day, X …").
const FRONTED_ADJUNCT_OPENERS: [&str; 14] = [
    "In", "At", "During", "On", "By", "After", "Before", "When", "While", "Speaking", "Asked",
    "Later", "Earlier", "Last",
];

/// The source of the nearest finite verb cue before the conjunction at
/// `conjunction`, when only words join them ("X doubled down on his
/// remarks *and* said"; a comma or a dash between may close a relative
/// clause or an aside, whose verb is not the one joined). A relative
/// pronoun is no speaker.
fn joined_verb_source(doc: &Doc, unit: Span, conjunction: usize) -> Option<usize> {
    let cues = doc.cues();
    let first = cues.partition_point(|c| c.span.start < unit.start);
    let last = cues.partition_point(|c| c.span.start < conjunction);
    let e = (first..last).rev().find(|&c| {
        let cue = &cues[c];
        cue.frame == CueFrame::Verb && cue.form != VerbForm::Gerund && !doc.is_quoted(cue.span)
    })?;
    let between = doc.tokens(Span::new(cues[e].span.end, conjunction));
    if between
        .iter()
        .any(|t| is_punct(doc, t, &[",", ";", ":", "—", "–", "--", "("]))
    {
        return None;
    }
    let m = doc.source_of_cue(e, unit.start)?;
    (!is_relative_pronoun(doc.mentions()[m].span.text(doc.text))).then_some(m)
}

pub(crate) fn word_count(doc: &Doc, span: Span) -> usize {
    doc.tokens(span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}
