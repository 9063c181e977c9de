//! Bridges between languages: the glossary of the field and the controlled
//! vocabulary, both data, by which a query in one language reaches listings
//! written in another.
//!
//! A glossary concept (trafficking in persons ~ การค้ามนุษย์ ~ perdagangan
//! orang ...) is found in each listing's text when it is indexed, and its id
//! stored with the listing; a query naming the concept in any language then
//! matches that id, so the cost at query time is one term lookup whatever
//! the number of languages. Vocabulary names (a topic, audience, kind,
//! delivery mode or country named in any language) are found in the query
//! only and match the listings that carry the value.
//!
//! Terms are found by the same [`TermFinder`] in listings and in queries:
//! words of spaced scripts compared folded and stemmed, whole words only;
//! text of unspaced scripts (Thai, Lao, Khmer, Burmese, Chinese, Japanese,
//! Korean) as a substring; short acronyms (`TIP`, `ToT`) only as written.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::Deserialize;

use super::analysis;
use super::query::Facet;

/// The glossary file: concepts of the field with their terms per language,
/// and the published sources they are drawn from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// What the file is and how to extend it.
    pub about: String,
    /// Each source by key: its full citation.
    pub sources: BTreeMap<String, String>,
    /// The concepts.
    pub entries: Vec<GlossaryEntry>,
}

/// What a glossary entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// A concept of the field, named in the region's languages.
    Concept,
    /// A programme, instrument or body known by an acronym, whose name is
    /// used as it is in every language.
    Name,
}

/// One concept and its terms.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// A stable identifier, kebab-case.
    pub id: String,
    /// Concept or name.
    pub kind: EntryKind,
    /// The part of the field: offences, victims, documents, borders,
    /// investigation, prosecution, return, training, institutions.
    pub area: String,
    /// Keys into [`Glossary::sources`].
    pub sources: Vec<String>,
    /// Terms by language tag; the first English term names the concept.
    pub terms: BTreeMap<String, Vec<String>>,
}

impl GlossaryEntry {
    /// The concept's English name.
    pub fn english(&self) -> &str {
        self.terms
            .get("en")
            .and_then(|terms| terms.first())
            .map_or(self.id.as_str(), String::as_str)
    }
}

static GLOSSARY: LazyLock<Glossary> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../fixtures/glossary.json"))
        .expect("fixtures/glossary.json is valid (checked by a unit test)")
});

impl Glossary {
    /// The glossary shipped in `fixtures/`.
    pub fn builtin() -> &'static Glossary {
        &GLOSSARY
    }

    /// A short fingerprint of the glossary's content: the index records
    /// which glossary tagged it, and is rebuilt when the glossary changes.
    pub fn fingerprint() -> String {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(include_str!("../../fixtures/glossary.json"));
        digest[..4].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// What a bridge term leads to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A glossary entry, by its position in [`Glossary::entries`].
    Concept(usize),
    /// A value of a facet: a topic, audience, kind, delivery mode or country.
    Value(Facet, String),
}

/// A name of a vocabulary value in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyName {
    /// The facet.
    pub facet: Facet,
    /// The value as stored (slug, kind, mode or country code).
    pub value: String,
    /// The language of the name.
    pub lang: String,
    /// The name.
    pub name: String,
}

/// One term a bridge is crossed by.
#[derive(Debug, Clone)]
pub struct BridgeTerm {
    /// Where it leads.
    pub target: Target,
    /// Its language.
    pub lang: String,
    /// The term as written in the data.
    pub text: String,
}

/// Terms found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The term, by its position in the finder's list.
    pub term: usize,
    /// Where in the text, in bytes.
    pub range: Range<usize>,
}

/// The glossary's concepts and the vocabulary's names, ready to be found.
///
/// The glossary's part is built once for the process; the vocabulary's is
/// small and rebuilt whenever the vocabulary changes. Terms are numbered
/// glossary first, so a glossary term has the same number in every set.
#[derive(Debug)]
pub struct Bridges {
    vocabulary: Vec<BridgeTerm>,
    vocabulary_finder: TermFinder,
}

