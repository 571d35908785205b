//! A read-only view over the layers the earlier stages made, with the lookups
//! the sieves share: units, quotes by offset, tokens by range, mentions near a
//! cue. It adds no linguistics of its own beyond grouping sentences into units.

use std::cell::Cell;
use std::ops::Range;

use whosaid_core::{
    Candidates, Cue, CueFrame, Mention, MentionKind, Quote, QuoteHint, Segments, Span, Token,
    TokenKind,
};

use crate::words::{self, GAP};
use crate::Options;

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
    /// The hull of each of `outer_quotes`, side by side so that looking one
    /// up by offset stays in one array.
    outer_spans: Vec<Span>,
    /// For every [`BLOCK`]th byte offset `o` of the text (and past its end),
    /// how many tokens start before `o` and which bytes of its block a token
    /// starts at: [`Doc::tokens`] is two look-ups and a bit count, not two
    /// binary searches, as the sieves ask for the tokens of many short spans.
    tokens_before: Vec<u32>,
    /// [`Doc::source_of_cue`]'s answers by cue, for the last two floors
    /// asked.
    sources_before: Vec<Cell<[SourceAnswer; 2]>>,
    /// [`Doc::finite_speech_unit`]'s answers by cue, filled on first use:
    /// three sieves ask it of every cue.
    finite_speech_units: Vec<Cell<Option<Option<Span>>>>,
    /// [`Doc::licenses_reported_speech`]'s answers by cue, filled on first
    /// use: several sieves ask it of the same cues.
    reported_speech_licenses: Vec<Cell<Option<bool>>>,
    /// Where every opening parenthesis of the text is, in order:
    /// [`Doc::in_appositive_parenthesis`] asks of every speech cue whether
    /// one stands before it in its unit, and most units have none.
    open_parentheses: Vec<usize>,
    /// [`Doc::open_unit_of_cue`]'s answers by cue: most sieves start from
    /// it for every cue, which cost two binary searches each time.
    open_cue_units: Vec<Option<Span>>,
    /// [`Doc::content_start`]'s last answer, with the span it was for: the
    /// sieves ask it of the same unit for cue after cue.
    last_content_start: Cell<Option<(Span, usize)>>,
    /// The run's switches for relearning the cue lists.
    options: &'a Options,
}

/// The memory of a [`Doc`]'s own tables, handed from one text's `Doc` to
/// the next (see [`Doc::with_buffers`]) so that each text does not
/// allocate them afresh.
#[derive(Default)]
pub struct DocBuffers {
    units: Vec<Unit>,
    outer_quotes: Vec<usize>,
    outer_spans: Vec<Span>,
    tokens_before: Vec<u32>,
    sources_before: Vec<Cell<[SourceAnswer; 2]>>,
    finite_speech_units: Vec<Cell<Option<Option<Span>>>>,
    reported_speech_licenses: Vec<Cell<Option<bool>>>,
    open_parentheses: Vec<usize>,
    open_cue_units: Vec<Option<Span>>,
}

