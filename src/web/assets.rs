//! Static files, compiled into the binary and served under content-hashed
//! names so browsers may cache them for a year.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

/// The site's stylesheet, as written.
pub const STYLESHEET: &str = include_str!("../../assets/style.css");

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

/// `css` without comments and spare white space: every search page needs
/// it, and it counts against the page weight on slow connections.
fn minified_css(css: &str) -> String {
    minifier::css::minify(css)
        .map(|minified| minified.to_string())
        .unwrap_or_else(|err| {
            tracing::warn!(%err, "the stylesheet could not be minified; serving it as written");
            css.to_owned()
        })
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    let stylesheet = minified_css(STYLESHEET);
    vec![Asset {
        name: hashed("style", "css", &stylesheet),
        content_type: "text/css; charset=utf-8",
        body: stylesheet,
    }]
});

/// The asset with this hashed name.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The stylesheet as served.
pub fn stylesheet() -> &'static str {
    &ASSETS[0].body
}

/// The URL of the stylesheet.
pub fn stylesheet_href() -> String {
    format!("/assets/{}", ASSETS[0].name)
}
