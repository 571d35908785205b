//! The embedded sample: short news stories invented for whosaid
//! (`data/sample/`, described in its README), compiled into the binary so
//! that `whosaid` with no input shows what it does.

use std::sync::Arc;

use whosaid::input::{Article, InputError};

macro_rules! story {
    ($name:literal) => {
        (
            concat!("data/sample/", $name),
            include_str!(concat!("../../../data/sample/", $name)),
        )
    };
}

/// The stories, each named by its path in the repository, so that
/// `whosaid data/sample` gives the same output as `whosaid`.
const STORIES: [(&str, &str); 6] = [
    story!("01-harbor-strike.txt"),
    story!("02-rural-clinic.txt"),
    story!("03-mayoral-race.txt"),
    story!("04-wool-ban.txt"),
    story!("05-museum-opening.txt"),
    story!("06-valley-floods.txt"),
];

pub fn articles() -> impl Iterator<Item = Result<Article, InputError>> + Send {
    let source: Arc<str> = "the embedded sample".into();
    STORIES.iter().map(move |&(id, text)| {
        Ok(Article {
            id: id.to_string(),
            text: text.to_string(),
            source: source.clone(),
            line: None,
        })
    })
}
