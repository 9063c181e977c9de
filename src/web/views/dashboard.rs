//! The contributor's pages: the dashboard, the listing form and a listing's
//! history.

use maud::{Markup, html};
use time::OffsetDateTime;

use super::components::{
    country_options, error_summary, field_errors, form_token_field, notice, select, text_area,
    text_field,
};
use super::layout::page;
use crate::domain::lifecycle::{ListingState, RevisionState};
use crate::domain::{Delivery, Kind, MAX_SUMMARY, Vocabulary};
use crate::i18n::Localised;
use crate::i18n::t;
use crate::store::{AuditEntry, Enquiry, ListingRecord, Organisation};
use crate::web::auth::Viewer;
use crate::web::forms::FormErrors;
use crate::web::listing_form::{
    ListingForm, SPARE_SESSIONS, SPARE_TRANSLATIONS, TranslationFields,
};
use crate::web::paths;

/// A stored timestamp as a short UTC date and time.
pub fn when(at: &str) -> String {
    at.get(..16)
        .map_or_else(|| at.to_owned(), |s| s.replace('T', " "))
}

fn day(at: Option<OffsetDateTime>) -> String {
    at.map_or_else(String::new, |at| at.date().to_string())
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
        form.inline method="post" action=(paths::at(paths::CONFIRM_LISTING, &record.id)) {
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
                a href=(paths::PASSWORD) { (t!("change-password-title")) }
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
                                h3 { a href=(paths::at(paths::EDIT_LISTING, &record.id)) { (record.current().title) } }
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
                                h3 { a href=(paths::at(paths::EDIT_LISTING, &record.id)) { (record.current().title) } }
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
                            h3 { (state.local()) " (" (in_state.len()) ")" }
                            ul.listing-rows {
                                @for record in in_state {
                                    li {
                                        a href=(paths::at(paths::EDIT_LISTING, &record.id)) { (record.current().title) }
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

/// How an open revision is named to its owner.
pub fn revision_label(state: RevisionState) -> String {
    t!(match state {
        RevisionState::Draft => "revision-draft",
        RevisionState::Submitted => "revision-submitted",
        RevisionState::ChangesRequested => "revision-changes-requested",
    })
}

fn choices(
    name: &str,
    label: &str,
    options: &[(String, String)],
    chosen: &[String],
    errors: &FormErrors,
    hint: &str,
) -> Markup {
    let hint_id = format!("{name}-hint");
    html! {
        fieldset.field.choices.invalid[errors.has(name)] id=(name) aria-describedby=(hint_id) {
            legend { (label) }
            p.hint id=(hint_id) { (hint) }
            (field_errors(errors, name))
            div.choice-grid {
                @for (value, text) in options {
                    @let id = format!("{name}-{value}");
                    div.choice {
                        input type="checkbox" id=(id) name=(name) value=(value) checked[chosen.contains(value)];
                        label for=(id) { (text) }
                    }
                }
            }
        }
    }
}

fn translation_block(
    i: usize,
    row: &TranslationFields,
    languages: &[(String, String)],
    errors: &FormErrors,
) -> Markup {
    let n = i + 1;
    html! {
        fieldset.translation-fields {
            legend { (t!("listing-form-translation", n = n)) }
            (select(errors, &format!("tr-lang-{i}"), &t!("facet-language"), languages, &row.lang, false))
            (text_field(errors, &format!("tr-title-{i}"), &t!("listing-form-title"), &row.title, "text", None, false))
            (text_area(errors, &format!("tr-summary-{i}"), &t!("listing-form-summary"), &row.summary, 3, None, false))
            (text_area(errors, &format!("tr-description-{i}"), &t!("listing-form-description"), &row.description, 5, None, false))
        }
    }
}

/// Where the listing form stands.
#[derive(Debug)]
pub struct FormContext<'a> {
    /// The listing being edited (`None`: a new one).
    pub record: Option<&'a ListingRecord>,
    /// Organisations the viewer may list for (several for the Secretariat).
    pub organisations: &'a [Organisation],
    /// The organisation chosen.
    pub org: &'a str,
    /// What was just done.
    pub done: Option<&'a str>,
    /// The vocabulary to choose from.
    pub vocabulary: &'a Vocabulary,
}

/// The form to create or edit a listing, with its problems shown next to
/// each field and everything typed kept.
pub fn listing_form_page(
    viewer: &Viewer,
    token: &str,
    form: &ListingForm,
    errors: &FormErrors,
    cx: &FormContext<'_>,
) -> Markup {
    let vocabulary = cx.vocabulary;
    let topics: Vec<(String, String)> = vocabulary
        .topics()
        .iter()
        .map(|t| (t.slug.clone(), super::topic_name(vocabulary, &t.slug)))
        .collect();
    let audiences: Vec<(String, String)> = vocabulary
        .audiences()
        .iter()
        .map(|t| (t.slug.clone(), super::audience_name(vocabulary, &t.slug)))
        .collect();
    let languages: Vec<(String, String)> = vocabulary
        .languages()
        .map(|(tag, _)| (tag.to_owned(), super::language_name(vocabulary, tag)))
        .collect();
    let countries = country_options();
    let kinds: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.local()))
        .collect();
    let deliveries: Vec<(String, String)> = Delivery::ALL
        .iter()
        .map(|d| (d.as_str().to_owned(), d.local()))
        .collect();
    let organisations: Vec<(String, String)> = cx
        .organisations
        .iter()
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    let (title, action) = match cx.record {
        Some(record) => (
            t!("listing-form-edit", title = record.current().title.as_str()),
            paths::at(paths::EDIT_LISTING, &record.id),
        ),
        None => (t!("listing-form-new"), paths::NEW_LISTING.to_owned()),
    };
    let mut sessions = form.sessions.clone();
    sessions.extend(std::iter::repeat_n(
        (String::new(), String::new()),
        SPARE_SESSIONS,
    ));
    let mut translations = form.translations.clone();
    translations.extend(std::iter::repeat_n(
        TranslationFields::default(),
        SPARE_TRANSLATIONS,
    ));
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::DASHBOARD) { "← " (t!("nav-dashboard")) } }
            h1 { (title) }
            (notice(cx.done))
            @if let Some(record) = cx.record { (listing_status(token, record)) }
            (error_summary(errors))
            form.stack.listing-form method="post" action=(action) novalidate {
                (form_token_field(token))
                @if cx.record.is_none() {
                    @if organisations.len() > 1 {
                        (select(errors, "org", &t!("listing-form-organisation"), &organisations, cx.org, true))
                    } @else {
                        input type="hidden" name="org" value=(cx.org);
                    }
                    (text_field(errors, "id", &t!("listing-form-id"), &form.id, "text", Some(&t!("listing-form-id-hint")), true))
                }
                fieldset.group {
                    legend { (t!("listing-form-about")) }
                    (select(errors, "kind", &t!("facet-kind"), &kinds, &form.kind, true))
                    (select(errors, "delivery", &t!("facet-delivery"), &deliveries, &form.delivery, true))
                    (select(errors, "lang", &t!("listing-form-lang"), &languages, &form.lang, true))
                    (text_field(errors, "title", &t!("listing-form-title"), &form.title, "text", None, true))
                    (text_area(errors, "summary", &t!("listing-form-summary"), &form.summary, 3, Some(&t!("listing-form-summary-hint", max = MAX_SUMMARY)), true))
                    (text_area(errors, "description", &t!("listing-form-description"), &form.description, 8, Some(&t!("listing-form-description-hint")), false))
                    (text_field(errors, "url", &t!("listing-form-url"), &form.url, "url", Some(&t!("listing-form-url-hint")), false))
                }
                (choices("topics", &t!("listing-form-topics"), &topics, &form.topics, errors, &t!("listing-form-topics-hint")))
                (choices("languages", &t!("listing-form-languages"), &languages, &form.languages, errors, &t!("listing-form-languages-hint")))
                (choices("audience", &t!("listing-form-audience"), &audiences, &form.audience, errors, &t!("listing-form-audience-hint")))
                fieldset.group {
                    legend { (t!("listing-form-where")) }
                    (text_field(errors, "location-city", &t!("listing-form-city"), &form.city, "text", None, false))
                    (select(errors, "location-country", &t!("facet-country"), &countries, &form.country, false))
                }
                fieldset.group #dates {
                    legend { (t!("listing-dates")) }
                    p.hint { (t!("listing-form-dates-hint")) }
                    @for (i, (start, end)) in sessions.iter().enumerate() {
                        div.session-row {
                            (text_field(errors, &format!("session-start-{i}"), &t!("listing-form-session-start", n = i + 1), start, "date", None, false))
                            (text_field(errors, &format!("session-end-{i}"), &t!("listing-form-session-end", n = i + 1), end, "date", None, false))
                        }
                    }
                }
                fieldset.group {
                    legend { (t!("listing-form-contact")) }
                    p.hint { (t!("listing-form-contact-hint")) }
                    (text_field(errors, "contact-name", &t!("listing-form-contact-name"), &form.contact_name, "text", None, true))
                    (text_field(errors, "contact-role", &t!("listing-form-contact-role"), &form.contact_role, "text", None, false))
                    (text_field(errors, "contact-email", &t!("field-email"), &form.contact_email, "email", None, true))
                    (text_field(errors, "contact-phone", &t!("listing-form-contact-phone"), &form.contact_phone, "tel", None, false))
                }
                fieldset.group {
                    legend { (t!("listing-form-translations")) }
                    p.hint { (t!("listing-form-translations-hint")) }
                    @for (i, row) in translations.iter().enumerate() { (translation_block(i, row, &languages, errors)) }
                }
                div.form-actions {
                    button type="submit" name="action" value="submit" { (t!("listing-form-submit")) }
                    button.secondary type="submit" name="action" value="save" { (t!("listing-form-save")) }
                }
            }
        },
    )
}

