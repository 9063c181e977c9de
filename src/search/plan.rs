//! From what a person typed to a tantivy query.
//!
//! Each word is looked for in every analysed field (exact spelling, folded,
//! English stem, character pairs), taking the best field per word, so a
//! listing earns credit once per word and more for words in its title. Words
//! combine with OR, so a long question still finds the listing that shares
//! most of its important words; BM25's inverse document frequency weighs
//! rare words above common ones, and common function words are left out.
//! Typos are forgiven like the anchors (one edit from five letters, two from
//! nine, never for acronyms), but a fuzzy or prefix match scores a small
//! constant, below any exact match. The last word also matches as a prefix
//! while it is being typed. A part of the query that names a glossary
//! concept or a vocabulary value, in any language, also reaches the listings
//! tagged with it (see [`super::bridge`]), a little below what the same
//! words matched in a listing's own text earn. Quoted text must appear as a
//! phrase; `-word` excludes.

use std::ops::Range;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery,
    Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analysis::{self, GramTokenizer, WordTokenizer};
use super::bridge::{Bridges, Glossary, Target, language_tag};
use super::lexicon::Lexicon;
use super::schema::Fields;

/// One word of a query, in every form the fields need.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWord {
    /// As typed.
    pub typed: String,
    /// NFKC, lower case.
    pub normalised: String,
    /// Diacritics folded too.
    pub folded: String,
    /// English stem of the folded form.
    pub stem: String,
    /// In a script written without spaces.
    pub unspaced: bool,
    /// Long enough to be looked for as a substring (by its character
    /// pairs): a Thai, Lao, Khmer or Burmese word of four letters or more,
    /// or any Chinese, Japanese or Korean word. Shorter words of the first
    /// scripts are syllables found inside too many unrelated words; the
    /// whole run typed is still looked for as a substring.
    pub substring: bool,
    /// Written like an acronym (`RBDES`, `VoT`): never fuzzy.
    pub acronym: bool,
    /// Too common to search for on its own.
    pub stop: bool,
    /// The last word, still being typed: also matches as a prefix.
    pub prefix: bool,
    /// Edits forgiven: 0, 1 or 2.
    pub fuzziness: u8,
    /// How telling the word is: its inverse document frequency once
    /// [`Plan::weigh`] has seen the index, else 1.
    pub weight: f32,
    /// Whether the index has the word as typed (known once weighed). Only
    /// an unknown word is looked for with typos forgiven or as a prefix: a
    /// word the catalogue contains was most likely typed as meant, and this
    /// keeps the costly automaton queries for the words that need them.
    pub known: bool,
    /// Where it is in the query text's words part, in bytes.
    pub at: Range<usize>,
}

/// A part of a query that names a glossary concept or a vocabulary value.
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeMatch {
    /// What it leads to.
    pub target: Target,
    /// The query's text that names it, as typed.
    pub typed: String,
    /// The bridge term matched, by its position in the bridges' terms
    /// (the glossary's terms come first, in the same positions in every
    /// set of bridges).
    pub term: usize,
    /// Which words of the query (by index) it covers.
    pub words: Range<usize>,
    /// The language of the term matched.
    pub lang: String,
}

/// Where a query looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every text field: titles, summaries, descriptions, places, labels.
    Everything,
    /// Titles only, for completions as a person types.
    Titles,
}

/// A query ready to run: its words, the concepts and values they name,
/// quoted phrases and excluded words.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The words, in order.
    pub words: Vec<QueryWord>,
    /// Glossary concepts and vocabulary values named among the words.
    pub bridges: Vec<BridgeMatch>,
    /// Quoted phrases, which must match.
    pub phrases: Vec<Vec<QueryWord>>,
    /// Folded words after a `-`, which must not match.
    pub excluded: Vec<String>,
}

