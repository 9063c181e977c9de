//! The Secretariat's review: the queue, one revision, and the decisions.

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::Done;
use super::dashboard::managed;
use crate::domain::lifecycle::{self, Action};
use crate::i18n::t;
use crate::store::{ListingRecord, Store};
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::handlers::done_redirect;
use crate::web::{AppState, Result, paths, views};

/// Routes of the review pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::REVIEW_QUEUE, get(queue))
        .route(paths::REVIEW, get(review))
        .route(paths::REVIEW_ACTION, post(decide))
}

async fn queue(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    user.require_secretariat()?;
    let queue = store.review_queue().await?;
    Ok(
        views::review::queue_page(&user.viewer(), &queue, done.message().as_deref())
            .into_response(),
    )
}

fn changes(record: &ListingRecord) -> Vec<lifecycle::FieldChange> {
    match &record.revision {
        Some(revision) => lifecycle::diff(record.published.as_ref(), &revision.listing),
        None => Vec::new(),
    }
}

async fn review(
    user: SignedIn,
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response> {
    user.require_secretariat()?;
    let record = managed(&state.store, &user, path).await?;
    Ok(review_page(&state, &user, &record, &FormErrors::default())
        .await?
        .into_response())
}

/// The review page, with the listings the revision looks like.
async fn review_page(
    state: &AppState,
    user: &SignedIn,
    record: &ListingRecord,
    errors: &FormErrors,
) -> Result<maud::Markup> {
    let duplicates = super::possible_duplicates(&state.index, record.current()).await?;
    Ok(views::review::review_page(
        &user.viewer(),
        &user.form_token,
        &views::review::Reviewed {
            record,
            changes: &changes(record),
            duplicates: &duplicates,
            vocabulary: &state.vocabulary.current(),
        },
        errors,
        "",
    ))
}

/// A reviewer's decision (`approve`, `request-changes` or `archive`); asking
/// for changes needs a comment.
async fn decide(
    user: SignedIn,
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let (id, action) = path.map(|Path(parts)| parts).unwrap_or_default();
    let action = match action.as_str() {
        "approve" => Action::Approve,
        "request-changes" => Action::RequestChanges,
        "archive" => Action::Archive,
        _ => return Err(super::listings::missing(&id)),
    };
    let record = managed(&state.store, &user, Ok(Path(id))).await?;
    let comment = form.get("comment");
    if action == Action::RequestChanges && comment.is_none_or(|c| c.trim().is_empty()) {
        let mut errors = FormErrors::default();
        errors.add("comment", t!("review-comment-needed"));
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            review_page(&state, &user, &record, &errors).await?,
        )
            .into_response());
    }
    state
        .store
        .act(&user.actor(), record.id.as_str(), action, comment)
        .await?;
    let done = match action {
        Action::Approve => "approved",
        Action::RequestChanges => "changes-requested",
        _ => "archived",
    };
    Ok(done_redirect(paths::REVIEW_QUEUE, done))
}
