//! A listing's own page.

use maud::{Markup, html};

use super::components::{dir, session_dates};
use super::layout::{Head, page_with};
use crate::domain::{Day, Listing, Vocabulary};
use crate::i18n::Localised;
use crate::i18n::{self, t};
use crate::search::Facet;
use crate::web::auth::Viewer;
use crate::web::paths;
use crate::web::search_query::SearchQuery;

/// How current a listing is, and whether the viewer may change it.
#[derive(Debug, Clone, Default)]
pub struct Freshness {
    /// The day its owner last confirmed it.
    pub confirmed: Option<Day>,
    /// Whether that was more than a year ago.
    pub stale: bool,
    /// Whether the viewer may edit it (its owner or the Secretariat).
    pub manageable: bool,
}

/// How the page is to be shown.
#[derive(Debug, Clone)]
pub struct Shown {
    /// The reader asked for the original text rather than a translation
    /// into their language.
    pub original: bool,
    /// The listing's public address, for shared-link previews.
    pub url: String,
    /// Today, to mark past and next sessions.
    pub today: Day,
}

fn paragraphs(text: &str) -> Markup {
    html! {
        @for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            p { (paragraph) }
        }
    }
}

fn search_for(facet: Facet, value: &str) -> String {
    SearchQuery::default().toggled(facet, value).href()
}