// Weights of each field for one word. The unspaced words' pair phrases use
// the folded weights. A word found only in a description, in the provider's
// home country or in a topic's label earns the credit for matching (see
// COORDINATION) and no more: fewer fields to score keeps search fast.
const TITLE_WORDS: f32 = 2.2;
const TITLE: f32 = 2.0;
const SUMMARY_WORDS: f32 = 1.1;
const SUMMARY: f32 = 1.0;
const BODY: f32 = 0.5;
const PLACE: f32 = 1.5;
/// Fuzzy and prefix matches score a constant (their weight), kept below
/// what an exact match in the same field scores.
const FUZZY_TITLE: f32 = 0.5;
const FUZZY_SUMMARY: f32 = 0.25;
const FUZZY_BODY: f32 = 0.1;
const PREFIX_TITLE: f32 = 1.0;
const PREFIX_SUMMARY: f32 = 0.5;
const PREFIX_PLACE: f32 = 0.6;
/// Credit for also matching a word in a second field.
const TIE_BREAKER: f32 = 0.3;
/// Bonus for the words appearing together, in order.
const PHRASE_TITLE: f32 = 1.5;
const PHRASE_SUMMARY: f32 = 0.8;
/// Slop of the proximity bonus in summaries.
const NEAR: u32 = 3;
/// Credit for a listing tagged with a concept the query names, times the
/// weight of the words naming it: in a title or summary, and anywhere.
/// Together a little below what the words themselves earn in a title, so
/// that a listing with the query's own words ranks first.
const BRIDGE_HEAD: f32 = 1.6;
const BRIDGE_ANYWHERE: f32 = 1.4;
/// Weight of naming a concept in the language of the query's term (BM25
/// over its tag), on top of the concept's own credit: in a title or
/// summary, and anywhere.
const SAME_LANGUAGE_HEAD: f32 = 0.3;
const SAME_LANGUAGE_ANYWHERE: f32 = 0.15;
/// Credit for carrying a vocabulary value the query names (a topic,
/// audience, kind, delivery mode or country), times the words' weight.
const VOCABULARY: f32 = 2.0;
/// Credit for each word a listing matches at all (any field, any way),
/// times the word's weight: listings that match more of the telling words
/// rank first, whichever fields they match in.
const COORDINATION: f32 = 1.5;

fn is_acronym(typed: &str) -> bool {
    let upper = typed.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && typed.chars().count() <= 10
}

fn words_of(text: &str, prefix_last: bool) -> Vec<QueryWord> {
    let tokens = WordTokenizer::default().words(text);
    let lexicon = Lexicon::builtin();
    let count = tokens.len();
    let mut words: Vec<QueryWord> = tokens
        .into_iter()
        .enumerate()
        .map(|(i, token)| {
            let folded = analysis::fold(&token.text);
            let stem = analysis::stem(&token.text);
            let typed = text[token.offset_from..token.offset_to].to_owned();
            let unspaced = token.text.chars().any(analysis::is_unspaced);
            let substring = unspaced
                && (token.text.chars().count() >= 4
                    || token.text.chars().any(analysis::is_ideographic));
            let acronym = is_acronym(&typed);
            let latin = folded.chars().all(|c| c.is_ascii_alphabetic());
            let letters = folded.chars().count();
            let fuzziness = match letters {
                _ if acronym || unspaced || !latin => 0,
                9.. => 2,
                5.. => 1,
                _ => 0,
            };
            QueryWord {
                stop: !acronym && lexicon.is_stopword(&token.text),
                prefix: prefix_last && i + 1 == count && !unspaced && letters >= 2,
                normalised: token.text,
                typed,
                folded,
                stem,
                unspaced,
                substring,
                acronym,
                fuzziness,
                weight: 1.0,
                known: false,
                at: token.offset_from..token.offset_to,
            }
        })
        .collect();
    if words.iter().all(|w| w.stop) {
        for word in &mut words {
            word.stop = false;
        }
    }
    words
}

impl Plan {
    /// Reads what a person typed, with the glossary's concepts as bridges.
    pub fn new(text: &str) -> Plan {
        Plan::bridged(text, Bridges::concepts())
    }

