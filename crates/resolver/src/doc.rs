//! A read-only view over the layers the earlier stages made, with the lookups
//! the sieves share: units, quotes by offset, tokens by range, mentions near a
//! cue. It adds no linguistics of its own beyond grouping sentences into units.

use whosaid_core::{Candidates, Cue, Mention, Quote, QuoteHint, Segments, Span, Token, TokenKind};

use crate::words::{self, GAP};

/// Sentences grouped so that no quotation crosses a unit boundary: a quote of
/// three sentences followed by "he said" is one unit. Attribution frames are
/// matched within a unit.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    pub span: Span,
    pub paragraph: usize,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub segments: &'a Segments,
    pub candidates: &'a Candidates,
    pub units: Vec<Unit>,
    /// Indices of the outermost quotes (depth 0) in `segments.quotes`, which
    /// never overlap and are sorted by start.
    pub outer_quotes: Vec<usize>,
    all_reported_cues: bool,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        segments: &'a Segments,
        candidates: &'a Candidates,
        all_reported_cues: bool,
    ) -> Doc<'a> {
        let outer_quotes: Vec<usize> = (0..segments.quotes.len())
            .filter(|&i| segments.quotes[i].depth == 0)
            .collect();
        let mut doc = Doc {
            text,
            segments,
            candidates,
            units: Vec::new(),
            outer_quotes,
            all_reported_cues,
        };
        doc.units = doc.build_units();
        doc
    }

    fn build_units(&self) -> Vec<Unit> {
        let sentences: &[Span] = if self.segments.sentences.is_empty() {
            &self.segments.paragraphs
        } else {
            &self.segments.sentences
        };
        let mut units: Vec<Unit> = Vec::with_capacity(sentences.len());
        let mut quotes = self
            .outer_quotes
            .iter()
            .map(|&i| self.segments.quotes[i].span())
            .peekable();
        // How far the quotes opened in the current unit reach.
        let mut reach = 0;
        for &sentence in sentences {
            match units.last_mut() {
                Some(unit) if sentence.start < reach => {
                    unit.span.end = unit.span.end.max(sentence.end)
                }
                _ => units.push(Unit {
                    span: sentence,
                    paragraph: self.paragraph_of(sentence.start),
                }),
            }
            let unit_end = units.last().map_or(sentence.end, |u| u.span.end);
            while let Some(quote) = quotes.next_if(|q| q.start < unit_end) {
                reach = reach.max(quote.end);
            }
            // A quote reaching past this sentence makes the next one join
            // the unit (the `sentence.start < reach` arm above).
        }
        units
    }

    pub fn paragraph_of(&self, offset: usize) -> usize {
        let paragraphs = &self.segments.paragraphs;
        paragraphs
            .partition_point(|p| p.end <= offset)
            .min(paragraphs.len().saturating_sub(1))
    }

    pub fn quote(&self, index: usize) -> &'a Quote {
        &self.segments.quotes[index]
    }

    /// The outermost quote whose hull contains `offset`.
    pub fn outer_quote_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .outer_quotes
            .partition_point(|&q| self.quote(q).span().end <= offset);
        let q = *self.outer_quotes.get(i)?;
        self.quote(q).span().contains_offset(offset).then_some(q)
    }

    /// Whether `span` lies inside some quotation.
    pub fn is_quoted(&self, span: Span) -> bool {
        self.outer_quote_at(span.start)
            .is_some_and(|q| self.quote(q).span().contains(span))
    }

    /// The outer quotes overlapping `span`, as indices into `segments.quotes`.
    pub fn quotes_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .outer_quotes
            .partition_point(|&q| self.quote(q).span().end <= span.start);
        self.outer_quotes[from..]
            .iter()
            .copied()
            .take_while(move |&q| self.quote(q).span().start < span.end)
    }

    /// The tokens inside `span`.
    pub fn tokens(&self, span: Span) -> &'a [Token] {
        let tokens = &self.segments.tokens;
        let from = tokens.partition_point(|t| t.span.start < span.start);
        let to = tokens.partition_point(|t| t.span.start < span.end);
        let to = to.max(from);
        // A token straddling the end is left out.
        let to = if to > from && tokens[to - 1].span.end > span.end {
            to - 1
        } else {
            to
        };
        &tokens[from..to]
    }

    pub fn word(&self, token: &Token) -> &'a str {
        token.span.text(self.text)
    }

    pub fn unit_of(&self, offset: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.span.end <= offset);
        (i < self.units.len() && self.units[i].span.contains_offset(offset)).then_some(i)
    }

    pub fn mentions(&self) -> &'a [Mention] {
        &self.candidates.mentions
    }

    pub fn cues(&self) -> &'a [Cue] {
        &self.candidates.cues
    }

    /// The mention that ends last at or before `offset` and starts at or after
    /// `floor`, outside quotations.
    pub fn mention_ending_by(&self, offset: usize, floor: usize) -> Option<usize> {
        let mentions = self.mentions();
        let i = mentions.partition_point(|m| m.span.end <= offset);
        let m = i.checked_sub(1)?;
        (mentions[m].span.start >= floor && !self.is_quoted(mentions[m].span)).then_some(m)
    }

    /// The mention that covers `span`.
    pub fn mention_containing(&self, span: Span) -> Option<usize> {
        let mentions = self.mentions();
        let i = mentions.partition_point(|m| m.span.end <= span.start);
        (i < mentions.len() && mentions[i].span.contains(span)).then_some(i)
    }

    /// The mention that starts at the first token at or after `offset`.
    pub fn mention_starting_at_token(&self, offset: usize, limit: usize) -> Option<usize> {
        let next = self.tokens(Span::new(offset, limit)).first()?;
        let mentions = self.mentions();
        let i = mentions.partition_point(|m| m.span.start < next.span.start);
        (i < mentions.len()
            && mentions[i].span.start == next.span.start
            && mentions[i].span.end <= limit)
            .then_some(i)
    }

    /// Where the speaker of a cue at `cue_start` ends, when only adverbs and
    /// auxiliaries ("also", "has"), a parenthesis ("(D-N.Y.)"), or a
    /// comma-delimited apposition (", 31, a doctor in Aleppo,") separate
    /// them. Returns the mention.
    pub fn source_before(&self, cue_start: usize, floor: usize) -> Option<usize> {
        let before = self.tokens(Span::new(floor, cue_start));
        let mut end = before.len();
        loop {
            while end > 0 && is_gap_word(self, &before[end - 1]) {
                end -= 1;
            }
            if end == 0 || self.word(&before[end - 1]) != ")" {
                break;
            }
            // A parenthesis: party and state, an age.
            let open = (end.saturating_sub(8)..end - 1)
                .rev()
                .find(|&i| self.word(&before[i]) == "(")?;
            end = open;
        }
        if let Some(m) = self.mention_ending_at(before, end, floor) {
            return Some(m);
        }
        if end == 0 || self.word(&before[end - 1]) != "," {
            return None;
        }
        // An apposition: the speaker ends at one of the commas before it,
        // within a short reach and with no quotation mark between.
        let close = end - 1;
        for i in (close.saturating_sub(30)..close).rev() {
            let t = &before[i];
            if t.kind == TokenKind::QuoteMark {
                return None;
            }
            if self.word(t) == "," && i + 1 < close {
                if let Some(m) = self.mention_ending_at(before, i, floor) {
                    return Some(m);
                }
            }
        }
        None
    }

    /// The mention whose last token is `before[end - 1]`.
    fn mention_ending_at(&self, before: &[Token], end: usize, floor: usize) -> Option<usize> {
        let last = before.get(end.checked_sub(1)?)?;
        let m = self.mention_ending_by(last.span.end, floor)?;
        (self.mentions()[m].span.end == last.span.end).then_some(m)
    }

    /// The mention that follows a cue directly ("said *Sen. John McCain*").
    pub fn source_after(&self, cue_end: usize, limit: usize) -> Option<usize> {
        let m = self.mention_starting_at_token(cue_end, limit)?;
        (!self.is_quoted(self.mentions()[m].span)).then_some(m)
    }

    /// Whether cue `c` may introduce content without quotation marks.
    pub fn licenses_reported_speech(&self, c: usize) -> bool {
        self.all_reported_cues || words::REPORTED_SPEECH_CUES.contains(self.cues()[c].lemma)
    }

    /// Whether a passive of cue `c` ("is expected to", "was asked") may frame
    /// content with no source, as learned from PolNeAR train.
    pub fn licenses_sourceless_passive(&self, c: usize) -> bool {
        self.all_reported_cues || words::SOURCELESS_PASSIVE_CUES.contains(self.cues()[c].lemma)
    }

    /// Whether a quote reads as someone's words rather than a name or title.
    pub fn is_speech_like(&self, quote: usize) -> bool {
        self.quote(quote).hint != QuoteHint::Title
    }
}

fn is_gap_word(doc: &Doc, token: &Token) -> bool {
    token.kind == TokenKind::Word && words::is_in(&GAP, doc.word(token))
}
