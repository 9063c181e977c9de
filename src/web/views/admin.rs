//! The Secretariat's pages for organisations, people and the outbox.

use maud::{Markup, html};

use super::components::when;
use super::components::{
    country_options, error_summary, form_token_field, notice, select, text_field,
};
use super::layout::page;
use crate::domain::{ProviderType, Role, Term};
use crate::i18n::Localised;
use crate::i18n::t;
use crate::store::{Account, LinkPurpose, OrganisationSummary, QueuedMail};
use crate::web::auth::Viewer;
use crate::web::forms::FormErrors;
use crate::web::paths;

/// What the organisation form holds.
#[derive(Debug, Default)]
pub struct OrganisationFields {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Country code.
    pub country: String,
}

/// An organisation's name, type and country as form fields.
fn organisation_details(form: &OrganisationFields, errors: &FormErrors) -> Markup {
    let kinds: Vec<(String, String)> = ProviderType::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.local()))
        .collect();
    html! {
        (text_field(errors, "name", &t!("admin-name"), &form.name, "text", None, true))
        (select(errors, "kind", &t!("admin-type"), &kinds, &form.kind, true))
        (select(errors, "country", &t!("facet-country"), &country_options(), &form.country, true))
    }
}

/// The organisations, with the form to add one.
pub fn organisations_page(
    viewer: &Viewer,
    token: &str,
    organisations: &[OrganisationSummary],
    form: &OrganisationFields,
    errors: &FormErrors,
    done: Option<&str>,
) -> Markup {
    page(
        viewer,
        &t!("nav-organisations"),
        html! {
            h1 { (t!("nav-organisations")) }
            (notice(done))
            div.table-scroll {
                table {
                    caption.visually-hidden { (t!("admin-organisations-caption")) }
                    thead { tr {
                        th scope="col" { (t!("admin-name")) } th scope="col" { (t!("admin-id")) } th scope="col" { (t!("admin-type")) }
                        th scope="col" { (t!("facet-country")) } th scope="col" { (t!("state-published")) }
                        th scope="col" { (t!("admin-all-listings")) } th scope="col" { (t!("nav-people")) }
                    } }
                    tbody {
                        @for s in organisations {
                            tr {
                                th scope="row" { a href=(paths::organisation(&s.organisation.id)) { (s.organisation.name) } }
                                td { code { (s.organisation.id) } }
                                td { (s.organisation.kind.local()) }
                                td { (super::country_name(s.organisation.country)) }
                                td.num { (s.published) }
                                td.num { (s.listings) }
                                td.num { (s.people) }
                            }
                        }
                    }
                }
            }
            h2 #add-heading { (t!("admin-add-organisation")) }
            (error_summary(errors))
            form.stack method="post" action=(paths::ORGANISATIONS) aria-labelledby="add-heading" novalidate {
                (form_token_field(token))
                (text_field(errors, "id", &t!("admin-id"), &form.id, "text", Some(&t!("admin-organisation-id-hint")), true))
                (organisation_details(form, errors))
                button type="submit" { (t!("admin-add-organisation-button")) }
            }
        },
    )
}

/// What the invitation form holds.
#[derive(Debug, Default)]
pub struct InviteFields {
    /// E-mail address.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Organisation id.
    pub org: String,
    /// Role.
    pub role: String,
}

/// What the people page shows.
#[derive(Debug)]
pub struct People<'a> {
    /// Every account, with its organisation's name.
    pub people: &'a [(Account, Option<String>)],
    /// Organisations to invite people to, as (id, name).
    pub organisations: &'a [(String, String)],
    /// A link to hand over (no mail server), shown once.
    pub shown_link: Option<&'a str>,
    /// What was just done.
    pub done: Option<&'a str>,
}

