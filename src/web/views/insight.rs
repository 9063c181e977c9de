//! What officials search for, for the Secretariat: searches per week, the
//! searches that found nothing, the most frequent and the interface
//! languages, each a table (with a chart where people would rather look),
//! each downloadable as CSV.

use maud::{Markup, html};

use super::Labels;
use super::chart::{Bar, bar_chart, share_chart};
use super::layout::page;
use crate::i18n::number;
use crate::i18n::t;
use crate::search::Facet;
use crate::store::{QueryCount, SearchCount};
use crate::web::auth::Viewer;
use crate::web::paths;
use crate::web::search_query::SearchQuery;

/// The periods offered, in days.
pub const PERIODS: [u32; 4] = [7, 30, 90, 365];

/// Everything the page shows for one period.
#[derive(Debug, Default)]
pub struct Insight {
    /// The period, in days back from today.
    pub days: u32,
    /// Whether searches are recorded at all here.
    pub recording: bool,
    /// Searches per week, oldest first.
    pub weeks: Vec<SearchCount>,
    /// Searches that found nothing, most frequent first.
    pub without_results: Vec<QueryCount>,
    /// The texts searched for most.
    pub top: Vec<QueryCount>,
    /// Searches by interface language.
    pub languages: Vec<SearchCount>,
}

/// A share as a whole percentage.
/// `part` of `whole` in whole percent, rounded.
fn share(part: i64, whole: i64) -> i64 {
    if whole == 0 {
        0
    } else {
        (part * 100 + whole / 2) / whole
    }
}

fn percent(part: i64, whole: i64) -> String {
    format!("{}%", number(share(part, whole)))
}

/// The filters a search recorded, parsed back.
fn recorded_filters(filters: &str) -> Vec<(Facet, Vec<String>)> {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str(filters) else {
        return Vec::new();
    };
    map.into_iter()
        .filter_map(|(name, values)| {
            let facet = Facet::ALL.into_iter().find(|f| f.name() == name)?;
            let values = values
                .as_array()?
                .iter()
                .filter_map(|v| Some(v.as_str()?.to_owned()))
                .collect();
            Some((facet, values))
        })
        .collect()
}

/// The search a recorded row describes, to run it again.
fn search_of(row: &QueryCount) -> SearchQuery {
    SearchQuery {
        text: row.query.clone(),
        filters: recorded_filters(&row.filters).into_iter().collect(),
        ..SearchQuery::default()
    }
}

