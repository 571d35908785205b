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

use std::collections::HashMap;

use whosaid_core::{Gender, Mention, MentionKind, Span, SpeakerType};

use crate::claims::Draft;

/// The entities borrow their words from the article's text.
#[derive(Debug)]
struct Entity<'t> {
    /// The most complete name seen, as words.
    name: Vec<&'t str>,
    kind: MentionKind,
    gender: Gender,
    /// Role words from titles ("spokesman", "Secretary"), compared in
    /// lowercase.
    roles: Vec<&'t str>,
    /// Where the entity was last mentioned, for salience.
    last_seen: usize,
}

pub struct Registry<'t> {
    entities: Vec<Entity<'t>>,
    /// Entities by the last and by the first word of their name, so that
    /// linking a mention looks at a few candidates, not every entity.
    by_last: HashMap<(bool, &'t str), Vec<usize>>,
    by_first: HashMap<&'t str, Vec<usize>>,
    /// For each mention, its entity.
    entity_of: Vec<Option<usize>>,
}

/// A resolved speaker.
pub struct Speaker {
    pub canonical: Option<String>,
    pub kind: SpeakerType,
}

impl<'t> Registry<'t> {
    pub fn build(text: &'t str, mentions: &[Mention]) -> Registry<'t> {
        let mut registry = Registry {
            entities: Vec::new(),
            by_last: HashMap::new(),
            by_first: HashMap::new(),
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

    fn add_name(&mut self, text: &'t str, mention: &Mention) -> usize {
        let words = name_words(mention.head.text(text));
        let roles = role_words(text, mention);
        let Some(&last) = words.last() else {
            return self.push(words, MentionKind::Name, mention.gender, roles);
        };
        let same_last = self
            .by_last
            .get(&(false, last))
            .map_or(&[][..], Vec::as_slice);
        let found = if words.len() >= 2 {
            same_last.iter().rev().copied().find(|&e| {
                let name = &self.entities[e].name;
                name == &words
                    || name.len() == 1
                    || name[0] == words[0]
                    || is_initial_of(words[0], name[0])
            })
        } else {
            same_last
                .last()
                .copied()
                .or_else(|| self.by_first.get(&last).and_then(|v| v.last().copied()))
        };
        let Some(e) = found else {
            return self.push(words, MentionKind::Name, mention.gender, roles);
        };
        if words.len() > self.entities[e].name.len() {
            self.rename(e, words);
        }
        let entity = &mut self.entities[e];
        if entity.gender == Gender::Unknown {
            entity.gender = mention.gender;
        }
        entity.roles.extend(roles);
        e
    }

    fn add_organization(&mut self, text: &'t str, mention: &Mention) -> usize {
        let words = name_words(strip_article(mention.head.text(text)));
        let Some(&last) = words.last() else {
            return self.push(
                words,
                MentionKind::Organization,
                Gender::Unknown,
                Vec::new(),
            );
        };
        let same_last = self
            .by_last
            .get(&(true, last))
            .map_or(&[][..], Vec::as_slice);
        let found = same_last
            .iter()
            .rev()
            .copied()
            .find(|&e| self.entities[e].name.ends_with(&words));
        match found {
            Some(e) => {
                if words.len() > self.entities[e].name.len() {
                    self.rename(e, words);
                }
                e
            }
            None => self.push(
                words,
                MentionKind::Organization,
                Gender::Unknown,
                Vec::new(),
            ),
        }
    }

    fn push(
        &mut self,
        name: Vec<&'t str>,
        kind: MentionKind,
        gender: Gender,
        roles: Vec<&'t str>,
    ) -> usize {
        let e = self.entities.len();
        self.entities.push(Entity {
            name: Vec::new(),
            kind,
            gender,
            roles,
            last_seen: 0,
        });
        self.rename(e, name);
        e
    }

    /// Gives entity `e` a more complete name, and indexes it under it.
    fn rename(&mut self, e: usize, name: Vec<&'t str>) {
        let org = self.entities[e].kind == MentionKind::Organization;
        let index = |list: &mut Vec<usize>| {
            if let Err(at) = list.binary_search(&e) {
                list.insert(at, e);
            }
        };
        if let Some(&last) = name.last() {
            index(self.by_last.entry((org, last)).or_default());
        }
        if let (Some(&first), false) = (name.first(), org) {
            index(self.by_first.entry(first).or_default());
        }
        self.entities[e].name = name;
    }

    /// "the US spokesman" → of the people introduced as a spokesman, the
    /// one mentioned last.
    fn find_role(&self, text: &str, mention: &Mention) -> Option<usize> {
        let head = mention.head.text(text);
        (0..self.entities.len())
            .filter(|&e| {
                let entity = &self.entities[e];
                entity.kind == MentionKind::Name
                    && entity.roles.iter().any(|role| same_lowercase(role, head))
            })
            .max_by_key(|&e| self.entities[e].last_seen)
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
            .map(|e| self.entities[e].name.join(" "))
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

/// The words of a name, without a possessive ending.
fn name_words(name: &str) -> Vec<&str> {
    let name = trim_suffixes(trim_suffixes(name, "'s"), "’s");
    name.split_whitespace().collect()
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
fn role_words<'t>(text: &'t str, mention: &Mention) -> Vec<&'t str> {
    let before = Span::new(
        mention.span.start,
        mention.head.start.max(mention.span.start),
    );
    let after = Span::new(mention.head.end.min(mention.span.end), mention.span.end);
    [before, after]
        .iter()
        .flat_map(|s| s.text(text).split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() > 2)
        .collect()
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
