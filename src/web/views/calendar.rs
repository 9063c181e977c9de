//! Upcoming sessions by month, for a search.

use maud::{Markup, html};

use super::components::session_dates;
use super::layout::page;
use crate::domain::{Listing, Session};
use crate::i18n::{self, t};
use crate::web::auth::Viewer;
use crate::web::paths;
use crate::web::search_query::SearchQuery;

/// A month, as its first day.
type Month = time::Date;

/// The first day of the month `session` starts in.
fn month_of(session: &Session) -> Month {
    let start = session.start.date();
    start.replace_day(1).expect("every month has a first day")
}

/// The page: the sessions (each with its listing, soonest first), grouped
/// by the month they start in, with the ways to take them along, and the
/// address of the page of later ones, if any.
pub fn calendar_page(
    viewer: &Viewer,
    query: &SearchQuery,
    sessions: &[(Session, Listing)],
    place: &dyn Fn(&Listing) -> String,
    later: Option<&str>,
) -> Markup {
    let mut months: Vec<(Month, Vec<&(Session, Listing)>)> = Vec::new();
    for entry in sessions {
        let month = month_of(&entry.0);
        match months.last_mut() {
            Some((m, entries)) if *m == month => entries.push(entry),
            _ => months.push((month, vec![entry])),
        }
    }
    // The search itself, without this page's paging.
    let search = SearchQuery {
        page: 1,
        per_page: crate::web::search_query::DEFAULT_PER_PAGE,
        ..query.clone()
    };
    page(
        viewer,
        &t!("calendar-title"),
        html! {
            h1 { (t!("calendar-title")) }
            p { (t!("calendar-intro")) }
            p.actions {
                a href=(search.href()) { (t!("calendar-search")) } " · "
                a href=(search.href_on(paths::SEARCH_CALENDAR)) { (t!("calendar-ics")) } " · "
                a href=(search.href_on(paths::SEARCH_FEED)) type="application/atom+xml" { (t!("feed-follow")) }
            }
            @if months.is_empty() {
                p { (t!("calendar-none")) }
            }
            @for (first, entries) in &months {
                section.month {
                    h2 { (i18n::month(*first)) }
                    ul.cards {
                        @for (session, listing) in entries {
                            li.card {
                                p.when { (session_dates(session)) }
                                h3 lang=(listing.lang.as_str()) { a href=(paths::listing(listing.id.as_str())) { (listing.title) } }
                                p.provider {
                                    (listing.provider.name)
                                    @let place = place(listing);
                                    @if !place.is_empty() { " · " (place) }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(later) = later {
                p { a href=(later) rel="next" { (t!("calendar-later")) } }
            }
        },
    )
}
