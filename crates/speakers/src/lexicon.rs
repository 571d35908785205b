//! The lexicons, compiled into the binary and parsed once.
//!
//! Every list lives in `data/` (see `data/LEXICONS.md` for sources and
//! licences) and is embedded with `include_str!`, so the matcher has no files
//! to find at run time. Each table is built on first use behind a `LazyLock`:
//!
//! - [`cues`], from `data/cues.tsv`: every cue form in a sorted table
//!   ([`Patterns`]), searched at word starts ([`Patterns::longest_at`]);
//! - [`words`], titles, organizations, nominal and group heads, in a second
//!   table whose matches carry [`WordFlags`] and a gender;
//! - first-name genders, from `data/first-names.tsv` (in the word table);
//! - [`word_infos`]: one hashed look-up per token that tells its closed class
//!   (pronoun, determiner, function word, day, month) and whether a cue or a
//!   lexicon entry starts with it: a one-word entry is known at once, and
//!   the tables are searched only where a longer entry may start. Where that word
//!   stands as written, the few patterns it starts ([`PhraseStarts`]) are
//!   compared with the text instead. The answers the mention pass asks of
//!   every word are also kept as bits ([`Shape`]), decided when the table
//!   is built.

use std::collections::HashMap;
use std::sync::LazyLock;

use whosaid_core::{CueFrame, Gender, Span, Token, TokenKind, VerbForm};

const CUES_TSV: &str = include_str!("../../../data/cues.tsv");
const TITLES: &str = include_str!("../../../data/titles.txt");
const NOMINALS: &str = include_str!("../../../data/nominals.txt");
const GROUPS: &str = include_str!("../../../data/groups.txt");
const ORGANIZATIONS: &str = include_str!("../../../data/organizations.txt");
const FIRST_NAMES: &str = include_str!("../../../data/first-names.tsv");

/// How a cue form's frame is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexFrame {
    Fixed(CueFrame),
    /// A form that is both a verb and a noun ("claim", "report"): a noun after
    /// a determiner or possessive, a verb elsewhere.
    VerbOrNoun,
}

/// One row of `data/cues.tsv`.
#[derive(Clone, Copy, Debug)]
pub struct CueEntry {
    pub lemma: &'static str,
    pub frame: LexFrame,
    pub form: VerbForm,
    /// Share of this form's occurrences in PolNeAR train that lie inside a
    /// gold cue.
    pub precision: f32,
}

pub struct CueLexicon {
    pub matcher: Patterns,
    /// Indexed by the matcher's pattern id.
    pub entries: Vec<CueEntry>,
    /// The patterns, by id.
    pub forms: Vec<&'static str>,
}

/// The cue lexicon, built on first use.
pub fn cues() -> &'static CueLexicon {
    static CUES: LazyLock<CueLexicon> = LazyLock::new(|| {
        let mut forms = Vec::new();
        let mut entries = Vec::new();
        for line in data_lines(CUES_TSV) {
            let mut cols = line.split('\t');
            let (Some(form), Some(lemma), Some(frame), Some(verb_form)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let precision = cols.next().and_then(|p| p.parse().ok()).unwrap_or(0.0);
            let frame = match frame {
                "Verb" => LexFrame::Fixed(CueFrame::Verb),
                "Noun" => LexFrame::Fixed(CueFrame::Noun),
                "AccordingTo" => LexFrame::Fixed(CueFrame::AccordingTo),
                "QuotedAsSaying" => LexFrame::Fixed(CueFrame::QuotedAsSaying),
                _ => LexFrame::VerbOrNoun,
            };
            let form_kind = match verb_form {
                "Base" => VerbForm::Base,
                "Present" => VerbForm::Present,
                "Past" => VerbForm::Past,
                "Gerund" => VerbForm::Gerund,
                "Participle" => VerbForm::Participle,
                _ => VerbForm::None,
            };
            forms.push(form);
            entries.push(CueEntry {
                lemma,
                frame,
                form: form_kind,
                precision,
            });
        }
        CueLexicon {
            matcher: Patterns::new(&forms),
            entries,
            forms,
        }
    });
    &CUES
}

/// What a word-lexicon entry can be; an entry in several lists has several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordFlags(u16);

impl WordFlags {
    /// Stands before a name ("Sen.", "spokesman", "Secretary of State").
    pub const TITLE: WordFlags = WordFlags(1);
    /// Qualifies a title ("former", "deputy", "Republican").
    pub const MODIFIER: WordFlags = WordFlags(1 << 1);
    /// Heads a nominal mention of a person ("official", "source").
    pub const NOMINAL: WordFlags = WordFlags(1 << 2);
    /// Heads a group mention ("officials", "Democrats").
    pub const GROUP: WordFlags = WordFlags(1 << 3);
    /// A group only right before a cue ("Some said").
    pub const QUANTIFIER: WordFlags = WordFlags(1 << 4);
    /// A well-known organization or speaking place ("the Kremlin", "Moscow").
    pub const ORG_NAME: WordFlags = WordFlags(1 << 5);
    /// Heads an organization ("Department", "campaign", "poll").
    pub const ORG_HEAD: WordFlags = WordFlags(1 << 6);
    /// A document that speaks only as a cue's subject ("the email said"),
    /// as an organization does.
    pub const DOCUMENT: WordFlags = WordFlags(1 << 7);

    /// A head of a role: a title or a nominal head.
    pub const ROLE: WordFlags = WordFlags(Self::TITLE.0 | Self::NOMINAL.0);
    /// Anything that can end a noun phrase as its head.
    pub const HEAD: WordFlags = WordFlags(
        Self::TITLE.0 | Self::NOMINAL.0 | Self::GROUP.0 | Self::ORG_NAME.0 | Self::ORG_HEAD.0,
    );

    #[inline]
    pub fn any(self, other: WordFlags) -> bool {
        self.0 & other.0 != 0
    }

    #[inline]
    pub fn only(self, other: WordFlags) -> bool {
        self.0 & !other.0 == 0
    }
}

