//! Uploading listings from a spreadsheet: the form, and the check of every
//! row with each problem beside its cell.

use std::collections::HashMap;

use maud::{Markup, html};

use super::components::{duplicate_link, form_token_field, notice};
use super::layout::page;
use crate::domain::Vocabulary;
use crate::i18n::t;
use crate::interchange::sheet::{COLUMNS, Checked, RowKind, Trouble};
use crate::search::Duplicate;
use crate::web::auth::Viewer;
use crate::web::paths;

/// The longest a cell's text is shown in the check; the file keeps it all.
const SHOWN_CHARS: usize = 120;

/// What the check found about one listing row besides its problems.
#[derive(Debug, Default)]
pub struct RowNotes {
    /// The row's id is already one of the person's listings.
    pub updates: bool,
    /// Listings in the catalogue that look like the same training.
    pub duplicates: Vec<Duplicate>,
}

/// The check of an uploaded file.
pub struct Preview<'a> {
    /// The file's name.
    pub name: &'a str,
    /// Every row checked.
    pub checked: &'a Checked,
    /// Notes by listing id.
    pub notes: &'a HashMap<String, RowNotes>,
    /// The token naming the kept upload, when every row is valid.
    pub token: Option<&'a str>,
}

/// A spreadsheet's problem in the reader's language.
pub fn describe(trouble: &Trouble) -> String {
    match trouble {
        Trouble::Listing(problem) => crate::web::listing_form::describe(problem),
        Trouble::NotOneOf { value, choices } => t!(
            "sheet-not-one-of",
            value = value.as_str(),
            choices = choices.as_str()
        ),
        Trouble::NotAnId(_) => t!("problem-listing-id"),
        Trouble::NotAnOrganisationId(_) => t!("problem-id"),
        Trouble::NotALanguage(value) => t!("sheet-not-a-language", value = value.as_str()),
        Trouble::NotACountry(value) => t!("sheet-not-a-country", value = value.as_str()),
        Trouble::NotADate(value) => t!("problem-not-a-date", value = value.as_str()),
        Trouble::NotASession(value) => t!("sheet-not-a-session", value = value.as_str()),
        Trouble::CountryNeeded => t!("sheet-country-needed"),
        Trouble::CityNeeded => t!("problem-city-needed"),
        Trouble::NotYourOrganisation { given, yours } => t!(
            "sheet-not-your-organisation",
            value = given.as_str(),
            yours = yours.as_str()
        ),
        Trouble::NoOrganisation => t!("sheet-no-organisation"),
        Trouble::NoListingRow(id) => t!("sheet-no-listing-row", id = id.as_str()),
        Trouble::RepeatedId(id) => t!("sheet-repeated-id", id = id.as_str()),
        Trouble::TranslationTwice(lang) => t!("problem-translation-twice", lang = lang.as_str()),
        Trouble::FilledInTranslation => t!("sheet-filled-in-translation"),
        Trouble::UnknownColumn => t!(
            "sheet-unknown-column",
            columns = COLUMNS.map(|c| c.name).join(", ")
        ),
        Trouble::ColumnTwice => t!("sheet-column-twice"),
        Trouble::MissingColumn(column) => t!("sheet-missing-column", column = *column),
        Trouble::Said(words) => words.clone(),
    }
}

/// The upload form, with what went wrong with the last file if anything.
pub fn upload_page(viewer: &Viewer, token: &str, problem: Option<&str>) -> Markup {
    page(
        viewer,
        &t!("upload-title"),
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::DASHBOARD) { "← " (t!("nav-dashboard")) } }
            h1 { (t!("upload-title")) }
            @if let Some(problem) = problem {
                div.error-summary #errors role="alert" tabindex="-1" { p { (problem) } }
            }
            p { (t!("upload-intro")) }
            p.actions {
                a href=(paths::TEMPLATE_XLSX) download { (t!("upload-template-xlsx")) }
                " · "
                a href=(paths::TEMPLATE_CSV) download { (t!("upload-template-csv")) }
            }
            p { (t!("upload-layout")) }
            (upload_form(token))
        },
    )
}

fn upload_form(token: &str) -> Markup {
    html! {
        form.stack method="post" action=(paths::UPLOAD) enctype="multipart/form-data" {
            (form_token_field(token))
            label for="file" { (t!("upload-file")) }
            input #file type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            button type="submit" { (t!("upload-check")) }
        }
    }
}

