//! Writing listings: the listing form to create or edit one, the owner's
//! actions (submit, withdraw, confirm) and a listing's history.

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::Done;
use super::dashboard::managed;
use crate::domain::SharedVocabulary;
use crate::domain::lifecycle::Action;
use crate::i18n::t;
use crate::search::SearchIndex;
use crate::store::{Organisation, Store};
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::forms::FormFields;
use crate::web::handlers::done_redirect;
use crate::web::listing_form::ListingForm;
use crate::web::views::listing_editor::FormContext;
use crate::web::{AppState, Error, Result, paths, views};

/// Routes of the listing form, the owner's actions and a listing's history.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::NEW_LISTING,
            get(new_listing_form).post(create_listing),
        )
        .route(
            paths::EDIT_LISTING,
            get(edit_listing_form).post(update_listing),
        )
        .route(paths::OWNER_ACTION, post(owner_action))
        .route(paths::LISTING_HISTORY, get(history))
}

/// The organisations the person may list for: their own, or any for the
/// Secretariat.
pub(super) async fn listable_organisations(
    store: &Store,
    user: &SignedIn,
) -> Result<Vec<Organisation>> {
    if user.account.role == crate::domain::Role::Secretariat {
        Ok(store
            .organisations()
            .await?
            .into_iter()
            .map(|s| s.organisation)
            .collect())
    } else {
        let org = user
            .account
            .org
            .as_ref()
            .map(|o| o.as_str())
            .unwrap_or_default();
        Ok(store.organisation(org).await?.into_iter().collect())
    }
}

async fn new_listing_form(
    user: SignedIn,
    State(store): State<Store>,
    State(shared): State<SharedVocabulary>,
) -> Result<Response> {
    let vocabulary = shared.current();
    let organisations = listable_organisations(&store, &user).await?;
    let org = organisations
        .first()
        .map(|o| o.id.to_string())
        .unwrap_or_default();
    Ok(views::listing_editor::listing_form_page(
        &user.viewer(),
        &user.form_token,
        &ListingForm::blank(),
        &FormErrors::default(),
        &FormContext {
            record: None,
            organisations: &organisations,
            org: &org,
            done: None,
            vocabulary: &vocabulary,
            duplicates: &[],
        },
    )
    .into_response())
}

fn wants_submit(form: &FormFields) -> bool {
    form.get("action") == Some("submit")
}