    /// Reads what a person typed, finding what it names through `bridges`.
    pub fn bridged(text: &str, bridges: &Bridges) -> Plan {
        // People search words, not fields: a colon would let `id:*` reach
        // internal fields, so it is a space like other punctuation.
        let text = text.replace(':', " ");
        let mut plan = Plan::default();
        let mut rest = String::new();
        for (i, piece) in text.split('"').enumerate() {
            // Odd pieces sit between quotes; an unclosed quote quotes nothing.
            let closed = i % 2 == 1 && text.split('"').count() > i + 1;
            if closed {
                let phrase = words_of(piece, false);
                if !phrase.is_empty() {
                    plan.phrases.push(phrase);
                }
            }
            for chunk in piece.split_whitespace() {
                match chunk.strip_prefix('-') {
                    Some(excluded) if !closed && !excluded.is_empty() => {
                        plan.excluded
                            .extend(analysis::terms(&mut analysis::folded(), excluded));
                    }
                    _ => {
                        rest.push_str(chunk);
                        rest.push(' ');
                    }
                }
            }
        }
        let typing = !text.ends_with(char::is_whitespace) && !text.trim_end().ends_with('"');
        let rest = rest.trim_end();
        plan.words = words_of(rest, typing);
        plan.bridges = bridges
            .find(rest)
            .into_iter()
            .filter_map(|found| {
                let first = plan
                    .words
                    .iter()
                    .position(|w| w.at.end > found.range.start)?;
                let end = plan
                    .words
                    .iter()
                    .rposition(|w| w.at.start < found.range.end)?
                    + 1;
                let term = bridges.term(found.term);
                (first < end).then(|| BridgeMatch {
                    target: term.target.clone(),
                    typed: rest[found.range].to_owned(),
                    term: found.term,
                    words: first..end,
                    lang: term.lang.clone(),
                })
            })
            .collect();
        plan
    }

    /// Each concept named by the query in a language, once, with the weight
    /// of the most telling words naming it.
    fn same_language_weights(&self) -> Vec<(&BridgeMatch, f32)> {
        self.best_weights(|b| {
            matches!(b.target, Target::Concept(_)).then_some((&b.target, b.lang.as_str()))
        })
    }

    /// Each concept or value the query names, once, with the weight of the
    /// most telling words naming it.
    pub fn bridge_weights(&self) -> Vec<(&Target, f32)> {
        self.best_weights(|b| Some(&b.target))
            .into_iter()
            .map(|(bridge, weight)| (&bridge.target, weight))
            .collect()
    }

    /// The bridges with a key, one per key (the one whose words weigh
    /// most), with that weight; common words left out, weightless ones too.
    fn best_weights<'a, K: PartialEq>(
        &'a self,
        key: impl Fn(&'a BridgeMatch) -> Option<K>,
    ) -> Vec<(&'a BridgeMatch, f32)> {
        let mut best: Vec<(K, &BridgeMatch, f32)> = Vec::new();
        for bridge in &self.bridges {
            let Some(k) = key(bridge) else { continue };
            let weight: f32 = self.words[bridge.words.clone()]
                .iter()
                .filter(|w| !w.stop)
                .map(|w| w.weight)
                .sum();
            match best.iter_mut().find(|(seen, _, _)| *seen == k) {
                Some((_, kept, most)) if weight > *most => (*kept, *most) = (bridge, weight),
                Some(_) => {}
                None => best.push((k, bridge, weight)),
            }
        }
        best.into_iter()
            .filter(|(_, _, weight)| *weight > 0.0)
            .map(|(_, bridge, weight)| (bridge, weight))
            .collect()
    }

    /// Weighs each word by how rare it is in the index (BM25's inverse
    /// document frequency over all of a listing's text).
    pub fn weigh(&mut self, searcher: &Searcher, fields: &Fields) -> tantivy::Result<()> {
        let documents = searcher.num_docs() as f32;
        for word in &mut self.words {
            let frequency =
                searcher.doc_freq(&Term::from_field_text(fields.all_folded, &word.folded))?;
            word.known = frequency > 0;
            let frequency = frequency as f32;
            word.weight = (1.0 + (documents - frequency + 0.5) / (frequency + 0.5)).ln();
        }
        Ok(())
    }

