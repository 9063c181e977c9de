//! What the reader should know about the catalogue: what it is, what it
//! records and why, and its translations and how to have one corrected.

use maud::{Markup, html};

use super::layout::page;
use crate::i18n::{self, Locale, t};
use crate::search::bridge::{EntryKind, Glossary};
use crate::web::auth::Viewer;
use crate::web::paths;

/// What the catalogue is, and what it records of the people who use it
/// and why; `search_log_days` is how long searches are kept (`None`: not
/// recorded).
pub fn about_page(viewer: &Viewer, search_log_days: Option<u32>) -> Markup {
    let title = t!("about");
    page(
        viewer,
        &title,
        html! {
            h1 { (title) }
            p { (t!("about-directory")) }
            h2 { (t!("about-recorded-heading")) }
            @match search_log_days {
                Some(days) => {
                    p { (t!("about-recorded")) }
                    p { (t!("about-recorded-why", days = days)) }
                }
                None => p { (t!("about-recorded-off")) },
            }
            h2 { (t!("about-cookies-heading")) }
            p { (t!("about-cookies")) }
            p { a href=(paths::ABOUT_TRANSLATIONS) { (t!("about-translations")) } }
        },
    )
}

/// The "About translations" page.
pub fn translations_page(viewer: &Viewer) -> Markup {
    let concepts = Glossary::builtin()
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Concept)
        .count();
    let title = t!("about-translations");
    page(
        viewer,
        &title,
        html! {
            h1 { (title) }
            p {
                (t!("about-translations-languages",
                    interface = Locale::ALL.len(),
                    vocabulary = i18n::VOCABULARIES.len() + 1,
                    concepts = concepts))
            }
            ul {
                @for locale in Locale::ALL {
                    li { a lang=(locale.tag()) hreflang=(locale.tag()) href=(paths::language(locale.tag(), paths::ABOUT_TRANSLATIONS)) { (locale.native_name()) } }
                }
            }
            p { strong { (t!("about-translations-unreviewed")) } }
            p { (t!("about-translations-how")) }
            p { (t!("about-translations-listings")) }
        },
    )
}