impl std::ops::BitOr for WordFlags {
    type Output = WordFlags;
    fn bitor(self, rhs: WordFlags) -> WordFlags {
        WordFlags(self.0 | rhs.0)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct WordEntry {
    pub flags: WordFlags,
    pub gender: Gender,
}

pub struct WordLexicon {
    pub matcher: Patterns,
    pub entries: Vec<WordEntry>,
    /// The patterns, by id.
    pub patterns: Vec<&'static str>,
}

/// Titles, organizations, nominal and group heads in one table.
pub fn words() -> &'static WordLexicon {
    static WORDS: LazyLock<WordLexicon> = LazyLock::new(|| {
        // One pattern per case-folded entry, its flags merged over the lists.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut entries: Vec<WordEntry> = Vec::new();
        let mut add = |entry: &'static str, flags: WordFlags| {
            let mut cols = entry.split('\t');
            let Some(word) = cols.next().map(str::trim).filter(|w| !w.is_empty()) else {
                return;
            };
            let gender = match cols.next().map(str::trim) {
                Some("M") => Gender::Male,
                Some("F") => Gender::Female,
                _ => Gender::Unknown,
            };
            let i = *index.entry(word.to_ascii_lowercase()).or_insert_with(|| {
                patterns.push(word);
                entries.push(WordEntry {
                    flags: WordFlags::default(),
                    gender: Gender::Unknown,
                });
                entries.len() - 1
            });
            entries[i].flags = entries[i].flags | flags;
            if gender != Gender::Unknown {
                entries[i].gender = gender;
            }
        };
        for (section, line) in sections(TITLES) {
            let flags = if section == "modifiers" {
                WordFlags::MODIFIER
            } else {
                WordFlags::TITLE
            };
            add(line, flags);
        }
        for (_, line) in sections(NOMINALS) {
            add(line, WordFlags::NOMINAL);
        }
        for (section, line) in sections(GROUPS) {
            let flags = if section == "quantifiers" {
                WordFlags::QUANTIFIER
            } else {
                WordFlags::GROUP
            };
            add(line, flags);
        }
        for (section, line) in sections(ORGANIZATIONS) {
            let flags = match section {
                "heads" => WordFlags::ORG_HEAD,
                "documents" => WordFlags::DOCUMENT,
                _ => WordFlags::ORG_NAME,
            };
            add(line, flags);
        }
        WordLexicon {
            matcher: Patterns::new(&patterns),
            entries,
            patterns,
        }
    });
    &WORDS
}

/// `data/first-names.tsv` as (name, gender).
fn first_names() -> impl Iterator<Item = (&'static str, Gender)> {
    data_lines(FIRST_NAMES).filter_map(|line| {
        let (name, sex) = line.split_once('\t')?;
        let gender = match sex.trim() {
            "M" => Gender::Male,
            "F" => Gender::Female,
            _ => return None,
        };
        Some((name, gender))
    })
}

/// A lexicon's patterns in ASCII lowercase, sorted, to find the longest one
/// that a text has at a given byte, as an anchored, ASCII case-insensitive,
/// leftmost-longest aho-corasick search would (the crate's automata were
/// used before; a unit test checks the two agree). The patterns are only
/// ever searched at word starts, where a few binary searches decide, so
/// the table needs none of an automaton's states and failure transitions,
/// whose construction cost about 33 M instructions at the first article.
pub struct Patterns {
    /// The patterns in lowercase, one after another.
    bytes: Vec<u8>,
    /// Each pattern's place in `bytes` and its id, sorted by pattern, equal
    /// patterns by id.
    sorted: Vec<PatternKey>,
    /// Where the patterns of each first byte start in `sorted` (and, at the
    /// next byte value, end): the first, widest step of a search.
    by_first: Vec<u32>,
}

#[derive(Clone, Copy)]
struct PatternKey {
    start: u32,
    end: u32,
    id: u32,
}

impl Patterns {
    fn new(patterns: &[&str]) -> Patterns {
        let mut bytes = Vec::with_capacity(patterns.iter().map(|p| p.len()).sum());
        let mut sorted = Vec::with_capacity(patterns.len());
        for (id, pattern) in patterns.iter().enumerate() {
            let start = bytes.len() as u32;
            bytes.extend(pattern.bytes().map(|b| b.to_ascii_lowercase()));
            sorted.push(PatternKey {
                start,
                end: bytes.len() as u32,
                id: id as u32,
            });
        }
        let key = |k: &PatternKey| &bytes[k.start as usize..k.end as usize];
        sorted.sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.id.cmp(&b.id)));
        // An empty pattern sorts first and has no first byte: it is in no
        // bucket, and the search looks at it on its own.
        let by_first = (0..=256)
            .map(|b| sorted.partition_point(|k| key(k).first().is_none_or(|&f| usize::from(f) < b)))
            .map(|i| i as u32)
            .collect();
        Patterns {
            bytes,
            sorted,
            by_first,
        }
    }

    /// Byte `depth` of pattern `k`, which is longer than `depth`.
    #[inline]
    fn byte(&self, k: &PatternKey, depth: usize) -> u8 {
        self.bytes[k.start as usize + depth]
    }

    #[inline]
    fn key(&self, k: &PatternKey) -> &[u8] {
        &self.bytes[k.start as usize..k.end as usize]
    }

    /// The longest pattern that starts at byte `start` of `text`, ASCII case
    /// aside (the lowest id among equal ones): its id and where it ends.
    ///
    /// The patterns that share the text's first `depth` bytes are a range of
    /// the sorted table; each step narrows it to those that also share the
    /// next byte, and a pattern of exactly `depth` bytes, which sorts first
    /// in its range, is a match.
    pub fn longest_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let rest = text.as_bytes().get(start..)?;
        let len = |k: &PatternKey| (k.end - k.start) as usize;
        let mut best = self
            .sorted
            .first()
            .filter(|k| len(k) == 0)
            .map(|k| (k.id as usize, start));
        let Some(&first) = rest.first() else {
            return best;
        };
        let first = usize::from(first.to_ascii_lowercase());
        let (mut lo, mut hi) = (
            self.by_first[first] as usize,
            self.by_first[first + 1] as usize,
        );
        let mut depth = 1;
        while lo < hi {
            if len(&self.sorted[lo]) == depth {
                best = Some((self.sorted[lo].id as usize, start + depth));
                while lo < hi && len(&self.sorted[lo]) == depth {
                    lo += 1;
                }
            }
            let Some(&next) = rest.get(depth) else {
                break;
            };
            let next = next.to_ascii_lowercase();
            let range = &self.sorted[lo..hi];
            let (below, upto) = if range.len() <= 8 {
                // A few patterns left: a scan costs less than two searches.
                let below = range
                    .iter()
                    .take_while(|k| self.byte(k, depth) < next)
                    .count();
                let equal = range[below..]
                    .iter()
                    .take_while(|k| self.byte(k, depth) == next);
                (below, below + equal.count())
            } else {
                let below = range.partition_point(|k| self.byte(k, depth) < next);
                (
                    below,
                    below + range[below..].partition_point(|k| self.byte(k, depth) <= next),
                )
            };
            (lo, hi) = (lo + below, lo + upto);
            depth += 1;
        }
        best
    }

    /// The ids of the patterns longer than `key` (lowercase) that start
    /// with it.
    fn longer_than<'a>(&'a self, key: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        let first = self.sorted.partition_point(|k| self.key(k) < key);
        self.sorted[first..]
            .iter()
            .take_while(move |k| self.key(k).starts_with(key))
            .filter(move |k| self.key(k).len() > key.len())
            .map(|k| k.id as usize)
    }
}

/// Non-empty lines that are not `#` comments.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
}

/// Data lines with the `[section]` they are under ("" before the first).
fn sections(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data_lines(data).filter_map(move |line| {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = name;
            None
        } else {
            Some((section, line))
        }
    })
}

/// The closed class of a word, for the mention finder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    Plain,
    /// Function words: never part of a name.
    Stop,
    Determiner,
    Pronoun(Pronoun),
    /// "de", "van", "al", …: inside a name only.
    Particle,
    Day,
    Month,
}

/// A pronoun's gender and, in one byte, its flags: with the gender's
/// niche, [`WordClass`] stays two bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pronoun {
    pub gender: Gender,
    flags: u8,
}

