//! The frame around every page.

use maud::{DOCTYPE, Markup, html};

use super::components::form_token_field;
use crate::web::auth::Viewer;
use crate::web::{assets, paths};

/// A whole HTML page around `body`, with navigation for who is looking.
pub fn page(viewer: &Viewer, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Regional Training Catalogue" }
                link rel="stylesheet" href=(assets::stylesheet_href());
            }
            body {
                a.skip href="#main" { "Skip to main content" }
                header.site {
                    div.wrap.site-bar {
                        div {
                            a.brand href=(paths::SEARCH) { "Regional Training Catalogue" }
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
