//! Training in officials' calendars and feed readers, without an account:
//! a listing's sessions and a search's sessions to come as iCalendar, a
//! search's new and updated listings as Atom, and the calendar page of
//! upcoming sessions by month.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use time::OffsetDateTime;

use super::search::{SearchState, parse_query, run_search};
use crate::domain::{Day, Delivery, Listing};
use crate::i18n::{self, t};
use crate::interchange::calendar::{CalendarInfo, sessions_calendar};
use crate::interchange::feed::{FeedInfo, listings_feed};
use crate::search::Sort;
use crate::store::Store;
use crate::web::auth::Viewer;
use crate::web::search_query::{MAX_PER_PAGE, SearchQuery};
use crate::web::{AppState, Result, Settings, paths, views};

/// Listings a feed holds: the newest.
const FEED_ENTRIES: usize = 50;

/// Routes of calendars and feeds.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::LISTING_CALENDAR, get(listing_calendar))
        .route(paths::SEARCH_CALENDAR, get(search_calendar))
        .route(paths::SEARCH_FEED, get(search_feed))
        .route(paths::CALENDAR, get(calendar_page))
}

/// A listing's place in words: its city and country, or online.
fn place(listing: &Listing) -> String {
    match (&listing.location, listing.delivery) {
        (Some(location), _) => format!(
            "{}, {}",
            location.city,
            i18n::country_name(location.country)
        ),
        (None, Delivery::Online) => t!("calendar-online"),
        (None, _) => String::new(),
    }
}

/// The search in words, for a feed's or calendar's name.
fn described(query: &SearchQuery) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !query.text.trim().is_empty() {
        parts.push(format!("“{}”", query.text.trim()));
    }
    for values in query.filters.values() {
        parts.extend(values.iter().cloned());
    }
    if parts.is_empty() {
        t!("calendar-everything")
    } else {
        parts.join(", ")
    }
}

fn host(settings: &Settings) -> String {
    settings
        .public_url
        .host_str()
        .unwrap_or("catalogue")
        .to_owned()
}

fn ics(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn listing_calendar(
    State(store): State<Store>,
    State(settings): State<Arc<Settings>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let id = super::listings::listing_id(path)?;
    let listing = store
        .listing(&id)
        .await?
        .ok_or_else(|| super::listings::missing(id.as_str()))?;
    let page = |l: &Listing| settings.link(&paths::listing(l.id.as_str()));
    let info = CalendarInfo {
        name: &listing.title,
        host: &host(&settings),
        page: &page,
        place: &place,
    };
    Ok(ics(sessions_calendar(
        std::slice::from_ref(&listing),
        None,
        &info,
    )))
}

/// A page of the listings a search finds, soonest session first (those
/// whose sessions are to come lead), and how many it finds in all.
async fn upcoming(state: &SearchState, mut query: SearchQuery) -> Result<(Vec<Listing>, usize)> {
    query.sort = Sort::Start;
    let (_, results, _) = run_search(state, query).await?;
    let listings = results.hits.into_iter().map(|hit| hit.listing).collect();
    Ok((listings, results.total))
}

async fn search_calendar(
    State(search): State<SearchState>,
    State(settings): State<Arc<Settings>>,
    RawQuery(query_string): RawQuery,
) -> Result<Response> {
    let query = parse_query(query_string.as_deref())?;
    let name = t!("calendar-name", search = described(&query));
    let (listings, _) = upcoming(
        &search,
        SearchQuery {
            per_page: MAX_PER_PAGE,
            page: 1,
            ..query
        },
    )
    .await?;
    let page = |l: &Listing| settings.link(&paths::listing(l.id.as_str()));
    let info = CalendarInfo {
        name: &name,
        host: &host(&settings),
        page: &page,
        place: &place,
    };
    Ok(ics(sessions_calendar(&listings, Some(Day::today()), &info)))
}

async fn search_feed(
    State(search): State<SearchState>,
    State(settings): State<Arc<Settings>>,
    RawQuery(query_string): RawQuery,
) -> Result<Response> {
    let mut query = parse_query(query_string.as_deref())?;
    let title = t!("feed-title", search = described(&query));
    let url = settings.link(&query.href_on(paths::SEARCH_FEED));
    let results_page = settings.link(&query.href());
    query.sort = Sort::Updated;
    query.per_page = FEED_ENTRIES;
    query.page = 1;
    let (_, results, _) = run_search(&search, query).await?;
    let listings: Vec<Listing> = results.hits.into_iter().map(|hit| hit.listing).collect();
    let listing_page = |l: &Listing| settings.link(&paths::listing(l.id.as_str()));
    let info = FeedInfo {
        title: &title,
        url: &url,
        page: &results_page,
        listing_page: &listing_page,
        now: OffsetDateTime::now_utc(),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=900"),
        ],
        listings_feed(&listings, &info),
    )
        .into_response())
}

async fn calendar_page(
    viewer: Viewer,
    State(search): State<SearchState>,
    RawQuery(query_string): RawQuery,
) -> Result<Response> {
    let query = parse_query(query_string.as_deref())?;
    let today = Day::today();
    // A page of listings at a time, as the results are: the page stays
    // light on a phone.
    let (listings, total) = upcoming(&search, query.clone()).await?;
    let later = (query.page * query.per_page < total).then(|| {
        SearchQuery {
            page: query.page + 1,
            ..query.clone()
        }
        .href_on(paths::CALENDAR)
    });
    let mut sessions: Vec<(crate::domain::Session, Listing)> = listings
        .into_iter()
        .flat_map(|listing| {
            listing
                .sessions
                .clone()
                .into_iter()
                .filter(|s| s.end >= today)
                .map(move |s| (s, listing.clone()))
        })
        .collect();
    sessions.sort_by(|(a, la), (b, lb)| (a.start, la.id.as_str()).cmp(&(b.start, lb.id.as_str())));
    Ok(
        views::calendar::calendar_page(&viewer, &query, &sessions, &place, later.as_deref())
            .into_response(),
    )
}
