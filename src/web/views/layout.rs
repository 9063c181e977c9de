//! The frame around every page.

use maud::{DOCTYPE, Markup, html};

use super::components::form_token_field;
use crate::i18n::{self, Locale, t};
use crate::web::auth::Viewer;
use crate::web::{assets, paths};

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
    /// The same page in other languages: (BCP 47 tag or `x-default`,
    /// address), for search engines.
    pub alternates: Vec<(String, String)>,
    /// An Atom feed following the page: (title, address).
    pub feed: Option<(String, String)>,
    /// An optional script that enhances the page; the page works without it.
    pub script: Option<String>,
    /// The page has no forms, tables or dashboards but the search form, so
    /// it leaves out their stylesheet: the search results, which officials
    /// open most, often on a phone over a slow connection.
    pub without_forms: bool,
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
    let skip_main = t!("skip-to-main");
    let (skip_target, skip_label) = head.skip_to.unwrap_or(("main", skip_main.as_str()));
    let site_name = t!("site-name");
    let locale = i18n::locale();
    html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (head.title) " · " (site_name) }
                // Every page describes itself; those without words of their
                // own say what the site is.
                meta name="description" content=(head.description.map_or_else(|| t!("site-tagline"), str::to_owned));
                link rel="icon" type="image/svg+xml" href=(assets::favicon_href());
                @for (tag, href) in &head.alternates {
                    link rel="alternate" hreflang=(tag) href=(href);
                }
                @if let Some((title, href)) = &head.feed {
                    link rel="alternate" type="application/atom+xml" title=(title) href=(href);
                }
                @if let Some(url) = &head.url {
                    meta property="og:type" content="article";
                    meta property="og:site_name" content=(site_name);
                    meta property="og:locale" content=(locale.tag());
                    meta property="og:title" content=(head.title);
                    @if let Some(description) = head.description {
                        meta property="og:description" content=(description);
                    }
                    meta property="og:url" content=(url);
                    link rel="canonical" href=(url);
                }
                link rel="stylesheet" href=(assets::stylesheet_href());
                @if !head.without_forms {
                    link rel="stylesheet" href=(assets::forms_stylesheet_href());
                }
                @if let Some(script) = &head.script {
                    script src=(script) defer {}
                }
            }
            body {
                a.skip href={ "#" (skip_target) } { (skip_label) }
                header.site {
                    div.wrap.site-bar {
                        div {
                            a.brand href=(paths::SEARCH) { (site_name) }
                            p.tagline { (t!("site-tagline")) }
                        }
                        div.site-tools {
                            (language_switcher(locale))
                            (account_nav(viewer))
                        }
                    }
                }
                main #main .wrap tabindex="-1" { (body) }
                footer.site {
                    div.wrap {
                        p { (t!("site-footer")) }
                        p { a href=(paths::ABOUT) { (t!("about")) } " · " a href=(paths::ABOUT_TRANSLATIONS) { (t!("about-translations")) } " · " a href=(paths::API_PAGE) { (t!("api-title")) } }
                    }
                }
            }
        }
    }
}

fn account_nav(viewer: &Viewer) -> Markup {
    html! {
        nav.account aria-label=(t!("nav-account")) {
            @if let (Some(account), Some(token)) = (&viewer.account, &viewer.form_token) {
                ul {
                    li { a href=(paths::DASHBOARD) { (t!("nav-dashboard")) } }
                    @if viewer.is_secretariat() {
                        li { a href=(paths::REVIEW_QUEUE) { (t!("nav-review")) } }
                        li { a href=(paths::ORGANISATIONS) { (t!("nav-organisations")) } }
                        li { a href=(paths::PEOPLE) { (t!("nav-people")) } }
                        li { a href=(paths::TOPICS) { (t!("nav-topics")) } }
                        li { a href=(paths::ACTIVITY) { (t!("nav-activity")) } }
                        li { a href=(paths::COVERAGE) { (t!("nav-coverage")) } }
                        li { a href=(paths::SEARCH_INSIGHT) { (t!("nav-searches")) } }
                    }
                    li {
                        form method="post" action=(paths::SIGN_OUT) {
                            (form_token_field(token))
                            button.link-button type="submit" { (t!("nav-sign-out")) span.visually-hidden { " " (account.name) } }
                        }
                    }
                }
            } @else {
                a href=(paths::SIGN_IN) { (t!("nav-sign-in")) span.visually-hidden { " " (t!("nav-sign-in-why")) } }
            }
        }
    }
}

/// Links to the page in each interface language, behind a disclosure that
/// names the current one, so that nine languages take one line on a phone
/// and need no script; the choice is remembered.
fn language_switcher(current: Locale) -> Markup {
    let back = i18n::request_path();
    html! {
        nav.languages aria-label=(t!("nav-languages")) {
            details {
                summary {
                    span.visually-hidden { (t!("nav-languages")) ": " }
                    span lang=(current.tag()) { (current.native_name()) }
                }
                ul {
                    @for locale in Locale::ALL {
                        li {
                            @if locale == current {
                                a aria-current="true" lang=(locale.tag()) hreflang=(locale.tag()) href=(paths::language(locale.tag(), &back)) { (locale.native_name()) }
                            } @else {
                                a lang=(locale.tag()) hreflang=(locale.tag()) href=(paths::language(locale.tag(), &back)) { (locale.native_name()) }
                            }
                        }
                    }
                }
            }
        }
    }
}
