//! One listing: its page and its interchange-format JSON (with an entity tag,
//! so that a copy kept elsewhere is checked without being sent again), and
//! the harvest of them all.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::Markup;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::domain::lifecycle::ListingState;
use crate::domain::{Day, Listing, ListingId, SharedVocabulary};
use crate::i18n::t;
use crate::store::{ListingRecord, Store};
use crate::web::auth::Viewer;
use crate::web::views::listing::Freshness;
use crate::web::{ApiError, AppState, Error, Result, Settings, paths, views};

/// Routes of listing pages and the public listing API.
pub fn router() -> Router<AppState> {
    let public_api = Router::new()
        .route(
            paths::API_LISTING,
            get(get_listing).options(super::preflight),
        )
        .route(
            paths::API_LISTINGS,
            get(super::harvest::harvest).options(super::preflight),
        )
        .route(
            paths::API_DOCUMENT,
            get(api_document).options(super::preflight),
        )
        .layer(super::read_cors());
    Router::new()
        .route(paths::LISTING, get(show_listing))
        .route(paths::API_PAGE, get(api_page))
        .merge(public_api)
}

/// The id in a path. An id that cannot be read (not an id's shape) names
/// no listing, so it is a 404 like any unknown id.
pub(super) fn listing_id(path: Result<Path<String>, PathRejection>) -> Result<ListingId> {
    let id = path.map(|Path(id)| id).unwrap_or_default();
    ListingId::parse(&id).map_err(|_| missing(&id))
}

pub(super) fn missing(id: &str) -> Error {
    Error::NotFound(t!("listing-missing", id = id))
}

/// The published listing at this path.
async fn find(store: &Store, path: Result<Path<String>, PathRejection>) -> Result<ListingRecord> {
    let id = listing_id(path)?;
    match store.listing_record(id.as_str()).await? {
        Some(record) if record.state == ListingState::Published && record.published.is_some() => {
            Ok(record)
        }
        _ => Err(missing(id.as_str())),
    }
}

/// `?original` asks for the listing in its own language even where it has a
/// translation into the reader's.
#[derive(Debug, Default, Deserialize)]
struct Reading {
    original: Option<String>,
    /// The language asked for in the address (see `in_chosen_language`).
    lang: Option<String>,
}

async fn show_listing(
    viewer: Viewer,
    State(store): State<Store>,
    State(vocabulary): State<SharedVocabulary>,
    State(settings): State<Arc<Settings>>,
    path: Result<Path<String>, PathRejection>,
    reading: Result<Query<Reading>, QueryRejection>,
) -> Result<Markup> {
    let Query(reading) = reading.unwrap_or_default();
    let record = find(&store, path).await?;
    let now = OffsetDateTime::now_utc();
    let freshness = Freshness {
        confirmed: record.confirmed_at.map(|at| Day::new(at.date())),
        stale: record.due_for_confirmation(now),
        manageable: viewer
            .account
            .as_ref()
            .is_some_and(|a| a.actor().may_manage(&record.org)),
    };
    let listing = record.published.as_ref().expect("find checked it");
    let page = settings.link(&paths::listing(listing.id.as_str()));
    let readable = crate::i18n::interface_languages(
        std::iter::once(listing.lang.as_str())
            .chain(listing.translations.keys().map(|t| t.as_str())),
    );
    // Search engines are told of each language the listing reads in, and
    // each such address names itself as the page's address.
    let mut alternates: Vec<(String, String)> = Vec::new();
    if readable.len() > 1 {
        for locale in &readable {
            alternates.push((
                locale.tag().to_owned(),
                paths::in_language(&page, locale.tag()),
            ));
        }
        alternates.push(("x-default".to_owned(), page.clone()));
    }
    let url = match reading.lang.as_deref().and_then(crate::i18n::Locale::parse) {
        Some(locale) => paths::in_language(&page, locale.tag()),
        None => page,
    };
    let shown = views::listing::Shown {
        original: reading.original.is_some(),
        url,
        alternates,
        today: Day::today(),
    };
    Ok(views::listing::listing_page(
        &viewer,
        listing,
        &freshness,
        &vocabulary.current(),
        &shown,
    ))
}

/// One published listing in the interchange format.
#[utoipa::path(
    get,
    path = "/api/v1/listings/{id}",
    tag = "listings",
    params(
        ("id" = String, Path, description = "The listing's id."),
        ("If-None-Match" = Option<String>, Header, description = "An entity tag from an earlier read."),
    ),
    responses(
        (status = 200, description = "The listing, with its entity tag in `ETag`.", body = Listing),
        (status = 304, description = "Unchanged since the entity tag given."),
        (status = 404, description = "No published listing has this id.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn get_listing(
    State(store): State<Store>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let record = find(&store, path).await?;
    let listing: Listing = record.published.expect("find checked it");
    let body = serde_json::to_vec(&listing).expect("a listing always serialises");
    let etag = entity_tag(&body);
    let headers_out = [
        (header::ETAG, etag.clone()),
        // Kept copies are checked each time; unchanged ones are not sent.
        (header::CACHE_CONTROL, "no-cache".to_owned()),
    ];
    if matches_any(&headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, headers_out).into_response());
    }
    Ok((
        headers_out,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

/// A strong entity tag for a response body: its SHA-256, shortened.
fn entity_tag(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn matches_any(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// The OpenAPI document of API v1, made once.
fn api_document_json() -> &'static str {
    static DOCUMENT: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(crate::web::openapi::document);
    &DOCUMENT
}

async fn api_document() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        api_document_json(),
    )
        .into_response()
}

async fn api_page(viewer: Viewer) -> Markup {
    // Read once, like the document itself: it never changes while running.
    static DOCUMENT: std::sync::LazyLock<serde_json::Value> = std::sync::LazyLock::new(|| {
        serde_json::from_str(api_document_json()).expect("the document is JSON")
    });
    views::api_page::api_page(&viewer, &DOCUMENT)
}
