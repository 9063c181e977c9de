//! The search page: the box, facet filters with counts, results and paging.

use maud::{Markup, html};

use super::Labels;
use super::components::{dir, highlighted, session_dates};
use super::layout::{Head, page_with};
use crate::i18n::{Localised, number, t};
use crate::search::{Facet, FacetCount, Hit, MatchedVia, SearchResults, Sort};
use crate::web::assets;
use crate::web::auth::Viewer;
use crate::web::paths;
use crate::web::search_query::{
    self, MAX_FACET_VALUES, MAX_QUERY_CHARS, MAX_RESULT_WINDOW, QueryProblem, SearchQuery,
};

/// Facet values shown before the rest fold away under "More".
const SHOWN_VALUES: usize = 8;
/// Values of a filter behind its "more" disclosure; the rest are on the
/// filter's own page, so a catalogue of 300 providers keeps the results page
/// light on a phone.
const FOLDED_VALUES: usize = 8;

fn sort_label(sort: Sort) -> String {
    match sort {
        Sort::Relevance => t!("sort-relevance"),
        Sort::Start => t!("sort-start"),
        Sort::Updated => t!("sort-updated"),
        Sort::Title => t!("sort-title"),
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
        t!("search-title")
    } else {
        t!("search-title-query", query = query.text.as_str())
    };
    let skip = t!("skip-to-results");
    let head = Head {
        title: &title,
        skip_to: Some(("results", &skip)),
        script: Some(assets::suggest_script_href()),
        without_forms: true,
        feed: Some((t!("feed-follow"), query.href_on(paths::SEARCH_FEED))),
        ..Head::default()
    };
    page_with(
        viewer,
        &head,
        html! {
            h1.visually-hidden { (t!("search-title")) }
            (search_form(query))
            (active_filters(query, labels))
            div.search-layout {
                section.results #results tabindex="-1" aria-labelledby="results-heading" {
                    (results_header(query, results))
                    @if results.hits.is_empty() {
                        (no_results(query, results.did_you_mean.as_deref()))
                    } @else {
                        (reached_through_bridges(query, results, labels))
                        ol.hits start=((query.page - 1) * query.per_page + 1) {
                            @for hit in &results.hits { li { (hit_card(hit, labels)) } }
                        }
                        (pagination(query, results.total))
                        (take_along(query))
                    }
                }
                @if results.total > 0 || !query.filters.is_empty() {
                aside.facets aria-labelledby="filters-heading" {
                    h2 #filters-heading { (t!("facets-heading")) }
                    p.visually-hidden { (t!("facets-explained")) }
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
        // The data attributes give the optional suggestion script its words.
        form.search role="search" method="get" action=(paths::SEARCH)
            data-suggest-label=(t!("suggest-label"))
            data-suggest-one=(t!("suggest-one"))
            data-suggest-many=(t!("suggest-many", count = "{n}"))
            data-suggest-kind-topic=(t!("facet-topic"))
            data-suggest-kind-audience=(t!("facet-audience"))
            data-suggest-kind-provider=(t!("facet-provider")) {
            label for="q" { (t!("search-label")) }
            div.search-row {
                input #q type="search" name="q" value=(query.text) maxlength=(search_query::MAX_QUERY_CHARS)
                    placeholder=(t!("search-placeholder"));
                button type="submit" { (t!("search-button")) }
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
            nav.active-filters aria-label=(t!("filters-in-use")) {
                ul {
                    @for (facet, values) in &query.filters {
                        @for value in values {
                            li {
                                a.chip href=(query.toggled(*facet, value).href()) {
                                    (Labels::facet(*facet)) ": " (labels.value(*facet, value))
                                    span.visually-hidden { " " (t!("filter-remove")) }
                                    span aria-hidden="true" { " ✕" }
                                }
                            }
                        }
                    }
                    li { a href=(query.unfiltered().href()) { (t!("filters-clear")) } }
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
                a.jump-to-filters href="#filters-heading" { (t!("filters-jump")) }
            }
            h2 #results-heading {
                @if results.total == 0 { (t!("results-none")) } @else { (t!("results-count", count = results.total)) }
            }
            @if results.total > 1 {
            nav.sort aria-label=(t!("sort-label")) {
                span { (t!("sort-by")) }
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

/// When no listing has the query's own words (a Thai query over listings
/// written in other languages), says that these are listings about the same
/// thing in other languages, and offers the training given in the reader's
/// language when there is some.
fn reached_through_bridges(
    query: &SearchQuery,
    results: &SearchResults,
    labels: &Labels,
) -> Markup {
    let bridged = query.page == 1
        && results
            .hits
            .iter()
            .all(|h| h.matched_via != MatchedVia::Text);
    if !bridged {
        return html! {};
    }
    let reader = crate::i18n::locale().tag();
    let in_reader_language = results
        .facets
        .iter()
        .filter(|(facet, _)| *facet == Facet::Language)
        .flat_map(|(_, counts)| counts)
        .find(|c| {
            c.value == reader && c.count > 0 && !c.selected && (c.count as usize) < results.total
        });
    html! {
        div.notice role="status" {
            p { (t!("results-other-languages", query = query.text.as_str())) }
            @if let Some(count) = in_reader_language {
                p {
                    a href=(query.toggled(Facet::Language, reader).href()) {
                        (t!("results-given-in", language = labels.value(Facet::Language, reader), count = count.count))
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
                    (t!("did-you-mean")) " "
                    a href=(SearchQuery { text: suggestion.to_owned(), ..query.at_page(1) }.href()) { strong { (suggestion) } }
                }
            }
            @if query.page > 1 {
                p { (t!("results-page-empty")) " " a href=(query.at_page(1).href()) { (t!("results-first-page")) } }
            } @else {
                p { (t!("results-nothing")) }
                ul {
                    li { (t!("results-advice")) }
                    @if !query.filters.is_empty() {
                        li { a href=(query.unfiltered().href()) { (t!("results-without-filters")) } }
                    }
                    li { a href=(paths::SEARCH) { (t!("results-browse-all")) } }
                }
            }
        }
    }
}

/// One result: what decides whether to open it. Topics are left to the
/// filters and the listing's page, which keeps a page of results light.
fn hit_card(hit: &Hit, labels: &Labels) -> Markup {
    let listing = &hit.listing;
    let vocabulary = labels.vocabulary();
    // The listing's own words carry their language; the rest is the page's.
    let lang = hit.lang.as_str();
    html! {
        article.hit {
            h3 lang=(lang) dir=[dir(&hit.lang)] { a href=(paths::listing(listing.id.as_str())) { (highlighted(&hit.title)) } }
            p.meta {
                span.kind { (listing.kind.local()) }
                " · " (listing.provider.name)
                " · " (listing.delivery.local())
                @if let Some(location) = &listing.location { " · " (location.city) ", " (super::country_name(location.country)) }
                @if hit.translated {
                    br;
                    span.translated {
                        (t!("hit-translated", shown = super::language_name(vocabulary, hit.lang.as_str()), original = super::language_name(vocabulary, listing.lang.as_str())))
                    }
                }
            }
            p.summary lang=(lang) dir=[dir(&hit.lang)] { (highlighted(&hit.summary)) }
            (matched_via(hit, labels))
            dl.facts {
                div {
                    dt { (t!("hit-next-session")) }
                    dd {
                        @match &hit.next_session {
                            Some(session) => (session_dates(session)),
                            None if !listing.kind.is_scheduled() => (t!("hit-any-time")),
                            None if listing.sessions.is_empty() => (t!("hit-on-request")),
                            None => (t!("hit-none-scheduled")),
                        }
                    }
                }
                div {
                    dt { (t!("hit-languages")) }
                    dd { @for (i, l) in listing.languages.iter().enumerate() { @if i > 0 { ", " } (crate::i18n::language_short_name(vocabulary, l.as_str())) } }
                }
            }
        }
    }
}

/// How a listing reached through another language was found, so that a
/// reader sees why a listing without their words is there.
fn matched_via(hit: &Hit, labels: &Labels) -> Markup {
    html! {
        @match &hit.matched_via {
            MatchedVia::Text => {}
            MatchedVia::Glossary { query, term, .. } => p.via {
                (t!("hit-matched-glossary", query = query.as_str(), term = term.as_str()))
            },
            MatchedVia::Vocabulary { query, facet, value } => p.via {
                (t!("hit-matched-vocabulary", query = query.as_str(), facet = Labels::facet(*facet), value = labels.value(*facet, value)))
            },
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
    // The leading values by count, and every selected one wherever it ranks.
    let (mut shown, mut folded, mut rest) = (Vec::new(), Vec::new(), 0);
    for (rank, count) in counts.iter().enumerate() {
        if rank < SHOWN_VALUES || count.selected {
            shown.push(count);
        } else if folded.len() < FOLDED_VALUES {
            folded.push(count);
        } else {
            rest += 1;
        }
    }
    html! {
        section.facet aria-labelledby=(heading_id) {
            h3 #(heading_id) { (Labels::facet(facet)) }
            ul { @for count in shown { (facet_value(query, facet, count, labels)) } }
            @if !folded.is_empty() {
                details {
                    summary { (t!("facet-more", count = folded.len() + rest)) }
                    ul { @for count in folded { (facet_value(query, facet, count, labels)) } }
                    @if rest > 0 {
                        p { a href=(query.href_on(&paths::filter_values(facet.name()))) {
                            (t!("facet-all", count = counts.len()))
                        } }
                    }
                }
            }
        }
    }
}

/// Every value of one filter for a search, sorted by name in the reader's
/// language, each a link that applies it.
pub fn filter_values_page(
    viewer: &Viewer,
    query: &SearchQuery,
    facet: Facet,
    counts: &[FacetCount],
    labels: &Labels,
) -> Markup {
    let title = t!("filter-values-title", facet = Labels::facet(facet));
    let mut named: Vec<(String, String)> = counts
        .iter()
        .map(|c| (c.value.clone(), labels.value(facet, &c.value)))
        .collect();
    crate::i18n::sort_by_name(&mut named);
    let by_value: std::collections::HashMap<&str, &FacetCount> =
        counts.iter().map(|c| (c.value.as_str(), c)).collect();
    let head = Head {
        title: &title,
        without_forms: true,
        ..Head::default()
    };
    page_with(
        viewer,
        &head,
        html! {
            p.breadcrumb { a href=(query.href()) { "← " (t!("filter-values-back")) } }
            h1 { (title) }
            @if !query.text.is_empty() {
                p.lead { (t!("filter-values-for", query = query.text.as_str())) }
            }
            section.facet.all-values aria-labelledby="filter-values" {
                h2 #filter-values .visually-hidden { (Labels::facet(facet)) }
                ul {
                    @for (value, _) in &named {
                        @if let Some(count) = by_value.get(value.as_str()) {
                            (facet_value(query, facet, count, labels))
                        }
                    }
                }
            }
        },
    )
}

fn facet_value(query: &SearchQuery, facet: Facet, count: &FacetCount, labels: &Labels) -> Markup {
    let label = labels.value(facet, &count.value);
    html! {
        li {
            // The box before each value is drawn by the stylesheet, and the
            // count's meaning is said once per list: this list is most of
            // the page's weight.
            @if count.selected {
                a href=(query.toggled(facet, &count.value).href()) aria-current="true" {
                    (label) span.visually-hidden { " " (t!("facet-selected")) } " " b { (number(count.count)) }
                }
            } @else {
                a href=(query.toggled(facet, &count.value).href()) { (label) " " b { (number(count.count)) } }
            }
        }
    }
}

/// The search's sessions to come by month and in a calendar, and its new
/// listings in a feed reader.
fn take_along(query: &SearchQuery) -> Markup {
    let search = SearchQuery {
        page: 1,
        per_page: crate::web::search_query::DEFAULT_PER_PAGE,
        sort: Default::default(),
        ..query.clone()
    };
    html! {
        p.take-along {
            a href=(search.href_on(paths::CALENDAR)) { (t!("calendar-page-link")) } " · "
            a href=(search.href_on(paths::SEARCH_CALENDAR)) { (t!("calendar-ics")) } " · "
            a href=(search.href_on(paths::SEARCH_FEED)) type="application/atom+xml" { (t!("feed-follow")) }
        }
    }
}

fn pagination(query: &SearchQuery, total: usize) -> Markup {
    let last = total
        .div_ceil(query.per_page)
        .clamp(1, search_query::MAX_RESULT_WINDOW / query.per_page);
    let current = query.page;
    let window: Vec<usize> = (1..=last)
        .filter(|&p| p == 1 || p == last || p.abs_diff(current) <= 2)
        .collect();
    html! {
        @if last > 1 {
            nav.pagination aria-label=(t!("pages-label")) {
                ul {
                    @if current > 1 {
                        li { a rel="prev" href=(query.at_page(current - 1).href()) { "← " (t!("pages-previous")) } }
                    }
                    @for (i, p) in window.iter().enumerate() {
                        @if i > 0 && window[i - 1] + 1 != *p { li.gap aria-hidden="true" { "…" } }
                        li {
                            @if *p == current {
                                a aria-current="page" href=(query.at_page(*p).href()) { span.visually-hidden { (t!("pages-page")) " " } (p) }
                            } @else {
                                a href=(query.at_page(*p).href()) { span.visually-hidden { (t!("pages-page")) " " } (p) }
                            }
                        }
                    }
                    @if current < last {
                        li { a rel="next" href=(query.at_page(current + 1).href()) { (t!("pages-next")) " →" } }
                    }
                }
            }
        }
    }
}

/// Why a search address cannot be read, in the reader's language. Most of
/// these come from an edited or truncated link, not from the search form.
pub fn query_problem(problem: &QueryProblem) -> String {
    match problem {
        QueryProblem::NotAChoice { value, .. }
        | QueryProblem::NotAWholeNumber { value, .. }
        | QueryProblem::Unreadable { value, .. } => t!("search-bad-value", value = value.as_str()),
        QueryProblem::ValueTooLong(_) => t!("search-bad-value", value = "…"),
        QueryProblem::TooManyValues(_) => t!("search-too-many-filters", max = MAX_FACET_VALUES),
        QueryProblem::TextTooLong(chars) => {
            t!(
                "search-text-too-long",
                chars = *chars,
                max = MAX_QUERY_CHARS
            )
        }
        QueryProblem::BeyondWindow => t!("search-beyond-window", max = MAX_RESULT_WINDOW),
    }
}
