//! Searching: the search page and the search API.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::Method;
use axum::response::Html;
use axum::routing::get;
use axum::{Json, Router};
use maud::Markup;
use serde::Serialize;

use super::{Limit, PerClient, rate_limited};
use crate::app::search_log::SearchLog;
use crate::app::{IndexState, IndexStatus};
use crate::domain::{Day, SharedVocabulary, Vocabulary};
use crate::i18n;
use crate::search::{Facet, MatchedVia, NamedTerm, SearchIndex, SearchResults, Suggester, Target};
use crate::store::Store;
use crate::web::auth::Viewer;
use crate::web::page_cache::{PageCache, Stamp};
use crate::web::search_query::SearchQuery;
use crate::web::views::{self, Labels};
use crate::web::{ApiError, AppState, Error, Result, metrics, paths};

/// Routes of the search page and API.
/// API searches and completions are limited to `per_second` per client
/// address (see [`crate::web::ApiLimits`]); the site's pages are not.
pub fn router(per_second: u32) -> Router<AppState> {
    let api = rate_limited(
        Router::new()
            .route(
                paths::API_SEARCH,
                get(search_listings).options(super::preflight),
            )
            .route(paths::API_SUGGEST, get(suggest).options(super::preflight)),
        PerClient,
        Limit::per_second("api-search", per_second, 2, &[Method::GET], true),
    )
    // Outside the limit, so that even a refusal tells another site's page why.
    .layer(super::read_cors());
    Router::new()
        .route(paths::SEARCH, get(search_page))
        .route(paths::FILTER_VALUES, get(filter_values_page))
        .merge(api)
}

/// Refuses to search an index that is being rebuilt: it holds only part of
/// the catalogue, and an official would take its few results for all there is.
fn searchable(status: &IndexStatus) -> Result<()> {
    match status.get() {
        IndexState::Rebuilding => Err(Error::Reindexing),
        IndexState::Ready | IndexState::CatchingUp => Ok(()),
    }
}

/// What a search needs of the service's state.
#[derive(Clone)]
pub(in crate::web) struct SearchState {
    store: Store,
    index: SearchIndex,
    status: IndexStatus,
    vocabulary: SharedVocabulary,
    suggester: Suggester,
}

impl FromRef<AppState> for SearchState {
    fn from_ref(state: &AppState) -> SearchState {
        SearchState {
            store: state.store.clone(),
            index: state.index.clone(),
            status: state.index_status.clone(),
            vocabulary: state.vocabulary.clone(),
            suggester: state.suggester.clone(),
        }
    }
}

/// Reads the providers' names again when the index has changed since they
/// were read.
async fn keep_providers_current(suggester: &Suggester, store: &Store) -> Result<()> {
    if let Some(generation) = suggester.providers_outdated() {
        suggester.set_providers(generation, store.providers().await?);
    }
    Ok(())
}

/// Runs the search off the async threads, and
/// looks up the names of the providers it mentions.
pub(super) async fn run_search(
    state: &SearchState,
    query: SearchQuery,
) -> Result<(SearchQuery, SearchResults, Labels)> {
    searchable(&state.status)?;
    let request = query.request(Day::today());
    let index = state.index.clone();
    let results =
        tokio::task::spawn_blocking(move || metrics::time_search(|| index.search(&request)))
            .await
            .map_err(|e| Error::Internal(e.into()))??;
    keep_providers_current(&state.suggester, &state.store).await?;
    let names = state.suggester.provider_names();
    let provider_names = results
        .facets
        .iter()
        .filter(|(facet, _)| *facet == Facet::Provider)
        .flat_map(|(_, counts)| counts)
        .filter_map(|c| Some((c.value.clone(), names.get(&c.value)?.clone())))
        .collect();
    let labels = Labels::new(provider_names, state.vocabulary.current());
    Ok((query, results, labels))
}

/// Hands a search that asked something to the search log.
fn log_search(log: &SearchLog, query: &SearchQuery, results: usize, source: &'static str) {
    if log.is_on() && query.asks_anything() {
        log.record(query.logged(results, source));
    }
}