impl Pronoun {
    const PLURAL: u8 = 1;
    const POSSESSIVE: u8 = 1 << 1;
    const RELATIVE: u8 = 1 << 2;

    pub const fn new(gender: Gender, plural: bool, possessive: bool, relative: bool) -> Pronoun {
        let flags = (plural as u8 * Self::PLURAL)
            | (possessive as u8 * Self::POSSESSIVE)
            | (relative as u8 * Self::RELATIVE);
        Pronoun { gender, flags }
    }

    #[inline]
    pub fn plural(self) -> bool {
        self.flags & Self::PLURAL != 0
    }

    /// Could open a noun phrase ("his campaign").
    #[inline]
    pub fn possessive(self) -> bool {
        self.flags & Self::POSSESSIVE != 0
    }

    /// "who", "which", "that": a mention only in a relative clause.
    #[inline]
    pub fn relative(self) -> bool {
        self.flags & Self::RELATIVE != 0
    }
}

const _: () = assert!(std::mem::size_of::<WordClass>() == 2);

/// What the matcher knows of a word before looking further, in 8 bytes:
/// one is kept for every token, and the cue, surname and mention passes
/// read them all. The table is built from [`WordFacts`], the same fields
/// unpacked. Aligned as a `u64`, it moves as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(8))]
pub struct WordInfo {
    /// How a cue form may match at this word: a [`Lookup`] as
    /// [`Lookup::code`] packs it.
    cue: u16,
    /// How a word-lexicon entry (titles, organizations, heads) may match
    /// here, packed the same way.
    entry: u16,
    pub class: WordClass,
    /// The gender of this word as a first name (`Unknown` if it is none).
    pub given: Gender,
    /// [`Syntax`] in the low four bits, [`Shape`] in the next two, the
    /// [`WordTag`] in the top two ([`WordInfo::TAG_SHIFT`]).
    bits: u8,
}

const _: () = assert!(std::mem::size_of::<WordInfo>() == 8);

/// What the table knows of a word, unpacked: the table is built from these
/// and keeps each as a [`WordInfo`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordFacts {
    class: WordClass,
    cue: Lookup,
    entry: Lookup,
    given: Gender,
    /// How the word fits around a verb cue.
    syntax: Syntax,
    /// A place that is also a first name, or an honorific.
    tag: WordTag,
}

/// What the mention pass needs to know of every word, decided when the
/// table is built, in two bits of [`WordInfo`]: a lowercase word takes the
/// common path on one test of it, instead of three on the other fields, and
/// whether its class may start a mention is a bit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape(u8);

impl Shape {
    /// From the table: no cue form and no lexicon entry starts with the
    /// word, and it is no auxiliary.
    pub const QUIET: Shape = Shape(1 << 4);
    /// From the table: the word's class may start a mention whatever its
    /// case (a determiner, pronoun or particle; see
    /// `mentions::may_start_mention`).
    pub const OPENER: Shape = Shape(1 << 5);
    /// The bits of [`WordInfo::bits`] that are the shape.
    const MASK: u8 = Self::QUIET.0 | Self::OPENER.0;

    #[inline]
    pub fn any(self, other: Shape) -> bool {
        self.0 & other.0 != 0
    }

    /// The table's bits of a word with these facts.
    const fn of_table(facts: &WordFacts) -> Shape {
        let quiet = matches!((facts.cue, facts.entry), (Lookup::None, Lookup::None))
            && facts.syntax.0 & Syntax::AUXILIARY.0 == 0;
        let opener = !matches!(
            facts.class,
            WordClass::Plain | WordClass::Stop | WordClass::Day | WordClass::Month
        );
        Shape((quiet as u8 * Self::QUIET.0) | (opener as u8 * Self::OPENER.0))
    }
}

/// What a word is beyond its class, for names: one of the two fits in two
/// bits of [`WordInfo`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub enum WordTag {
    #[default]
    None = 0,
    /// A place that is also a first name ("Geneva", "Virginia"): alone, a
    /// place, and so of no gender.
    Place = 1,
    /// An honorific only with its period: "Sen." ("Sen" alone may be
    /// anything). The capitalised word after an honorific is a name,
    /// whatever else that word may be ("Ms. White").
    DottedHonorific = 2,
    /// An honorific with or without its period: "Mr", "Mrs", "Ms", "Dr".
    Honorific = 3,
}

impl WordInfo {
    /// Where the [`WordTag`] starts in `bits`: its high bit is "an
    /// honorific".
    const TAG_SHIFT: u32 = 6;

    /// The facts packed.
    const fn pack(facts: &WordFacts) -> WordInfo {
        let bits = (facts.syntax.0 & Syntax::MASK)
            | Shape::of_table(facts).0
            | (facts.tag as u8) << Self::TAG_SHIFT;
        WordInfo {
            cue: facts.cue.code(),
            entry: facts.entry.code(),
            class: facts.class,
            given: facts.given,
            bits,
        }
    }

    /// How a cue form may match at this word.
    #[inline]
    pub fn cue(&self) -> Lookup {
        Lookup::from_code(self.cue)
    }

    /// How a word-lexicon entry may match at this word.
    #[inline]
    pub fn entry(&self) -> Lookup {
        Lookup::from_code(self.entry)
    }

    /// Whether some cue form starts with this word.
    #[inline]
    pub fn has_cue(&self) -> bool {
        self.cue != 0
    }

    /// Whether some word-lexicon entry starts with this word.
    #[inline]
    pub fn has_entry(&self) -> bool {
        self.entry != 0
    }

    /// How the word fits around a verb cue.
    #[inline]
    pub fn syntax(&self) -> Syntax {
        Syntax(self.bits & Syntax::MASK)
    }

    /// The table's answers to what the mention pass asks of every word.
    #[inline]
    pub fn shape(&self) -> Shape {
        Shape(self.bits & Shape::MASK)
    }

    /// A place that is also a first name, or an honorific.
    #[inline]
    pub fn tag(&self) -> WordTag {
        match self.bits >> Self::TAG_SHIFT {
            0 => WordTag::None,
            1 => WordTag::Place,
            2 => WordTag::DottedHonorific,
            _ => WordTag::Honorific,
        }
    }

    /// Whether the word is an honorific, with its period if it needs one.
    #[inline]
    pub fn may_be_honorific(&self) -> bool {
        // Both honorific tags, and only they, have the tag's high bit.
        self.bits & (2 << Self::TAG_SHIFT) != 0
    }

    /// Whether the word may open a full name: an honorific, or a first
    /// name that is not also a place.
    #[inline]
    pub fn may_open_name(&self) -> bool {
        self.may_be_honorific() || self.given != Gender::Unknown && !self.is_place()
    }

    /// Whether the word is a place that is also a first name.
    pub fn is_place(&self) -> bool {
        self.bits >> Self::TAG_SHIFT == WordTag::Place as u8
    }
}

/// Honorifics: "Ms. White", "Sen. Read", "Dr. Young" are names.
const HONORIFICS: &str = "mr mrs ms mx dr prof sen sens rep reps gov lt gen col maj capt sgt adm \
    rev fr del amb supt cmdr";

/// The honorifics that are one even without their period.
const BARE_HONORIFICS: &str = "mr mrs ms mx dr";

