//! The health check.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::search::SearchIndex;
use crate::store::Store;
use crate::web::{ApiError, AppState, paths};

/// Routes of the health check.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::HEALTH, get(health))
}

/// 200 when the database answers and the index can be read; says how far
/// the index is behind the database.
async fn health(
    State(store): State<Store>,
    State(index): State<SearchIndex>,
) -> Result<Json<Value>, ApiError> {
    store.ping().await?;
    let latest = store.latest_seq().await?;
    let applied = index.applied_seq()?.unwrap_or(0);
    Ok(Json(json!({
        "status": "ok",
        "listings_indexed": index.len(),
        "changes_pending": (latest - applied).max(0),
    })))
}
