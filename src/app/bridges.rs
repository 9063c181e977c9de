//! The vocabulary's names in every language, handed to search so that a
//! query naming a topic, audience, kind, delivery mode or country in any of
//! them reaches the listings that carry it.

use crate::domain::{Delivery, Kind, Vocabulary};
use crate::i18n;
use crate::search::Facet;
use crate::search::bridge::VocabularyName;
use crate::search::lexicon::Lexicon;

/// Every name of every vocabulary value: English from the data, topics in
/// other languages as the Secretariat names them, the rest from the
/// vocabulary files (and interface catalogues, for kinds and delivery
/// modes), countries also in their own languages.
pub fn vocabulary_names(vocabulary: &Vocabulary) -> Vec<VocabularyName> {
    let mut names = Vec::new();
    let mut add = |facet: Facet, value: &str, lang: &str, name: String| {
        names.push(VocabularyName {
            facet,
            value: value.to_owned(),
            lang: lang.to_owned(),
            name,
        });
    };
    let mut ids: Vec<(Facet, String, String)> = Vec::new();
    // Topics by the names the Secretariat keeps; other values by the files.
    for topic in vocabulary.topics() {
        add(Facet::Topic, &topic.slug, "en", topic.label.clone());
        for (lang, name) in topic.names.iter().filter(|(_, n)| !n.is_empty()) {
            add(Facet::Topic, &topic.slug, lang, name.clone());
        }
    }
    for audience in vocabulary.audiences() {
        add(
            Facet::Audience,
            &audience.slug,
            "en",
            audience.label.clone(),
        );
        ids.push((
            Facet::Audience,
            audience.slug.clone(),
            format!("audience-{}", audience.slug),
        ));
    }
    for kind in Kind::ALL {
        ids.push((
            Facet::Kind,
            kind.as_str().to_owned(),
            format!("kind-{}", kind.as_str()),
        ));
    }
    for delivery in Delivery::ALL {
        ids.push((
            Facet::Delivery,
            delivery.as_str().to_owned(),
            format!("delivery-{}", delivery.as_str()),
        ));
    }
    for (code, own_names) in Lexicon::builtin().countries() {
        for name in own_names {
            add(Facet::Country, code, "mul", name.clone());
        }
        ids.push((Facet::Country, code.to_owned(), format!("country-{code}")));
    }
    let languages = std::iter::once("en").chain(i18n::VOCABULARIES.iter().map(|(tag, _)| *tag));
    for lang in languages {
        for (facet, value, id) in &ids {
            if let Some(name) = i18n::vocabulary_name_in(lang, id) {
                add(*facet, value, lang, name);
            }
        }
    }
    names
}

/// The built-in topics' names in every language of the vocabulary files,
/// `(slug, lang, name)`, to seed the names the Secretariat keeps.
pub fn builtin_topic_names() -> Vec<(String, String, String)> {
    let mut names = Vec::new();
    for topic in Vocabulary::builtin().topics() {
        for (lang, _) in i18n::VOCABULARIES {
            if let Some(name) = i18n::vocabulary_name_in(lang, &format!("topic-{}", topic.slug)) {
                names.push((topic.slug.clone(), (*lang).to_owned(), name));
            }
        }
    }
    names
}

/// The built-in vocabulary with its topics named as a new installation
/// names them: for searches over an index that has no database.
pub fn named_builtin_vocabulary() -> Vocabulary {
    let seeded = builtin_topic_names();
    let topics = Vocabulary::builtin()
        .topics()
        .iter()
        .map(|topic| {
            let mut topic = topic.clone();
            topic.names = seeded
                .iter()
                .filter(|(slug, _, _)| *slug == topic.slug)
                .map(|(_, lang, name)| (lang.clone(), name.clone()))
                .collect();
            topic
        })
        .collect();
    Vocabulary::builtin().with_topics(topics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_named_in_english_and_in_every_vocabulary_language() {
        let names = vocabulary_names(&named_builtin_vocabulary());
        let named = |lang: &str, name: &str| {
            names
                .iter()
                .any(|n| n.lang == lang && n.name == name && n.value == "trafficking-in-persons")
        };
        assert!(named("en", "Trafficking in persons"));
        assert!(named("th", "การค้ามนุษย์"));
        assert!(
            names
                .iter()
                .any(|n| n.facet == Facet::Kind && n.lang == "en")
        );
        assert!(
            names
                .iter()
                .any(|n| n.facet == Facet::Country && n.value == "TH" && n.lang == "th")
        );
    }
}
