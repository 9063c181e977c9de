//! Listings' sessions as iCalendar (RFC 5545), for officials' calendars:
//! one all-day event per session, with the listing's place and a link back
//! to its page.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::domain::{Day, Listing};

/// Names the calendar and builds the address of a listing's page.
pub struct CalendarInfo<'a> {
    /// The calendar's name, as calendar programs show it.
    pub name: &'a str,
    /// The host the events' ids are made unique with.
    pub host: &'a str,
    /// The address of a listing's page.
    pub page: &'a dyn Fn(&Listing) -> String,
    /// The place of a listing, in words (city and country, or online).
    pub place: &'a dyn Fn(&Listing) -> String,
}

/// A calendar of the sessions of `listings` that end on or after `from`
/// (every session when `None`).
pub fn sessions_calendar(
    listings: &[Listing],
    from: Option<Day>,
    info: &CalendarInfo<'_>,
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(info.name);
    for listing in listings {
        let page = (info.page)(listing);
        let place = (info.place)(listing);
        for session in listing
            .sessions
            .iter()
            .filter(|s| from.is_none_or(|from| s.end >= from))
        {
            let mut event = Event::new();
            event
                .uid(&format!(
                    "{}-{}@{}",
                    listing.id.as_str(),
                    session.start,
                    info.host
                ))
                .summary(&listing.title)
                .description(&format!("{}\n\n{page}", listing.summary))
                .url(&page)
                .location(&place)
                .starts(session.start.date())
                // An all-day event ends on the day after its last (RFC 5545
                // 3.6.1: DTEND is exclusive).
                .ends(session.end.date().next_day().unwrap_or(session.end.date()));
            calendar.push(event.done());
        }
    }
    calendar.done().to_string()
}
