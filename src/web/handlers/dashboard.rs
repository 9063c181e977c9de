//! The contributor's dashboard, and who may manage a listing.

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use time::OffsetDateTime;

use super::Done;
use super::listings::{listing_id, missing};
use crate::store::workflow::CONFIRMATION_INTERVAL;
use crate::store::{ListingRecord, Store};
use crate::web::auth::SignedIn;
use crate::web::views::dashboard::Dashboard;
use crate::web::{AppState, Error, Result, paths, views};

/// Routes of the dashboard.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::DASHBOARD, get(dashboard))
}

/// The listing at this path, if the signed-in person may manage it. Anyone
/// else is refused, and the attempt is logged.
pub(super) async fn managed(
    store: &Store,
    user: &SignedIn,
    path: Result<Path<String>, PathRejection>,
) -> Result<ListingRecord> {
    let id = listing_id(path)?;
    let record = store
        .listing_record(id.as_str())
        .await?
        .ok_or_else(|| missing(id.as_str()))?;
    if !user.actor().may_manage(&record.org) {
        tracing::warn!(
            target: "catalogue::access",
            user = user.account.id,
            org = user.account.org.as_ref().map(|o| o.as_str()),
            listing = id.as_str(),
            "refused: another organisation's listing"
        );
        return Err(Error::Forbidden(format!(
            "“{id}” belongs to another organisation. You can only open your own organisation's listings."
        )));
    }
    Ok(record)
}

async fn dashboard(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    let organisation = match &user.account.org {
        Some(org) => store.organisation(org.as_str()).await?,
        None => None,
    };
    let (listings, enquiries) = match &user.account.org {
        Some(org) => (
            store.org_listings(org).await?,
            store.enquiries_to(org, 50).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let now = OffsetDateTime::now_utc();
    let (due, waiting) = if user.account.role == crate::domain::Role::Secretariat {
        let due = store.unconfirmed_since(now - CONFIRMATION_INTERVAL).await?;
        (due, Some(store.review_queue().await?.len()))
    } else {
        (
            listings
                .iter()
                .filter(|r| r.due_for_confirmation(now))
                .cloned()
                .collect(),
            None,
        )
    };
    Ok(views::dashboard::dashboard_page(
        &user.viewer(),
        &user.form_token,
        &Dashboard {
            organisation: organisation.as_ref(),
            listings: &listings,
            enquiries: &enquiries,
            due: &due,
            waiting,
            done: done.message().as_deref(),
        },
    )
    .into_response())
}