struct ConceptTerms {
    terms: Vec<BridgeTerm>,
    finder: TermFinder,
}

static CONCEPT_TERMS: LazyLock<ConceptTerms> = LazyLock::new(|| {
    let mut terms = Vec::new();
    for (index, entry) in Glossary::builtin().entries.iter().enumerate() {
        for (lang, texts) in &entry.terms {
            for text in texts {
                terms.push(BridgeTerm {
                    target: Target::Concept(index),
                    lang: lang.clone(),
                    text: text.clone(),
                });
            }
        }
    }
    let finder = TermFinder::new(terms.iter().map(|t| t.text.as_str()));
    ConceptTerms { terms, finder }
});

static CONCEPT_FINDERS: LazyLock<Vec<OnceLock<ConceptFinder>>> = LazyLock::new(|| {
    (0..Glossary::builtin().entries.len())
        .map(|_| OnceLock::new())
        .collect()
});

static CONCEPTS: LazyLock<Bridges> = LazyLock::new(|| Bridges::new(Vec::new()));

impl Bridges {
    /// The glossary's concepts and these vocabulary names.
    pub fn new(names: Vec<VocabularyName>) -> Bridges {
        let vocabulary: Vec<BridgeTerm> = names
            .into_iter()
            .map(|name| BridgeTerm {
                target: Target::Value(name.facet, name.value),
                lang: name.lang,
                text: name.name,
            })
            .collect();
        let vocabulary_finder = TermFinder::new(vocabulary.iter().map(|t| t.text.as_str()));
        Bridges {
            vocabulary,
            vocabulary_finder,
        }
    }

    /// The glossary's concepts alone: what listings are tagged with.
    pub fn concepts() -> &'static Bridges {
        &CONCEPTS
    }

    /// A term by its number.
    pub fn term(&self, number: usize) -> &BridgeTerm {
        let concepts = &CONCEPT_TERMS.terms;
        concepts
            .get(number)
            .unwrap_or_else(|| &self.vocabulary[number - concepts.len()])
    }

    /// A finder of one glossary concept's terms, reporting each by its
    /// number here; built the first time it is asked for and kept.
    pub fn concept_finder(concept: usize) -> Option<&'static ConceptFinder> {
        let cell = CONCEPT_FINDERS.get(concept)?;
        Some(cell.get_or_init(|| {
            let numbers: Vec<usize> = CONCEPT_TERMS
                .terms
                .iter()
                .enumerate()
                .filter(|(_, term)| term.target == Target::Concept(concept))
                .map(|(number, _)| number)
                .collect();
            let finder = TermFinder::new(
                numbers
                    .iter()
                    .map(|number| CONCEPT_TERMS.terms[*number].text.as_str()),
            );
            ConceptFinder { finder, numbers }
        }))
    }

    /// The terms found in a text.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let offset = CONCEPT_TERMS.terms.len();
        let mut found = CONCEPT_TERMS.finder.find(text);
        found.extend(
            self.vocabulary_finder
                .find(text)
                .into_iter()
                .map(|f| Found {
                    term: f.term + offset,
                    range: f.range,
                }),
        );
        found
    }

    /// What a listing's texts are tagged with: the id of each glossary
    /// concept they name, and `id@lang` for the language of each term that
    /// named it, so that a query can prefer listings naming a concept in the
    /// query's own language; once per time it is named, so that naming it
    /// often counts.
    pub fn concept_tags<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let glossary = Glossary::builtin();
        let mut tags: Vec<String> = Vec::new();
        for found in texts
            .into_iter()
            .flat_map(|text| CONCEPT_TERMS.finder.find(text))
        {
            let term = &CONCEPT_TERMS.terms[found.term];
            if let Target::Concept(index) = term.target {
                let id = &glossary.entries[index].id;
                tags.push(id.clone());
                tags.push(language_tag(id, &term.lang));
            }
        }
        tags
    }
}

/// The tag of a concept named in one language.
pub fn language_tag(id: &str, lang: &str) -> String {
    format!("{id}@{lang}")
}

/// Finds any of a list of terms in a text, as described in the module doc.
#[derive(Debug)]
pub struct TermFinder {
    words: Automaton,
    unspaced: Automaton,
    exact: Automaton,
}

