//! One listing: its page and its interchange-format JSON.

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

async fn find(store: &Store, id: &str) -> Result<Listing> {
    let missing = || {
        Error::NotFound(format!(
            "No listing has the id \"{id}\". It may have been removed; search the catalogue for it."
        ))
    };
    let id = ListingId::parse(id).map_err(|_| missing())?;
    store.listing(&id).await?.ok_or_else(missing)
}

async fn show_listing(State(store): State<Store>, Path(id): Path<String>) -> Result<Markup> {
    let listing = find(&store, &id).await?;
    Ok(views::listing::listing_page(&listing, Day::today()))
}

async fn get_listing(
    State(store): State<Store>,
    Path(id): Path<String>,
) -> Result<Json<Listing>, ApiError> {
    Ok(Json(find(&store, &id).await?))
}
