//! Marking the words of a text that a query matched, by the same rules the
//! query matched them: exact, folded, English stem, prefix, forgiven typo,
//! or a substring of an unspaced script; and the terms, in any language, of
//! the glossary concepts the query names.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::analysis;
use super::bridge::{Bridges, ConceptFinder, Found, Target};
use super::plan::Plan;

/// A text with the byte ranges of the words a query matched.
///
/// The search layer finds the ranges; the web layer decides how to show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlighted {
    /// The whole text.
    pub text: String,
    /// Non-overlapping byte ranges into `text`, in order.
    pub marks: Vec<Range<usize>>,
}

impl Highlighted {
    /// A text with nothing marked.
    pub fn plain(text: impl Into<String>) -> Self {
        Highlighted {
            text: text.into(),
            marks: Vec::new(),
        }
    }

    /// The text cut into pieces, each with whether it is marked.
    pub fn pieces(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut pieces = Vec::with_capacity(self.marks.len() * 2 + 1);
        let mut at = 0;
        for mark in &self.marks {
            if mark.start > at {
                pieces.push((&self.text[at..mark.start], false));
            }
            pieces.push((&self.text[mark.clone()], true));
            at = mark.end;
        }
        if at < self.text.len() {
            pieces.push((&self.text[at..], false));
        }
        pieces.into_iter()
    }
}

/// What a text is matched against, computed once per query.
#[derive(Debug)]
pub(super) struct Matcher<'a> {
    plan: &'a Plan,
    /// Finders of the terms of the glossary concepts the query names.
    concepts: Vec<&'static ConceptFinder>,
    /// Whether a word matches, by the word as written: the hits of one
    /// page share most of their words, so each is judged once.
    judged: RefCell<FxHashMap<String, bool>>,
}

/// A text with its marks, and what they were made for.
#[derive(Debug, Clone)]
pub(super) struct Marked {
    /// The text with every mark.
    pub highlighted: Highlighted,
    /// How many marks are the query's own words.
    pub words: usize,
    /// The first concept term marked: its position among the bridge terms
    /// and where it is in the text.
    pub concept: Option<(usize, Range<usize>)>,
}

impl<'a> Matcher<'a> {
    pub(super) fn new(plan: &'a Plan) -> Self {
        let concepts: BTreeSet<usize> = plan
            .bridges
            .iter()
            .filter_map(|b| match b.target {
                Target::Concept(index) => Some(index),
                Target::Value(..) => None,
            })
            .collect();
        let concepts = concepts
            .into_iter()
            .filter_map(Bridges::concept_finder)
            .collect();
        Matcher {
            plan,
            concepts,
            judged: RefCell::default(),
        }
    }

    /// How many words of the query count towards marking.
    pub(super) fn words(&self) -> usize {
        self.plan.words.iter().filter(|w| !w.stop).count()
    }

    fn judge(&self, normalised: &str) -> bool {
        let folded = if normalised.is_ascii() {
            normalised.to_owned()
        } else {
            analysis::fold(normalised)
        };
        let mut stem = None;
        self.plan.words.iter().filter(|w| !w.stop).any(|w| {
            // A stem is nearly always a prefix of its word: only a word
            // sharing the first letters of the query word's stem is stemmed.
            let shares_start = folded
                .chars()
                .zip(w.stem.chars())
                .take(3)
                .all(|(a, b)| a == b);
            folded == w.folded
                || (shares_start
                    && *stem.get_or_insert_with(|| analysis::stem(normalised)) == w.stem)
                || (w.prefix && folded.starts_with(&w.folded))
                || (w.fuzziness > 0
                    && folded.len().abs_diff(w.folded.len()) <= usize::from(w.fuzziness)
                    && strsim::osa_distance(&folded, &w.folded) <= usize::from(w.fuzziness))
        })
    }

    /// Marks the words of `text` the query matched.
    pub(super) fn highlight(&self, text: &str) -> Highlighted {
        self.mark(text).highlighted
    }

    /// Whether `text` has any word of the query (not counting concepts).
    pub(super) fn has_words(&self, text: &str) -> bool {
        !self.plan.words.is_empty()
            && (analysis::word_spans(text)
                .into_iter()
                .any(|span| self.matches_word(&text[span]))
                || self.substrings().any(|needle| text.contains(needle)))
    }

