//! Controlled vocabularies: topics, audiences and the names of languages.
//!
//! They are data, not code: the built-in set is read from `fixtures/` (compiled
//! into the binary so that the service needs no files at run time). Topics
//! are then curated by the Secretariat: an installation keeps its own in the
//! database and shares the current set through [`SharedVocabulary`].

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock, RwLock};

use serde::{Deserialize, Serialize};

// Whether a slug is in the vocabulary is checked by [`Vocabulary`].
kebab_type!(
    /// A topic from `fixtures/topics.json`, such as `border-management`.
    TopicSlug,
    2..=60,
    "\"{value}\" is not a topic slug (lower-case letters, digits and hyphens)"
);
kebab_type!(
    /// An audience from `fixtures/audiences.json`, such as `immigration-officers`.
    AudienceSlug,
    2..=60,
    "\"{value}\" is not an audience slug (lower-case letters, digits and hyphens)"
);

/// One entry of a vocabulary: a slug with its English label and description.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The stable identifier used in listings and URLs.
    pub slug: String,
    /// The label shown to people.
    pub label: String,
    /// A sentence saying what belongs under the term.
    pub description: String,
    /// Its names in other languages, by language tag, as the Secretariat
    /// keeps them (topics only). An empty name is one the Secretariat
    /// removed: the label is shown in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageName {
    tag: String,
    english: String,
    native: String,
}

/// The vocabularies a listing is checked against and labelled with.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    topics: Vec<Term>,
    audiences: Vec<Term>,
    languages: BTreeMap<String, LanguageName>,
}

static BUILTIN: LazyLock<Vocabulary> = LazyLock::new(|| {
    Vocabulary::from_json(
        include_str!("../../fixtures/topics.json"),
        include_str!("../../fixtures/audiences.json"),
        include_str!("../../fixtures/languages.json"),
    )
    .expect("the vocabularies in fixtures/ are valid (checked by a unit test)")
});

impl Vocabulary {
    /// The vocabularies shipped in `fixtures/`.
    pub fn builtin() -> &'static Vocabulary {
        &BUILTIN
    }

    /// Reads vocabularies from their JSON files' contents.
    pub fn from_json(topics: &str, audiences: &str, languages: &str) -> serde_json::Result<Self> {
        let languages: Vec<LanguageName> = serde_json::from_str(languages)?;
        Ok(Self {
            topics: serde_json::from_str(topics)?,
            audiences: serde_json::from_str(audiences)?,
            languages: languages.into_iter().map(|l| (l.tag.clone(), l)).collect(),
        })
    }

    /// The same vocabularies with these topics instead.
    pub fn with_topics(&self, topics: Vec<Term>) -> Vocabulary {
        Vocabulary {
            topics,
            ..self.clone()
        }
    }

    /// All topics, in their curated order.
    pub fn topics(&self) -> &[Term] {
        &self.topics
    }

    /// All audiences, in their curated order.
    pub fn audiences(&self) -> &[Term] {
        &self.audiences
    }

    /// The topic with this slug, if it is in the vocabulary.
    pub fn topic(&self, slug: &str) -> Option<&Term> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    /// The audience with this slug, if it is in the vocabulary.
    pub fn audience(&self, slug: &str) -> Option<&Term> {
        self.audiences.iter().find(|t| t.slug == slug)
    }

    /// Every listed language's tag and name for people, by tag.
    pub fn languages(&self) -> impl Iterator<Item = (&str, String)> + '_ {
        self.languages
            .keys()
            .map(|tag| (tag.as_str(), self.language_label(tag)))
    }

    /// A language's name for people: its English name and its own name
    /// (`Thai (ไทย)`), or the tag itself when the language is not listed.
    pub fn language_label(&self, tag: &str) -> String {
        self.language_label_in(tag, |_| None)
    }

    /// A language's name for people: `name` gives it for the listed tag
    /// (the English name when it gives none), followed by the language's
    /// own name unless the first already says it (`ภาษาไทย`, not
    /// `ภาษาไทย (ไทย)`).
    pub fn language_label_in(&self, tag: &str, name: impl Fn(&str) -> Option<String>) -> String {
        let Some(language) = self.language(tag) else {
            return tag.to_owned();
        };
        let first = name(&language.tag).unwrap_or_else(|| language.english.clone());
        if first.contains(&language.native) || language.native.contains(&first) {
            first
        } else {
            format!("{first} ({})", language.native)
        }
    }

    /// A language's name alone, for lists where space is short: what
    /// `name` gives for the listed tag, else its English name, else the tag.
    pub fn language_short_label_in(
        &self,
        tag: &str,
        name: impl Fn(&str) -> Option<String>,
    ) -> String {
        self.language(tag).map_or_else(
            || tag.to_owned(),
            |language| name(&language.tag).unwrap_or_else(|| language.english.clone()),
        )
    }

    /// The listed language for a tag, or for its primary language.
    fn language(&self, tag: &str) -> Option<&LanguageName> {
        let primary = tag.split('-').next().unwrap_or(tag);
        self.languages
            .get(tag)
            .or_else(|| self.languages.get(primary))
    }
}

