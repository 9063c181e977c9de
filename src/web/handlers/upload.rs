//! Listings from a spreadsheet: the templates, the upload and its check of
//! every row, and saving the checked listings, all or nothing.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_sessions::Session;

use crate::domain::{Provider, Role, Vocabulary};
use crate::i18n::t;
use crate::interchange::sheet::{self, Checked, Owners, RowKind};
use crate::interchange::{csv, xlsx};
use crate::search::SearchIndex;
use crate::store::Store;
use crate::web::auth::{CheckedForm, SignedIn, check_form_token};
use crate::web::handlers::done_redirect;
use crate::web::views::upload::{Preview, RowNotes};
use crate::web::{AppState, Error, Result, paths, views};

/// The most listings one upload may hold: looking for the possible
/// duplicates of each takes some 5 ms at 100,000 listings, and a check must
/// answer well within the site's 15 s.
pub const MAX_LISTINGS: usize = 1_000;

/// Routes of the spreadsheet upload.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::UPLOAD, get(upload_form).post(upload))
        .route(paths::UPLOAD_CONFIRM, post(confirm))
        .route(paths::TEMPLATE_CSV, get(template_csv))
        .route(paths::TEMPLATE_XLSX, get(template_xlsx))
}

async fn upload_form(user: SignedIn) -> Response {
    views::upload::upload_page(&user.viewer(), &user.form_token, None).into_response()
}

fn attachment(content_type: &'static str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn template_csv(_user: SignedIn) -> Result<Response> {
    let bytes = csv::template().map_err(|e| Error::Internal(e.into()))?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        "catalogue-template.csv",
        bytes,
    ))
}

async fn template_xlsx(_user: SignedIn) -> Result<Response> {
    let bytes = xlsx::template().map_err(|e| Error::Internal(e.into()))?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "catalogue-template.xlsx",
        bytes,
    ))
}

/// What an upload of `user` is checked against: the organisations they may
/// list for (a contributor's own, or any for the Secretariat).
async fn against<'a>(state: &'a AppState, user: &SignedIn) -> Result<Against<'a>> {
    let organisations = super::listing_editor::listable_organisations(&state.store, user)
        .await?
        .into_iter()
        .map(|o| Provider {
            id: o.id,
            name: o.name,
            kind: o.kind,
            country: o.country,
        })
        .collect();
    Ok(Against {
        store: &state.store,
        index: &state.index,
        vocabulary: state.vocabulary.current(),
        organisations,
        contributor: user.account.role != Role::Secretariat,
    })
}

/// The file of a multipart upload, after its form token is checked.
async fn received_file(session: &Session, mut multipart: Multipart) -> Result<(String, Vec<u8>)> {
    let mut token = None;
    let mut file = None;
    let too_big = |err: axum::extract::multipart::MultipartError| {
        // A body sent without its length meets the limit while it is read.
        let mut cause: Option<&dyn std::error::Error> = Some(&err);
        let mut over_limit = err.status() == StatusCode::PAYLOAD_TOO_LARGE;
        while let Some(inner) = cause {
            over_limit |= inner.to_string().contains("length limit exceeded");
            cause = inner.source();
        }
        if over_limit {
            Error::TooLarge(t!("upload-too-big"))
        } else {
            Error::BadRequest(t!("upload-broken", reason = err.body_text()))
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(too_big)? {
        match field.name() {
            Some("csrf") => token = Some(field.text().await.map_err(too_big)?),
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_owned();
                file = Some((name, field.bytes().await.map_err(too_big)?.to_vec()));
            }
            _ => {}
        }
    }
    check_form_token(session, token.as_deref()).await?;
    file.filter(|(_, bytes)| !bytes.is_empty())
        .ok_or_else(|| Error::BadRequest(t!("upload-no-file")))
}

/// What an upload is checked against.
struct Against<'a> {
    store: &'a Store,
    index: &'a SearchIndex,
    vocabulary: Arc<Vocabulary>,
    organisations: Vec<Provider>,
    /// Whether the person lists for their own organisation only.
    contributor: bool,
}

