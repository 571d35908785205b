//! The article's registry of entities, and each speaker's canonical name.
//!
//! One pass over the mentions groups them into entities: a full name opens
//! an entity, a surname or first name ("Kirby", "Mr. Kirby") joins the most
//! recent entity it fits, a role ("the US spokesman") joins the most recent
//! person introduced with that role ("State Department spokesman John
//! Kirby"), and an organization's short form joins its long form. Pronouns
//! are resolved per attribution, to the most salient compatible entity.
//! The canonical name of an entity is the most complete name the article
//! gives it.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::FxHashMap;
use whosaid_core::{Gender, Mention, MentionKind, Span, SpeakerType};

use crate::claims::Draft;

#[derive(Debug)]
struct Entity {
    /// The most complete name seen: its words in `Registry::words`.
    name: Range<usize>,
    kind: MentionKind,
    gender: Gender,
    /// Where the entity was last mentioned, for salience.
    last_seen: usize,
}

/// The registry borrows every word from the article's text, and keeps the
/// words of all names in one list, so that linking a mention allocates
/// nothing but for a new entity.
pub struct Registry<'t> {
    entities: Vec<Entity>,
    /// The words of the entities' names, each name a range.
    words: Vec<&'t str>,
    /// Entities by the role words of their titles ("spokesman",
    /// "Secretary"), compared in lowercase.
    by_role: Index<Caseless<'t>>,
    /// Entities by the last and by the first word of their name, so that
    /// linking a mention looks at a few candidates, not every entity.
    by_last: Index<(bool, &'t str)>,
    by_first: Index<&'t str>,
    /// For each mention, its entity.
    entity_of: Vec<Option<usize>>,
}

/// Entities by a key, each key's listed newest (highest index) first, once:
/// one list of nodes for all keys rather than a `Vec` per key.
struct Index<K> {
    /// The node of the newest entity under each key.
    heads: FxHashMap<K, usize>,
    /// Nodes: an entity, and the node of the next older one under its key,
    /// or [`END`].
    nodes: Vec<(usize, usize)>,
}

/// The end of a key's list in `Index::nodes`.
const END: usize = usize::MAX;

impl<K: Hash + Eq> Index<K> {
    fn with_capacity(n: usize) -> Index<K> {
        Index {
            heads: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            nodes: Vec::with_capacity(n),
        }
    }

    /// Lists entity `e` under `key`, unless it is there already.
    fn insert(&mut self, key: K, e: usize) {
        let new = self.nodes.len();
        let head = match self.heads.entry(key) {
            Entry::Vacant(vacant) => {
                vacant.insert(new);
                self.nodes.push((e, END));
                return;
            }
            Entry::Occupied(mut occupied) => {
                let head = *occupied.get();
                if self.nodes[head].0 < e {
                    // The newest, as entities mostly are when indexed.
                    occupied.insert(new);
                    self.nodes.push((e, head));
                    return;
                }
                head
            }
        };
        // An older entity renamed: its place in the list.
        let mut at = head;
        loop {
            let (entity, next) = self.nodes[at];
            if entity == e {
                return;
            }
            if next == END || self.nodes[next].0 < e {
                self.nodes.push((e, next));
                self.nodes[at].1 = new;
                return;
            }
            at = next;
        }
    }

    /// The entities under `key`, newest first.
    fn newest_first(&self, key: &K) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.heads.get(key).copied().unwrap_or(END);
        std::iter::from_fn(move || {
            let &(entity, next) = self.nodes.get(at)?;
            at = next;
            Some(entity)
        })
    }
}

/// A resolved speaker.
pub struct Speaker {
    pub canonical: Option<String>,
    pub kind: SpeakerType,
}