/// Whether word token `t` is an honorific: "Mr", or "Sen" with its period
/// (its own token, or the end of the word token).
pub fn is_honorific(text: &str, tokens: &[Token], infos: &[WordInfo], t: usize) -> bool {
    let (Some(token), Some(info)) = (tokens.get(t), infos.get(t)) else {
        return false;
    };
    match info.tag() {
        WordTag::None | WordTag::Place => false,
        WordTag::Honorific => true,
        WordTag::DottedHonorific => {
            token.span.text(text).ends_with('.')
                || tokens
                    .get(t + 1)
                    .is_some_and(|n| n.span.start == token.span.end && n.span.text(text) == ".")
        }
    }
}

/// Whether word token `t` comes right after an honorific ("Sen. Read").
pub fn after_honorific(text: &str, tokens: &[Token], infos: &[WordInfo], t: usize) -> bool {
    // The tags first: most words follow no honorific, and a tag is a byte.
    let tagged = |k: usize| infos.get(k).is_some_and(|i| i.may_be_honorific());
    match t.checked_sub(1) {
        Some(p) if tagged(p) => is_honorific(text, tokens, infos, p),
        Some(p) if p > 0 && tagged(p - 1) => {
            tokens.get(p).is_some_and(|dot| dot.span.text(text) == ".")
                && is_honorific(text, tokens, infos, p - 1)
        }
        _ => false,
    }
}

/// Places that are also first names of the table.
const PLACES: &str = "geneva virginia georgia carolina florida dakota montana nevada indiana \
    austin dallas houston paris sydney chelsea jordan israel lincoln madison charlotte \
    savannah phoenix aurora denver tyler columbia victoria adelaide florence augusta helena \
    raleigh orlando kent lafayette marion jackson washington camden brooklyn asia india \
    africa america china kenya cuba france britain ireland berlin vienna odessa \
    alexandria hamilton troy eugene aspen cheyenne sierra regina salem";

/// How a closed-class word fits around a verb cue, known from the table so
/// that fitting a cue to its context needs no string comparisons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Syntax(u8);

impl Syntax {
    /// "has", "was", "been": joins a past form or gerund ("has said").
    pub const HAVE_BE: Syntax = Syntax(1);
    /// "will", "did", "can't": joins a base form ("will say").
    pub const MODAL_DO: Syntax = Syntax(1 << 1);
    /// "also", "not", "repeatedly": may stand between an auxiliary and its
    /// verb ("has also said").
    pub const INNER_ADVERB: Syntax = Syntax(1 << 2);
    /// "the", "his", "latest": a form that is both verb and noun is a noun
    /// after it ("his claim").
    pub const NOUN_OPENER: Syntax = Syntax(1 << 3);
    /// What a verb cue takes in from its left: no cue form starts with it.
    pub const AUXILIARY: Syntax = Syntax(Self::HAVE_BE.0 | Self::MODAL_DO.0 | Self::INNER_ADVERB.0);
    /// All the flags: four bits of [`WordInfo`].
    const MASK: u8 = 0x0F;

    #[inline]
    pub fn any(self, other: Syntax) -> bool {
        self.0 & other.0 != 0
    }
}

/// The words of each [`Syntax`] flag.
const SYNTAX_WORDS: [(Syntax, &str); 4] = [
    (
        Syntax::HAVE_BE,
        "has have had is was were are be been being hasn't haven't hadn't isn't wasn't \
         weren't aren't 's 've 'd",
    ),
    (
        Syntax::MODAL_DO,
        "will would could can may might should must shall did do does didn't don't doesn't \
         won't wouldn't couldn't can't cannot shouldn't 'll",
    ),
    (
        Syntax::INNER_ADVERB,
        "also not never previously repeatedly recently already since later long often \
         publicly privately just once still even first initially originally always \
         frequently consistently reportedly widely openly now been",
    ),
    (
        Syntax::NOUN_OPENER,
        "the a an his her their its our my your this that these those such another whose \
         no any every same new latest earlier recent public",
    ),
];

/// Whether a lexicon can match at a word, and whether its table needs searching.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// No pattern starts with this word.
    None,
    /// This word alone is pattern `id`, and no longer pattern starts with it:
    /// a plain token needs no search. (Ids below [`MAX_WORD_ID`], which
    /// keeps [`WordInfo`] small; a larger one is noted as a phrase.)
    Word(u16),
    /// Some pattern of several words (or with a period) starts with it; with
    /// the index of its [`PhraseStarts`] in [`cue_starts`] or
    /// [`entry_starts`] ([`NO_STARTS`] when it has none).
    Phrase(u16),
}

/// A [`Lookup::Phrase`] whose word has no [`PhraseStarts`]; the indices of
/// the others are below it.
pub const NO_STARTS: u16 = 0x7FFF;

/// The [`Lookup::Word`] ids are below this.
const MAX_WORD_ID: u16 = 0x7FFF;

impl Lookup {
    /// In 16 bits: 0 for `None`, `id + 1` for `Word(id)`, the index with
    /// the high bit set for `Phrase`.
    const fn code(self) -> u16 {
        match self {
            Lookup::None => 0,
            Lookup::Word(id) => id + 1,
            Lookup::Phrase(index) => 0x8000 | index,
        }
    }

    /// The lookup of a [`Lookup::code`].
    #[inline]
    fn from_code(code: u16) -> Lookup {
        match code {
            0 => Lookup::None,
            1..0x8000 => Lookup::Word(code - 1),
            _ => Lookup::Phrase(code & 0x7FFF),
        }
    }
}

/// The patterns a phrase key can begin, so that a token spelled as the key
/// needs no table search: the longest match there is either the longest
/// pattern the key itself starts with, or the longest of the patterns that
/// start with the key whose remaining bytes the text has next. This is what
/// [`Patterns::longest_at`] finds, in a few byte comparisons instead of a
/// few binary searches ("said", "Trump", "Mr" are common).
pub struct PhraseStarts {
    /// The key's length in bytes.
    key_len: usize,
    /// The longest pattern that is a prefix of the key: its id and length.
    within: Option<(usize, usize)>,
    /// Each longer pattern that starts with the key, in id order.
    longer: Vec<Longer>,
}

/// A pattern longer than the key it starts with.
struct Longer {
    id: usize,
    /// The bytes after the key.
    tail: &'static [u8],
    /// The first two bytes of `tail` in lowercase, as [`next_two`] reads the
    /// text, under `mask` (one byte for a tail of one): most tails differ
    /// from the text there, in one comparison.
    head: u16,
    mask: u16,
}

/// The two bytes of `bytes` from `at`, in ASCII lowercase, as a `u16`; 0 for
/// a byte past the end, which no pattern has.
#[inline]
fn next_two(bytes: &[u8], at: usize) -> u16 {
    let byte = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    u16::from_le_bytes([byte(at), byte(at + 1)])
}

/// Keys that begin more patterns than this are left to the table search.
const MAX_LONGER: usize = 24;

