//! The error page.

use axum::http::StatusCode;
use maud::{Markup, html};

use super::layout::page;
use crate::web::paths;

/// A page saying what went wrong and where to go next.
pub fn error_page(status: StatusCode, detail: &str) -> Markup {
    let heading = match status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "That request could not be understood",
        _ => "Something went wrong",
    };
    page(
        heading,
        html! {
            h1 { (heading) }
            p.lead { (detail) }
            p { a href=(paths::SEARCH) { "Go to the search page" } }
        },
    )
}
