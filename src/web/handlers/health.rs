//! Liveness (`/healthz`) and readiness (`/readyz`).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use crate::app::{IndexState, IndexStatus};
use crate::search::SearchIndex;
use crate::store::Store;
use crate::web::{ApiError, AppState, paths};

/// Routes of the health check.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::HEALTH, get(health))
        .route(paths::READY, get(ready))
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
        changes_pending(&store, &index).await
    };
    match checked.await {
        Ok(pending) => Json(json!({
            "status": "ok",
            // ready, catching-up (searches answer, lagging) or rebuilding
            // (searches are refused until it is done).
            "index": status.get(),
            "listings_indexed": index.len(),
            "changes_pending": pending,
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

/// How many changes the database has that the index has not applied yet.
async fn changes_pending(store: &Store, index: &SearchIndex) -> Result<i64, ApiError> {
    let latest = store.latest_seq().await?;
    let applied = index.applied_seq()?.unwrap_or(0);
    Ok((latest - applied).max(0))
}

/// Changes the index may be behind the database and the instance still be
/// ready: the follower applies what arrives within a second or two, so a
/// backlog this long means it is catching up after a start or an import.
pub const READY_LAG: i64 = 100;

/// 200 when this instance should be sent traffic: the database takes
/// writes, no rebuild of the index is running, and the index is at most
/// [`READY_LAG`] changes behind. 503 with every reason otherwise, and
/// `Retry-After`. `/healthz` says only whether the process is alive.
async fn ready(
    State(store): State<Store>,
    State(index): State<SearchIndex>,
    State(status): State<IndexStatus>,
) -> Response {
    let mut reasons = Vec::new();
    if let Err(err) = store.check_writable().await {
        tracing::warn!(error = %err, "not ready: the database does not take writes");
        reasons.push("the database does not take writes".to_owned());
    }
    if status.get() == IndexState::Rebuilding {
        reasons.push("the search index is being rebuilt".to_owned());
    }
    let pending = changes_pending(&store, &index).await.ok();
    if pending.is_none() {
        reasons.push("the database or the search index cannot be read".to_owned());
    }
    if let Some(pending) = pending.filter(|p| *p > READY_LAG) {
        reasons.push(format!(
            "the search index is {pending} changes behind the database (at most {READY_LAG})"
        ));
    }
    if reasons.is_empty() {
        return Json(json!({"status": "ready", "changes_pending": pending})).into_response();
    }
    let body = json!({
        "status": "not-ready",
        "reasons": reasons,
        "changes_pending": pending,
    });
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "5")],
        Json(body),
    )
        .into_response()
}