/// People, with the invitation form and the per-person actions.
pub fn people_page(
    viewer: &Viewer,
    token: &str,
    list: &People<'_>,
    form: &InviteFields,
    errors: &FormErrors,
) -> Markup {
    let People {
        people,
        organisations,
        shown_link,
        done,
    } = *list;
    let roles = [Role::Contributor, Role::Secretariat].map(|r| (r.as_str().to_owned(), r.local()));
    let mut org_options = vec![(String::new(), t!("admin-no-organisation"))];
    org_options.extend(organisations.iter().cloned());
    page(
        viewer,
        &t!("nav-people"),
        html! {
            h1 { (t!("nav-people")) }
            (notice(done))
            @if let Some(link) = shown_link {
                div.notice role="status" {
                    p { (t!("admin-no-mail-server")) " " a href=(paths::OUTBOX) { (t!("admin-see-outbox")) } }
                    p { (t!("admin-give-link")) }
                    p { code.link-to-copy { (link) } }
                }
            }
            div.table-scroll {
                table {
                    caption.visually-hidden { (t!("admin-people-caption")) }
                    thead { tr {
                        th scope="col" { (t!("admin-name")) } th scope="col" { (t!("field-email")) }
                        th scope="col" { (t!("listing-form-organisation")) } th scope="col" { (t!("admin-role")) }
                        th scope="col" { (t!("admin-status")) } th scope="col" { (t!("admin-actions")) }
                    } }
                    tbody {
                        @for (account, org) in people {
                            tr {
                                th scope="row" { (account.name) }
                                td { (account.email) }
                                td { (org.as_deref().unwrap_or("—")) }
                                td { (account.role.local()) }
                                td {
                                    @if account.disabled { (t!("admin-disabled")) }
                                    @else if account.password_hash.is_none() { (t!("admin-invited")) }
                                    @else { (t!("admin-active")) }
                                }
                                td.actions {
                                    form.inline method="post" action=(paths::person_reset(account.id)) {
                                        (form_token_field(token))
                                        button.link-button type="submit" { (t!("admin-send-link")) span.visually-hidden { ": " (account.name) } }
                                    }
                                    @if account.disabled {
                                        form.inline method="post" action=(paths::person_enable(account.id)) {
                                            (form_token_field(token))
                                            button.link-button type="submit" { (t!("admin-enable")) span.visually-hidden { ": " (account.name) } }
                                        }
                                    } @else {
                                        form.inline method="post" action=(paths::person_disable(account.id)) {
                                            (form_token_field(token))
                                            button.link-button type="submit" { (t!("admin-disable")) span.visually-hidden { ": " (account.name) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 #invite-heading { (t!("admin-invite")) }
            p { (t!("admin-invite-explained", days = LinkPurpose::Invite.lifetime().whole_days())) }
            (error_summary(errors))
            form.stack method="post" action=(paths::PEOPLE) aria-labelledby="invite-heading" novalidate {
                (form_token_field(token))
                (text_field(errors, "name", &t!("admin-full-name"), &form.name, "text", None, true))
                (text_field(errors, "email", &t!("field-email"), &form.email, "email", None, true))
                (select(errors, "org", &t!("listing-form-organisation"), &org_options, &form.org, true))
                (select(errors, "role", &t!("admin-role"), &roles, &form.role, true))
                button type="submit" { (t!("admin-invite-button")) }
            }
        },
    )
}

/// The newest mail, sent or waiting.
pub fn outbox_page(viewer: &Viewer, mail: &[QueuedMail], configured: bool) -> Markup {
    page(
        viewer,
        &t!("admin-outbox"),
        html! {
            h1 { (t!("admin-outbox")) }
            @if configured {
                p { (t!("admin-outbox-configured")) }
            } @else {
                p { (t!("admin-outbox-unconfigured")) }
            }
            ol.cards {
                @for m in mail {
                    li.card {
                        p.meta {
                            (t!("admin-mail-to", when = when(&m.created_at), recipient = m.recipient.as_str())) " · "
                            @if let Some(sent) = &m.sent_at { (t!("admin-mail-sent", when = when(sent))) }
                            @else if let Some(error) = &m.last_error { (t!("admin-mail-failed", attempts = m.attempts)) " " (error) }
                            @else { (t!("admin-mail-waiting")) }
                        }
                        h2.h3 { (m.subject) }
                        pre.mail-body { (m.body) }
                    }
                }
            }
        },
    )
}

/// What the topic form holds.
#[derive(Debug, Default)]
pub struct TopicFields {
    /// Slug.
    pub slug: String,
    /// Label.
    pub label: String,
    /// Description.
    pub description: String,
}

/// Topics with their use, a form to edit each and one to add one.
pub fn topics_page(
    viewer: &Viewer,
    token: &str,
    topics: &[(Term, i64)],
    form: &TopicFields,
    errors: &FormErrors,
    done: Option<&str>,
) -> Markup {
    page(
        viewer,
        &t!("nav-topics"),
        html! {
            h1 { (t!("nav-topics")) }
            (notice(done))
            p { (t!("admin-topics-explained")) }
            ol.cards {
                @for (topic, count) in topics {
                    li.card {
                        form.stack method="post" action=(paths::topic(&topic.slug)) {
                            (form_token_field(token))
                            p.meta { code { (topic.slug) } " · " (t!("admin-topic-use", count = *count)) }
                            div.field {
                                label for={ "label-" (topic.slug) } { (t!("admin-label")) }
                                input type="text" id={ "label-" (topic.slug) } name="label" value=(topic.label) required;
                            }
                            div.field {
                                label for={ "description-" (topic.slug) } { (t!("listing-form-description")) }
                                input type="text" id={ "description-" (topic.slug) } name="description" value=(topic.description) required;
                            }
                            (topic_names(topic))
                            button.secondary type="submit" { (t!("admin-save")) span.visually-hidden { ": " (topic.label) } }
                        }
                    }
                }
            }
            h2 #add-topic-heading { (t!("admin-add-topic")) }
            (error_summary(errors))
            form.stack method="post" action=(paths::TOPICS) aria-labelledby="add-topic-heading" novalidate {
                (form_token_field(token))
                (text_field(errors, "slug", &t!("admin-slug"), &form.slug, "text", Some(&t!("admin-slug-hint")), true))
                (text_field(errors, "label", &t!("admin-label"), &form.label, "text", None, true))
                (text_field(errors, "description", &t!("listing-form-description"), &form.description, "text", Some(&t!("admin-topic-description-hint")), true))
                button type="submit" { (t!("admin-add-topic-button")) }
            }
        },
    )
}

/// A topic's name in each language the catalogue names topics in, folded
/// away: a field each, empty where the topic shows its English label.
fn topic_names(topic: &Term) -> Markup {
    let named = topic.names.values().filter(|n| !n.is_empty()).count();
    html! {
        details.topic-names {
            summary { (t!("admin-topic-names")) " (" (named) "/" (crate::i18n::VOCABULARIES.len()) ")" }
            p.hint { (t!("admin-topic-names-hint")) }
            @for (lang, _) in crate::i18n::VOCABULARIES {
                @let id = format!("name-{}-{}", lang, topic.slug);
                @let tag = crate::domain::LanguageTag::parse(lang).ok();
                div.field {
                    label for=(id) { (crate::i18n::language_name(crate::domain::Vocabulary::builtin(), lang)) }
                    input type="text" id=(id) name={ "name-" (lang) } lang=(lang) dir=[tag.as_ref().and_then(super::components::dir)]
                        value=(topic.names.get(*lang).map(String::as_str).unwrap_or_default());
                }
            }
        }
    }
}

/// The form to change an organisation's details.
pub fn organisation_page(
    viewer: &Viewer,
    token: &str,
    form: &OrganisationFields,
    errors: &FormErrors,
) -> Markup {
    let title = t!("admin-organisation-title", id = form.id.as_str());
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::ORGANISATIONS) { "← " (t!("nav-organisations")) } }
            h1 { (title) }
            p { (t!("admin-organisation-explained")) }
            (error_summary(errors))
            form.stack method="post" action=(paths::organisation(&form.id)) novalidate {
                (form_token_field(token))
                (organisation_details(form, errors))
                button type="submit" { (t!("admin-save")) }
            }
        },
    )
}
