//! Pages as maud functions: handlers fetch the data and call a view.

pub mod about;
pub mod account;
pub mod activity;
pub mod admin;
pub mod api_page;
pub mod calendar;
pub mod chart;
pub mod components;
pub mod confirm;
pub mod coverage;
pub mod dashboard;
pub mod enquiry;
pub mod error;
pub mod history;
pub mod insight;
pub mod layout;
pub mod listing;
pub mod listing_editor;
pub mod review;
pub mod search;
pub mod upload;

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::{CountryCode, Delivery, Kind, Vocabulary};
use crate::i18n::{Localised, audience_name, country_name, language_name, t, topic_name};
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
