//! Quotations: marks paired into quotes, paragraph by paragraph.
//!
//! Each paragraph's marks are read in order against a small stack of open
//! quotes (deep nesting is not news style: the stack is capped at
//! [`MAX_DEPTH`], which also keeps every step constant-time):
//!
//! - A mark the neighbours call opening opens a quote; one they call closing
//!   closes the innermost open quote it fits (`”` fits `“`, `''` fits `''`, any
//!   single fits any single); one that could be either closes if it fits an
//!   open quote and opens otherwise. A mark at the very start of a paragraph
//!   opens, one at its very end closes.
//! - A closing mark that fits no open quote is a stray and is ignored.
//! - Single quotes left open at the paragraph's end were apostrophes after all
//!   and are dropped.
//! - A double quote left open at the end of a paragraph continues when the
//!   next paragraph starts with an opening mark of the same style (the news
//!   convention for a quote over several paragraphs): one quote, one piece per
//!   paragraph. Otherwise it is unclosed, and [`recover_unclosed`] ends it at
//!   its paragraph's end, or at its sentence's end when the paragraph goes on
//!   long after it.
//!
//! [`set_hints`] then judges each quote from its own words.

use whosaid_core::{Quote, QuoteHint, Span, Token, TokenKind};

use crate::marks::{Direction, Glyph, Mark};
use crate::text::{char_before, trim_end};

/// Quotes nested deeper than this are not looked for.
const MAX_DEPTH: usize = 8;

/// An unclosed quote is cut at its sentence's end when more than this many
/// sentences follow in its paragraph.
const UNCLOSED_SENTENCES: usize = 6;

/// A quote still open.
#[derive(Clone, Copy, Debug)]
struct Open {
    /// Index of its slot in `Pairer::quotes`.
    quote: usize,
    /// Index of its (re-)opening mark in the marks.
    mark: usize,
    glyph: Glyph,
    /// Where the current paragraph's piece starts.
    piece_start: usize,
}

/// Pairs marks into quotes, one paragraph after another.
#[derive(Default)]
pub(crate) struct Pairer {
    /// One slot per opening mark, in text order; slots left without pieces
    /// (dropped singles) are removed at the end.
    quotes: Vec<Quote>,
    stack: Vec<Open>,
    /// A double quote open at the end of the previous paragraph.
    carry: Option<Open>,
    /// Index of the current paragraph's last double mark.
    last_double: Option<usize>,
}

impl Pairer {
    /// A pairer that puts its quotes in `quotes`, cleared first (to reuse
    /// its memory).
    pub(crate) fn with_quotes(mut quotes: Vec<Quote>) -> Pairer {
        quotes.clear();
        Pairer {
            quotes,
            ..Pairer::default()
        }
    }

    /// Pairs the marks `marks[first..]` of paragraph `para`.
    pub(crate) fn paragraph(&mut self, text: &str, para: Span, marks: &mut [Mark], first: usize) {
        let mut next = first;
        self.last_double = marks[first..]
            .iter()
            .rposition(|m| !m.glyph.is_single())
            .map(|i| first + i);
        if let Some(carry) = self.carry.take() {
            match marks.get(next) {
                Some(m)
                    if m.span.start == para.start
                        && !m.glyph.is_single()
                        && carry.glyph.style() == m.glyph.style() =>
                {
                    marks[next].used = true;
                    self.stack.push(Open {
                        mark: next,
                        piece_start: para.start,
                        ..carry
                    });
                    next += 1;
                }
                // It stays unclosed, with the pieces it has.
                _ => {}
            }
        }
        for k in next..marks.len() {
            self.mark(text, para, marks, k);
        }
        self.end_paragraph(para, marks);
    }

    /// The quotes found, in text order of their first mark.
    pub(crate) fn finish(mut self) -> Vec<Quote> {
        self.carry = None;
        self.quotes.retain(|q| !q.pieces.is_empty());
        self.quotes
    }

    fn mark(&mut self, text: &str, para: Span, marks: &mut [Mark], k: usize) {
        let m = marks[k];
        let direction = if m.span.start == para.start {
            Direction::Open
        } else if m.span.end == para.end {
            Direction::Close
        } else {
            m.direction
        };
        let leaning = m.glyph.leaning();
        match direction {
            Direction::Open => self.open(text, para, marks, k),
            Direction::Close => {
                self.close(text, marks, k, true);
            }
            Direction::Either => match leaning {
                Some(Direction::Open) => self.open(text, para, marks, k),
                Some(_) => {
                    self.close(text, marks, k, true);
                }
                None => {
                    if !self.close(text, marks, k, false) {
                        self.open(text, para, marks, k);
                    }
                }
            },
            Direction::Neither => {
                if !self.close(text, marks, k, false) && leaning == Some(Direction::Open) {
                    self.open(text, para, marks, k);
                }
            }
        }
    }

