//! The API for contributors' systems: submit and revise listings, and for
//! the Secretariat, decide on them. Authenticated by bearer token.

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use super::listings::{listing_id, missing};
use super::{Limit, PerToken, rate_limited};
use crate::domain::lifecycle::{Action, ListingState};
use crate::domain::{Actor, FieldError, Listing, Problem, SharedVocabulary};
use crate::interchange::json::parse_listing;
use crate::store::{AuditEntry, ListingRecord, Store};
use crate::web::auth::ApiCaller;
use crate::web::{ApiError, AppState, Error, paths};

/// Routes of the writing API.
/// Writes are limited to `per_second` per token (see
/// [`crate::web::ApiLimits`]).
pub fn router(per_second: u32) -> Router<AppState> {
    let routes = Router::new()
        .route(paths::API_LISTINGS, post(create))
        .route(
            paths::API_LISTING,
            axum::routing::put(revise).delete(take_down),
        )
        .route(paths::API_APPROVE, post(approve))
        .route(paths::API_REQUEST_CHANGES, post(request_changes))
        .route(paths::API_HISTORY, get(history));
    let writes = &[Method::POST, Method::PUT, Method::DELETE];
    rate_limited(
        routes,
        PerToken,
        Limit::per_second("api-write", per_second, 3, writes, true),
    )
}

fn json_body(body: &Bytes) -> Result<Value, Error> {
    serde_json::from_slice(body).map_err(|err| {
        Error::BadRequest(format!(
            "The body is not valid JSON ({err}). Send one listing in the interchange format as a JSON object."
        ))
    })
}

fn listing_from(body: &Bytes, vocabulary: &SharedVocabulary) -> Result<Listing, Error> {
    parse_listing(json_body(body)?, &vocabulary.current()).map_err(Error::Invalid)
}

fn answer(status: StatusCode, id: &str, state: ListingState) -> Response {
    (status, Json(json!({"id": id, "status": state.as_str()}))).into_response()
}

/// Adds the published listings `listing` looks like to a write's answer.
async fn with_duplicates(
    mut answer: serde_json::Value,
    index: &crate::search::SearchIndex,
    listing: &crate::domain::Listing,
) -> Result<serde_json::Value, Error> {
    let found: Vec<_> = super::possible_duplicates(index, listing)
        .await?
        .iter()
        .map(crate::web::openapi::PossibleDuplicate::of)
        .collect();
    if !found.is_empty() {
        answer["possible_duplicates"] = json!(found);
    }
    Ok(answer)
}

/// The listing at this path, or 404.
async fn record(
    store: &Store,
    path: Result<Path<String>, PathRejection>,
) -> Result<ListingRecord, Error> {
    let id = listing_id(path)?;
    store
        .listing_record(id.as_str())
        .await?
        .ok_or_else(|| missing(id.as_str()))
}

