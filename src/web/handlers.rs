//! Request handlers, one file per area, each with its own `router()`.

mod account;
mod admin;
mod api;
mod dashboard;
mod enquiries;
mod health;
mod language;
mod listing_editor;
mod listings;
mod review;
mod search;
mod static_files;

use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;

use super::{ApiError, AppState, Error};
use crate::i18n::t;

pub use health::READY_LAG;
pub use language::in_chosen_language;

/// Every route of the application, without layers.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(search::router())
        .merge(listings::router())
        .merge(account::router())
        .merge(dashboard::router())
        .merge(listing_editor::router())
        .merge(review::router())
        .merge(admin::router())
        .merge(enquiries::router())
        .merge(api::router())
        .merge(health::router())
        .merge(language::router())
        .merge(static_files::router())
}

/// Unknown addresses: JSON under the API, a page elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    let error = Error::NotFound(t!("error-no-page", path = uri.path()));
    if uri.path().starts_with("/api/") {
        ApiError(error).into_response()
    } else {
        error.into_response()
    }
}

/// The longest address answered, in bytes. Longer ones are refused here,
/// inside the site's layers, rather than by the HTTP library, which answers
/// past 64 KB with a bare page (no security headers, no explanation).
pub const MAX_ADDRESS: usize = 16 * 1024;

/// Refuses an address longer than [`MAX_ADDRESS`] before it is routed.
pub async fn refuse_long_addresses(request: Request, next: Next) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |address| address.as_str().len());
    if length <= MAX_ADDRESS {
        return next.run(request).await;
    }
    let error = Error::AddressTooLong(t!("error-address-too-long", max = MAX_ADDRESS));
    if request.uri().path().starts_with("/api/") {
        ApiError(error).into_response()
    } else {
        error.into_response()
    }
}

/// A known address asked with a method it does not take.
pub async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let detail = format!(
        "{} does not take {method} requests. Check the method of the request.",
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
    (StatusCode::INTERNAL_SERVER_ERROR, t!("error-our-side")).into_response()
}

/// Limits POST requests to `router`'s routes per client address: a burst of
/// `burst`, then one every `every_seconds`. Needs the peer address
/// (`into_make_service_with_connect_info`).
pub fn rate_limited(router: Router<AppState>, every_seconds: u64, burst: u32) -> Router<AppState> {
    let config = GovernorConfigBuilder::default()
        .per_second(every_seconds)
        .burst_size(burst)
        .methods(vec![Method::POST])
        .finish()
        .expect("a non-zero period and burst");
    let config = Arc::new(config);
    // Forget addresses that have been quiet, so the table does not grow
    // without bound; stops when the router is dropped.
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        let weak = Arc::downgrade(&config);
        runtime.spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                let Some(config) = weak.upgrade() else { break };
                config.limiter().retain_recent();
            }
        });
    }
    router.route_layer(GovernorLayer::new(config).error_handler(|error| {
        match error {
            tower_governor::GovernorError::TooManyRequests { wait_time, .. } => {
                Error::TooManyRequests(t!("error-too-many-from-address", seconds = wait_time))
                    .into_response()
            }
            other => Error::Internal(anyhow::anyhow!(
                "rate limiting failed (is the service run with connect info?): {other}"
            ))
            .into_response(),
        }
    }))
}

/// What was just done, named in the address a form redirects to, so that
/// the page can say so. Only these fixed messages can be shown.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
}

impl Done {
    /// The message for the page.
    pub fn message(&self) -> Option<String> {
        Some(match self.done.as_deref()? {
            "password" => t!("done-password"),
            "saved" => t!("done-saved"),
            "submitted" => t!("done-submitted"),
            "withdrawn" => t!("done-withdrawn"),
            "confirmed" => t!("done-confirmed"),
            "approved" => t!("done-approved"),
            "changes-requested" => t!("done-changes-requested"),
            "archived" => t!("done-archived"),
            "organisation" => t!("done-organisation"),
            "invited" => t!("done-invited"),
            "reset" => t!("done-reset"),
            "disabled" => t!("done-disabled"),
            "enabled" => t!("done-enabled"),
            "topic" => t!("done-topic"),
            "sent" => t!("done-sent"),
            _ => return None,
        })
    }
}

/// Sends the person to `page`, which says what was `done` (see [`Done`]).
fn done_redirect(page: impl std::fmt::Display, done: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    axum::response::Redirect::to(&format!("{page}?done={done}")).into_response()
}
