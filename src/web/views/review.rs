//! The Secretariat's review queue and one revision under review.

use maud::{Markup, html};

use super::components::{FormErrors, error_summary, form_token_field, notice, text_area};
use super::dashboard::{changes_table, when};
use super::layout::page;
use crate::domain::lifecycle::{FieldChange, ListingState};
use crate::store::{ListingRecord, Revision};
use crate::web::auth::Viewer;
use crate::web::paths;

fn submitted(revision: Option<&Revision>) -> String {
    revision
        .and_then(|r| r.submitted_at)
        .map_or_else(String::new, |at| when(&crate::store::format_timestamp(at)))
}

/// Revisions waiting for review, longest waiting first.
pub fn queue_page(viewer: &Viewer, queue: &[ListingRecord], done: Option<&str>) -> Markup {
    page(
        viewer,
        "Review queue",
        html! {
            h1 { "Review queue" }
            (notice(done))
            @if queue.is_empty() {
                p { "Nothing is waiting for review." }
            } @else {
                p { (queue.len()) " waiting, longest waiting first." }
                ol.cards {
                    @for record in queue {
                        li.card {
                            h2.h3 { a href=(paths::at(paths::REVIEW, &record.id)) { (record.current().title) } }
                            p.meta {
                                (record.current().provider.name) " · "
                                @if record.published.is_some() { "changes to a published listing" } @else { "new listing" }
                                " · submitted " (submitted(record.revision.as_ref())) " UTC"
                            }
                        }
                    }
                }
            }
        },
    )
}

/// One revision: what changed against the published version, and the
/// decision forms.
pub fn review_page(
    viewer: &Viewer,
    token: &str,
    record: &ListingRecord,
    changes: &[FieldChange],
    errors: &FormErrors,
    comment: &str,
) -> Markup {
    let id = record.id.as_str();
    let title = format!("Review “{}”", record.current().title);
    let waiting = record
        .revision
        .as_ref()
        .is_some_and(|r| r.state == crate::domain::lifecycle::RevisionState::Submitted);
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label="Breadcrumb" { a href=(paths::REVIEW_QUEUE) { "← Review queue" } }
            h1 { (title) }
            p.meta {
                (record.current().provider.name) " · status " strong { (record.state.label()) }
                @if waiting { " · submitted " (submitted(record.revision.as_ref())) " UTC" }
                " · " a href=(paths::at(paths::LISTING_HISTORY, id)) { "History" }
                " · " a href=(paths::at(paths::EDIT_LISTING, id)) { "Edit it yourself" }
            }
            @if let Some(revision) = &record.revision {
                section aria-labelledby="diff-heading" {
                    h2 #diff-heading {
                        @if record.published.is_some() { "Changes against the published version" } @else { "A new listing: every field" }
                    }
                    @if revision.state != crate::domain::lifecycle::RevisionState::Submitted {
                        p { "Its owner is still working on these changes (" (super::dashboard::revision_label(revision.state)) ")." }
                    }
                    @if changes.is_empty() { p { "No field differs from the published version." } }
                    @else { (changes_table(changes)) }
                }
            } @else {
                p { "Nothing of this listing waits for review." }
            }
            @if waiting {
                section.decision aria-labelledby="decision-heading" {
                    h2 #decision-heading { "Decision" }
                    form.inline method="post" action=(paths::at(paths::APPROVE, id)) {
                        (form_token_field(token))
                        button type="submit" { "Approve and publish" }
                    }
                    (error_summary(errors))
                    form.stack method="post" action=(paths::at(paths::REQUEST_CHANGES, id)) novalidate {
                        (form_token_field(token))
                        (text_area(errors, "comment", "What should change", comment, 4, Some("The owner reads this on their dashboard."), true))
                        button.secondary type="submit" { "Send back for changes" }
                    }
                }
            }
            @if !matches!(record.state, ListingState::Archived) {
                section aria-labelledby="archive-heading" {
                    h2 #archive-heading { "Archive" }
                    p { "Takes the listing out of the catalogue, for example when its owner no longer answers." }
                    form.inline method="post" action=(paths::at(paths::ARCHIVE, id)) {
                        (form_token_field(token))
                        button.danger type="submit" { "Archive this listing" }
                    }
                }
            }
        },
    )
}
