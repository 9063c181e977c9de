//! Answering a search: the text query, facet filters, disjunctive facet
//! counts, sorting, paging and highlights.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt;

use tantivy::collector::{Collector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Order, Searcher, SegmentReader, TantivyDocument, Term};

use super::bridge::{Bridges, Glossary, Target};
use super::facet_counts::{Counts, FacetTables, Faceted};
use super::highlight::{Marked, Matcher};
use super::plan::{Plan, Scope};
use super::schema::{Fields, SESSION_SPAN, names};
use super::{Error, Highlighted, Result, SearchIndex};
use crate::domain::{Day, LanguageTag, Listing, Session};

/// A dimension results can be filtered and counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// Topic slug.
    Topic,
    /// Language the training is given in.
    Language,
    /// Provider id.
    Provider,
    /// Kind of training.
    Kind,
    /// Delivery mode.
    Delivery,
    /// Country of the location, else of the provider.
    Country,
    /// Audience slug.
    Audience,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 7] = [
        Facet::Topic,
        Facet::Language,
        Facet::Provider,
        Facet::Kind,
        Facet::Delivery,
        Facet::Country,
        Facet::Audience,
    ];

    /// The facet's name in URLs and in the API.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Topic => names::TOPIC,
            Facet::Language => names::LANGUAGE,
            Facet::Provider => names::PROVIDER,
            Facet::Kind => names::KIND,
            Facet::Delivery => names::DELIVERY,
            Facet::Country => names::COUNTRY,
            Facet::Audience => names::AUDIENCE,
        }
    }

    /// A listing's values of this facet, as the index records them.
    pub fn values_of(self, listing: &Listing) -> Vec<&str> {
        match self {
            Facet::Topic => listing.topics.iter().map(|t| t.as_str()).collect(),
            Facet::Language => listing.languages.iter().map(|l| l.as_str()).collect(),
            Facet::Provider => vec![listing.provider.id.as_str()],
            Facet::Kind => vec![listing.kind.as_str()],
            Facet::Delivery => vec![listing.delivery.as_str()],
            Facet::Country => vec![listing.country().as_str()],
            Facet::Audience => listing.audience.iter().map(|a| a.as_str()).collect(),
        }
    }

    /// The facet's position in [`Facet::ALL`].
    pub(super) fn index(self) -> usize {
        self as usize
    }

    pub(super) fn field(self, fields: &Fields) -> Field {
        match self {
            Facet::Topic => fields.topic,
            Facet::Language => fields.language,
            Facet::Provider => fields.provider,
            Facet::Kind => fields.kind,
            Facet::Delivery => fields.delivery,
            Facet::Country => fields.country,
            Facet::Audience => fields.audience,
        }
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first; with no query text, most recently updated first.
    #[default]
    Relevance,
    /// Soonest upcoming session first; listings with none come last.
    Start,
    /// Most recently updated first.
    Updated,
    /// By title, A to Z.
    Title,
}

impl Sort {
    /// Every order, in display order.
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Start, Sort::Updated, Sort::Title];

    /// The name in URLs and in the API.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Start => "start",
            Sort::Updated => "updated",
            Sort::Title => "title",
        }
    }

    /// The order with this name.
    pub fn parse(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A search as a person asked for it, already checked.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// What they typed; empty lists everything.
    pub text: String,
    /// Selected values per facet: OR within a facet, AND across facets.
    pub filters: BTreeMap<Facet, Vec<String>>,
    /// The order of results.
    pub sort: Sort,
    /// The page, from 1.
    pub page: usize,
    /// Results per page, at least 1.
    pub per_page: usize,
    /// The day against which sessions count as upcoming.
    pub today: Day,
}

impl SearchRequest {
    /// Everything, first page, 20 a page.
    pub fn new(text: impl Into<String>) -> Self {
        SearchRequest {
            text: text.into(),
            filters: BTreeMap::new(),
            sort: Sort::default(),
            page: 1,
            per_page: 20,
            today: Day::today(),
        }
    }

    /// Adds a selected facet value.
    pub fn filter(mut self, facet: Facet, value: impl Into<String>) -> Self {
        self.filters.entry(facet).or_default().push(value.into());
        self
    }
}

/// How many results one facet value would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The value (slug, tag, id or code).
    pub value: String,
    /// Results with this value, given the query and every other facet's filters.
    pub count: u64,
    /// Whether the value is among the selected filters.
    pub selected: bool,
}

/// How a result was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchedVia {
    /// By the query's own words in the listing's text.
    Text,
    /// Through a glossary concept the query names: `query` as typed, found
    /// in the listing as `term`.
    Glossary {
        /// The part of the query that names the concept.
        query: String,
        /// The concept's term as the listing writes it.
        term: String,
        /// The concept's id.
        concept: String,
    },
    /// Through a vocabulary value the query names, which the listing carries.
    Vocabulary {
        /// The part of the query that names the value.
        query: String,
        /// The facet.
        facet: Facet,
        /// The value.
        value: String,
    },
}

