//! What has happened across the catalogue.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::i18n::t;
use crate::store::Store;
use crate::web::auth::SignedIn;
use crate::web::views::{self, activity::PER_PAGE};
use crate::web::{Error, Result};

#[derive(Debug, Deserialize)]
pub(super) struct Filter {
    org: Option<String>,
    page: Option<String>,
}

pub(super) async fn activity(
    user: SignedIn,
    State(store): State<Store>,
    Query(filter): Query<Filter>,
) -> Result<Response> {
    user.require_secretariat()?;
    let organisations = store.organisations().await?;
    let org = filter
        .org
        .as_deref()
        .map(str::trim)
        .filter(|org| !org.is_empty());
    if let Some(org) = org
        && !organisations
            .iter()
            .any(|o| o.organisation.id.as_str() == org)
    {
        return Err(Error::NotFound(t!(
            "activity-no-such-organisation",
            org = org
        )));
    }
    let page = match filter.page.as_deref().map(str::trim) {
        None | Some("") => 1,
        Some(page) => page
            .parse::<i64>()
            .ok()
            .filter(|page| (1..=10_000).contains(page))
            .ok_or_else(|| Error::BadRequest(t!("activity-bad-page", value = page)))?,
    };
    let activities = store.activity(org, PER_PAGE, (page - 1) * PER_PAGE).await?;
    Ok(
        views::activity::activity_page(&user.viewer(), &activities, &organisations, org, page)
            .into_response(),
    )
}
