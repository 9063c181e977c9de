//! Harvesting: another catalogue pages through every public listing in the
//! order of its newest change (`GET /api/v1/listings`), published ones
//! whole and those taken down as tombstones, and resumes later from the
//! cursor it kept.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::domain::lifecycle::ListingState;
use crate::store::{Harvested, Store, format_timestamp};
use crate::web::openapi::{HarvestItem, HarvestPage};
use crate::web::{ApiError, Error, Settings, paths};

/// Listings a page holds unless asked for fewer.
pub const DEFAULT_PAGE: i64 = 100;
/// The most a page holds.
pub const MAX_PAGE: i64 = 1000;

/// What a harvester asks.
#[derive(Debug, Default, Deserialize)]
pub struct HarvestQuery {
    /// Only listings changed at or after this time (RFC 3339, or a day).
    updated_since: Option<String>,
    /// Where the last page ended.
    cursor: Option<String>,
    /// Listings a page, at most [`MAX_PAGE`].
    limit: Option<String>,
}

fn bad(detail: String) -> ApiError {
    ApiError(Error::BadRequest(detail))
}

/// `updated_since` as a stored timestamp.
fn since(value: Option<&str>) -> Result<String, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(String::new());
    };
    if let Ok(at) = OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339) {
        return Ok(format_timestamp(at));
    }
    if let Ok(day) = crate::domain::Day::parse(value) {
        return Ok(format_timestamp(day.date().midnight().assume_utc()));
    }
    Err(bad(format!(
        "updated_since \"{value}\" is not a time: write it as 2026-12-03T08:00:00Z or 2026-12-03."
    )))
}

fn number(name: &str, value: Option<&str>, default: i64, max: i64) -> Result<i64, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(default);
    };
    match value.parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Ok(n),
        _ => Err(bad(format!(
            "{name} \"{value}\" is not a number from 0 to {max}: use the value a previous page gave."
        ))),
    }
}

/// One listing of a page: a published one whole, a tombstone otherwise.
fn item(harvested: Harvested) -> HarvestItem {
    let status = match (&harvested.state, &harvested.listing) {
        (ListingState::Published, Some(_)) => "published",
        (ListingState::Archived, _) => "archived",
        // Work on a listing taken down is its owner's own business.
        _ => "withdrawn",
    };
    HarvestItem {
        id: harvested.id,
        status: status.to_owned(),
        at: harvested.at,
        listing: harvested.listing.filter(|_| status == "published"),
    }
}

/// A page of the harvest.
#[utoipa::path(
    get,
    path = "/api/v1/listings",
    tag = "listings",
    params(
        ("updated_since" = Option<String>, Query, description = "Only listings changed at or after this time (RFC 3339, or YYYY-MM-DD)."),
        ("cursor" = Option<String>, Query, description = "Where the last page ended (its `cursor`)."),
        ("limit" = Option<u32>, Query, description = "Listings a page: 0 to 1000 (default 100)."),
    ),
    responses(
        (status = 200, description = "A page of listings, published ones whole and taken-down ones as tombstones.", body = crate::web::openapi::HarvestPage),
        (status = 400, description = "A parameter could not be read.", body = crate::web::openapi::ErrorBody),
    )
)]
pub async fn harvest(
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
    query: Result<Query<HarvestQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|err| bad(format!("The query cannot be read: {err}.")))?;
    let since = since(query.updated_since.as_deref())?;
    let cursor = number("cursor", query.cursor.as_deref(), 0, i64::MAX)?;
    let limit = number("limit", query.limit.as_deref(), DEFAULT_PAGE, MAX_PAGE)?;
    let page = store.harvest(cursor, &since, limit).await?;
    let next = page.last().map_or(cursor, |h| h.seq);
    let more = i64::try_from(page.len()).unwrap_or(i64::MAX) == limit && limit > 0;
    let mut resume = url::form_urlencoded::Serializer::new(String::new());
    if let Some(value) = query
        .updated_since
        .as_deref()
        .filter(|v| !v.trim().is_empty())
    {
        resume.append_pair("updated_since", value.trim());
    }
    resume.append_pair("cursor", &next.to_string());
    if limit != DEFAULT_PAGE {
        resume.append_pair("limit", &limit.to_string());
    }
    let next_link = settings.link(&format!("{}?{}", paths::API_LISTINGS, resume.finish()));
    let body = HarvestPage {
        items: page.into_iter().map(item).collect(),
        cursor: next.to_string(),
        more,
        next: next_link.clone(),
    };
    let mut response = axum::Json(body).into_response();
    if more && let Ok(link) = HeaderValue::from_str(&format!("<{next_link}>; rel=\"next\"")) {
        response.headers_mut().insert(header::LINK, link);
    }
    Ok(response)
}