impl<'a> Doc<'a> {
    #[cfg(test)]
    pub fn new(
        text: &'a str,
        segments: &'a Segments,
        candidates: &'a Candidates,
        options: &'a Options,
    ) -> Doc<'a> {
        Doc::with_buffers(text, segments, candidates, options, DocBuffers::default())
    }

    /// The view over the layers of `text`, its tables built in `buffers`
    /// (whatever they held is cleared).
    pub fn with_buffers(
        text: &'a str,
        segments: &'a Segments,
        candidates: &'a Candidates,
        options: &'a Options,
        buffers: DocBuffers,
    ) -> Doc<'a> {
        let DocBuffers {
            units,
            mut outer_quotes,
            mut outer_spans,
            mut tokens_before,
            mut sources_before,
            mut finite_speech_units,
            mut reported_speech_licenses,
            mut open_parentheses,
            open_cue_units,
        } = buffers;
        outer_quotes.clear();
        outer_quotes.extend((0..segments.quotes.len()).filter(|&i| segments.quotes[i].depth == 0));
        outer_spans.clear();
        outer_spans.extend(outer_quotes.iter().map(|&q| segments.quotes[q].span()));
        fill_tokens_before(text.len(), &segments.tokens, &mut tokens_before);
        let cues = candidates.cues.len();
        sources_before.clear();
        sources_before.resize(cues, Cell::new([SourceAnswer::NONE; 2]));
        finite_speech_units.clear();
        finite_speech_units.resize(cues, Cell::new(None));
        reported_speech_licenses.clear();
        reported_speech_licenses.resize(cues, Cell::new(None));
        open_parentheses.clear();
        open_parentheses.extend(memchr::memchr_iter(b'(', text.as_bytes()));
        let mut doc = Doc {
            text,
            segments,
            candidates,
            units: Vec::new(),
            outer_quotes,
            outer_spans,
            tokens_before,
            sources_before,
            finite_speech_units,
            reported_speech_licenses,
            open_parentheses,
            open_cue_units: Vec::new(),
            last_content_start: Cell::new(None),
            options,
        };
        doc.units = doc.build_units(units);
        doc.open_cue_units = doc.build_open_cue_units(open_cue_units);
        doc
    }

    /// The memory of this view's tables, for the next text's.
    pub fn into_buffers(self) -> DocBuffers {
        DocBuffers {
            units: self.units,
            outer_quotes: self.outer_quotes,
            outer_spans: self.outer_spans,
            tokens_before: self.tokens_before,
            sources_before: self.sources_before,
            finite_speech_units: self.finite_speech_units,
            reported_speech_licenses: self.reported_speech_licenses,
            open_parentheses: self.open_parentheses,
            open_cue_units: self.open_cue_units,
        }
    }

    /// [`Doc::open_unit_of_cue`] for every cue, in `table` (cleared first):
    /// what [`Doc::is_quoted`] and [`Doc::unit_of`] answer, found by moving
    /// along the outer quotes and the units as the cues go (they come in
    /// text order; a cue that does not is looked up).
    fn build_open_cue_units(&self, mut table: Vec<Option<Span>>) -> Vec<Option<Span>> {
        table.clear();
        let (quotes, units) = (&self.outer_spans[..], &self.units[..]);
        let (mut q, mut u, mut last_start) = (0, 0, 0);
        table.extend(self.candidates.cues.iter().map(|cue| {
            let start = cue.span.start;
            if start < last_start {
                return if self.is_quoted(cue.span) {
                    None
                } else {
                    self.unit_of(start).map(|u| self.units[u].span)
                };
            }
            last_start = start;
            while quotes.get(q).is_some_and(|s| s.end <= start) {
                q += 1;
            }
            let quoted = quotes
                .get(q)
                .is_some_and(|s| s.contains_offset(start) && s.contains(cue.span));
            while units.get(u).is_some_and(|unit| unit.span.end <= start) {
                u += 1;
            }
            let unit = units
                .get(u)
                .filter(|unit| unit.span.contains_offset(start))
                .map(|unit| unit.span);
            if quoted {
                None
            } else {
                unit
            }
        }));
        table
    }

    /// The unit of cue `c`, unless the cue stands inside quotation marks
    /// (or in no unit).
    pub fn open_unit_of_cue(&self, c: usize) -> Option<Span> {
        self.open_cue_units.get(c).copied().flatten()
    }

    /// The units of the text, in `units` (cleared first).
    fn build_units(&self, mut units: Vec<Unit>) -> Vec<Unit> {
        let sentences: &[Span] = if self.segments.sentences.is_empty() {
            &self.segments.paragraphs
        } else {
            &self.segments.sentences
        };
        units.clear();
        units.reserve(sentences.len());
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

    /// The position in `outer_quotes` of the outermost quote whose hull
    /// contains `offset`.
    fn outer_position_at(&self, offset: usize) -> Option<usize> {
        let i = self.outer_spans.partition_point(|s| s.end <= offset);
        self.outer_spans
            .get(i)?
            .contains_offset(offset)
            .then_some(i)
    }

    /// The outermost quote whose hull contains `offset`.
    pub fn outer_quote_at(&self, offset: usize) -> Option<usize> {
        self.outer_position_at(offset).map(|i| self.outer_quotes[i])
    }

    /// Whether `span` lies inside some quotation.
    pub fn is_quoted(&self, span: Span) -> bool {
        self.outer_position_at(span.start)
            .is_some_and(|i| self.outer_spans[i].contains(span))
    }

    /// The outer quotes overlapping `span`, as indices into `segments.quotes`.
    pub fn quotes_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.outer_spans.partition_point(|s| s.end <= span.start);
        let to = from
            + self.outer_spans[from..]
                .iter()
                .take_while(|s| s.start < span.end)
                .count();
        self.outer_quotes[from..to].iter().copied()
    }

    /// The cues wholly inside `span`, by index, in text order.
    pub fn cues_in(&self, span: Span) -> Range<usize> {
        let cues = self.cues();
        // Cues never overlap, so their ends are in order as their starts are.
        let from = cues.partition_point(|c| c.span.start < span.start);
        let to = cues.partition_point(|c| c.span.end <= span.end);
        from..to.max(from)
    }

    /// The cues after cue `c` that end by `end`: [`Doc::cues_in`] from
    /// the end of `c`, found by stepping from `c` (a unit holds few cues)
    /// rather than by searching all the document's cues twice.
    pub fn cues_after(&self, c: usize, end: usize) -> Range<usize> {
        let cues = self.cues();
        // Cues never overlap, so every cue after `c` starts after it ends.
        let count = cues[c + 1..]
            .iter()
            .take_while(|d| d.span.end <= end)
            .count();
        c + 1..c + 1 + count
    }

    /// How many tokens start before `offset`: the count before its block
    /// and the starts within the block before it, with no branch on the
    /// data (a loop stepping over the block's tokens mispredicted often).
    fn tokens_before(&self, offset: usize) -> usize {
        match self.tokens_before.get(offset / BLOCK) {
            Some(&entry) => {
                let earlier_in_block = (1u32 << (offset % BLOCK)) - 1;
                (entry >> BLOCK) as usize + starts_in(entry & earlier_in_block)
            }
            // Past the end of the text, or a text too long for the table.
            None => self
                .segments
                .tokens
                .partition_point(|t| t.span.start < offset),
        }
    }

    /// The tokens inside `span`.
    pub fn tokens(&self, span: Span) -> &'a [Token] {
        let tokens = &self.segments.tokens;
        let from = self.tokens_before(span.start);
        let to = self.tokens_before(span.end).max(from);
        // A token straddling the end is left out.
        let to = if to > from && tokens[to - 1].span.end > span.end {
            to - 1
        } else {
            to
        };
        &tokens[from..to]
    }

    /// The first token starting at or after `offset`: one table look-up,
    /// for sieves that only need the next token to rule a place out.
    pub fn first_token_from(&self, offset: usize) -> Option<&'a Token> {
        self.segments.tokens.get(self.tokens_before(offset))
    }

    /// The first token inside `span`: `self.tokens(span).first()` in one
    /// table look-up instead of two.
    pub fn first_token_in(&self, span: Span) -> Option<&'a Token> {
        // Tokens do not overlap: the first token from the start is inside
        // `span` exactly when it ends by its end.
        self.first_token_from(span.start)
            .filter(|t| t.span.end <= span.end)
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
        let next = self.first_token_in(Span::new(offset, limit))?;
        let mentions = self.mentions();
        let i = mentions.partition_point(|m| m.span.start < next.span.start);
        (i < mentions.len()
            && mentions[i].span.start == next.span.start
            && mentions[i].span.end <= limit)
            .then_some(i)
    }

    /// Whether `offset` lies inside a parenthesis, opened after `floor`,
    /// that describes the mention just before it: a verb there belongs to
    /// the aside ("Smith (a senator so young he is often *mistaken* for an
    /// aide) says C"), not to the clause around it.
    pub fn in_appositive_parenthesis(&self, offset: usize, floor: usize) -> bool {
        let Some(before) = self.text.get(floor..offset) else {
            return false;
        };
        // The last '(' before `offset`, if it comes at or after `floor`.
        let Some(open_at) = self
            .open_parentheses
            .partition_point(|&p| p < offset)
            .checked_sub(1)
            .map(|i| self.open_parentheses[i])
            .filter(|&p| p >= floor)
        else {
            return false;
        };
        let open = open_at - floor;
        !before[open..].contains(')')
            && self.mention_ending_by(open_at, floor).is_some_and(|m| {
                self.text
                    .get(self.mentions()[m].span.end..open_at)
                    .is_some_and(|gap| gap.trim().is_empty())
            })
    }

    /// [`Doc::source_before`] cue `c`: the sieves ask it of every cue, with
    /// the cue's unit or its finite speech unit as the floor, so the answers
    /// for the last two floors asked are kept by cue.
    pub fn source_of_cue(&self, c: usize, floor: usize) -> Option<usize> {
        let cue_start = self.cues()[c].span.start;
        let Some(kept) = self.sources_before.get(c) else {
            return self.source_before(cue_start, floor);
        };
        let answers = kept.get();
        if let Some(answer) = answers.iter().find(|a| a.floor == floor) {
            return answer.source;
        }
        let source = self.source_before(cue_start, floor);
        // The newer answer first: the older of the two kept goes.
        kept.set([SourceAnswer { floor, source }, answers[0]]);
        source
    }

    /// Where the speaker of a cue at `cue_start` ends, when only adverbs and
    /// auxiliaries ("also", "has"), a parenthesis ("(D-N.Y.)"), or a
    /// an apposition between commas or dashes (", 31, a doctor in Aleppo,") separate
    /// them. Returns the mention.
    pub fn source_before(&self, cue_start: usize, floor: usize) -> Option<usize> {
        let before = self.tokens(Span::new(floor, cue_start));
        let end = self.skip_gap_and_parentheses(before, before.len())?;
        if let Some(m) = self.mention_ending_at(before, end, floor) {
            let m = self.subject_before_time(before, m, floor).unwrap_or(m);
            return Some(self.owner_of(m, floor));
        }
        // An apposition between commas or dashes ("Ann Lee -- who ran the
        // city -- said"): the speaker ends at one of the same marks before
        // it, within a short reach and with no quotation mark between.
        let close = end.checked_sub(1)?;
        let mark = self.word(&before[close]);
        if !matches!(mark, "," | "--" | "\u{2014}" | "\u{2013}") {
            return None;
        }
        for i in (close.saturating_sub(30)..close).rev() {
            let t = &before[i];
            if t.kind == TokenKind::QuoteMark {
                break;
            }
            if self.word(t) == mark && i + 1 < close {
                // "X, whose hometown, *Y*, is on the coast, said": the
                // mention before this mark is an apposition inside the
                // relative clause; the speaker is before "whose".
                if self.opens_relative_aside(before, i, mark) {
                    continue;
                }
                // "Jim Jordan (R-Ohio), a panel member, said"
                let name_end = self.skip_gap_and_parentheses(&before[..i], i);
                if let Some((e, m)) =
                    name_end.and_then(|e| Some((e, self.mention_ending_at(before, e, floor)?)))
                {
                    // A mention after "of", "from" or "in" qualifies the
                    // name (not a role: "the head *of X*") just before it
                    // ("Sen. Ann Lee *of Ohio*, a Republican, said"), or
                    // else belongs to the apposition
                    // ("Cory Lane, 22, *of Flint*, Mich., said", "Al Roe,
                    // chairman *of the board*, said"): the speaker is then
                    // further back.
                    let Some(p) = self.place_preposition_before(before, e, m) else {
                        return Some(m);
                    };
                    let owner = self.mention_ending_at(before, p, floor);
                    if let Some(owner) = owner.filter(|&o| {
                        !matches!(
                            self.mentions()[o].kind,
                            MentionKind::Nominal | MentionKind::Pronoun
                        )
                    }) {
                        return Some(owner);
                    }
                }
            }
        }
        // A name set off by commas after a role that is no mention ("His
        // campaign manager, Ann Lee, said"), or a stray comma ("Ann Lee
        // (D-Ohio), said"): the name just before the comma.
        let name_end = self.skip_gap_and_parentheses(before, close)?;
        self.mention_ending_at(before, name_end, floor)
            .filter(|&m| self.mentions()[m].kind == MentionKind::Name)
    }

    /// Whether the mark `before[mark_at]` closes an apposition inside a
    /// relative clause: a mark followed by "whose" comes a few tokens
    /// before it ("X, whose start-up, Y, makes Z, said").
    fn opens_relative_aside(&self, before: &[Token], mark_at: usize, mark: &str) -> bool {
        let reach = mark_at.saturating_sub(MAX_RELATIVE_ASIDE_TOKENS);
        for j in (reach..mark_at).rev() {
            if before[j].kind == TokenKind::QuoteMark {
                return false;
            }
            if self.word(&before[j]) == "whose" && j > 0 && self.word(&before[j - 1]) == mark {
                return true;
            }
        }
        false
    }

    /// When mention `m` only names a time ("X *last month* said", "X *this
    /// week* announced"), the mention right before it, which is the
    /// clause's subject: PolNeAR train's gold chose it about twice as often
    /// as a later one.
    fn subject_before_time(&self, before: &[Token], m: usize, floor: usize) -> Option<usize> {
        let mention = self.mentions()[m].span;
        let last_word = mention
            .text(self.text)
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())?;
        if !is_time_mention_end(last_word) {
            return None;
        }
        let mut end = before.iter().position(|t| t.span.start >= mention.start)?;
        while end > 0 && TIME_MODIFIERS.contains(&self.word(&before[end - 1])) {
            end -= 1;
        }
        let end = self.skip_gap_and_parentheses(before, end)?;
        self.mention_ending_at(before, end, floor)
            .filter(|&earlier| earlier != m)
    }

    /// Where `before[..end]` ends once adverbs and auxiliaries ("also",
    /// "has") and parentheses (party and state, an age) are left off; `None`
    /// for a parenthesis that does not close within a few tokens.
    fn skip_gap_and_parentheses(&self, before: &[Token], mut end: usize) -> Option<usize> {
        loop {
            while end > 0 && is_gap_word(self, &before[end - 1]) {
                end -= 1;
            }
            if end == 0 || self.word(&before[end - 1]) != ")" {
                return Some(end);
            }
            end = (end.saturating_sub(24)..end - 1)
                .rev()
                .find(|&i| self.word(&before[i]) == "(")?;
        }
    }

    /// The person a mention qualifies when it follows "of": "Mr. Morgan of
    /// the Sierra Club said", "the president of Mexico said".
    fn owner_of(&self, m: usize, floor: usize) -> usize {
        let start = self.mentions()[m].span.start;
        let before = self.tokens(Span::new(floor, start));
        let mut end = before.len();
        if end > 0 && matches!(self.word(&before[end - 1]), "the" | "The") {
            end -= 1;
        }
        if end < 2 || self.word(&before[end - 1]) != "of" {
            return m;
        }
        self.mention_ending_at(before, end - 1, floor).unwrap_or(m)
    }

    /// Whether mention `m`, which ends at `before[end - 1]`, comes right
    /// after "of", "from" or "in": a place that qualifies a name or an
    /// apposition ("22, *of* Flint, Mich.,"), not a speaker.
    /// Returns the index of that preposition in `before`.
    fn place_preposition_before(&self, before: &[Token], end: usize, m: usize) -> Option<usize> {
        let start = self.mentions()[m].span.start;
        let p = before[..end]
            .partition_point(|t| t.span.start < start)
            .checked_sub(1)?;
        matches!(self.word(&before[p]), "of" | "from" | "in").then_some(p)
    }

    /// The mention whose last token is `before[end - 1]`.
    fn mention_ending_at(&self, before: &[Token], end: usize, floor: usize) -> Option<usize> {
        let last = before.get(end.checked_sub(1)?)?;
        let m = self.mention_ending_by(last.span.end, floor)?;
        let mention = &self.mentions()[m];
        // "He's said": the speaker matcher leaves the clitic out of a
        // pronoun (a pronoun's "'s" is never a possessive), so the mention
        // ends before its token does.
        let clitic = mention.kind == MentionKind::Pronoun
            && matches!(
                self.text.get(mention.span.end..last.span.end),
                Some("'s" | "\u{2019}s")
            );
        // "Joseph Biden Jr. said": the mention may leave the period of a
        // closing abbreviation out.
        let period = self.text.get(mention.span.end..last.span.end) == Some(".");
        (mention.span.end == last.span.end || clitic || period).then_some(m)
    }

    /// Where the content of `span` starts, as `find` gives it: the last
    /// answer is kept, as the sieves ask about one unit for each of its cues.
    pub fn content_start(&self, span: Span, find: impl FnOnce() -> usize) -> usize {
        if let Some((known, start)) = self.last_content_start.get() {
            if known == span {
                return start;
            }
        }
        let start = find();
        self.last_content_start.set(Some((span, start)));
        start
    }

    /// The unit of cue `c` when it is a speech cue with a subject of its own
    /// outside quotation marks, as `derive` finds it the first time it is
    /// asked for `c`: the answer rests on the layers alone (not on the claims
    /// made so far), so every later sieve reads it back.
    pub fn finite_speech_unit(
        &self,
        c: usize,
        derive: impl FnOnce() -> Option<Span>,
    ) -> Option<Span> {
        remembered(&self.finite_speech_units, c, derive)
    }

    /// The mention that follows a cue directly ("said *Sen. John McCain*").
    pub fn source_after(&self, cue_end: usize, limit: usize) -> Option<usize> {
        let m = self.mention_starting_at_token(cue_end, limit)?;
        (!self.is_quoted(self.mentions()[m].span)).then_some(m)
    }

    /// The cue that starts at `token`.
    pub fn cue_at_token(&self, token: &Token) -> Option<usize> {
        let cues = self.cues();
        let c = cues.partition_point(|c| c.span.start < token.span.start);
        (c < cues.len() && cues[c].span.start == token.span.start).then_some(c)
    }

    /// A name after a bare lowercase role the speaker matcher does not know
    /// as a title: "curator Nadia Osei", "9/11 widow Terry Strada".
    pub fn name_after_role(&self, offset: usize, limit: usize) -> Option<usize> {
        let tokens = self.tokens(Span::new(offset, limit));
        let role = tokens
            .iter()
            .take(MAX_ROLE_WORDS + 1)
            .take_while(|t| self.is_role_word(t))
            .count();
        if role == 0 || role > MAX_ROLE_WORDS {
            return None;
        }
        // The speaker matcher may have taken the last role words into the
        // name ("retired *neurosurgeon Ben Carson*"): the mention starts
        // after any of them.
        (1..=role).find_map(|start| {
            let m = self.mention_starting_at_token(tokens.get(start)?.span.start, limit)?;
            (self.mentions()[m].kind == MentionKind::Name).then_some(m)
        })
    }

    /// Whether `token` may be a word of a bare lowercase role ("curator",
    /// "portfolio manager"): not a function word, an addressee or a cue.
    /// A noun cue may be one before another role word ("*opinion* editor",
    /// "*statement* writer"): it modifies the role and reports nothing.
    pub fn is_role_word(&self, token: &Token) -> bool {
        self.is_plain_role_word(token)
            && self.cue_at_token(token).is_none_or(|c| {
                self.cues()[c].frame == CueFrame::Noun
                    && self.first_token_from(token.span.end).is_some_and(|next| {
                        self.is_plain_role_word(next)
                            && self.cue_at_token(next).is_none()
                            && self
                                .mention_containing(next.span)
                                .is_none_or(|m| self.mentions()[m].kind != MentionKind::Pronoun)
                    })
            })
    }

    /// [`Doc::is_role_word`] before the cue test.
    fn is_plain_role_word(&self, token: &Token) -> bool {
        let word = self.word(token);
        token.kind == TokenKind::Word
            && !word.starts_with(|c: char| c.is_uppercase())
            && !words::is_in(&GAP, word)
            && !words::is_in(&words::OBJECT, word)
            && !words::is_in(&words::NOT_ROLE, word)
    }

    /// Whether cue `c` may introduce content without quotation marks: its
    /// lemma is learned to ("say" is, "make" is not) or, failing that, its
    /// whole form is ("stated"), and its word form is not one learned to
    /// mislead ("known", "remarks").
    pub fn licenses_reported_speech(&self, c: usize) -> bool {
        remembered(&self.reported_speech_licenses, c, || {
            self.find_reported_speech_licence(c)
        })
    }

    fn find_reported_speech_licence(&self, c: usize) -> bool {
        let cue = &self.cues()[c];
        self.options.all_reported_cues
            || ((words::REPORTED_SPEECH_CUES.contains(cue.lemma)
                || words::LICENSED_CUE_FORMS.contains_lowercase(cue.span.text(self.text)))
                && !self.has_blocked_form(c))
    }

    /// Whether cue `c` may introduce a reported clause that opens with
    /// "that" ("X *warned* that C"): any cue may, but for the forms learned
    /// to mislead.
    pub fn licenses_that_clause(&self, c: usize) -> bool {
        self.options.all_reported_cues || !self.has_blocked_form(c)
    }

    /// The fewest words of unquoted content cue `c` introduces: `usual`, or
    /// one for a cue learned to take short content ("denied the report",
    /// "called for calm").
    pub fn min_content_words(&self, c: usize, usual: usize) -> usize {
        let cue = &self.cues()[c];
        if self.options.all_short_content
            || words::SHORT_CONTENT_CUES.contains_lowercase(cue.span.text(self.text))
        {
            1
        } else {
            usual
        }
    }

    /// Whether the content of cue `c` ends where its noun-phrase object
    /// does, as learned from PolNeAR train ("endorsed *Trump* last week").
    pub fn cuts_object_phrase(&self, c: usize) -> bool {
        self.options.all_object_cues || words::OBJECT_CUES.contains(self.cues()[c].lemma)
    }

    /// Whether the last word of cue `c` is a form learned to mislead.
    fn has_blocked_form(&self, c: usize) -> bool {
        let form = self
            .tokens(self.cues()[c].span)
            .last()
            .map(|t| self.word(t));
        form.is_some_and(|w| words::BLOCKED_CUE_FORMS.contains_lowercase(w))
    }

    /// Whether cue `c` may have a subject that is no known mention ("7
    /// percent *said*"), as learned from PolNeAR train.
    pub fn licenses_phrase_subject(&self, c: usize) -> bool {
        self.options.all_reported_cues || words::PHRASE_SUBJECT_CUES.contains(self.cues()[c].lemma)
    }

    /// Whether a passive of cue `c` ("is expected to", "was asked") may frame
    /// content with no source, as learned from PolNeAR train.
    pub fn licenses_sourceless_passive(&self, c: usize) -> bool {
        self.options.all_reported_cues
            || words::SOURCELESS_PASSIVE_CUES.contains(self.cues()[c].lemma)
    }

    /// Whether a quote reads as someone's words rather than a name or title.
    pub fn is_speech_like(&self, quote: usize) -> bool {
        self.quote(quote).hint != QuoteHint::Title
    }
}

