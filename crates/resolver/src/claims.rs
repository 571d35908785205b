//! Attributions in the making: what the sieves have claimed so far.
//!
//! A sieve claims content only where no earlier sieve has, and a cue only
//! once, so that a later sieve never undoes an earlier one. Two sieves at
//! the end of the cascade are the exceptions, each by one named rule:
//! `enclosing_frame` replaces the rows its content wholly encloses
//! ([`Claims::enclose`]), and `nested_cue_content` adds rows inside another
//! row's content ([`Claims::nested`]).

use whosaid_core::Span;

/// An attribution before its speaker is resolved to a name.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Content fragments in text order.
    pub content: Vec<Span>,
    /// Index of the speaker mention in `Candidates::mentions`.
    pub source: Option<usize>,
    /// A source the speaker matcher does not know as a mention, as written
    /// ("a Reuters poll", "state records"): set only when `source` is not.
    pub source_phrase: Option<Span>,
    /// Index of the cue in `Candidates::cues`.
    pub cue: Option<usize>,
    pub sieve: &'static str,
}

impl Draft {
    pub fn new(
        content: Vec<Span>,
        source: usize,
        cue: Option<usize>,
        sieve: &'static str,
    ) -> Draft {
        Draft {
            content,
            source: Some(source),
            source_phrase: None,
            cue,
            sieve,
        }
    }

    /// An attribution whose source is a phrase rather than a mention
    /// ("according to *a Reuters poll*, C").
    pub fn phrase_sourced(
        content: Vec<Span>,
        phrase: Span,
        cue: usize,
        sieve: &'static str,
    ) -> Draft {
        Draft {
            content,
            source: None,
            source_phrase: Some(phrase),
            cue: Some(cue),
            sieve,
        }
    }
}

impl Draft {
    /// An attribution whose source the text does not name ("it was reported
    /// that C").
    pub fn sourceless(content: Vec<Span>, cue: usize, sieve: &'static str) -> Draft {
        Draft {
            content,
            source: None,
            source_phrase: None,
            cue: Some(cue),
            sieve,
        }
    }
}

#[derive(Default)]
pub struct Claims {
    pub drafts: Vec<Draft>,
    /// Claimed content. Fragments never overlap.
    taken: Taken,
    used_cues: Vec<bool>,
    /// Attributions inside another one's content (`X said Y said C`: Y → C
    /// inside X's "Y said C"). They are made last, may overlap their
    /// parent, and take no part in the claims above.
    pub nested: Vec<Draft>,
}

impl Claims {
    pub fn new(cues: usize) -> Claims {
        // Most attributions have a cue, each cue makes one at most, and most
        // have one fragment: room for as many as there are cues, so that
        // neither list grows a push at a time.
        Claims {
            drafts: Vec::with_capacity(cues),
            taken: Taken {
                fragments: Vec::with_capacity(cues),
            },
            used_cues: vec![false; cues],
            ..Claims::default()
        }
    }

    /// The draft whose content overlaps `span`, if any.
    pub fn owner(&self, span: Span) -> Option<usize> {
        let (fragment, draft) = self.taken.last_starting_before(span.end)?;
        (fragment.end > span.start).then_some(draft)
    }

    /// Where the first claimed content inside `span` starts, if any is.
    pub fn first_taken_in(&self, span: Span) -> Option<usize> {
        if self.owner(Span::new(span.start, span.start + 1)).is_some() {
            return Some(span.start);
        }
        let (fragment, _) = self.taken.starting_in(span).next()?;
        Some(fragment.start)
    }

    /// The draft one of whose fragments holds the whole of `span`.
    pub fn holder(&self, span: Span) -> Option<usize> {
        let (fragment, draft) = self.taken.last_starting_before(span.start + 1)?;
        (fragment.end >= span.end).then_some(draft)
    }

