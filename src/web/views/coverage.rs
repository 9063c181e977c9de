//! What the region offers and where the gaps are, for the Secretariat:
//! topics crossed with languages, providers' countries or audiences as a
//! heat map (a table whose cells are shaded by how many listings they
//! hold, so the numbers are there for every reader), listings by state,
//! and the listings that are no longer current.

use std::collections::HashMap;

use maud::{Markup, html};

use super::chart::{Bar, bar_chart};
use super::layout::page;
use crate::domain::lifecycle::ListingState;
use crate::i18n::{Localised, number, t};
use crate::search::Facet;
use crate::store::{CoverageBy, StaleListing};
use crate::web::auth::Viewer;
use crate::web::paths;
use crate::web::search_query::{MAX_FACET_VALUES, SearchQuery};

/// A column of the heat map: a value of the other dimension.
#[derive(Debug, Clone)]
pub struct Column {
    /// The language tag, country code or audience slug.
    pub value: String,
    /// Its name for the reader.
    pub label: String,
    /// The search filter that finds its listings (for a provider country,
    /// the providers of that country).
    pub filter: (Facet, Vec<String>),
}

/// Everything the page shows.
#[derive(Debug)]
pub struct Coverage {
    /// What topics are crossed with.
    pub by: CoverageBy,
    /// Current published listings in all.
    pub current: i64,
    /// Topics, as (slug, name), in the vocabulary's order.
    pub topics: Vec<(String, String)>,
    /// Columns, most listings first.
    pub columns: Vec<Column>,
    /// Listings per (topic, value).
    pub cells: HashMap<(String, String), i64>,
    /// Listings in each state.
    pub states: Vec<(ListingState, i64)>,
    /// Listings whose sessions are all over: how many, and the first few.
    pub ended: (i64, Vec<StaleListing>),
    /// Listings unconfirmed for a year: how many, and the first few.
    pub unconfirmed: (i64, Vec<StaleListing>),
}

/// The dimensions offered, with their address parameter and name.
pub const DIMENSIONS: [(CoverageBy, &str, &str); 3] = [
    (CoverageBy::Language, "language", "coverage-by-language"),
    (
        CoverageBy::ProviderCountry,
        "country",
        "coverage-by-country",
    ),
    (CoverageBy::Audience, "audience", "coverage-by-audience"),
];

/// The shade of a cell: none (the map's own, unnamed), one, a few, some,
/// many.
fn shade(listings: i64) -> &'static str {
    match listings {
        0 => "heat-0",
        1 => "heat-1",
        2..=4 => "heat-2",
        5..=9 => "heat-3",
        _ => "heat-4",
    }
}

/// The search for one cell: the topic and the column's filter.
fn cell_search(topic: &str, column: &Column) -> String {
    let (facet, values) = &column.filter;
    let mut query = SearchQuery::default();
    query.filters.insert(Facet::Topic, vec![topic.to_owned()]);
    if values.len() <= MAX_FACET_VALUES {
        query.filters.insert(*facet, values.clone());
    }
    query.href()
}

/// The page.
pub fn coverage_page(viewer: &Viewer, coverage: &Coverage) -> Markup {
    let by_name = DIMENSIONS
        .iter()
        .find(|(by, _, _)| *by == coverage.by)
        .map_or("coverage-by-language", |(_, _, name)| *name);
    page(
        viewer,
        &t!("coverage-title"),
        html! {
            h1 { (t!("coverage-title")) }
            p { (t!("coverage-explained", by = t!(by_name), current = number(coverage.current))) }
            nav aria-label=(t!("coverage-by")) {
                ul.periods {
                    li { (t!("coverage-by")) }
                    @for (by, parameter, name) in DIMENSIONS {
                        li {
                            @if by == coverage.by {
                                strong aria-current="page" { (t!(name)) }
                            } @else {
                                a href=(format!("{}?by={parameter}", paths::COVERAGE)) { (t!(name)) }
                            }
                        }
                    }
                }
            }
            p.heat-key {
                (t!("coverage-key")) " "
                span.heat-0 { (t!("coverage-none")) } " "
                span.heat-1 { "1" } " "
                span.heat-2 { "2–4" } " "
                span.heat-3 { "5–9" } " "
                span.heat-4 { (t!("coverage-many")) }
            }
            div.table-scroll {
                table.heat-map {
                    caption.visually-hidden { (t!("coverage-title")) }
                    thead { tr {
                        th scope="col" { (t!("facet-topic")) }
                        @for column in &coverage.columns {
                            th scope="col" { (column.label) }
                        }
                    } }
                    tbody {
                        @for (slug, name) in &coverage.topics {
                            tr {
                                th scope="row" { (name) }
                                @for column in &coverage.columns {
                                    @let listings = coverage.cells.get(&(slug.clone(), column.value.clone())).copied().unwrap_or(0);
                                    // An empty cell's search would find nothing: it is
                                    // not linked, and takes the map's own shade (see
                                    // forms.css), which keeps a map of hundreds of
                                    // cells within the site's page weight.
                                    @if listings == 0 { td { "0" } }
                                    @else {
                                        td class=(shade(listings)) {
                                            a href=(cell_search(slug, column)) { (number(listings)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            h2 id="states" { (t!("coverage-states")) }
            (bar_chart(
                &t!("coverage-states"),
                "states-table",
                &coverage.states.iter().map(|(state, listings)| Bar {
                    label: state.local(),
                    total: *listings,
                    part: 0,
                }).collect::<Vec<_>>(),
                &t!("coverage-listings"),
                "",
            ))
            div.table-scroll {
                table id="states-table" {
                    thead { tr {
                        th scope="col" { (t!("coverage-state")) }
                        th scope="col" { (t!("coverage-listings")) }
                    } }
                    tbody {
                        @for (state, listings) in &coverage.states {
                            tr { th scope="row" { (state.local()) } td { (number(*listings)) } }
                        }
                    }
                }
            }

            h2 id="ended" { (t!("coverage-ended")) }
            p { (t!("coverage-ended-explained", count = number(coverage.ended.0))) }
            (stale_table(&coverage.ended, &t!("coverage-last-session")))

            h2 id="unconfirmed" { (t!("coverage-unconfirmed")) }
            p { (t!("coverage-unconfirmed-explained", count = number(coverage.unconfirmed.0))) }
            (stale_table(&coverage.unconfirmed, &t!("coverage-last-confirmed")))
        },
    )
}

fn stale_table((count, listings): &(i64, Vec<StaleListing>), since: &str) -> Markup {
    html! {
        @if !listings.is_empty() {
            div.table-scroll {
                table {
                    thead { tr {
                        th scope="col" { (t!("coverage-listing")) }
                        th scope="col" { (t!("facet-provider")) }
                        th scope="col" { (since) }
                    } }
                    tbody {
                        @for listing in listings {
                            tr {
                                th scope="row" { a href=(paths::listing(&listing.id)) { (listing.title) } }
                                td { (listing.provider) }
                                td { (listing.since) }
                            }
                        }
                    }
                }
            }
            @if i64::try_from(listings.len()).unwrap_or(0) < *count {
                p { (t!("coverage-more", shown = listings.len())) }
            }
        }
    }
}