/// One of [`Doc::source_of_cue`]'s answers: its speaker with the
/// search stopped at `floor`. Two are kept per cue, so that memory grows
/// with the cues however many floors the quotes near a cue ask about.
#[derive(Clone, Copy)]
struct SourceAnswer {
    floor: usize,
    source: Option<usize>,
}

impl SourceAnswer {
    /// A slot with no answer yet: no search stops at `usize::MAX`.
    const NONE: SourceAnswer = SourceAnswer {
        floor: usize::MAX,
        source: None,
    };
}

/// Words of a bare role before a name.
pub const MAX_ROLE_WORDS: usize = 2;

/// The stride of `Doc::tokens_before`: a table entry per 8 bytes of text
/// costs half a byte per byte, and its starts fit in the entry's low byte.
const BLOCK: usize = 8;

/// For every [`BLOCK`]th byte offset `o` of a text of `len` bytes, up to the
/// first past its end, one entry: how many of `tokens` start before `o`,
/// shifted left by [`BLOCK`] bits, and in those bits which of the bytes
/// `o..o + BLOCK` a token starts at (bit `k` for `o + k`). Empty when the
/// counts would not fit.
fn fill_tokens_before(len: usize, tokens: &[Token], table: &mut Vec<u32>) {
    table.clear();
    if len >= 1 << (32 - BLOCK) {
        return;
    }
    table.resize(len / BLOCK + 2, 0);
    for token in tokens {
        table[token.span.start / BLOCK] |= 1 << (token.span.start % BLOCK);
    }
    let mut before = 0;
    for entry in table {
        let starts = *entry;
        *entry |= before << BLOCK;
        before += starts_in(starts) as u32;
    }
}

