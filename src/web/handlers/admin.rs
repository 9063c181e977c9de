//! The Secretariat's management pages: organisations, people (and the mail
//! outbox), topics, what officials search for, what the region offers and
//! what has happened, one file each; the wording of their forms' problems
//! is shared here.

mod activity;
mod coverage;
mod insight;
mod organisations;
mod people;
mod topics;

use axum::Router;
use axum::routing::{get, post};

use crate::domain::{EntryError, EntryProblem};
use crate::i18n::t;
use crate::web::forms::{FormErrors, control_problem};
use crate::web::{AppState, paths};

/// Routes of the Secretariat's management pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::ORGANISATIONS,
            get(organisations::organisations).post(organisations::add_organisation),
        )
        .route(
            paths::ORGANISATION,
            get(organisations::organisation_form).post(organisations::update_organisation),
        )
        .route(
            paths::PEOPLE,
            get(people::people).post(people::invite_person),
        )
        .route(paths::PERSON_RESET, post(people::send_reset))
        .route(paths::PERSON_DISABLE, post(people::disable))
        .route(paths::PERSON_ENABLE, post(people::enable))
        .route(paths::OUTBOX, get(people::outbox))
        .route(paths::TOPICS, get(topics::topics).post(topics::add_topic))
        .route(paths::TOPIC, post(topics::update_topic))
        .route(paths::SEARCH_INSIGHT, get(insight::insight))
        .route(paths::COVERAGE, get(coverage::coverage))
        .route(paths::ACTIVITY, get(activity::activity))
        .route(paths::SEARCH_REPORT, get(insight::report))
}

/// A field's problem, introduced by the field's label.
fn problem(label_id: &str, problem: String) -> String {
    t!(
        "form-field-problem",
        field = t!(label_id),
        problem = problem
    )
}

/// What is said of a value that is none of a list's choices.
fn choose(value: &str) -> String {
    t!("problem-not-a-choice", value = value)
}

/// The message id of the label of a field of the organisation, person and
/// topic forms.
fn label_of(field: &str) -> &'static str {
    match field {
        "id" => "admin-id",
        "kind" => "admin-type",
        "country" => "facet-country",
        "role" => "admin-role",
        "org" => "listing-form-organisation",
        "slug" => "admin-slug",
        "label" => "admin-label",
        "description" => "listing-form-description",
        "names" => "admin-topic-names",
        _ => "admin-name",
    }
}

/// Words the problems the domain found in an entered organisation, person
/// or topic, each introduced by its field's label. A person's name is their
/// full name.
fn add_entry_errors(errors: &mut FormErrors, found: &[EntryError], person: bool) {
    for EntryError {
        field,
        problem: found,
    } in found
    {
        let reason = match found {
            EntryProblem::Email => {
                errors.add(*field, t!("error-email-invalid"));
                continue;
            }
            EntryProblem::Id => t!("problem-id"),
            EntryProblem::Name { max } => t!("problem-name", max = *max),
            EntryProblem::Sentence { max } => t!("problem-sentence", max = *max),
            EntryProblem::ControlCharacter(c) => control_problem(*c),
            EntryProblem::NotAChoice { value, .. } => choose(value),
            EntryProblem::ContributorWithoutOrganisation => {
                t!("problem-contributor-organisation")
            }
        };
        let label = match *field {
            "name" if person => "admin-full-name",
            other => label_of(other),
        };
        errors.add(*field, problem(label, reason));
    }
}
