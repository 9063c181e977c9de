//! Marking the words of a text that a query matched.

use std::collections::HashSet;
use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

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

/// The terms a query's words analyse to, leaving out excluded (`-word`) ones.
pub(super) fn query_terms(analyzer: &mut TextAnalyzer, query: &str) -> HashSet<String> {
    let mut terms = HashSet::new();
    for word in query.split_whitespace().filter(|w| !w.starts_with('-')) {
        let mut stream = analyzer.token_stream(word);
        while let Some(token) = stream.next() {
            terms.insert(token.text.clone());
        }
    }
    terms
}

/// Marks each word of `text` whose analysed form is one of `terms`.
pub(super) fn highlight(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashSet<String>,
) -> Highlighted {
    let mut marks: Vec<Range<usize>> = Vec::new();
    if !terms.is_empty() {
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            if terms.contains(&token.text) {
                let range = token.offset_from..token.offset_to;
                match marks.last_mut() {
                    Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                    _ => marks.push(range),
                }
            }
        }
    }
    Highlighted {
        text: text.to_owned(),
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    fn analyzer() -> TextAnalyzer {
        TokenizerManager::default().get("default").unwrap()
    }

    #[test]
    fn matched_words_are_marked_whatever_their_case() {
        let mut analyzer = analyzer();
        let terms = query_terms(&mut analyzer, "Trafficking -child");
        let highlighted = highlight(&mut analyzer, "Child trafficking and TRAFFICKING", &terms);
        let marked: Vec<_> = highlighted
            .pieces()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(marked, ["trafficking", "TRAFFICKING"]);
    }

    #[test]
    fn pieces_rebuild_the_whole_text() {
        let mut analyzer = analyzer();
        let terms = query_terms(&mut analyzer, "border");
        let text = "Integrated border management (IBM)";
        let highlighted = highlight(&mut analyzer, text, &terms);
        let rebuilt: String = highlighted.pieces().map(|(t, _)| t).collect();
        assert_eq!(rebuilt, text);
    }
}