/// How many token starts the low byte of a `tokens_before` entry marks: a
/// table, as the baseline x86-64 target has no popcount instruction
/// (`count_ones` is a dozen instructions there).
fn starts_in(entry: u32) -> usize {
    static ONES: [u8; 256] = {
        let mut ones = [0; 256];
        let mut byte = 0;
        while byte < 256 {
            ones[byte] = (byte as u32).count_ones() as u8;
            byte += 1;
        }
        ones
    };
    usize::from(ONES[(entry & 0xff) as usize])
}

/// The answer kept for cue `c` in `answers`, found by `find` and kept the
/// first time it is asked (`find`'s answer alone for a cue beyond them).
fn remembered<T: Copy>(answers: &[Cell<Option<T>>], c: usize, find: impl FnOnce() -> T) -> T {
    let Some(known) = answers.get(c) else {
        return find();
    };
    known.get().unwrap_or_else(|| {
        let answer = find();
        known.set(Some(answer));
        answer
    })
}

fn is_gap_word(doc: &Doc, token: &Token) -> bool {
    token.kind == TokenKind::Word && words::is_gap(doc.word(token))
}

/// Whether `word` ends a mention that only names a time: a time noun ("last
/// *week*") or the end of "at the *time*", "in the *past*", "a month *ago*"
/// (words that name no time on their own, so the matcher does not keep
/// them as a lone subject).
fn is_time_mention_end(word: &str) -> bool {
    whosaid_speakers::is_time_noun(word)
        || ["time", "past", "ago"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// How many tokens before the mark closing an apposition
/// [`Doc::opens_relative_aside`] looks for the ", whose" that opened it.
const MAX_RELATIVE_ASIDE_TOKENS: usize = 12;

/// Words that may stand before a time mention and after the subject
/// ("X *late* last week said", "X *at* the time said").
const TIME_MODIFIERS: [&str; 9] = [
    "last", "this", "past", "earlier", "late", "just", "in", "on", "at",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `Doc::tokens` by two binary searches, as it was before the table.
    fn tokens_by_search(tokens: &[Token], span: Span) -> &[Token] {
        let from = tokens.partition_point(|t| t.span.start < span.start);
        let to = tokens
            .partition_point(|t| t.span.start < span.end)
            .max(from);
        let to = if to > from && tokens[to - 1].span.end > span.end {
            to - 1
        } else {
            to
        };
        &tokens[from..to]
    }

    #[test]
    fn finite_speech_unit_is_derived_once_per_cue() {
        let text = "He said so. She added more. They wrote it. We asked why.";
        let segments = whosaid_segmenter::segment(text);
        let candidates = whosaid_speakers::candidates(text, &segments);
        assert_eq!(candidates.cues.len(), 4);
        let options = Options::default();
        let doc = Doc::new(text, &segments, &candidates, &options);
        let unit = Some(Span::new(0, 11));
        assert_eq!(doc.finite_speech_unit(3, || unit), unit);
        assert_eq!(doc.finite_speech_unit(3, || unreachable!()), unit);
        assert_eq!(doc.finite_speech_unit(1, || None), None);
        assert_eq!(doc.finite_speech_unit(1, || unreachable!()), None);
    }

    /// The table of open cue units says what `is_quoted` and `unit_of`
    /// say of each cue: cues inside and outside quotes, in units of one
    /// sentence and of several joined by a quote.
    #[test]
    fn open_cue_units_match_the_searches() {
        let text = "He said so. \"We said no. They told us,\" she added. Later, \
            officials claimed it was \"what she said,\" and he wrote more.\n\n\
            \"I said it,\" Kirby said. She asked why.";
        let segments = whosaid_segmenter::segment(text);
        let candidates = whosaid_speakers::candidates(text, &segments);
        assert!(candidates.cues.len() >= 8, "{:?}", candidates.cues);
        let options = Options::default();
        let doc = Doc::new(text, &segments, &candidates, &options);
        let mut quoted = 0;
        for (c, cue) in candidates.cues.iter().enumerate() {
            let expected = if doc.is_quoted(cue.span) {
                quoted += 1;
                None
            } else {
                doc.unit_of(cue.span.start).map(|u| doc.units[u].span)
            };
            assert_eq!(doc.open_unit_of_cue(c), expected, "{cue:?}");
        }
        assert!(quoted >= 3, "{quoted}");
        assert_eq!(doc.open_unit_of_cue(candidates.cues.len()), None);
    }

    #[test]
    fn tokens_of_any_span_match_a_binary_search() {
        let text =
            "“Ça va,” dit-elle.  The mayor (D-N.Y.) said:\n\n\"No — never.\" 1,000 x a,b;c!d?e(f)";
        let segments = whosaid_segmenter::segment(text);
        let candidates = Candidates::default();
        let options = Options::default();
        let doc = Doc::new(text, &segments, &candidates, &options);
        for start in 0..text.len() + 20 {
            for end in 0..text.len() + 20 {
                let span = Span::new(start, end);
                assert_eq!(
                    doc.tokens(span),
                    tokens_by_search(&segments.tokens, span),
                    "{span:?}"
                );
                assert_eq!(
                    doc.first_token_in(span),
                    doc.tokens(span).first(),
                    "{span:?}"
                );
            }
        }
    }
}
