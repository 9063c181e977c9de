//! Reading submitted forms: every field as text, so that whatever arrives
//! can be shown back with its problems instead of failing as a whole.

use axum::extract::{FromRequest, Request};
use axum::http::header;
use url::form_urlencoded;

use super::Error;
use crate::i18n::t;

/// The fields of a submitted `application/x-www-form-urlencoded` form, in
/// order, repeated names kept.
#[derive(Debug, Clone, Default)]
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    /// The first value of `name`, if sent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, or empty.
    pub fn text(&self, name: &str) -> &str {
        self.get(name).unwrap_or_default()
    }

    /// Every value of `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The session form token sent with the form.
    pub fn form_token(&self) -> Option<&str> {
        self.get("csrf")
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = Error;

    async fn from_request(request: Request, state: &S) -> Result<Self, Error> {
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(Error::BadRequest(t!("form-not-a-form")));
        }
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                tracing::info!(%rejection, "unreadable form");
                Error::BadRequest(t!("form-unreadable"))
            })?;
        Ok(FormFields(
            form_urlencoded::parse(&bytes)
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect(),
        ))
    }
}

/// Problems with a form, each tied to the field it is about.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(pub Vec<(String, String)>);

impl FormErrors {
    /// Records a problem with field `field` (the input's `id`/`name`).
    pub fn add(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.0.push((field.into(), reason.into()));
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems with this field.
    pub fn of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(f, _)| f == field)
            .map(|(_, reason)| reason.as_str())
    }

    /// Whether this field has problems.
    pub fn has(&self, field: &str) -> bool {
        self.of(field).next().is_some()
    }

    /// The `aria-describedby` value tying a field to its error, if any.
    pub fn described_by(&self, field: &str) -> Option<String> {
        self.has(field).then(|| format!("{field}-error"))
    }
}

/// What the site says of a control character typed where it has no place.
pub fn control_problem(c: char) -> String {
    t!(
        "problem-control-character",
        code = crate::domain::control_name(c)
    )
}
