//! The search page: the box, facet filters with counts, results and paging.

use maud::{Markup, html};

use super::Labels;
use super::components::{dir, highlighted, session_dates};
use super::layout::{Head, page_with};
use crate::search::{Facet, FacetCount, Hit, SearchResults, Sort};
use crate::web::auth::Viewer;
use crate::web::paths::{self, SearchQuery};

/// Facet values shown before the rest fold away under "More".
const SHOWN_VALUES: usize = 8;

fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "Best match",
        Sort::Start => "Next session",
        Sort::Updated => "Recently updated",
        Sort::Title => "Title",
    }
}

/// The search page.
pub fn search_page(
    viewer: &Viewer,
    query: &SearchQuery,
    results: &SearchResults,
    labels: &Labels,
) -> Markup {
    let title = if query.text.is_empty() {
        "Find training".to_owned()
    } else {
        format!("“{}”", query.text)
    };
    let head = Head {
        title: &title,
        skip_to: Some(("results", "Skip to the results")),
        ..Head::default()
    };
    page_with(
        viewer,
        &head,
        html! {
            h1.visually-hidden { "Find training" }
            (search_form(query))
            (active_filters(query, labels))
            div.search-layout {
                section.results #results tabindex="-1" aria-labelledby="results-heading" {
                    (results_header(query, results))
                    @if results.hits.is_empty() {
                        (no_results(query, results.did_you_mean.as_deref()))
                    } @else {
                        ol.hits start=((query.page - 1) * query.per_page + 1) {
                            @for hit in &results.hits { li { (hit_card(hit, labels)) } }
                        }
                        (pagination(query, results.total))
                    }
                }
                @if results.total > 0 || !query.filters.is_empty() {
                aside.facets aria-labelledby="filters-heading" {
                    h2 #filters-heading { "Narrow the results" }
                    @for (facet, counts) in &results.facets {
                        @if !counts.is_empty() { (facet_group(query, *facet, counts, labels)) }
                    }
                }
                }
            }
        },
    )
}

fn search_form(query: &SearchQuery) -> Markup {
    html! {
        form.search role="search" method="get" action=(paths::SEARCH) {
            label for="q" { "Search courses, workshops, e-learning and materials" }
            div.search-row {
                input #q type="search" name="q" value=(query.text) maxlength=(paths::MAX_QUERY_CHARS)
                    placeholder="e.g. document examination, victim identification";
                button type="submit" { "Search" }
            }
            // A new search keeps the filters and order already chosen.
            @for (facet, values) in &query.filters {
                @for value in values { input type="hidden" name=(facet.name()) value=(value); }
            }
            @if query.sort != Sort::Relevance {
                input type="hidden" name="sort" value=(query.sort.name());
            }
        }
    }
}

fn active_filters(query: &SearchQuery, labels: &Labels) -> Markup {
    html! {
        @if !query.filters.is_empty() {
            nav.active-filters aria-label="Filters in use" {
                ul {
                    @for (facet, values) in &query.filters {
                        @for value in values {
                            li {
                                a.chip href=(query.toggled(*facet, value).href()) {
                                    (Labels::facet(*facet)) ": " (labels.value(*facet, value))
                                    span.visually-hidden { " (remove this filter)" }
                                    span aria-hidden="true" { " ✕" }
                                }
                            }
                        }
                    }
                    li { a href=(query.unfiltered().href()) { "Clear all filters" } }
                }
            }
        }
    }
}

fn results_header(query: &SearchQuery, results: &SearchResults) -> Markup {
    let effective = match query.sort {
        Sort::Relevance if query.text.is_empty() => Sort::Updated,
        other => other,
    };
    html! {
        div.results-header {
            @if results.total > 0 || !query.filters.is_empty() {
                a.jump-to-filters href="#filters-heading" { "Filters" }
            }
            h2 #results-heading {
                @match results.total {
                    0 => { "No training found" }
                    1 => { "1 result" }
                    n => { (n) " results" }
                }
            }
            @if results.total > 1 {
            nav.sort aria-label="Sort results" {
                span { "Sort by:" }
                ul {
                    // With nothing typed there is no match to rank by: the
                    // search lists the newest first.
                    @for sort in Sort::ALL.into_iter().filter(|s| *s != Sort::Relevance || !query.text.is_empty()) {
                        li {
                            @if sort == effective {
                                a aria-current="true" href=(query.sorted(sort).href()) { (sort_label(sort)) }
                            } @else {
                                a href=(query.sorted(sort).href()) { (sort_label(sort)) }
                            }
                        }
                    }
                }
            }
            }
        }
    }
}