    /// Runs of consecutive unspaced words, joined, when a run has several.
    pub fn unspaced_runs(&self) -> Vec<String> {
        let mut runs = Vec::new();
        for group in self.words.chunk_by(|a, b| a.unspaced && b.unspaced) {
            if group.len() > 1 && group[0].unspaced {
                runs.push(group.iter().map(|w| w.normalised.as_str()).collect());
            }
        }
        runs
    }

    /// Whether there is anything to search for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty() && self.excluded.is_empty()
    }

    /// The tantivy query.
    pub fn query(&self, fields: &Fields, scope: Scope) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in self.words.iter().filter(|w| !w.stop) {
            clauses.push((Occur::Should, word_query(word, fields, scope)));
            if scope == Scope::Everything {
                let matched =
                    ConstScoreQuery::new(coordination(word, fields), COORDINATION * word.weight);
                clauses.push((Occur::Should, Box::new(matched)));
            }
        }
        if scope == Scope::Titles {
            return Box::new(BooleanQuery::new(clauses));
        }
        for (target, weight) in self.bridge_weights() {
            clauses.push((Occur::Should, bridge_query(target, weight, fields)));
        }
        // A listing naming the concept in the language of the query's term
        // (the same thing in other words: `MLA` and "mutual legal
        // assistance", `TPPO` and "perdagangan orang") ranks above those
        // naming it only in other languages.
        for (bridge, weight) in self.same_language_weights() {
            clauses.push((Occur::Should, same_language_query(bridge, weight, fields)));
        }
        // A run of unspaced text cut into several words also counts whole:
        // the listing containing exactly what was typed ranks first.
        for run in self.unspaced_runs() {
            clauses.extend(pairs_query(&run, fields).map(|q| (Occur::Should, q)));
        }
        let ordered: Vec<String> = self
            .words
            .iter()
            .filter(|w| !w.prefix && !w.unspaced)
            .map(|w| w.folded.clone())
            .collect();
        if self.words.iter().filter(|w| !w.stop).count() >= 2 && ordered.len() >= 2 {
            clauses.push((
                Occur::Should,
                boost(phrase(fields.title_folded, &ordered, 0), PHRASE_TITLE),
            ));
            clauses.push((
                Occur::Should,
                boost(
                    phrase(fields.summary_folded, &ordered, NEAR),
                    PHRASE_SUMMARY,
                ),
            ));
        }
        for quoted in &self.phrases {
            let must = if quoted.iter().all(|w| w.unspaced) {
                let text: String = quoted.iter().map(|w| w.normalised.as_str()).collect();
                pairs_query(&text, fields)
            } else {
                let words: Vec<String> = quoted.iter().map(|w| w.folded.clone()).collect();
                folded_phrase(&words, fields)
            };
            if let Some(must) = must {
                clauses.push((Occur::Must, must));
            }
        }
        for word in &self.excluded {
            for field in [
                fields.title_folded,
                fields.summary_folded,
                fields.body_folded,
            ] {
                clauses.push((Occur::MustNot, term(field, word)));
            }
        }
        if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Listings naming a concept in the language the query named it in, by
/// BM25 over the concept's tag: naming it often, and in a title, counts.
fn same_language_query(bridge: &BridgeMatch, weight: f32, fields: &Fields) -> Box<dyn Query> {
    let Target::Concept(index) = bridge.target else {
        return Box::new(BooleanQuery::new(Vec::new()));
    };
    let tag = language_tag(&Glossary::builtin().entries[index].id, &bridge.lang);
    let scored = |field: Field, credit: f32| -> (Occur, Box<dyn Query>) {
        (Occur::Should, boost(term(field, &tag), credit * weight))
    };
    Box::new(BooleanQuery::new(vec![
        scored(fields.concept_head, SAME_LANGUAGE_HEAD),
        scored(fields.concept_all, SAME_LANGUAGE_ANYWHERE),
    ]))
}

