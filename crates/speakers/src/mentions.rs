//! Mentions of possible speakers: names, nominals, organizations, groups and
//! pronouns, found in one left-to-right pass over the words.
//!
//! The words are first turned into [`Item`]s: a lexicon phrase ("Secretary of
//! State", "White House press secretary", "the Kremlin"'s "Kremlin") is one
//! item, a cue is one item, an initial with its period is one item. Then:
//!
//! - A **determiner or possessive** ("the", "a", "his", "Clinton's") opens a
//!   noun phrase that runs over up to six words to its last lexicon head:
//!   "the US spokesman" (nominal), "the Clinton campaign" (organization),
//!   "many voters" (group). A title head followed by a name makes a name:
//!   "the State Department spokesman John Kirby".
//! - A **run** of capitalised words, initials, particles ("de Blasio") and
//!   lexicon words ("former", "spokesman") is split at its last title: what
//!   follows is the name (the head), what precedes is kept in the span. A run
//!   with no title is a name, an organization (it holds a known organization
//!   or ends in an organization head) or a group ("Senate Republicans").
//! - **Pronouns** are mentions of their own, possessives included when they
//!   do not open a noun phrase ("his" in "his claim that").
//! - A **quantifier** right before a verb cue is a group ("Some said").
//!
//! Capitalised function words ("The", "But"), days and sentence-initial
//! participles ("Speaking to reporters") never start a name. Every word is
//! capitalised at a sentence start, so a sentence's first word is a name only
//! when it is known as one: a first name, a possessive, a word in capitals,
//! or a word that stands capitalised inside a sentence elsewhere in the text
//! ("Clinton" after "Hillary Clinton"); alone, it may also be the subject of
//! a cue ("Everybody said"). A capitalised word after an honorific ("Ms.
//! White", "Mr. Singer"), or one that is the surname of a full name of the
//! text ("Cuban" after "Mark Cuban", see `crate::surnames`), is a plain name
//! word whatever lexicon or function word it also is. "Negotiations stalled" holds no name. A place
//! that is also a first name ("Geneva") has no gender when it stands alone.

use whosaid_core::{Cue, CueFrame, Gender, Mention, MentionKind, Span, Token, TokenKind, VerbForm};

use crate::lexicon::{self, Shape, Syntax, WordClass, WordEntry, WordFlags, WordInfo, WordLexicon};
use crate::surnames::{is_suffix, word_hash};
use crate::text::{char_before, has_newline, is_capitalized, is_whole_word, is_word_char};

/// One token, or a phrase of several, for the mention pass. Its span is
/// held in `u32` offsets (see [`find`]), which keeps it at 20 bytes instead
/// of 32: one is written for every token of the text.
#[derive(Clone, Copy, Debug)]
struct Item {
    start: u32,
    end: u32,
    /// The index of the item's first token.
    token: u32,
    kind: ItemKind,
    /// Starts with an uppercase letter, or is a particle-led name ("al-Assad").
    cap: bool,
    /// Bytes of a possessive ending ("'s", "’s", "s'") at the end of the span.
    possessive: u8,
}

const _: () = assert!(std::mem::size_of::<Item>() <= 20);

impl Item {
    #[inline]
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The span without its possessive ending.
    #[inline]
    fn bare(&self) -> Span {
        Span::new(
            self.start as usize,
            self.end as usize - self.possessive as usize,
        )
    }

    fn flags(&self) -> WordFlags {
        match self.kind {
            ItemKind::Lex(e) => e.flags,
            _ => WordFlags::default(),
        }
    }

    fn is(&self, flags: WordFlags) -> bool {
        self.flags().any(flags)
    }
}

#[derive(Clone, Copy, Debug)]
enum ItemKind {
    /// Punctuation, quotation marks: ends every phrase.
    Break,
    /// A verb-like cue: ends every phrase. With its form, and whether an
    /// auxiliary joined it ("will say"), which makes it a verb for sure.
    Cue(VerbForm, bool),
    Lex(WordEntry),
    Word(WordClass),
    /// A capital letter with or without its period ("F.").
    Initial,
    Number,
}

/// Bytes of a possessive ending of `word`.
fn possessive_len(word: &str) -> u8 {
    possessive_len_of(word.as_bytes())
}

/// [`possessive_len`] of a word's bytes.
#[inline]
fn possessive_len_of(bytes: &[u8]) -> u8 {
    // "'s", "’s", "s'", "s’", each after at least two more bytes.
    let n = bytes.len();
    let before_last = |b: u8| n > 3 && bytes[n - 2] == b;
    match bytes.last() {
        Some(b's') if before_last(b'\'') => 2,
        Some(b's') if n > 5 && bytes.ends_with("\u{2019}s".as_bytes()) => 4,
        Some(b'\'') if before_last(b's') => 1,
        Some(0x99) if n > 5 && bytes.ends_with("s\u{2019}".as_bytes()) => 3,
        _ => 0,
    }
}

/// Name-like even when lowercase: "al-Assad", "el-Sisi".
fn is_name_like(word: &str) -> bool {
    if is_capitalized(word) {
        return true;
    }
    let bytes = word.as_bytes();
    hyphen_of_particle(bytes).is_some_and(|h| is_capitalized(&word[h + 1..]))
}

/// Whether a hyphen stands within the first four bytes of `bytes`, where a
/// particle ("al-", "el-") would end: only then may a lowercase word be
/// name-like.
#[inline]
fn particle_led(bytes: &[u8]) -> bool {
    hyphen_of_particle(bytes).is_some()
}

/// The first hyphen of `bytes` within its first four bytes (or anywhere
/// in a shorter word).
#[inline]
fn hyphen_of_particle(bytes: &[u8]) -> Option<usize> {
    // The particle is at most three bytes: look no further for its hyphen.
    match bytes.first_chunk::<4>() {
        // The first '-' of four bytes at once (the lowest byte that the
        // zero-byte test flags is exact).
        Some(&head) => {
            let x = u32::from_le_bytes(head) ^ 0x2D2D_2D2D;
            let zero = x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080;
            (zero != 0).then(|| zero.trailing_zeros() as usize / 8)
        }
        None => bytes.iter().position(|&b| b == b'-'),
    }
}

/// The lexicon phrase starting at word token `t`, whole words only.
fn lexicon_hit(
    lexicon: &WordLexicon,
    text: &str,
    token: Token,
    info: WordInfo,
) -> Option<(usize, WordEntry)> {
    let start = token.span.start;
    let (id, end) = lexicon::match_at(
        &lexicon.matcher,
        &lexicon.patterns,
        lexicon::entry_starts(),
        info.entry(),
        text,
        start,
        token.span.end,
    )?;
    let entry = *lexicon.entries.get(id)?;
    let matched = &text[start..end];
    // Known organizations are proper names: "house" and "un" are words.
    let needs_cap = entry.flags.only(WordFlags::ORG_NAME | WordFlags::MODIFIER)
        && entry.flags.any(WordFlags::ORG_NAME);
    // "Sen." ends at its period: only its start must be a boundary.
    let whole = matched.ends_with('.')
        && !matches!(char_before(text, start), Some(c) if is_word_char(c))
        || is_whole_word(text, start, end);
    (whole && (!needs_cap || is_capitalized(matched))).then_some((end, entry))
}

