//! The one place where errors become HTTP responses.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::views;

/// An error on its way to a person: HTML page for the site.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist; the text says what.
    #[error("{0}")]
    NotFound(String),
    /// The request is malformed; the text says what is wrong and how to fix it.
    #[error("{0}")]
    BadRequest(String),
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
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            Error::Store(_) | Error::Search(_) | Error::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// What a person is told. Server faults are logged in full and shown
    /// only as a generic message.
    fn public_detail(&self) -> String {
        let status = self.status();
        if status.is_server_error() {
            let mut chain = self.to_string();
            let mut source = std::error::Error::source(self);
            while let Some(cause) = source {
                chain.push_str(": ");
                chain.push_str(&cause.to_string());
                source = cause.source();
            }
            tracing::error!(%status, error = %chain, "request failed");
            "Something went wrong on our side. Please try again in a moment.".to_owned()
        } else {
            self.to_string()
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let status = self.status();
        let detail = self.public_detail();
        (status, views::error::error_page(status, &detail)).into_response()
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
        let detail = self.0.public_detail();
        let error = status.canonical_reason().unwrap_or("Error");
        (
            status,
            Json(serde_json::json!({"error": error, "detail": detail})),
        )
            .into_response()
    }
}
