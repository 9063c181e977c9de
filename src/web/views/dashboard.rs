//! The contributor's dashboard: their organisation's listings by state,
//! those due for confirmation, and enquiries.

use maud::{Markup, html};
use time::OffsetDateTime;

use super::components::{form_token_field, notice, revision_label, when};
use super::layout::page;
use crate::domain::lifecycle::{ListingState, RevisionState};
use crate::i18n::{Localised, date, number, t};
use crate::store::{Enquiry, ListingRecord, Organisation};
use crate::web::auth::Viewer;
use crate::web::paths;

fn day(at: Option<OffsetDateTime>) -> String {
    at.map_or_else(String::new, |at| date(at.date()))
}

/// Everything a dashboard shows.
#[derive(Debug)]
pub struct Dashboard<'a> {
    /// The viewer's organisation, if any.
    pub organisation: Option<&'a Organisation>,
    /// Its listings.
    pub listings: &'a [ListingRecord],
    /// Enquiries to it.
    pub enquiries: &'a [Enquiry],
    /// Published listings due for confirmation (the organisation's, or all
    /// of them for the Secretariat).
    pub due: &'a [ListingRecord],
    /// How many revisions wait for review (Secretariat only).
    pub waiting: Option<usize>,
    /// What was just done.
    pub done: Option<&'a str>,
}

fn confirm_button(token: &str, record: &ListingRecord) -> Markup {
    html! {
        form.inline method="post" action=(paths::confirm_listing(&record.id)) {
            (form_token_field(token))
            button.secondary type="submit" { (t!("confirm-current")) span.visually-hidden { ": " (record.current().title) } }
        }
    }
}

/// The dashboard.
pub fn dashboard_page(viewer: &Viewer, token: &str, d: &Dashboard<'_>) -> Markup {
    let now = OffsetDateTime::now_utc();
    let changes_requested: Vec<&ListingRecord> = d
        .listings
        .iter()
        .filter(|r| {
            r.revision
                .as_ref()
                .is_some_and(|rev| rev.state == RevisionState::ChangesRequested)
        })
        .collect();
    page(
        viewer,
        &t!("nav-dashboard"),
        html! {
            h1 { (t!("nav-dashboard")) @if let Some(org) = d.organisation { span.subtitle { (org.name) } } }
            (notice(d.done))
            p.actions {
                a.button href=(paths::NEW_LISTING) { (t!("listing-form-new")) }
                " "
                a href=(paths::UPLOAD) { (t!("upload-link")) }
                " "
                a href=(paths::PASSWORD) { (t!("change-password-title")) }
                " "
                a href=(paths::SETTINGS) { (t!("settings-title")) }
            }
            @if let Some(waiting) = d.waiting {
                section aria-labelledby="queue-heading" {
                    h2 #queue-heading { (t!("nav-review")) }
                    p {
                        @if waiting == 0 { (t!("review-nothing-waiting")) }
                        @else { a href=(paths::REVIEW_QUEUE) { (t!("dashboard-waiting", count = waiting)) } }
                    }
                }
            }
            @if !changes_requested.is_empty() {
                section aria-labelledby="changes-heading" {
                    h2 #changes-heading { (t!("dashboard-changes-requested")) }
                    ul.cards {
                        @for record in &changes_requested {
                            li.card {
                                h3 { a href=(paths::edit_listing(&record.id)) { (record.current().title) } }
                                @if let Some(comment) = record.revision.as_ref().and_then(|r| r.comment.as_deref()) {
                                    blockquote.comment { (comment) }
                                }
                            }
                        }
                    }
                }
            }
            @if !d.due.is_empty() {
                section aria-labelledby="due-heading" {
                    h2 #due-heading { (t!("dashboard-due")) }
                    p { (t!("dashboard-due-intro")) }
                    ul.cards {
                        @for record in d.due {
                            li.card {
                                h3 { a href=(paths::edit_listing(&record.id)) { (record.current().title) } }
                                p.meta { (record.current().provider.name) " · " (t!("dashboard-last-confirmed", date = day(record.confirmed_at))) }
                                (confirm_button(token, record))
                            }
                        }
                    }
                }
            }
            @if d.organisation.is_some() || !d.listings.is_empty() {
                section aria-labelledby="listings-heading" {
                    h2 #listings-heading { (t!("dashboard-listings")) }
                    @if d.listings.is_empty() {
                        p { (t!("dashboard-none-yet")) " " a href=(paths::NEW_LISTING) { (t!("dashboard-add-first")) } }
                    }
                    @for state in ListingState::ALL {
                        @let in_state: Vec<&ListingRecord> = d.listings.iter().filter(|r| r.state == state).collect();
                        @if !in_state.is_empty() {
                            h3 { (state.local()) " (" (number(in_state.len())) ")" }
                            ul.listing-rows {
                                @for record in in_state {
                                    li {
                                        a href=(paths::edit_listing(&record.id)) { (record.current().title) }
                                        @if state == ListingState::Published {
                                            @if let Some(revision) = &record.revision {
                                                " " span.badge { (t!("dashboard-revision", state = revision_label(revision.state))) }
                                            }
                                            @if record.due_for_confirmation(now) { " " span.badge.warn { (t!("dashboard-due-badge")) } }
                                        }
                                        span.meta { " · " (t!("dashboard-changed", date = day(record.modified_at))) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if d.organisation.is_some() {
                section aria-labelledby="enquiries-heading" {
                    h2 #enquiries-heading { (t!("dashboard-enquiries")) }
                    @if d.enquiries.is_empty() {
                        p { (t!("dashboard-no-enquiries")) }
                    } @else {
                        ul.cards {
                            @for enquiry in d.enquiries {
                                li.card {
                                    p.meta {
                                        (t!("dashboard-enquiry-about", when = when(&enquiry.created_at))) " "
                                        a href=(paths::listing(&enquiry.listing_id)) { (enquiry.listing_id) }
                                    }
                                    p { strong { (enquiry.name) } " · " a href={ "mailto:" (enquiry.email) } { (enquiry.email) } }
                                    p.message { (enquiry.message) }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