/// Listings a concept or value named by the query leads to.
fn bridge_query(target: &Target, weight: f32, fields: &Fields) -> Box<dyn Query> {
    let credit = |field: Field, value: &str, credit: f32| -> (Occur, Box<dyn Query>) {
        let query = ConstScoreQuery::new(term(field, value), credit * weight);
        (Occur::Should, Box::new(query))
    };
    match target {
        Target::Concept(index) => {
            let id = &Glossary::builtin().entries[*index].id;
            Box::new(BooleanQuery::new(vec![
                credit(fields.concept_head, id, BRIDGE_HEAD),
                credit(fields.concept_all, id, BRIDGE_ANYWHERE),
            ]))
        }
        Target::Value(facet, value) => {
            let (_, query) = credit(facet.field(fields), value, VOCABULARY);
            query
        }
    }
}

fn boost(query: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, weight))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn phrase(field: Field, words: &[String], slop: u32) -> Box<dyn Query> {
    let terms = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    let mut query = PhraseQuery::new(terms);
    query.set_slop(slop);
    Box::new(query)
}

/// Words that must appear together in some text field, in order.
fn folded_phrase(words: &[String], fields: &Fields) -> Option<Box<dyn Query>> {
    let in_fields = [
        fields.title_folded,
        fields.summary_folded,
        fields.body_folded,
        fields.place_folded,
    ];
    let queries: Vec<Box<dyn Query>> = match words {
        [] => return None,
        [word] => in_fields.iter().map(|f| term(*f, word)).collect(),
        _ => in_fields.iter().map(|f| phrase(*f, words, 0)).collect(),
    };
    Some(Box::new(DisjunctionMaxQuery::with_tie_breaker(
        queries,
        TIE_BREAKER,
    )))
}

/// Text of an unspaced script found as a substring: its character pairs, in
/// order, in a title, summary, description or place.
fn pairs_query(text: &str, fields: &Fields) -> Option<Box<dyn Query>> {
    let pairs: Vec<String> = GramTokenizer::grams(text)
        .into_iter()
        .map(|t| t.text)
        .collect();
    let weighted = [
        (fields.title_grams, TITLE),
        (fields.summary_grams, SUMMARY),
        (fields.body_grams, BODY),
        (fields.place_grams, PLACE),
    ];
    let queries: Vec<Box<dyn Query>> = match pairs.as_slice() {
        [] => return None,
        [one] => weighted
            .iter()
            .map(|(f, w)| boost(term(*f, one), *w))
            .collect(),
        _ => weighted
            .iter()
            .map(|(f, w)| boost(phrase(*f, &pairs, 0), *w))
            .collect(),
    };
    Some(Box::new(DisjunctionMaxQuery::with_tie_breaker(
        queries,
        TIE_BREAKER,
    )))
}

