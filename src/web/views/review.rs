//! The Secretariat's review queue and one revision under review.

use maud::{Markup, html};

use super::components::when;
use super::components::{error_summary, form_token_field, notice, text_area};
use super::history::changes_table;
use super::layout::page;
use crate::domain::lifecycle::{FieldChange, ListingState};
use crate::i18n::Localised;
use crate::i18n::t;
use crate::store::{ListingRecord, Revision};
use crate::web::auth::Viewer;
use crate::web::forms::FormErrors;
use crate::web::paths;

fn submitted(revision: Option<&Revision>) -> String {
    revision
        .and_then(|r| r.submitted_at)
        .map_or_else(String::new, |at| when(&at))
}

/// Revisions waiting for review, longest waiting first.
pub fn queue_page(viewer: &Viewer, queue: &[ListingRecord], done: Option<&str>) -> Markup {
    page(
        viewer,
        &t!("review-queue-title"),
        html! {
            h1 { (t!("review-queue-title")) }
            (notice(done))
            @if queue.is_empty() {
                p { (t!("review-nothing-waiting")) }
            } @else {
                p { (t!("review-queue-count", count = queue.len())) }
                ol.cards {
                    @for record in queue {
                        li.card {
                            h2.h3 { a href=(paths::review(&record.id)) { (record.current().title) } }
                            p.meta {
                                (record.current().provider.name) " · "
                                @if record.published.is_some() { (t!("review-changes-to-published")) } @else { (t!("review-new-listing")) }
                                " · " (t!("review-submitted", when = submitted(record.revision.as_ref())))
                            }
                        }
                    }
                }
            }
        },
    )
}

/// What a review page shows of a listing.
pub struct Reviewed<'a> {
    /// The listing with its revision.
    pub record: &'a ListingRecord,
    /// The revision's changes against the published version.
    pub changes: &'a [FieldChange],
    /// Listings in the catalogue that look like the same training.
    pub duplicates: &'a [crate::search::Duplicate],
    /// The vocabulary in force.
    pub vocabulary: &'a crate::domain::Vocabulary,
}

/// One revision: what changed against the published version, and the
/// decision forms.
pub fn review_page(
    viewer: &Viewer,
    token: &str,
    reviewed: &Reviewed<'_>,
    errors: &FormErrors,
    comment: &str,
) -> Markup {
    let Reviewed {
        record, changes, ..
    } = *reviewed;
    let id = record.id.as_str();
    let title = t!("review-title", title = record.current().title.as_str());
    let waiting = record
        .revision
        .as_ref()
        .is_some_and(|r| r.state == crate::domain::lifecycle::RevisionState::Submitted);
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::REVIEW_QUEUE) { "← " (t!("review-queue-title")) } }
            h1 { (title) }
            p.meta {
                (record.current().provider.name) " · " (t!("status-label")) " " strong { (record.state.local()) }
                @if waiting { " · " (t!("review-submitted", when = submitted(record.revision.as_ref()))) }
                " · " a href=(paths::listing_history(id)) { (t!("listing-history")) }
                " · " a href=(paths::edit_listing(id)) { (t!("review-edit-yourself")) }
            }
            @if let Some(revision) = &record.revision {
                section aria-labelledby="diff-heading" {
                    h2 #diff-heading {
                        @if record.published.is_some() { (t!("review-changes-heading")) } @else { (t!("review-new-heading")) }
                    }
                    @if revision.state != crate::domain::lifecycle::RevisionState::Submitted {
                        p { (t!("review-owner-working", state = super::components::revision_label(revision.state))) }
                    }
                    @if changes.is_empty() { p { (t!("review-no-difference")) } }
                    @else { (changes_table(changes)) }
                }
            } @else {
                p { (t!("review-nothing-of-this")) }
            }
            (super::components::possible_duplicates(reviewed.duplicates, reviewed.vocabulary))
            @if waiting {
                section.decision aria-labelledby="decision-heading" {
                    h2 #decision-heading { (t!("review-decision")) }
                    form.inline method="post" action=(paths::approve(id)) {
                        (form_token_field(token))
                        button type="submit" { (t!("review-approve")) }
                    }
                    (error_summary(errors))
                    form.stack method="post" action=(paths::request_changes(id)) novalidate {
                        (form_token_field(token))
                        (text_area(errors, "comment", &t!("review-comment"), comment, 4, Some(&t!("review-comment-hint")), true))
                        button.secondary type="submit" { (t!("review-send-back")) }
                    }
                }
            }
            @if !matches!(record.state, ListingState::Archived) {
                section aria-labelledby="archive-heading" {
                    h2 #archive-heading { (t!("review-archive-heading")) }
                    p { (t!("review-archive-explained")) }
                    form.inline method="post" action=(paths::archive(id)) {
                        (form_token_field(token))
                        button.danger type="submit" { (t!("review-archive")) }
                    }
                }
            }
        },
    )
}
