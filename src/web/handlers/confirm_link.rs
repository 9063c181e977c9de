//! The one-click confirmation link of a freshness reminder: a page saying
//! which listing it confirms, and a button that does it, without signing
//! in. Opening the link changes nothing, since mail filters open links to
//! inspect them; the button does.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use time::OffsetDateTime;

use crate::app::confirm_link::{self, LinkCheck};
use crate::store::Store;
use crate::web::auth::{AuthSession, CheckedForm, form_token};
use crate::web::{AppState, Result, paths, views};

/// Routes of the confirmation link.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::CONFIRM_BY_LINK, get(confirm_form).post(confirm))
}

/// A page for what the link is worth; 410 Gone for a link that no longer
/// works, 404 for one that never did.
fn answer(check: &LinkCheck, link: &str, token: &str, confirmed_now: bool) -> Response {
    let status = match check {
        LinkCheck::Valid { .. } | LinkCheck::Used { .. } => StatusCode::OK,
        LinkCheck::Expired | LinkCheck::NotPublished => StatusCode::GONE,
        LinkCheck::Invalid => StatusCode::NOT_FOUND,
    };
    (
        status,
        views::confirm::confirm_link_page(check, link, token, confirmed_now),
    )
        .into_response()
}

async fn confirm_form(
    auth: AuthSession,
    State(store): State<Store>,
    Path(link): Path<String>,
) -> Result<Response> {
    let check = confirm_link::check(&store, &link, OffsetDateTime::now_utc()).await?;
    let token = form_token(&auth.session).await?;
    Ok(answer(&check, &link, &token, false))
}

async fn confirm(
    auth: AuthSession,
    State(store): State<Store>,
    Path(link): Path<String>,
    _form: CheckedForm,
) -> Result<Response> {
    let check = confirm_link::redeem(&store, &link, OffsetDateTime::now_utc()).await?;
    let token = form_token(&auth.session).await?;
    let confirmed_now = matches!(check, LinkCheck::Valid { .. });
    Ok(answer(&check, &link, &token, confirmed_now))
}