    fn open(&mut self, text: &str, para: Span, marks: &mut [Mark], k: usize) {
        let m = marks[k];
        let same_style = self
            .stack
            .iter()
            .rposition(|o| o.glyph.style() == m.glyph.style());
        if let Some(at) = same_style {
            if m.glyph.is_single() {
                // An earlier single was an apostrophe after all.
                self.unwind(text, marks, at, m.span.start);
            } else if char_before(text, m.span.start)
                .is_some_and(|c| c.is_alphanumeric() || ",.!?;…".contains(c))
            {
                // An opening-looking mark glued to the words before it closes
                // the open quote (`,"he said`). Otherwise, unless a sentence
                // ends before it, it opens a quote inside the open one, whose
                // writer did not switch to single marks (`“… the “list” is …”`).
                self.unwind(text, marks, at + 1, m.span.start);
                self.close_at(marks, at, k);
                return;
            } else if after_sentence_end(text, self.stack[at].piece_start, m.span.start) {
                // A mark opening a new sentence: the open quote's writer
                // forgot to close it (`… agreed. "Rather, …`).
                self.unwind(text, marks, at, m.span.start);
            }
        }
        if self.stack.len() >= MAX_DEPTH || m.span.end >= para.end {
            return;
        }
        self.quotes.push(Quote {
            pieces: Vec::new(),
            closed: false,
            style: m.glyph.style(),
            depth: self.stack.len() as u8,
            hint: QuoteHint::Speech,
        });
        self.stack.push(Open {
            quote: self.quotes.len() - 1,
            mark: k,
            glyph: m.glyph,
            piece_start: m.span.start,
        });
    }

    /// Closes the innermost open quote mark `k` fits; `loose` also lets a
    /// double mark close a double quote of another style. Returns whether it
    /// closed one.
    fn close(&mut self, text: &str, marks: &mut [Mark], k: usize, loose: bool) -> bool {
        let glyph = marks[k].glyph;
        let same_kind = |o: &Open| o.glyph.is_single() == glyph.is_single();
        let fits = self.stack.iter().rposition(|o| o.glyph.is_closed_by(glyph));
        let fits = fits.or_else(|| {
            if !loose {
                return None;
            }
            if glyph.is_single() {
                // A single closing a double (`“Let’s go.’`), when it follows
                // the end of a sentence (so is no possessive) and no double
                // mark follows in the paragraph.
                let after_sentence =
                    char_before(text, marks[k].span.start).is_some_and(|c| ".?!,".contains(c));
                let no_single = !self.stack.iter().any(same_kind);
                let last_double = self.last_double.is_none_or(|d| d < k);
                return self
                    .stack
                    .len()
                    .checked_sub(1)
                    .filter(|_| after_sentence && no_single && last_double);
            }
            self.stack.iter().rposition(same_kind)
        });
        let Some(at) = fits else { return false };
        self.unwind(text, marks, at + 1, marks[k].span.start);
        self.close_at(marks, at, k);
        true
    }

    /// Closes the open quote at stack position `at` (the top) with mark `k`.
    fn close_at(&mut self, marks: &mut [Mark], at: usize, k: usize) {
        self.stack.truncate(at + 1);
        let Some(open) = self.stack.pop() else { return };
        marks[open.mark].used = true;
        marks[k].used = true;
        let quote = &mut self.quotes[open.quote];
        push_piece(quote, Span::new(open.piece_start, marks[k].span.end));
        quote.closed = true;
    }

    /// Ends the quotes open from stack position `from` up, cut off before byte
    /// `limit`: singles are dropped, doubles left unclosed.
    fn unwind(&mut self, text: &str, marks: &mut [Mark], from: usize, limit: usize) {
        while self.stack.len() > from {
            let Some(open) = self.stack.pop() else { break };
            if !open.glyph.is_single() {
                let end = trim_end(text, open.piece_start, limit);
                self.leave_unclosed(marks, open, end);
            }
        }
    }

