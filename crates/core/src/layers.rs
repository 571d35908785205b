//! The layers the stages add over an article's text, in pipeline order.

use crate::Span;

// ---------------------------------------------------------------------------
// segmenter → Segments

/// What the segmenter finds in a text: pure functions of the text alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segments {
    /// Paragraphs, in text order, never overlapping. A paragraph ends at a
    /// blank line (or a single line break, as scraped news often has).
    pub paragraphs: Vec<Span>,
    /// Sentences, in text order, never overlapping, each inside one paragraph.
    pub sentences: Vec<Span>,
    /// Words, numbers and punctuation, in text order; whitespace is not a token.
    pub tokens: Vec<Token>,
    /// Quotations, in text order of their first mark. A quote nested in another
    /// (single marks inside double ones) comes after the one that holds it.
    pub quotes: Vec<Quote>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("don't",
    /// "al-Assad", "U.S.").
    Word,
    /// Digits, possibly with inner separators ("9", "1,000", "3.5").
    Number,
    /// A quotation mark, opening or closing (including the NYT's `''`).
    QuoteMark,
    /// Any other punctuation or symbol.
    Punct,
}

/// A quotation: the words between an opening mark and its closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// One piece per paragraph the quote runs over, in text order. Each piece
    /// includes its own marks: the opening mark of the first piece, the
    /// re-opening mark of each following paragraph, and the closing mark of the
    /// last piece when there is one.
    pub pieces: Vec<Span>,
    /// Whether a closing mark was found. An unclosed quote is recovered at the
    /// end of its sentence or paragraph.
    pub closed: bool,
    pub style: QuoteStyle,
    /// 0 for an outermost quote, 1 for a quote inside another, …
    pub depth: u8,
    /// What the quote most likely is, judged from its own words and marks only.
    pub hint: QuoteHint,
}

impl Quote {
    /// From the first mark to the last piece's end.
    pub fn span(&self) -> Span {
        let first = self.pieces.first().copied().unwrap_or_default();
        let last = self.pieces.last().copied().unwrap_or_default();
        Span::new(first.start, last.end)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteStyle {
    /// `"…"`
    Straight,
    /// `“…”`
    Curly,
    /// The New York Times' `''…''` (two apostrophes on each side).
    DoubleApostrophe,
    /// `‘…’` or `'…'`, normally nested inside a double quote.
    Single,
    /// `«…»`, `»…«`, `„…“`.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteHint {
    /// Long enough, or shaped like a sentence: may be someone's words.
    Speech,
    /// A short phrase ("moderate", "very bad"): a scare quote, or a fragment
    /// that is an attribution only inside reported speech.
    Fragment,
    /// Capitalised words with no verb ("Joint Implementation Center"): a name
    /// or title, not an attribution.
    Title,
}

// ---------------------------------------------------------------------------
// speakers → Candidates

/// What the speaker matcher finds: candidate cues and speaker mentions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Candidates {
    /// Cues in text order, never overlapping (the longest match wins).
    pub cues: Vec<Cue>,
    /// Mentions in text order, never overlapping.
    pub mentions: Vec<Mention>,
}

/// A cue: the words that introduce an attribution ("said", "according to").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cue {
    pub span: Span,
    /// The lexicon entry's base form ("say" for "said", "according to").
    pub lemma: &'static str,
    pub frame: CueFrame,
    pub form: VerbForm,
    /// The lexicon entry's precision: the share of its form's occurrences in
    /// PolNeAR train that lie inside a gold cue (0.0 to 1.0). "said" is about
    /// 0.9, "show" 0.3, "see" 0.2; a resolver may ask more of an imprecise
    /// cue before it attributes with it.
    pub precision: f32,
}

/// How a cue arranges its source and content around itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueFrame {
    /// A reporting verb: "X said (that) C", "C, X said", "C, said X".
    Verb,
    /// The source follows the cue: "according to X, C", "C, according to X".
    AccordingTo,
    /// A passive quoting phrase: "X was quoted as saying C".
    QuotedAsSaying,
    /// A noun: "X's statement that C", "the claim that C".
    Noun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    /// "says"
    Present,
    /// "said"
    Past,
    /// "saying"
    Gerund,
    /// "has said", "was quoted": a participle after an auxiliary.
    Participle,
    /// Not a verb (phrases and nouns).
    None,
}

/// A mention of a possible speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The mention as written, titles and roles included ("foreign ministry
    /// spokeswoman Maria Zakharova", "the US spokesman", "he").
    pub span: Span,
    /// The part that names the referent: the proper name without titles
    /// ("Maria Zakharova"), the head noun of a nominal ("spokesman"), or the
    /// pronoun itself.
    pub head: Span,
    pub kind: MentionKind,
    pub gender: Gender,
    pub plural: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A person's proper name, possibly with honorific or title.
    Name,
    /// A person by role or description ("the spokesman", "a source").
    Nominal,
    /// An organization or place speaking as one ("the Kremlin", "Moscow").
    Organization,
    /// A group of people ("officials", "Democrats", "critics").
    Group,
    /// he, she, they, it, I, we, …
    Pronoun,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

// ---------------------------------------------------------------------------
// resolver → Attribution

/// One attribution: content and the one who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The content's fragments in text order (a quote split by "he said" has
    /// two), quotation marks included, as PolNeAR marks content.
    pub content: Vec<Span>,
    pub kind: QuoteKind,
    /// The speaker as written at this attribution.
    pub speaker_mention: Option<Span>,
    /// The canonical speaker: the most complete proper name the article gives
    /// the referent; `None` when the article never names it.
    pub speaker: Option<String>,
    pub speaker_type: SpeakerType,
    pub cue: Option<Span>,
    /// The name of the sieve that made this attribution, stable across versions.
    pub sieve: &'static str,
    /// 0.0 to 1.0, higher is surer.
    pub confidence: f32,
}

impl Attribution {
    /// Moves every span `by` bytes on: the attribution of a piece of a text,
    /// placed in the whole.
    pub fn shift(&mut self, by: usize) {
        let shift = |span: &mut Span| {
            span.start += by;
            span.end += by;
        };
        self.content.iter_mut().for_each(shift);
        self.speaker_mention.iter_mut().for_each(shift);
        self.cue.iter_mut().for_each(shift);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// All inside quotation marks.
    Direct,
    /// Reported speech with a quoted part.
    Mixed,
    /// Reported speech, no marks.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpeakerType {
    Person,
    Organization,
    Group,
    #[default]
    Unknown,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Group => "group",
            SpeakerType::Unknown => "unknown",
        }
    }
}