impl<'t> Registry<'t> {
    pub fn build(text: &'t str, mentions: &[Mention]) -> Registry<'t> {
        // Room for an entity per name, so that the maps never grow.
        let names = mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Organization))
            .count();
        let mut registry = Registry {
            entities: Vec::with_capacity(names),
            words: Vec::with_capacity(2 * names),
            by_role: Index::with_capacity(0),
            by_last: Index::with_capacity(names),
            by_first: Index::with_capacity(names),
            entity_of: vec![None; mentions.len()],
        };
        for (i, mention) in mentions.iter().enumerate() {
            let entity = match mention.kind {
                MentionKind::Name => Some(registry.add_name(text, mention)),
                MentionKind::Organization => Some(registry.add_organization(text, mention)),
                MentionKind::Nominal => registry.find_role(text, mention),
                MentionKind::Group | MentionKind::Pronoun => None,
            };
            if let Some(e) = entity {
                registry.entities[e].last_seen = mention.span.start;
            }
            registry.entity_of[i] = entity;
        }
        registry
    }

    /// The words of entity `e`'s name.
    fn name(&self, e: usize) -> &[&'t str] {
        &self.words[self.entities[e].name.clone()]
    }

    /// Appends the words of a name to `words`, where they stay if they name
    /// a new entity or rename one; returns where they are.
    fn push_words(&mut self, name: &'t str) -> Range<usize> {
        let from = self.words.len();
        push_name_words(&mut self.words, name);
        from..self.words.len()
    }

    fn add_name(&mut self, text: &'t str, mention: &Mention) -> usize {
        let words = self.push_words(mention.head.text(text));
        let e = self.link_name(words, mention.gender);
        for role in role_words(text, mention) {
            self.by_role.insert(Caseless(role), e);
        }
        e
    }

    /// The entity a person's name `words` belongs to, new or renamed if need be.
    fn link_name(&mut self, words: Range<usize>, gender: Gender) -> usize {
        let Some(&last) = self.words[words.clone()].last() else {
            return self.push(words, MentionKind::Name, gender);
        };
        let new = &self.words[words.clone()];
        let found = if new.len() >= 2 {
            self.by_last.newest_first(&(false, last)).find(|&e| {
                let name = self.name(e);
                name == new
                    || name.len() == 1
                    || name[0] == new[0]
                    || is_initial_of(new[0], name[0])
            })
        } else {
            (self.by_last.newest_first(&(false, last)).next())
                .or_else(|| self.by_first.newest_first(&last).next())
        };
        let Some(e) = found else {
            return self.push(words, MentionKind::Name, gender);
        };
        self.rename_if_longer(e, words);
        let entity = &mut self.entities[e];
        if entity.gender == Gender::Unknown {
            entity.gender = gender;
        }
        e
    }

    fn add_organization(&mut self, text: &'t str, mention: &Mention) -> usize {
        let words = self.push_words(strip_article(mention.head.text(text)));
        let new = &self.words[words.clone()];
        let Some(&last) = new.last() else {
            return self.push(words, MentionKind::Organization, Gender::Unknown);
        };
        let found = self
            .by_last
            .newest_first(&(true, last))
            .find(|&e| self.name(e).ends_with(new));
        match found {
            Some(e) => {
                self.rename_if_longer(e, words);
                e
            }
            None => self.push(words, MentionKind::Organization, Gender::Unknown),
        }
    }

    fn push(&mut self, name: Range<usize>, kind: MentionKind, gender: Gender) -> usize {
        let e = self.entities.len();
        self.entities.push(Entity {
            name: 0..0,
            kind,
            gender,
            last_seen: 0,
        });
        self.rename(e, name);
        e
    }

    /// Renames entity `e` to `words` (the last words pushed) when they are
    /// more complete; else lets them go.
    fn rename_if_longer(&mut self, e: usize, words: Range<usize>) {
        if words.len() > self.entities[e].name.len() {
            self.rename(e, words);
        } else {
            self.words.truncate(words.start);
        }
    }

    /// Gives entity `e` a more complete name, and indexes it under it.
    fn rename(&mut self, e: usize, name: Range<usize>) {
        let org = self.entities[e].kind == MentionKind::Organization;
        let words = &self.words[name.clone()];
        if let Some(&last) = words.last() {
            self.by_last.insert((org, last), e);
        }
        if let (Some(&first), false) = (words.first(), org) {
            self.by_first.insert(first, e);
        }
        self.entities[e].name = name;
    }

    /// "the US spokesman" → of the people introduced as a spokesman, the
    /// one mentioned last.
    fn find_role(&self, text: &str, mention: &Mention) -> Option<usize> {
        let head = Caseless(mention.head.text(text));
        self.by_role
            .newest_first(&head)
            .filter(|&e| self.entities[e].kind == MentionKind::Name)
            // The latest mentioned; of two mentioned at once, the newer.
            .max_by_key(|&e| (self.entities[e].last_seen, e))
    }

    /// The speaker of every attribution, in their order.
    pub fn speakers(&self, text: &str, mentions: &[Mention], drafts: &[Draft]) -> Vec<Speaker> {
        // Sources that are not pronouns, in text order: the salient speakers
        // a later "he said" may continue.
        let mut named: Vec<usize> = drafts
            .iter()
            .filter_map(|d| d.source)
            .filter(|&s| mentions[s].kind != MentionKind::Pronoun)
            .collect();
        named.sort_unstable();
        named.dedup();
        drafts
            .iter()
            .map(|d| self.speaker(text, mentions, &named, d.source))
            .collect()
    }

    fn speaker(
        &self,
        text: &str,
        mentions: &[Mention],
        named: &[usize],
        source: Option<usize>,
    ) -> Speaker {
        let Some(m) = source else {
            return Speaker {
                canonical: None,
                kind: SpeakerType::Unknown,
            };
        };
        let mention = &mentions[m];
        let entity = match mention.kind {
            MentionKind::Pronoun if is_relative(mention.span.text(text)) => {
                // "Kirby, who said": the name just before.
                m.checked_sub(1).and_then(|a| self.entity_of[a])
            }
            MentionKind::Pronoun => self.resolve_pronoun(mentions, named, mention),
            _ => self.entity_of[m],
        };
        let kind = match entity
            .map(|e| self.entities[e].kind)
            .unwrap_or(mention.kind)
        {
            MentionKind::Name | MentionKind::Nominal => SpeakerType::Person,
            MentionKind::Organization => SpeakerType::Organization,
            MentionKind::Group => SpeakerType::Group,
            MentionKind::Pronoun => pronoun_type(mention),
        };
        let canonical = entity
            .map(|e| self.name(e).join(" "))
            .filter(|n| !n.is_empty());
        Speaker { canonical, kind }
    }

    /// A pronoun's referent: the speaker of the attribution just before, when
    /// compatible and near; else the latest compatible entity mentioned.
    fn resolve_pronoun(
        &self,
        mentions: &[Mention],
        named: &[usize],
        pronoun: &Mention,
    ) -> Option<usize> {
        let wants = pronoun_type(pronoun);
        let fits = |e: usize| {
            let entity = &self.entities[e];
            match wants {
                SpeakerType::Person => {
                    entity.kind == MentionKind::Name
                        && (pronoun.gender == Gender::Unknown
                            || entity.gender == Gender::Unknown
                            || entity.gender == pronoun.gender)
                }
                SpeakerType::Organization | SpeakerType::Group => {
                    entity.kind == MentionKind::Organization
                }
                SpeakerType::Unknown => false,
            }
        };
        let at = pronoun.span.start;
        // The previous attribution's speaker, if it came shortly before.
        let i = named.partition_point(|&s| mentions[s].span.end <= at);
        let previous = i
            .checked_sub(1)
            .map(|i| named[i])
            .filter(|&s| at - mentions[s].span.end < 600)
            .and_then(|s| self.entity_of[s]);
        if let Some(e) = previous.filter(|&e| fits(e)) {
            return Some(e);
        }
        // A bounded look back keeps long articles linear.
        let before = mentions.partition_point(|m| m.span.start < at);
        (before.saturating_sub(LOOK_BACK)..before)
            .rev()
            .filter_map(|i| self.entity_of[i])
            .find(|&e| fits(e))
    }
}

