//! Marking the words of a text that a query matched, by the same rules the
//! query matched them: exact, folded, English stem, prefix, forgiven typo,
//! glossary equivalent, or a substring of an unspaced script.

use std::collections::HashSet;
use std::ops::Range;

use super::analysis::{self, WordTokenizer};
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
    equivalents: HashSet<String>,
}

impl<'a> Matcher<'a> {
    pub(super) fn new(plan: &'a Plan) -> Self {
        let lexicon = super::lexicon::Lexicon::builtin();
        let equivalents = plan
            .expansions
            .iter()
            .flat_map(|e| e.alternatives.iter().flatten())
            .filter(|w| !lexicon.is_stopword(w))
            .cloned()
            .collect();
        Matcher { plan, equivalents }
    }

    fn matches(&self, normalised: &str) -> bool {
        let folded = analysis::fold(normalised);
        if self.equivalents.contains(&folded) {
            return true;
        }
        self.plan
            .words
            .iter()
            .filter(|w| !w.stop && !w.unspaced)
            .any(|w| {
                folded == w.folded
                    || analysis::stem(normalised) == w.stem
                    || (w.prefix && folded.starts_with(&w.folded))
                    || (w.fuzziness > 0
                        && folded.len().abs_diff(w.folded.len()) <= usize::from(w.fuzziness)
                        && strsim::osa_distance(&folded, &w.folded) <= usize::from(w.fuzziness))
            })
    }

    /// Marks the words of `text` the query matched.
    pub(super) fn highlight(&self, text: &str) -> Highlighted {
        let mut marks: Vec<Range<usize>> = Vec::new();
        if self.plan.words.is_empty() {
            return Highlighted::plain(text);
        }
        for token in WordTokenizer::default().words(text) {
            if self.matches(&token.text) {
                marks.push(token.offset_from..token.offset_to);
            }
        }
        for word in self.plan.words.iter().filter(|w| w.unspaced) {
            for needle in [&word.typed, &word.normalised] {
                marks.extend(
                    text.match_indices(needle.as_str())
                        .map(|(at, found)| at..at + found.len()),
                );
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
        Highlighted {
            text: text.to_owned(),
            marks: merged,
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
    fn glossary_equivalents_are_marked() {
        assert_eq!(
            marked("MLA", "Mutual Legal Assistance and Extradition"),
            ["Mutual", "Legal", "Assistance"]
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
