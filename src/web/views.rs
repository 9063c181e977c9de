//! Pages as maud functions: handlers fetch the data and call a view.

pub mod account;
pub mod admin;
pub mod components;
pub mod dashboard;
pub mod enquiry;
pub mod error;
pub mod layout;
pub mod listing;
pub mod review;
pub mod search;

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::{
    CountryCode, Delivery, Kind, ProviderType, Role, Vocabulary, lifecycle::ListingState,
};
use crate::search::Facet;
use crate::web::i18n::{self, t};

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

/// A topic's name in the reader's language: the vocabulary's own (English)
/// label unless the language names it.
pub fn topic_name(vocabulary: &Vocabulary, slug: &str) -> String {
    i18n::vocabulary_name(&format!("topic-{slug}"))
        .or_else(|| vocabulary.topic(slug).map(|t| t.label.clone()))
        .unwrap_or_else(|| slug.to_owned())
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

/// Names for the values the views show: vocabularies are built in; provider
/// names come from the store.
#[derive(Debug)]
pub struct Labels {
    providers: HashMap<String, String>,
    vocabulary: Arc<Vocabulary>,
}

impl Labels {
    /// Labels with these provider names, keyed by provider id, and this
    /// vocabulary.
    pub fn new(providers: HashMap<String, String>, vocabulary: Arc<Vocabulary>) -> Self {
        Labels {
            providers,
            vocabulary,
        }
    }

    /// The vocabulary labels come from.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The name people see for a facet value.
    pub fn value(&self, facet: Facet, value: &str) -> String {
        let vocabulary = &self.vocabulary;
        let found = match facet {
            Facet::Topic => Some(topic_name(vocabulary, value)),
            Facet::Audience => Some(audience_name(vocabulary, value)),
            Facet::Language => Some(language_name(vocabulary, value)),
            Facet::Provider => self.providers.get(value).cloned(),
            Facet::Kind => Kind::ALL
                .into_iter()
                .find(|k| k.as_str() == value)
                .map(|k| k.local()),
            Facet::Delivery => Delivery::ALL
                .into_iter()
                .find(|d| d.as_str() == value)
                .map(|d| d.local()),
            Facet::Country => CountryCode::parse(value).ok().map(country_name),
        };
        found.unwrap_or_else(|| value.to_owned())
    }

    /// The heading of a facet.
    pub fn facet(facet: Facet) -> String {
        match facet {
            Facet::Topic => t!("facet-topic"),
            Facet::Language => t!("facet-language"),
            Facet::Provider => t!("facet-provider"),
            Facet::Kind => t!("facet-kind"),
            Facet::Delivery => t!("facet-delivery"),
            Facet::Country => t!("facet-country"),
            Facet::Audience => t!("facet-audience"),
        }
    }
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
        for locale in [i18n::Locale::Id, i18n::Locale::Th] {
            i18n::in_locale(locale, || {
                for id in &ids {
                    assert!(i18n::vocabulary_name(id).is_some(), "{id} in {locale:?}");
                }
                let source = locale.vocabulary().unwrap();
                for line in source.lines().filter(|l| l.contains(" = ")) {
                    let id = line.split(" = ").next().unwrap();
                    assert!(ids.iter().any(|i| i == id), "{id} names nothing");
                }
            });
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
