//! Help around a search: completions while a person types, and "did you
//! mean" when a search finds nothing.

use std::collections::BTreeMap;

use tantivy::Searcher;
use tantivy::collector::{Count, TopDocs};

use super::highlight::{Highlighted, Matcher};
use super::plan::{Plan, Scope};
use super::query::{Facet, stored_listing};
use super::{Result, SearchIndex};
use crate::domain::LanguageTag;

/// A listing whose title completes what was typed.
#[derive(Debug, Clone)]
pub struct TitleCompletion {
    /// The listing's id.
    pub id: String,
    /// The title in the language that matched, with the matched words marked.
    pub title: Highlighted,
    /// That language.
    pub lang: LanguageTag,
}

/// Whether every word typed (the last as a prefix) is in `label`; if so, the
/// label with those words marked. For completing topic and provider names.
pub fn label_match(typed: &str, label: &str) -> Option<Highlighted> {
    let plan = Plan::new(typed);
    let wanted: Vec<_> = plan.words.iter().filter(|w| !w.stop).collect();
    if wanted.is_empty() {
        return None;
    }
    // Words of the unspaced scripts are looked for inside the label (their
    // marks run together into one); each other word marks a word of its own.
    let normalised = super::analysis::normalise(label);
    let unspaced_found = wanted
        .iter()
        .filter(|w| w.unspaced)
        .all(|w| normalised.contains(w.normalised.as_str()));
    let spaced = wanted.iter().filter(|w| !w.unspaced).count();
    let highlighted = Matcher::new(&plan).highlight(label);
    (unspaced_found && highlighted.marks.len() >= spaced).then_some(highlighted)
}

impl SearchIndex {
    /// Up to `limit` listings whose titles complete `typed`, best first.
    pub fn complete_titles(&self, typed: &str, limit: usize) -> Result<Vec<TitleCompletion>> {
        let mut plan = Plan::new(typed);
        if plan.words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        plan.weigh(&searcher, &self.fields)?;
        let top = searcher.search(
            &plan.query(&self.fields, Scope::Titles),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        let matcher = Matcher::new(&plan);
        top.into_iter()
            .map(|(_, address)| {
                let listing = stored_listing(&searcher, &self.fields, address)?;
                let mut best = (matcher.highlight(&listing.title), listing.lang.clone());
                for (tag, translation) in &listing.translations {
                    let title = matcher.highlight(&translation.title);
                    if title.marks.len() > best.0.marks.len() {
                        best = (title, tag.clone());
                    }
                }
                Ok(TitleCompletion {
                    id: listing.id.to_string(),
                    title: best.0,
                    lang: best.1,
                })
            })
            .collect()
    }

    /// For a search that found nothing: the same words with each unknown
    /// word replaced by the closest word the catalogue does contain, if that
    /// finds something under the same filters.
    pub(super) fn did_you_mean(
        &self,
        searcher: &Searcher,
        plan: &Plan,
        filters: &BTreeMap<Facet, Vec<String>>,
    ) -> Result<Option<String>> {
        let fields = [
            self.fields.title_folded,
            self.fields.summary_folded,
            self.fields.body_folded,
        ];
        let mut changed = false;
        let mut words = Vec::with_capacity(plan.words.len());
        for word in &plan.words {
            let checkable = !word.stop
                && !word.unspaced
                && word.folded.len() >= 3
                && word.folded.chars().all(|c| c.is_ascii_alphabetic());
            // `known` was looked up when the plan was weighed.
            if !checkable || word.known {
                words.push(word.typed.clone());
                continue;
            }
            match self.closest_word(searcher, &fields, &word.folded)? {
                Some(closest) => {
                    words.push(closest);
                    changed = true;
                }
                None => words.push(word.typed.clone()),
            }
        }
        if !changed {
            return Ok(None);
        }
        let suggestion = words.join(" ");
        let query = self.filtered(
            &*Plan::new(&suggestion).query(&self.fields, Scope::Everything),
            filters,
            None,
        );
        Ok((searcher.search(&query, &Count)? > 0).then_some(suggestion))
    }

    /// The indexed word nearest `word` (at most two edits; one for short
    /// words), the most frequent among equals.
    fn closest_word(
        &self,
        searcher: &Searcher,
        fields: &[tantivy::schema::Field],
        word: &str,
    ) -> Result<Option<String>> {
        let allowed = if word.len() >= 5 { 2 } else { 1 };
        let mut best: Option<(usize, u32, String)> = None;
        for segment in searcher.segment_readers() {
            for field in fields {
                let index = segment.inverted_index(*field)?;
                let mut terms = index
                    .terms()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?;
                while terms.advance() {
                    let Ok(candidate) = std::str::from_utf8(terms.key()) else {
                        continue;
                    };
                    if candidate.len().abs_diff(word.len()) > allowed {
                        continue;
                    }
                    let distance = strsim::osa_distance(candidate, word);
                    if distance == 0 || distance > allowed {
                        continue;
                    }
                    let frequency = terms.value().doc_freq;
                    let better = match &best {
                        None => true,
                        Some((d, f, _)) => distance < *d || (distance == *d && frequency > *f),
                    };
                    if better {
                        best = Some((distance, frequency, candidate.to_owned()));
                    }
                }
            }
        }
        Ok(best.map(|(_, _, word)| word))
    }
}
