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
