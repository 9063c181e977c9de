//! Serving the compiled-in static files.

use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::web::{AppState, Error, Result, assets, paths};

/// Routes for static files.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::ASSET, get(show_asset))
}

async fn show_asset(Path(file): Path<String>) -> Result<impl IntoResponse> {
    let asset = assets::find(&file)
        .ok_or_else(|| Error::NotFound(format!("There is no file named {file}.")))?;
    Ok((
        [
            (header::CONTENT_TYPE, asset.content_type),
            // The name changes with the content, so the file never goes stale.
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        asset.body.as_str(),
    ))
}
