//! Static files, compiled into the binary and served under content-hashed
//! names so browsers may cache them for a year.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

/// The site's stylesheet, as written.
pub const STYLESHEET: &str = include_str!("../../assets/style.css");
/// Forms, dashboards and tables, for every page but the search results, as
/// written.
pub const FORMS_STYLESHEET: &str = include_str!("../../assets/forms.css");
/// The optional script offering suggestions while typing a search, as
/// written.
pub const SUGGEST_SCRIPT: &str = include_str!("../../assets/suggest.js");
/// The site's icon: a catalogue's lines on the site's colour.
pub const FAVICON: &str = include_str!("../../assets/favicon.svg");

/// A static file: its hashed name, media type and contents.
#[derive(Debug)]
pub struct Asset {
    /// Its name as written, such as `style.css`.
    pub source: &'static str,
    /// Name with a content hash, such as `style-1a2b3c4d5e6f.css`.
    pub name: String,
    /// The media type.
    pub content_type: &'static str,
    /// The contents, as served.
    pub body: String,
}

/// `name` with the first 48 bits of the SHA-256 of `body` before its
/// extension: the same contents get the same name in every build, whatever
/// the Rust release (which `DefaultHasher` does not promise).
fn hashed(name: &str, body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let hex: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}-{hex}.{extension}"),
        None => format!("{name}-{hex}"),
    }
}

/// `source` without comments and spare white space, or as written if the
/// minifier cannot read it: every search page needs these files, and they
/// count against the page weight on slow connections.
fn minified<M: std::fmt::Display, E: std::fmt::Display>(
    source: &'static str,
    minify: impl FnOnce(&'static str) -> Result<M, E>,
) -> String {
    minify(source)
        .map(|minified| minified.to_string())
        .unwrap_or_else(|err| {
            tracing::warn!(%err, "an asset could not be minified; serving it as written");
            source.to_owned()
        })
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    let stylesheet = minified(STYLESHEET, minifier::css::minify);
    let forms = minified(FORMS_STYLESHEET, minifier::css::minify);
    let script = minified(SUGGEST_SCRIPT, minifier::js::minify);
    vec![
        Asset {
            source: "style.css",
            name: hashed("style.css", &stylesheet),
            content_type: "text/css; charset=utf-8",
            body: stylesheet,
        },
        Asset {
            source: "forms.css",
            name: hashed("forms.css", &forms),
            content_type: "text/css; charset=utf-8",
            body: forms,
        },
        Asset {
            source: "suggest.js",
            name: hashed("suggest.js", &script),
            content_type: "text/javascript; charset=utf-8",
            body: script,
        },
        Asset {
            source: "favicon.svg",
            name: hashed("favicon.svg", FAVICON),
            content_type: "image/svg+xml",
            body: FAVICON.to_owned(),
        },
    ]
});

/// The asset written as `source`; every name used here is one of [`ASSETS`].
fn by_source(source: &str) -> &'static Asset {
    ASSETS
        .iter()
        .find(|a| a.source == source)
        .expect("a built-in asset")
}

/// The asset with this hashed name.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The suggestion script as served.
pub fn suggest_script() -> &'static str {
    &by_source("suggest.js").body
}

/// The URL of the suggestion script.
pub fn suggest_script_href() -> String {
    format!("/assets/{}", by_source("suggest.js").name)
}

/// The URL of the site's icon.
pub fn favicon_href() -> String {
    format!("/assets/{}", by_source("favicon.svg").name)
}

/// The URL of the stylesheet every page uses.
pub fn stylesheet_href() -> String {
    format!("/assets/{}", by_source("style.css").name)
}

/// The URL of the stylesheet for forms, dashboards and tables.
pub fn forms_stylesheet_href() -> String {
    format!("/assets/{}", by_source("forms.css").name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_a_hash_of_the_contents_that_does_not_depend_on_the_build() {
        // SHA-256 of "body {}" starts 62368a1a2925.
        assert_eq!(hashed("style.css", "body {}"), "style-62368a1a2925.css");
        assert_ne!(
            hashed("style.css", "body { }"),
            hashed("style.css", "body {}")
        );
        for asset in ASSETS.iter() {
            assert_eq!(find(&asset.name).unwrap().source, asset.source);
        }
    }
}
