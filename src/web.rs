//! The site and the JSON API: routes, layers, handlers and maud views.
//!
//! This is the only layer that knows about HTTP. It reads and writes through
//! the store and reads the index; it never writes SQL or builds tantivy
//! documents itself.

pub mod assets;
pub mod auth;
pub mod client;
mod error;
mod forms;
mod handlers;
mod listing_form;
pub mod metrics;
pub mod openapi;
mod page_cache;
pub mod paths;
pub mod search_query;
mod state;
mod views;

use std::time::Duration;

use axum::Router;
use axum::extract::MatchedPath;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::IntoResponse;
use tower_http::LatencyUnit;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use error::{ApiError, Error, Result};
pub use handlers::READY_LAG;
pub use state::{ApiLimits, AppState, MetricsToken, SEARCH_LOG_DAYS, Settings};

/// Builds the whole application: every route with every layer. The only
/// place that adds layers.
pub fn router(state: AppState) -> Router {
    let mut security_headers = vec![
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
        // The site uses none of these; no page it shows may ask for them.
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
             interest-cohort=()",
        ),
    ];
    let settings = state.settings.clone();
    if settings.secure_cookies() {
        // Served over TLS: browsers are to come back over TLS only. Not for
        // subdomains, which may be other services of the same host.
        security_headers.push((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000"));
    }
    // Sessions live in SQLite; the cookie carries only their id. Over TLS
    // the `__Host-` prefix pins the cookie to this host and path `/`.
    let cookie_name = if settings.secure_cookies() {
        "__Host-catalogue_session"
    } else {
        "catalogue_session"
    };
    let sessions = SessionManagerLayer::new(state.store.sessions())
        .with_name(cookie_name)
        .with_path("/")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.secure_cookies())
        .with_expiry(Expiry::OnInactivity(auth::IDLE_LIFETIME))
        // Saving on every request moves the idle deadline forward.
        .with_always_save(true);
    let auth_layer =
        axum_login::AuthManagerLayerBuilder::new(auth::Backend::new(state.store.clone()), sessions)
            .with_data_key(crate::store::sessions::AUTH_DATA_KEY)
            .build();
    // The browser's own word on where a form came from (Sec-Fetch-Site,
    // Origin); the session-bound token in each form covers browsers that
    // send neither. The API authenticates by bearer token, never by cookie.
    let cross_site = CsrfLayer::new()
        .with_insecure_bypass(|_: &Method, uri: &axum::http::Uri| uri.path().starts_with("/api/"))
        .with_rejection_response(|_| {
            Error::Forbidden(crate::i18n::t!("error-cross-site")).into_response()
        });
    let mut routes = handlers::router(settings.api_limits);
    if settings.metrics_token.is_some() {
        routes = routes.route(paths::METRICS, axum::routing::get(metrics::guarded));
    }
    let mut router = routes
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .with_state(state)
        .layer(axum::middleware::from_fn(auth::guard_sessions))
        .layer(auth_layer)
        .layer(cross_site)
        .layer(CatchPanicLayer::custom(handlers::panic_response))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(15),
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(
            handlers::refuse_unreadable_addresses,
        ));
    for (name, value) in security_headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    // Outside every other layer, so that even their refusals are worded in
    // the visitor's language.
    router
        .layer(axum::middleware::from_fn(handlers::in_chosen_language))
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(access_log())
        .layer(axum::middleware::from_fn_with_state(
            settings.proxies.clone(),
            client::find_client,
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// The largest request body the site takes: a form, or a spreadsheet of
/// some thousand listings.
pub const MAX_BODY: usize = 1024 * 1024;

/// The route a request matched, as declared (`/listings/{id}`), or
/// `(no route)`: what the log and the metrics name a request by, never
/// its address, which may hold what people search for.
pub(crate) fn route_of<B>(request: &axum::http::Request<B>) -> &str {
    request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str)
}

/// The metrics alone, for a listener of their own that only the operator's
/// monitoring reaches (`--metrics-addr`).
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route(paths::METRICS, axum::routing::get(metrics::render))
        .with_state(state)
}

/// One line per request at `info` when it is answered: its id (kept from a
/// proxy's `X-Request-Id`, else made here, and sent back in the answer),
/// the client's address, method, route as declared (never the query, which may hold what people
/// search for), status and latency. Every line logged while answering it
/// carries the same span, so the id ties them together.
fn access_log() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    impl Fn(&axum::http::Request<axum::body::Body>) -> tracing::Span + Clone,
    (),
    DefaultOnResponse,
> {
    TraceLayer::new_for_http()
        .make_span_with(|request: &axum::http::Request<axum::body::Body>| {
            let route = route_of(request);
            let id = request
                .headers()
                .get("x-request-id")
                .and_then(|id| id.to_str().ok())
                .unwrap_or("-");
            // Written out only when the span is recorded.
            let client = request
                .extensions()
                .get::<client::ClientAddr>()
                .map(|client::ClientAddr(address)| tracing::field::display(*address));
            tracing::info_span!("request", id, client, method = %request.method(), route)
        })
        .on_request(())
        .on_response(
            DefaultOnResponse::new()
                .level(tracing::Level::INFO)
                .latency_unit(LatencyUnit::Micros),
        )
}