/// One word in every field, best field first.
fn word_query(word: &QueryWord, f: &Fields, scope: Scope) -> Box<dyn Query> {
    // The exact-spelling fields only add something when folding changed
    // the word (`việt` against `viet`).
    let accented = word.normalised != word.folded;
    let mut alternatives: Vec<Box<dyn Query>> = vec![
        boost(term(f.title_folded, &word.folded), TITLE),
        boost(term(f.title_english, &word.stem), TITLE),
    ];
    if accented {
        alternatives.push(boost(term(f.title_words, &word.normalised), TITLE_WORDS));
    }
    let mut fuzzy_fields = vec![(f.title_folded, FUZZY_TITLE)];
    let mut prefix_fields = vec![(f.title_folded, PREFIX_TITLE)];
    if scope == Scope::Everything {
        if accented {
            alternatives.push(boost(
                term(f.summary_words, &word.normalised),
                SUMMARY_WORDS,
            ));
        }
        alternatives.extend([
            boost(term(f.summary_folded, &word.folded), SUMMARY),
            boost(term(f.summary_english, &word.stem), SUMMARY),
            boost(term(f.place_folded, &word.folded), PLACE),
        ]);
        fuzzy_fields.extend([
            (f.summary_folded, FUZZY_SUMMARY),
            (f.body_folded, FUZZY_BODY),
        ]);
        prefix_fields.extend([
            (f.summary_folded, PREFIX_SUMMARY),
            (f.place_folded, PREFIX_PLACE),
        ]);
    }
    if word.substring {
        let pairs = match scope {
            Scope::Everything => pairs_query(&word.normalised, f),
            Scope::Titles => title_pairs(&word.normalised, f),
        };
        alternatives.extend(pairs);
    }
    if word.fuzziness > 0 && !word.known {
        for (field, weight) in fuzzy_fields {
            let fuzzy = FuzzyTermQuery::new(
                Term::from_field_text(field, &word.folded),
                word.fuzziness,
                true,
            );
            alternatives.push(boost(Box::new(fuzzy), weight));
        }
    }
    if word.prefix && !word.known {
        for (field, weight) in prefix_fields {
            let prefix =
                FuzzyTermQuery::new_prefix(Term::from_field_text(field, &word.folded), 0, false);
            alternatives.push(boost(Box::new(prefix), weight));
        }
    }
    Box::new(DisjunctionMaxQuery::with_tie_breaker(
        alternatives,
        TIE_BREAKER,
    ))
}

/// Whether a listing has the word at all, in any text: one field of
/// everything, so the credit for matching a word costs one term lookup
/// rather than the whole of [`word_query`].
fn coordination(word: &QueryWord, f: &Fields) -> Box<dyn Query> {
    let mut any: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Should, term(f.all_folded, &word.folded))];
    // An unknown word counts as matched where its typo or prefix matches.
    let folded = Term::from_field_text(f.all_folded, &word.folded);
    if word.fuzziness > 0 && !word.known {
        any.push((
            Occur::Should,
            Box::new(FuzzyTermQuery::new(folded.clone(), word.fuzziness, true)),
        ));
    }
    if word.prefix && !word.known {
        any.push((
            Occur::Should,
            Box::new(FuzzyTermQuery::new_prefix(folded, 0, false)),
        ));
    }
    Box::new(BooleanQuery::new(any))
}

fn title_pairs(text: &str, fields: &Fields) -> Option<Box<dyn Query>> {
    let pairs: Vec<String> = GramTokenizer::grams(text)
        .into_iter()
        .map(|t| t.text)
        .collect();
    match pairs.as_slice() {
        [] => None,
        [one] => Some(boost(term(fields.title_grams, one), TITLE)),
        _ => Some(boost(phrase(fields.title_grams, &pairs, 0), TITLE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_tolerance_follows_word_length_and_spares_acronyms() {
        let plan = Plan::new("TIP trafficking document investigations RBDES ");
        let fuzziness: Vec<u8> = plan.words.iter().map(|w| w.fuzziness).collect();
        assert_eq!(fuzziness, [0, 2, 1, 2, 0]);
        assert!(
            plan.words.iter().all(|w| !w.prefix),
            "a trailing space ends the last word"
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typed() {
        let plan = Plan::new("document exam");
        assert!(!plan.words[0].prefix && plan.words[1].prefix);
    }

    #[test]
    fn quotes_exclusions_and_common_words() {
        let plan = Plan::new("\"victim of trafficking\" for the police -child");
        assert_eq!(plan.phrases.len(), 1);
        assert_eq!(plan.excluded, ["child"]);
        let stops: Vec<_> = plan
            .words
            .iter()
            .filter(|w| w.stop)
            .map(|w| w.folded.as_str())
            .collect();
        assert_eq!(stops, ["of", "for", "the"]);
    }

    #[test]
    fn a_query_of_only_common_words_still_searches_them() {
        assert!(Plan::new("the of").words.iter().all(|w| !w.stop));
    }

    #[test]
    fn unspaced_words_are_marked() {
        let plan = Plan::new("ผู้เสียหาย border");
        assert!(plan.words[0].unspaced && !plan.words.last().unwrap().unspaced);
    }
}