/// The search a page's address asks for, or what is wrong with it.
pub(super) fn parse_query(query_string: Option<&str>) -> Result<SearchQuery> {
    SearchQuery::parse(query_string)
        .map_err(|problem| Error::BadRequest(views::search::query_problem(&problem)))
}

/// The results page. Anonymous readers' pages are kept (see
/// [`PageCache`]) and served again while nothing they show has changed.
async fn search_page(
    viewer: Viewer,
    State(search): State<SearchState>,
    State(pages): State<PageCache>,
    State(search_log): State<SearchLog>,
    RawQuery(query_string): RawQuery,
) -> Result<Html<Bytes>> {
    let query = parse_query(query_string.as_deref())?;
    let keep = viewer.account.is_none();
    let (locale, address) = (i18n::locale(), i18n::request_path());
    let stamp = Stamp {
        generation: search.index.generation(),
        index: search.status.get(),
        today: Day::today(),
        vocabulary: search.vocabulary.current(),
    };
    if keep && let Some((html, total)) = pages.get(locale, &address, &stamp) {
        log_search(&search_log, &query, total, "site");
        return Ok(Html(html));
    }
    let (query, results, labels) = run_search(&search, query).await?;
    log_search(&search_log, &query, results.total, "site");
    let html =
        Bytes::from(views::search::search_page(&viewer, &query, &results, &labels).into_string());
    if keep {
        pages.put(locale, &address, stamp, html.clone(), results.total);
    }
    Ok(Html(html))
}

/// Every value of one filter for a search (the results page shows the
/// leading ones and links here for the rest).
async fn filter_values_page(
    viewer: Viewer,
    State(search): State<SearchState>,
    Path(facet_name): Path<String>,
    RawQuery(query_string): RawQuery,
) -> Result<Markup> {
    let facet = Facet::ALL
        .into_iter()
        .find(|f| f.name() == facet_name)
        .ok_or_else(|| Error::NotFound(i18n::message("filter-values-unknown", None)))?;
    let query = parse_query(query_string.as_deref())?;
    // Only the counts are shown: one hit is the least a search returns.
    let mut counting = query.clone();
    (counting.page, counting.per_page) = (1, 1);
    let (_, results, labels) = run_search(&search, counting).await?;
    let counts = results
        .facets
        .iter()
        .find(|(f, _)| *f == facet)
        .map(|(_, counts)| counts.as_slice())
        .unwrap_or_default();
    Ok(views::search::filter_values_page(
        &viewer, &query, facet, counts, &labels,
    ))
}

/// A hit in the API's answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct ApiHit {
    id: String,
    lang: String,
    /// The language the highlights are in: the listing's own or a translation's.
    matched_lang: String,
    title: String,
    summary: String,
    kind: &'static str,
    provider: ApiProvider,
    topics: Vec<String>,
    languages: Vec<String>,
    next_session: Option<crate::domain::Session>,
    url: String,
    highlights: ApiHighlights,
    matched_via: ApiMatchedVia,
}

