//! The frame around every page.

use maud::{DOCTYPE, Markup, html};

use super::components::form_token_field;
use crate::web::auth::Viewer;
use crate::web::{assets, paths};

const SITE_NAME: &str = "Regional Training Catalogue";

/// What a page says about itself besides its body.
#[derive(Debug, Default)]
pub struct Head<'a> {
    /// The page's own title; the site's name is added after it.
    pub title: &'a str,
    /// The id of the element the skip link leads to, and the link's text;
    /// by default the main content.
    pub skip_to: Option<(&'a str, &'a str)>,
    /// A sentence or two about the page, for search engines and for the
    /// preview a messaging app shows of a shared link.
    pub description: Option<&'a str>,
    /// The page's canonical address, for shared-link previews.
    pub url: Option<String>,
}

/// A whole HTML page around `body`, with navigation for who is looking.
pub fn page(viewer: &Viewer, title: &str, body: Markup) -> Markup {
    page_with(
        viewer,
        &Head {
            title,
            ..Head::default()
        },
        body,
    )
}

/// A whole HTML page with the details of `head`.
pub fn page_with(viewer: &Viewer, head: &Head<'_>, body: Markup) -> Markup {
    let (skip_target, skip_label) = head.skip_to.unwrap_or(("main", "Skip to main content"));
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (head.title) " · " (SITE_NAME) }
                @if let Some(description) = head.description {
                    meta name="description" content=(description);
                }
                @if let Some(url) = &head.url {
                    meta property="og:type" content="article";
                    meta property="og:site_name" content=(SITE_NAME);
                    meta property="og:title" content=(head.title);
                    @if let Some(description) = head.description {
                        meta property="og:description" content=(description);
                    }
                    meta property="og:url" content=(url);
                    link rel="canonical" href=(url);
                }
                link rel="stylesheet" href=(assets::stylesheet_href());
            }
            body {
                a.skip href={ "#" (skip_target) } { (skip_label) }
                header.site {
                    div.wrap.site-bar {
                        div {
                            a.brand href=(paths::SEARCH) { (SITE_NAME) }
                            p.tagline { "Training against people smuggling, trafficking in persons and related transnational crime" }
                        }
                        (account_nav(viewer))
                    }
                }
                main #main .wrap tabindex="-1" { (body) }
                footer.site {
                    div.wrap {
                        p { "A directory: each course belongs to its provider, who is the one to contact about it." }
                    }
                }
            }
        }
    }
}

fn account_nav(viewer: &Viewer) -> Markup {
    html! {
        nav.account aria-label="Account" {
            @if let (Some(account), Some(token)) = (&viewer.account, &viewer.form_token) {
                ul {
                    li { a href=(paths::DASHBOARD) { "Dashboard" } }
                    @if viewer.is_secretariat() {
                        li { a href=(paths::REVIEW_QUEUE) { "Review" } }
                        li { a href=(paths::ORGANISATIONS) { "Organisations" } }
                        li { a href=(paths::PEOPLE) { "People" } }
                        li { a href=(paths::TOPICS) { "Topics" } }
                    }
                    li {
                        form method="post" action=(paths::SIGN_OUT) {
                            (form_token_field(token))
                            button.link-button type="submit" { "Sign out" span.visually-hidden { " " (account.name) } }
                        }
                    }
                }
            } @else {
                a href=(paths::SIGN_IN) { "Sign in" span.visually-hidden { " to list your training" } }
            }
        }
    }
}
