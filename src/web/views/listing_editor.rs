//! The page to create or edit a listing: the form, with its problems next
//! to each field, and where the listing stands.

use maud::{Markup, html};

use super::components::{
    country_options, error_summary, field_errors, form_token_field, notice, revision_label, select,
    text_area, text_field,
};
use super::layout::page;
use crate::domain::lifecycle::{ListingState, RevisionState};
use crate::domain::{Delivery, Kind, MAX_SUMMARY, Vocabulary};
use crate::i18n::Localised;
use crate::i18n::t;
use crate::store::{ListingRecord, Organisation};
use crate::web::auth::Viewer;
use crate::web::forms::FormErrors;
use crate::web::listing_form::{
    ListingForm, SPARE_SESSIONS, SPARE_TRANSLATIONS, TranslationFields,
};
use crate::web::paths;

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
    /// Listings in the catalogue that look like the same training.
    pub duplicates: &'a [crate::search::Duplicate],
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
    let mut languages: Vec<(String, String)> = vocabulary
        .languages()
        .map(|(tag, _)| (tag.to_owned(), super::language_name(vocabulary, tag)))
        .collect();
    crate::i18n::sort_by_name(&mut languages);
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
            paths::edit_listing(&record.id),
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
            (super::components::possible_duplicates(cx.duplicates, vocabulary))
            (error_summary(errors))
            form.stack.listing-form method="post" action=(action) novalidate {
                (form_token_field(token))
                // Submitting again after seeing them submits.
                @if !cx.duplicates.is_empty() { input type="hidden" name="duplicates-seen" value="1"; }
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
                a href=(paths::listing_history(id)) { (t!("listing-history")) }
            }
            div.action-row {
                @if record.revision.as_ref().is_some_and(|r| r.state != RevisionState::Submitted) {
                    form.inline method="post" action=(paths::submit_listing(id)) {
                        (form_token_field(token))
                        button type="submit" { (t!("status-submit-saved")) }
                    }
                }
                @if record.state == ListingState::Published {
                    form.inline method="post" action=(paths::confirm_listing(id)) {
                        (form_token_field(token))
                        button.secondary type="submit" { (t!("confirm-current")) }
                    }
                }
                @if !matches!(record.state, ListingState::Withdrawn | ListingState::Archived) {
                    form.inline method="post" action=(paths::withdraw_listing(id)) {
                        (form_token_field(token))
                        button.danger type="submit" { (t!("status-withdraw")) }
                    }
                }
            }
        }
    }
}
