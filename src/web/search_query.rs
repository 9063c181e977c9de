//! The search as its address carries it: the query string of the search
//! page and of the API, parsed and checked into a [`SearchQuery`] (or a
//! typed [`QueryProblem`] each page words in its reader's language), turned
//! into the search layer's request, and written back into links.

use std::collections::BTreeMap;

use url::form_urlencoded;

use crate::domain::{CountryCode, Day, Delivery, Kind, LanguageTag};
use crate::search::{Facet, SearchRequest, Sort};
use crate::web::paths;

/// Results per page when none is asked for.
pub const DEFAULT_PER_PAGE: usize = 20;
/// Most results per page.
pub const MAX_PER_PAGE: usize = 100;
/// Results beyond this position cannot be paged to; filters narrow instead.
/// Bounds the work and memory of a deep page.
pub const MAX_RESULT_WINDOW: usize = 10_000;
/// Longest query text, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most values selected in one facet.
pub const MAX_FACET_VALUES: usize = 30;

/// A search as it appears in a URL: the search page's and the API's query
/// string, parsed and checked, and able to write itself back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The text typed.
    pub text: String,
    /// Selected facet values.
    pub filters: BTreeMap<Facet, Vec<String>>,
    /// The order asked for.
    pub sort: Sort,
    /// The page, from 1.
    pub page: usize,
    /// Results per page.
    pub per_page: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            filters: BTreeMap::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

fn whole_number(name: &'static str, value: &str, max: usize) -> Result<usize, QueryProblem> {
    match value.trim().parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(QueryProblem::NotAWholeNumber {
            name,
            value: value.to_owned(),
            max,
        }),
    }
}

/// What is wrong with a search's query string. `Display` is the English of
/// the API; the site words each in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryProblem {
    /// A parameter with a closed set of values got another one.
    #[error("`{name}` must be one of {allowed}; got \"{value}\".")]
    NotAChoice {
        /// The parameter.
        name: String,
        /// Its values, comma-separated.
        allowed: String,
        /// What was sent.
        value: String,
    },
    /// `page` or `per_page` out of range or not a number.
    #[error("`{name}` must be a whole number from 1 to {max}; got \"{value}\".")]
    NotAWholeNumber {
        /// The parameter.
        name: &'static str,
        /// What was sent.
        value: String,
        /// The largest allowed.
        max: usize,
    },
    /// A language or country that does not parse.
    #[error("`{name}`: {reason}.")]
    Unreadable {
        /// The parameter.
        name: String,
        /// What was sent.
        value: String,
        /// Why it does not parse.
        reason: String,
    },
    /// A filter value of absurd length.
    #[error("A `{0}` value is too long (at most 100 characters).")]
    ValueTooLong(Facet),
    /// Too many values of one filter.
    #[error("At most {max} `{0}` values can be selected at once.", max = MAX_FACET_VALUES)]
    TooManyValues(Facet),
    /// Search text beyond [`MAX_QUERY_CHARS`].
    #[error("The search text is {0} characters long; shorten it to at most {max}.", max = MAX_QUERY_CHARS)]
    TextTooLong(usize),
    /// A page beyond [`MAX_RESULT_WINDOW`] results.
    #[error("Only the first {max} results can be paged through; narrow the search with filters.", max = MAX_RESULT_WINDOW)]
    BeyondWindow,
}

