//! Metrics in Prometheus's text format. Counters and histograms are
//! recorded as requests are answered; the figures of the catalogue itself
//! (listings, queues, lag, backups) are read from it when scraped, so they
//! are never stale and cost nothing between scrapes.
//!
//! Not public: served on a listener of its own (`--metrics-addr`) or on the
//! site's address to holders of a token (`--metrics-token`).

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

use crate::app::MAX_MAIL_ATTEMPTS;
use crate::web::{ApiError, AppState, Error};

/// Requests answered, by `route` (as declared), `method` and `status`.
pub const REQUESTS: &str = "catalogue_http_requests_total";
/// Time to answer, by the same labels.
pub const REQUEST_SECONDS: &str = "catalogue_http_request_duration_seconds";
/// Time the index took to search (pages and API alike).
pub const SEARCH_SECONDS: &str = "catalogue_search_duration_seconds";
/// Requests refused by a rate limit, by `limit`.
pub const RATE_LIMITED: &str = "catalogue_rate_limited_requests_total";
/// The rate limits' names, as the routes declare them.
const LIMITS: [&str; 4] = ["api-search", "api-write", "sign-in", "enquiry"];
/// Sign-ins refused for a wrong address or password, or while paused.
pub const SIGN_IN_FAILURES: &str = "catalogue_sign_in_failures_total";
/// Attempts to hand mail to the SMTP server that failed.
pub const MAIL_FAILURES: &str = "catalogue_mail_send_failures_total";

/// Upper bounds of the latency buckets, in seconds: search answers in
/// milliseconds, pages in tens of them, a slow write or a timeout in seconds.
const BUCKETS: [f64; 14] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Starts recording metrics for this process and returns the handle that
/// renders them; later calls return the same handle.
pub fn install() -> anyhow::Result<PrometheusHandle> {
    if let Some(handle) = HANDLE.get() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &BUCKETS)?
        .build_recorder();
    let handle = recorder.handle();
    // Two threads may race here; only the one that installs keeps its handle.
    if metrics::set_global_recorder(recorder).is_ok() {
        let _ = HANDLE.set(handle.clone());
        describe();
        // Counters are shown at 0 before anything happens, so that a
        // rate over them, and an alert on it, has a series from the start.
        counter!(SIGN_IN_FAILURES).absolute(0);
        counter!(MAIL_FAILURES).absolute(0);
        for limit in LIMITS {
            counter!(RATE_LIMITED, "limit" => limit).absolute(0);
        }
        // Histograms keep what was recorded until upkeep folds it in.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let upkept = handle.clone();
            runtime.spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    upkept.run_upkeep();
                }
            });
        }
    }
    HANDLE
        .get()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("another metrics recorder is installed in this process"))
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(REQUESTS, "Requests answered, by route, method and status.");
    describe_histogram!(REQUEST_SECONDS, Unit::Seconds, "Time to answer a request.");
    describe_histogram!(
        SEARCH_SECONDS,
        Unit::Seconds,
        "Time the index took to search."
    );
    describe_counter!(RATE_LIMITED, "Requests refused by a rate limit.");
    describe_counter!(SIGN_IN_FAILURES, "Sign-ins refused.");
    describe_counter!(MAIL_FAILURES, "Failed attempts to send mail.");
    describe_gauge!("catalogue_listings", "Listings, by lifecycle state.");
    describe_gauge!(
        "catalogue_index_changes_pending",
        "Changes stored that the search index has not applied."
    );
    describe_gauge!(
        "catalogue_index_seconds_behind",
        Unit::Seconds,
        "Age of the oldest change the index has not applied (0 when caught up)."
    );
    describe_gauge!(
        "catalogue_index_rebuilding",
        "1 while the index is rebuilt from the database."
    );
    describe_gauge!("catalogue_outbox_waiting", "Mail waiting to be sent.");
    describe_gauge!(
        "catalogue_outbox_given_up",
        "Mail no longer tried after repeated failures."
    );
    describe_gauge!(
        "catalogue_backup_age_seconds",
        Unit::Seconds,
        "Age of the newest scheduled backup (+Inf when there is none yet)."
    );
}