/// Every row of an uploaded file with each problem beside its cell; a form
/// to save the listings when all are valid, else the form to upload the
/// corrected file.
pub fn preview_page(
    viewer: &Viewer,
    form_token: &str,
    preview: &Preview<'_>,
    vocabulary: &Vocabulary,
) -> Markup {
    let checked = preview.checked;
    let problems = checked.problems();
    let listings = checked
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Listing)
        .count();
    let translations = checked.rows.len() - listings;
    // Only the columns the file fills (or has problems in) are shown.
    let shown: Vec<&str> = COLUMNS
        .iter()
        .map(|c| c.name)
        .filter(|&name| {
            checked
                .rows
                .iter()
                .any(|r| !r.cell(name).is_empty() || r.problems_of(name).next().is_some())
        })
        .collect();
    let title = t!("upload-preview-title", name = preview.name);
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::UPLOAD) { "← " (t!("upload-title")) } }
            h1 { (title) }
            p { (t!("upload-rows", rows = checked.rows.len(), listings = listings, translations = translations)) }
            @if problems.is_empty() {
                (notice(Some(&t!("upload-valid"))))
            } @else {
                div.error-summary #errors role="alert" tabindex="-1" {
                    h2 { (t!("upload-problems", count = problems.len())) }
                    ul {
                        @for problem in &problems {
                            li {
                                @match &problem.column {
                                    Some(column) => a href={ "#r" (problem.row) "-" (column) } {
                                        (t!("upload-problem-at", row = problem.row, column = column.as_str(), problem = describe(&problem.problem)))
                                    },
                                    None => a href={ "#r" (problem.row) } {
                                        (t!("upload-problem-row", row = problem.row, problem = describe(&problem.problem)))
                                    },
                                }
                            }
                        }
                    }
                }
            }
            div.table-scroll tabindex="0" role="region" aria-labelledby="rows-caption" {
                table.sheet {
                    caption #rows-caption { (t!("upload-rows-caption")) }
                    thead {
                        tr {
                            th scope="col" { (t!("upload-row")) }
                            @for column in &shown { th scope="col" { (column) } }
                            th scope="col" { (t!("upload-notes")) }
                        }
                    }
                    tbody {
                        @for row in &checked.rows {
                            tr id={ "r" (row.number) } class=[(!row.problems.is_empty()).then_some("has-problem")] {
                                th scope="row" { (row.number) }
                                @for &column in &shown {
                                    @let cell_problems: Vec<&Trouble> = row.problems_of(column).collect();
                                    td id={ "r" (row.number) "-" (column) } class=[(!cell_problems.is_empty()).then_some("problem")] {
                                        (shortened(row.cell(column)))
                                        @for problem in cell_problems {
                                            strong.cell-problem { (describe(problem)) }
                                        }
                                    }
                                }
                                td {
                                    @for problem in row.row_problems() { strong.cell-problem { (describe(problem)) } }
                                    @if row.kind == RowKind::Translation {
                                        (t!("upload-translation-row"))
                                    } @else if let Some(notes) = preview.notes.get(row.cell("id")) {
                                        @if notes.updates { p { (t!("upload-updates")) } }
                                        @if !notes.duplicates.is_empty() {
                                            p { (t!("duplicates-heading")) ":" }
                                            ul { @for duplicate in &notes.duplicates { li { (duplicate_link(duplicate, vocabulary)) } } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @match preview.token {
                Some(token) => section aria-labelledby="confirm-heading" {
                    h2 #confirm-heading { (t!("upload-confirm-heading")) }
                    p { (t!("upload-confirm-explained", count = listings)) }
                    form.inline method="post" action=(paths::upload_confirm(token)) {
                        (form_token_field(form_token))
                        button type="submit" name="action" value="submit" { (t!("upload-confirm-submit")) }
                        " "
                        button.secondary type="submit" name="action" value="draft" { (t!("upload-confirm-drafts")) }
                    }
                },
                None => section aria-labelledby="again-heading" {
                    h2 #again-heading { (t!("upload-again")) }
                    (upload_form(form_token))
                },
            }
        },
    )
}

fn shortened(text: &str) -> String {
    if text.chars().count() <= SHOWN_CHARS {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(SHOWN_CHARS).collect();
        short.push('…');
        short
    }
}