/// One result.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The listing as indexed.
    pub listing: Listing,
    /// The language the query matched best: the listing's own, or that of
    /// one of its translations.
    pub lang: LanguageTag,
    /// Whether `title` and `summary` come from a translation.
    pub translated: bool,
    /// The title in that language, with the matched words marked.
    pub title: Highlighted,
    /// The summary in that language, with the matched words marked.
    pub summary: Highlighted,
    /// Its next session that has not ended.
    pub next_session: Option<Session>,
    /// How the query reached it.
    pub matched_via: MatchedVia,
}

impl Hit {
    /// Shows each listing in the language the query matched most words of,
    /// and says how the query reached it.
    fn new(listing: Listing, matcher: &Matcher<'_>, plan: &Plan, today: Day) -> Hit {
        let versions = Versions::of(&listing, matcher);
        // The version with most of the query's own words is shown;
        // translations are looked at only when the listing's own text
        // leaves some word unmarked.
        let enough = 2 * matcher.words();
        let mut best = 0;
        let mut best_score = 0;
        for index in 0..versions.len() {
            let [title, summary] = versions.marked(index);
            let found = 2 * title.words + summary.words;
            if found > best_score {
                (best, best_score) = (index, found);
            }
            if best_score >= enough {
                break;
            }
        }
        // Reached only through a concept: the version marking most of its
        // terms, in English where that ties, the language most readers of
        // another share.
        if best_score == 0 && !plan.bridges.is_empty() {
            let mut best_found = (0, false);
            for index in 0..versions.len() {
                let [title, summary] = versions.marked(index);
                let marks = 2 * title.highlighted.marks.len() + summary.highlighted.marks.len();
                let found = (marks, versions.lang(index).primary() == "en");
                if found > best_found {
                    (best, best_found) = (index, found);
                }
            }
        }
        let matched_via = matched_via(&listing, &versions, plan, best);
        let (lang, translated) = (versions.lang(best).clone(), best > 0);
        let [title, summary] = versions.into_marked(best);
        Hit {
            next_session: listing.next_session(today),
            listing,
            lang,
            translated,
            title: title.highlighted,
            summary: summary.highlighted,
            matched_via,
        }
    }
}

/// A listing's versions, its own text then each translation's, with their
/// title and summary marked when first needed and then kept: a hit reached
/// only through a concept needs the same marks three or four times over.
struct Versions<'a> {
    matcher: &'a Matcher<'a>,
    texts: Vec<(&'a LanguageTag, &'a str, &'a str)>,
    marked: Vec<OnceCell<[Marked; 2]>>,
}

impl<'a> Versions<'a> {
    fn of(listing: &'a Listing, matcher: &'a Matcher<'a>) -> Self {
        let texts: Vec<_> = std::iter::once((
            &listing.lang,
            listing.title.as_str(),
            listing.summary.as_str(),
        ))
        .chain(
            listing
                .translations
                .iter()
                .map(|(tag, t)| (tag, t.title.as_str(), t.summary.as_str())),
        )
        .collect();
        Versions {
            matcher,
            marked: texts.iter().map(|_| OnceCell::new()).collect(),
            texts,
        }
    }

    fn len(&self) -> usize {
        self.texts.len()
    }

    fn lang(&self, index: usize) -> &'a LanguageTag {
        self.texts[index].0
    }

    /// The version's title and summary marked.
    fn marked(&self, index: usize) -> &[Marked; 2] {
        self.marked[index].get_or_init(|| {
            let (_, title, summary) = self.texts[index];
            [self.matcher.mark(title), self.matcher.mark(summary)]
        })
    }

    fn into_marked(self, index: usize) -> [Marked; 2] {
        self.marked(index);
        let mut marked = self.marked;
        marked
            .swap_remove(index)
            .into_inner()
            .expect("marked just above")
    }
}

