//! The health check.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use crate::app::IndexStatus;
use crate::search::SearchIndex;
use crate::store::Store;
use crate::web::{ApiError, AppState, paths};

/// Routes of the health check.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::HEALTH, get(health))
}

/// 200 when the database answers and the index can be read, saying how far
/// the index is behind the database; 503 with the reason otherwise, so that
/// a monitor or load balancer takes the instance out of service.
async fn health(
    State(store): State<Store>,
    State(index): State<SearchIndex>,
    State(status): State<IndexStatus>,
) -> Response {
    let checked = async {
        store.ping().await?;
        let latest = store.latest_seq().await?;
        let applied = index.applied_seq()?.unwrap_or(0);
        Ok::<_, ApiError>((latest, applied))
    };
    match checked.await {
        Ok((latest, applied)) => Json(json!({
            "status": "ok",
            // ready, catching-up (searches answer, lagging) or rebuilding
            // (searches are refused until it is done).
            "index": status.get(),
            "listings_indexed": index.len(),
            "changes_pending": (latest - applied).max(0),
        }))
        .into_response(),
        Err(ApiError(err)) => {
            tracing::error!(error = %err, "health check failed");
            let body = json!({
                "error": "Service Unavailable",
                "detail": "The database or the search index cannot be read.",
            });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
    }
}