    fn leave_unclosed(&mut self, marks: &mut [Mark], open: Open, end: usize) {
        marks[open.mark].used = true;
        let quote = &mut self.quotes[open.quote];
        let piece = Span::new(open.piece_start, end.max(marks[open.mark].span.end));
        push_piece(quote, piece);
        quote.closed = false;
    }

    fn end_paragraph(&mut self, para: Span, marks: &mut [Mark]) {
        while let Some(open) = self.stack.pop() {
            if open.glyph.is_single() {
                continue;
            }
            self.leave_unclosed(marks, open, para.end);
            let outermost = !self.stack.iter().any(|o| !o.glyph.is_single());
            if outermost {
                self.carry = Some(open);
            }
        }
    }
}

/// Adds a piece to a quote, with room for just one at first: nearly every
/// quote keeps to one paragraph, and a `Vec`'s first push would make room
/// for four (a text of nothing but marks has a quote per two bytes).
fn push_piece(quote: &mut Quote, piece: Span) {
    if quote.pieces.capacity() == 0 {
        quote.pieces.reserve_exact(1);
    }
    quote.pieces.push(piece);
}

/// Whether the text from `start` to `mark` ends with a sentence's end and
/// blanks: `… agreed. ` before a mark.
fn after_sentence_end(text: &str, start: usize, mark: usize) -> bool {
    let end = trim_end(text, start, mark);
    end < mark && char_before(text, end).is_some_and(|c| matches!(c, '.' | '?' | '!'))
}

/// Ends each unclosed quote that starts inside its paragraph (not at its
/// start) at the end of its sentence, when more than [`UNCLOSED_SENTENCES`]
/// sentences follow it in the paragraph; never before the end of a quote
/// nested in it.
pub(crate) fn recover_unclosed(quotes: &mut [Quote], paragraphs: &[Span], sentences: &[Span]) {
    for i in 0..quotes.len() {
        let quote = &quotes[i];
        let Some(&last) = quote.pieces.last() else {
            continue;
        };
        if quote.closed {
            continue;
        }
        let p = paragraphs.partition_point(|p| p.end <= last.start);
        if paragraphs.get(p).is_some_and(|p| p.start == last.start) {
            continue;
        }
        let s = sentences.partition_point(|s| s.end <= last.start);
        let following = sentences[s..]
            .iter()
            .take(UNCLOSED_SENTENCES + 1)
            .take_while(|x| x.start < last.end)
            .count();
        let Some(sentence) = sentences.get(s) else {
            continue;
        };
        if following <= UNCLOSED_SENTENCES || sentence.end >= last.end {
            continue;
        }
        let mut end = sentence.end.max(last.start + 1);
        for inner in quotes[i + 1..].iter().take_while(|q| q.depth > quote.depth) {
            if inner.span().start < end {
                end = end.max(inner.span().end);
            }
        }
        if let Some(last) = quotes[i].pieces.last_mut() {
            last.end = end.min(last.end);
        }
    }
}

/// Sets each quote's depth from the quotes holding it: a quote opened inside
/// a single that turned out to be an apostrophe is not nested after all.
pub(crate) fn set_depths(quotes: &mut [Quote]) {
    let mut holders: Vec<Span> = Vec::with_capacity(MAX_DEPTH);
    for quote in quotes.iter_mut() {
        let span = quote.span();
        while holders.last().is_some_and(|h| !h.contains(span)) {
            holders.pop();
        }
        quote.depth = holders.len().min(u8::MAX as usize) as u8;
        holders.push(span);
    }
}

/// Words that stay lower-case inside a title ("Department of State").
const TITLE_MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "de", "for", "from", "in", "of", "on", "or", "the", "to",
    "vs", "with",
];

/// Verbs that show a headline-cased quote is a sentence, not a title ("Coal
/// Is the Villain"), and the endings of contracted ones ("We're Back").
const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "can", "could", "did", "do", "does", "had", "has", "have", "is",
    "may", "might", "must", "shall", "should", "was", "were", "will", "would",
];

const CONTRACTIONS: &[&str] = &[
    "n't", "'re", "'m", "'ll", "'ve", "'d", "n’t", "’re", "’m", "’ll", "’ve", "’d",
];

/// A title has at most this many words.
const MAX_TITLE_WORDS: usize = 12;

/// At most this many tokens of a quote are read to judge it.
const HINT_TOKENS: usize = 32;