    /// Whether a word of a text, as written, matches the query.
    fn matches_word(&self, word: &str) -> bool {
        if let Some(judged) = self.judged.borrow().get(word) {
            return *judged;
        }
        // ASCII is already in NFKC: lower-casing it is all it needs.
        let judged = if word.is_ascii() {
            self.judge(&word.to_ascii_lowercase())
        } else {
            self.judge(&analysis::normalise(word))
        };
        self.judged.borrow_mut().insert(word.to_owned(), judged);
        judged
    }

    /// The query's words of unspaced scripts, looked for inside text.
    fn substrings(&self) -> impl Iterator<Item = &str> {
        self.plan
            .words
            .iter()
            .filter(|w| w.substring)
            .map(|w| w.normalised.as_str())
    }

    /// Marks the words of `text` the query matched and the terms of the
    /// concepts it names, saying which is which.
    pub(super) fn mark(&self, text: &str) -> Marked {
        let mut marks: Vec<Range<usize>> = Vec::new();
        if self.plan.words.is_empty() {
            return Marked {
                highlighted: Highlighted::plain(text),
                words: 0,
                concept: None,
            };
        }
        // Words are cut at spaces and punctuation rather than by the ICU
        // segmenter: marking twenty hits must stay cheap, and words of the
        // unspaced scripts are found by substring below.
        marks.extend(
            analysis::word_spans(text)
                .into_iter()
                .filter(|span| self.matches_word(&text[span.clone()])),
        );
        let runs = self.plan.unspaced_runs();
        for needle in self.substrings().chain(runs.iter().map(String::as_str)) {
            marks.extend(
                text.match_indices(needle)
                    .map(|(at, found)| at..at + found.len()),
            );
        }
        let words = marks.len();
        let mut concept = None;
        if !self.concepts.is_empty() {
            let mut terms: Vec<Found> = self.concepts.iter().flat_map(|c| c.find(text)).collect();
            terms.sort_by_key(|f| (f.range.start, f.range.end, f.term));
            for found in terms {
                // Where the query's own words are marked, they say enough;
                // a concept's term is marked where they are not (another
                // language, other words).
                let overlaps = marks[..words]
                    .iter()
                    .any(|m| m.start < found.range.end && found.range.start < m.end);
                if !overlaps {
                    concept.get_or_insert((found.term, found.range.clone()));
                    marks.push(found.range);
                }
            }
        }
        marks.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(marks.len());
        for mark in marks {
            match merged.last_mut() {
                Some(last) if last.end >= mark.start => last.end = last.end.max(mark.end),
                _ => merged.push(mark),
            }
        }
        Marked {
            highlighted: Highlighted {
                text: text.to_owned(),
                marks: merged,
            },
            words,
            concept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, text: &str) -> Vec<String> {
        let plan = Plan::new(query);
        let highlighted = Matcher::new(&plan).highlight(text);
        highlighted
            .pieces()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.to_owned())
            .collect()
    }

    #[test]
    fn exact_folded_stemmed_prefix_and_fuzzy_words_are_marked() {
        assert_eq!(
            marked("Trafficking -child", "Child trafficking and TRAFFICKING"),
            ["trafficking", "TRAFFICKING"]
        );
        assert_eq!(marked("viet nam", "Việt Nam"), ["Việt", "Nam"]);
        assert_eq!(marked("trainer", "Training of trainers"), ["trainers"]);
        assert_eq!(
            marked("document exam", "Document examination"),
            ["Document", "examination"]
        );
        assert_eq!(marked("documnet ", "Document examination"), ["Document"]);
    }

    #[test]
    fn common_words_are_not_marked() {
        assert_eq!(
            marked("victims of trafficking", "Victims of trafficking"),
            ["Victims", "trafficking"]
        );
    }

    #[test]
    fn terms_of_the_concepts_a_query_names_are_marked_in_any_language() {
        assert_eq!(
            marked("MLA", "Mutual Legal Assistance and Extradition"),
            ["Mutual Legal Assistance"]
        );
        assert_eq!(
            marked("การค้ามนุษย์", "Countering Trafficking in Persons"),
            ["Trafficking in Persons"]
        );
    }

    #[test]
    fn words_inside_unspaced_scripts_are_marked() {
        assert_eq!(
            marked("ผู้เสียหาย", "การคัดแยกผู้เสียหายจากการค้ามนุษย์"),
            ["ผู้เสียหาย"]
        );
    }

    #[test]
    fn pieces_rebuild_the_whole_text() {
        let plan = Plan::new("border");
        let text = "Integrated border management (IBM)";
        let rebuilt: String = Matcher::new(&plan)
            .highlight(text)
            .pieces()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(rebuilt, text);
    }
}