/// Counts each request and times it, by route as declared (never the
/// address itself, which would make one series per listing or query).
pub async fn track(request: Request, next: Next) -> Response {
    if HANDLE.get().is_none() {
        // Nothing records them: spare every request the labels.
        return next.run(request).await;
    }
    let started = Instant::now();
    let route = crate::web::route_of(&request).to_owned();
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    let labels = [
        ("route", route),
        ("method", method),
        ("status", response.status().as_u16().to_string()),
    ];
    counter!(REQUESTS, &labels).increment(1);
    histogram!(REQUEST_SECONDS, &labels).record(started.elapsed().as_secs_f64());
    response
}

/// Times one search by the index.
pub fn time_search<T>(search: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let found = search();
    histogram!(SEARCH_SECONDS).record(started.elapsed().as_secs_f64());
    found
}

/// `GET /metrics` on the site: only with the operator's token.
pub async fn guarded(State(state): State<AppState>, request: Request) -> Response {
    let offered = crate::web::auth::bearer_token(request.headers());
    let expected = state
        .settings
        .metrics_token
        .as_ref()
        .map(|token| token.0.as_str());
    let allowed = match (offered, expected) {
        (Some(offered), Some(expected)) => {
            bool::from(offered.as_bytes().ct_eq(expected.as_bytes()))
        }
        _ => false,
    };
    if !allowed {
        return ApiError(Error::Unauthorized(
            "Send the metrics token: Authorization: Bearer <token>, as given to the service with --metrics-token.".to_owned(),
        ))
        .into_response();
    }
    render(State(state)).await
}

/// The metrics in Prometheus's text format, the catalogue's figures read now.
pub async fn render(State(state): State<AppState>) -> Response {
    let Some(handle) = HANDLE.get() else {
        return ApiError(Error::NotFound(
            "Metrics are not recorded by this service; start it with --metrics-addr or --metrics-token."
                .to_owned(),
        ))
        .into_response();
    };
    if let Err(err) = read_figures(&state).await {
        // The request counters are still worth having; the figures' absence
        // is an alert in itself.
        tracing::warn!(error = %err, "could not read the catalogue's figures for metrics");
    }
    let mut response = handle.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

async fn read_figures(state: &AppState) -> anyhow::Result<()> {
    let applied = state.index.applied_seq()?.unwrap_or(0);
    let latest = state.store.latest_seq().await?;
    let figures = state
        .store
        .operating_figures(applied, MAX_MAIL_ATTEMPTS)
        .await?;
    for (listing_state, count) in &figures.listings_by_state {
        gauge!("catalogue_listings", "state" => listing_state.as_str()).set(*count as f64);
    }
    gauge!("catalogue_index_changes_pending").set((latest - applied).max(0) as f64);
    let behind = figures.oldest_unapplied_change.map_or(0.0, |at| {
        (OffsetDateTime::now_utc() - at).as_seconds_f64().max(0.0)
    });
    gauge!("catalogue_index_seconds_behind").set(behind);
    let rebuilding = matches!(state.index_status.get(), crate::app::IndexState::Rebuilding);
    gauge!("catalogue_index_rebuilding").set(f64::from(u8::from(rebuilding)));
    gauge!("catalogue_outbox_waiting").set(figures.mail_waiting as f64);
    gauge!("catalogue_outbox_given_up").set(figures.mail_given_up as f64);
    if let Some(dir) = &state.settings.backup_dir {
        gauge!("catalogue_backup_age_seconds").set(newest_backup_age(dir));
    }
    Ok(())
}

/// Seconds since the newest scheduled backup in `dir` was written; +Inf
/// when there is none (or the directory cannot be read), so that an alert
/// on age fires.
fn newest_backup_age(dir: &std::path::Path) -> f64 {
    let newest = crate::app::backup::scheduled_backups(dir)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|path| path.metadata().and_then(|meta| meta.modified()).ok())
        .max();
    newest.map_or(f64::INFINITY, |at| {
        SystemTime::now()
            .duration_since(at)
            .unwrap_or_default()
            .as_secs_f64()
    })
}
