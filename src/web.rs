//! The site and the JSON API: routes, layers, handlers and maud views.
//!
//! This is the only layer that knows about HTTP. It reads through the store
//! and the index; it never writes SQL or builds tantivy documents itself.

pub mod assets;
mod error;
mod handlers;
pub mod paths;
mod state;
mod views;

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, Error, Result};
pub use state::AppState;

/// Builds the whole application: every route with every layer. The only
/// place that adds layers.
pub fn router(state: AppState) -> Router {
    let security_headers = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    ];
    let mut router = handlers::router()
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .with_state(state)
        .layer(CatchPanicLayer::custom(handlers::panic_response))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(15),
        ))
        .layer(RequestBodyLimitLayer::new(1024 * 1024))
        .layer(CompressionLayer::new());
    for (name, value) in security_headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router.layer(TraceLayer::new_for_http())
}
