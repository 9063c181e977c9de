//! Names of the catalogue's values in the reader's language: the closed
//! vocabularies (kinds, delivery modes, organisation types, states, roles)
//! from the message catalogues, and topics, audiences, languages and
//! countries from the vocabulary catalogues, falling back to English.

use crate::domain::{
    CountryCode, Delivery, Kind, ProviderType, Role, Vocabulary, lifecycle::ListingState,
};
use crate::i18n;

/// The interface's name for a value of a closed vocabulary, in the
/// request's language (message `PREFIX-value`).
pub trait Localised {
    /// The message id prefix.
    const PREFIX: &'static str;
    /// The value as written in data.
    fn key(&self) -> &str;
    /// The name people see.
    fn local(&self) -> String {
        i18n::message(&format!("{}-{}", Self::PREFIX, self.key()), None)
    }
}

macro_rules! localised {
    ($($type:ty => $prefix:literal),+ $(,)?) => {$(
        impl Localised for $type {
            const PREFIX: &'static str = $prefix;
            fn key(&self) -> &str {
                self.as_str()
            }
        }
    )+};
}

localised! {
    Kind => "kind",
    Delivery => "delivery",
    ProviderType => "provider-type",
    ListingState => "state",
    Role => "role",
}

/// A topic's name in the reader's language: the name the Secretariat keeps
/// for that language, else the vocabulary file's, else the topic's own
/// (English) label.
pub fn topic_name(vocabulary: &Vocabulary, slug: &str) -> String {
    let Some(topic) = vocabulary.topic(slug) else {
        return slug.to_owned();
    };
    match topic.names.get(i18n::locale().tag()) {
        Some(kept) if !kept.is_empty() => kept.clone(),
        Some(_removed) => topic.label.clone(),
        None => {
            i18n::vocabulary_name(&format!("topic-{slug}")).unwrap_or_else(|| topic.label.clone())
        }
    }
}

/// An audience's name in the reader's language.
pub fn audience_name(vocabulary: &Vocabulary, slug: &str) -> String {
    i18n::vocabulary_name(&format!("audience-{slug}"))
        .or_else(|| vocabulary.audience(slug).map(|t| t.label.clone()))
        .unwrap_or_else(|| slug.to_owned())
}

/// A language's name in the reader's language, with its own name.
pub fn language_name(vocabulary: &Vocabulary, tag: &str) -> String {
    vocabulary.language_label_in(tag, |listed| {
        i18n::vocabulary_name(&format!("language-{listed}"))
    })
}

/// A language's name alone in the reader's language, for search results.
pub fn language_short_name(vocabulary: &Vocabulary, tag: &str) -> String {
    vocabulary.language_short_label_in(tag, |listed| {
        i18n::vocabulary_name(&format!("language-{listed}"))
    })
}

/// A country's name in the reader's language (the region's countries are
/// named in every interface language; others keep their English name).
pub fn country_name(country: CountryCode) -> String {
    i18n::vocabulary_name(&format!("country-{country}"))
        .unwrap_or_else(|| country.name().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named<T: Localised>(values: impl IntoIterator<Item = T>) {
        for value in values {
            let id = format!("{}-{}", T::PREFIX, value.key());
            for locale in i18n::Locale::ALL {
                assert_ne!(
                    i18n::message_in(locale, &id, None),
                    id,
                    "{id} in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn the_built_in_vocabulary_and_the_regions_countries_are_named_in_every_language() {
        let vocabulary = Vocabulary::builtin();
        let countries: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../fixtures/countries.json")).unwrap();
        let mut ids: Vec<String> = Vec::new();
        ids.extend(
            vocabulary
                .topics()
                .iter()
                .map(|t| format!("topic-{}", t.slug)),
        );
        ids.extend(
            vocabulary
                .audiences()
                .iter()
                .map(|t| format!("audience-{}", t.slug)),
        );
        ids.extend(
            vocabulary
                .languages()
                .map(|(tag, _)| format!("language-{tag}")),
        );
        ids.extend(
            countries
                .iter()
                .map(|c| format!("country-{}", c["code"].as_str().unwrap())),
        );
        // Kinds and delivery modes are named in the interface catalogues of
        // the interface languages, in the vocabulary file of the others.
        ids.extend(Kind::ALL.iter().map(|k| format!("kind-{}", k.as_str())));
        ids.extend(
            Delivery::ALL
                .iter()
                .map(|d| format!("delivery-{}", d.as_str())),
        );
        assert!(
            i18n::VOCABULARIES.len() >= 17,
            "English and 17 more languages"
        );
        for (tag, source) in i18n::VOCABULARIES {
            for id in &ids {
                assert!(i18n::vocabulary_name_in(tag, id).is_some(), "{id} in {tag}");
            }
            for line in source.lines().filter(|l| l.contains(" = ")) {
                let id = line.split(" = ").next().unwrap();
                assert!(ids.iter().any(|i| i == id), "{id} in {tag} names nothing");
            }
        }
        i18n::in_locale(i18n::Locale::Th, || {
            assert_eq!(topic_name(vocabulary, "cybercrime"), "อาชญากรรมไซเบอร์");
            assert_eq!(language_name(vocabulary, "km"), "เขมร (ខ្មែរ)");
            assert_eq!(language_name(vocabulary, "th"), "ไทย");
            assert_eq!(country_name(CountryCode::parse("KH").unwrap()), "กัมพูชา");
            // Beyond the region, the English name.
            assert_eq!(country_name(CountryCode::parse("DE").unwrap()), "Germany");
        });
        assert_eq!(topic_name(vocabulary, "cybercrime"), "Cybercrime");
    }

    #[test]
    fn every_value_of_the_closed_vocabularies_has_a_name_in_every_language() {
        named(Kind::ALL);
        named(Delivery::ALL);
        named(ProviderType::ALL);
        named(ListingState::ALL);
        named([Role::Contributor, Role::Secretariat]);
    }
}