/// Checks every row, then what only the catalogue knows: ids that are
/// another organisation's, and (if `look_for_duplicates`) possible
/// duplicates.
async fn check_upload(
    against: &Against<'_>,
    bytes: Vec<u8>,
    name: &str,
    look_for_duplicates: bool,
) -> Result<std::result::Result<(Checked, HashMap<String, RowNotes>), String>> {
    let Against {
        store,
        index,
        organisations,
        ..
    } = against;
    let format = sheet::Format::of_name(name).unwrap_or_else(|| sheet::Format::sniff(&bytes));
    let vocabulary = against.vocabulary.clone();
    let owners = organisations.clone();
    let contributor = against.contributor;
    // Reading a workbook and checking a thousand rows is CPU work.
    let read = tokio::task::spawn_blocking(move || {
        let read = sheet::read(&bytes, format)?;
        let rule = Owners::OnRecord {
            organisations: &owners,
            blank_is_first: contributor,
        };
        Ok::<_, sheet::SheetError>(sheet::check(&read, &vocabulary, rule))
    })
    .await
    .map_err(|e| Error::Internal(e.into()))?;
    let mut checked = match read {
        Ok(checked) => checked,
        Err(err) => return Ok(Err(t!("upload-unreadable", reason = err.to_string()))),
    };
    let listings = checked
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Listing)
        .count();
    if listings > MAX_LISTINGS {
        return Ok(Err(t!(
            "upload-too-many",
            count = listings,
            max = MAX_LISTINGS
        )));
    }
    let mut notes: HashMap<String, RowNotes> = HashMap::new();
    for row in &mut checked.rows {
        let id = row.cell("id").to_owned();
        if row.kind != RowKind::Listing || id.is_empty() {
            continue;
        }
        if let Some(record) = store.listing_record(&id).await? {
            if organisations.iter().any(|o| o.id == record.org) {
                notes.entry(id).or_default().updates = true;
            } else {
                row.problems.push((
                    Some("id".to_owned()),
                    sheet::Trouble::Said(t!("upload-id-taken", id = id.as_str())),
                ));
            }
        }
    }
    // An id found taken leaves the file with nothing to save, or to
    // compare.
    if !checked.is_valid() {
        checked.listings.clear();
    }
    if look_for_duplicates {
        // Some milliseconds a listing against a large catalogue: off the
        // threads that answer requests.
        let listings = std::mem::take(&mut checked.listings);
        let index = SearchIndex::clone(index);
        let (listings, found) = tokio::task::spawn_blocking(move || {
            let found = listings
                .iter()
                .map(|l| Ok((l.id.to_string(), index.possible_duplicates(l)?)))
                .collect::<Result<Vec<_>>>();
            (listings, found)
        })
        .await
        .map_err(|e| Error::Internal(e.into()))?;
        checked.listings = listings;
        for (id, duplicates) in found? {
            notes.entry(id).or_default().duplicates = duplicates;
        }
    }
    Ok(Ok((checked, notes)))
}

async fn upload(
    user: SignedIn,
    session: Session,
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Response> {
    let refused = |status: StatusCode, problem: String| {
        (
            status,
            views::upload::upload_page(&user.viewer(), &user.form_token, Some(&problem)),
        )
            .into_response()
    };
    let (name, bytes) = match received_file(&session, multipart).await {
        Ok(file) => file,
        Err(error @ (Error::BadRequest(_) | Error::TooLarge(_))) => {
            return Ok(refused(error.status(), error.to_string()));
        }
        Err(other) => return Err(other),
    };
    let against = against(&state, &user).await?;
    let (checked, notes) = match check_upload(&against, bytes.clone(), &name, true).await? {
        Ok(result) => result,
        Err(problem) => return Ok(refused(StatusCode::UNPROCESSABLE_ENTITY, problem)),
    };
    let token = if checked.is_valid() {
        Some(
            state
                .store
                .keep_upload(user.account.id, &name, &bytes)
                .await?,
        )
    } else {
        None
    };
    let status = if token.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = views::upload::preview_page(
        &user.viewer(),
        &user.form_token,
        &Preview {
            name: &name,
            checked: &checked,
            notes: &notes,
            token: token.as_deref(),
        },
        &against.vocabulary,
    );
    Ok((status, page).into_response())
}

/// Saves a checked upload's listings as drafts or submitted for review,
/// after checking the file again (the catalogue may have changed since).
async fn confirm(
    user: SignedIn,
    State(state): State<AppState>,
    path: std::result::Result<Path<String>, PathRejection>,
    CheckedForm(form): CheckedForm,
) -> Result<Response> {
    let token = path.map(|Path(t)| t).unwrap_or_default();
    let gone = || Error::NotFound(t!("upload-gone"));
    let upload = state
        .store
        .upload(user.account.id, &token)
        .await?
        .ok_or_else(gone)?;
    let against = against(&state, &user).await?;
    // Checked again: the catalogue may have changed since. Duplicates were
    // shown with the check and are not looked for again.
    let (checked, notes) = match check_upload(&against, upload.content, &upload.name, false).await?
    {
        Ok(result) => result,
        Err(problem) => return Err(Error::BadRequest(problem)),
    };
    if !checked.is_valid() {
        let page = views::upload::preview_page(
            &user.viewer(),
            &user.form_token,
            &Preview {
                name: &upload.name,
                checked: &checked,
                notes: &notes,
                token: None,
            },
            &against.vocabulary,
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let submit = form.get("action") == Some("submit");
    state
        .store
        .write_upload(&user.actor(), &token, checked.listings, submit)
        .await?
        .ok_or_else(gone)?;
    let done = if submit {
        "uploaded-submitted"
    } else {
        "uploaded-drafts"
    };
    Ok(done_redirect(paths::DASHBOARD, done))
}
