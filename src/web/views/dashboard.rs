//! The contributor's pages: the dashboard, the listing form and a listing's
//! history.

use maud::{Markup, html};
use time::OffsetDateTime;

use super::components::{
    FormErrors, country_options, error_summary, field_errors, form_token_field, notice, select,
    text_area, text_field,
};
use super::layout::page;
use crate::domain::lifecycle::{ListingState, RevisionState};
use crate::domain::{Delivery, Kind, Vocabulary};
use crate::store::{AuditEntry, Enquiry, ListingRecord, Organisation};
use crate::web::auth::Viewer;
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
            button.secondary type="submit" { "Confirm it is current" span.visually-hidden { ": " (record.current().title) } }
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
        "Dashboard",
        html! {
            h1 { "Dashboard" @if let Some(org) = d.organisation { span.subtitle { (org.name) } } }
            (notice(d.done))
            p.actions {
                a.button href=(paths::NEW_LISTING) { "Add a listing" }
                " "
                a href=(paths::PASSWORD) { "Change your password" }
            }
            @if let Some(waiting) = d.waiting {
                section aria-labelledby="queue-heading" {
                    h2 #queue-heading { "Review" }
                    p {
                        @if waiting == 0 { "Nothing is waiting for review." }
                        @else { a href=(paths::REVIEW_QUEUE) { (waiting) @if waiting == 1 { " listing waits" } @else { " listings wait" } " for review" } }
                    }
                }
            }
            @if !changes_requested.is_empty() {
                section aria-labelledby="changes-heading" {
                    h2 #changes-heading { "Changes requested by the Secretariat" }
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
                    h2 #due-heading { "Due for confirmation" }
                    p { "These have not been confirmed as current for over a year. Check them, edit what changed, and confirm." }
                    ul.cards {
                        @for record in d.due {
                            li.card {
                                h3 { a href=(paths::at(paths::EDIT_LISTING, &record.id)) { (record.current().title) } }
                                p.meta { (record.current().provider.name) " · last confirmed " (day(record.confirmed_at)) }
                                (confirm_button(token, record))
                            }
                        }
                    }
                }
            }
            @if d.organisation.is_some() || !d.listings.is_empty() {
                section aria-labelledby="listings-heading" {
                    h2 #listings-heading { "Your organisation's listings" }
                    @if d.listings.is_empty() {
                        p { "None yet. " a href=(paths::NEW_LISTING) { "Add the first one" } "." }
                    }
                    @for state in ListingState::ALL {
                        @let in_state: Vec<&ListingRecord> = d.listings.iter().filter(|r| r.state == state).collect();
                        @if !in_state.is_empty() {
                            h3 { (state.label()) " (" (in_state.len()) ")" }
                            ul.listing-rows {
                                @for record in in_state {
                                    li {
                                        a href=(paths::at(paths::EDIT_LISTING, &record.id)) { (record.current().title) }
                                        @if state == ListingState::Published {
                                            @if let Some(revision) = &record.revision {
                                                " " span.badge { "revision " (revision_label(revision.state)) }
                                            }
                                            @if record.due_for_confirmation(now) { " " span.badge.warn { "due for confirmation" } }
                                        }
                                        span.meta { " · changed " (day(record.modified_at)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if d.organisation.is_some() {
                section aria-labelledby="enquiries-heading" {
                    h2 #enquiries-heading { "Enquiries" }
                    @if d.enquiries.is_empty() {
                        p { "No enquiries yet. Visitors reach you through the enquiry form on each listing's page; your addresses stay private." }
                    } @else {
                        ul.cards {
                            @for enquiry in d.enquiries {
                                li.card {
                                    p.meta {
                                        (when(&enquiry.created_at)) " UTC · about "
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
pub fn revision_label(state: RevisionState) -> &'static str {
    match state {
        RevisionState::Draft => "in draft",
        RevisionState::Submitted => "waiting for review",
        RevisionState::ChangesRequested => "sent back",
    }
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
            legend { "Translation " (n) }
            (select(errors, &format!("tr-lang-{i}"), "Language", languages, &row.lang, false))
            (text_field(errors, &format!("tr-title-{i}"), "Title", &row.title, "text", None, false))
            (text_area(errors, &format!("tr-summary-{i}"), "Summary", &row.summary, 3, None, false))
            (text_area(errors, &format!("tr-description-{i}"), "Description", &row.description, 5, None, false))
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
        .map(|t| (t.slug.clone(), t.label.clone()))
        .collect();
    let audiences: Vec<(String, String)> = vocabulary
        .audiences()
        .iter()
        .map(|t| (t.slug.clone(), t.label.clone()))
        .collect();
    let languages: Vec<(String, String)> = vocabulary
        .languages()
        .map(|(tag, label)| (tag.to_owned(), label))
        .collect();
    let countries = country_options();
    let kinds: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect();
    let deliveries: Vec<(String, String)> = Delivery::ALL
        .iter()
        .map(|d| (d.as_str().to_owned(), d.label().to_owned()))
        .collect();
    let organisations: Vec<(String, String)> = cx
        .organisations
        .iter()
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    let (title, action) = match cx.record {
        Some(record) => (
            format!("Edit “{}”", record.current().title),
            paths::at(paths::EDIT_LISTING, &record.id),
        ),
        None => ("Add a listing".to_owned(), paths::NEW_LISTING.to_owned()),
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
            nav.breadcrumb aria-label="Breadcrumb" { a href=(paths::DASHBOARD) { "← Dashboard" } }
            h1 { (title) }
            (notice(cx.done))
            @if let Some(record) = cx.record { (listing_status(token, record)) }
            (error_summary(errors))
            form.stack.listing-form method="post" action=(action) novalidate {
                (form_token_field(token))
                @if cx.record.is_none() {
                    @if organisations.len() > 1 {
                        (select(errors, "org", "Organisation", &organisations, cx.org, true))
                    } @else {
                        input type="hidden" name="org" value=(cx.org);
                    }
                    (text_field(errors, "id", "Listing id", &form.id, "text",
                        Some("A short, permanent name for the address of the listing: lower-case letters, digits and hyphens, such as jclec-document-fraud-2027."), true))
                }
                fieldset.group {
                    legend { "About the training" }
                    (select(errors, "kind", "Kind", &kinds, &form.kind, true))
                    (select(errors, "delivery", "Delivery", &deliveries, &form.delivery, true))
                    (select(errors, "lang", "Language of the text below", &languages, &form.lang, true))
                    (text_field(errors, "title", "Title", &form.title, "text", None, true))
                    (text_area(errors, "summary", "Summary", &form.summary, 3, Some("One or two sentences shown in search results (at most 600 characters)."), true))
                    (text_area(errors, "description", "Description", &form.description, 8, Some("Aims, content, who should attend, how to apply. Separate paragraphs with a blank line."), false))
                    (text_field(errors, "url", "Web page", &form.url, "url", Some("The provider's own page about it, starting with https://"), false))
                }
                (choices("topics", "Topics", &topics, &form.topics, errors, "Choose one to six."))
                (choices("languages", "Languages it is taught in", &languages, &form.languages, errors, "Choose at least one."))
                (choices("audience", "Who it is for", &audiences, &form.audience, errors, "Optional."))
                fieldset.group {
                    legend { "Where" }
                    (text_field(errors, "location-city", "City", &form.city, "text", None, false))
                    (select(errors, "location-country", "Country", &countries, &form.country, false))
                }
                fieldset.group #dates {
                    legend { "Dates" }
                    p.hint { "One line per session. Leave the spare lines empty; save to get more." }
                    @for (i, (start, end)) in sessions.iter().enumerate() {
                        div.session-row {
                            (text_field(errors, &format!("session-start-{i}"), &format!("Session {} starts", i + 1), start, "date", None, false))
                            (text_field(errors, &format!("session-end-{i}"), &format!("Session {} ends", i + 1), end, "date", None, false))
                        }
                    }
                }
                fieldset.group {
                    legend { "Contact for enquiries" }
                    p.hint { "Shown on the listing's page." }
                    (text_field(errors, "contact-name", "Name or office", &form.contact_name, "text", None, true))
                    (text_field(errors, "contact-role", "Role", &form.contact_role, "text", None, false))
                    (text_field(errors, "contact-email", "E-mail address", &form.contact_email, "email", None, true))
                    (text_field(errors, "contact-phone", "Phone", &form.contact_phone, "tel", None, false))
                }
                fieldset.group {
                    legend { "Translations" }
                    p.hint { "The title and summary in other languages of the region, so officials find it in their own language. Leave the spare one empty if not needed." }
                    @for (i, row) in translations.iter().enumerate() { (translation_block(i, row, &languages, errors)) }
                }
                div.form-actions {
                    button type="submit" name="action" value="submit" { "Submit for review" }
                    button.secondary type="submit" name="action" value="save" { "Save as draft" }
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
                "Status: " strong { (record.state.label()) }
                @if let (ListingState::Published, Some(revision)) = (record.state, &record.revision) {
                    " — your changes are " (revision_label(revision.state)) "; the published version stays as it is until they are approved."
                }
            }
            @if let Some(comment) = record.revision.as_ref().filter(|r| r.state == RevisionState::ChangesRequested).and_then(|r| r.comment.as_deref()) {
                div.comment-box {
                    h2 { "The Secretariat asks for changes" }
                    blockquote.comment { (comment) }
                }
            }
            p.actions {
                @if record.state == ListingState::Published { a href=(paths::listing(id)) { "See the published page" } " · " }
                a href=(paths::at(paths::LISTING_HISTORY, id)) { "History" }
            }
            div.action-row {
                @if record.revision.as_ref().is_some_and(|r| r.state != RevisionState::Submitted) {
                    form.inline method="post" action=(paths::at(paths::SUBMIT_LISTING, id)) {
                        (form_token_field(token))
                        button type="submit" { "Submit the saved version for review" }
                    }
                }
                @if record.state == ListingState::Published {
                    form.inline method="post" action=(paths::at(paths::CONFIRM_LISTING, id)) {
                        (form_token_field(token))
                        button.secondary type="submit" { "Confirm it is current" }
                    }
                }
                @if !matches!(record.state, ListingState::Withdrawn | ListingState::Archived) {
                    form.inline method="post" action=(paths::at(paths::WITHDRAW_LISTING, id)) {
                        (form_token_field(token))
                        button.danger type="submit" { "Withdraw" }
                    }
                }
            }
        }
    }
}

/// A listing's audit trail.
pub fn history_page(viewer: &Viewer, record: &ListingRecord, entries: &[AuditEntry]) -> Markup {
    let title = format!("History of “{}”", record.current().title);
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label="Breadcrumb" { a href=(paths::at(paths::EDIT_LISTING, &record.id)) { "← The listing" } }
            h1 { (title) }
            p { "Every change, who made it and when (UTC), oldest first. Status now: " strong { (record.state.label()) } "." }
            ol.history {
                @for entry in entries {
                    li {
                        p { strong { (entry.action) } " · " (when(&entry.at)) " · " (entry.actor) }
                        @if let Some(comment) = &entry.comment { blockquote.comment { (comment) } }
                        @if !entry.changes.is_empty() { (changes_table(&entry.changes)) }
                    }
                }
            }
        },
    )
}

/// Field-by-field changes as a table.
pub fn changes_table(changes: &[crate::domain::lifecycle::FieldChange]) -> Markup {
    html! {
        div.table-scroll {
            table.changes {
                thead { tr { th scope="col" { "Field" } th scope="col" { "Before" } th scope="col" { "After" } } }
                tbody {
                    @for change in changes {
                        tr {
                            th scope="row" { code { (change.field) } }
                            td.before { @if let Some(before) = &change.before { del { (before) } } @else { span.muted { "(none)" } } }
                            td.after { @if let Some(after) = &change.after { ins { (after) } } @else { span.muted { "(removed)" } } }
                        }
                    }
                }
            }
        }
    }
}