impl PhraseStarts {
    /// The patterns that `key` (lowercase, as [`fold`] makes it) begins, or
    /// `None` for too many.
    fn new(key: &[u8], lexicon: &Patterns, patterns: &[&'static str]) -> Option<PhraseStarts> {
        let key_text = std::str::from_utf8(key).ok()?;
        let within = lexicon.longest_at(key_text, 0);
        let mut ids: Vec<usize> = lexicon.longer_than(key).collect();
        if ids.len() > MAX_LONGER {
            return None;
        }
        ids.sort_unstable();
        let longer = ids
            .into_iter()
            .filter_map(|id| {
                let tail = patterns.get(id)?.as_bytes().get(key.len()..)?;
                let mask = if tail.len() == 1 { 0x00FF } else { 0xFFFF };
                Some(Longer {
                    id,
                    tail,
                    head: next_two(tail, 0) & mask,
                    mask,
                })
            })
            .collect();
        Some(PhraseStarts {
            key_len: key.len(),
            within,
            longer,
        })
    }

    /// The longest match at the token `start..token_end` of `text`, when the
    /// token is the key as written (the same length: folding only shortens
    /// a word, so the token is the key in some case); `None` otherwise.
    #[inline]
    fn longest(
        &self,
        text: &str,
        start: usize,
        token_end: usize,
    ) -> Option<Option<(usize, usize)>> {
        if token_end - start != self.key_len {
            return None;
        }
        let after = text.as_bytes().get(token_end..).unwrap_or_default();
        let next = next_two(after, 0);
        let mut best = self.within;
        for longer in &self.longer {
            if next & longer.mask != longer.head {
                continue;
            }
            let tail = longer.tail;
            let len = self.key_len + tail.len();
            let fits = after
                .get(..tail.len())
                .is_some_and(|next| next.eq_ignore_ascii_case(tail));
            // Ties go to the lower id, as in `Patterns::longest_at`.
            if fits && best.is_none_or(|(_, best_len)| len > best_len) {
                best = Some((longer.id, len));
            }
        }
        Some(best.map(|(id, len)| (id, start + len)))
    }
}

/// What is known of a word the table does not hold.
pub const PLAIN: WordInfo = WordInfo::pack(&PLAIN_FACTS);

/// [`PLAIN`] unpacked.
const PLAIN_FACTS: WordFacts = WordFacts {
    class: WordClass::Plain,
    cue: Lookup::None,
    entry: Lookup::None,
    given: Gender::Unknown,
    syntax: Syntax(0),
    tag: WordTag::None,
};

/// The closed-class words.
fn closed_classes() -> Vec<(&'static str, WordClass)> {
    use Gender::{Female as F, Male as M, Unknown as U};
    let pronoun = |gender, plural, possessive| {
        WordClass::Pronoun(Pronoun::new(gender, plural, possessive, false))
    };
    let relative = |possessive| WordClass::Pronoun(Pronoun::new(U, false, possessive, true));
    let mut classes = vec![
        ("he", pronoun(M, false, false)),
        ("him", pronoun(M, false, false)),
        ("himself", pronoun(M, false, false)),
        ("his", pronoun(M, false, true)),
        ("she", pronoun(F, false, false)),
        ("hers", pronoun(F, false, false)),
        ("herself", pronoun(F, false, false)),
        ("her", pronoun(F, false, true)),
        ("they", pronoun(U, true, false)),
        ("them", pronoun(U, true, false)),
        ("themselves", pronoun(U, true, false)),
        ("their", pronoun(U, true, true)),
        ("it", pronoun(U, false, false)),
        ("itself", pronoun(U, false, false)),
        ("its", pronoun(U, false, true)),
        ("i", pronoun(U, false, false)),
        ("me", pronoun(U, false, false)),
        ("myself", pronoun(U, false, false)),
        ("my", pronoun(U, false, true)),
        ("we", pronoun(U, true, false)),
        ("us", pronoun(U, true, false)),
        ("ourselves", pronoun(U, true, false)),
        ("our", pronoun(U, true, true)),
        ("you", pronoun(U, false, false)),
        ("yourself", pronoun(U, false, false)),
        ("your", pronoun(U, false, true)),
        ("who", pronoun(U, false, false)),
        ("whose", pronoun(U, false, true)),
        ("which", relative(false)),
        // Contractions: "I've" opens no name.
        ("i've", pronoun(U, false, false)),
        ("i'm", pronoun(U, false, false)),
        ("i'd", pronoun(U, false, false)),
        ("i'll", pronoun(U, false, false)),
        ("we've", pronoun(U, true, false)),
        ("we're", pronoun(U, true, false)),
        ("we'd", pronoun(U, true, false)),
        ("we'll", pronoun(U, true, false)),
        ("they've", pronoun(U, true, false)),
        ("they're", pronoun(U, true, false)),
        ("they'd", pronoun(U, true, false)),
        ("they'll", pronoun(U, true, false)),
        ("you've", pronoun(U, false, false)),
        ("you're", pronoun(U, false, false)),
        ("you'd", pronoun(U, false, false)),
        ("you'll", pronoun(U, false, false)),
        ("he'd", pronoun(M, false, false)),
        ("he'll", pronoun(M, false, false)),
        ("she'd", pronoun(F, false, false)),
        ("she'll", pronoun(F, false, false)),
    ];
    let lists: [(&str, WordClass); 5] = [
        (
            "the a an this these those another every each any",
            WordClass::Determiner,
        ),
        (
            "de da di du del della der den van von al el bin ibn la le ter ben dos das",
            WordClass::Particle,
        ),
        (
            "monday tuesday wednesday thursday friday saturday sunday today tonight \
             yesterday tomorrow",
            WordClass::Day,
        ),
        (
            "january february march april may june july august september october \
             november december jan feb aug sept oct nov dec",
            WordClass::Month,
        ),
        (
            "and or but if when while as at by for from in into of on to with without \
             about after before since until during under over than then so not no yes \
             there here what where why how also just only even still however meanwhile \
             although though because unless whether yet nor is was are were be been has \
             have had do does did will would could should can must that now later \
             earlier last next other such more much very again like unlike despite among \
             against through instead indeed perhaps maybe once whatever whoever it's \
             that's there's let's dear oh well asked please thank thanks sorry ok okay \
             hey hello both either neither up down out off via per amid toward towards \
             upon within across behind beyond near around inside outside vs",
            WordClass::Stop,
        ),
    ];
    for (words, class) in lists {
        classes.extend(words.split_whitespace().map(|w| (w, class)));
    }
    classes
}

/// FNV-1a: the keys are short words, where SipHash's setup dominates.
#[derive(Clone, Copy, Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The longest word [`word_infos`] looks up; longer words are plain.
const MAX_KEY: usize = 24;

/// `word` folded into `buf` as a look-up key: ASCII lowercase, the curly
/// apostrophe as `'`, without a possessive ending or a final period.
#[inline]
pub fn fold<'b>(word: &[u8], buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
    let bytes = word;
    let bytes = bytes.strip_suffix(b".").unwrap_or(bytes);
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (b, step) = match bytes[i] {
            // U+2019 RIGHT SINGLE QUOTATION MARK, the curly apostrophe.
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => (b'\'', 3),
            b => (b.to_ascii_lowercase(), 1),
        };
        *buf.get_mut(len)? = b;
        len += 1;
        i += step;
    }
    let key = &buf[..len];
    let bare = key
        .strip_suffix(b"'s")
        .or_else(|| key.strip_suffix(b"'").filter(|k| k.ends_with(b"s")))
        .unwrap_or(key);
    Some(if bare.is_empty() { key } else { bare })
}