/// Submits a new listing for review.
#[utoipa::path(
    post,
    path = "/api/v1/listings",
    tag = "contributing",
    security(("token" = [])),
    request_body = Listing,
    responses(
        (status = 201, description = "Submitted for review.", body = crate::web::openapi::ListingStatus),
        (status = 400, description = "The body is not JSON.", body = crate::web::openapi::ErrorBody),
        (status = 401, description = "No API token, or one that is not valid.", body = crate::web::openapi::ErrorBody),
        (status = 403, description = "Not the caller's organisation, or a Secretariat step.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many writes with this token; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
        (status = 409, description = "The id is taken.", body = crate::web::openapi::ErrorBody),
        (status = 422, description = "The listing has problems, each named with its field.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn create(
    ApiCaller(account): ApiCaller,
    State(store): State<Store>,
    State(index): State<crate::search::SearchIndex>,
    State(vocabulary): State<SharedVocabulary>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let listing = listing_from(&body, &vocabulary)?;
    let actor = account.actor();
    if !actor.may_manage(&listing.provider.id) {
        tracing::warn!(target: "catalogue::access", user = account.id, org = %listing.provider.id, "refused: API listing for another organisation");
        return Err(Error::Forbidden(format!(
            "provider.id is \"{}\", but your token belongs to another organisation; you can only submit your own organisation's listings",
            listing.provider.id
        ))
        .into());
    }
    if let Some(existing) = store.listing_record(listing.id.as_str()).await? {
        // Another organisation's listing is not described, published or
        // not: its drafts are none of the caller's business.
        return Err(Error::Conflict(if actor.may_manage(&existing.org) {
            format!(
                "a listing with the id \"{}\" exists already; revise it with PUT {}",
                listing.id,
                paths::api_listing(listing.id.as_str())
            )
        } else {
            format!(
                "the id \"{}\" is taken; choose another id for this listing",
                listing.id
            )
        })
        .into());
    }
    let id = listing.id.to_string();
    let found = with_duplicates(json!({"id": id}), &index, &listing).await?;
    let state = store.write_listing(&actor, listing, true).await?;
    let mut body = found;
    body["status"] = json!(state.as_str());
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Submits a new version of a listing for review; a published version stays live meanwhile.
#[utoipa::path(
    put,
    path = "/api/v1/listings/{id}",
    tag = "contributing",
    security(("token" = [])),
    params(("id" = String, Path, description = "The listing's id.")),
    request_body = Listing,
    responses(
        (status = 200, description = "The revision is submitted.", body = crate::web::openapi::ListingStatus),
        (status = 404, description = "No such listing.", body = crate::web::openapi::ErrorBody),
        (status = 401, description = "No API token, or one that is not valid.", body = crate::web::openapi::ErrorBody),
        (status = 403, description = "Not the caller's organisation, or a Secretariat step.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many writes with this token; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
        (status = 409, description = "The lifecycle does not allow it now.", body = crate::web::openapi::ErrorBody),
        (status = 422, description = "The listing has problems.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn revise(
    ApiCaller(account): ApiCaller,
    State(store): State<Store>,
    State(index): State<crate::search::SearchIndex>,
    State(vocabulary): State<SharedVocabulary>,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let existing = record(&store, path).await?;
    let actor = account.actor();
    refuse_unless_manager(&actor, &existing)?;
    let listing = listing_from(&body, &vocabulary)?;
    if listing.id != existing.id {
        return Err(Error::Invalid(vec![FieldError {
            field: "id".to_owned(),
            problem: Problem::Described(format!(
                "is \"{}\" but the address names \"{}\"; the id of a listing cannot change",
                listing.id, existing.id
            )),
        }])
        .into());
    }
    let mut revision =
        with_duplicates(json!({"id": existing.id.as_str()}), &index, &listing).await?;
    let state = store.write_listing(&actor, listing, true).await?;
    revision["status"] = json!(state.as_str());
    revision["revision"] = json!("submitted");
    Ok((StatusCode::OK, Json(revision)).into_response())
}

fn refuse_unless_manager(actor: &Actor, record: &ListingRecord) -> Result<(), Error> {
    if actor.may_manage(&record.org) {
        return Ok(());
    }
    tracing::warn!(target: "catalogue::access", actor = %actor.name, listing = %record.id, "refused: API access to another organisation's listing");
    // Only a published listing is known to others: any other is answered
    // as if there were none.
    if record.state != ListingState::Published {
        return Err(missing(record.id.as_str()));
    }
    Err(Error::Forbidden(format!(
        "the listing \"{}\" belongs to another organisation; you can only change your own organisation's listings",
        record.id
    )))
}

async fn decide(
    account: crate::store::Account,
    state: AppState,
    path: Result<Path<String>, PathRejection>,
    action: Action,
    comment: Option<String>,
) -> Result<Response, ApiError> {
    let existing = record(&state.store, path).await?;
    let after = state
        .store
        .act(
            &account.actor(),
            existing.id.as_str(),
            action,
            comment.as_deref(),
        )
        .await?;
    Ok(answer(StatusCode::OK, existing.id.as_str(), after))
}

/// Takes a listing down: its owner withdraws it, the Secretariat archives it.
#[utoipa::path(
    delete,
    path = "/api/v1/listings/{id}",
    tag = "contributing",
    security(("token" = [])),
    params(("id" = String, Path, description = "The listing's id.")),
    responses(
        (status = 200, description = "Taken down.", body = crate::web::openapi::ListingStatus),
        (status = 404, description = "No such listing.", body = crate::web::openapi::ErrorBody),
        (status = 401, description = "No API token, or one that is not valid.", body = crate::web::openapi::ErrorBody),
        (status = 403, description = "Not the caller's organisation, or a Secretariat step.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many writes with this token; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
        (status = 409, description = "It is down already.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn take_down(
    ApiCaller(account): ApiCaller,
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    // The owner withdraws; the Secretariat archives.
    let action = if account.actor().is_secretariat() {
        Action::Archive
    } else {
        Action::Withdraw
    };
    decide(account, state, path, action, None).await
}

/// Publishes the submitted version (Secretariat).
#[utoipa::path(
    post,
    path = "/api/v1/listings/{id}/approve",
    tag = "contributing",
    security(("token" = [])),
    params(("id" = String, Path, description = "The listing's id.")),
    responses(
        (status = 200, description = "Published.", body = crate::web::openapi::ListingStatus),
        (status = 404, description = "No such listing.", body = crate::web::openapi::ErrorBody),
        (status = 401, description = "No API token, or one that is not valid.", body = crate::web::openapi::ErrorBody),
        (status = 403, description = "Not the caller's organisation, or a Secretariat step.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many writes with this token; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
        (status = 409, description = "Nothing is waiting for review.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn approve(
    ApiCaller(account): ApiCaller,
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    decide(account, state, path, Action::Approve, None).await
}

/// Sends the submitted version back with a comment (Secretariat).
#[utoipa::path(
    post,
    path = "/api/v1/listings/{id}/request-changes",
    tag = "contributing",
    security(("token" = [])),
    params(("id" = String, Path, description = "The listing's id.")),
    request_body = crate::web::openapi::CommentBody,
    responses(
        (status = 200, description = "Sent back.", body = crate::web::openapi::ListingStatus),
        (status = 400, description = "The body is not JSON.", body = crate::web::openapi::ErrorBody),
        (status = 404, description = "No such listing.", body = crate::web::openapi::ErrorBody),
        (status = 401, description = "No API token, or one that is not valid.", body = crate::web::openapi::ErrorBody),
        (status = 403, description = "Not the caller's organisation, or a Secretariat step.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many writes with this token; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
        (status = 409, description = "Nothing is waiting for review, or no comment.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn request_changes(
    ApiCaller(account): ApiCaller,
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let body = json_body(&body)?;
    let comment = body
        .get("comment")
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default();
    if comment.is_empty() {
        return Err(Error::Invalid(vec![FieldError {
            field: "comment".to_owned(),
            problem: Problem::Described(
                "is missing or empty; say what the owner should change".to_owned(),
            ),
        }])
        .into());
    }
    let comment = Some(comment.to_owned());
    decide(account, state, path, Action::RequestChanges, comment).await
}

/// A listing's audit trail, oldest first (its organisation and the Secretariat).
#[utoipa::path(
    get,
    path = "/api/v1/listings/{id}/history",
    tag = "contributing",
    security(("token" = [])),
    params(("id" = String, Path, description = "The listing's id.")),
    responses(
        (status = 200, description = "Who did what, when, field by field.", body = Vec<crate::store::AuditEntry>),
        (status = 404, description = "No such listing.", body = crate::web::openapi::ErrorBody),
        (status = 401, description = "No API token, or one that is not valid.", body = crate::web::openapi::ErrorBody),
        (status = 403, description = "Not the caller's organisation, or a Secretariat step.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many writes with this token; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn history(
    ApiCaller(account): ApiCaller,
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let existing = record(&store, path).await?;
    refuse_unless_manager(&account.actor(), &existing)?;
    Ok(Json(store.history(existing.id.as_str()).await?))
}