/// Whether the token at `index` opens a sentence, a line or a quotation.
fn opens_sentence(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(prev) = index.checked_sub(1).and_then(|i| tokens.get(i)) else {
        return true;
    };
    let Some(token) = tokens.get(index) else {
        return false;
    };
    let gap = text.get(prev.span.end..token.span.start).unwrap_or("");
    if has_newline(gap) {
        return true;
    }
    match prev.kind {
        TokenKind::QuoteMark => true,
        TokenKind::Punct => matches!(
            prev.span.text(text),
            "." | "!"
                | "?"
                | ":"
                | ";"
                | "("
                | "["
                | "\u{2014}"
                | "\u{2013}"
                | "-"
                | "\u{2018}"
                | "'"
        ),
        _ => false,
    }
}

/// The items of a text, and where its verb cues are among them.
#[derive(Default)]
pub struct Items {
    items: Vec<Item>,
    /// The indices of the [`ItemKind::Cue`] items.
    cues: Vec<u32>,
    /// The indices of the items that may start a mention (see
    /// [`may_start_mention`]): the mention pass visits only these.
    starts: Vec<u32>,
    /// [`word_hash`] of each capitalised word that stands inside a
    /// sentence, sorted: the words known as names.
    capitalised: Vec<u64>,
    /// The mentions found item by item, before the cues' subjects join them.
    found: Vec<Mention>,
    /// The cues' subjects, before they are merged into `found`.
    subjects: Vec<Mention>,
}

/// Whether token `t` follows a word or a comma in its sentence.
fn inside_sentence(text: &str, tokens: &[Token], t: usize) -> bool {
    let Some(prev) = t.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    let Some(token) = tokens.get(t) else {
        return false;
    };
    // Bytes, not `str` slices: no character-boundary checks for a gap of
    // mostly one space.
    let bytes = text.as_bytes();
    let after_word = match prev.kind {
        TokenKind::Word | TokenKind::Number => true,
        TokenKind::Punct => bytes.get(prev.span.range()) == Some(b",".as_slice()),
        TokenKind::QuoteMark => false,
    };
    after_word
        && bytes
            .get(prev.span.end..token.span.start)
            .is_some_and(|gap| !gap.iter().copied().any(|b| b == b'\n'))
}

/// Fills `out` with the items of the text, one per token or per lexicon
/// phrase or cue, in one pass over the tokens.
fn build_items(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    cues: &[Cue],
    surnames: &[u64],
    out: &mut Items,
) {
    let lexicon = lexicon::words();
    let Items {
        items,
        cues: cue_items,
        starts,
        capitalised,
        ..
    } = out;
    items.clear();
    cue_items.clear();
    starts.clear();
    capitalised.clear();
    items.reserve(tokens.len());
    let mut next_cue = 0;
    let mut t = 0;
    while t < tokens.len() {
        let token = tokens[t];
        let start = token.span.start;
        let first_token = t as u32;
        // Offsets fit in `u32`: `find` takes no longer text.
        let mut item = Item {
            start: start as u32,
            end: token.span.end as u32,
            token: first_token,
            kind: ItemKind::Break,
            cap: false,
            possessive: 0,
        };
        // A cue item or a lexicon item may cover several tokens.
        let covered = |end: usize, t: &mut usize| {
            let mut last = *t;
            while last + 1 < tokens.len() && tokens[last + 1].span.start < end {
                last += 1;
            }
            *t = last + 1;
            tokens[last].span.end.max(end)
        };
        match token.kind {
            // Marks and numbers start no mention: pushed at once.
            TokenKind::QuoteMark | TokenKind::Punct | TokenKind::Number => {
                if token.kind == TokenKind::Number {
                    item.kind = ItemKind::Number;
                }
                items.push(item);
                t += 1;
                continue;
            }
            TokenKind::Word => {
                // Most words are lowercase: their first byte says so, and the
                // check stays out of this loop.
                let lowercase = text
                    .as_bytes()
                    .get(start)
                    .is_some_and(u8::is_ascii_lowercase);
                let info = &infos[t];
                // One branch for both tests (`&`, not `&&`): the case and
                // the word are the text's to decide, and each branch on
                // them is mispredicted often.
                if lowercase & info.shape().any(Shape::QUIET) {
                    // The common word: lowercase, where no cue or lexicon
                    // entry may start, and so no name by its context.
                    let end = token.span.end;
                    t += 1;
                    let bytes = text.as_bytes().get(start..end).unwrap_or_default();
                    item.kind = ItemKind::Word(info.class);
                    item.possessive = possessive_len_of(bytes);
                    // Lowercase, it is name-like only particle-led.
                    item.cap =
                        particle_led(bytes) && text.get(start..end).is_some_and(is_name_like);
                    if item.cap && inside_sentence(text, tokens, t - 1) {
                        let bare = &text[start..end - item.possessive as usize];
                        capitalised.push(word_hash(bare));
                    }
                    // As `may_start_mention` decides, from the table's bit.
                    let opens = info.shape().any(Shape::OPENER)
                        | (item.cap & (info.class == WordClass::Plain));
                    if opens {
                        starts.push(items.len() as u32);
                    }
                    items.push(item);
                    continue;
                }
                let as_name = !lowercase
                    && may_be_name_by_context(infos, surnames, t)
                    && is_name_by_context(text, tokens, infos, cues, surnames, t);
                // A cue starts at a word some cue form starts with, or at
                // the auxiliary it took in: only there is the next cue
                // looked for (the search catches up from where it was).
                let may_start_cue = info.has_cue() || info.syntax().any(Syntax::AUXILIARY);
                let cue = if may_start_cue && !as_name {
                    while next_cue < cues.len() && cues[next_cue].span.start < start {
                        next_cue += 1;
                    }
                    cues.get(next_cue)
                        .filter(|c| c.span.start == start && c.frame != CueFrame::Noun)
                } else {
                    None
                };
                if let Some(cue) = cue {
                    // No cue phrase starts with an auxiliary (a unit test
                    // checks): a cue that does, over more than its first
                    // token, took one in.
                    let joined =
                        info.syntax().any(Syntax::AUXILIARY) && cue.span.end > token.span.end;
                    let end = covered(cue.span.end, &mut t);
                    item.end = end as u32;
                    item.kind = ItemKind::Cue(cue.form, joined);
                    cue_items.push(items.len() as u32);
                } else if let Some((end, entry)) = (info.has_entry())
                    .then(|| lexicon_hit(lexicon, text, token, *info))
                    .flatten()
                    // A name by its context is a name, not the word it also
                    // is; a phrase starting with it stays ("White House").
                    .filter(|&(end, _)| !as_name || end > token.span.end)
                {
                    let end = covered(end, &mut t);
                    let whole = &text[start..end];
                    item.end = end as u32;
                    item.kind = ItemKind::Lex(entry);
                    item.cap = is_capitalized(whole);
                    item.possessive = possessive_len(whole);
                } else {
                    let class = if as_name {
                        WordClass::Plain
                    } else {
                        info.class
                    };
                    t += 1;
                    let word = token.span.text(text);
                    let bytes = word.as_bytes();
                    let bare = bytes.strip_suffix(b".").unwrap_or(bytes);
                    if bare.len() == 1 && bare[0].is_ascii_uppercase() {
                        // Absorb the initial's period when it is its own token.
                        if let Some(dot) = tokens.get(t) {
                            if dot.span.start == token.span.end && dot.span.text(text) == "." {
                                item.end = dot.span.end as u32;
                                t += 1;
                            }
                        }
                        item.cap = true;
                        item.kind = if bare == b"I" {
                            ItemKind::Word(class)
                        } else {
                            ItemKind::Initial
                        };
                    } else {
                        item.kind = ItemKind::Word(class);
                        item.cap = is_name_like(word);
                        item.possessive = possessive_len(word);
                        if item.cap && (as_name || inside_sentence(text, tokens, t - 1)) {
                            let bare = &word[..word.len() - item.possessive as usize];
                            capitalised.push(word_hash(bare));
                        }
                    }
                }
            }
        }
        if may_start_mention(&item) {
            starts.push(items.len() as u32);
        }
        items.push(item);
    }
    capitalised.sort_unstable();
    capitalised.dedup();
}

