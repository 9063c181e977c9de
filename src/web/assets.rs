//! Static files, compiled into the binary and served under content-hashed
//! names so browsers may cache them for a year.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

/// The site's stylesheet, as written.
pub const STYLESHEET: &str = include_str!("../../assets/style.css");
/// The optional script offering suggestions while typing a search, as
/// written.
pub const SUGGEST_SCRIPT: &str = include_str!("../../assets/suggest.js");

/// A static file: its hashed name, media type and contents.
#[derive(Debug)]
pub struct Asset {
    /// Name with a content hash, such as `style-1a2b3c4d.css`.
    pub name: String,
    /// The media type.
    pub content_type: &'static str,
    /// The contents, as served.
    pub body: String,
}

fn hashed(stem: &str, extension: &str, body: &str) -> String {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    format!("{stem}-{:08x}.{extension}", hasher.finish() as u32)
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
    let script = minified(SUGGEST_SCRIPT, minifier::js::minify);
    vec![
        Asset {
            name: hashed("style", "css", &stylesheet),
            content_type: "text/css; charset=utf-8",
            body: stylesheet,
        },
        Asset {
            name: hashed("suggest", "js", &script),
            content_type: "text/javascript; charset=utf-8",
            body: script,
        },
    ]
});

/// The asset with this hashed name.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The stylesheet as served.
pub fn stylesheet() -> &'static str {
    &ASSETS[0].body
}

/// The suggestion script as served.
pub fn suggest_script() -> &'static str {
    &ASSETS[1].body
}

/// The URL of the suggestion script.
pub fn suggest_script_href() -> String {
    format!("/assets/{}", ASSETS[1].name)
}

/// The URL of the stylesheet.
pub fn stylesheet_href() -> String {
    format!("/assets/{}", ASSETS[0].name)
}
