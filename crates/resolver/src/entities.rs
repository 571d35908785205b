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

use whosaid_core::{Gender, Mention, MentionKind, Span, SpeakerType};

use crate::claims::Draft;

#[derive(Debug)]
struct Entity {
    /// The most complete name seen, as words.
    name: Vec<String>,
    kind: MentionKind,
    gender: Gender,
    /// Lowercase role words from titles ("spokesman", "secretary").
    roles: Vec<String>,
    /// Where the entity was last mentioned, for salience.
    last_seen: usize,
}

pub struct Registry {
    entities: Vec<Entity>,
    /// For each mention, its entity.
    entity_of: Vec<Option<usize>>,
}

/// A resolved speaker.
pub struct Speaker {
    pub canonical: Option<String>,
    pub kind: SpeakerType,
}

impl Registry {
    pub fn build(text: &str, mentions: &[Mention]) -> Registry {
        let mut registry = Registry {
            entities: Vec::new(),
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

    fn add_name(&mut self, text: &str, mention: &Mention) -> usize {
        let words = name_words(mention.head.text(text));
        let roles = role_words(text, mention);
        let found = if words.len() >= 2 {
            let last = words.last();
            self.entities.iter().rposition(|e| {
                e.kind == MentionKind::Name
                    && (e.name == words
                        || (e.name.last() == last
                            && (e.name.len() == 1
                                || e.name[0] == words[0]
                                || is_initial_of(&words[0], &e.name[0]))))
            })
        } else {
            let word = words.first();
            self.entities
                .iter()
                .rposition(|e| e.kind == MentionKind::Name && e.name.last() == word)
                .or_else(|| {
                    self.entities
                        .iter()
                        .rposition(|e| e.kind == MentionKind::Name && e.name.first() == word)
                })
        };
        match found {
            Some(e) => {
                let entity = &mut self.entities[e];
                if words.len() > entity.name.len() {
                    entity.name = words;
                }
                if entity.gender == Gender::Unknown {
                    entity.gender = mention.gender;
                }
                entity.roles.extend(roles);
                e
            }
            None => {
                self.entities.push(Entity {
                    name: words,
                    kind: MentionKind::Name,
                    gender: mention.gender,
                    roles,
                    last_seen: 0,
                });
                self.entities.len() - 1
            }
        }
    }

    fn add_organization(&mut self, text: &str, mention: &Mention) -> usize {
        let words = name_words(strip_article(mention.head.text(text)));
        let found = self.entities.iter().rposition(|e| {
            e.kind == MentionKind::Organization
                && (e.name == words || (words.len() < e.name.len() && e.name.ends_with(&words)))
        });
        match found {
            Some(e) => {
                if words.len() > self.entities[e].name.len() {
                    self.entities[e].name = words;
                }
                e
            }
            None => {
                self.entities.push(Entity {
                    name: words,
                    kind: MentionKind::Organization,
                    gender: Gender::Unknown,
                    roles: Vec::new(),
                    last_seen: 0,
                });
                self.entities.len() - 1
            }
        }
    }

    /// "the US spokesman" → of the people introduced as a spokesman, the
    /// one mentioned last.
    fn find_role(&self, text: &str, mention: &Mention) -> Option<usize> {
        let head = mention.head.text(text).to_lowercase();
        (0..self.entities.len())
            .filter(|&e| {
                self.entities[e].kind == MentionKind::Name && self.entities[e].roles.contains(&head)
            })
            .max_by_key(|&e| self.entities[e].last_seen)
    }

    /// The speaker of an attribution whose source is mention `m`.
    pub fn speaker(&self, text: &str, mentions: &[Mention], drafts: &[Draft], d: usize) -> Speaker {
        let Some(m) = drafts[d].source else {
            return Speaker {
                canonical: None,
                kind: SpeakerType::Unknown,
            };
        };
        let mention = &mentions[m];
        let entity = match mention.kind {
            MentionKind::Pronoun => self.resolve_pronoun(text, mentions, drafts, d, mention),
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
        text: &str,
        mentions: &[Mention],
        drafts: &[Draft],
        d: usize,
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
        // The previous attribution's speaker, if it came shortly before.
        let at = pronoun.span.start;
        let previous = drafts
            .iter()
            .filter(|other| {
                other
                    .source
                    .is_some_and(|s| mentions[s].span.end <= at && at - mentions[s].span.end < 600)
            })
            .filter_map(|other| other.source)
            .filter(|&s| mentions[s].kind != MentionKind::Pronoun)
            .max_by_key(|&s| mentions[s].span.start)
            .and_then(|s| self.entity_of[s]);
        let _ = (text, d);
        if let Some(e) = previous.filter(|&e| fits(e)) {
            return Some(e);
        }
        let before = mentions.partition_point(|m| m.span.start < at);
        (0..before)
            .rev()
            .filter_map(|i| self.entity_of[i])
            .find(|&e| fits(e))
    }
}

fn pronoun_type(mention: &Mention) -> SpeakerType {
    match (mention.gender, mention.plural) {
        (_, true) => SpeakerType::Group,
        (Gender::Male | Gender::Female, false) => SpeakerType::Person,
        (Gender::Unknown, false) => SpeakerType::Organization,
    }
}

/// The words of a name, without a possessive ending.
fn name_words(name: &str) -> Vec<String> {
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    name.split_whitespace().map(str::to_string).collect()
}

fn strip_article(name: &str) -> &str {
    for article in ["the ", "The ", "THE "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

/// The lowercase words of a mention's title or role ("spokesman" in "State
/// Department spokesman John Kirby").
fn role_words(text: &str, mention: &Mention) -> Vec<String> {
    let before = Span::new(
        mention.span.start,
        mention.head.start.max(mention.span.start),
    );
    let after = Span::new(mention.head.end.min(mention.span.end), mention.span.end);
    [before, after]
        .iter()
        .flat_map(|s| s.text(text).split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn is_initial_of(short: &str, long: &str) -> bool {
    let short = short.trim_end_matches('.');
    short.chars().count() == 1 && long.starts_with(short)
}