/// How many mentions back a pronoun looks for its referent.
const LOOK_BACK: usize = 200;

fn is_relative(word: &str) -> bool {
    ["who", "which", "that"]
        .iter()
        .any(|relative| word.eq_ignore_ascii_case(relative))
}

fn pronoun_type(mention: &Mention) -> SpeakerType {
    match (mention.gender, mention.plural) {
        (_, true) => SpeakerType::Group,
        (Gender::Male | Gender::Female, false) => SpeakerType::Person,
        (Gender::Unknown, false) => SpeakerType::Organization,
    }
}

/// Appends the words of a name, without a possessive ending, to `words`:
/// its `split_whitespace`, a byte at a time when the name is ASCII (as
/// nearly all are) rather than a character at a time.
fn push_name_words<'t>(words: &mut Vec<&'t str>, name: &'t str) {
    let name = trim_suffixes(trim_suffixes(name, "'s"), "’s");
    if !name.is_ascii() {
        words.extend(name.split_whitespace());
        return;
    }
    let mut start = 0;
    for (i, &b) in name.as_bytes().iter().enumerate() {
        // ASCII whitespace as `char::is_whitespace` has it.
        if matches!(b, b' ' | b'\t'..=b'\r') {
            if start < i {
                words.push(&name[start..i]);
            }
            start = i + 1;
        }
    }
    if start < name.len() {
        words.push(&name[start..]);
    }
}

