//! The Secretariat's management of organisations, people and mail.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::Done;
use crate::app::Catalogue;
use crate::domain::{
    EntryError, EntryProblem, NewPerson, SharedVocabulary, Term, parse_topic, parse_topic_text,
};
use crate::i18n::t;
use crate::store::{Account, LinkPurpose, Organisation, Store};
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::forms::FormFields;
use crate::web::views::admin::{InviteFields, OrganisationFields, People, TopicFields};
use crate::web::{AppState, Error, Result, Settings, paths, views};

/// Routes of the Secretariat's management pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::ORGANISATIONS,
            get(organisations).post(add_organisation),
        )
        .route(
            paths::ORGANISATION,
            get(organisation_form).post(update_organisation),
        )
        .route(paths::PEOPLE, get(people).post(invite_person))
        .route(paths::PERSON_RESET, post(send_reset))
        .route(paths::PERSON_DISABLE, post(disable))
        .route(paths::PERSON_ENABLE, post(enable))
        .route(paths::OUTBOX, get(outbox))
        .route(paths::TOPICS, get(topics).post(add_topic))
        .route(paths::TOPIC, post(update_topic))
}

/// Session key of a link to show the Secretariat once (no mail server).
const SHOWN_LINK_KEY: &str = "shown_link";

async fn organisations(
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

async fn add_organisation(
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
                return Ok(
                    Redirect::to(&format!("{}?done=organisation", paths::ORGANISATIONS))
                        .into_response(),
                );
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

/// A field's problem, introduced by the field's label.
fn problem(label_id: &str, problem: String) -> String {
    t!(
        "form-field-problem",
        field = t!(label_id),
        problem = problem
    )
}

/// What is said of a value that is none of a list's choices.
fn choose(value: &str) -> String {
    t!("problem-not-a-choice", value = value)
}

/// The message id of the label of a field of the organisation, person and
/// topic forms.
fn label_of(field: &str) -> &'static str {
    match field {
        "id" => "admin-id",
        "kind" => "admin-type",
        "country" => "facet-country",
        "role" => "admin-role",
        "org" => "listing-form-organisation",
        "slug" => "admin-slug",
        "label" => "admin-label",
        "description" => "listing-form-description",
        _ => "admin-name",
    }
}

/// Words the problems the domain found in an entered organisation, person
/// or topic, each introduced by its field's label. A person's name is their
/// full name.
fn add_entry_errors(errors: &mut FormErrors, found: &[EntryError], person: bool) {
    for EntryError {
        field,
        problem: found,
    } in found
    {
        let reason = match found {
            EntryProblem::Email => {
                errors.add(*field, t!("error-email-invalid"));
                continue;
            }
            EntryProblem::Id => t!("problem-id"),
            EntryProblem::Name { max } => t!("problem-name", max = *max),
            EntryProblem::Sentence { max } => t!("problem-sentence", max = *max),
            EntryProblem::NotAChoice { value, .. } => choose(value),
            EntryProblem::ContributorWithoutOrganisation => {
                t!("problem-contributor-organisation")
            }
        };
        let label = match *field {
            "name" if person => "admin-full-name",
            other => label_of(other),
        };
        errors.add(*field, problem(label, reason));
    }
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

async fn organisation_form(
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

async fn update_organisation(
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
    Ok(Redirect::to(&format!("{}?done=organisation", paths::ORGANISATIONS)).into_response())
}

async fn people_page(
    user: &SignedIn,
    store: &Store,
    form: &InviteFields,
    errors: &FormErrors,
    done: Option<&str>,
) -> Result<maud::Markup> {
    let people = store.accounts().await?;
    let organisations: Vec<(String, String)> = store
        .organisations()
        .await?
        .into_iter()
        .map(|s| (s.organisation.id.to_string(), s.organisation.name))
        .collect();
    let shown_link: Option<String> = user
        .session
        .remove(SHOWN_LINK_KEY)
        .await
        .map_err(|err| Error::Internal(anyhow::anyhow!("session error: {err}")))?;
    let list = People {
        people: &people,
        organisations: &organisations,
        shown_link: shown_link.as_deref(),
        done,
    };
    Ok(views::admin::people_page(
        &user.viewer(),
        &user.form_token,
        &list,
        form,
        errors,
    ))
}

async fn people(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    user.require_secretariat()?;
    let form = InviteFields {
        role: "contributor".into(),
        ..InviteFields::default()
    };
    Ok(people_page(
        &user,
        &store,
        &form,
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .await?
    .into_response())
}

/// Issues a one-time link to `account`, mailing it (or queuing it in the
/// outbox), and returns the link.
async fn send_link(
    store: &Store,
    settings: &Settings,
    account: &Account,
    purpose: LinkPurpose,
) -> Result<String> {
    let link_for = |secret: &str| settings.link(&paths::at(paths::LINK, secret));
    Ok(crate::app::mail::send_link(store, account, purpose, link_for).await?)
}

async fn remember_link(user: &SignedIn, settings: &Settings, link: String) -> Result<()> {
    if !settings.mail_configured {
        user.session
            .insert(SHOWN_LINK_KEY, link)
            .await
            .map_err(|err| Error::Internal(anyhow::anyhow!("session error: {err}")))?;
    }
    Ok(())
}

async fn invite_person(
    user: SignedIn,
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = InviteFields {
        email: form.text("email").trim().to_owned(),
        name: form.text("name").trim().to_owned(),
        org: form.text("org").to_owned(),
        role: form.text("role").to_owned(),
    };
    let mut errors = FormErrors::default();
    let person = NewPerson::parse(&fields.email, &fields.name, &fields.role, &fields.org)
        .map_err(|found| add_entry_errors(&mut errors, &found, true))
        .ok();
    if let Some(NewPerson {
        email,
        name,
        role,
        org,
    }) = person
    {
        match store.add_account(&email, &name, role, org.as_ref()).await {
            Ok(account) => {
                let link = send_link(&store, &settings, &account, LinkPurpose::Invite).await?;
                remember_link(&user, &settings, link).await?;
                tracing::info!(user = account.id, by = user.account.id, "invited");
                return Ok(Redirect::to(&format!("{}?done=invited", paths::PEOPLE)).into_response());
            }
            Err(crate::store::Error::Conflict(_)) => errors.add(
                "email",
                problem(
                    "field-email",
                    t!("admin-email-taken", email = email.as_str()),
                ),
            ),
            Err(crate::store::Error::NotFound(_)) => errors.add(
                "org",
                problem("listing-form-organisation", choose(&fields.org)),
            ),
            Err(other) => return Err(other.into()),
        }
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        people_page(&user, &store, &fields, &errors, None).await?,
    )
        .into_response())
}

async fn person(store: &Store, id: &str) -> Result<Account> {
    let missing = || Error::NotFound(t!("admin-no-such-account", id = id));
    let id: i64 = id.parse().map_err(|_| missing())?;
    store.account(id).await?.ok_or_else(missing)
}

async fn send_reset(
    user: SignedIn,
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
    Path(id): Path<String>,
    _form: CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let account = person(&store, &id).await?;
    if account.disabled {
        return Err(Error::Conflict(t!(
            "admin-account-disabled",
            name = account.name.as_str()
        )));
    }
    // Someone who never accepted the invitation is invited again.
    let purpose = if account.password_hash.is_none() {
        LinkPurpose::Invite
    } else {
        LinkPurpose::Reset
    };
    let link = send_link(&store, &settings, &account, purpose).await?;
    remember_link(&user, &settings, link).await?;
    Ok(Redirect::to(&format!("{}?done=reset", paths::PEOPLE)).into_response())
}

async fn set_disabled(
    user: SignedIn,
    store: Store,
    id: String,
    disabled: bool,
) -> Result<Response> {
    user.require_secretariat()?;
    let account = person(&store, &id).await?;
    if account.id == user.account.id && disabled {
        return Err(Error::Conflict(t!("admin-not-yourself")));
    }
    store.set_disabled(account.id, disabled).await?;
    tracing::info!(
        user = account.id,
        by = user.account.id,
        disabled,
        "account status changed"
    );
    let done = if disabled { "disabled" } else { "enabled" };
    Ok(Redirect::to(&format!("{}?done={done}", paths::PEOPLE)).into_response())
}

async fn disable(
    user: SignedIn,
    State(store): State<Store>,
    Path(id): Path<String>,
    _form: CheckedForm,
) -> Result<Response> {
    set_disabled(user, store, id, true).await
}

async fn enable(
    user: SignedIn,
    State(store): State<Store>,
    Path(id): Path<String>,
    _form: CheckedForm,
) -> Result<Response> {
    set_disabled(user, store, id, false).await
}

async fn outbox(
    user: SignedIn,
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
) -> Result<Response> {
    user.require_secretariat()?;
    let mail = store.recent_mail(100).await?;
    Ok(views::admin::outbox_page(&user.viewer(), &mail, settings.mail_configured).into_response())
}

async fn topics_page(
    store: &Store,
    user: &SignedIn,
    form: &TopicFields,
    errors: &FormErrors,
    done: Option<&str>,
) -> Result<maud::Markup> {
    let counts = store.topic_counts().await?;
    let topics: Vec<(Term, i64)> = store
        .topics()
        .await?
        .into_iter()
        .map(|t| {
            let count = counts.get(&t.slug).copied().unwrap_or(0);
            (t, count)
        })
        .collect();
    Ok(views::admin::topics_page(
        &user.viewer(),
        &user.form_token,
        &topics,
        form,
        errors,
        done,
    ))
}

async fn topics(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    user.require_secretariat()?;
    Ok(topics_page(
        &store,
        &user,
        &TopicFields::default(),
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .await?
    .into_response())
}

async fn add_topic(
    user: SignedIn,
    State(store): State<Store>,
    State(vocabulary): State<SharedVocabulary>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = TopicFields {
        slug: form.text("slug").trim().to_owned(),
        label: form.text("label").trim().to_owned(),
        description: form.text("description").trim().to_owned(),
    };
    let mut errors = FormErrors::default();
    let parsed = parse_topic(&fields.slug, &fields.label, &fields.description)
        .map_err(|found| add_entry_errors(&mut errors, &found, false))
        .ok();
    if let Some((slug, label, description)) = parsed {
        let topic = Term {
            slug: slug.to_string(),
            label,
            description,
        };
        match store.add_topic(&topic).await {
            Ok(()) => {
                Catalogue::reload_vocabulary(&store, &vocabulary).await?;
                return Ok(Redirect::to(&format!("{}?done=topic", paths::TOPICS)).into_response());
            }
            Err(crate::store::Error::Conflict(_)) => errors.add(
                "slug",
                problem(
                    "admin-slug",
                    t!("admin-topic-taken", slug = fields.slug.as_str()),
                ),
            ),
            Err(other) => return Err(other.into()),
        }
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        topics_page(&store, &user, &fields, &errors, None).await?,
    )
        .into_response())
}

async fn update_topic(
    user: SignedIn,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = TopicFields {
        slug,
        label: form.text("label").trim().to_owned(),
        description: form.text("description").trim().to_owned(),
    };
    let (label, description) =
        parse_topic_text(&fields.label, &fields.description).map_err(|found| {
            let mut errors = FormErrors::default();
            add_entry_errors(&mut errors, &found, false);
            let reasons: Vec<String> = errors.0.into_iter().map(|(_, reason)| reason).collect();
            Error::BadRequest(format!(
                "{} {}",
                t!("admin-topic-not-saved", slug = fields.slug.as_str()),
                reasons.join(" ")
            ))
        })?;
    let topic = Term {
        slug: fields.slug,
        label,
        description,
    };
    state.store.update_topic(&topic).await?;
    Catalogue::reload_vocabulary(&state.store, &state.vocabulary).await?;
    Ok(Redirect::to(&format!("{}?done=topic", paths::TOPICS)).into_response())
}