/// The vocabulary in force, shared by everything serving one catalogue and
/// replaced whole when the Secretariat edits topics.
#[derive(Debug, Clone)]
pub struct SharedVocabulary(Arc<RwLock<Arc<Vocabulary>>>);

impl SharedVocabulary {
    /// Shares `vocabulary`.
    pub fn new(vocabulary: Vocabulary) -> Self {
        SharedVocabulary(Arc::new(RwLock::new(Arc::new(vocabulary))))
    }

    /// The built-in vocabulary, shared.
    pub fn builtin() -> Self {
        SharedVocabulary::new(Vocabulary::builtin().clone())
    }

    /// The vocabulary now; it does not change under the caller.
    pub fn current(&self) -> Arc<Vocabulary> {
        // A panic while holding the lock cannot leave a half-written
        // vocabulary (it is replaced whole), so a poisoned lock is usable.
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Puts `vocabulary` in force.
    pub fn replace(&self, vocabulary: Vocabulary) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(vocabulary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_vocabularies_load_and_have_unique_well_formed_slugs() {
        let vocabulary = Vocabulary::from_json(
            include_str!("../../fixtures/topics.json"),
            include_str!("../../fixtures/audiences.json"),
            include_str!("../../fixtures/languages.json"),
        )
        .unwrap();
        assert_eq!(vocabulary.topics().len(), 25);
        assert_eq!(vocabulary.audiences().len(), 10);
        for list in [vocabulary.topics(), vocabulary.audiences()] {
            let mut slugs: Vec<_> = list.iter().map(|t| t.slug.as_str()).collect();
            assert!(slugs.iter().all(|s| TopicSlug::parse(s).is_ok()));
            slugs.sort_unstable();
            slugs.dedup();
            assert_eq!(slugs.len(), list.len(), "duplicate slug");
        }
    }

    #[test]
    fn languages_are_labelled_in_english_and_in_their_own_script() {
        let vocabulary = Vocabulary::builtin();
        assert_eq!(vocabulary.language_label("th"), "Thai (ไทย)");
        assert_eq!(vocabulary.language_label("en"), "English");
        assert_eq!(vocabulary.language_label("zh-Hant"), "Chinese (中文)");
        assert_eq!(vocabulary.language_label("xx"), "xx");
        let in_thai = |tag: &str| (tag == "th").then(|| "ภาษาไทย".to_owned());
        assert_eq!(vocabulary.language_label_in("th", in_thai), "ภาษาไทย");
        let in_indonesian = |tag: &str| (tag == "id").then(|| "Indonesia".to_owned());
        assert_eq!(
            vocabulary.language_label_in("id", in_indonesian),
            "Indonesia"
        );
        assert_eq!(
            vocabulary.language_label_in("km", |_| Some("Khmer".to_owned())),
            "Khmer (ខ្មែរ)"
        );
    }
}
