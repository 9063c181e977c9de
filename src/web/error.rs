//! The one place where errors become HTTP responses.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::views;
use crate::domain::lifecycle::{Refusal, Why};
use crate::i18n::t;
use crate::store::{Clash, Error as StoreError, Missing};

/// An error on its way to a person: HTML page for the site.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist; the text says what.
    #[error("{0}")]
    NotFound(String),
    /// The request is malformed; the text says what is wrong and how to fix it.
    #[error("{0}")]
    BadRequest(String),
    /// Who is asking is not known (no or a bad API token).
    #[error("{0}")]
    Unauthorized(String),
    /// The asker may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Not possible in the present state of things.
    #[error("{0}")]
    Conflict(String),
    /// A listing or form with problems, each tied to its field.
    #[error("{} problem(s): {}", .0.len(), .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<crate::domain::FieldError>),
    /// The address is longer than the site answers.
    #[error("{0}")]
    AddressTooLong(String),
    /// The request's body is larger than the site takes.
    #[error("{0}")]
    TooLarge(String),
    /// Too many requests of this kind; the text says how long to wait.
    #[error("{message}")]
    TooManyRequests {
        /// What the person is told.
        message: String,
        /// Seconds until a request will be let through again.
        wait_seconds: u32,
    },
    /// Search is not possible while the index is rebuilt from the database.
    #[error("the search index is being rebuilt")]
    Reindexing,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::Error),
    /// The index failed.
    #[error(transparent)]
    Search(#[from] crate::search::Error),
    /// Anything else that should not happen.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Results of handlers.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The status code.
    pub fn status(&self) -> StatusCode {
        match self {
            Error::NotFound(_) | Error::Store(StoreError::NotFound(_)) => StatusCode::NOT_FOUND,
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            Error::AddressTooLong(_) => StatusCode::URI_TOO_LONG,
            Error::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Error::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Error::Forbidden(_) | Error::Store(StoreError::Refused(Refusal::Forbidden(_))) => {
                StatusCode::FORBIDDEN
            }
            Error::Conflict(_)
            | Error::Store(StoreError::Conflict(_) | StoreError::Refused(Refusal::Conflict(_))) => {
                StatusCode::CONFLICT
            }
            Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Error::Store(err) if err.is_disk_full() => StatusCode::INSUFFICIENT_STORAGE,
            Error::Store(err) if err.is_busy() => StatusCode::SERVICE_UNAVAILABLE,
            Error::Reindexing => StatusCode::SERVICE_UNAVAILABLE,
            Error::Store(_) | Error::Search(_) | Error::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// Seconds after which trying again may succeed, for faults that pass.
    fn retry_after(&self) -> Option<u32> {
        if let Error::TooManyRequests { wait_seconds, .. } = self {
            return Some(*wait_seconds);
        }
        match self.status() {
            StatusCode::SERVICE_UNAVAILABLE => Some(if matches!(self, Error::Reindexing) {
                30
            } else {
                5
            }),
            StatusCode::INSUFFICIENT_STORAGE => Some(300),
            _ => None,
        }
    }

    /// What a person is told of a fault that passes, in the reader's language.
    fn transient_detail(&self) -> Option<String> {
        match self.status() {
            StatusCode::INSUFFICIENT_STORAGE => Some(t!("error-disk-full")),
            StatusCode::SERVICE_UNAVAILABLE if matches!(self, Error::Reindexing) => {
                Some(t!("error-reindexing"))
            }
            StatusCode::SERVICE_UNAVAILABLE => Some(t!("error-busy")),
            _ => None,
        }
    }

    /// What a person is told, in English; `None` for server faults, which
    /// are logged in full and shown only as a generic message. Faults that
    /// pass (a full disk, a busy database, a rebuild) are said as such.
    fn public_detail(&self) -> Option<String> {
        let status = self.status();
        if matches!(self, Error::Reindexing) {
            // Expected while the index is rebuilt; the rebuild is logged.
            self.transient_detail()
        } else if status.is_server_error() {
            let mut chain = self.to_string();
            let mut source = std::error::Error::source(self);
            while let Some(cause) = source {
                chain.push_str(": ");
                chain.push_str(&cause.to_string());
                source = cause.source();
            }
            tracing::error!(%status, error = %chain, "request failed");
            self.transient_detail()
        } else {
            Some(self.to_string())
        }
    }

    /// What a reader of the site is told, in their language where the
    /// reason is typed.
    fn page_detail(&self) -> String {
        match self {
            Error::Store(StoreError::Refused(Refusal::Forbidden(why) | Refusal::Conflict(why))) => {
                refusal(why)
            }
            Error::Store(StoreError::NotFound(missing)) => match missing {
                Missing::Organisation(id) => t!("admin-no-such-organisation", id = id.as_str()),
                Missing::Listing(id) => t!("listing-missing", id = id.as_str()),
                Missing::Account(id) => t!("admin-no-such-account", id = *id),
                Missing::Topic(slug) => t!("admin-no-such-topic", slug = slug.as_str()),
                Missing::File(_) => missing.to_string(),
            },
            Error::Store(StoreError::Conflict(clash)) => match clash {
                Clash::OrganisationId(id) => {
                    t!("admin-organisation-id-taken", id = id.as_str())
                }
                Clash::Email(email) => t!("admin-email-taken", email = email.as_str()),
                Clash::TopicSlug(slug) => t!("admin-topic-taken", slug = slug.as_str()),
                Clash::ContributorWithoutOrganisation => t!("problem-contributor-organisation"),
            },
            _ => self.public_detail().unwrap_or_else(|| t!("error-our-side")),
        }
    }
}

/// Why the lifecycle refused an action, in the reader's language.
fn refusal(why: &Why) -> String {
    match why {
        Why::SecretariatOnly => t!("refusal-secretariat-only"),
        Why::OtherOrganisation(org) => t!("refusal-other-organisation", org = org.as_str()),
        Why::ListingForAnotherOrganisation(org) => {
            t!(
                "refusal-listing-for-another-organisation",
                org = org.as_str()
            )
        }
        Why::NoSuchListing => t!("refusal-no-such-listing"),
        Why::Archived => t!("refusal-archived"),
        Why::AlreadySubmitted => t!("refusal-already-submitted"),
        Why::NothingToSubmit => t!("refusal-nothing-to-submit"),
        Why::NothingWaiting => t!("refusal-nothing-waiting"),
        Why::AlreadyWithdrawn => t!("refusal-already-withdrawn"),
        Why::AlreadyArchived => t!("refusal-already-archived"),
        Why::CommentNeeded => t!("review-comment-needed"),
    }
}

/// Adds `Retry-After` to a response for a fault that passes.
fn with_retry_after(mut response: Response, seconds: Option<u32>) -> Response {
    if let Some(seconds) = seconds {
        response.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from(seconds),
        );
    }
    response
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let status = self.status();
        let detail = self.page_detail();
        let response = (status, views::error::error_page(status, &detail)).into_response();
        with_retry_after(response, self.retry_after())
    }
}

/// The same errors, as JSON `{"error", "detail"}` for the API.
#[derive(Debug)]
pub struct ApiError(pub Error);

impl<E: Into<Error>> From<E> for ApiError {
    fn from(err: E) -> Self {
        ApiError(err.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let detail = self.0.public_detail().unwrap_or_else(|| {
            "Something went wrong on our side. Please try again in a moment.".to_owned()
        });
        let error = status.canonical_reason().unwrap_or("Error");
        let mut body = serde_json::json!({"error": error, "detail": detail});
        if let Error::Invalid(fields) = &self.0 {
            body["fields"] = fields
                .iter()
                .map(|f| serde_json::json!({"field": f.field, "reason": f.reason()}))
                .collect();
        }
        let mut response =
            with_retry_after((status, Json(body)).into_response(), self.0.retry_after());
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
