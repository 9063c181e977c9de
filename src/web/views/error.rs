//! The error page.

use axum::http::StatusCode;
use maud::{Markup, html};

use super::layout::page;
use crate::web::auth::Viewer;
use crate::web::paths;

/// A page saying what went wrong and where to go next.
pub fn error_page(status: StatusCode, detail: &str) -> Markup {
    let heading = match status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "That request could not be understood",
        StatusCode::FORBIDDEN => "Not allowed",
        StatusCode::CONFLICT => "That cannot be done now",
        StatusCode::UNPROCESSABLE_ENTITY => "Some details need correcting",
        StatusCode::TOO_MANY_REQUESTS => "Too many attempts",
        _ => "Something went wrong",
    };
    page(
        &Viewer::default(),
        heading,
        html! {
            h1 { (heading) }
            p.lead { (detail) }
            p { a href=(paths::SEARCH) { "Go to the search page" } }
        },
    )
}
