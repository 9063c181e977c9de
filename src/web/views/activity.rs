//! What has happened across the catalogue, for the Secretariat.

use maud::{Markup, html};

use super::history::audit_action;
use super::layout::page;
use crate::i18n::{self, t};
use crate::store::{Activity, OrganisationSummary};
use crate::web::auth::Viewer;
use crate::web::paths;

/// Things shown on one page.
pub const PER_PAGE: i64 = 50;

/// A stored time as `YYYY-MM-DD HH:MM`.
fn minute(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

/// What happened, in the reader's language.
fn what(activity: &Activity) -> String {
    match activity.kind.as_str() {
        "person" => t!(
            "activity-person-added",
            role = i18n::message(&format!("role-{}", activity.action), None)
        ),
        "organisation" => t!("activity-organisation-added"),
        _ => audit_action(&activity.action),
    }
}

/// The address of the page `page` of the list, for organisation `org`.
fn page_link(org: Option<&str>, page: i64) -> String {
    let mut pairs = url::form_urlencoded::Serializer::new(String::new());
    if let Some(org) = org {
        pairs.append_pair("org", org);
    }
    if page > 1 {
        pairs.append_pair("page", &page.to_string());
    }
    let query = pairs.finish();
    if query.is_empty() {
        paths::ACTIVITY.to_owned()
    } else {
        format!("{}?{query}", paths::ACTIVITY)
    }
}

/// The page: page `page` of what happened (for `org` when given).
pub fn activity_page(
    viewer: &Viewer,
    activities: &[Activity],
    organisations: &[OrganisationSummary],
    org: Option<&str>,
    page_number: i64,
) -> Markup {
    page(
        viewer,
        &t!("activity-title"),
        html! {
            h1 { (t!("activity-title")) }
            p { (t!("activity-explained")) }
            form method="get" action=(paths::ACTIVITY) {
                div.field {
                    label for="org" { (t!("facet-provider")) }
                    select id="org" name="org" {
                        option value="" { (t!("activity-all-organisations")) }
                        @for o in organisations {
                            option value=(o.organisation.id) selected[org == Some(o.organisation.id.as_str())] { (o.organisation.name) }
                        }
                    }
                }
                button type="submit" { (t!("activity-show")) }
            }
            @if activities.is_empty() {
                p { (t!("activity-none")) }
            } @else {
                div.table-scroll {
                    table {
                        thead { tr {
                            th scope="col" { (t!("activity-when")) }
                            th scope="col" { (t!("activity-what")) }
                            th scope="col" { (t!("activity-subject")) }
                            th scope="col" { (t!("facet-provider")) }
                            th scope="col" { (t!("activity-by")) }
                        } }
                        tbody {
                            @for activity in activities {
                                tr {
                                    td { (minute(&activity.at)) }
                                    td {
                                        (what(activity))
                                        @if let Some(comment) = &activity.comment {
                                            br; q { (comment) }
                                        }
                                    }
                                    th scope="row" {
                                        @match activity.kind.as_str() {
                                            "listing" => a href=(paths::listing_history(&activity.subject)) { (activity.title) },
                                            "organisation" => a href=(paths::organisation(&activity.subject)) { (activity.title) },
                                            _ => (activity.title),
                                        }
                                    }
                                    td { (activity.org_name.as_deref().unwrap_or("")) }
                                    td { (activity.actor) }
                                }
                            }
                        }
                    }
                }
            }
            @let newer = page_number > 1;
            @let older = i64::try_from(activities.len()).unwrap_or(0) == PER_PAGE;
            @if newer || older {
                nav aria-label=(t!("activity-pages")) {
                    ul.periods {
                        @if newer {
                            li { a href=(page_link(org, page_number - 1)) rel="prev" { (t!("activity-newer")) } }
                        }
                        @if older {
                            li { a href=(page_link(org, page_number + 1)) rel="next" { (t!("activity-older")) } }
                        }
                    }
                }
            }
        },
    )
}
