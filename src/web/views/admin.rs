//! The Secretariat's pages for organisations, people and the outbox.

use maud::{Markup, html};

use super::components::{
    FormErrors, country_options, error_summary, form_token_field, notice, select, text_field,
};
use super::dashboard::when;
use super::layout::page;
use crate::domain::{ProviderType, Role, Term};
use crate::store::{Account, OrganisationSummary, QueuedMail};
use crate::web::auth::Viewer;
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
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect();
    html! {
        (text_field(errors, "name", "Name", &form.name, "text", None, true))
        (select(errors, "kind", "Type", &kinds, &form.kind, true))
        (select(errors, "country", "Country", &country_options(), &form.country, true))
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
        "Organisations",
        html! {
            h1 { "Organisations" }
            (notice(done))
            div.table-scroll {
                table {
                    caption.visually-hidden { "Organisations that list training" }
                    thead { tr { th scope="col" { "Name" } th scope="col" { "Id" } th scope="col" { "Type" } th scope="col" { "Country" } th scope="col" { "Published" } th scope="col" { "All listings" } th scope="col" { "People" } } }
                    tbody {
                        @for s in organisations {
                            tr {
                                th scope="row" { a href=(paths::at(paths::ORGANISATION, &s.organisation.id)) { (s.organisation.name) } }
                                td { code { (s.organisation.id) } }
                                td { (s.organisation.kind.label()) }
                                td { (s.organisation.country.name()) }
                                td.num { (s.published) }
                                td.num { (s.listings) }
                                td.num { (s.people) }
                            }
                        }
                    }
                }
            }
            h2 #add-heading { "Add an organisation" }
            (error_summary(errors))
            form.stack method="post" action=(paths::ORGANISATIONS) aria-labelledby="add-heading" novalidate {
                (form_token_field(token))
                (text_field(errors, "id", "Id", &form.id, "text", Some("Short and permanent: lower-case letters, digits and hyphens, such as jclec or iom-thailand."), true))
                (organisation_details(form, errors))
                button type="submit" { "Add the organisation" }
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
    let roles = [Role::Contributor, Role::Secretariat]
        .map(|r| (r.as_str().to_owned(), r.label().to_owned()));
    let mut org_options = vec![(String::new(), "— (Secretariat only)".to_owned())];
    org_options.extend(organisations.iter().cloned());
    page(
        viewer,
        "People",
        html! {
            h1 { "People" }
            (notice(done))
            @if let Some(link) = shown_link {
                div.notice role="status" {
                    p { "No mail server is configured, so the message waits in the " a href=(paths::OUTBOX) { "outbox" } ". Give the person this link yourself; it works once:" }
                    p { code.link-to-copy { (link) } }
                }
            }
            div.table-scroll {
                table {
                    caption.visually-hidden { "People with accounts" }
                    thead { tr { th scope="col" { "Name" } th scope="col" { "E-mail" } th scope="col" { "Organisation" } th scope="col" { "Role" } th scope="col" { "Status" } th scope="col" { "Actions" } } }
                    tbody {
                        @for (account, org) in people {
                            tr {
                                th scope="row" { (account.name) }
                                td { (account.email) }
                                td { (org.as_deref().unwrap_or("—")) }
                                td { (account.role.label()) }
                                td {
                                    @if account.disabled { "Disabled" }
                                    @else if account.password_hash.is_none() { "Invited" }
                                    @else { "Active" }
                                }
                                td.actions {
                                    form.inline method="post" action=(paths::at(paths::PERSON_RESET, account.id)) {
                                        (form_token_field(token))
                                        button.link-button type="submit" { "Send a password link" span.visually-hidden { " to " (account.name) } }
                                    }
                                    @if account.disabled {
                                        form.inline method="post" action=(paths::at(paths::PERSON_ENABLE, account.id)) {
                                            (form_token_field(token))
                                            button.link-button type="submit" { "Enable" span.visually-hidden { " " (account.name) } }
                                        }
                                    } @else {
                                        form.inline method="post" action=(paths::at(paths::PERSON_DISABLE, account.id)) {
                                            (form_token_field(token))
                                            button.link-button type="submit" { "Disable" span.visually-hidden { " " (account.name) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 #invite-heading { "Invite a person" }
            p { "They receive a link to choose a password; it works once, for 7 days." }
            (error_summary(errors))
            form.stack method="post" action=(paths::PEOPLE) aria-labelledby="invite-heading" novalidate {
                (form_token_field(token))
                (text_field(errors, "name", "Full name", &form.name, "text", None, true))
                (text_field(errors, "email", "E-mail address", &form.email, "email", None, true))
                (select(errors, "org", "Organisation", &org_options, &form.org, true))
                (select(errors, "role", "Role", &roles, &form.role, true))
                button type="submit" { "Send the invitation" }
            }
        },
    )
}

/// The newest mail, sent or waiting.
pub fn outbox_page(viewer: &Viewer, mail: &[QueuedMail], configured: bool) -> Markup {
    page(
        viewer,
        "Outbox",
        html! {
            h1 { "Outbox" }
            @if configured {
                p { "Mail is sent through the configured mail server; failures are retried." }
            } @else {
                p { "No mail server is configured: messages wait here. Pass links on to people yourself." }
            }
            ol.cards {
                @for m in mail {
                    li.card {
                        p.meta {
                            (when(&m.created_at)) " UTC · to " (m.recipient) " · "
                            @if let Some(sent) = &m.sent_at { "sent " (when(sent)) }
                            @else if let Some(error) = &m.last_error { "not sent (" (m.attempts) " attempts): " (error) }
                            @else { "waiting" }
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
        "Topics",
        html! {
            h1 { "Topics" }
            (notice(done))
            p { "Listings are filed under these topics; searchers filter by them. A slug never changes, since listings refer to it; labels and descriptions can." }
            ol.cards {
                @for (topic, count) in topics {
                    li.card {
                        form.stack method="post" action=(paths::at(paths::TOPIC, &topic.slug)) {
                            (form_token_field(token))
                            p.meta { code { (topic.slug) } " · " (count) " published listing" @if *count != 1 { "s" } }
                            div.field {
                                label for={ "label-" (topic.slug) } { "Label" }
                                input type="text" id={ "label-" (topic.slug) } name="label" value=(topic.label) required;
                            }
                            div.field {
                                label for={ "description-" (topic.slug) } { "Description" }
                                input type="text" id={ "description-" (topic.slug) } name="description" value=(topic.description) required;
                            }
                            button.secondary type="submit" { "Save" span.visually-hidden { " " (topic.label) } }
                        }
                    }
                }
            }
            h2 #add-topic-heading { "Add a topic" }
            (error_summary(errors))
            form.stack method="post" action=(paths::TOPICS) aria-labelledby="add-topic-heading" novalidate {
                (form_token_field(token))
                (text_field(errors, "slug", "Slug", &form.slug, "text", Some("Lower-case letters, digits and hyphens, such as maritime-search-and-rescue. It cannot be changed later."), true))
                (text_field(errors, "label", "Label", &form.label, "text", None, true))
                (text_field(errors, "description", "Description", &form.description, "text", Some("One sentence saying what belongs under the topic."), true))
                button type="submit" { "Add the topic" }
            }
        },
    )
}

/// The form to change an organisation's details.
pub fn organisation_page(
    viewer: &Viewer,
    token: &str,
    form: &OrganisationFields,
    errors: &FormErrors,
) -> Markup {
    let title = format!("Organisation “{}”", form.id);
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label="Breadcrumb" { a href=(paths::ORGANISATIONS) { "← Organisations" } }
            h1 { (title) }
            p { "Changes show on all its listings at once." }
            (error_summary(errors))
            form.stack method="post" action=(paths::at(paths::ORGANISATION, &form.id)) novalidate {
                (form_token_field(token))
                (organisation_details(form, errors))
                button type="submit" { "Save" }
            }
        },
    )
}
