//! The error page.

use axum::http::StatusCode;
use maud::{Markup, html};

use super::layout::page;
use crate::i18n::t;
use crate::web::auth::Viewer;
use crate::web::paths;

/// A page saying what went wrong and where to go next.
pub fn error_page(status: StatusCode, detail: &str) -> Markup {
    let heading = match status {
        StatusCode::NOT_FOUND => t!("error-not-found"),
        StatusCode::BAD_REQUEST => t!("error-bad-request"),
        StatusCode::FORBIDDEN => t!("error-forbidden"),
        StatusCode::CONFLICT => t!("error-conflict"),
        StatusCode::UNPROCESSABLE_ENTITY => t!("error-invalid"),
        StatusCode::TOO_MANY_REQUESTS => t!("error-too-many"),
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::INSUFFICIENT_STORAGE => {
            t!("error-unavailable")
        }
        _ => t!("error-fault"),
    };
    page(
        &Viewer::default(),
        &heading,
        html! {
            h1 { (heading) }
            p.lead { (detail) }
            p { a href=(paths::SEARCH) { (t!("error-go-search")) } }
        },
    )
}
