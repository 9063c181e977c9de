//! A listing's audit trail, and the field-by-field changes table the review
//! page shows too.

use maud::{Markup, html};

use super::components::when;
use super::layout::page;
use crate::i18n::Localised;
use crate::i18n::t;
use crate::store::{AuditEntry, ListingRecord};
use crate::web::auth::Viewer;
use crate::web::paths;

/// A listing's audit trail.
pub fn history_page(viewer: &Viewer, record: &ListingRecord, entries: &[AuditEntry]) -> Markup {
    let title = t!("history-title", title = record.current().title.as_str());
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::edit_listing(&record.id)) { "← " (t!("history-back")) } }
            h1 { (title) }
            p { (t!("history-intro")) " " (t!("history-status-now")) " " strong { (record.state.local()) } }
            ol.history {
                @for entry in entries {
                    li {
                        p { strong { (audit_action(&entry.action)) } " · " (when(&entry.at)) " · " (entry.actor) }
                        @if let Some(comment) = &entry.comment { blockquote.comment { (comment) } }
                        @if !entry.changes.is_empty() { (changes_table(&entry.changes)) }
                    }
                }
            }
        },
    )
}

/// What an audit entry records, in the reader's language. Entries store
/// the English name of the action; an unknown one is shown as stored.
pub(crate) fn audit_action(stored: &str) -> String {
    use crate::domain::lifecycle::{Action, audit};
    let written = [
        (audit::CREATED_DRAFT, "audit-created-draft"),
        (audit::CREATED_SUBMITTED, "audit-created-submitted"),
        (audit::EDITED_DRAFT, "audit-edited-draft"),
        (audit::EDITED_SUBMITTED, "audit-edited-submitted"),
        (audit::IMPORTED, "audit-imported"),
    ];
    let decided = [
        (Action::Write { submit: false }, "audit-saved"),
        (Action::Submit, "audit-submitted"),
        (Action::Approve, "audit-approved"),
        (Action::RequestChanges, "audit-changes-requested"),
        (Action::Withdraw, "audit-withdrawn"),
        (Action::Archive, "audit-archived"),
        (Action::Confirm, "audit-confirmed"),
    ]
    .map(|(action, id)| (action.audit_name(), id));
    written
        .into_iter()
        .chain(decided)
        .find(|(name, _)| *name == stored)
        .map_or_else(|| stored.to_owned(), |(_, id)| t!(id))
}

/// Field-by-field changes as a table. A new listing has nothing before, so
/// its table leaves that column out. On a phone each row stacks, its cells
/// named by their `data-label`.
pub fn changes_table(changes: &[crate::domain::lifecycle::FieldChange]) -> Markup {
    let all_new = changes.iter().all(|c| c.before.is_none());
    let (field, before, after) = (
        t!("changes-field"),
        t!("changes-before"),
        t!("changes-after"),
    );
    html! {
        div.table-scroll {
            table.changes {
                thead { tr {
                    th scope="col" { (field) }
                    @if !all_new { th scope="col" { (before) } }
                    th scope="col" { (after) }
                } }
                tbody {
                    @for change in changes {
                        tr {
                            th scope="row" { code { (change.field) } }
                            @if !all_new {
                                td.before data-label=(before) { @if let Some(value) = &change.before { del { (value) } } @else { span.muted { (t!("changes-none")) } } }
                            }
                            td.after data-label=[(!all_new).then_some(&after)] { @if let Some(value) = &change.after { ins { (value) } } @else { span.muted { (t!("changes-removed")) } } }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lifecycle::{Action, audit};

    #[test]
    fn every_recorded_action_has_a_name_in_the_interface() {
        let recorded = [
            audit::CREATED_DRAFT,
            audit::CREATED_SUBMITTED,
            audit::EDITED_DRAFT,
            audit::EDITED_SUBMITTED,
            audit::IMPORTED,
        ]
        .into_iter()
        .chain(
            [
                Action::Write { submit: false },
                Action::Write { submit: true },
                Action::Submit,
                Action::Approve,
                Action::RequestChanges,
                Action::Withdraw,
                Action::Archive,
                Action::Confirm,
            ]
            .map(Action::audit_name),
        );
        for stored in recorded {
            assert_ne!(audit_action(stored), stored, "{stored}");
        }
        assert_eq!(audit_action("something older"), "something older");
    }
}
