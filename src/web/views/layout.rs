//! The frame around every page.

use maud::{DOCTYPE, Markup, html};

use crate::web::{assets, paths};

/// A whole HTML page around `body`.
pub fn page(title: &str, body: Markup) -> Markup {
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
                    div.wrap {
                        a.brand href=(paths::SEARCH) { "Regional Training Catalogue" }
                        p.tagline { "Training against people smuggling, trafficking in persons and related transnational crime" }
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