/// How the query reached a hit: `text` (its own words), `glossary` (a
/// concept of the field named in another language or other words) or
/// `vocabulary` (a topic, audience, kind, delivery mode or country it
/// carries), with the part of the query that named it and what it reached.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(tag = "by", rename_all = "lowercase")]
pub(in crate::web) enum ApiMatchedVia {
    Text,
    Glossary {
        term: String,
        reached: String,
        concept: String,
    },
    Vocabulary {
        term: String,
        facet: &'static str,
        value: String,
        reached: String,
    },
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct ApiProvider {
    id: String,
    name: String,
}

/// Title and summary as HTML, with matched words in `<mark>`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct ApiHighlights {
    title: String,
    summary: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct ApiFacetCount {
    value: String,
    label: String,
    count: u64,
    selected: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct ApiSearchResults {
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    did_you_mean: Option<String>,
    page: usize,
    per_page: usize,
    hits: Vec<ApiHit>,
    facets: BTreeMap<&'static str, Vec<ApiFacetCount>>,
}

impl ApiHit {
    fn new(hit: crate::search::Hit, labels: &Labels) -> ApiHit {
        let matched_via = match hit.matched_via {
            MatchedVia::Text => ApiMatchedVia::Text,
            MatchedVia::Glossary {
                query,
                term,
                concept,
            } => ApiMatchedVia::Glossary {
                term: query,
                reached: term,
                concept,
            },
            MatchedVia::Vocabulary {
                query,
                facet,
                value,
            } => ApiMatchedVia::Vocabulary {
                term: query,
                facet: facet.name(),
                reached: labels.value(facet, &value),
                value,
            },
        };
        let l = hit.listing;
        ApiHit {
            matched_via,
            url: paths::listing(l.id.as_str()),
            id: l.id.to_string(),
            lang: l.lang.to_string(),
            matched_lang: hit.lang.to_string(),
            highlights: ApiHighlights {
                title: views::components::highlighted(&hit.title).into_string(),
                summary: views::components::highlighted(&hit.summary).into_string(),
            },
            title: l.title,
            summary: l.summary,
            kind: l.kind.as_str(),
            provider: ApiProvider {
                id: l.provider.id.to_string(),
                name: l.provider.name,
            },
            topics: l.topics.iter().map(ToString::to_string).collect(),
            languages: l.languages.iter().map(ToString::to_string).collect(),
            next_session: hit.next_session,
        }
    }
}

/// Searches the published listings.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(
        ("q" = Option<String>, Query, description = "Words to find, in any language (at most 500 characters)."),
        ("topic" = Option<Vec<String>>, Query, description = "Topic slugs; repeat for several.", explode = true),
        ("language" = Option<Vec<String>>, Query, description = "Languages of instruction (tags).", explode = true),
        ("provider" = Option<Vec<String>>, Query, description = "Provider ids.", explode = true),
        ("kind" = Option<Vec<String>>, Query, description = "course, workshop, elearning or material.", explode = true),
        ("delivery" = Option<Vec<String>>, Query, description = "in-person, online or blended.", explode = true),
        ("country" = Option<Vec<String>>, Query, description = "Countries where training is held (ISO 3166-1 alpha-2).", explode = true),
        ("audience" = Option<Vec<String>>, Query, description = "Audience slugs.", explode = true),
        ("sort" = Option<String>, Query, description = "relevance (default), start, updated or title."),
        ("page" = Option<u32>, Query, description = "From 1."),
        ("per_page" = Option<u32>, Query, description = "1 to 100 (default 20)."),
    ),
    responses(
        (status = 200, description = "The results and their filters.", body = ApiSearchResults),
        (status = 400, description = "A parameter could not be read.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many searches from this address; wait as Retry-After says.", body = crate::web::openapi::ErrorBody),
        (status = 503, description = "The index is being rebuilt; try again as Retry-After says.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn search_listings(
    State(search): State<SearchState>,
    State(search_log): State<SearchLog>,
    RawQuery(query_string): RawQuery,
) -> Result<Json<ApiSearchResults>, ApiError> {
    let query = SearchQuery::parse(query_string.as_deref())
        .map_err(|problem| Error::BadRequest(problem.to_string()))?;
    let (query, results, labels) = run_search(&search, query).await?;
    log_search(&search_log, &query, results.total, "api");
    let hits = results
        .hits
        .into_iter()
        .map(|hit| ApiHit::new(hit, &labels))
        .collect();
    let facets = results
        .facets
        .into_iter()
        .map(|(facet, counts)| {
            let counts = counts
                .into_iter()
                .map(|c| ApiFacetCount {
                    label: labels.value(facet, &c.value),
                    value: c.value,
                    count: c.count,
                    selected: c.selected,
                })
                .collect();
            (facet.name(), counts)
        })
        .collect();
    Ok(Json(ApiSearchResults {
        total: results.total,
        did_you_mean: results.did_you_mean,
        page: query.page,
        per_page: query.per_page,
        hits,
        facets,
    }))
}

/// Longest text completed, in characters.
const MAX_SUGGEST_CHARS: usize = 100;
/// Listings, topics and providers offered at most, each.
const SUGGESTIONS_EACH: usize = 5;

/// One completion.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct Suggestion {
    /// `listing`, `topic`, `audience` or `provider`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The text to show.
    text: String,
    /// The same with the typed words in `<mark>`.
    html: String,
    /// Its language.
    lang: String,
    /// Where choosing it leads.
    url: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(in crate::web) struct Suggestions {
    query: String,
    suggestions: Vec<Suggestion>,
}

/// Topics and audiences with their names in the reader's language, then in
/// English, for completing either.
fn named_terms(vocabulary: &Vocabulary) -> Vec<NamedTerm> {
    let reader = i18n::locale().tag();
    let topics = vocabulary.topics().iter().map(|t| {
        (
            Facet::Topic,
            t,
            crate::i18n::topic_name(vocabulary, &t.slug),
        )
    });
    let audiences = vocabulary.audiences().iter().map(|t| {
        (
            Facet::Audience,
            t,
            crate::i18n::audience_name(vocabulary, &t.slug),
        )
    });
    // Named in the reader's language first, then English, then every other
    // language the catalogue names it in: typing a topic's name in any of
    // them offers it.
    topics
        .chain(audiences)
        .map(|(facet, term, local)| {
            let id = format!("{}-{}", facet.name(), term.slug);
            let mut names = vec![
                (local, reader.to_owned()),
                (term.label.clone(), "en".to_owned()),
            ];
            // Topics by the names the Secretariat keeps, like every page and
            // the search's bridges; audiences by the vocabulary files.
            for (lang, _) in i18n::VOCABULARIES.iter().filter(|(l, _)| *l != reader) {
                let name = match facet {
                    Facet::Topic => term.names.get(*lang).filter(|n| !n.is_empty()).cloned(),
                    _ => i18n::vocabulary_name_in(lang, &id),
                };
                if let Some(name) = name {
                    names.push((name, (*lang).to_owned()));
                }
            }
            NamedTerm {
                facet,
                slug: term.slug.clone(),
                names,
            }
        })
        .collect()
}

/// Completions for what has been typed so far: listing titles (in the
/// language typed), then topics, audiences and providers whose names
/// contain every word typed. Cheap enough to call at each keystroke.
#[utoipa::path(
    get,
    path = "/api/v1/suggest",
    tag = "search",
    params(("q" = Option<String>, Query, description = "What has been typed (at most 100 characters).")),
    responses(
        (status = 200, description = "Completions.", body = Suggestions),
        (status = 400, description = "The text is too long.", body = crate::web::openapi::ErrorBody),
        (status = 429, description = "Too many requests from this address.", body = crate::web::openapi::ErrorBody),
        (status = 503, description = "The index is being rebuilt.", body = crate::web::openapi::ErrorBody),
    )
)]
pub(in crate::web) async fn suggest(
    State(store): State<Store>,
    State(suggester): State<Suggester>,
    State(status): State<IndexStatus>,
    State(vocabulary): State<SharedVocabulary>,
    RawQuery(query_string): RawQuery,
) -> Result<Json<Suggestions>, ApiError> {
    let typed: String = url::form_urlencoded::parse(query_string.unwrap_or_default().as_bytes())
        .find(|(key, _)| key == "q")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    searchable(&status)?;
    let chars = typed.chars().count();
    if chars > MAX_SUGGEST_CHARS {
        return Err(Error::BadRequest(format!(
            "`q` is {chars} characters long; completions are offered for at most {MAX_SUGGEST_CHARS}."
        ))
        .into());
    }
    keep_providers_current(&suggester, &store).await?;
    let terms = named_terms(&vocabulary.current());
    let text = typed.clone();
    let found =
        tokio::task::spawn_blocking(move || suggester.suggest(&text, &terms, SUGGESTIONS_EACH))
            .await
            .map_err(|e| Error::Internal(e.into()))??;
    let suggestions = found
        .into_iter()
        .map(|s| {
            let (kind, url) = match &s.target {
                Target::Listing(id) => ("listing", paths::listing(id)),
                Target::Filter(facet, value) => (
                    match facet {
                        Facet::Topic => "topic",
                        Facet::Audience => "audience",
                        _ => "provider",
                    },
                    SearchQuery::default().toggled(*facet, value).href(),
                ),
            };
            Suggestion {
                kind,
                html: views::components::highlighted(&s.text).into_string(),
                text: s.text.text,
                lang: s.lang,
                url,
            }
        })
        .collect();
    Ok(Json(Suggestions {
        query: typed,
        suggestions,
    }))
}