/// Checks one facet value and puts it in its canonical form.
fn facet_value(facet: Facet, value: &str) -> Result<String, QueryProblem> {
    let value = value.trim();
    if value.chars().count() > 100 {
        return Err(QueryProblem::ValueTooLong(facet));
    }
    let closed_set = |allowed: Vec<&str>| {
        if allowed.contains(&value) {
            Ok(value.to_owned())
        } else {
            Err(QueryProblem::NotAChoice {
                name: facet.to_string(),
                allowed: allowed.join(", "),
                value: value.to_owned(),
            })
        }
    };
    let unreadable = |reason: String| QueryProblem::Unreadable {
        name: facet.to_string(),
        value: value.to_owned(),
        reason,
    };
    match facet {
        Facet::Kind => closed_set(Kind::ALL.iter().map(|k| k.as_str()).collect()),
        Facet::Delivery => closed_set(Delivery::ALL.iter().map(|d| d.as_str()).collect()),
        Facet::Language => LanguageTag::parse(value)
            .map(|t| t.to_string())
            .map_err(unreadable),
        Facet::Country => CountryCode::parse(value)
            .map(|c| c.to_string())
            .map_err(unreadable),
        // Unknown topics, audiences and providers simply match nothing, so an
        // old link still opens and the value can be removed from the page.
        Facet::Topic | Facet::Audience | Facet::Provider => Ok(value.to_owned()),
    }
}

