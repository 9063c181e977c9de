//! What the region offers and where the gaps are.

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::search_log::days_ago;
use crate::domain::SharedVocabulary;
use crate::i18n::{self, t};
use crate::search::{Facet, Suggester};
use crate::store::workflow::CONFIRMATION_INTERVAL;
use crate::store::{CoverageBy, CoverageCache, Store};
use crate::web::auth::SignedIn;
use crate::web::views::coverage::{Column, Coverage, DIMENSIONS};
use crate::web::views::{self, Labels};
use crate::web::{Error, Result};

/// Stale listings named on the page; the counts are of all.
const LISTED: i64 = 100;

#[derive(Debug, Deserialize)]
pub(super) struct Dimension {
    by: Option<String>,
}

impl Dimension {
    fn by(&self) -> Result<CoverageBy> {
        let Some(asked) = self.by.as_deref() else {
            return Ok(CoverageBy::Language);
        };
        DIMENSIONS
            .iter()
            .find(|(_, parameter, _)| *parameter == asked.trim())
            .map(|(by, _, _)| *by)
            .ok_or_else(|| {
                let choices: Vec<&str> = DIMENSIONS.iter().map(|(_, p, _)| *p).collect();
                Error::BadRequest(t!(
                    "coverage-bad-dimension",
                    value = asked,
                    choices = choices.join(", ")
                ))
            })
    }
}

pub(super) async fn coverage(
    user: SignedIn,
    State(store): State<Store>,
    State(suggester): State<Suggester>,
    State(vocabulary): State<SharedVocabulary>,
    State(cache): State<CoverageCache>,
    Query(dimension): Query<Dimension>,
) -> Result<Response> {
    user.require_secretariat()?;
    let by = dimension.by()?;
    let today = days_ago(0);
    let vocabulary = vocabulary.current();
    let labels = Labels::new((*suggester.provider_names()).clone(), vocabulary.clone());

    let figures = store.coverage_figures(&cache, by, &today, LISTED).await?;
    let mut totals: BTreeMap<String, i64> = BTreeMap::new();
    let mut cells = HashMap::new();
    for cell in &figures.cells {
        *totals.entry(cell.value.clone()).or_default() += cell.listings;
        cells.insert((cell.topic.clone(), cell.value.clone()), cell.listings);
    }
    // Values nobody offers are gaps too: every audience, and every
    // interface language (the region's officials read in them).
    match by {
        CoverageBy::Audience => {
            for audience in vocabulary.audiences() {
                totals.entry(audience.slug.clone()).or_default();
            }
        }
        CoverageBy::Language => {
            for locale in i18n::Locale::ALL {
                totals.entry(locale.tag().to_owned()).or_default();
            }
        }
        CoverageBy::ProviderCountry => {}
    }
    let providers_by_country = match by {
        CoverageBy::ProviderCountry => store.provider_countries().await?,
        _ => Vec::new(),
    };
    let mut columns: Vec<(i64, Column)> = totals
        .into_iter()
        .map(|(value, total)| {
            let (facet, label, filter) = match by {
                CoverageBy::Language => (
                    Facet::Language,
                    labels.value(Facet::Language, &value),
                    vec![value.clone()],
                ),
                CoverageBy::Audience => (
                    Facet::Audience,
                    labels.value(Facet::Audience, &value),
                    vec![value.clone()],
                ),
                // Searches know where training is given, not where its
                // provider is: the column's search names its providers.
                CoverageBy::ProviderCountry => (
                    Facet::Provider,
                    labels.value(Facet::Country, &value),
                    providers_by_country
                        .iter()
                        .filter(|(_, country)| *country == value)
                        .map(|(id, _)| id.clone())
                        .collect(),
                ),
            };
            (
                total,
                Column {
                    value,
                    label,
                    filter: (facet, filter),
                },
            )
        })
        .collect();
    columns.sort_by(|(a, x), (b, y)| b.cmp(a).then_with(|| x.label.cmp(&y.label)));

    let year_ago = OffsetDateTime::now_utc() - CONFIRMATION_INTERVAL;
    let coverage = Coverage {
        by,
        current: figures.current,
        topics: vocabulary
            .topics()
            .iter()
            .map(|topic| (topic.slug.clone(), labels.value(Facet::Topic, &topic.slug)))
            .collect(),
        columns: columns.into_iter().map(|(_, column)| column).collect(),
        cells,
        states: store.listings_by_state().await?,
        ended: figures.ended.clone(),
        unconfirmed: store.unconfirmed_listings(year_ago, LISTED).await?,
    };
    Ok(views::coverage::coverage_page(&user.viewer(), &coverage).into_response())
}
