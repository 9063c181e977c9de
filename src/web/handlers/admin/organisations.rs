//! The Secretariat's list of organisations: adding one and changing its details.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{add_entry_errors, problem};
use crate::i18n::t;
use crate::store::{Organisation, Store};
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::forms::FormFields;
use crate::web::handlers::Done;
use crate::web::handlers::done_redirect;
use crate::web::views::admin::OrganisationFields;
use crate::web::{Error, Result, paths, views};

pub(super) async fn organisations(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    user.require_secretariat()?;
    let list = store.organisations().await?;
    let form = OrganisationFields {
        kind: "member-state".into(),
        ..OrganisationFields::default()
    };
    Ok(views::admin::organisations_page(
        &user.viewer(),
        &user.form_token,
        &list,
        &form,
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .into_response())
}

pub(super) async fn add_organisation(
    user: SignedIn,
    State(store): State<Store>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = organisation_fields(&form, form.text("id"));
    let mut errors = FormErrors::default();
    if let Some(org) = organisation_from(&fields, &mut errors) {
        match store.add_organisation(&org).await {
            Ok(()) => {
                return Ok(done_redirect(paths::ORGANISATIONS, "organisation"));
            }
            Err(crate::store::Error::Conflict(_)) => errors.add(
                "id",
                problem(
                    "admin-id",
                    t!("admin-organisation-id-taken", id = org.id.as_str()),
                ),
            ),
            Err(other) => return Err(other.into()),
        }
    }
    let list = store.organisations().await?;
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        views::admin::organisations_page(
            &user.viewer(),
            &user.form_token,
            &list,
            &fields,
            &errors,
            None,
        ),
    )
        .into_response())
}

/// Reads and checks the organisation form's fields.
fn organisation_from(fields: &OrganisationFields, errors: &mut FormErrors) -> Option<Organisation> {
    Organisation::parse(&fields.id, &fields.name, &fields.kind, &fields.country)
        .map_err(|found| add_entry_errors(errors, &found, false))
        .ok()
}

fn organisation_fields(form: &FormFields, id: &str) -> OrganisationFields {
    OrganisationFields {
        id: id.trim().to_owned(),
        name: form.text("name").trim().to_owned(),
        kind: form.text("kind").to_owned(),
        country: form.text("country").to_owned(),
    }
}

pub(super) async fn organisation_form(
    user: SignedIn,
    State(store): State<Store>,
    Path(id): Path<String>,
) -> Result<Response> {
    user.require_secretariat()?;
    let org = store
        .organisation(&id)
        .await?
        .ok_or_else(|| Error::NotFound(t!("admin-no-such-organisation", id = id.as_str())))?;
    let fields = OrganisationFields {
        id: org.id.to_string(),
        name: org.name,
        kind: org.kind.as_str().to_owned(),
        country: org.country.as_str().to_owned(),
    };
    Ok(views::admin::organisation_page(
        &user.viewer(),
        &user.form_token,
        &fields,
        &FormErrors::default(),
    )
    .into_response())
}

pub(super) async fn update_organisation(
    user: SignedIn,
    State(store): State<Store>,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = organisation_fields(&form, &id);
    let mut errors = FormErrors::default();
    let Some(org) = organisation_from(&fields, &mut errors) else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            views::admin::organisation_page(&user.viewer(), &user.form_token, &fields, &errors),
        )
            .into_response());
    };
    if store.organisation(org.id.as_str()).await?.is_none() {
        return Err(Error::NotFound(t!(
            "admin-no-such-organisation",
            id = org.id.as_str()
        )));
    }
    store.update_organisation(&org).await?;
    Ok(done_redirect(paths::ORGANISATIONS, "organisation"))
}
