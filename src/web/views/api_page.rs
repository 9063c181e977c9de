//! The API described for people, from the same OpenAPI document that
//! other systems read.

use maud::{Markup, html};
use serde_json::Value;

use super::layout::page;
use crate::i18n::t;
use crate::web::auth::Viewer;
use crate::web::paths;

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// The page: each endpoint with what it does, its parameters and answers.
pub fn api_page(viewer: &Viewer, document: &Value) -> Markup {
    let empty = serde_json::Map::new();
    let endpoints = document["paths"].as_object().unwrap_or(&empty);
    page(
        viewer,
        &t!("api-title"),
        html! {
            h1 { (t!("api-title")) }
            p { (text(&document["info"]["description"])) }
            p { (t!("api-intro")) " " a href=(paths::API_DOCUMENT) { (paths::API_DOCUMENT) } }
            @for (path, methods) in endpoints {
                @for (method, operation) in methods.as_object().unwrap_or(&empty) {
                    section.endpoint lang="en" {
                        h2 { code { (method.to_uppercase()) " " (path) } }
                        @if let Some(summary) = operation["summary"].as_str() { p { (summary) } }
                        @if let Some(description) = operation["description"].as_str() { p { (description) } }
                        @if operation.get("security").is_some() { p.hint { (t!("api-token-needed")) } }
                        @if let Some(parameters) = operation["parameters"].as_array() {
                            dl.parameters {
                                @for parameter in parameters {
                                    dt { code { (text(&parameter["name"])) } " (" (text(&parameter["in"])) ")" }
                                    dd { (text(&parameter["description"])) }
                                }
                            }
                        }
                        ul.responses {
                            @for (status, response) in operation["responses"].as_object().unwrap_or(&empty) {
                                li { code { (status) } " " (text(&response["description"])) }
                            }
                        }
                    }
                }
            }
        },
    )
}
