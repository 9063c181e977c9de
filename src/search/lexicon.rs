//! The words the search knows about beyond the listings: the glossary of the
//! field's acronyms and synonyms, common words to leave out of queries, and
//! country names. All three are data in `fixtures/`, compiled in.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::analysis;

/// One glossary entry: terms that mean the same thing in this field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// `acronym` (the first term is the acronym) or `synonym`.
    pub kind: String,
    /// The equivalent terms.
    pub terms: Vec<String>,
    /// Where the meaning comes from.
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Country {
    code: String,
    names: Vec<String>,
}

/// A glossary term as a query can contain it.
#[derive(Debug)]
struct Term {
    entry: usize,
    /// The term's words, folded.
    words: Vec<String>,
    /// Short acronyms (`TIP`, `MLA`, `ToT`) only match as written, so that
    /// the ordinary words `tip` or `tot` do not expand.
    exact_case: Option<String>,
}

/// A part of a query that the glossary gives other words for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// Which query words (by index) the glossary term covers.
    pub span: std::ops::Range<usize>,
    /// The other terms of its entry, each as folded words.
    pub alternatives: Vec<Vec<String>>,
}

/// The glossary, stop words and country names.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<GlossaryEntry>,
    terms: Vec<Term>,
    stopwords: HashSet<String>,
    countries: HashMap<String, Vec<String>>,
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_json(
        include_str!("../../fixtures/glossary.json"),
        include_str!("../../fixtures/stopwords.json"),
        include_str!("../../fixtures/countries.json"),
    )
    .expect("the lexicon files in fixtures/ are valid (checked by a unit test)")
});

fn folded_words(text: &str) -> Vec<String> {
    analysis::terms(&mut analysis::folded(), text)
}

impl Lexicon {
    /// The lexicon shipped in `fixtures/`.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Reads a lexicon from its files' contents.
    pub fn from_json(
        glossary: &str,
        stopwords: &str,
        countries: &str,
    ) -> serde_json::Result<Lexicon> {
        let entries: Vec<GlossaryEntry> = serde_json::from_str(glossary)?;
        let stopwords: HashMap<String, Vec<String>> = serde_json::from_str(stopwords)?;
        let countries: Vec<Country> = serde_json::from_str(countries)?;
        let mut terms = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            for (position, term) in entry.terms.iter().enumerate() {
                let is_acronym = entry.kind == "acronym" && position == 0;
                let exact_case = (is_acronym && term.chars().count() <= 3).then(|| term.clone());
                terms.push(Term {
                    entry: index,
                    words: folded_words(term),
                    exact_case,
                });
            }
        }
        Ok(Lexicon {
            entries,
            terms,
            stopwords: stopwords
                .into_values()
                .flatten()
                .map(|w| analysis::normalise(&w))
                .collect(),
            countries: countries.into_iter().map(|c| (c.code, c.names)).collect(),
        })
    }

    /// Every glossary entry.
    pub fn glossary(&self) -> &[GlossaryEntry] {
        &self.entries
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

    /// The glossary terms found in a query, given its words as typed and
    /// folded, with the other terms of their entries.
    pub fn expansions(&self, typed: &[&str], folded: &[String]) -> Vec<Expansion> {
        let mut found: Vec<Expansion> = Vec::new();
        for term in &self.terms {
            let n = term.words.len();
            if n == 0 || n > folded.len() {
                continue;
            }
            for start in 0..=folded.len() - n {
                if folded[start..start + n] != term.words[..] {
                    continue;
                }
                if let Some(acronym) = &term.exact_case {
                    let written = typed[start];
                    if written != acronym && written != acronym.to_uppercase() {
                        continue;
                    }
                }
                let alternatives = self.entries[term.entry]
                    .terms
                    .iter()
                    .map(|t| folded_words(t))
                    .filter(|words| *words != term.words)
                    .collect();
                let expansion = Expansion {
                    span: start..start + n,
                    alternatives,
                };
                if !found.contains(&expansion) {
                    found.push(expansion);
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analysis::WordTokenizer;

    #[test]
    fn the_lexicon_loads_with_a_source_for_every_glossary_entry() {
        let lexicon = Lexicon::from_json(
            include_str!("../../fixtures/glossary.json"),
            include_str!("../../fixtures/stopwords.json"),
            include_str!("../../fixtures/countries.json"),
        )
        .unwrap();
        assert!(lexicon.glossary().len() >= 60);
        assert!(
            lexicon
                .glossary()
                .iter()
                .all(|e| !e.source.trim().is_empty() && e.terms.len() >= 2)
        );
        assert!(
            lexicon
                .glossary()
                .iter()
                .all(|e| e.kind == "acronym" || e.kind == "synonym")
        );
        assert!(
            lexicon
                .country_names("TH")
                .contains(&"ประเทศไทย".to_owned())
        );
    }

    fn expand(query: &str) -> Vec<Expansion> {
        let typed: Vec<&str> = WordTokenizer::default()
            .words(query)
            .iter()
            .map(|t| &query[t.offset_from..t.offset_to])
            .collect();
        Lexicon::builtin().expansions(&typed, &folded_words(query))
    }

    #[test]
    fn acronyms_expand_to_their_meaning() {
        let found = expand("ATIP course");
        assert_eq!(found[0].span, 0..1);
        assert!(
            found[0]
                .alternatives
                .contains(&folded_words("anti-trafficking in persons"))
        );
    }

    #[test]
    fn short_acronyms_expand_only_as_written() {
        assert!(!expand("MLA training").is_empty());
        assert!(expand("mla training").is_empty());
        assert!(expand("a tip for officers").is_empty());
    }

    #[test]
    fn synonyms_expand_both_ways() {
        let found = expand("migrant smuggling");
        assert!(
            found
                .iter()
                .any(|e| e.alternatives.contains(&folded_words("people smuggling")))
        );
        let found = expand("people smuggling");
        assert!(
            found
                .iter()
                .any(|e| e.alternatives.contains(&folded_words("migrant smuggling")))
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