fn no_results(query: &SearchQuery, did_you_mean: Option<&str>) -> Markup {
    html! {
        div.empty {
            @if let Some(suggestion) = did_you_mean {
                p.did-you-mean {
                    "Did you mean "
                    a href=(SearchQuery { text: suggestion.to_owned(), ..query.at_page(1) }.href()) { strong { (suggestion) } }
                    "?"
                }
            }
            @if query.page > 1 {
                p { "There are no results on this page. " a href=(query.at_page(1).href()) { "Go to the first page" } "." }
            } @else {
                p { "Nothing matches this search." }
                ul {
                    li { "Check the spelling, or try fewer or more general words." }
                    @if !query.filters.is_empty() {
                        li { a href=(query.unfiltered().href()) { "Search again without filters" } }
                    }
                    li { a href=(paths::SEARCH) { "Browse the whole catalogue" } }
                }
            }
        }
    }
}

fn hit_card(hit: &Hit, labels: &Labels) -> Markup {
    let listing = &hit.listing;
    let vocabulary = labels.vocabulary();
    html! {
        article.hit lang=(hit.lang) dir=[dir(&hit.lang)] {
            h3 { a href=(paths::listing(listing.id.as_str())) { (highlighted(&hit.title)) } }
            p.meta lang="en" dir="ltr" {
                span.kind { (listing.kind.label()) }
                " · " (listing.provider.name)
                " · " (listing.delivery.label())
                @if let Some(location) = &listing.location { " · " (location.city) ", " (location.country.name()) }
                @if hit.translated {
                    br;
                    span.translated {
                        (vocabulary.language_label(hit.lang.as_str())) " translation; the listing is in "
                        (vocabulary.language_label(listing.lang.as_str()))
                    }
                }
            }
            p.summary { (highlighted(&hit.summary)) }
            dl.facts lang="en" dir="ltr" {
                div {
                    dt { "Next session" }
                    dd {
                        @match &hit.next_session {
                            Some(session) => (session_dates(session)),
                            None if !listing.kind.is_scheduled() => "Available any time",
                            None if listing.sessions.is_empty() => "On request",
                            None => "None scheduled",
                        }
                    }
                }
                div {
                    dt { "Languages" }
                    dd { @for (i, l) in listing.languages.iter().enumerate() { @if i > 0 { ", " } (vocabulary.language_label(l.as_str())) } }
                }
            }
            ul.topics lang="en" dir="ltr" aria-label="Topics" {
                @for topic in &listing.topics { li { (labels.value(Facet::Topic, topic.as_str())) } }
            }
        }
    }
}

fn facet_group(
    query: &SearchQuery,
    facet: Facet,
    counts: &[FacetCount],
    labels: &Labels,
) -> Markup {
    let heading_id = format!("facet-{}", facet.name());
    let (shown, folded) = counts.split_at(counts.len().min(SHOWN_VALUES));
    html! {
        section.facet aria-labelledby=(heading_id) {
            h3 #(heading_id) { (Labels::facet(facet)) }
            ul { @for count in shown { (facet_value(query, facet, count, labels)) } }
            @if !folded.is_empty() {
                details {
                    summary { "More (" (folded.len()) ")" }
                    ul { @for count in folded { (facet_value(query, facet, count, labels)) } }
                }
            }
        }
    }
}

fn facet_value(query: &SearchQuery, facet: Facet, count: &FacetCount, labels: &Labels) -> Markup {
    let label = labels.value(facet, &count.value);
    html! {
        li {
            @if count.selected {
                a.selected href=(query.toggled(facet, &count.value).href()) aria-current="true" {
                    span.check aria-hidden="true" { "✓" }
                    span.label { (label) }
                    span.visually-hidden { " (selected; select to remove)" }
                    span.count { (count.count) }
                }
            } @else {
                a href=(query.toggled(facet, &count.value).href()) {
                    span.check aria-hidden="true" {}
                    span.label { (label) }
                    span.count { (count.count) span.visually-hidden { " results" } }
                }
            }
        }
    }
}

fn pagination(query: &SearchQuery, total: usize) -> Markup {
    let last = total
        .div_ceil(query.per_page)
        .clamp(1, paths::MAX_RESULT_WINDOW / query.per_page);
    let current = query.page;
    let window: Vec<usize> = (1..=last)
        .filter(|&p| p == 1 || p == last || p.abs_diff(current) <= 2)
        .collect();
    html! {
        @if last > 1 {
            nav.pagination aria-label="Pages of results" {
                ul {
                    @if current > 1 {
                        li { a rel="prev" href=(query.at_page(current - 1).href()) { "← Previous" } }
                    }
                    @for (i, p) in window.iter().enumerate() {
                        @if i > 0 && window[i - 1] + 1 != *p { li.gap aria-hidden="true" { "…" } }
                        li {
                            @if *p == current {
                                a aria-current="page" href=(query.at_page(*p).href()) { span.visually-hidden { "Page " } (p) }
                            } @else {
                                a href=(query.at_page(*p).href()) { span.visually-hidden { "Page " } (p) }
                            }
                        }
                    }
                    @if current < last {
                        li { a rel="next" href=(query.at_page(current + 1).href()) { "Next →" } }
                    }
                }
            }
        }
    }
}
