//! The page of a one-click confirmation link.

use maud::{Markup, html};

use super::components::form_token_field;
use super::layout::page;
use crate::app::confirm_link::LinkCheck;
use crate::i18n::{self, t};
use crate::web::auth::Viewer;
use crate::web::paths;

fn stored_date(at: &str) -> String {
    crate::store::timestamp(at)
        .map(|at| i18n::date(at.date()))
        .unwrap_or_default()
}

/// What the link at `link` does or did: the question and its button, the
/// thanks once `confirmed_now`, or why it no longer works.
pub fn confirm_link_page(
    check: &LinkCheck,
    link: &str,
    token: &str,
    confirmed_now: bool,
) -> Markup {
    let sign_in = paths::sign_in_then(paths::DASHBOARD);
    let (title, body) = match check {
        LinkCheck::Valid { title, .. } if confirmed_now => (
            t!("confirm-link-done-title"),
            html! {
                p.lead role="status" { (t!("confirm-link-done", title = title.as_str())) }
            },
        ),
        LinkCheck::Valid {
            title,
            confirmed_at,
            ..
        } => (
            t!("confirm-link-title"),
            html! {
                p.lead { (t!("confirm-link-question", title = title.as_str())) }
                p { (t!("confirm-link-last", date = stored_date(confirmed_at))) }
                form method="post" action=(paths::confirm_by_link(link)) {
                    (form_token_field(token))
                    button type="submit" { (t!("confirm-link-button")) }
                }
                p { a href=(sign_in) { (t!("confirm-link-change")) } }
            },
        ),
        LinkCheck::Used {
            title,
            confirmed_at,
        } => (
            t!("confirm-link-title"),
            html! {
                p.lead { (t!("confirm-link-used", title = title.as_str(), date = stored_date(confirmed_at))) }
            },
        ),
        LinkCheck::Expired => (
            t!("confirm-link-title"),
            html! {
                p.lead { (t!("confirm-link-expired")) }
                p { a href=(sign_in) { (t!("sign-in-title")) } }
            },
        ),
        LinkCheck::NotPublished => (
            t!("confirm-link-title"),
            html! { p.lead { (t!("confirm-link-not-published")) } },
        ),
        LinkCheck::Invalid => (
            t!("confirm-link-title"),
            html! {
                p.lead { (t!("confirm-link-invalid")) }
                p { a href=(sign_in) { (t!("sign-in-title")) } }
            },
        ),
    };
    page(
        &Viewer::default(),
        &title,
        html! {
            div.narrow {
                h1 { (title) }
                (body)
            }
        },
    )
}
