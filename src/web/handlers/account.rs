//! Signing in and out, invitation and reset links, and password changes.

use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{Limit, PerClient, rate_limited};
use crate::app::mail;
use crate::domain::{
    MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordProblem, check_new_password, parse_email,
};
use crate::i18n::{self, t};
use crate::store::{LinkPurpose, LinkStatus, Store};
use crate::web::auth::{
    self, AuthSession, CheckedForm, Credentials, SignInError, SignedIn, User, form_token,
};
use crate::web::forms::FormErrors;
use crate::web::forms::FormFields;
use crate::web::handlers::done_redirect;
use crate::web::metrics::SIGN_IN_FAILURES;
use crate::web::{AppState, Error, Result, Settings, paths, views};

/// Routes of the account pages.
pub fn router() -> Router<AppState> {
    // Guessing passwords or flooding mailboxes from one address is slowed
    // down: ten sign-ins in a burst, then one every six seconds.
    let limited = Router::new()
        .route(paths::SIGN_IN, get(sign_in_form).post(sign_in))
        .route(paths::FORGOT_PASSWORD, get(forgot_form).post(forgot));
    Router::new()
        .merge(rate_limited(
            limited,
            PerClient,
            Limit::form_posts("sign-in", 10, Duration::from_secs(6)),
        ))
        .route(paths::SIGN_OUT, post(sign_out))
        .route(paths::LINK, get(link_form).post(use_link))
        .route(paths::PASSWORD, get(password_form).post(change_password))
}

#[derive(Debug, Deserialize)]
struct Then {
    then: Option<String>,
}

fn local_or_dashboard(then: Option<&str>) -> String {
    then.filter(|t| paths::is_local_path(t))
        .unwrap_or(paths::DASHBOARD)
        .to_owned()
}

async fn sign_in_form(auth: AuthSession, Query(then): Query<Then>) -> Result<Response> {
    let then = local_or_dashboard(then.then.as_deref());
    if auth.user.is_some() {
        return Ok(Redirect::to(&then).into_response());
    }
    let token = form_token(&auth.session).await?;
    Ok(views::account::sign_in_page(&token, "", &then, &FormErrors::default()).into_response())
}

async fn sign_in(mut auth: AuthSession, CheckedForm(form): CheckedForm) -> Result<Response> {
    let then = local_or_dashboard(form.get("then"));
    let typed_email = form.text("email").trim().to_owned();
    let token = form_token(&auth.session).await?;
    let refuse = |status: StatusCode, field: &str, reason: &str| {
        let mut errors = FormErrors::default();
        errors.add(field, reason);
        Ok((
            status,
            views::account::sign_in_page(&token, &typed_email, &then, &errors),
        )
            .into_response())
    };
    let email = match parse_email(&typed_email) {
        Ok(email) => email,
        Err(_) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "email",
                &t!("error-email-invalid"),
            );
        }
    };
    let credentials = Credentials {
        email,
        password: form.text("password").to_owned(),
    };
    match auth.authenticate(credentials).await {
        Ok(Some(user)) => {
            auth::start_session(&mut auth, &user).await?;
            tracing::info!(user = user.0.id, "signed in");
            Ok(Redirect::to(&then).into_response())
        }
        Ok(None) => {
            metrics::counter!(SIGN_IN_FAILURES).increment(1);
            refuse(
                StatusCode::UNAUTHORIZED,
                "password",
                &t!("sign-in-no-match"),
            )
        }
        Err(axum_login::Error::Backend(SignInError::Throttled(seconds))) => {
            metrics::counter!(SIGN_IN_FAILURES).increment(1);
            let mut response = refuse(
                StatusCode::TOO_MANY_REQUESTS,
                "password",
                &if seconds < 90 {
                    t!("sign-in-throttled-seconds", seconds = seconds)
                } else {
                    t!("sign-in-throttled-minutes", minutes = (seconds + 59) / 60)
                },
            )?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            Ok(response)
        }
        Err(axum_login::Error::Backend(SignInError::Failed(err))) => Err(err),
        Err(err) => Err(Error::Internal(anyhow::anyhow!("sign-in failed: {err:?}"))),
    }
}

async fn sign_out(mut auth: AuthSession, _form: CheckedForm) -> Result<Response> {
    auth.logout()
        .await
        .map_err(|err| Error::Internal(anyhow::anyhow!("sign-out failed: {err:?}")))?;
    Ok(Redirect::to(paths::SEARCH).into_response())
}

async fn forgot_form(auth: AuthSession) -> Result<Response> {
    let token = form_token(&auth.session).await?;
    Ok(views::account::forgot_page(&token, None, &FormErrors::default()).into_response())
}

async fn forgot(
    auth: AuthSession,
    State(store): State<Store>,
    State(settings): State<std::sync::Arc<Settings>>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let token = form_token(&auth.session).await?;
    let email = match parse_email(form.text("email")) {
        Ok(email) => email,
        Err(_) => {
            let mut errors = FormErrors::default();
            errors.add("email", t!("error-email-invalid"));
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                views::account::forgot_page(&token, None, &errors),
            )
                .into_response());
        }
    };
    // The answer is the same whether or not the address has an account,
    // and is given before the link is made and its mail queued: it takes
    // as long either way, so the form cannot tell who has one.
    let requested = email.clone();
    // The mail is in the language of this page.
    let language = i18n::RequestLocale {
        locale: i18n::locale(),
        path: i18n::request_path(),
    };
    tokio::spawn(i18n::scope(language, async move {
        // Its write would otherwise wait on, or hold up, this answer's own
        // (the session's), which the unknown address's answer does not share.
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if let Err(err) = send_reset_link(&store, &settings, &requested).await {
            tracing::error!(error = %err, "a password reset link could not be sent");
        }
    }));
    Ok(views::account::forgot_page(&token, Some(&email), &FormErrors::default()).into_response())
}