impl SearchQuery {
    /// Parses a query string. Unknown parameters are ignored; malformed
    /// known ones are refused with a message saying what to send instead.
    pub fn parse(query_string: Option<&str>) -> Result<SearchQuery, QueryProblem> {
        let mut search = SearchQuery::default();
        for (key, value) in form_urlencoded::parse(query_string.unwrap_or_default().as_bytes()) {
            if value.trim().is_empty() {
                continue;
            }
            match key.as_ref() {
                "q" => search.text = value.into_owned(),
                "sort" => {
                    search.sort = Sort::parse(value.trim()).ok_or_else(|| {
                        let names: Vec<_> = Sort::ALL.iter().map(|s| s.name()).collect();
                        QueryProblem::NotAChoice {
                            name: "sort".to_owned(),
                            allowed: names.join(", "),
                            value: value.to_string(),
                        }
                    })?;
                }
                "page" => search.page = whole_number("page", &value, MAX_RESULT_WINDOW)?,
                "per_page" => search.per_page = whole_number("per_page", &value, MAX_PER_PAGE)?,
                name => {
                    if let Some(facet) = Facet::ALL.into_iter().find(|f| f.name() == name) {
                        let values = search.filters.entry(facet).or_default();
                        let value = facet_value(facet, &value)?;
                        if !values.contains(&value) {
                            values.push(value);
                        }
                        if values.len() > MAX_FACET_VALUES {
                            return Err(QueryProblem::TooManyValues(facet));
                        }
                    }
                }
            }
        }
        let chars = search.text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(QueryProblem::TextTooLong(chars));
        }
        if (search.page - 1) * search.per_page >= MAX_RESULT_WINDOW {
            return Err(QueryProblem::BeyondWindow);
        }
        Ok(search)
    }

    /// The search to run.
    pub fn request(&self, today: Day) -> SearchRequest {
        SearchRequest {
            text: self.text.clone(),
            filters: self.filters.clone(),
            sort: self.sort,
            page: self.page,
            per_page: self.per_page,
            today,
        }
    }

    /// Whether a value is selected.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.filters
            .get(&facet)
            .is_some_and(|v| v.iter().any(|x| x == value))
    }

    /// The same search with `value` selected, or unselected if it was; back to page 1.
    pub fn toggled(&self, facet: Facet, value: &str) -> SearchQuery {
        let mut next = self.clone();
        let values = next.filters.entry(facet).or_default();
        if let Some(at) = values.iter().position(|v| v == value) {
            values.remove(at);
            if values.is_empty() {
                next.filters.remove(&facet);
            }
        } else {
            values.push(value.to_owned());
        }
        next.page = 1;
        next
    }

    /// The same search with no filters; back to page 1.
    pub fn unfiltered(&self) -> SearchQuery {
        SearchQuery {
            filters: BTreeMap::new(),
            page: 1,
            ..self.clone()
        }
    }

    /// The same search in another order; back to page 1.
    pub fn sorted(&self, sort: Sort) -> SearchQuery {
        SearchQuery {
            sort,
            page: 1,
            ..self.clone()
        }
    }

    /// The same search at another page.
    pub fn at_page(&self, page: usize) -> SearchQuery {
        SearchQuery {
            page,
            ..self.clone()
        }
    }

    /// Whether anything was asked: text or a filter. The search page
    /// without either is the home page, not a search.
    pub fn asks_anything(&self) -> bool {
        !self.text.trim().is_empty() || !self.filters.is_empty()
    }

    /// This search as the search log records it, having found `results`.
    pub fn logged(&self, results: usize, source: &'static str) -> crate::store::LoggedSearch {
        let filters: serde_json::Map<String, serde_json::Value> = self
            .filters
            .iter()
            .map(|(facet, values)| (facet.name().to_owned(), values.clone().into()))
            .collect();
        crate::store::LoggedSearch {
            day: crate::app::search_log::today(),
            query: crate::app::search_log::normalise(&self.text),
            filters: serde_json::Value::Object(filters).to_string(),
            sort: self.sort.name().to_owned(),
            interface_language: crate::i18n::locale().tag().to_owned(),
            results: i64::try_from(results).unwrap_or(i64::MAX),
            page: i64::try_from(self.page).unwrap_or(i64::MAX),
            source,
        }
    }

    /// The query-string pairs of this search, leaving out defaults.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        for (facet, values) in &self.filters {
            pairs.extend(values.iter().map(|v| (facet.name(), v.clone())));
        }
        if self.sort != Sort::Relevance {
            pairs.push(("sort", self.sort.name().to_owned()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            pairs.push(("per_page", self.per_page.to_string()));
        }
        if self.page != 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// The search page's URL for this search.
    pub fn href(&self) -> String {
        self.href_on(paths::SEARCH)
    }

    /// The URL of the page at `path` for this search.
    pub fn href_on(&self, path: &str) -> String {
        let pairs = self.pairs();
        if pairs.is_empty() {
            return path.to_owned();
        }
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        serializer.extend_pairs(pairs);
        format!("{path}?{}", serializer.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_survives_a_round_trip_through_its_url() {
        let query = SearchQuery::parse(Some(
            "q=border+%C3%A0&topic=a&topic=b&language=KM&sort=title&page=2",
        ))
        .unwrap();
        assert_eq!(query.filters[&Facet::Language], ["km"]);
        let again = SearchQuery::parse(query.href().strip_prefix("/?")).unwrap();
        assert_eq!(again, query);
    }

    #[test]
    fn toggling_a_value_twice_restores_the_search_on_page_one() {
        let query = SearchQuery::parse(Some("topic=a&page=3")).unwrap();
        let toggled = query.toggled(Facet::Topic, "b").toggled(Facet::Topic, "b");
        assert_eq!(toggled, query.at_page(1));
        assert!(query.toggled(Facet::Topic, "a").filters.is_empty());
    }

    #[test]
    fn malformed_parameters_say_what_to_send() {
        for (input, expected) in [
            (
                "per_page=0",
                "`per_page` must be a whole number from 1 to 100",
            ),
            ("per_page=101", "from 1 to 100"),
            ("page=abc", "`page` must be a whole number"),
            (
                "sort=best",
                "`sort` must be one of relevance, start, updated, title",
            ),
            (
                "kind=seminar",
                "`kind` must be one of course, workshop, elearning, material",
            ),
            ("country=XX", "ISO 3166-1"),
            ("page=200&per_page=100", "first 10000 results"),
        ] {
            let err = SearchQuery::parse(Some(input)).unwrap_err().to_string();
            assert!(err.contains(expected), "{input}: {err}");
        }
    }

    #[test]
    fn empty_and_unknown_parameters_are_ignored() {
        let query = SearchQuery::parse(Some("q=&topic=&utm_source=x&sort=")).unwrap();
        assert_eq!(query, SearchQuery::default());
    }
}
