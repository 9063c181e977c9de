//! What the reader should know about the catalogue's translations, and how
//! to have one corrected.

use maud::{Markup, html};

use super::layout::page;
use crate::i18n::{self, Locale, t};
use crate::search::bridge::{EntryKind, Glossary};
use crate::web::auth::Viewer;
use crate::web::paths;

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