/// Whether [`is_name_by_context`] may hold for word token `t`, by the word
/// table's answers alone: an honorific stands one or two tokens before it,
/// or the word is something else too that may be a surname of the text.
/// Most capitalised words are neither, and need no call.
#[inline]
fn may_be_name_by_context(infos: &[WordInfo], surnames: &[u64], t: usize) -> bool {
    let tagged = |k: Option<usize>| {
        k.and_then(|k| infos.get(k))
            .is_some_and(|i| i.may_be_honorific())
    };
    if tagged(t.checked_sub(1)) || tagged(t.checked_sub(2)) {
        return true;
    }
    !surnames.is_empty()
        && infos.get(t).is_some_and(|info| {
            matches!(
                info.class,
                WordClass::Plain | WordClass::Stop | WordClass::Month
            ) && (info.class != WordClass::Plain || info.has_cue() || info.has_entry())
        })
}

/// Whether the capitalised word token `t` is a name whatever else it is: it
/// follows an honorific ("Ms. White", "Sen. Read"), or it is the surname of
/// a full name of the text ("Mark Cuban") and stands alone, not before
/// another capitalised word. A function word ("Will") is taken for a
/// surname only after a first name ("George Will") or next to a verb cue
/// ("Will said", "said Will").
#[inline(never)]
fn is_name_by_context(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    cues: &[Cue],
    surnames: &[u64],
    t: usize,
) -> bool {
    let Some(token) = tokens.get(t) else {
        return false;
    };
    let word = token.span.text(text);
    if !is_capitalized(word) {
        return false;
    }
    if lexicon::after_honorific(text, tokens, infos, t) {
        // "Lt. Gov. X": an honorific after an honorific stays one.
        return !lexicon::is_honorific(text, tokens, infos, t);
    }
    // A word that is nothing else is a plain name word already. The cheap
    // tests come first: most capitalised words are no surname.
    let info = infos.get(t).copied().unwrap_or(lexicon::PLAIN);
    let is_else = info.class != WordClass::Plain || info.has_cue() || info.has_entry();
    // Only plain, function and month words can be surnames, and only when
    // the text gives full names at all.
    let may_be_surname = matches!(
        info.class,
        WordClass::Plain | WordClass::Stop | WordClass::Month
    );
    if !is_else || !may_be_surname || surnames.is_empty() {
        return false;
    }
    let before_capitalised = tokens
        .get(t + 1)
        .is_some_and(|n| n.kind == TokenKind::Word && is_capitalized(n.span.text(text)));
    if before_capitalised {
        return false;
    }
    // "George Will", "Will said": a function word needs a first name before
    // it, or a cue next to it.
    let fits = info.class == WordClass::Plain || {
        let after_first_name = t
            .checked_sub(1)
            .is_some_and(|p| infos.get(p).is_some_and(|i| i.given != Gender::Unknown));
        after_first_name || next_to_verb_cue(tokens, infos, cues, t)
    };
    fits && crate::surnames::is_surname(surnames, word)
}

/// Whether a verb cue starts right after word token `t` (or after one
/// adverb: "Will also said") or ends right before it.
fn next_to_verb_cue(tokens: &[Token], infos: &[WordInfo], cues: &[Cue], t: usize) -> bool {
    let is_verb = |c: &Cue| c.frame != CueFrame::Noun;
    let starts_at = |pos: usize| {
        let i = cues.partition_point(|c| c.span.start < pos);
        cues.get(i)
            .is_some_and(|c| c.span.start == pos && is_verb(c))
    };
    let ends_at = |pos: usize| {
        let i = cues.partition_point(|c| c.span.end < pos);
        cues.get(i).is_some_and(|c| c.span.end == pos && is_verb(c))
    };
    let cue_at = |k: usize| tokens.get(k).is_some_and(|n| starts_at(n.span.start));
    let adverb_at = |k: usize| {
        infos
            .get(k)
            .is_some_and(|i| i.syntax().any(Syntax::INNER_ADVERB))
    };
    let after = cue_at(t + 1) || adverb_at(t + 1) && cue_at(t + 2);
    let before = t
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| ends_at(p.span.end));
    after || before
}

/// The mentions of `text`, in text order, never overlapping.
///
/// The items hold `u32` offsets: a text of 4 GiB or more (no article is)
/// gets no mentions rather than wrong ones.
pub fn find(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    cues: &[Cue],
    surnames: &[u64],
    scratch: &mut Items,
) -> Vec<Mention> {
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    build_items(text, tokens, infos, cues, surnames, scratch);
    let Items {
        items,
        cues: cue_items,
        starts,
        capitalised,
        found,
        subjects,
    } = scratch;
    found.clear();
    subjects.clear();
    let mut finder = Finder {
        text,
        tokens,
        infos,
        items,
        cue_items,
        capitalised,
        surnames,
        mentions: found,
        covered_from: std::cell::Cell::new(0),
    };
    finder.run(starts);
    finder.subjects(subjects)
}

struct Finder<'a> {
    text: &'a str,
    tokens: &'a [Token],
    infos: &'a [WordInfo],
    items: &'a [Item],
    cue_items: &'a [u32],
    capitalised: &'a [u64],
    /// Surnames of the text's full names (see `crate::surnames`).
    surnames: &'a [u64],
    /// The mentions so far, in text order (a reused buffer).
    mentions: &'a mut Vec<Mention>,
    /// Where [`Finder::is_covered`] last found its answer in `mentions`.
    covered_from: std::cell::Cell<usize>,
}

/// The longest noun phrase, in words after its determiner.
const MAX_PHRASE: usize = 6;