/// `name` without any number of `suffix` at its end, as
/// `str::trim_end_matches` with a `&str` pattern, without its searcher's setup.
fn trim_suffixes<'n>(mut name: &'n str, suffix: &str) -> &'n str {
    while let Some(rest) = name.strip_suffix(suffix) {
        name = rest;
    }
    name
}

fn strip_article(name: &str) -> &str {
    for article in ["the ", "The ", "THE "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

/// The words of a mention's title or role ("spokesman" in "State
/// Department spokesman John Kirby").
fn role_words<'t>(text: &'t str, mention: &Mention) -> impl Iterator<Item = &'t str> {
    let before = Span::new(
        mention.span.start,
        mention.head.start.max(mention.span.start),
    );
    let after = Span::new(mention.head.end.min(mention.span.end), mention.span.end);
    [before, after]
        .into_iter()
        .flat_map(|s| s.text(text).split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() > 2)
}

/// A word as a key that ignores case: equal when the words are the same in
/// lowercase.
#[derive(Clone, Copy)]
struct Caseless<'t>(&'t str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        same_lowercase(self.0, other.0)
    }
}

impl Eq for Caseless<'_> {}

impl Hash for Caseless<'_> {
    /// Hashes the lowercase word, as [`same_lowercase`] compares it.
    fn hash<H: Hasher>(&self, state: &mut H) {
        if self.0.is_ascii() {
            for b in self.0.bytes() {
                state.write_u8(b.to_ascii_lowercase());
            }
        } else {
            for b in self.0.to_lowercase().bytes() {
                state.write_u8(b);
            }
        }
        state.write_u8(0xff);
    }
}

/// Whether the two words are the same in lowercase, allocating only for
/// words beyond ASCII.
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

fn is_initial_of(short: &str, long: &str) -> bool {
    let short = short.trim_end_matches('.');
    short.chars().count() == 1 && long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn name_words_are_split_on_whitespace() {
        for name in [
            "John Kirby",
            " John\tF.\u{b}Kirby's",
            "Kirby’s",
            "Zoë\u{a0}Dupont",
            "",
            "  ",
            "'s",
            "a\r\n b ",
        ] {
            let mut words = Vec::new();
            push_name_words(&mut words, name);
            let expected: Vec<_> = trim_suffixes(trim_suffixes(name, "'s"), "’s")
                .split_whitespace()
                .collect();
            assert_eq!(words, expected, "{name:?}");
        }
    }

    #[test]
    fn caseless_words_that_compare_equal_hash_equal() {
        let hash = |w: &str| rustc_hash::FxBuildHasher.hash_one(Caseless(w));
        let words = [
            "spokesman",
            "Spokesman",
            "SPOKESMAN",
            "Minister",
            "ministre",
            "MINISTRE",
            "Ministère",
            "MINISTÈRE",
            "k",
            "\u{212a}",
        ];
        for a in words {
            for b in words {
                let equal = Caseless(a) == Caseless(b);
                assert_eq!(equal, a.to_lowercase() == b.to_lowercase(), "{a} {b}");
                if equal {
                    assert_eq!(hash(a), hash(b), "{a} {b}");
                }
            }
        }
    }
}
