//! One listing: its page and its interchange-format JSON.

use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use maud::Markup;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::domain::lifecycle::ListingState;
use crate::domain::{Day, Listing, ListingId, SharedVocabulary};
use crate::i18n::t;
use crate::store::{ListingRecord, Store};
use crate::web::auth::Viewer;
use crate::web::views::listing::Freshness;
use crate::web::{ApiError, AppState, Error, Result, Settings, paths, views};

/// Routes of listing pages and the public listing API.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::LISTING, get(show_listing))
        .route(paths::API_LISTING, get(get_listing))
}

/// The id in a path. An id that cannot be read (not UTF-8, not an id's
/// shape) names no listing, so it is a 404 like any unknown id.
pub(super) fn listing_id(path: Result<Path<String>, PathRejection>) -> Result<ListingId> {
    let id = path.map(|Path(id)| id).unwrap_or_default();
    ListingId::parse(&id).map_err(|_| missing(&id))
}

pub(super) fn missing(id: &str) -> Error {
    Error::NotFound(t!("listing-missing", id = id))
}

/// The published listing at this path.
async fn find(store: &Store, path: Result<Path<String>, PathRejection>) -> Result<ListingRecord> {
    let id = listing_id(path)?;
    match store.listing_record(id.as_str()).await? {
        Some(record) if record.state == ListingState::Published && record.published.is_some() => {
            Ok(record)
        }
        _ => Err(missing(id.as_str())),
    }
}

/// `?original` asks for the listing in its own language even where it has a
/// translation into the reader's.
#[derive(Debug, Default, Deserialize)]
struct Reading {
    original: Option<String>,
}

async fn show_listing(
    viewer: Viewer,
    State(store): State<Store>,
    State(vocabulary): State<SharedVocabulary>,
    State(settings): State<Arc<Settings>>,
    path: Result<Path<String>, PathRejection>,
    reading: Result<Query<Reading>, QueryRejection>,
) -> Result<Markup> {
    let Query(reading) = reading.unwrap_or_default();
    let record = find(&store, path).await?;
    let now = OffsetDateTime::now_utc();
    let freshness = Freshness {
        confirmed: record.confirmed_at.map(|at| Day::new(at.date())),
        stale: record.due_for_confirmation(now),
        manageable: viewer
            .account
            .as_ref()
            .is_some_and(|a| a.actor().may_manage(&record.org)),
    };
    let listing = record.published.as_ref().expect("find checked it");
    let shown = views::listing::Shown {
        original: reading.original.is_some(),
        url: settings.link(&paths::listing(listing.id.as_str())),
        today: Day::today(),
    };
    Ok(views::listing::listing_page(
        &viewer,
        listing,
        &freshness,
        &vocabulary.current(),
        &shown,
    ))
}

async fn get_listing(
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Listing>, ApiError> {
    let record = find(&store, path).await?;
    Ok(Json(record.published.expect("find checked it")))
}
