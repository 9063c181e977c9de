//! Listings as an Atom feed (RFC 4287), so that officials hear of new and
//! updated training on their topic in a feed reader, without an account.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};

use crate::domain::{Day, Listing};

/// What names the feed and its entries' addresses.
pub struct FeedInfo<'a> {
    /// The feed's title.
    pub title: &'a str,
    /// The feed's own address (its id, and its `self` link).
    pub url: &'a str,
    /// The page the feed follows (the search), its `alternate` link.
    pub page: &'a str,
    /// The address of a listing's page.
    pub listing_page: &'a dyn Fn(&Listing) -> String,
    /// When the feed was made: its `updated` when no entry says.
    pub now: time::OffsetDateTime,
}

fn at(time: time::OffsetDateTime) -> FixedDateTime {
    let text = time
        .format(&time::format_description::well_known::Rfc3339)
        .expect("a four-digit year formats");
    FixedDateTime::parse_from_rfc3339(&text).expect("RFC 3339 reads back")
}

fn day(day: Day) -> FixedDateTime {
    at(day.date().midnight().assume_utc())
}

fn link(href: &str, rel: &str, mime: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(mime.map(str::to_owned));
    link
}

/// The feed of `listings`, newest first as given.
pub fn listings_feed(listings: &[Listing], info: &FeedInfo<'_>) -> String {
    let entries: Vec<Entry> = listings
        .iter()
        .map(|listing| {
            let page = (info.listing_page)(listing);
            let mut entry = Entry::default();
            entry.set_id(page.clone());
            entry.set_title(Text::plain(listing.title.clone()));
            entry.set_summary(Some(Text::plain(listing.summary.clone())));
            entry.set_updated(listing.updated.map_or_else(|| at(info.now), day));
            entry.set_links(vec![link(&page, "alternate", Some("text/html"))]);
            let mut author = Person::default();
            author.set_name(listing.provider.name.clone());
            entry.set_authors(vec![author]);
            entry
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| *e.updated())
        .max()
        .unwrap_or_else(|| at(info.now));
    let mut feed = Feed::default();
    feed.set_id(info.url);
    feed.set_title(Text::plain(info.title));
    feed.set_updated(updated);
    feed.set_links(vec![
        link(info.url, "self", Some("application/atom+xml")),
        link(info.page, "alternate", Some("text/html")),
    ]);
    feed.set_entries(entries);
    feed.to_string()
}
