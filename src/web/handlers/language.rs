//! The language switcher: remembers a visitor's choice in a cookie, with no
//! account needed, and returns them to the page they were on; and the page
//! about the translations.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::Markup;
use serde::Deserialize;
use tower_sessions::cookie::{Cookie, SameSite};

use crate::i18n::{self, Locale, RequestLocale, t};
use crate::web::auth::Viewer;
use crate::web::{AppState, Error, Result, Settings, paths, views};

/// A year: the choice is a preference, not a secret.
const REMEMBER_SECONDS: i64 = 365 * 24 * 60 * 60;

/// Routes for choosing the interface language.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::LANGUAGE, get(choose))
        .route(paths::ABOUT_TRANSLATIONS, get(about_translations))
        .route(paths::ABOUT, get(about))
}

async fn about(viewer: Viewer, State(settings): State<Arc<Settings>>) -> Markup {
    views::about::about_page(&viewer, settings.search_log_days)
}

async fn about_translations(viewer: Viewer) -> Markup {
    views::about::translations_page(&viewer)
}

#[derive(Debug, Deserialize)]
struct Back {
    then: Option<String>,
}

async fn choose(
    State(settings): State<Arc<Settings>>,
    Path(tag): Path<String>,
    Query(back): Query<Back>,
) -> Result<Response> {
    let locale = Locale::parse(&tag)
        .ok_or_else(|| Error::NotFound(t!("error-no-such-language", tag = tag.as_str())))?;
    let then = back
        .then
        .filter(|then| paths::is_local_path(then))
        .unwrap_or_else(|| paths::SEARCH.to_owned());
    let cookie = Cookie::build((i18n::COOKIE, locale.tag()))
        .path("/")
        .max_age(tower_sessions::cookie::time::Duration::seconds(
            REMEMBER_SECONDS,
        ))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(settings.secure_cookies())
        .build();
    let mut response = Redirect::to(&then).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// Chooses the request's interface language and answers the request in it;
/// says which language the page is in, and that the answer depends on the
/// cookie and `Accept-Language`.
pub async fn in_chosen_language(request: Request, next: Next) -> Response {
    let headers = request.headers();
    let remembered = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(|c| c.ok())
        .find(|c| c.name() == i18n::COOKIE)
        .map(|c| c.value().to_owned());
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    // `?lang=` reads one page in a language without remembering it: the
    // address search engines give for a listing's translation.
    let asked = request.uri().query().and_then(|query| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "lang")
            .and_then(|(_, tag)| Locale::parse(&tag))
    });
    let locale = asked.unwrap_or_else(|| i18n::negotiate(remembered.as_deref(), accept));
    let path = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_owned(),
        |p| p.as_str().to_owned(),
    );
    let current = RequestLocale { locale, path };
    let mut response = i18n::scope(current, next.run(request)).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(locale.tag()),
    );
    headers.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}