    /// Fresh claims for a search inside the content claimed so far: no
    /// content is taken, and the only free cues are those that are free
    /// here and stand inside claimed content.
    pub fn inside_claimed(&self, cue_span: impl Fn(usize) -> Span) -> Claims {
        Claims {
            used_cues: (0..self.used_cues.len())
                .map(|c| !self.cue_is_free(c) || self.holder(cue_span(c)).is_none())
                .collect(),
            ..Claims::default()
        }
    }

    /// Fresh claims with the same cues used and no content taken.
    pub fn with_free_content(&self) -> Claims {
        Claims {
            used_cues: self.used_cues.clone(),
            ..Claims::default()
        }
    }

    pub fn is_free(&self, span: Span) -> bool {
        self.owner(span).is_none()
    }

    pub fn cue_is_free(&self, cue: usize) -> bool {
        !self.used_cues.get(cue).copied().unwrap_or(true)
    }

    /// Claims a new attribution; refused (false) when any of its content is
    /// taken, its cue is used, or it has no content.
    pub fn add(&mut self, draft: Draft) -> bool {
        let empty = draft.content.iter().all(|s| s.is_empty());
        if empty
            || !draft.content.iter().all(|&s| self.is_free(s))
            || draft.cue.is_some_and(|c| !self.cue_is_free(c))
        {
            return false;
        }
        let index = self.drafts.len();
        for &s in &draft.content {
            self.taken.insert(s, index);
        }
        if let Some(c) = draft.cue {
            self.used_cues[c] = true;
        }
        self.drafts.push(draft);
        true
    }

    /// Claims `draft` in place of the drafts its content encloses (`C, X
    /// said`, where an earlier sieve took `Y believes C'` inside C and so
    /// kept X's frame from C): every draft its content overlaps must lie
    /// wholly inside it, its content and its `anchors` (cue and speaker)
    /// too, and those drafts go. Refused (false) when it encloses nothing,
    /// overlaps a draft it does not enclose, or its cue is used.
    pub fn enclose(&mut self, draft: Draft, anchors: impl Fn(&Draft) -> [Option<Span>; 2]) -> bool {
        if draft.cue.is_some_and(|c| !self.cue_is_free(c)) {
            return false;
        }
        let inside = |span: Span| draft.content.iter().any(|f| f.contains(span));
        let mut enclosed = Vec::new();
        for &f in &draft.content {
            let first = self.owner(Span::new(f.start, f.start + 1));
            let rest = self.taken.starting_in(f).map(|(_, d)| d);
            for d in first.into_iter().chain(rest) {
                let e = &self.drafts[d];
                if !e.content.iter().all(|&g| inside(g))
                    || !anchors(e).iter().flatten().all(|&a| inside(a))
                {
                    return false;
                }
                if !enclosed.contains(&d) {
                    enclosed.push(d);
                }
            }
        }
        if enclosed.is_empty() {
            return false;
        }
        let drafts = std::mem::take(&mut self.drafts);
        self.taken.clear();
        for (i, d) in drafts.into_iter().enumerate() {
            if !enclosed.contains(&i) {
                for &s in &d.content {
                    self.taken.insert(s, self.drafts.len());
                }
                self.drafts.push(d);
            }
        }
        self.add(draft)
    }

    /// Adds a fragment to an existing attribution, when it is free.
    pub fn extend(&mut self, draft: usize, fragment: Span) -> bool {
        if fragment.is_empty() || !self.is_free(fragment) {
            return false;
        }
        self.taken.insert(fragment, draft);
        let content = &mut self.drafts[draft].content;
        let at = content.partition_point(|s| s.start < fragment.start);
        content.insert(at, fragment);
        true
    }