/// Records in `lookup` that pattern `id` (the whole `pattern`) starts with
/// its first word.
fn note_pattern(lookup: &mut Lookup, id: usize, pattern: &str) {
    let single = !pattern.contains([' ', '.']) && !pattern.contains('\u{2019}');
    *lookup = match (*lookup, single, u16::try_from(id)) {
        (Lookup::None, true, Ok(id)) if id < MAX_WORD_ID => Lookup::Word(id),
        _ => Lookup::Phrase(NO_STARTS),
    };
}

/// The first word of a lexicon entry, keyed as [`fold`] keys a token.
fn first_word(pattern: &str) -> Vec<u8> {
    let word = pattern.split(' ').next().unwrap_or(pattern);
    let mut buf = [0u8; MAX_KEY];
    fold(word.as_bytes(), &mut buf)
        .map(<[u8]>::to_vec)
        .unwrap_or_default()
}

/// The word tokens where a cue form or a full name may start, noted by
/// [`word_infos_into`] so that the cue and surname passes visit only those
/// instead of scanning every token's [`WordInfo`].
#[derive(Default)]
pub struct WordStarts {
    /// Indices of the word tokens some cue form starts with.
    pub cues: Vec<u32>,
    /// Indices of the word tokens that may open a full name: an honorific,
    /// or a first name that is not also a place.
    pub names: Vec<u32>,
}

/// What is known of each token of `text` before any lexicon search
/// ([`WordInfo::default`] for numbers and punctuation), in `infos`; and
/// where cues and names may start, in `starts`.
pub fn word_infos_into(
    text: &str,
    tokens: &[Token],
    infos: &mut Vec<WordInfo>,
    starts: &mut WordStarts,
) {
    let table = word_table();
    let bytes = text.as_bytes();
    infos.clear();
    infos.reserve(tokens.len());
    starts.cues.clear();
    starts.names.clear();
    // The probe's slices in locals: read through `table` inside the loop,
    // they were loaded again for every word, the writes to `infos` being
    // possible aliases to the compiler.
    // The infos as references into the table, copied once into `infos`:
    // as values, the compiler took their fields apart and put them together
    // again for every token.
    let probe = table.probe();
    for (t, token) in tokens.iter().enumerate() {
        let info: &WordInfo = match token.kind {
            TokenKind::Word => {
                let info = match pack_folded(bytes, token.span) {
                    Some(packed) => probe.get(packed),
                    None => table.get_unpacked(bytes, token.span),
                };
                if info.has_cue() {
                    starts.cues.push(t as u32);
                }
                if info.may_open_name() {
                    starts.names.push(t as u32);
                }
                info
            }
            _ => &PLAIN,
        };
        infos.push(*info);
    }
}

/// The open-addressing part of a [`WordTable`], for [`word_infos_into`]'s
/// loop.
struct Probe<'a> {
    tags: &'a [u16],
    entries: &'a [(u128, WordInfo)],
    shift: u32,
}

impl<'a> Probe<'a> {
    /// The info of a packed key.
    #[inline(always)]
    fn get(&self, packed: u128) -> &'a WordInfo {
        let (mut i, tag) = slot(self.shift, packed);
        let mask = self.tags.len() - 1;
        // The table is at most half full: an empty slot ends every probe.
        while let Some(&found) = self.tags.get(i).filter(|&&t| t != 0) {
            if found == tag {
                if let Some((_, info)) = self.entries.get(i).filter(|e| e.0 == packed) {
                    return info;
                }
            }
            i = (i + 1) & mask;
        }
        &PLAIN
    }
}

/// [`word_infos_into`] new vectors.
#[cfg(test)]
pub fn word_infos(text: &str, tokens: &[Token]) -> (Vec<WordInfo>, WordStarts) {
    let mut infos = Vec::new();
    let mut starts = WordStarts::default();
    word_infos_into(text, tokens, &mut infos, &mut starts);
    (infos, starts)
}

/// The table of every word [`word_infos`] knows, built on first use.
fn word_table() -> &'static WordTable {
    static TABLE: LazyLock<WordTable> = LazyLock::new(|| {
        let (facts, cue_starts, entry_starts) = word_facts();
        WordTable::new(facts, cue_starts, entry_starts)
    });
    &TABLE
}

/// What the lists say of every word they hold, by its key, with the
/// [`PhraseStarts`] of the cue and word lexicons.
fn word_facts() -> (
    FnvMap<Vec<u8>, WordFacts>,
    Vec<PhraseStarts>,
    Vec<PhraseStarts>,
) {
    // Sized for the ~11,000 keys of the lists, so that it never grows.
    let mut table: FnvMap<Vec<u8>, WordFacts> =
        FnvMap::with_capacity_and_hasher(16_384, Default::default());
    for (word, class) in closed_classes() {
        table
            .entry(word.as_bytes().to_vec())
            .or_insert(PLAIN_FACTS)
            .class = class;
    }
    for (flag, words) in SYNTAX_WORDS {
        for word in words.split_whitespace() {
            let facts = table.entry(first_word(word)).or_insert(PLAIN_FACTS);
            facts.syntax = Syntax(facts.syntax.0 | flag.0);
        }
    }
    for (id, form) in cues().forms.iter().enumerate() {
        let facts = table.entry(first_word(form)).or_insert(PLAIN_FACTS);
        note_pattern(&mut facts.cue, id, form);
    }
    for (id, pattern) in words().patterns.iter().enumerate() {
        let facts = table.entry(first_word(pattern)).or_insert(PLAIN_FACTS);
        note_pattern(&mut facts.entry, id, pattern);
    }
    for (name, gender) in first_names() {
        table.entry(first_word(name)).or_insert(PLAIN_FACTS).given = gender;
    }
    for place in PLACES.split_whitespace() {
        table.entry(first_word(place)).or_insert(PLAIN_FACTS).tag = WordTag::Place;
    }
    for word in HONORIFICS.split_whitespace() {
        let bare = BARE_HONORIFICS.split_whitespace().any(|b| b == word);
        table.entry(first_word(word)).or_insert(PLAIN_FACTS).tag = if bare {
            WordTag::Honorific
        } else {
            WordTag::DottedHonorific
        };
    }
    let (cues, words) = (cues(), words());
    let (mut cue_starts, mut entry_starts) = (Vec::new(), Vec::new());
    for (key, facts) in table.iter_mut() {
        if let Lookup::Phrase(index) = &mut facts.cue {
            *index = add_starts(&mut cue_starts, key, &cues.matcher, &cues.forms);
        }
        if let Lookup::Phrase(index) = &mut facts.entry {
            *index = add_starts(&mut entry_starts, key, &words.matcher, &words.patterns);
        }
    }
    (table, cue_starts, entry_starts)
}

