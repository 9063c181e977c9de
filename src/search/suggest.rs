//! Help around a search: completions while a person types, and "did you
//! mean" when a search finds nothing.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

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

/// What a person has typed so far, planned once for every name it is
/// compared with.
#[derive(Debug)]
pub struct Typed {
    plan: Plan,
}

impl Typed {
    /// Plans `text`.
    pub fn new(text: &str) -> Typed {
        Typed {
            plan: Plan::new(text),
        }
    }

    /// Whether every word typed (the last as a prefix) is in `label`; if
    /// so, the label with those words marked.
    pub fn label(&self, label: &str) -> Option<Highlighted> {
        let wanted: Vec<_> = self.plan.words.iter().filter(|w| !w.stop).collect();
        if wanted.is_empty() {
            return None;
        }
        // Words of the unspaced scripts are looked for inside the label
        // (their marks run together into one); each other word marks a word
        // of its own.
        let normalised = super::analysis::normalise(label);
        let unspaced_found = wanted
            .iter()
            .filter(|w| w.unspaced)
            .all(|w| normalised.contains(w.normalised.as_str()));
        let spaced = wanted.iter().filter(|w| !w.unspaced).count();
        let highlighted = Matcher::new(&self.plan).highlight(label);
        (unspaced_found && highlighted.marks.len() >= spaced).then_some(highlighted)
    }
}

/// What a suggestion leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The listing with this id.
    Listing(String),
    /// A search filtered on this facet's value.
    Filter(Facet, String),
}

/// One completion of what was typed.
#[derive(Debug, Clone)]
pub struct Suggested {
    /// The text, with the words typed marked.
    pub text: Highlighted,
    /// Its language.
    pub lang: String,
    /// Where it leads.
    pub target: Target,
}

/// A topic or audience with its names: in the reader's language first, then
/// the English label, so that either finds it.
#[derive(Debug, Clone)]
pub struct NamedTerm {
    /// [`Facet::Topic`] or [`Facet::Audience`].
    pub facet: Facet,
    /// Its slug.
    pub slug: String,
    /// Its names, each with the language it is in.
    pub names: Vec<(String, String)>,
}

/// Completes what a person types: listing titles from the index, then
/// topics and audiences, then providers. Provider names are kept, with the
/// index generation they were read at, for suggestions and for naming the
/// providers a search counts; the caller gives fresh ones when
/// [`Suggester::providers_outdated`] says the index has changed since. An
/// organisation's new name reaches the index with its listings (renaming
/// reindexes them), so names read at a generation stay true until the next.
#[derive(Debug, Clone)]
pub struct Suggester {
    index: SearchIndex,
    providers: Arc<RwLock<ProviderNames>>,
}

/// Provider names, `(id, name)` by name and by id, and the index generation
/// they were read at.
#[derive(Debug, Default)]
struct ProviderNames {
    generation: Option<u64>,
    names: Arc<Vec<(String, String)>>,
    by_id: Arc<HashMap<String, String>>,
}

impl Suggester {
    /// A suggester over `index`, with no provider names yet.
    pub fn new(index: SearchIndex) -> Suggester {
        Suggester {
            index,
            providers: Arc::default(),
        }
    }

    /// The index's generation now, when the provider names kept were read
    /// at an earlier one. Read before the names are, so that names read
    /// while the index changes are kept for the older generation only.
    pub fn providers_outdated(&self) -> Option<u64> {
        let now = self.index.generation();
        let kept = self
            .providers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .generation;
        (kept != Some(now)).then_some(now)
    }

    /// Keeps these provider names, `(id, name)`, read at index `generation`.
    pub fn set_providers(&self, generation: u64, names: Vec<(String, String)>) {
        let by_id = names.iter().cloned().collect();
        *self.providers.write().unwrap_or_else(|e| e.into_inner()) = ProviderNames {
            generation: Some(generation),
            names: Arc::new(names),
            by_id: Arc::new(by_id),
        };
    }

    /// The provider names kept, by id.
    pub fn provider_names(&self) -> Arc<HashMap<String, String>> {
        self.providers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .by_id
            .clone()
    }

    /// Up to `each` listing titles, then up to `each` topics and audiences
    /// from `terms`, then up to `each` providers, that complete `typed`.
    pub fn suggest(&self, typed: &str, terms: &[NamedTerm], each: usize) -> Result<Vec<Suggested>> {
        if typed.trim().is_empty() {
            return Ok(Vec::new());
        }
        let planned = Typed::new(typed);
        let mut found: Vec<Suggested> = self
            .index
            .complete_titles(typed, each)?
            .into_iter()
            .map(|t| Suggested {
                text: t.title,
                lang: t.lang.to_string(),
                target: Target::Listing(t.id),
            })
            .collect();
        found.extend(
            terms
                .iter()
                .filter_map(|term| {
                    term.names.iter().find_map(|(name, lang)| {
                        planned.label(name).map(|text| Suggested {
                            text,
                            lang: lang.clone(),
                            target: Target::Filter(term.facet, term.slug.clone()),
                        })
                    })
                })
                .take(each),
        );
        let providers = self
            .providers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .names
            .clone();
        found.extend(
            providers
                .iter()
                .filter_map(|(id, name)| {
                    planned.label(name).map(|text| Suggested {
                        text,
                        lang: "en".to_owned(),
                        target: Target::Filter(Facet::Provider, id.clone()),
                    })
                })
                .take(each),
        );
        Ok(found)
    }
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
