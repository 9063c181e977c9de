//! One listing: its page and its interchange-format JSON.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use maud::Markup;

use crate::domain::{Day, Listing, ListingId};
use crate::store::Store;
use crate::web::{ApiError, AppState, Error, Result, paths, views};

/// Routes of listing pages and the listing API.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::LISTING, get(show_listing))
        .route(paths::API_LISTING, get(get_listing))
}

/// The listing at this path. An id that cannot be read (not UTF-8, not an
/// id's shape) names no listing, so it is a 404 like any unknown id.
async fn find(store: &Store, path: Result<Path<String>, PathRejection>) -> Result<Listing> {
    let id = path.map(|Path(id)| id).unwrap_or_default();
    let missing = || {
        Error::NotFound(format!(
            "No listing has the id \"{id}\". It may have been removed; search the catalogue for it."
        ))
    };
    let parsed = ListingId::parse(&id).map_err(|_| missing())?;
    store.listing(&parsed).await?.ok_or_else(missing)
}

async fn show_listing(
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Markup> {
    let listing = find(&store, path).await?;
    Ok(views::listing::listing_page(&listing, Day::today()))
}

async fn get_listing(
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Listing>, ApiError> {
    Ok(Json(find(&store, path).await?))
}