/// Mails a reset link to the account with this address, if there is one
/// and it is not disabled.
async fn send_reset_link(store: &Store, settings: &Settings, email: &str) -> Result<()> {
    let Some(account) = store.account_by_email(email).await? else {
        return Ok(());
    };
    if account.disabled {
        return Ok(());
    }
    store
        .issue_link(account.id, LinkPurpose::Reset, |secret| {
            mail::password_reset(
                &account.email,
                &account.name,
                &settings.link(&paths::link(secret)),
            )
        })
        .await?;
    tracing::info!(user = account.id, "password reset link sent on request");
    Ok(())
}

fn dead_link(status: LinkStatus) -> Response {
    let why = match status {
        LinkStatus::Used => t!("link-used"),
        LinkStatus::Expired => t!("link-expired"),
        _ => t!("link-invalid"),
    };
    (StatusCode::GONE, views::account::dead_link_page(&why)).into_response()
}

async fn link_form(
    auth: AuthSession,
    State(store): State<Store>,
    Path(link): Path<String>,
) -> Result<Response> {
    let (account, purpose) = match store.link_status(&link).await? {
        LinkStatus::Valid(account, purpose) => (account, purpose),
        dead => return Ok(dead_link(dead)),
    };
    let org = match &account.org {
        Some(org) => store.organisation(org.as_str()).await?.map(|o| o.name),
        None => None,
    };
    let token = form_token(&auth.session).await?;
    Ok(views::account::choose_password_page(
        &token,
        &link,
        &account.name,
        org.as_deref(),
        purpose,
        &FormErrors::default(),
    )
    .into_response())
}

/// Checks a new password and its repetition.
fn check_password_pair(form: &FormFields, errors: &mut FormErrors) {
    let password = form.text("password");
    if let Err(problem) = check_new_password(password) {
        let reason = match problem {
            PasswordProblem::TooShort(chars) => {
                t!(
                    "password-too-short",
                    chars = chars,
                    min = MIN_PASSWORD_CHARS
                )
            }
            PasswordProblem::TooLong(chars) => {
                t!("password-too-long", chars = chars, max = MAX_PASSWORD_CHARS)
            }
            PasswordProblem::Common => t!("password-common"),
        };
        errors.add("password", reason);
    } else if form.text("confirm") != password {
        errors.add("confirm", t!("password-mismatch"));
    }
}

async fn use_link(
    mut auth: AuthSession,
    State(store): State<Store>,
    Path(link): Path<String>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let (account, purpose) = match store.link_status(&link).await? {
        LinkStatus::Valid(account, purpose) => (account, purpose),
        dead => return Ok(dead_link(dead)),
    };
    let mut errors = FormErrors::default();
    check_password_pair(&form, &mut errors);
    if !errors.is_empty() {
        let token = form_token(&auth.session).await?;
        let org = match &account.org {
            Some(org) => store.organisation(org.as_str()).await?.map(|o| o.name),
            None => None,
        };
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            views::account::choose_password_page(
                &token,
                &link,
                &account.name,
                org.as_deref(),
                purpose,
                &errors,
            ),
        )
            .into_response());
    }
    let hash = auth::hash_password(form.text("password").to_owned()).await?;
    match store.redeem_link(&link, &hash).await? {
        Ok(account) => {
            // Mail is written in the language the person chose their
            // password in, until they choose another.
            store
                .set_language_if_unset(account.id, i18n::locale().tag())
                .await?;
            auth::start_session(&mut auth, &User(account)).await?;
            Ok(done_redirect(paths::DASHBOARD, "password"))
        }
        Err(status) => Ok(dead_link(status)),
    }
}

async fn password_form(user: SignedIn, Query(done): Query<super::Done>) -> Result<Response> {
    Ok(views::account::change_password_page(
        &user.viewer(),
        &user.form_token,
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .into_response())
}

async fn change_password(
    user: SignedIn,
    mut auth: AuthSession,
    State(store): State<Store>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let mut errors = FormErrors::default();
    let current_ok = auth::verify_password(
        form.text("current").to_owned(),
        user.account.password_hash.clone(),
    )
    .await?;
    if !current_ok {
        errors.add("current", t!("password-current-wrong"));
    }
    check_password_pair(&form, &mut errors);
    if !errors.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            views::account::change_password_page(&user.viewer(), &user.form_token, &errors, None),
        )
            .into_response());
    }
    let hash = auth::hash_password(form.text("password").to_owned()).await?;
    // Ends every session of the account, this one included ...
    store.set_password(user.account.id, &hash).await?;
    // ... and starts a fresh one here, under a new id.
    let account = store
        .account(user.account.id)
        .await?
        .ok_or_else(|| Error::NotFound(t!("account-gone")))?;
    auth.session
        .cycle_id()
        .await
        .map_err(|err| Error::Internal(anyhow::anyhow!("session error: {err}")))?;
    auth::start_session(&mut auth, &User(account)).await?;
    Ok(done_redirect(paths::PASSWORD, "password"))
}
