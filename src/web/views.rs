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
            Facet::Topic => vocabulary.topic(value).map(|t| t.label.clone()),
            Facet::Audience => vocabulary.audience(value).map(|t| t.label.clone()),
            Facet::Language => Some(vocabulary.language_label(value)),
            Facet::Provider => self.providers.get(value).cloned(),
            Facet::Kind => Kind::ALL
                .into_iter()
                .find(|k| k.as_str() == value)
                .map(|k| k.local()),
            Facet::Delivery => Delivery::ALL
                .into_iter()
                .find(|d| d.as_str() == value)
                .map(|d| d.local()),
            Facet::Country => CountryCode::parse(value).ok().map(|c| c.name().to_owned()),
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
    fn every_value_of_the_closed_vocabularies_has_a_name_in_every_language() {
        named(Kind::ALL);
        named(Delivery::ALL);
        named(ProviderType::ALL);
        named(ListingState::ALL);
        named([Role::Contributor, Role::Secretariat]);
    }
}
