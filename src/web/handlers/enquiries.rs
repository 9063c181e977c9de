//! Visitors' enquiries to the organisation that owns a listing.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::listings::{listing_id, missing};
use super::{Done, Limit, PerClient, rate_limited};
use crate::app::mail;
use crate::domain::Listing;
use crate::domain::lifecycle::ListingState;
use crate::domain::{Lines, parse_email, stray_control};
use crate::i18n::t;
use crate::store::{NewEnquiry, Store};
use crate::web::auth::{AuthSession, CheckedForm, Viewer, form_token};
use crate::web::forms::{FormErrors, control_problem};
use crate::web::handlers::done_redirect;
use crate::web::views::enquiry::EnquiryFields;
use crate::web::{AppState, Result, Settings, paths, views};

/// Longest message, in characters.
const MAX_MESSAGE: usize = 5_000;

/// Routes of the enquiry form.
pub fn router() -> Router<AppState> {
    // Against floods of mail to the owners: five in a burst, then one a minute.
    rate_limited(
        Router::new().route(paths::ENQUIRY, get(enquiry_form).post(send_enquiry)),
        PerClient,
        Limit::form_posts("enquiry", 5, Duration::from_secs(60)),
    )
}

async fn published(store: &Store, path: Result<Path<String>, PathRejection>) -> Result<Listing> {
    let id = listing_id(path)?;
    match store.listing_record(id.as_str()).await? {
        Some(record) if record.state == ListingState::Published => {
            record.published.ok_or_else(|| missing(id.as_str()))
        }
        _ => Err(missing(id.as_str())),
    }
}

async fn enquiry_form(
    viewer: Viewer,
    auth: AuthSession,
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
    Query(done): Query<Done>,
) -> Result<Response> {
    let listing = published(&store, path).await?;
    let token = form_token(&auth.session).await?;
    Ok(views::enquiry::enquiry_page(
        &viewer,
        &token,
        &listing,
        &EnquiryFields::default(),
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .into_response())
}

async fn send_enquiry(
    viewer: Viewer,
    auth: AuthSession,
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
    path: Result<Path<String>, PathRejection>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let listing = published(&store, path).await?;
    let fields = EnquiryFields {
        name: form.text("name").trim().to_owned(),
        email: form.text("email").trim().to_owned(),
        message: form.text("message").trim().to_owned(),
    };
    let mut errors = FormErrors::default();
    if fields.name.is_empty() || fields.name.chars().count() > 200 {
        errors.add("name", t!("enquiry-error-name"));
    } else if let Some(c) = stray_control(&fields.name, Lines::One) {
        errors.add("name", control_problem(c));
    }
    let email = parse_email(&fields.email)
        .map_err(|_| errors.add("email", t!("enquiry-error-email")))
        .ok();
    let length = fields.message.chars().count();
    if length == 0 {
        errors.add("message", t!("enquiry-error-message"));
    } else if length > MAX_MESSAGE {
        errors.add(
            "message",
            t!("enquiry-error-too-long", length = length, max = MAX_MESSAGE),
        );
    } else if let Some(c) = stray_control(&fields.message, Lines::Many) {
        errors.add("message", control_problem(c));
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        let token = form_token(&auth.session).await?;
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            views::enquiry::enquiry_page(&viewer, &token, &listing, &fields, &errors, None),
        )
            .into_response());
    };
    let enquiry = NewEnquiry {
        listing_id: listing.id.as_str(),
        org: &listing.provider.id,
        name: &fields.name,
        email: &email,
        message: &fields.message,
    };
    mail::send_enquiry(&store, &listing, &enquiry, &settings.link(paths::DASHBOARD)).await?;
    Ok(done_redirect(paths::enquiry(&listing.id), "sent"))
}
