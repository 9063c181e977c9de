//! ISO 3166-1 alpha-2 country codes.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A country as its ISO 3166-1 alpha-2 code, always upper case (`ID`, `TH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(isocountry::CountryCode);

impl CountryCode {
    /// Parses a code, accepting any letter case.
    pub fn parse(value: &str) -> Result<Self, String> {
        isocountry::CountryCode::for_alpha2_caseless(value.trim())
            .map(Self)
            .map_err(|_| {
                format!(
                    "\"{value}\" is not an ISO 3166-1 alpha-2 country code (for example ID, TH, KH)"
                )
            })
    }

    /// The two-letter code.
    pub fn as_str(&self) -> &'static str {
        self.0.alpha2()
    }

    /// The country's English short name.
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// Every country, by English name (for choosing one in a form).
    pub fn all() -> Vec<CountryCode> {
        let mut all: Vec<CountryCode> = isocountry::CountryCode::iter()
            .map(|c| CountryCode(*c))
            .collect();
        all.sort_by_key(|c| c.name());
        all
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> Self {
        code.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_case_insensitive_and_stored_upper_case() {
        assert_eq!(CountryCode::parse("kh").unwrap().as_str(), "KH");
    }

    #[test]
    fn unknown_codes_are_refused_with_an_example() {
        let err = CountryCode::parse("XX").unwrap_err();
        assert!(err.contains("ISO 3166-1"), "{err}");
    }
}
