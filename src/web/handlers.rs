//! Request handlers, one file per area, each with its own `router()`.

mod account;
mod admin;
pub(in crate::web) mod api;
mod confirm_link;
mod dashboard;
mod discovery;
mod enquiries;
mod feeds;
pub(in crate::web) mod harvest;
mod health;
mod language;
mod listing_editor;
pub(in crate::web) mod listings;
mod mail_settings;
mod review;
pub(in crate::web) mod search;
mod static_files;
mod upload;

use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use super::client::ClientAddr;
use super::{ApiError, ApiLimits, AppState, Error};
use crate::i18n::t;

pub use health::READY_LAG;
pub use language::in_chosen_language;

/// Every route of the application, without layers but for rate limits.
pub fn router(api_limits: ApiLimits) -> Router<AppState> {
    Router::new()
        .merge(search::router(api_limits.searches_per_second))
        .merge(listings::router())
        .merge(account::router())
        .merge(mail_settings::router())
        .merge(confirm_link::router())
        .merge(dashboard::router())
        .merge(listing_editor::router())
        .merge(upload::router())
        .merge(review::router())
        .merge(admin::router())
        .merge(enquiries::router())
        .merge(api::router(api_limits.writes_per_second))
        .merge(health::router())
        .merge(language::router())
        .merge(static_files::router())
        .merge(discovery::router())
        .merge(feeds::router())
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

/// Cross-origin reading: the public API's reads answer pages of any site
/// (GET and HEAD, without credentials, so no cookie or token is sent);
/// writing endpoints carry no such header, so browsers refuse other sites
/// their answers.
pub fn read_cors() -> tower_http::cors::CorsLayer {
    use tower_http::cors::{Any, CorsLayer};
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([axum::http::header::IF_NONE_MATCH])
        .expose_headers([
            axum::http::header::ETAG,
            axum::http::header::LINK,
            axum::http::header::RETRY_AFTER,
        ])
        .max_age(std::time::Duration::from_secs(24 * 3600))
}

/// `OPTIONS` on a route that [`read_cors`] wraps, so that the layer sees
/// (and answers) browsers' preflight requests instead of the router
/// refusing the method.
pub async fn preflight() -> axum::http::StatusCode {
    axum::http::StatusCode::NO_CONTENT
}

/// The longest address answered, in bytes. Longer ones are refused here,
/// inside the site's layers, rather than by the HTTP library, which answers
/// past 64 KB with a bare page (no security headers, no explanation).
pub const MAX_ADDRESS: usize = 16 * 1024;

/// Refuses, before it is routed, an address longer than [`MAX_ADDRESS`],
/// one whose path is not text once decoded (`/links/%FF`), which every
/// route taking a part of the path would otherwise refuse with a bare line,
/// and a body declared larger than the site takes.
pub async fn refuse_unreadable_addresses(request: Request, next: Next) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |address| address.as_str().len());
    let declared_length = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let error = if length > MAX_ADDRESS {
        Error::AddressTooLong(t!("error-address-too-long", max = MAX_ADDRESS))
    } else if declared_length.is_some_and(|l| l > crate::web::MAX_BODY as u64) {
        // Said here, before the body limit's bare refusal, in words.
        Error::TooLarge(t!("error-too-large"))
    } else if percent_encoding::percent_decode_str(request.uri().path())
        .decode_utf8()
        .is_err()
    {
        Error::BadRequest(t!("error-address-not-text"))
    } else {
        return next.run(request).await;
    };
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

/// How much a rate limit lets through, and of what.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// What the limit protects, as named in the metrics.
    pub name: &'static str,
    /// Requests let through at once.
    pub burst: u32,
    /// Then one more every this long.
    pub every: Duration,
    /// The methods counted; others pass freely.
    pub methods: &'static [Method],
    /// Whether to refuse in JSON (the API) rather than with a page.
    pub api: bool,
}

impl Limit {
    /// A limit on a form's submissions (POST): `burst` at once, then one
    /// more every `every`, refused with a page.
    pub fn form_posts(name: &'static str, burst: u32, every: Duration) -> Limit {
        Limit {
            name,
            burst,
            every,
            methods: &[Method::POST],
            api: false,
        }
    }

    /// A limit of `per_second` requests of `methods`, with bursts of
    /// `burst_seconds` seconds' worth; `None` when `per_second` is 0.
    pub fn per_second(
        name: &'static str,
        per_second: u32,
        burst_seconds: u32,
        methods: &'static [Method],
        api: bool,
    ) -> Option<Limit> {
        (per_second > 0).then(|| Limit {
            name,
            burst: per_second.saturating_mul(burst_seconds),
            every: Duration::from_secs(1) / per_second,
            methods,
            api,
        })
    }
}

/// What a rate limit counts by, and how it says it was reached.
pub trait Counted: KeyExtractor {
    /// Why a request was refused, with the wait in whole seconds.
    fn too_many(seconds: u64) -> String;
}