    /// Folds an embedded attribution into the one whose clause it sits in.
    ///
    /// `X say they feel C`: when a sieve claimed the inner clause (`they
    /// feel` → C) before the outer cue's, the outer content was cut where the
    /// inner began, and so reads only `they feel`. When a draft's speaker
    /// lies inside another draft's content and its own content starts right
    /// where that content stops, the whole clause is the outer speaker's
    /// (PolNeAR attributes the outer clause as a whole): the inner draft's
    /// fragments join the outer one and the inner draft is dropped.
    pub fn absorb_embedded(&mut self, text: &str, mention_span: impl Fn(usize) -> Span) {
        let mut gone = vec![false; self.drafts.len()];
        loop {
            let mut merged = false;
            for (inner, absorbed) in gone.iter_mut().enumerate() {
                if *absorbed {
                    continue;
                }
                let Some(speaker) = self.drafts[inner].source.map(&mention_span) else {
                    continue;
                };
                let Some(&first) = self.drafts[inner].content.first() else {
                    continue;
                };
                // Fragments never overlap, so the one that holds the speaker
                // is found in the claimed map (a scan of every draft made
                // this quadratic in the drafts of an article).
                let Some(outer) = self.owner(speaker).filter(|&o| {
                    o != inner
                        && self.drafts[o].content.last().is_some_and(|last| {
                            last.contains(speaker)
                                && last.end <= first.start
                                && !text[last.end..first.start]
                                    .chars()
                                    .any(char::is_alphanumeric)
                        })
                }) else {
                    continue;
                };
                let fragments = std::mem::take(&mut self.drafts[inner].content);
                for f in &fragments {
                    self.taken.remove(f.start);
                }
                let content = &mut self.drafts[outer].content;
                let last = content.len() - 1;
                content[last] = content[last].cover(fragments[0]);
                content.extend_from_slice(&fragments[1..]);
                self.taken.insert(content[last], outer);
                for &f in &fragments[1..] {
                    self.taken.insert(f, outer);
                }
                *absorbed = true;
                merged = true;
            }
            if !merged {
                break;
            }
        }
        if gone.iter().any(|&g| g) {
            let mut index = 0;
            self.drafts.retain(|_| {
                index += 1;
                !gone[index - 1]
            });
            self.taken.clear();
            for (i, d) in self.drafts.iter().enumerate() {
                for &s in &d.content {
                    self.taken.insert(s, i);
                }
            }
        }
    }

    /// The drafts in text order of their first fragment.
    pub fn into_sorted(mut self) -> Vec<Draft> {
        self.drafts.append(&mut self.nested);
        self.drafts
            .sort_by_key(|d| d.content.first().map(|s| (s.start, s.end)));
        self.drafts
    }
}

/// The claimed fragments with their drafts, sorted by start, at most one
/// per start (a fragment claimed at a taken start replaces it, as in a map).
/// A sorted `Vec` rather than a `BTreeMap`: an article has a few dozen
/// fragments, the sieves ask "who owns this span" hundreds of thousands of
/// times, and a binary search over one array cost a fraction of the tree's
/// two descents per range. Fragments mostly arrive in text order, so an
/// insert seldom moves many.
#[derive(Default)]
struct Taken {
    fragments: Vec<(Span, usize)>,
}

impl Taken {
    /// The fragment that starts last before `offset`, with its draft.
    fn last_starting_before(&self, offset: usize) -> Option<(Span, usize)> {
        let i = self.fragments.partition_point(|(f, _)| f.start < offset);
        i.checked_sub(1).map(|i| self.fragments[i])
    }

    /// The fragments that start inside `span`, in order.
    fn starting_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let from = self
            .fragments
            .partition_point(|(f, _)| f.start < span.start);
        self.fragments[from..]
            .iter()
            .take_while(move |(f, _)| f.start < span.end)
            .copied()
    }

    fn insert(&mut self, fragment: Span, draft: usize) {
        let at = self
            .fragments
            .partition_point(|(f, _)| f.start < fragment.start);
        match self.fragments.get_mut(at) {
            Some(taken) if taken.0.start == fragment.start => *taken = (fragment, draft),
            _ => self.fragments.insert(at, (fragment, draft)),
        }
    }

    /// Lets go of the fragment that starts at `start`, if one does.
    fn remove(&mut self, start: usize) {
        let at = self.fragments.partition_point(|(f, _)| f.start < start);
        if self
            .fragments
            .get(at)
            .is_some_and(|(f, _)| f.start == start)
        {
            self.fragments.remove(at);
        }
    }

    fn clear(&mut self) {
        self.fragments.clear();
    }
}