/// The terms of one glossary concept, numbered as in [`Bridges`].
///
/// A query names a few concepts; automata of their terms alone scan a
/// page of hits faster than the whole glossary's.
#[derive(Debug)]
pub struct ConceptFinder {
    finder: TermFinder,
    numbers: Vec<usize>,
}

impl ConceptFinder {
    /// Every term of the concepts found in `text`, as [`TermFinder::find`].
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut found = self.finder.find(text);
        for f in &mut found {
            f.term = self.numbers[f.term];
        }
        found
    }
}

/// An automaton with the term each of its patterns stands for.
#[derive(Debug)]
struct Automaton {
    matcher: Option<AhoCorasick>,
    terms: Vec<usize>,
}

impl Automaton {
    fn new(patterns: Vec<(String, usize)>) -> Automaton {
        let (patterns, terms): (Vec<String>, Vec<usize>) = patterns.into_iter().unzip();
        let matcher = (!patterns.is_empty()).then(|| {
            // A DFA: a few megabytes for the glossary, and the fastest to
            // run over every title and summary of a page of hits.
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .expect("glossary patterns are small enough to compile")
        });
        Automaton { matcher, terms }
    }

    fn find(&self, stream: &Stream, found: &mut Vec<Found>) {
        let Some(matcher) = &self.matcher else {
            return;
        };
        if stream.text.is_empty() {
            return;
        }
        for m in matcher.find_overlapping_iter(&stream.text) {
            if let Some(range) = stream.original(m.start()..m.end()) {
                found.push(Found {
                    term: self.terms[m.pattern().as_usize()],
                    range,
                });
            }
        }
    }
}

/// Acronyms this short are common words in other cases (`tip`, `tot`).
const EXACT_CASE_UP_TO: usize = 3;

/// Shortest unspaced term found as a substring, in characters: one Chinese
/// character or one Thai syllable is inside too many unrelated words.
const UNSPACED_AT_LEAST: usize = 2;

impl TermFinder {
    /// A finder of these terms; each found term is reported by its position.
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a str>) -> TermFinder {
        let mut words = Vec::new();
        let mut unspaced = Vec::new();
        let mut exact = Vec::new();
        for (index, term) in terms.into_iter().enumerate() {
            if term.chars().any(analysis::is_unspaced) {
                let pattern = Stream::unspaced(term).text;
                if pattern.chars().count() >= UNSPACED_AT_LEAST {
                    unspaced.push((pattern, index));
                }
            } else if is_short_acronym(term) {
                exact.push((format!(" {term} "), index));
                let upper = term.to_uppercase();
                if upper != term {
                    exact.push((format!(" {upper} "), index));
                }
            } else {
                let pattern = Stream::words(term).text;
                if pattern.len() > 1 {
                    words.push((pattern, index));
                }
            }
        }
        TermFinder {
            words: Automaton::new(words),
            unspaced: Automaton::new(unspaced),
            exact: Automaton::new(exact),
        }
    }

    /// Every term found in `text`, in no particular order; overlapping
    /// terms are all reported.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut found = Vec::new();
        self.words.find(&Stream::words(text), &mut found);
        if may_hold_acronym(text) {
            self.exact.find(&Stream::exact(text), &mut found);
        }
        if text.chars().any(analysis::is_unspaced) {
            self.unspaced.find(&Stream::unspaced(text), &mut found);
        }
        found
    }
}

fn is_short_acronym(term: &str) -> bool {
    let letters = term.chars().count();
    letters <= EXACT_CASE_UP_TO && term.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A text rewritten for matching, with the way back to the original's bytes.
#[derive(Debug, Default)]
struct Stream {
    text: String,
    /// For each piece pushed: where it starts in `text`, and the original
    /// bytes it came from.
    pieces: Vec<(usize, Range<usize>)>,
}

/// The words of a text, with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    analysis::word_spans(text)
        .into_iter()
        .map(move |span| (span.clone(), &text[span]))
}

