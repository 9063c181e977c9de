//! Being found through general search engines: `robots.txt`, the sitemap
//! of every published listing (with the languages each can be read in),
//! and the icon browsers look for.

use std::fmt::Write;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::i18n::Locale;
use crate::store::{SitemapEntry, Store};
use crate::web::{AppState, Error, Result, Settings, assets, paths};

/// Addresses a sitemap holds at most (sitemaps.org).
pub const SITEMAP_LIMIT: i64 = 50_000;

/// Routes for search engines and browsers' icon.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ROBOTS, get(robots))
        .route(paths::SITEMAP, get(sitemap))
        .route(
            paths::FAVICON_ICO,
            get(|| async { Redirect::permanent(&assets::favicon_href()) }),
        )
}

/// Pages for people signed in, forms, one-time links and the API are not
/// for search engines; listings and searches are.
async fn robots(State(settings): State<Arc<Settings>>) -> Response {
    let mut text = String::from("User-agent: *\n");
    for path in [
        paths::DASHBOARD,
        paths::REVIEW_QUEUE,
        "/admin/",
        "/account/",
        paths::SIGN_IN,
        paths::FORGOT_PASSWORD,
        "/links/",
        "/confirm/",
        "/language/",
        "/filters/",
        "/api/",
        "/listings/*/enquiry",
        "/listings/*/history",
    ] {
        let _ = writeln!(text, "Disallow: {path}");
    }
    let _ = writeln!(
        text,
        "Allow: /\n\nSitemap: {}",
        settings.link(paths::SITEMAP)
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

#[derive(Debug, Default, Deserialize)]
struct Part {
    part: Option<String>,
}

/// `text` escaped for XML text and attributes (maud's escaping of `&`,
/// `<`, `>` and `"` is XML's too).
fn xml_escaped(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let _ = maud::Escaper::new(&mut escaped).write_str(text);
    escaped
}

/// The languages a listing can be read in on the site: its own and its
/// translations', where the interface speaks them.
fn readable_in(entry: &SitemapEntry) -> Vec<Locale> {
    let translations: Vec<String> = serde_json::from_str(&entry.translations).unwrap_or_default();
    crate::i18n::interface_languages(
        std::iter::once(entry.lang.as_str()).chain(translations.iter().map(String::as_str)),
    )
}

/// The sitemap: up to 50,000 listings in one file, else an index of parts.
async fn sitemap(
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
    part: Result<Query<Part>, QueryRejection>,
) -> Result<Response> {
    let Query(part) = part.unwrap_or_default();
    let count = store.published_count().await?;
    let parts = ((count + SITEMAP_LIMIT - 1) / SITEMAP_LIMIT).max(1);
    let mut xml = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.push('\n');
    let part = match part.part.as_deref() {
        None if parts > 1 => {
            xml.push_str(r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#);
            for n in 1..=parts {
                let loc = settings.link(&format!("{}?part={n}", paths::SITEMAP));
                let _ = write!(xml, "<sitemap><loc>{}</loc></sitemap>", xml_escaped(&loc));
            }
            xml.push_str("</sitemapindex>\n");
            return Ok(xml_response(xml));
        }
        None => 1,
        Some(text) => match text.parse::<i64>() {
            Ok(n) if (1..=parts).contains(&n) => n,
            _ => {
                return Err(Error::NotFound(format!(
                    "The sitemap has parts 1 to {parts}; \"{text}\" is not one of them."
                )));
            }
        },
    };
    let entries = store
        .sitemap_entries((part - 1) * SITEMAP_LIMIT, SITEMAP_LIMIT)
        .await?;
    xml.push_str(concat!(
        r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9""#,
        r#" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#
    ));
    for entry in &entries {
        let page = settings.link(&paths::listing(&entry.id));
        let _ = write!(xml, "<url><loc>{}</loc>", xml_escaped(&page));
        if let Some(day) = entry.modified_at.get(..10) {
            let _ = write!(xml, "<lastmod>{day}</lastmod>");
        }
        let languages = readable_in(entry);
        if languages.len() > 1 {
            for locale in &languages {
                let _ = write!(
                    xml,
                    r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                    locale.tag(),
                    xml_escaped(&paths::in_language(&page, locale.tag()))
                );
            }
            let _ = write!(
                xml,
                r#"<xhtml:link rel="alternate" hreflang="x-default" href="{}"/>"#,
                xml_escaped(&page)
            );
        }
        xml.push_str("</url>");
    }
    xml.push_str("</urlset>\n");
    Ok(xml_response(xml))
}

fn xml_response(xml: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}
