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

use crate::domain::{CountryCode, Delivery, Kind, Vocabulary};
use crate::search::Facet;

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
                .map(|k| k.label().to_owned()),
            Facet::Delivery => Delivery::ALL
                .into_iter()
                .find(|d| d.as_str() == value)
                .map(|d| d.label().to_owned()),
            Facet::Country => CountryCode::parse(value).ok().map(|c| c.name().to_owned()),
        };
        found.unwrap_or_else(|| value.to_owned())
    }

    /// The heading of a facet.
    pub fn facet(facet: Facet) -> &'static str {
        match facet {
            Facet::Topic => "Topic",
            Facet::Language => "Language",
            Facet::Provider => "Provider",
            Facet::Kind => "Kind",
            Facet::Delivery => "Delivery",
            Facet::Country => "Country",
            Facet::Audience => "Audience",
        }
    }
}