impl Finder<'_> {
    /// Finds the mentions at the items `starts` lists, in order; a mention
    /// found passes by the starts it covers. Most items (lowercase plain
    /// words, marks, cues) start none and are not visited at all.
    fn run(&mut self, starts: &[u32]) {
        let mut next = 0;
        for &i in starts {
            let i = i as usize;
            if i < next {
                continue;
            }
            next = self.mention_at(i).unwrap_or(i + 1);
        }
    }

    fn push(&mut self, m: Mention) {
        if self
            .mentions
            .last()
            .is_none_or(|last| last.span.end <= m.span.start)
        {
            self.mentions.push(m);
        }
    }

    /// Whether a verb cue comes right after item `i`.
    fn before_cue(&self, i: usize) -> bool {
        matches!(self.item(i + 1).map(|n| n.kind), Some(ItemKind::Cue(..)))
    }

    fn is_covered(&self, span: Span) -> bool {
        let mentions = &self.mentions[..];
        let ends_before = |x: &Mention| x.span.end <= span.start;
        // The cues' subjects are asked about in text order, mostly: move on
        // from the last answer a few steps, else search.
        let mut at = self.covered_from.get().min(mentions.len());
        if at > 0 && !ends_before(&mentions[at - 1]) {
            at = mentions.partition_point(ends_before);
        } else {
            let mut steps = 0;
            while steps < 8 && mentions.get(at).is_some_and(ends_before) {
                at += 1;
                steps += 1;
            }
            if steps == 8 {
                at += mentions[at..].partition_point(ends_before);
            }
        }
        self.covered_from.set(at);
        mentions.get(at).is_some_and(|x| x.span.overlaps(span))
    }

    /// The subjects of verb cues that no lexicon knows: "the ad claims",
    /// "polls show", "that found", and after an inverted cue, "said the
    /// 43-year-old." Each is the noun phrase touching the cue, back to its
    /// determiner (or forward to a punctuation mark), kept only where no
    /// mention stands already. Returns all the mentions, in one vector of
    /// their exact length; `added` is a buffer for the subjects.
    fn subjects(&self, added: &mut Vec<Mention>) -> Vec<Mention> {
        // Subjects are gathered first and merged in once at the end: an
        // insert into the middle of the list for each would make a long
        // article quadratic.
        let mut accept = |finder: &Finder, m: Mention| {
            let clear = !finder.is_covered(m.span)
                && added
                    .last()
                    .is_none_or(|a: &Mention| !a.span.overlaps(m.span));
            if clear {
                added.push(m);
            }
        };
        for &c in self.cue_items {
            let c = c as usize;
            let ItemKind::Cue(form, auxiliary) = self.items[c].kind else {
                continue;
            };
            // A bare base form is often a noun ("the September attack").
            let bare_base = form == VerbForm::Base && !auxiliary;
            if c > 0 {
                if let Some(m) = self.subject_before(c - 1, bare_base) {
                    accept(self, m);
                }
            }
            if matches!(form, VerbForm::Past | VerbForm::Present) {
                if let Some(m) = self.subject_after(c + 1) {
                    accept(self, m);
                }
            }
        }
        added.sort_by_key(|m| m.span.start);
        let found = &*self.mentions;
        let mut merged: Vec<Mention> = Vec::with_capacity(found.len() + added.len());
        // An added subject never overlaps a found mention; two added ones
        // may, and the first stays.
        let mut keep = |m: Mention| {
            if merged
                .last()
                .is_none_or(|last: &Mention| last.span.end <= m.span.start)
            {
                merged.push(m);
            }
        };
        let mut next_added = added.iter().copied().peekable();
        for &m in found {
            while let Some(a) = next_added.next_if(|a| a.span.start < m.span.start) {
                keep(a);
            }
            keep(m);
        }
        next_added.for_each(&mut keep);
        merged
    }

    fn is_phrase_word(&self, i: usize) -> bool {
        self.item(i).is_some_and(|it| {
            matches!(
                it.kind,
                ItemKind::Lex(_)
                    | ItemKind::Number
                    | ItemKind::Word(WordClass::Plain | WordClass::Month | WordClass::Particle)
            )
        })
    }

    fn opens_phrase(&self, i: usize) -> bool {
        self.item(i).is_some_and(|it| match it.kind {
            ItemKind::Word(WordClass::Determiner) => true,
            ItemKind::Word(WordClass::Pronoun(p)) => p.possessive() && !p.relative(),
            ItemKind::Lex(e) => e.flags.any(WordFlags::QUANTIFIER),
            _ => false,
        })
    }

    /// The noun phrase ending at item `k`, right before a cue.
    fn subject_before(&self, k: usize, bare_base: bool) -> Option<Mention> {
        let items = self.items;
        let last = items[k];
        if self.is_covered(last.span()) {
            return None;
        }
        if let ItemKind::Word(WordClass::Stop) = last.kind {
            // "a report that found": the relative "that".
            let word = last.span().text(self.text);
            if !word.eq_ignore_ascii_case("that") {
                return None;
            }
            return Some(Mention {
                span: last.span(),
                head: last.span(),
                kind: MentionKind::Pronoun,
                gender: Gender::Unknown,
                plural: false,
            });
        }
        if self.opens_phrase(k) {
            // "those said", "one said".
            return Some(self.phrase_mention(k, k));
        }
        if !self.is_phrase_word(k) || matches!(last.kind, ItemKind::Number) {
            return None;
        }
        // A head noun, not a verb or adverb ("coordinated", "widely"); and
        // before a bare base form, which is often a noun itself ("the
        // September attack"), only a plural ("polls show") or a known head.
        let word = last.bare().text(self.text);
        let lexical = last.is(WordFlags::HEAD);
        if !lexical && !last.cap && ["ed", "ing", "ly"].iter().any(|s| word.ends_with(s)) {
            return None;
        }
        let plural = word.ends_with('s') && !word.ends_with("ss");
        if bare_base && !(lexical || plural) {
            return None;
        }
        let mut a = k;
        while a > 0 && k - a < MAX_PHRASE - 1 && self.is_phrase_word(a - 1) {
            a -= 1;
        }
        if a > 0 && self.opens_phrase(a - 1) {
            a -= 1;
        } else if a >= 3
            && self.is_comma(a - 1)
            && self.is_phrase_word(a - 2)
            && self.opens_phrase(a - 3)
        {
            // "The bespectacled, 71-year-old diplomat said".
            a -= 3;
        } else if a == k && !lexical && !last.cap && !plural && !crate::is_time_noun(word) {
            // With no determiner, a lone lowercase singular word no lexicon
            // knows is seldom a subject: an adjective or adverb ("in
            // *particular* feared", "the *ambitious* plans") before a verb
            // or a noun that looks like one. A time stays ("X last *month*
            // said"): the resolver passes over it to the subject.
            return None;
        }
        let span = Span::new(items[a].span().start, last.span().end);
        if self.is_covered(span) {
            return None;
        }
        Some(self.phrase_mention(a, k))
    }

    /// The noun phrase from determiner item `a` to a punctuation mark, right
    /// after an inverted cue: "said the 43-year-old."
    fn subject_after(&self, a: usize) -> Option<Mention> {
        if !self.opens_phrase(a) {
            return None;
        }
        let mut k = a;
        while k + 1 < self.items.len() && k - a < MAX_PHRASE && self.is_phrase_word(k + 1) {
            k += 1;
        }
        let closed = self
            .item(k + 1)
            .is_none_or(|it| matches!(it.kind, ItemKind::Break));
        if k == a || !closed {
            return None;
        }
        let span = Span::new(self.items[a].span().start, self.items[k].span().end);
        (!self.is_covered(span)).then(|| self.phrase_mention(a, k))
    }

    /// A mention of items `a..=k` headed by item `k`, typed by its lexicon
    /// flags: a group, an organization, or else a nominal.
    fn phrase_mention(&self, a: usize, k: usize) -> Mention {
        let head = self.items[k];
        let flags = head.flags();
        let word = head.bare().text(self.text);
        let plural_form = word.ends_with('s') && !word.ends_with("ss");
        let (kind, plural) = if flags.any(WordFlags::GROUP | WordFlags::QUANTIFIER) {
            (MentionKind::Group, true)
        } else if flags.any(WordFlags::ORG_HEAD | WordFlags::ORG_NAME | WordFlags::DOCUMENT)
            && !flags.any(WordFlags::ROLE)
        {
            (MentionKind::Organization, false)
        } else {
            (MentionKind::Nominal, plural_form)
        };
        Mention {
            span: Span::new(self.items[a].span().start, head.bare().end),
            head: head.bare(),
            kind,
            gender: lex_gender(&head),
            plural,
        }
    }

    /// The gender of item `i` as a first name.
    fn given(&self, i: usize) -> Gender {
        self.info(i).given
    }

    /// What the word table says of the first token of item `i`.
    fn info(&self, i: usize) -> WordInfo {
        let token = self.items[i].token as usize;
        self.infos.get(token).copied().unwrap_or(lexicon::PLAIN)
    }

    fn item(&self, i: usize) -> Option<&Item> {
        self.items.get(i)
    }

    /// Finds a mention starting at item `i`; returns the index after it.
    fn mention_at(&mut self, i: usize) -> Option<usize> {
        let item = *self.item(i)?;
        match item.kind {
            ItemKind::Word(WordClass::Determiner) => self.phrase(i, i + 1),
            ItemKind::Word(WordClass::Pronoun(p)) => {
                if p.possessive() {
                    if let Some(next) = self.phrase(i, i + 1) {
                        return Some(next);
                    }
                }
                // "which" and "that" speak only as subjects: ", which said".
                if p.relative() && !self.before_cue(i) {
                    return None;
                }
                self.push(Mention {
                    span: item.bare(),
                    head: item.bare(),
                    kind: MentionKind::Pronoun,
                    gender: p.gender,
                    plural: p.plural(),
                });
                Some(i + 1)
            }
            ItemKind::Lex(e)
                if e.flags.any(WordFlags::QUANTIFIER) && !e.flags.any(WordFlags::HEAD) =>
            {
                if let Some(next) = self.phrase(i, i + 1) {
                    return Some(next);
                }
                let before_cue = self.before_cue(i);
                if before_cue {
                    self.push(Mention {
                        span: item.span(),
                        head: item.span(),
                        kind: MentionKind::Group,
                        gender: Gender::Unknown,
                        plural: true,
                    });
                    return Some(i + 1);
                }
                None
            }
            _ => self.name_run(i),
        }
    }

    /// Whether item `i` can be part of a run, `first` when it would open it.
    fn in_run(&self, i: usize, first: bool) -> bool {
        let Some(item) = self.item(i) else {
            return false;
        };
        match item.kind {
            ItemKind::Initial => true,
            ItemKind::Lex(e) => !e.flags.only(WordFlags::QUANTIFIER),
            ItemKind::Word(WordClass::Plain) => item.cap,
            ItemKind::Word(WordClass::Month) => item.cap && !first,
            ItemKind::Word(WordClass::Particle) => self
                .item(i + 1)
                .is_some_and(|n| n.cap && matches!(n.kind, ItemKind::Word(WordClass::Plain))),
            _ => false,
        }
    }

    /// A run of name words and lexicon words starting at `i`.
    fn name_run(&mut self, i: usize) -> Option<usize> {
        if !self.in_run(i, true) {
            return None;
        }
        let mut end = i;
        while end < self.items.len()
            && self.in_run(end, end == i)
            && (end == i || !self.line_break_before(end))
        {
            end += 1;
            if self.items[end - 1].possessive > 0 {
                break;
            }
        }
        let last = self.items[end - 1];
        if last.possessive > 0 {
            // "Clinton's campaign", "Trump's spokeswoman Hope Hicks".
            if let Some(next) = self.phrase(i, end) {
                return Some(next);
            }
        }
        if let Some(mut m) = self.classify_run(i, end) {
            // "81-year-old Parker Eaton": the age belongs to the mention.
            if i > 0 && m.kind == MentionKind::Name && self.is_age(i - 1) {
                m.span.start = self.items[i - 1].span().start;
            }
            self.push(m);
        }
        Some(end)
    }

    /// Whether a line break parts item `i` from the item before it, inside
    /// a name or a phrase: none spans two lines or paragraphs ("… in the
    /// U.S. ¶ Florida Sen. Marco Rubio says").
    fn line_break_before(&self, i: usize) -> bool {
        // The gap's bytes: slicing the `str` would check both ends for
        // character boundaries, which costs more than the gap (mostly one
        // space).
        let (Some(prev), Some(item)) = (
            i.checked_sub(1).and_then(|p| self.items.get(p)),
            self.items.get(i),
        ) else {
            return false;
        };
        self.text
            .as_bytes()
            .get(prev.end as usize..item.start as usize)
            .is_some_and(|gap| gap.iter().copied().any(|b| b == b'\n'))
    }

    /// Whether item `i` is an age ("81-year-old").
    fn is_age(&self, i: usize) -> bool {
        self.item(i).is_some_and(|it| {
            matches!(it.kind, ItemKind::Word(WordClass::Plain))
                && it.span().text(self.text).ends_with("-year-old")
        })
    }

    /// Whether item `i` is a comma.
    fn is_comma(&self, i: usize) -> bool {
        self.item(i).is_some_and(|it| {
            matches!(it.kind, ItemKind::Break) && it.span().text(self.text) == ","
        })
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.item(i).is_some_and(|it| match it.kind {
            ItemKind::Initial => true,
            ItemKind::Word(WordClass::Plain | WordClass::Month) => it.cap,
            ItemKind::Word(WordClass::Particle) => true,
            _ => false,
        })
    }

    /// What the run `a..b` mentions, if anything.
    fn classify_run(&self, a: usize, mut b: usize) -> Option<Mention> {
        let items = self.items;
        // Trailing modifiers and particles qualify nothing.
        while b > a
            && (items[b - 1].flags().only(WordFlags::MODIFIER)
                && !matches!(items[b - 1].kind, ItemKind::Word(_) | ItemKind::Initial)
                || matches!(items[b - 1].kind, ItemKind::Word(WordClass::Particle)))
        {
            b -= 1;
        }
        if b == a {
            return None;
        }
        let span = Span::new(items[a].span().start, items[b - 1].span().end);
        let last = items[b - 1];
        // "Martin Luther King III": a role before nothing but suffixes is
        // the surname.
        let role = (a..b)
            .rev()
            .find(|&k| items[k].is(WordFlags::ROLE))
            .filter(|&r| {
                r + 1 == b || !(r + 1..b).all(|k| is_suffix(items[k].bare().text(self.text)))
            });
        if let Some(r) = role {
            if r + 1 < b && (r + 1..b).all(|k| self.is_name_word(k)) {
                return Some(self.name(a, r + 1, b, span));
            }
        }
        let has_cap = (a..b).any(|k| items[k].cap);
        if last.is(WordFlags::GROUP) {
            return Some(Mention {
                span,
                head: last.bare(),
                kind: MentionKind::Group,
                gender: Gender::Unknown,
                plural: true,
            });
        }
        if last.is(WordFlags::ORG_HEAD) && has_cap
            || (a..b).any(|k| items[k].is(WordFlags::ORG_NAME)) && !self.is_person_with_place(a, b)
        {
            return Some(Mention {
                span,
                head: Span::new(span.start, last.bare().end),
                kind: MentionKind::Organization,
                gender: Gender::Unknown,
                plural: false,
            });
        }
        if last.is(WordFlags::ROLE) {
            // A bare role needs a capitalised qualifier ("Trump adviser");
            // "spokesman" alone is left to a determiner.
            if !has_cap || b - a == 1 && !last.cap {
                return None;
            }
            let gender = lex_gender(&last);
            return Some(Mention {
                span,
                head: last.bare(),
                kind: MentionKind::Nominal,
                gender,
                plural: false,
            });
        }
        // Plain capitalised words: a name, unless it is only modifiers or
        // opens the sentence with a word that is not known as a name.
        let first_name = (a..b).find(|&k| self.is_name_word(k))?;
        if first_name == a
            && opens_sentence(self.text, self.tokens, items[a].token as usize)
            && !self.is_known_name(a)
        {
            let word = items[a].bare().text(self.text);
            // A verb or adverb by its ending, or a cue's form ("Told").
            let cue_form = self
                .infos
                .get(items[a].token as usize)
                .is_some_and(|info| info.has_cue());
            let participle = cue_form || ["ing", "ed", "ly"].iter().any(|s| word.ends_with(s));
            if b - a > 1 {
                // "Told Hillary …", "Speaking Tuesday, …": the name, if
                // any, starts after the participle.
                return if participle {
                    self.classify_run(a + 1, b)
                } else {
                    Some(self.name(a, first_name, b, span))
                };
            }
            // "Negotiations stalled", "Effective immediately": a single
            // unknown word is a name only as the subject of a cue.
            if participle || !self.before_cue(a) {
                return None;
            }
        }
        Some(self.name(a, first_name, b, span))
    }

    /// Whether the word of item `i` is a first name, or stands capitalised
    /// inside a sentence elsewhere in the text ("Clinton" after "Hillary
    /// Clinton"): a sentence's first word is capitalised whatever it is.
    fn is_known_name(&self, i: usize) -> bool {
        let item = self.items[i];
        let span = item.bare();
        let word = span.text(self.text);
        // A possessive ("Bornsten's") or a word in capitals ("PENCE:") is a
        // name wherever it stands.
        let capitals = word.len() > 1 && !word.bytes().any(|b| b.is_ascii_lowercase());
        if self.given(i) != Gender::Unknown || item.possessive > 0 || capitals {
            return true;
        }
        self.capitalised.binary_search(&word_hash(word)).is_ok()
            || crate::surnames::is_surname(self.surnames, word)
    }

    /// "George Washington" is a person though "Washington" speaks for the
    /// government: a place after a known first name is a surname.
    fn is_person_with_place(&self, a: usize, b: usize) -> bool {
        b - a >= 2 && self.is_name_word(a) && self.given(a) != Gender::Unknown
    }

    /// A name mention: `span`, with the name itself in items `h..b`.
    fn name(&self, a: usize, h: usize, b: usize, span: Span) -> Mention {
        let items = self.items;
        let head = Span::new(items[h].span().start, items[b - 1].bare().end);
        let titled = (a..h)
            .rev()
            .map(|k| lex_gender(&items[k]))
            .find(|&g| g != Gender::Unknown);
        let gender = titled.unwrap_or_else(|| {
            let first = (h..b).find(|&k| matches!(items[k].kind, ItemKind::Word(WordClass::Plain)));
            // "Geneva" alone is the city; "Virginia Foxx" is a woman.
            let place = b - h == 1 && first.is_some_and(|k| self.info(k).is_place());
            match first {
                Some(k) if !place => self.given(k),
                _ => Gender::Unknown,
            }
        });
        Mention {
            span: Span::new(span.start, span.end - items[b - 1].possessive as usize),
            head,
            kind: MentionKind::Name,
            gender,
            plural: false,
        }
    }

    /// A noun phrase from item `a` (its determiner or possessive) whose
    /// modifiers start at `m`, ending at its last head word.
    fn phrase(&mut self, a: usize, m: usize) -> Option<usize> {
        let items = self.items;
        let mut head = None;
        let mut k = m;
        while k < items.len() && k - m < MAX_PHRASE {
            let it = &items[k];
            let word_like = matches!(
                it.kind,
                ItemKind::Lex(_)
                    | ItemKind::Initial
                    | ItemKind::Number
                    | ItemKind::Word(WordClass::Plain | WordClass::Month | WordClass::Particle)
            );
            // The kind first: the gap before the item is read only for a
            // word that would join the phrase.
            if !word_like || self.line_break_before(k) {
                break;
            }
            if it.is(WordFlags::HEAD) {
                head = Some(k);
            }
            k += 1;
        }
        let h = head?;
        let head_item = items[h];
        let start = items[a].span().start;
        // "the State Department spokesman John Kirby": a title, then a name.
        if head_item.is(WordFlags::TITLE)
            && head_item.possessive == 0
            && self.is_name_word(h + 1)
            && !self.line_break_before(h + 1)
        {
            let mut end = h + 1;
            while end < items.len() && self.is_name_word(end) && !self.line_break_before(end) {
                end += 1;
                if items[end - 1].possessive > 0 {
                    break;
                }
            }
            let span = Span::new(start, items[end - 1].span().end);
            let m = self.name(a, h + 1, end, span);
            self.push(m);
            return Some(end);
        }
        let span = Span::new(start, head_item.bare().end);
        let flags = head_item.flags();
        let mention = if flags.any(WordFlags::GROUP) {
            Mention {
                span,
                head: head_item.bare(),
                kind: MentionKind::Group,
                gender: Gender::Unknown,
                plural: true,
            }
        } else if flags.any(WordFlags::ROLE) {
            Mention {
                span,
                head: head_item.bare(),
                kind: MentionKind::Nominal,
                gender: lex_gender(&head_item),
                plural: false,
            }
        } else {
            // The organization's name: from its first capitalised word
            // ("the Clinton campaign"), or the head noun ("the new ad").
            let named = (m..h).find(|&k| items[k].cap).unwrap_or(h);
            Mention {
                span,
                head: Span::new(items[named].span().start, head_item.bare().end),
                kind: MentionKind::Organization,
                gender: Gender::Unknown,
                plural: false,
            }
        };
        self.push(mention);
        Some(h + 1)
    }
}