/// The page of one listing, with its sessions, languages, provider and the
/// person to contact.
pub fn listing_page(
    viewer: &Viewer,
    listing: &Listing,
    freshness: &Freshness,
    vocabulary: &Vocabulary,
    shown: &Shown,
) -> Markup {
    let today = shown.today;
    let next = listing.next_session(today);
    let id = listing.id.as_str();
    let ui = i18n::locale().tag();
    // The translation into the reader's language, where there is one and
    // the listing is not in that language already.
    let readers = listing
        .translations
        .iter()
        .find(|(tag, _)| tag.as_str() == ui && listing.lang.as_str() != ui);
    let translated = readers.filter(|_| !shown.original);
    let (text_lang, title, summary) = match translated {
        Some((tag, t)) => (tag, &t.title, &t.summary),
        None => (&listing.lang, &listing.title, &listing.summary),
    };
    let description = match translated {
        Some((tag, t)) if t.description.is_some() => t.description.as_ref().map(|d| (tag, d)),
        _ => listing.description.as_ref().map(|d| (&listing.lang, d)),
    };
    let original_name = super::language_name(vocabulary, listing.lang.as_str());
    let head = Head {
        title,
        description: Some(summary),
        url: Some(shown.url.clone()),
        ..Head::default()
    };
    page_with(
        viewer,
        &head,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::SEARCH) { "← " (t!("listing-back")) } }
            @if freshness.manageable {
                p.owner-tools {
                    a href=(paths::edit_listing(id)) { (t!("listing-edit")) } " · "
                    a href=(paths::listing_history(id)) { (t!("listing-history")) }
                }
            }
            article.listing {
                header lang=(text_lang) dir=[dir(text_lang)] {
                    p.kind lang=(ui) dir="ltr" { (listing.kind.local()) " · " (listing.delivery.local()) }
                    h1 { (title) }
                    p.lead { (summary) }
                    // On paper, where to find it again.
                    p.print-only lang=(ui) dir="ltr" { (shown.url) }
                    @if let Some((tag, _)) = readers {
                        @let reader_name = super::language_name(vocabulary, tag.as_str());
                        p.translation-note lang=(ui) dir="ltr" {
                            @if translated.is_some() {
                                (t!("listing-translation-shown", language = reader_name)) " "
                                a href={ (paths::listing(id)) "?original" } { (t!("listing-show-original", language = original_name.as_str())) }
                            } @else {
                                (t!("listing-original-shown", language = original_name.as_str())) " "
                                a href=(paths::listing(id)) { (t!("listing-show-translation", language = reader_name)) }
                            }
                        }
                    }
                }
                div.listing-layout {
                    // The contact comes first so that on a phone it is near the top.
                    aside.listing-side {
                        section.contact aria-labelledby="contact-heading" {
                            h2 #contact-heading { (t!("listing-contact")) }
                            p { (listing.provider.name) }
                            p.who { (listing.contact.name) @if let Some(role) = &listing.contact.role { br; span.role { (role) } } }
                            p { a href={ "mailto:" (listing.contact.email) } { (listing.contact.email) } }
                            @if let Some(phone) = &listing.contact.phone { p { a href={ "tel:" (phone.replace(' ', "")) } { (phone) } } }
                            p { a.button href=(paths::enquiry(id)) { (t!("listing-enquire")) span.visually-hidden { " " (t!("listing-enquire-about")) } } }
                            p.note { (t!("listing-owned")) }
                        }
                        dl.details {
                            dt { (t!("listing-provider")) }
                            dd {
                                a href=(search_for(Facet::Provider, listing.provider.id.as_str())) { (listing.provider.name) }
                                br; span.muted { (listing.provider.kind.local()) ", " (super::country_name(listing.provider.country)) }
                            }
                            @if let Some(location) = &listing.location {
                                dt { (t!("listing-location")) }
                                dd { (location.city) ", " (super::country_name(location.country)) }
                            }
                            dt { (t!("listing-languages")) }
                            dd {
                                ul.plain {
                                    @for language in &listing.languages {
                                        li { a href=(search_for(Facet::Language, language.as_str())) { (super::language_name(vocabulary, language.as_str())) } }
                                    }
                                }
                            }
                            dt { (t!("listing-topics")) }
                            dd {
                                ul.plain {
                                    @for topic in &listing.topics {
                                        li {
                                            a href=(search_for(Facet::Topic, topic.as_str())) {
                                                (super::topic_name(vocabulary, topic.as_str()))
                                            }
                                        }
                                    }
                                }
                            }
                            @if !listing.audience.is_empty() {
                                dt { (t!("listing-audience")) }
                                dd {
                                    ul.plain {
                                        @for audience in &listing.audience {
                                            li { (super::audience_name(vocabulary, audience.as_str())) }
                                        }
                                    }
                                }
                            }
                            @if let Some(url) = &listing.url {
                                dt { (t!("listing-url")) }
                                dd { a href=(url) rel="noopener" { (url) } }
                            }
                            @if let Some(updated) = listing.updated {
                                dt { (t!("listing-updated")) }
                                dd { time datetime=(updated) { (i18n::date(updated.date())) } }
                            }
                            @if let Some(confirmed) = freshness.confirmed {
                                dt { (t!("listing-confirmed")) }
                                dd {
                                    time datetime=(confirmed) { (i18n::date(confirmed.date())) }
                                    @if freshness.stale { br; span.stale { (t!("listing-stale")) } }
                                }
                            }
                        }
                    }
                    div.listing-main {
                        @if let Some((description_lang, description)) = description {
                            section lang=(description_lang) dir=[dir(description_lang)] {
                                h2 lang=(ui) dir="ltr" { (t!("listing-about")) }
                                (paragraphs(description))
                            }
                        }
                        section {
                            h2 { (t!("listing-dates")) }
                            @if listing.sessions.is_empty() && !listing.kind.is_scheduled() {
                                p { (t!("listing-any-time")) }
                            } @else if listing.sessions.is_empty() {
                                p { (t!("listing-no-dates")) }
                            } @else {
                                ul.sessions {
                                    @for session in &listing.sessions {
                                        li {
                                            (session_dates(session))
                                            @if session.end < today { " " span.past { (t!("listing-session-ended")) } }
                                            @else if Some(*session) == next { " " span.next { (t!("listing-session-next")) } }
                                        }
                                    }
                                }
                            }
                        }
                        @for (tag, translation) in listing.translations.iter().filter(|(tag, _)| translated.is_none_or(|(shown, _)| shown != *tag)) {
                            section.translation lang=(tag) dir=[dir(tag)] {
                                h2 lang=(ui) dir="ltr" { (t!("listing-in-language", language = super::language_name(vocabulary, tag.as_str()))) }
                                h3 { (translation.title) }
                                p { (translation.summary) }
                                @if let Some(description) = &translation.description { (paragraphs(description)) }
                            }
                        }
                    }
                }
            }
        },
    )
}
