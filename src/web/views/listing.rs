//! A listing's own page.

use maud::{Markup, PreEscaped, html};
use serde_json::{Value, json};

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
    /// The listing in each language it reads in (tag or `x-default`,
    /// address), when there is more than one.
    pub alternates: Vec<(String, String)>,
    /// Today, to mark past and next sessions.
    pub today: Day,
}

/// The listing as schema.org `Course` with a `CourseInstance` per session,
/// as JSON-LD for search engines, in the listing's own language. `<` is
/// written `\u003c`, so no text can close the script element.
pub fn structured_data(listing: &Listing, vocabulary: &Vocabulary, url: &str) -> String {
    let country = |code: &crate::domain::CountryCode| json!({"@type": "PostalAddress", "addressCountry": code.as_str()});
    let mode = match listing.delivery {
        crate::domain::Delivery::InPerson => "onsite",
        crate::domain::Delivery::Online => "online",
        crate::domain::Delivery::Blended => "blended",
    };
    let place = listing.location.as_ref().map(|location| {
        json!({
            "@type": "Place",
            "name": location.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": location.city,
                "addressCountry": location.country.as_str(),
            },
        })
    });
    let instances: Vec<Value> = listing
        .sessions
        .iter()
        .map(|session| {
            let mut instance = json!({
                "@type": "CourseInstance",
                "courseMode": mode,
                "startDate": session.start.to_string(),
                "endDate": session.end.to_string(),
            });
            if let Some(place) = &place {
                instance["location"] = place.clone();
            }
            instance
        })
        .collect();
    let mut course = json!({
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "url": url,
        "identifier": listing.id.as_str(),
        "name": listing.title,
        "description": listing.summary,
        "inLanguage": listing.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
        "about": listing.topics.iter().map(|t| i18n::topic_name(vocabulary, t.as_str())).collect::<Vec<_>>(),
        "provider": {
            "@type": "Organization",
            "name": listing.provider.name,
            "address": country(&listing.provider.country),
        },
        "hasCourseInstance": instances,
    });
    if !listing.audience.is_empty() {
        let audiences: Vec<String> = listing
            .audience
            .iter()
            .map(|a| i18n::audience_name(vocabulary, a.as_str()))
            .collect();
        course["audience"] = json!({"@type": "Audience", "audienceType": audiences.join(", ")});
    }
    if let Some(updated) = listing.updated {
        course["dateModified"] = json!(updated.to_string());
    }
    course.to_string().replace('<', "\\u003c")
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
        alternates: shown.alternates.clone(),
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
            script type="application/ld+json" { (PreEscaped(structured_data(listing, vocabulary, &shown.url))) }
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
                                p { a href=(paths::listing_calendar(id)) { (t!("listing-ics")) } }
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