/// Counts by the client's address ([`ClientAddr`], the peer or what a
/// trusted proxy forwarded).
#[derive(Debug, Clone, Copy)]
pub struct PerClient;

impl KeyExtractor for PerClient {
    type Key = std::net::IpAddr;

    fn extract<T>(&self, request: &axum::http::Request<T>) -> Result<Self::Key, GovernorError> {
        request
            .extensions()
            .get::<ClientAddr>()
            .map(|ClientAddr(address)| *address)
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

impl Counted for PerClient {
    fn too_many(seconds: u64) -> String {
        t!("error-too-many-from-address", seconds = seconds)
    }
}

/// Counts by API token (a digest of it, so no token is kept in memory),
/// falling back to the client's address for requests without one, which
/// are refused anyway.
#[derive(Debug, Clone, Copy)]
pub struct PerToken;

impl KeyExtractor for PerToken {
    type Key = [u8; 32];

    fn extract<T>(&self, request: &axum::http::Request<T>) -> Result<Self::Key, GovernorError> {
        use sha2::Digest;
        let mut digest = sha2::Sha256::new();
        match request.headers().get(axum::http::header::AUTHORIZATION) {
            Some(token) => digest.update(token.as_bytes()),
            None => digest.update(PerClient.extract(request)?.to_string()),
        }
        Ok(digest.finalize().into())
    }
}

impl Counted for PerToken {
    fn too_many(seconds: u64) -> String {
        t!("error-too-many-with-token", seconds = seconds)
    }
}

/// Limits requests to `router`'s routes by `key` as `limit` says (no limit
/// when `None`); past it they are answered 429 with `Retry-After`. The
/// client's address is set on every request by
/// [`crate::web::client::find_client`], outside these routes.
pub fn rate_limited<K>(
    router: Router<AppState>,
    key: K,
    limit: impl Into<Option<Limit>>,
) -> Router<AppState>
where
    K: Counted + Send + Sync + 'static,
    K::Key: Send + Sync + 'static,
{
    let Some(limit) = limit.into() else {
        return router;
    };
    let config = GovernorConfigBuilder::default()
        .key_extractor(key)
        .period(limit.every)
        .burst_size(limit.burst)
        .methods(limit.methods.to_vec())
        .finish()
        .expect("a non-zero period and burst");
    let config = Arc::new(config);
    // Forget keys that have been quiet, so the table does not grow without
    // bound; stops when the router is dropped.
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
    router.route_layer(GovernorLayer::new(config).error_handler(move |error| {
        let error = match error {
            GovernorError::TooManyRequests { wait_time, .. } => {
                metrics::counter!(crate::web::metrics::RATE_LIMITED, "limit" => limit.name)
                    .increment(1);
                // Less than a second is rounded down to 0; say 1.
                let seconds = wait_time.max(1);
                Error::TooManyRequests {
                    message: K::too_many(seconds),
                    wait_seconds: u32::try_from(seconds).unwrap_or(u32::MAX),
                }
            }
            other => Error::Internal(anyhow::anyhow!(
                "rate limiting failed (is the service run with connect info?): {other}"
            )),
        };
        if limit.api {
            ApiError(error).into_response()
        } else {
            error.into_response()
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
            "settings" => t!("done-settings"),
            "uploaded-drafts" => t!("done-uploaded-drafts"),
            "duplicates" => t!("done-duplicates"),
            "uploaded-submitted" => t!("done-uploaded-submitted"),
            _ => return None,
        })
    }
}

/// Published listings that look like the same training as `listing`,
/// looked for off the threads that answer requests (a few milliseconds at
/// 100,000 listings).
async fn possible_duplicates(
    index: &crate::search::SearchIndex,
    listing: &crate::domain::Listing,
) -> Result<Vec<crate::search::Duplicate>, Error> {
    let index = index.clone();
    let listing = listing.clone();
    tokio::task::spawn_blocking(move || index.possible_duplicates(&listing))
        .await
        .map_err(|e| Error::Internal(e.into()))?
        .map_err(Error::from)
}

/// Sends the person to `page`, which says what was `done` (see [`Done`]).
fn done_redirect(page: impl std::fmt::Display, done: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    axum::response::Redirect::to(&format!("{page}?done={done}")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_api_limits_allow_bursts_and_a_steady_rate() {
        let limits = ApiLimits::default();
        let search = Limit::per_second("s", limits.searches_per_second, 2, &[], true).unwrap();
        assert_eq!(
            (search.burst, search.every),
            (40, Duration::from_millis(50))
        );
        let write = Limit::per_second("w", limits.writes_per_second, 3, &[], true).unwrap();
        assert_eq!((write.burst, write.every), (30, Duration::from_millis(100)));
        assert!(Limit::per_second("off", 0, 2, &[], true).is_none());
    }
}