thread_local! {
    /// Words already folded and stemmed: listings and hits share most of
    /// their words, and stemming each anew was most of the cost of finding
    /// terms in a page of hits.
    static WORD_KEYS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Words kept in [`WORD_KEYS`] before it is emptied: a page of hits uses a
/// few thousand, and every thread that searches keeps its own, so the bound
/// is small (about 200 KB a thread).
const WORD_KEYS_KEPT: usize = 4_096;

/// Gives `use_key` a word as the word stream holds it: NFKC, lower case,
/// folded, stemmed.
fn with_word_key(word: &str, use_key: impl FnOnce(&str)) {
    WORD_KEYS.with(|keys| {
        if let Some(key) = keys.borrow().get(word) {
            return use_key(key);
        }
        let key = analysis::stem(&analysis::normalise(word));
        use_key(&key);
        let mut keys = keys.borrow_mut();
        if keys.len() >= WORD_KEYS_KEPT {
            keys.clear();
        }
        keys.insert(word.to_owned(), key);
    })
}

/// Whether a text may hold a short acronym: two capitals at most two
/// letters apart (`TIP`, `ToT`).
fn may_hold_acronym(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, b)| {
        b.is_ascii_uppercase()
            && bytes[at + 1..]
                .iter()
                .take(2)
                .any(|next| next.is_ascii_uppercase())
    })
}

/// Whether NFKC and lower case leave a character as it is: true of the
/// letters, vowel signs and tone marks of the unspaced scripts but for the
/// Thai and Lao vowel AM, which NFKC decomposes, and the CJK compatibility
/// ideographs.
fn unchanged_by_normalising(c: char) -> bool {
    analysis::is_unspaced(c) && !matches!(c, '\u{0E33}' | '\u{0EB3}' | '\u{F900}'..='\u{FAFF}')
}

impl Stream {
    /// Words of spaced scripts, folded and stemmed, each with a space either
    /// side: a pattern of whole words matches whole words only.
    fn words(text: &str) -> Stream {
        let mut stream = Stream::default();
        for (range, word) in words(text) {
            if word.chars().any(analysis::is_unspaced) {
                // Unspaced text is matched by its own stream; a break keeps
                // the words either side of it from meeting.
                stream.text.push_str(" |");
                continue;
            }
            with_word_key(word, |key| {
                if !key.is_empty() {
                    stream.text.push(' ');
                    stream.pieces.push((stream.text.len(), range));
                    stream.text.push_str(key);
                }
            });
        }
        stream.text.push(' ');
        stream
    }

    /// Words as written (NFKC, case kept), for short acronyms.
    fn exact(text: &str) -> Stream {
        let mut stream = Stream::default();
        for (range, word) in words(text) {
            stream.text.push(' ');
            stream.pieces.push((stream.text.len(), range));
            stream.text.push_str(word);
        }
        stream.text.push(' ');
        stream
    }

    /// Every character but spaces, normalised one by one, so that a term
    /// is found inside a run however the run is cut into words.
    fn unspaced(text: &str) -> Stream {
        let mut stream = Stream::default();
        let mut buffer = [0u8; 4];
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            stream
                .pieces
                .push((stream.text.len(), at..at + c.len_utf8()));
            if unchanged_by_normalising(c) {
                stream.text.push(c);
            } else {
                stream
                    .text
                    .push_str(&analysis::normalise(c.encode_utf8(&mut buffer)));
            }
        }
        stream
    }

    /// The original bytes a match over `text` covers. Patterns of the word
    /// streams include the spaces either side, so a match starts one byte
    /// before its first word.
    fn original(&self, matched: Range<usize>) -> Option<Range<usize>> {
        let first = self.pieces.partition_point(|(at, _)| *at < matched.start);
        let last = self
            .pieces
            .partition_point(|(at, _)| *at < matched.end)
            .checked_sub(1)?;
        let start = self.pieces.get(first)?.1.start;
        let end = self.pieces.get(last)?.1.end;
        (start < end).then_some(start..end)
    }
}

