//! What mail a person receives, and in which language.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::domain::Subscription;
use crate::i18n::{Locale, t};
use crate::store::{MailSettings, Store};
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::handlers::{Done, done_redirect};
use crate::web::{AppState, Result, paths, views};

/// Routes of the settings page.
pub fn router() -> Router<AppState> {
    Router::new().route(paths::SETTINGS, get(settings_form).post(save_settings))
}

async fn settings_form(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    let settings = store.mail_settings(user.account.id).await?;
    Ok(views::account::settings_page(
        &user.viewer(),
        &user.form_token,
        user.account.role,
        &settings,
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .into_response())
}

async fn save_settings(
    user: SignedIn,
    State(store): State<Store>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let mut settings = store.mail_settings(user.account.id).await?;
    // Only the choices offered to the person's role are on the form; the
    // others keep their values.
    for subscription in Subscription::offered_to(user.account.role) {
        subscription.set_in(
            &mut settings.choices,
            form.get(subscription.as_str()).is_some(),
        );
    }
    let Some(language) = Locale::parse(form.text("language")) else {
        let mut errors = FormErrors::default();
        errors.add("language", t!("settings-language-invalid"));
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            views::account::settings_page(
                &user.viewer(),
                &user.form_token,
                user.account.role,
                &settings,
                &errors,
                None,
            ),
        )
            .into_response());
    };
    let settings = MailSettings {
        language: Some(language.tag().to_owned()),
        ..settings
    };
    store.set_mail_settings(user.account.id, &settings).await?;
    Ok(done_redirect(paths::SETTINGS, "settings"))
}
