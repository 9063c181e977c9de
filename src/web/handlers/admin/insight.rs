//! What officials search for: the page and its tables as CSV.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::search_log::{SearchLog, days_ago};
use crate::domain::SharedVocabulary;
use crate::i18n::t;
use crate::search::Suggester;
use crate::store::Store;
use crate::web::auth::SignedIn;
use crate::web::views::insight::{Insight, PERIODS};
use crate::web::views::{self, Labels};
use crate::web::{Error, Result};

/// Most rows in the page's query tables; the CSV has them all.
const PAGE_ROWS: i64 = 50;
/// Most rows in a CSV download.
const CSV_ROWS: i64 = 10_000;

#[derive(Debug, Deserialize)]
pub(super) struct Period {
    days: Option<String>,
}

impl Period {
    /// The days asked for: one of [`PERIODS`], 30 when left out.
    fn days(&self) -> Result<u32> {
        let Some(days) = self.days.as_deref() else {
            return Ok(30);
        };
        days.trim()
            .parse::<u32>()
            .ok()
            .filter(|d| PERIODS.contains(d))
            .ok_or_else(|| {
                let choices: Vec<String> = PERIODS.iter().map(ToString::to_string).collect();
                Error::BadRequest(t!(
                    "insight-bad-period",
                    value = days,
                    choices = choices.join(", ")
                ))
            })
    }
}

/// The first day of a period of `days` ending today, as recorded.
fn since(days: u32) -> String {
    days_ago(days.saturating_sub(1))
}

pub(super) async fn insight(
    user: SignedIn,
    State(store): State<Store>,
    State(search_log): State<SearchLog>,
    State(suggester): State<Suggester>,
    State(vocabulary): State<SharedVocabulary>,
    Query(period): Query<Period>,
) -> Result<Response> {
    user.require_secretariat()?;
    let days = period.days()?;
    let from = since(days);
    let insight = Insight {
        days,
        recording: search_log.is_on(),
        weeks: store.searches_by_week(&from).await?,
        without_results: store.queries_without_results(&from, PAGE_ROWS).await?,
        top: store.top_queries(&from, PAGE_ROWS).await?,
        languages: store.searches_by_language(&from).await?,
    };
    let labels = Labels::new((*suggester.provider_names()).clone(), vocabulary.current());
    Ok(views::insight::insight_page(&user.viewer(), &insight, &labels).into_response())
}

pub(super) async fn report(
    user: SignedIn,
    State(store): State<Store>,
    Path(report): Path<String>,
    Query(period): Query<Period>,
) -> Result<Response> {
    user.require_secretariat()?;
    let days = period.days()?;
    let from = since(days);
    let mut rows: Vec<Vec<String>> = Vec::new();
    match report.as_str() {
        "top.csv" | "without-results.csv" => {
            let found = if report == "top.csv" {
                store.top_queries(&from, CSV_ROWS).await?
            } else {
                store.queries_without_results(&from, CSV_ROWS).await?
            };
            rows.push(vec![
                "query".into(),
                "filters".into(),
                "searches".into(),
                "without_results".into(),
            ]);
            for row in found {
                rows.push(vec![
                    row.query,
                    row.filters,
                    row.searches.to_string(),
                    row.without_results.to_string(),
                ]);
            }
        }
        "languages.csv" | "weeks.csv" => {
            let (found, group) = if report == "weeks.csv" {
                (store.searches_by_week(&from).await?, "week")
            } else {
                (
                    store.searches_by_language(&from).await?,
                    "interface_language",
                )
            };
            rows.push(vec![
                group.into(),
                "searches".into(),
                "without_results".into(),
            ]);
            for row in found {
                rows.push(vec![
                    row.group,
                    row.searches.to_string(),
                    row.without_results.to_string(),
                ]);
            }
        }
        _ => {
            return Err(Error::NotFound(t!(
                "insight-no-such-report",
                report = report.as_str()
            )));
        }
    }
    let mut csv = crate::interchange::csv::Table::new();
    for row in rows {
        csv.row(row).map_err(|err| Error::Internal(err.into()))?;
    }
    let csv = csv.finish().map_err(|err| Error::Internal(err.into()))?;
    let name = report.trim_end_matches(".csv");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"searches-{name}-{days}-days.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}