/// Adds the [`PhraseStarts`] of `key` to `starts`; its index, or
/// [`NO_STARTS`].
fn add_starts(
    starts: &mut Vec<PhraseStarts>,
    key: &[u8],
    lexicon: &Patterns,
    patterns: &[&'static str],
) -> u16 {
    let Some(found) = PhraseStarts::new(key, lexicon, patterns) else {
        return NO_STARTS;
    };
    match u16::try_from(starts.len()) {
        Ok(index) if index < NO_STARTS => {
            starts.push(found);
            index
        }
        _ => NO_STARTS,
    }
}

/// The [`PhraseStarts`] of the cue lexicon, by [`Lookup::Phrase`] index.
pub fn cue_starts() -> &'static [PhraseStarts] {
    &word_table().cue_starts
}

/// The [`PhraseStarts`] of the word lexicon, by [`Lookup::Phrase`] index.
pub fn entry_starts() -> &'static [PhraseStarts] {
    &word_table().entry_starts
}

/// The word table: folded words of up to 16 ASCII bytes packed into a
/// `u128` in an open-addressing array, so that the common look-up is a
/// multiply and an integer compare; other words go to a hash map.
///
/// Most tokens are in no list, and their slots would be scattered over the
/// whole table: a probe first reads the slots' 16-bit tags, an array small
/// enough to stay in the cache (64 KiB against 1.3 MiB of keys and infos),
/// and reads a key only where its tag matches. Memory latency, not
/// arithmetic, was what the look-up cost.
struct WordTable {
    /// A tag of the key in each slot, never 0; 0 is an empty slot. At most
    /// half full.
    tags: Vec<u16>,
    /// The packed key and the info of each slot, together so that a hit
    /// reads one cache line.
    entries: Vec<(u128, WordInfo)>,
    /// Right shift of a hash to a slot index: the table has `2^(64 - shift)`
    /// slots.
    shift: u32,
    long: FnvMap<Vec<u8>, WordInfo>,
    cue_starts: Vec<PhraseStarts>,
    entry_starts: Vec<PhraseStarts>,
}

impl WordTable {
    fn new(
        all: FnvMap<Vec<u8>, WordFacts>,
        cue_starts: Vec<PhraseStarts>,
        entry_starts: Vec<PhraseStarts>,
    ) -> WordTable {
        let size = (all.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            tags: vec![0; size],
            entries: vec![(0, PLAIN); size],
            shift: 64 - size.trailing_zeros(),
            long: FnvMap::default(),
            cue_starts,
            entry_starts,
        };
        let mask = size - 1;
        for (key, facts) in all {
            let info = WordInfo::pack(&facts);
            match pack(&key) {
                Some(packed) => {
                    let (mut i, tag) = slot(table.shift, packed);
                    while table.tags[i] != 0 {
                        i = (i + 1) & mask;
                    }
                    table.tags[i] = tag;
                    table.entries[i] = (packed, info);
                }
                None => {
                    table.long.insert(key, info);
                }
            }
        }
        table
    }

    /// The info of the word at `span` of `text`.
    #[cfg(test)]
    fn get(&self, text: &[u8], span: Span) -> WordInfo {
        if let Some(packed) = pack_folded(text, span) {
            return *self.get_packed(packed);
        }
        *self.get_unpacked(text, span)
    }

    /// The info of a word that [`pack_folded`] does not pack: out of the
    /// common loop, whose registers it would take.
    #[inline(never)]
    fn get_unpacked(&self, text: &[u8], span: Span) -> &WordInfo {
        let Some(word) = text.get(span.range()) else {
            return &PLAIN;
        };
        let mut buf = [0u8; MAX_KEY];
        match fold(word, &mut buf) {
            Some(key) => match pack(key) {
                Some(packed) => self.get_packed(packed),
                None => self.long.get(key).unwrap_or(&PLAIN),
            },
            None => &PLAIN,
        }
    }

    #[inline]
    fn get_packed(&self, packed: u128) -> &WordInfo {
        self.probe().get(packed)
    }

    /// The table's slots, borrowed for a loop of lookups.
    #[inline(always)]
    fn probe(&self) -> Probe<'_> {
        Probe {
            tags: &self.tags,
            entries: &self.entries,
            shift: self.shift,
        }
    }
}

/// The first slot to probe for a packed key in a table of `2^(64 - shift)`
/// slots, and the key's tag.
#[inline(always)]
fn slot(shift: u32, packed: u128) -> (usize, u16) {
    let folded = (packed as u64) ^ ((packed >> 64) as u64).rotate_left(29);
    let hash = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((hash >> shift) as usize, (hash >> 24) as u16 | 1)
}

/// Up to 16 bytes, little-endian, in a `u128`; `None` when longer or empty.
#[inline]
fn pack(key: &[u8]) -> Option<u128> {
    if key.is_empty() || key.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..key.len()].copy_from_slice(key);
    Some(u128::from_le_bytes(buf))
}

/// The ASCII word at `span` of `text`, of up to 16 bytes, folded as [`fold`]
/// folds it (lowercase, without a possessive ending or final period) and
/// packed as [`pack`] packs it: a few word-wide operations instead of a loop
/// over bytes. `None` for other words, which take the slow path.
#[inline]
fn pack_folded(text: &[u8], span: Span) -> Option<u128> {
    let word = text.get(span.range())?;
    let word = word.strip_suffix(b".").unwrap_or(word);
    let mut len = word.len();
    if len == 0 || len > 16 {
        return None;
    }
    // "Clinton's", "voters'": the possessive ending is no part of the key.
    if len > 2 {
        let (before, last) = (word[len - 2], word[len - 1]);
        if before == b'\'' && last | 0x20 == b's' {
            len -= 2;
        } else if last == b'\'' && before | 0x20 == b's' {
            len -= 1;
        }
    }
    // Sixteen bytes at once where the text has them, else a copy; as two
    // halves, since most words fit in the first and `u128` arithmetic
    // costs two of everything.
    let mut buf = [0u8; 16];
    let chunk: &[u8; 16] = match text.get(span.start..span.start + 16) {
        Some(chunk) => chunk.try_into().ok()?,
        None => {
            buf[..len].copy_from_slice(&word[..len]);
            &buf
        }
    };
    let (low, high) = chunk.split_at(8);
    let low = u64::from_le_bytes(low.try_into().ok()?) & KEEP_BYTES[len.min(8)];
    let high = if len > 8 {
        u64::from_le_bytes(high.try_into().ok()?) & KEEP_BYTES[len - 8]
    } else {
        0
    };
    if (low | high) & HIGH != 0 {
        return None;
    }
    // Most words fit in the low half, and the high half is then zero.
    let high = if len > 8 { lowercase(high) } else { 0 };
    Some(u128::from(lowercase(low)) | u128::from(high) << 64)
}

const ONES: u64 = u64::MAX / 0xFF;
const HIGH: u64 = ONES * 0x80;

/// The ASCII bytes of `raw` (none with the high bit set) in lowercase.
#[inline]
fn lowercase(raw: u64) -> u64 {
    // Bytes are below 0x80, so these sums carry into no other byte: the
    // high bit says "at least 'A'" and "past 'Z'".
    let at_least_a = raw + ONES * u64::from(0x80 - b'A');
    let past_z = raw + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !past_z & HIGH;
    raw | (upper >> 2)
}

