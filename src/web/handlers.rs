//! Request handlers, one file per area, each with its own `router()`.

mod health;
mod listings;
mod search;
mod static_files;

use std::any::Any;

use axum::Router;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::{ApiError, AppState, Error};

/// Every route of the application, without layers.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(search::router())
        .merge(listings::router())
        .merge(health::router())
        .merge(static_files::router())
}

/// Unknown addresses: JSON under the API, a page elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    let error = Error::NotFound(format!(
        "There is no page at {}. Check the address, or search the catalogue.",
        uri.path()
    ));
    if uri.path().starts_with("/api/") {
        ApiError(error).into_response()
    } else {
        error.into_response()
    }
}

/// A known address asked with a method it does not take (the site and API
/// are read-only: GET and HEAD).
pub async fn method_not_allowed(uri: Uri) -> Response {
    let detail = format!(
        "{} can only be read (GET). Check the method of the request.",
        uri.path()
    );
    let response = if uri.path().starts_with("/api/") {
        axum::Json(serde_json::json!({"error": "Method Not Allowed", "detail": detail}))
            .into_response()
    } else {
        detail.into_response()
    };
    (StatusCode::METHOD_NOT_ALLOWED, response).into_response()
}

/// What a panicking handler answers; the panic itself is logged.
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = message, "a handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Please try again in a moment.",
    )
        .into_response()
}