/// Sets every quote's hint from its own tokens.
///
/// Quotes come in text order of their first mark, so the first token of each
/// is found by moving on from the last one's, and its last token from there:
/// both by [`count_leading`], so that the cost is linear in the text however
/// many quotes there are (a binary search over all tokens per quote missed
/// the cache at every step for a text made of quotation marks).
pub(crate) fn set_hints(text: &str, quotes: &mut [Quote], tokens: &[Token]) {
    let mut first = 0; // the first token of the last quote
    let mut last_start = 0;
    for quote in quotes.iter_mut() {
        let [piece] = quote.pieces[..] else {
            quote.hint = QuoteHint::Speech; // several paragraphs
            continue;
        };
        if piece.start < last_start {
            first = 0; // out of order after all: start over
        }
        last_start = piece.start;
        let rest = tokens.get(first..).unwrap_or_default();
        first += count_leading(rest, |t| t.span.start < piece.start);
        let rest = tokens.get(first..).unwrap_or_default();
        let inside = rest.get(..count_leading(rest, |t| t.span.end <= piece.end));
        quote.hint = hint(text, inside.unwrap_or_default());
    }
}

/// How many of `tokens`, from the first, satisfy `before` (true up to some
/// token, false from there on): a binary search over a stretch that doubles
/// until it ends past them, so the cost grows with the count, not with the
/// length of `tokens`.
fn count_leading(tokens: &[Token], before: impl Fn(&Token) -> bool) -> usize {
    let mut stretch = 1;
    while stretch < tokens.len() && tokens.get(stretch - 1).is_some_and(&before) {
        stretch *= 2;
    }
    tokens
        .get(..stretch)
        .unwrap_or(tokens)
        .partition_point(before)
}

/// The hint of a single-paragraph quote from its tokens, marks included.
fn hint(text: &str, inside: &[Token]) -> QuoteHint {
    let head = inside
        .iter()
        .take(HINT_TOKENS)
        .filter(|t| t.kind != TokenKind::QuoteMark);
    let last = inside
        .iter()
        .rev()
        .take(HINT_TOKENS)
        .find(|t| t.kind != TokenKind::QuoteMark);

    let capitalised = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let mut words = 0;
    let mut first_capitalised = false;
    let mut all_capitalised = true;
    let mut sentence_punct = false;
    let mut has_verb = false;
    let mut has_lowercase = false;
    for token in head {
        let word = token.span.text(text);
        match token.kind {
            TokenKind::Word | TokenKind::Number => {
                if words == 0 {
                    first_capitalised = capitalised(word);
                }
                words += 1;
                has_lowercase |= word.contains(char::is_lowercase);
                all_capitalised =
                    all_capitalised && (capitalised(word) || TITLE_MINOR_WORDS.contains(&word));
                let may_be_title = first_capitalised && all_capitalised;
                if !may_be_title && words >= 6 {
                    break; // no title, and long enough for speech
                }
                if !may_be_title {
                    continue; // verbs and punctuation only tell titles apart
                }
                has_verb |=
                    word.contains(['\'', '’']) && CONTRACTIONS.iter().any(|c| word.ends_with(c));
                has_verb |=
                    word.len() <= 6 && AUXILIARIES.iter().any(|a| word.eq_ignore_ascii_case(a));
                if words > MAX_TITLE_WORDS {
                    break; // no title, and long enough for speech
                }
            }
            // A title may end with the punctuation of the sentence it sits
            // in ("“The Apprentice,” he said").
            _ if Some(token.span) == last.map(|t| t.span) => {}
            _ => sentence_punct |= matches!(word, "." | "?" | "!" | "," | ";"),
        }
    }
    // Words all in capitals are shouted (a chant, a sign, a tweet: "LOCK
    // HER UP"), not a title's capitalization.
    let title_shaped =
        first_capitalised && all_capitalised && has_lowercase && !has_verb && !sentence_punct;
    if (2..=MAX_TITLE_WORDS).contains(&words) && title_shaped {
        return QuoteHint::Title;
    }
    if words >= 6 {
        return QuoteHint::Speech;
    }
    let ends_like_speech = last.is_some_and(|t| {
        t.kind == TokenKind::Punct
            && matches!(t.span.text(text), "." | "?" | "!" | "," | "…" | "...")
    });
    if words >= 2 && first_capitalised && ends_like_speech {
        QuoteHint::Speech
    } else {
        QuoteHint::Fragment
    }
}