/// By its own words if the query's words are in the listing's title,
/// summary or description (in any of its languages); else through the
/// concept whose term is marked, or the vocabulary value it carries.
fn matched_via(
    listing: &Listing,
    versions: &Versions<'_>,
    plan: &Plan,
    shown: usize,
) -> MatchedVia {
    let shown = versions.marked(shown);
    if plan.bridges.is_empty() || shown.iter().any(|m| m.words > 0) {
        return MatchedVia::Text;
    }
    let descriptions = std::iter::once(&listing.description)
        .chain(listing.translations.values().map(|t| &t.description))
        .flatten();
    // Words anywhere in any version make it a text match; only then is a
    // concept looked for beyond what is shown.
    if (0..versions.len()).any(|index| versions.marked(index).iter().any(|m| m.words > 0))
        || descriptions
            .into_iter()
            .any(|text| versions.matcher.has_words(text))
    {
        return MatchedVia::Text;
    }
    let concept = std::iter::once(shown)
        .chain((0..versions.len()).map(|index| versions.marked(index)))
        .flatten()
        .find_map(|m| {
            let (term, range) = m.concept.clone()?;
            Some((term, m.highlighted.text[range].to_owned()))
        });
    if let Some((term, found)) = concept {
        let glossary = Glossary::builtin();
        let bridge = plan.bridges.iter().find(|b| match b.target {
            Target::Concept(index) => Some(index) == concept_of(term),
            Target::Value(..) => false,
        });
        if let (Some(bridge), Some(index)) = (bridge, concept_of(term)) {
            return MatchedVia::Glossary {
                query: bridge.typed.clone(),
                term: found,
                concept: glossary.entries[index].id.clone(),
            };
        }
    }
    plan.bridges
        .iter()
        .find_map(|bridge| match &bridge.target {
            Target::Value(facet, value) if facet.values_of(listing).contains(&value.as_str()) => {
                Some(MatchedVia::Vocabulary {
                    query: bridge.typed.clone(),
                    facet: *facet,
                    value: value.clone(),
                })
            }
            _ => None,
        })
        .unwrap_or(MatchedVia::Text)
}

/// The concept a glossary term belongs to.
fn concept_of(term: usize) -> Option<usize> {
    match Bridges::concepts().term(term).target {
        Target::Concept(index) => Some(index),
        Target::Value(..) => None,
    }
}

/// The answer to a search.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// All results across pages.
    pub total: usize,
    /// This page's results.
    pub hits: Vec<Hit>,
    /// Counts for every facet, in [`Facet::ALL`] order, most results first.
    pub facets: Vec<(Facet, Vec<FacetCount>)>,
    /// When nothing was found: a query with close words from the catalogue's
    /// own vocabulary that does find something.
    pub did_you_mean: Option<String>,
}

impl SearchIndex {
    /// Runs a search.
    ///
    /// Facet counts are disjunctive: each facet is counted with the filters
    /// of every other facet applied but not its own, so a person sees how
    /// many results each alternative value would give.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let fields = &self.fields;
        let mut plan = Plan::bridged(&request.text, &self.bridges());
        plan.weigh(&searcher, fields)?;
        let text_query: Box<dyn Query> = if plan.is_empty() {
            Box::new(AllQuery)
        } else {
            plan.query(fields, Scope::Everything)
        };

        let top = TopDocs::with_limit(request.per_page.max(1))
            .and_offset((request.page.max(1) - 1) * request.per_page);
        let sort = match request.sort {
            Sort::Relevance if plan.is_empty() => Sort::Updated,
            other => other,
        };
        let tables = &self.facet_tables;
        let filters = &request.filters;
        let query = &*text_query;
        // Listings ranked alike are ordered by the `tie` field, never by
        // where their documents lie, which changes from build to build.
        let (addresses, total, mut counts) = match sort {
            Sort::Relevance => {
                let by_score = top.tweak_score(|segment: &SegmentReader| {
                    let keys = TieKeys::of(segment);
                    move |doc, score| (score, keys.updated(doc), keys.tie(doc))
                });
                run(&searcher, query, by_score, tables, filters)?
            }
            Sort::Updated => {
                let by_updated = top.tweak_score(|segment: &SegmentReader| {
                    let keys = TieKeys::of(segment);
                    move |doc, _score| (keys.updated(doc), keys.tie(doc))
                });
                run(&searcher, query, by_updated, tables, filters)?
            }
            // Title sort values end with the listing's id: no two are alike.
            Sort::Title => run(
                &searcher,
                query,
                top.order_by_string_fast_field(names::TITLE_SORT, Order::Asc),
                tables,
                filters,
            )?,
            Sort::Start => {
                let today = request.today.days_since_epoch();
                let by_next = top.tweak_score(move |segment: &SegmentReader| {
                    let next_start = next_start_key(segment, today);
                    let keys = TieKeys::of(segment);
                    move |doc, score| (next_start(doc, score), keys.tie(doc))
                });
                run(&searcher, query, by_next, tables, filters)?
            }
        };
        let facets = Facet::ALL
            .into_iter()
            .map(|facet| {
                let selected = filters.get(&facet).map(Vec::as_slice).unwrap_or_default();
                let counted = std::mem::take(&mut counts[facet.index()]);
                (facet, facet_counts(counted, selected))
            })
            .collect();