/// A new listing's form again, with its problems (422).
fn new_listing_problems(
    user: &SignedIn,
    listing_form: &ListingForm,
    errors: &FormErrors,
    organisations: &[Organisation],
    org: &str,
    vocabulary: &crate::domain::Vocabulary,
) -> Response {
    let page = views::listing_editor::listing_form_page(
        &user.viewer(),
        &user.form_token,
        listing_form,
        errors,
        &FormContext {
            record: None,
            organisations,
            org,
            done: None,
            vocabulary,
            duplicates: &[],
        },
    );
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

async fn create_listing(
    user: SignedIn,
    State(store): State<Store>,
    State(index): State<SearchIndex>,
    State(shared): State<SharedVocabulary>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let vocabulary = shared.current();
    let organisations = listable_organisations(&store, &user).await?;
    let org_id = form.text("org");
    let Some(org) = organisations.iter().find(|o| o.id.as_str() == org_id) else {
        tracing::warn!(target: "catalogue::access", user = user.account.id, org = org_id, "refused: listing for another organisation");
        return Err(Error::Forbidden(t!(
            "dashboard-not-your-organisation",
            id = org_id
        )));
    };
    let listing_form = ListingForm::from_fields(&form);
    let problems = |errors: &FormErrors| {
        new_listing_problems(
            &user,
            &listing_form,
            errors,
            &organisations,
            org_id,
            &vocabulary,
        )
    };
    let listing = match listing_form.to_listing(org, &vocabulary) {
        Ok(listing) => listing,
        Err(errors) => return Ok(problems(&errors)),
    };
    if store.listing_record(listing.id.as_str()).await?.is_some() {
        let mut errors = FormErrors::default();
        errors.add(
            "id",
            t!(
                "form-field-problem",
                field = t!("listing-form-id"),
                problem = t!("listing-form-id-taken", id = listing.id.as_str())
            ),
        );
        return Ok(problems(&errors));
    }
    let id = listing.id.to_string();
    let (submit, done) = submission(&form, &index, &listing).await?;
    store.write_listing(&user.actor(), listing, submit).await?;
    Ok(done_redirect(paths::edit_listing(&id), done))
}

/// Whether to submit the listing, and what to tell the person: a listing
/// that looks like others already in the catalogue is saved as a draft the
/// first time, so its owner sees them before submitting (submitting again
/// submits: never a refusal).
async fn submission(
    form: &FormFields,
    index: &SearchIndex,
    listing: &crate::domain::Listing,
) -> Result<(bool, &'static str)> {
    if !wants_submit(form) {
        return Ok((false, "saved"));
    }
    let seen = form.get("duplicates-seen") == Some("1");
    if !seen && !super::possible_duplicates(index, listing).await?.is_empty() {
        return Ok((false, "duplicates"));
    }
    Ok((true, "submitted"))
}

async fn edit_listing_form(
    user: SignedIn,
    State(store): State<Store>,
    State(index): State<SearchIndex>,
    State(shared): State<SharedVocabulary>,
    path: Result<Path<String>, PathRejection>,
    Query(done): Query<Done>,
) -> Result<Response> {
    let vocabulary = shared.current();
    let record = managed(&store, &user, path).await?;
    let organisations = listable_organisations(&store, &user).await?;
    let form = ListingForm::from_listing(record.current());
    let duplicates = super::possible_duplicates(&index, record.current()).await?;
    Ok(views::listing_editor::listing_form_page(
        &user.viewer(),
        &user.form_token,
        &form,
        &FormErrors::default(),
        &FormContext {
            record: Some(&record),
            organisations: &organisations,
            org: record.org.as_str(),
            done: done.message().as_deref(),
            vocabulary: &vocabulary,
            duplicates: &duplicates,
        },
    )
    .into_response())
}

async fn update_listing(
    user: SignedIn,
    State(store): State<Store>,
    State(index): State<SearchIndex>,
    State(shared): State<SharedVocabulary>,
    path: Result<Path<String>, PathRejection>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let vocabulary = shared.current();
    let record = managed(&store, &user, path).await?;
    let org = store
        .organisation(record.org.as_str())
        .await?
        .ok_or_else(|| {
            Error::NotFound(t!("admin-no-such-organisation", id = record.org.as_str()))
        })?;
    let mut listing_form = ListingForm::from_fields(&form);
    // The id is the address: it cannot change.
    listing_form.id = record.id.to_string();
    listing_form.updated = record.current().updated;
    let listing = match listing_form.to_listing(&org, &vocabulary) {
        Ok(listing) => listing,
        Err(errors) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                views::listing_editor::listing_form_page(
                    &user.viewer(),
                    &user.form_token,
                    &listing_form,
                    &errors,
                    &FormContext {
                        record: Some(&record),
                        organisations: std::slice::from_ref(&org),
                        org: org.id.as_str(),
                        done: None,
                        vocabulary: &vocabulary,
                        duplicates: &[],
                    },
                ),
            )
                .into_response());
        }
    };
    let (submit, done) = submission(&form, &index, &listing).await?;
    store.write_listing(&user.actor(), listing, submit).await?;
    Ok(done_redirect(paths::edit_listing(&record.id), done))
}

/// Does an owner's action (`submit`, `withdraw` or `confirm`) and returns
/// to where the person came from.
async fn owner_action(
    user: SignedIn,
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    _form: CheckedForm,
) -> Result<Response> {
    let (id, action) = path.map(|Path(parts)| parts).unwrap_or_default();
    let action = match action.as_str() {
        "submit" => Action::Submit,
        "withdraw" => Action::Withdraw,
        "confirm" => Action::Confirm,
        _ => return Err(super::listings::missing(&id)),
    };
    let record = managed(&state.store, &user, Ok(Path(id))).await?;
    state
        .store
        .act(&user.actor(), record.id.as_str(), action, None)
        .await?;
    let (back, done) = match action {
        // Confirming is done from the dashboard's list of listings due.
        Action::Confirm => (paths::DASHBOARD.to_owned(), "confirmed"),
        Action::Withdraw => (paths::edit_listing(&record.id), "withdrawn"),
        _ => (paths::edit_listing(&record.id), "submitted"),
    };
    Ok(done_redirect(back, done))
}

async fn history(
    user: SignedIn,
    State(store): State<Store>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let record = managed(&store, &user, path).await?;
    let entries = store.history(record.id.as_str()).await?;
    Ok(views::history::history_page(&user.viewer(), &record, &entries).into_response())
}