/// The vocabulary names of a facet value in the languages given, as a
/// convenience for callers that hold names by message id
/// (`topic-SLUG`, `audience-SLUG`, `kind-KIND`, `delivery-MODE`,
/// `country-CODE`).
pub fn vocabulary_name(lang: &str, id: &str, name: &str) -> Option<VocabularyName> {
    let (facet, value) = [
        ("topic-", Facet::Topic),
        ("audience-", Facet::Audience),
        ("kind-", Facet::Kind),
        ("delivery-", Facet::Delivery),
        ("country-", Facet::Country),
    ]
    .into_iter()
    .find_map(|(prefix, facet)| id.strip_prefix(prefix).map(|value| (facet, value)))?;
    Some(VocabularyName {
        facet,
        value: value.to_owned(),
        lang: lang.to_owned(),
        name: name.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(terms: &[&'a str], text: &'a str) -> Vec<(&'a str, &'a str)> {
        let finder = TermFinder::new(terms.iter().copied());
        let mut found: Vec<(&str, &str)> = finder
            .find(text)
            .into_iter()
            .map(|f| (terms[f.term], &text[f.range]))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn spaced_terms_match_whole_words_folded_and_stemmed() {
        let terms = ["victim of trafficking", "mua bán người", "traffic"];
        assert_eq!(
            found(&terms, "Interviewing Victims of Trafficking at the border"),
            vec![("victim of trafficking", "Victims of Trafficking")]
        );
        assert_eq!(
            found(&terms, "phòng, chống mua ban nguoi qua biên giới"),
            vec![("mua bán người", "mua ban nguoi")]
        );
        assert!(found(&terms, "trafficked-person").is_empty());
    }

    #[test]
    fn unspaced_terms_match_inside_runs_and_across_spaces() {
        let terms = ["การค้ามนุษย์", "人口贩运"];
        let text = "หลักสูตรการคัดแยกผู้เสียหายจากการค้า มนุษย์ และ 打击人口贩运犯罪";
        assert_eq!(
            found(&terms, text),
            vec![("การค้ามนุษย์", "การค้า มนุษย์"), ("人口贩运", "人口贩运")]
        );
    }

    #[test]
    fn short_acronyms_match_only_as_written() {
        let terms = ["TIP", "ToT"];
        assert_eq!(found(&terms, "a TIP course"), vec![("TIP", "TIP")]);
        assert_eq!(found(&terms, "TOT for trainers"), vec![("ToT", "TOT")]);
        assert!(found(&terms, "a tip for the tot").is_empty());
    }

    #[test]
    fn words_either_side_of_unspaced_text_do_not_meet() {
        assert!(found(&["border management"], "border การ management").is_empty());
    }

    #[test]
    fn the_glossary_has_150_concepts_in_12_languages_with_known_sources() {
        let glossary = Glossary::builtin();
        let concepts: Vec<&GlossaryEntry> = glossary
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Concept)
            .collect();
        assert!(concepts.len() >= 150, "{} concepts", concepts.len());
        for entry in &glossary.entries {
            assert!(!entry.sources.is_empty(), "{} names no source", entry.id);
            for source in &entry.sources {
                assert!(
                    glossary.sources.contains_key(source),
                    "{}: unknown source {source}",
                    entry.id
                );
            }
            assert!(
                entry.terms.contains_key("en"),
                "{} has no English",
                entry.id
            );
            assert!(entry.terms.values().all(|t| !t.is_empty()), "{}", entry.id);
        }
        for concept in &concepts {
            assert!(
                concept.terms.len() >= 12,
                "{} is in {} languages",
                concept.id,
                concept.terms.len()
            );
        }
        let mut ids: Vec<&str> = glossary.entries.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "an id is repeated");
    }

    #[test]
    fn a_concept_named_in_one_language_is_found_in_text_of_another() {
        let bridges = Bridges::concepts();
        let thai = bridges.concept_tags(["การค้ามนุษย์"]);
        let english = bridges.concept_tags(["Countering trafficking in persons in Asia"]);
        for (tags, lang) in [(thai, "th"), (english, "en")] {
            assert!(
                tags.contains(&"trafficking-in-persons".to_owned()),
                "{tags:?}"
            );
            let tagged = language_tag("trafficking-in-persons", lang);
            assert!(tags.contains(&tagged), "{tags:?}");
        }
    }
}
