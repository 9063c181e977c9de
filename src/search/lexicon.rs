//! The words the search knows about beyond the listings: common words to
//! leave out of queries, and country names. Both are data in `fixtures/`,
//! compiled in. The glossary of the field is in [`super::bridge`].

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::analysis;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Country {
    code: String,
    names: Vec<String>,
}

/// Stop words and country names.
#[derive(Debug)]
pub struct Lexicon {
    stopwords: HashSet<String>,
    countries: HashMap<String, Vec<String>>,
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_json(
        include_str!("../../fixtures/stopwords.json"),
        include_str!("../../fixtures/countries.json"),
    )
    .expect("the lexicon files in fixtures/ are valid (checked by a unit test)")
});

impl Lexicon {
    /// The lexicon shipped in `fixtures/`.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Reads a lexicon from its files' contents.
    pub fn from_json(stopwords: &str, countries: &str) -> serde_json::Result<Lexicon> {
        let stopwords: HashMap<String, Vec<String>> = serde_json::from_str(stopwords)?;
        let countries: Vec<Country> = serde_json::from_str(countries)?;
        Ok(Lexicon {
            stopwords: stopwords
                .into_values()
                .flatten()
                .map(|w| analysis::normalise(&w))
                .collect(),
            countries: countries.into_iter().map(|c| (c.code, c.names)).collect(),
        })
    }

    /// Whether a normalised word is too common to search for on its own.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// A country's names: in English and in its own languages.
    pub fn country_names(&self, code: &str) -> &[String] {
        self.countries
            .get(code)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Every country's code with its names.
    pub fn countries(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.countries
            .iter()
            .map(|(code, names)| (code.as_str(), names.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_loads() {
        let lexicon = Lexicon::from_json(
            include_str!("../../fixtures/stopwords.json"),
            include_str!("../../fixtures/countries.json"),
        )
        .unwrap();
        assert!(
            lexicon
                .country_names("TH")
                .contains(&"ประเทศไทย".to_owned())
        );
    }

    #[test]
    fn common_words_are_known_in_several_languages() {
        let lexicon = Lexicon::builtin();
        for word in ["the", "for", "yang", "untuk", "của", "ba"] {
            assert!(lexicon.is_stopword(word), "{word}");
        }
        assert!(!lexicon.is_stopword("border"));
    }
}