/// `KEEP_BYTES[n]` keeps the low `n` bytes of a `u64`.
const KEEP_BYTES: [u64; 9] = {
    let mut masks = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        masks[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// The longest match of `lexicon` at `start`, given what [`word_infos`]
/// says of the token `start..token_end`: no search at all for a token that
/// is a one-word entry as written, or that no entry starts with.
#[inline]
pub fn match_at(
    lexicon: &Patterns,
    patterns: &[&str],
    starts: &[PhraseStarts],
    lookup: Lookup,
    text: &str,
    start: usize,
    token_end: usize,
) -> Option<(usize, usize)> {
    match lookup {
        Lookup::None => None,
        Lookup::Word(id) => {
            let id = id as usize;
            let plain = patterns
                .get(id)
                .is_some_and(|p| p.len() == token_end - start);
            if plain {
                Some((id, token_end))
            } else {
                lexicon.longest_at(text, start)
            }
        }
        Lookup::Phrase(index) => {
            let known = starts
                .get(usize::from(index))
                .and_then(|s| s.longest(text, start, token_end));
            known.unwrap_or_else(|| lexicon.longest_at(text, start))
        }
    }
}

#[cfg(test)]
mod tests {
    /// The table's [`Shape`] bits say what the fields say, for every word.
    #[test]
    fn shapes_agree_with_the_fields() {
        use super::*;
        let table = word_table();
        let infos = table.entries.iter().map(|e| &e.1);
        let mut checked = 0;
        for info in infos.chain(table.long.values()) {
            let quiet = info.cue() == Lookup::None
                && info.entry() == Lookup::None
                && !info.syntax().any(Syntax::AUXILIARY);
            assert_eq!(info.shape().any(Shape::QUIET), quiet, "{info:?}");
            let opener = matches!(
                info.class,
                WordClass::Determiner | WordClass::Pronoun(_) | WordClass::Particle
            );
            assert_eq!(info.shape().any(Shape::OPENER), opener, "{info:?}");
            checked += 1;
        }
        assert!(checked > 10_000, "{checked}");
        assert!(PLAIN.shape().any(Shape::QUIET) && !PLAIN.shape().any(Shape::OPENER));
    }

    /// A [`WordInfo`] gives back every fact it was packed from, for every
    /// word of the table, and for pronouns, tags and lookups of each kind.
    #[test]
    fn word_infos_keep_their_facts() {
        use super::*;
        let unpack = |info: WordInfo| WordFacts {
            class: info.class,
            cue: info.cue(),
            entry: info.entry(),
            given: info.given,
            syntax: info.syntax(),
            tag: info.tag(),
        };
        let (table, _, _) = word_facts();
        for facts in table.values() {
            let info = WordInfo::pack(facts);
            assert_eq!(unpack(info), *facts);
            assert_eq!(info.has_cue(), facts.cue != Lookup::None);
            assert_eq!(info.has_entry(), facts.entry != Lookup::None);
            let honorific = matches!(facts.tag, WordTag::Honorific | WordTag::DottedHonorific);
            assert_eq!(info.may_be_honorific(), honorific, "{facts:?}");
            assert_eq!(info.is_place(), facts.tag == WordTag::Place, "{facts:?}");
        }
        let lookups = [
            Lookup::None,
            Lookup::Word(0),
            Lookup::Word(MAX_WORD_ID - 1),
            Lookup::Phrase(0),
            Lookup::Phrase(NO_STARTS),
        ];
        let tags = [
            WordTag::None,
            WordTag::Place,
            WordTag::DottedHonorific,
            WordTag::Honorific,
        ];
        for (i, (&cue, &tag)) in lookups.iter().zip(tags.iter().cycle()).enumerate() {
            let pronoun = Pronoun::new(Gender::Female, i % 2 == 0, i % 3 == 0, i % 4 == 0);
            let facts = WordFacts {
                class: WordClass::Pronoun(pronoun),
                cue,
                entry: lookups[lookups.len() - 1 - i],
                given: Gender::Male,
                syntax: Syntax(Syntax::MASK),
                tag,
            };
            assert_eq!(unpack(WordInfo::pack(&facts)), facts);
            let WordClass::Pronoun(p) = WordInfo::pack(&facts).class else {
                panic!("{facts:?}");
            };
            let flags = (p.plural(), p.possessive(), p.relative());
            assert_eq!(flags, (i % 2 == 0, i % 3 == 0, i % 4 == 0));
        }
    }

    use super::*;

    /// Texts that put a lexicon pattern in the places a matcher can go
    /// wrong: alone, upper-cased, followed by more words, inflected, before a
    /// full stop, and cut short at each space or dot.
    fn probe_texts(pattern: &str) -> Vec<String> {
        let mut texts = vec![
            pattern.to_string(),
            pattern.to_uppercase(),
            format!("{pattern} and more"),
            format!("{pattern}s, said"),
            format!("{pattern}."),
        ];
        let cuts = pattern.match_indices([' ', '.']).map(|(i, _)| i);
        texts.extend(cuts.map(|i| format!("{} next", &pattern[..i])));
        texts
    }

    /// [`Patterns::longest_at`] finds what an anchored, ASCII
    /// case-insensitive, leftmost-longest aho-corasick automaton over the
    /// same patterns finds (the matcher used one before), at every byte of
    /// texts made of each pattern cut short, run on and recased.
    #[test]
    fn patterns_find_what_an_automaton_finds() {
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let lexicons: [&[&'static str]; 2] = [&cues().forms, &words().patterns];
        let mut checked = 0;
        for patterns in lexicons {
            let table = Patterns::new(patterns);
            let automaton = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(patterns)
                .unwrap();
            for pattern in patterns.iter() {
                for text in probe_texts(pattern) {
                    for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                        let input = Input::new(&text)
                            .span(start..text.len())
                            .anchored(Anchored::Yes);
                        let expected = automaton
                            .try_find(input)
                            .unwrap()
                            .map(|m| (m.pattern().as_usize(), m.end()));
                        assert_eq!(
                            table.longest_at(&text, start),
                            expected,
                            "{text:?} at {start}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// At a word that starts phrases, [`PhraseStarts`] finds what the
    /// table search finds, whatever follows the word: each pattern, cut short
    /// or run on, in other cases.
    #[test]
    fn phrase_starts_find_what_the_table_finds() {
        let table = word_table();
        let lexicons = [
            (&cues().matcher, &cues().forms, &table.cue_starts, true),
            (
                &words().matcher,
                &words().patterns,
                &table.entry_starts,
                false,
            ),
        ];
        let mut checked = 0;
        for (matcher, patterns, starts, is_cue) in lexicons {
            for pattern in patterns.iter() {
                for text in probe_texts(pattern) {
                    let tokens = crate::text::tokenize(&text);
                    let Some(token) = tokens.first() else {
                        continue;
                    };
                    let info = table.get(text.as_bytes(), token.span);
                    let lookup = if is_cue { info.cue() } else { info.entry() };
                    let Lookup::Phrase(index) = lookup else {
                        continue;
                    };
                    let Some(found) = starts
                        .get(usize::from(index))
                        .and_then(|s| s.longest(&text, token.span.start, token.span.end))
                    else {
                        continue;
                    };
                    let expected = matcher.longest_at(&text, token.span.start);
                    assert_eq!(found, expected, "{text:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
