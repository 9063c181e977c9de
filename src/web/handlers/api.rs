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

async fn create(
    ApiCaller(account): ApiCaller,
    State(store): State<Store>,
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
    let state = store.write_listing(&actor, listing, true).await?;
    Ok(answer(StatusCode::CREATED, &id, state))
}

async fn revise(
    ApiCaller(account): ApiCaller,
    State(store): State<Store>,
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
    let state = store.write_listing(&actor, listing, true).await?;
    let revision =
        json!({"id": existing.id.as_str(), "status": state.as_str(), "revision": "submitted"});
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

async fn take_down(
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

async fn approve(
    ApiCaller(account): ApiCaller,
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    decide(account, state, path, Action::Approve, None).await
}

async fn request_changes(
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

async fn history(
    ApiCaller(account): ApiCaller,
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let existing = record(&store, path).await?;
    refuse_unless_manager(&account.actor(), &existing)?;
    Ok(Json(store.history(existing.id.as_str()).await?))
}