#[cfg(test)]
mod tests {
    use whosaid_core::{QuoteHint, QuoteStyle};

    use crate::segment;

    /// Each quote as (its pieces' texts, closed, style, depth).
    fn quotes(text: &str) -> Vec<(Vec<&str>, bool, QuoteStyle, u8)> {
        segment(text)
            .quotes
            .iter()
            .map(|q| {
                (
                    q.pieces.iter().map(|p| p.text(text)).collect(),
                    q.closed,
                    q.style,
                    q.depth,
                )
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        segment(text)
            .quotes
            .iter()
            .map(|q| q.span().text(text))
            .collect()
    }

    fn hints(text: &str) -> Vec<QuoteHint> {
        segment(text).quotes.iter().map(|q| q.hint).collect()
    }

    #[test]
    fn straight() {
        assert_eq!(
            quotes(r#"He said "we will win," and left."#),
            [(vec![r#""we will win,""#], true, QuoteStyle::Straight, 0)]
        );
    }

    #[test]
    fn curly() {
        assert_eq!(
            quotes("“We will win,” she said. “Today.”"),
            [
                (vec!["“We will win,”"], true, QuoteStyle::Curly, 0),
                (vec!["“Today.”"], true, QuoteStyle::Curly, 0)
            ]
        );
    }

    #[test]
    fn nyt_double_apostrophes() {
        let text = "''This isn't reform,'' said Mr. Smith. ''It's worse.''";
        assert_eq!(
            quotes(text),
            [
                (
                    vec!["''This isn't reform,''"],
                    true,
                    QuoteStyle::DoubleApostrophe,
                    0
                ),
                (
                    vec!["''It's worse.''"],
                    true,
                    QuoteStyle::DoubleApostrophe,
                    0
                )
            ]
        );
    }

    #[test]
    fn nyt_nested_single_closing_with_the_double() {
        let text = "''He said, 'Not now,''' she said.";
        assert_eq!(
            quotes(text),
            [
                (
                    vec!["''He said, 'Not now,'''"],
                    true,
                    QuoteStyle::DoubleApostrophe,
                    0
                ),
                (vec!["'Not now,'"], true, QuoteStyle::Single, 1)
            ]
        );
    }

    #[test]
    fn singles_nested_in_doubles() {
        assert_eq!(
            texts(r#""He told me, 'Go home,' and left," she said."#),
            [r#""He told me, 'Go home,' and left,""#, "'Go home,'"]
        );
        assert_eq!(
            quotes("“He said ‘no’ twice,” she said.")[1],
            (vec!["‘no’"], true, QuoteStyle::Single, 1)
        );
    }

    #[test]
    fn single_quotes_outside_doubles() {
        assert_eq!(texts("Trends Are 'Terrifying.'"), ["'Terrifying.'"]);
    }

    #[test]
    fn apostrophes_do_not_quote() {
        let text = r#""Don't say it's the '90s, Jones' rock 'n' roll, y'all," he said."#;
        assert_eq!(quotes(text).len(), 1);
        assert!(texts("The Joneses' car and the Smiths' house.").is_empty());
        assert!(texts("It’s the ’90s and rock ’n’ roll’s back.").is_empty());
    }

    #[test]
    fn guillemets_and_low_marks() {
        assert_eq!(
            quotes("«Oui», dit-il. „Ja“, sagte er. »Nein«"),
            [
                (vec!["«Oui»"], true, QuoteStyle::Other, 0),
                (vec!["„Ja“"], true, QuoteStyle::Other, 0),
                (vec!["»Nein«"], true, QuoteStyle::Other, 0)
            ]
        );
    }

    #[test]
    fn multi_paragraph() {
        let text = "\"First part.\n\n\"Second part.\n\n\"Third,\" he said.";
        assert_eq!(
            quotes(text),
            [(
                vec!["\"First part.", "\"Second part.", "\"Third,\""],
                true,
                QuoteStyle::Straight,
                0
            )]
        );
        let text = "She said: ''First.\n''Second,'' she said.";
        assert_eq!(
            quotes(text),
            [(
                vec!["''First.", "''Second,''"],
                true,
                QuoteStyle::DoubleApostrophe,
                0
            )]
        );
    }

    #[test]
    fn unclosed_ends_at_its_paragraph() {
        let text = "He said “this will never end.\n\nThen a “quoted” word.";
        assert_eq!(
            quotes(text),
            [
                (vec!["“this will never end."], false, QuoteStyle::Curly, 0),
                (vec!["“quoted”"], true, QuoteStyle::Curly, 0)
            ]
        );
    }

    #[test]
    fn unclosed_ends_at_its_sentence_when_the_paragraph_goes_on() {
        let text = "He said \"no way. One. Two. Three. Four. Five. Six. Seven.";
        assert_eq!(
            quotes(text),
            [(vec!["\"no way."], false, QuoteStyle::Straight, 0)]
        );
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert_eq!(
            texts(r#"It is done," he said. A 5" screen and "more" came."#),
            [r#""more""#]
        );
        assert_eq!(texts("It is done,” he said."), Vec::<&str>::new());
    }

    #[test]
    fn mark_opening_a_paragraph_opens() {
        assert_eq!(texts("” Yes, we can,” he said."), ["” Yes, we can,”"]);
    }

    #[test]
    fn same_style_nested() {
        assert_eq!(
            quotes("“They put the “list” on hold,” she said."),
            [
                (
                    vec!["“They put the “list” on hold,”"],
                    true,
                    QuoteStyle::Curly,
                    0
                ),
                (vec!["“list”"], true, QuoteStyle::Curly, 1)
            ]
        );
    }

    #[test]
    fn same_style_after_a_sentence_end_restarts() {
        let text = "It was \"unable to act. \"Rather, it chose war,\" he said.";
        assert_eq!(
            quotes(text),
            [
                (vec!["\"unable to act."], false, QuoteStyle::Straight, 0),
                (
                    vec!["\"Rather, it chose war,\""],
                    true,
                    QuoteStyle::Straight,
                    0
                )
            ]
        );
    }

    #[test]
    fn single_closing_a_double_after_a_sentence() {
        assert_eq!(
            texts("She wrote: “Let’s go. We can.’ Then she left."),
            ["“Let’s go. We can.’"]
        );
        assert_eq!(
            texts("“The Joneses’ car is red.”"),
            ["“The Joneses’ car is red.”"]
        );
        assert_eq!(
            texts("“He said, I’m here.' She said, ‘well.”"),
            ["“He said, I’m here.' She said, ‘well.”"]
        );
    }

    #[test]
    fn missing_space_after_closing() {
        assert_eq!(texts(r#""Yes,"he said, "no.""#), [r#""Yes,""#, r#""no.""#]);
    }

    #[test]
    fn only_marks_pair_up_without_swallowing() {
        let text = "\"\"\"\"\"";
        assert_eq!(texts(text), ["\"\"", "\"\""]);
    }

    #[test]
    fn hint_title_fragment_speech() {
        assert_eq!(
            hints("at the “Joint Implementation Center” in Geneva"),
            [QuoteHint::Title]
        );
        assert_eq!(
            hints("on \"The Apprentice,\" and \"Collapse: How Societies Fail.\""),
            [QuoteHint::Title, QuoteHint::Title]
        );
        assert_eq!(hints("\"Stop it, Bob.\""), [QuoteHint::Speech]);
        assert_eq!(hints("‘Coal Is the Villain.’"), [QuoteHint::Speech]);
        assert_eq!(
            hints("‘We’re America.’ and ''Don't Go.''"),
            [QuoteHint::Speech, QuoteHint::Speech]
        );
        assert_eq!(
            hints("called the plan \"moderate\" and \"very bad.\""),
            [QuoteHint::Fragment, QuoteHint::Fragment]
        );
        assert_eq!(
            hints("it would stop \"counterterrorism operations in Syria.\""),
            [QuoteHint::Fragment]
        );
        assert_eq!(
            hints("\"We will not stop until we win,\" he said. \"Why not?\""),
            [QuoteHint::Speech, QuoteHint::Speech]
        );
        assert_eq!(
            hints("\"First.\n\n\"Second,\" he said."),
            [QuoteHint::Speech]
        );
    }

    #[test]
    fn words_all_in_capitals_are_no_title() {
        assert_eq!(
            hints("\"BIG WIN TONIGHT,\" he wrote, and \"The Harbor Lights\" aired."),
            [QuoteHint::Speech, QuoteHint::Title]
        );
    }

    #[test]
    fn quote_marks_in_tags_are_skipped() {
        assert_eq!(
            texts(r#"<tweet id="1" author="@a">“Hi there”</tweet>."#),
            ["“Hi there”"]
        );
    }
}