/// The filters of a row in words: "Topic: Border management; Language: Khmer".
fn filters_in_words(row: &QueryCount, labels: &Labels) -> String {
    recorded_filters(&row.filters)
        .into_iter()
        .map(|(facet, values)| {
            let named: Vec<String> = values.iter().map(|v| labels.value(facet, v)).collect();
            format!("{}: {}", t!(facet_label(facet)), named.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn facet_label(facet: Facet) -> &'static str {
    match facet {
        Facet::Topic => "facet-topic",
        Facet::Language => "facet-language",
        Facet::Provider => "facet-provider",
        Facet::Kind => "facet-kind",
        Facet::Delivery => "facet-delivery",
        Facet::Country => "facet-country",
        Facet::Audience => "facet-audience",
    }
}

fn download(report: &str, days: u32) -> Markup {
    html! {
        p { a href=(format!("{}?days={days}", paths::search_report(report))) download { (t!("insight-download")) } }
    }
}

/// The page.
pub fn insight_page(viewer: &Viewer, insight: &Insight, labels: &Labels) -> Markup {
    let days = insight.days;
    let searches: i64 = insight.weeks.iter().map(|w| w.searches).sum();
    let without: i64 = insight.weeks.iter().map(|w| w.without_results).sum();
    page(
        viewer,
        &t!("insight-title"),
        html! {
            h1 { (t!("insight-title")) }
            @if !insight.recording {
                p.notice { (t!("insight-off")) }
            }
            p { (t!("insight-explained", days = days)) }
            nav aria-label=(t!("insight-period")) {
                ul.periods {
                    @for period in PERIODS {
                        li {
                            @if period == days {
                                strong aria-current="page" { (t!("insight-days", days = period)) }
                            } @else {
                                a href=(format!("{}?days={period}", paths::SEARCH_INSIGHT)) { (t!("insight-days", days = period)) }
                            }
                        }
                    }
                }
            }
            @if searches == 0 {
                p { (t!("insight-empty")) }
            } @else {
                p.lead {
                    (t!("insight-total", searches = number(searches), without = number(without), percent = percent(without, searches)))
                }
            }

            h2 id="weeks" { (t!("insight-weeks")) }
            @if !insight.weeks.is_empty() {
                (bar_chart(
                    &t!("insight-weeks"),
                    "weeks-table",
                    &insight.weeks.iter().map(|w| Bar {
                        // The Monday as MM-DD, short enough for under a bar.
                        label: w.group.get(5..).unwrap_or(&w.group).to_owned(),
                        total: w.searches,
                        part: w.without_results,
                    }).collect::<Vec<_>>(),
                    &t!("insight-searches"),
                    &t!("insight-without-results"),
                ))
                (share_chart(
                    &t!("insight-rate"),
                    "weeks-table",
                    &insight.weeks.iter().map(|w| Bar {
                        label: w.group.get(5..).unwrap_or(&w.group).to_owned(),
                        total: share(w.without_results, w.searches),
                        part: 0,
                    }).collect::<Vec<_>>(),
                    &t!("insight-rate"),
                ))
                div.table-scroll {
                    table id="weeks-table" {
                        caption.visually-hidden { (t!("insight-weeks")) }
                        thead { tr {
                            th scope="col" { (t!("insight-week")) }
                            th scope="col" { (t!("insight-searches")) }
                            th scope="col" { (t!("insight-without-results")) }
                            th scope="col" { (t!("insight-rate")) }
                        } }
                        tbody {
                            @for week in &insight.weeks {
                                tr {
                                    th scope="row" { (week.group) }
                                    td { (number(week.searches)) }
                                    td { (number(week.without_results)) }
                                    td { (percent(week.without_results, week.searches)) }
                                }
                            }
                        }
                    }
                }
                (download("weeks.csv", days))
            }

            h2 id="without-results" { (t!("insight-no-results")) }
            p { (t!("insight-no-results-explained")) }
            @if !insight.without_results.is_empty() {
                (queries_table(&insight.without_results, labels, false))
                (download("without-results.csv", days))
            }

            h2 id="top" { (t!("insight-top")) }
            @if !insight.top.is_empty() {
                (queries_table(&insight.top, labels, true))
                (download("top.csv", days))
            }

            h2 id="languages" { (t!("insight-languages")) }
            @if !insight.languages.is_empty() {
                div.table-scroll {
                    table {
                        thead { tr {
                            th scope="col" { (t!("facet-language")) }
                            th scope="col" { (t!("insight-searches")) }
                            th scope="col" { (t!("insight-without-results")) }
                        } }
                        tbody {
                            @for language in &insight.languages {
                                tr {
                                    th scope="row" { (labels.value(Facet::Language, &language.group)) }
                                    td { (number(language.searches)) }
                                    td { (number(language.without_results)) }
                                }
                            }
                        }
                    }
                }
                (download("languages.csv", days))
            }
        },
    )
}

fn queries_table(rows: &[QueryCount], labels: &Labels, with_without: bool) -> Markup {
    html! {
        div.table-scroll {
            table {
                thead { tr {
                    th scope="col" { (t!("insight-query")) }
                    @if !with_without { th scope="col" { (t!("insight-filters")) } }
                    th scope="col" { (t!("insight-searches")) }
                    @if with_without { th scope="col" { (t!("insight-without-results")) } }
                } }
                tbody {
                    @for row in rows {
                        tr {
                            th scope="row" {
                                a href=(search_of(row).href()) {
                                    @if row.query.is_empty() { (t!("insight-no-words")) } @else { (row.query) }
                                }
                            }
                            @if !with_without {
                                td {
                                    @let filters = filters_in_words(row, labels);
                                    @if filters.is_empty() { (t!("insight-no-filters")) } @else { (filters) }
                                }
                            }
                            td { (number(row.searches)) }
                            @if with_without { td { (number(row.without_results)) } }
                        }
                    }
                }
            }
        }
    }
}
