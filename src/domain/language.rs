//! BCP 47 language tags.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A well-formed BCP 47 language tag in its conventional case: language in
/// lower case, script in title case, region in upper case (`zh-Hant-TW`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

impl LanguageTag {
    /// Parses and normalises a tag.
    pub fn parse(value: &str) -> Result<Self, String> {
        let value = value.trim();
        let refuse = || {
            format!("\"{value}\" is not a BCP 47 language tag (for example en, th, km, zh-Hant)")
        };
        let parsed = language_tags::LanguageTag::parse(value).map_err(|_| refuse())?;
        if value.is_empty() || parsed.primary_language().len() > 3 {
            return Err(refuse());
        }
        let normalised = value
            .split('-')
            .enumerate()
            .map(|(position, subtag)| match subtag.len() {
                4 if position > 0 && subtag.chars().all(|c| c.is_ascii_alphabetic()) => {
                    let mut s = subtag.to_ascii_lowercase();
                    s[..1].make_ascii_uppercase();
                    s
                }
                2 if position > 0 => subtag.to_ascii_uppercase(),
                _ => subtag.to_ascii_lowercase(),
            })
            .collect::<Vec<_>>()
            .join("-");
        Ok(Self(normalised))
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`zh` for `zh-Hant`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// Whether the language is written right to left (Persian, Dari, Pashto,
    /// Urdu, Arabic and the like), for the `dir` attribute.
    pub fn is_right_to_left(&self) -> bool {
        matches!(
            self.primary(),
            "ar" | "fa" | "prs" | "ps" | "ur" | "he" | "dv" | "ug" | "sd" | "ckb"
        )
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<LanguageTag> for String {
    fn from(tag: LanguageTag) -> Self {
        tag.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_to_conventional_case() {
        assert_eq!(
            LanguageTag::parse("ZH-hant-tw").unwrap().as_str(),
            "zh-Hant-TW"
        );
        assert_eq!(LanguageTag::parse("Km").unwrap().as_str(), "km");
        assert_eq!(LanguageTag::parse("tet").unwrap().as_str(), "tet");
    }

    #[test]
    fn malformed_tags_are_refused() {
        for bad in ["", "english", "en_US", "e", "th--x", "123"] {
            assert!(LanguageTag::parse(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn persian_is_right_to_left_and_thai_is_not() {
        assert!(LanguageTag::parse("fa").unwrap().is_right_to_left());
        assert!(!LanguageTag::parse("th").unwrap().is_right_to_left());
    }
}