/// Whether [`Finder::mention_at`] may find a mention at `item`: false for
/// what neither opens a phrase nor can open a run (see [`Finder::in_run`]).
#[inline]
fn may_start_mention(item: &Item) -> bool {
    match item.kind {
        ItemKind::Break | ItemKind::Cue(..) | ItemKind::Number => false,
        ItemKind::Word(WordClass::Plain) => item.cap,
        ItemKind::Word(WordClass::Stop | WordClass::Day | WordClass::Month) => false,
        _ => true,
    }
}

fn lex_gender(item: &Item) -> Gender {
    match item.kind {
        ItemKind::Lex(e) => e.gender,
        _ => Gender::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use whosaid_core::{Gender, MentionKind, Segments};

    /// (span, head, kind, gender, plural) of each mention, with the real
    /// segmenter's tokens.
    fn mentions(text: &str) -> Vec<(&str, &str, MentionKind, Gender, bool)> {
        let segments = whosaid_segmenter::segment(text);
        crate::candidates(text, &segments)
            .mentions
            .iter()
            .map(|m| {
                (
                    m.span.text(text),
                    m.head.text(text),
                    m.kind,
                    m.gender,
                    m.plural,
                )
            })
            .collect()
    }

    fn find<'t>(
        got: &[(&'t str, &'t str, MentionKind, Gender, bool)],
        span: &str,
    ) -> (&'t str, &'t str, MentionKind, Gender, bool) {
        *got.iter()
            .find(|m| m.0 == span)
            .unwrap_or_else(|| panic!("no mention {span:?} in {got:?}"))
    }

    #[test]
    fn titles_stay_out_of_the_head() {
        let text = "State Department spokesman John Kirby said the talks were over.";
        let got = mentions(text);
        let kirby = find(&got, "State Department spokesman John Kirby");
        assert_eq!(
            (kirby.1, kirby.2, kirby.3),
            ("John Kirby", MentionKind::Name, Gender::Male)
        );
        let text = "Foreign ministry spokeswoman Maria Zakharova told reporters.";
        let got = mentions(text);
        let m = find(&got, "Foreign ministry spokeswoman Maria Zakharova");
        assert_eq!((m.1, m.3), ("Maria Zakharova", Gender::Female));
        let got = mentions("Yesterday Secretary of State John Kerry and Sen. Ted Cruz spoke.");
        assert_eq!(find(&got, "Secretary of State John Kerry").1, "John Kerry");
        assert_eq!(find(&got, "Sen. Ted Cruz").1, "Ted Cruz");
    }

    #[test]
    fn names_with_initials_particles_and_possessives() {
        let got = mentions("Martin Luther King III and James B. Comey Jr., the director, spoke.");
        assert_eq!(
            find(&got, "Martin Luther King III").1,
            "Martin Luther King III"
        );
        assert_eq!(find(&got, "James B. Comey Jr").1, "James B. Comey Jr");
        let got = mentions("John F. Kennedy met Bashar al-Assad and Bill de Blasio.");
        assert_eq!(find(&got, "John F. Kennedy").2, MentionKind::Name);
        assert_eq!(find(&got, "Bashar al-Assad").2, MentionKind::Name);
        assert_eq!(find(&got, "Bill de Blasio").1, "Bill de Blasio");
        let got = mentions("Later, Beto O'Rourke praised Clinton's remarks and McCain.");
        assert_eq!(find(&got, "Beto O'Rourke").2, MentionKind::Name);
        assert_eq!(find(&got, "Clinton").1, "Clinton");
        assert_eq!(find(&got, "McCain").2, MentionKind::Name);
    }

    #[test]
    fn honorifics_give_gender() {
        let got = mentions("Ms. Jordan said no, and Mr. Lee agreed with Mrs. Park.");
        assert_eq!(find(&got, "Ms. Jordan").3, Gender::Female);
        assert_eq!(find(&got, "Mr. Lee").3, Gender::Male);
        assert_eq!(find(&got, "Mrs. Park").3, Gender::Female);
    }

    #[test]
    fn an_honorific_makes_a_name_of_any_capitalised_word() {
        let got = mentions(
            "''We are done,'' Ms. White said. Mr. Singer and Mr. King met Sen. Read and \
             Dr. Young, and Lt. Gov. Amos Park spoke.",
        );
        for (span, head) in [
            ("Ms. White", "White"),
            ("Mr. Singer", "Singer"),
            ("Mr. King", "King"),
            ("Sen. Read", "Read"),
            ("Dr. Young", "Young"),
            ("Lt. Gov. Amos Park", "Amos Park"),
        ] {
            let m = find(&got, span);
            assert_eq!((m.1, m.2), (head, MentionKind::Name), "{span}");
        }
        assert_eq!(find(&got, "Ms. White").3, Gender::Female);
        // The capitalised word still opens a longer lexicon phrase.
        let got = mentions("Mr. Lee toured The White House with Ms. Park.");
        assert_eq!(find(&got, "The White House").2, MentionKind::Organization);
    }

    #[test]
    fn surnames_that_are_words_after_a_full_name() {
        let got = mentions(
            "Brendan Read and Mark Cuban met Ed Shook and the columnist George Will. \
             \"It works,\" Read said. \"Q,\" Shook said. \"No,\" said Cuban, who smiled. \
             Cuban demurred. Will also said it.",
        );
        for name in ["Mark Cuban", "Brendan Read", "Ed Shook"] {
            assert_eq!(find(&got, name).2, MentionKind::Name, "{name}");
        }
        let names = got
            .iter()
            .filter(|m| {
                m.2 == MentionKind::Name && ["Read", "Shook", "Cuban", "Will"].contains(&m.0)
            })
            .count();
        assert_eq!(names, 5, "{got:?}");
        assert_eq!(find(&got, "the columnist George Will").1, "George Will");
        // Without a full name, the same words are what they are.
        let got = mentions("\"It works,\" Read said. Cuban officials said no. Will Trump win?");
        assert!(got
            .iter()
            .all(|m| m.0 != "Read" && m.0 != "Cuban" && m.0 != "Will"));
        // A surname before another capitalised word starts no name of its own.
        let got = mentions("Mark Cuban said no. Cuban Missile Crisis files said more.");
        assert!(got.iter().all(|m| m.0 != "Cuban"), "{got:?}");
    }

    #[test]
    fn function_words_days_and_months_start_no_name() {
        let got = mentions(
            "The senator spoke on Monday. But Hillary Clinton said in March that she won.",
        );
        assert!(got
            .iter()
            .all(|m| !["The", "Monday", "But", "March"].contains(&m.0)));
        let clinton = find(&got, "Hillary Clinton");
        assert_eq!((clinton.2, clinton.3), (MentionKind::Name, Gender::Female));
    }

    #[test]
    fn sentence_initial_words_must_be_known_names() {
        let got = mentions(
            "Negotiations stalled on Monday. Effective at once, the rule applies. \
             Told Hillary was ahead, he laughed. I've said it. Mendez ate lunch. \
             Dole said no. The senator, Bob Dole, left.",
        );
        for not_a_name in ["Negotiations", "Effective", "Told Hillary", "Mendez"] {
            assert!(got.iter().all(|m| m.0 != not_a_name), "{not_a_name}");
        }
        assert_eq!(find(&got, "Hillary").3, Gender::Female);
        assert_eq!(find(&got, "I've").2, MentionKind::Pronoun);
        // Known from "Bob Dole" inside a sentence.
        assert_eq!(find(&got, "Dole").2, MentionKind::Name);
    }

    #[test]
    fn first_names_give_gender_but_places_do_not() {
        let got = mentions(
            "Sidney Blumenthal and Jeb Bush met Virginia Foxx. Later, Geneva hosted talks.",
        );
        assert_eq!(find(&got, "Sidney Blumenthal").3, Gender::Male);
        assert_eq!(find(&got, "Jeb Bush").3, Gender::Male);
        assert_eq!(find(&got, "Virginia Foxx").3, Gender::Female);
        assert_eq!(find(&got, "Geneva").3, Gender::Unknown);
    }

    #[test]
    fn organizations() {
        let got = mentions(
            "The Kremlin denied it, the State Department said, and the Clinton campaign and \
             The New York Times agreed. Moscow warned that a Quinnipiac poll found the FBI wrong.",
        );
        for org in [
            "The Kremlin",
            "the State Department",
            "the Clinton campaign",
            "The New York Times",
            "Moscow",
            "a Quinnipiac poll",
            "the FBI",
        ] {
            assert_eq!(find(&got, org).2, MentionKind::Organization, "{org}");
        }
        assert_eq!(find(&got, "the State Department").1, "State Department");
    }

    #[test]
    fn nominals_and_groups() {
        let got = mentions(
            "The US spokesman said a senior official and another source agreed, while the \
             Republican nominee and officials disagreed. Critics said many voters left.",
        );
        let spokesman = find(&got, "The US spokesman");
        assert_eq!(
            (spokesman.1, spokesman.2, spokesman.3),
            ("spokesman", MentionKind::Nominal, Gender::Male)
        );
        assert_eq!(find(&got, "a senior official").1, "official");
        assert_eq!(find(&got, "another source").2, MentionKind::Nominal);
        assert_eq!(find(&got, "the Republican nominee").1, "nominee");
        let officials = find(&got, "officials");
        assert_eq!((officials.2, officials.4), (MentionKind::Group, true));
        assert_eq!(find(&got, "Critics").2, MentionKind::Group);
        assert_eq!(find(&got, "many voters").2, MentionKind::Group);
    }

    #[test]
    fn quantifiers_before_a_cue_are_groups() {
        let got = mentions("Some said the plan would fail.");
        assert_eq!(find(&got, "Some").2, MentionKind::Group);
        let got = mentions("He bought some bread.");
        assert!(got.iter().all(|m| m.0 != "some"));
    }

    #[test]
    fn pronouns() {
        let got = mentions("He said she told them that we and I knew it, and his claim stood.");
        assert_eq!(find(&got, "He").3, Gender::Male);
        assert_eq!(find(&got, "she").3, Gender::Female);
        assert!(find(&got, "them").4);
        assert!(find(&got, "we").4);
        assert!(!find(&got, "I").4);
        assert_eq!(find(&got, "it").2, MentionKind::Pronoun);
        assert_eq!(find(&got, "his").2, MentionKind::Pronoun);
    }

    #[test]
    fn possessive_opens_a_phrase() {
        let got = mentions("His campaign said Trump's spokeswoman Hope Hicks replied.");
        assert_eq!(find(&got, "His campaign").2, MentionKind::Organization);
        let hicks = find(&got, "Trump's spokeswoman Hope Hicks");
        assert_eq!((hicks.1, hicks.3), ("Hope Hicks", Gender::Female));
    }

    #[test]
    fn subjects_of_cues_outside_the_lexicons() {
        let got = mentions("The new ad claims victory. Exit surveys show gains.");
        let ad = find(&got, "The new ad");
        assert_eq!((ad.1, ad.2), ("ad", MentionKind::Organization));
        let got = mentions("The email said he lied, and the book accuses him.");
        assert_eq!(find(&got, "The email").2, MentionKind::Organization);
        assert_eq!(find(&got, "the book").2, MentionKind::Organization);
        let got = mentions("She read the email twice.");
        assert!(got.iter().all(|m| m.0 != "the email"));
        let got = mentions("The glossy brochure argues for it, said the 43-year-old.");
        assert_eq!(find(&got, "The glossy brochure").2, MentionKind::Nominal);
        assert_eq!(find(&got, "the 43-year-old").1, "43-year-old");
    }

    #[test]
    fn bare_lowercase_singulars_are_no_subjects() {
        let got = mentions("Rome and Oslo in particular feared a war.");
        assert!(got.iter().all(|m| m.0 != "particular"));
        let got = mentions("Exit surveys show gains, and the email claims more.");
        find(&got, "Exit surveys");
        find(&got, "the email");
    }

    #[test]
    fn subjects_with_ages_and_commas() {
        let got = mentions(
            "The bespectacled, 71-year-old diplomat said no. \
             81-year-old Parker Eaton, a farmer, said yes.",
        );
        assert_eq!(
            find(&got, "The bespectacled, 71-year-old diplomat").1,
            "diplomat"
        );
        assert_eq!(find(&got, "81-year-old Parker Eaton").1, "Parker Eaton");
    }

    #[test]
    fn names_stop_at_a_paragraph_break() {
        let got = mentions("They met in the U.S.\n\nSen. Ada Quist says it failed.");
        assert_eq!(find(&got, "Sen. Ada Quist").1, "Ada Quist");
    }

    #[test]
    fn relative_pronouns_before_cues() {
        let got = mentions("He cited a study, which found gains, and one that showed losses.");
        assert_eq!(find(&got, "which").2, MentionKind::Pronoun);
        assert_eq!(find(&got, "that").2, MentionKind::Pronoun);
        let got = mentions("The plan, which is new, is one that works.");
        assert!(got.iter().all(|m| m.0 != "which" && m.0 != "that"));
    }

    #[test]
    fn own_tokens_match_the_segmenter() {
        let text = "Sen. Ted Cruz, the Republican, told \u{201C}Fox News\u{201D} he's won. Officials doubt it.";
        let with_segmenter = crate::candidates(text, &whosaid_segmenter::segment(text));
        let on_its_own = crate::candidates(text, &Segments::default());
        assert_eq!(with_segmenter, on_its_own);
    }

    #[test]
    fn mentions_are_ordered_and_disjoint_on_odd_input() {
        for text in [
            "",
            "'s",
            "Mr.",
            "the",
            "\u{2019}s said Mr",
            "A. B. C. D.",
            "é É ñ said",
        ] {
            let found = crate::candidates(text, &Segments::default());
            for pair in found.mentions.windows(2) {
                assert!(pair[0].span.end <= pair[1].span.start);
            }
            for m in &found.mentions {
                assert!(m.span.contains(m.head) && text.get(m.span.range()).is_some());
            }
        }
    }
}
