//! The Secretariat's list of people: inviting, password links, disabling and
//! enabling accounts, and the mail outbox.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{add_entry_errors, choose, problem};
use crate::domain::NewPerson;
use crate::i18n::t;
use crate::store::{Account, LinkPurpose, Store};
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::handlers::Done;
use crate::web::handlers::done_redirect;
use crate::web::views::admin::{InviteFields, People};
use crate::web::{Error, Result, Settings, paths, views};

/// Session key of a link to show the Secretariat once (no mail server).
const SHOWN_LINK_KEY: &str = "shown_link";

pub(super) async fn people_page(
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

pub(super) async fn people(
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
pub(super) async fn send_link(
    store: &Store,
    settings: &Settings,
    account: &Account,
    purpose: LinkPurpose,
) -> Result<String> {
    let link_for = |secret: &str| settings.link(&paths::link(secret));
    Ok(crate::app::mail::send_link(store, account, purpose, link_for).await?)
}

pub(super) async fn remember_link(
    user: &SignedIn,
    settings: &Settings,
    link: String,
) -> Result<()> {
    if !settings.mail_configured {
        user.session
            .insert(SHOWN_LINK_KEY, link)
            .await
            .map_err(|err| Error::Internal(anyhow::anyhow!("session error: {err}")))?;
    }
    Ok(())
}

pub(super) async fn invite_person(
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
                return Ok(done_redirect(paths::PEOPLE, "invited"));
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

pub(super) async fn person(store: &Store, id: &str) -> Result<Account> {
    let missing = || Error::NotFound(t!("admin-no-such-account", id = id));
    let id: i64 = id.parse().map_err(|_| missing())?;
    store.account(id).await?.ok_or_else(missing)
}

pub(super) async fn send_reset(
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
    Ok(done_redirect(paths::PEOPLE, "reset"))
}

pub(super) async fn set_disabled(
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
    Ok(done_redirect(paths::PEOPLE, done))
}

pub(super) async fn disable(
    user: SignedIn,
    State(store): State<Store>,
    Path(id): Path<String>,
    _form: CheckedForm,
) -> Result<Response> {
    set_disabled(user, store, id, true).await
}

pub(super) async fn enable(
    user: SignedIn,
    State(store): State<Store>,
    Path(id): Path<String>,
    _form: CheckedForm,
) -> Result<Response> {
    set_disabled(user, store, id, false).await
}

pub(super) async fn outbox(
    user: SignedIn,
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
) -> Result<Response> {
    user.require_secretariat()?;
    let mail = store.recent_mail(100).await?;
    Ok(views::admin::outbox_page(&user.viewer(), &mail, settings.mail_configured).into_response())
}