        // Reading and marking a hit takes about as long as finding them
        // all: the page is shared among the search threads, in order.
        let threads = match searcher.index().search_executor() {
            tantivy::Executor::ThreadPool(pool) => pool.current_num_threads(),
            tantivy::Executor::SingleThread => 1,
        };
        let share = addresses.len().div_ceil(threads).max(1);
        let shares = addresses.chunks(share).map(<[DocAddress]>::to_vec);
        let hits = searcher.index().search_executor().map(
            |share: Vec<DocAddress>| {
                let matcher = Matcher::new(&plan);
                Ok(share
                    .into_iter()
                    .map(|address| {
                        let listing = stored_listing(&searcher, fields, address)?;
                        Ok(Hit::new(listing, &matcher, &plan, request.today))
                    })
                    .collect::<Result<Vec<_>>>())
            },
            shares,
        )?;
        let hits = hits
            .into_iter()
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let did_you_mean = if total == 0 && !plan.words.is_empty() {
            self.did_you_mean(&searcher, &plan, &request.filters)?
        } else {
            None
        };
        Ok(SearchResults {
            total,
            hits,
            facets,
            did_you_mean,
        })
    }

    /// `text` AND, for each facet but `skip`, any of its selected values.
    pub(super) fn filtered(
        &self,
        text: &dyn Query,
        filters: &BTreeMap<Facet, Vec<String>>,
        skip: Option<Facet>,
    ) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text.box_clone())];
        for (facet, values) in filters.iter().filter(|(f, _)| Some(**f) != skip) {
            let field = facet.field(&self.fields);
            let any_of: Vec<(Occur, Box<dyn Query>)> = values
                .iter()
                .map(|value| {
                    let term = Term::from_field_text(field, value);
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_of))));
        }
        BooleanQuery::new(clauses)
    }
}

/// The listing stored with a document.
pub(super) fn stored_listing(
    searcher: &Searcher,
    fields: &Fields,
    address: DocAddress,
) -> Result<Listing> {
    let document: TantivyDocument = searcher.doc(address)?;
    let json = document
        .get_first(fields.listing)
        .and_then(|v| v.as_str())
        .ok_or_else(|| Error::Corrupt("a document has no stored listing".to_owned()))?;
    serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))
}

/// Runs the text query once, collecting the page of results among the
/// documents passing the filters, their number, and every facet's counts.
fn run<C, K>(
    searcher: &Searcher,
    query: &dyn Query,
    top: C,
    tables: &FacetTables,
    filters: &BTreeMap<Facet, Vec<String>>,
) -> Result<(Vec<DocAddress>, usize, Counts)>
where
    C: Collector<Fruit = Vec<(K, DocAddress)>>,
{
    let (top, total, counts) = searcher.search(query, &Faceted::new(top, tables, filters))?;
    Ok((
        top.into_iter().map(|(_, address)| address).collect(),
        total,
        counts,
    ))
}

/// A segment's columns for breaking ties: last updated, then [`tie_of`].
///
/// [`tie_of`]: super::schema::tie_of
struct TieKeys {
    updated: Option<tantivy::columnar::Column<i64>>,
    tie: Option<tantivy::columnar::Column<u64>>,
}

impl TieKeys {
    fn of(segment: &SegmentReader) -> TieKeys {
        TieKeys {
            updated: segment.fast_fields().i64(names::UPDATED).ok(),
            tie: segment.fast_fields().u64(names::TIE).ok(),
        }
    }

    fn updated(&self, doc: tantivy::DocId) -> i64 {
        self.updated
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(0)
    }

    fn tie(&self, doc: tantivy::DocId) -> u64 {
        self.tie.as_ref().and_then(|c| c.first(doc)).unwrap_or(0)
    }
}

/// The sort key for "next session first": higher is sooner. A listing with no
/// session still to come sorts last.
fn next_start_key(
    segment: &SegmentReader,
    today: i64,
) -> impl Fn(tantivy::DocId, tantivy::Score) -> i64 + use<> {
    let column = segment.fast_fields().i64(names::SESSIONS).ok();
    move |doc, _score| {
        let next = column.as_ref().and_then(|column| {
            column
                .values_for_doc(doc)
                .filter(|packed| packed % SESSION_SPAN >= today)
                .map(|packed| packed / SESSION_SPAN)
                .min()
        });
        next.map_or(i64::MIN, |start| -start)
    }
}

/// Orders counts (most first, then by value) and keeps every selected value,
/// even one with no results, so that it can still be unselected.
fn facet_counts(counted: Vec<(String, u64)>, selected: &[String]) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = counted
        .into_iter()
        .map(|(value, count)| FacetCount {
            selected: selected.contains(&value),
            value,
            count,
        })
        .collect();
    for value in selected {
        if !counts.iter().any(|c| &c.value == value) {
            counts.push(FacetCount {
                value: value.clone(),
                count: 0,
                selected: true,
            });
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    counts
}
