//! Static files, compiled into the binary and served under content-hashed
//! names so browsers may cache them for a year.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

/// The site's stylesheet.
pub const STYLESHEET: &str = include_str!("../../assets/style.css");

/// A static file: its hashed name, media type and contents.
#[derive(Debug)]
pub struct Asset {
    /// Name with a content hash, such as `style-1a2b3c4d.css`.
    pub name: String,
    /// The media type.
    pub content_type: &'static str,
    /// The bytes.
    pub body: &'static str,
}

fn hashed(stem: &str, extension: &str, body: &str) -> String {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    format!("{stem}-{:08x}.{extension}", hasher.finish() as u32)
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    vec![Asset {
        name: hashed("style", "css", STYLESHEET),
        content_type: "text/css; charset=utf-8",
        body: STYLESHEET,
    }]
});

/// The asset with this hashed name.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The URL of the stylesheet.
pub fn stylesheet_href() -> String {
    format!("/assets/{}", ASSETS[0].name)
}
