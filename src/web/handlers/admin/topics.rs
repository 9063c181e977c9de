//! The Secretariat's topics: adding one and changing its label and
//! description.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{add_entry_errors, problem};
use crate::app::Catalogue;
use crate::domain::{SharedVocabulary, Term, parse_topic, parse_topic_names, parse_topic_text};
use crate::i18n::{self, t};
use crate::search::SearchIndex;
use crate::store::Store;
use crate::web::auth::{CheckedForm, SignedIn};
use crate::web::forms::FormErrors;
use crate::web::handlers::Done;
use crate::web::handlers::done_redirect;
use crate::web::views::admin::TopicFields;
use crate::web::{AppState, Error, Result, paths, views};

pub(super) async fn topics_page(
    store: &Store,
    user: &SignedIn,
    form: &TopicFields,
    errors: &FormErrors,
    done: Option<&str>,
) -> Result<maud::Markup> {
    let counts = store.topic_counts().await?;
    let topics: Vec<(Term, i64)> = store
        .topics()
        .await?
        .into_iter()
        .map(|t| {
            let count = counts.get(&t.slug).copied().unwrap_or(0);
            (t, count)
        })
        .collect();
    Ok(views::admin::topics_page(
        &user.viewer(),
        &user.form_token,
        &topics,
        form,
        errors,
        done,
    ))
}

pub(super) async fn topics(
    user: SignedIn,
    State(store): State<Store>,
    Query(done): Query<Done>,
) -> Result<Response> {
    user.require_secretariat()?;
    Ok(topics_page(
        &store,
        &user,
        &TopicFields::default(),
        &FormErrors::default(),
        done.message().as_deref(),
    )
    .await?
    .into_response())
}

pub(super) async fn add_topic(
    user: SignedIn,
    State(store): State<Store>,
    State(vocabulary): State<SharedVocabulary>,
    State(index): State<SearchIndex>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = TopicFields {
        slug: form.text("slug").trim().to_owned(),
        label: form.text("label").trim().to_owned(),
        description: form.text("description").trim().to_owned(),
    };
    let mut errors = FormErrors::default();
    let parsed = parse_topic(&fields.slug, &fields.label, &fields.description)
        .map_err(|found| add_entry_errors(&mut errors, &found, false))
        .ok();
    if let Some((slug, label, description)) = parsed {
        let topic = Term {
            slug: slug.to_string(),
            label,
            description,
            names: Default::default(),
        };
        match store.add_topic(&topic).await {
            Ok(()) => {
                Catalogue::reload_vocabulary(&store, &vocabulary, &index).await?;
                return Ok(done_redirect(paths::TOPICS, "topic"));
            }
            Err(crate::store::Error::Conflict(_)) => errors.add(
                "slug",
                problem(
                    "admin-slug",
                    t!("admin-topic-taken", slug = fields.slug.as_str()),
                ),
            ),
            Err(other) => return Err(other.into()),
        }
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        topics_page(&store, &user, &fields, &errors, None).await?,
    )
        .into_response())
}

pub(super) async fn update_topic(
    user: SignedIn,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    user.require_secretariat()?;
    let fields = TopicFields {
        slug,
        label: form.text("label").trim().to_owned(),
        description: form.text("description").trim().to_owned(),
    };
    // A name field left out of the form keeps its name; one sent empty
    // removes it.
    let names = i18n::VOCABULARIES.iter().filter_map(|(lang, _)| {
        let name = form.get(&format!("name-{lang}"))?;
        Some(((*lang).to_owned(), name.to_owned()))
    });
    let parsed = parse_topic_text(&fields.label, &fields.description)
        .and_then(|text| Ok((text, parse_topic_names(names)?)));
    let ((label, description), names) = parsed.map_err(|found| {
        let mut errors = FormErrors::default();
        add_entry_errors(&mut errors, &found, false);
        let reasons: Vec<String> = errors.0.into_iter().map(|(_, reason)| reason).collect();
        Error::BadRequest(format!(
            "{} {}",
            t!("admin-topic-not-saved", slug = fields.slug.as_str()),
            reasons.join(" ")
        ))
    })?;
    let topic = Term {
        slug: fields.slug,
        label,
        description,
        names,
    };
    state.store.update_topic(&topic).await?;
    Catalogue::reload_vocabulary(&state.store, &state.vocabulary, &state.index).await?;
    Ok(done_redirect(paths::TOPICS, "topic"))
}