fn listing_status(token: &str, record: &ListingRecord) -> Markup {
    let id = record.id.as_str();
    html! {
        div.status-panel {
            p {
                (t!("status-label")) " " strong { (record.state.local()) }
                @if let (ListingState::Published, Some(revision)) = (record.state, &record.revision) {
                    " — " (t!("status-pending-changes", state = revision_label(revision.state)))
                }
            }
            @if let Some(comment) = record.revision.as_ref().filter(|r| r.state == RevisionState::ChangesRequested).and_then(|r| r.comment.as_deref()) {
                div.comment-box {
                    h2 { (t!("status-changes-asked")) }
                    blockquote.comment { (comment) }
                }
            }
            p.actions {
                @if record.state == ListingState::Published { a href=(paths::listing(id)) { (t!("status-see-published")) } " · " }
                a href=(paths::at(paths::LISTING_HISTORY, id)) { (t!("listing-history")) }
            }
            div.action-row {
                @if record.revision.as_ref().is_some_and(|r| r.state != RevisionState::Submitted) {
                    form.inline method="post" action=(paths::at(paths::SUBMIT_LISTING, id)) {
                        (form_token_field(token))
                        button type="submit" { (t!("status-submit-saved")) }
                    }
                }
                @if record.state == ListingState::Published {
                    form.inline method="post" action=(paths::at(paths::CONFIRM_LISTING, id)) {
                        (form_token_field(token))
                        button.secondary type="submit" { (t!("confirm-current")) }
                    }
                }
                @if !matches!(record.state, ListingState::Withdrawn | ListingState::Archived) {
                    form.inline method="post" action=(paths::at(paths::WITHDRAW_LISTING, id)) {
                        (form_token_field(token))
                        button.danger type="submit" { (t!("status-withdraw")) }
                    }
                }
            }
        }
    }
}

/// A listing's audit trail.
pub fn history_page(viewer: &Viewer, record: &ListingRecord, entries: &[AuditEntry]) -> Markup {
    let title = t!("history-title", title = record.current().title.as_str());
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::at(paths::EDIT_LISTING, &record.id)) { "← " (t!("history-back")) } }
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
fn audit_action(stored: &str) -> String {
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
