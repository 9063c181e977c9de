//! Listings in and out: import, export and rebuilding the index.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::{Format, finish, held_by_service, take_writer};
use crate::app::{self, Catalogue, WriterMark};
use crate::config::Paths;
use crate::interchange;
use crate::search;

/// `catalogue import --check`: every file's records checked as an import
/// would check them, each problem reported, nothing written.
pub(super) async fn check(paths: &Paths, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::open(paths).await?;
    let mut failed = false;
    for file in files {
        let name = file.display();
        match catalogue.check_file(file).await {
            Ok(count) => {
                report_duplicates(&catalogue, file).await?;
                println!("{name}: {count} listing(s), all valid; nothing was written");
            }
            Err(app::ImportError::Invalid(interchange::Error::Invalid(errors))) => {
                failed = true;
                for error in &errors {
                    eprintln!("{name}: {error}");
                }
                eprintln!(
                    "{name}: {} invalid record(s); nothing was written",
                    errors.len()
                );
            }
            Err(app::ImportError::Invalid(interchange::Error::Sheet(problems))) => {
                failed = true;
                report_cells(&name, &problems);
                eprintln!("{name}: {} problem(s); nothing was written", problems.len());
            }
            Err(err) => {
                failed = true;
                eprintln!("{name}: {err}; nothing was written");
            }
        }
    }
    catalogue.store.close().await;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub(super) async fn import(paths: &Paths, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::open(paths).await?;
    let mut failed = false;
    let mut imported = 0;
    for file in files {
        let name = file.display();
        // Looked for before the import, so a file is not compared with
        // itself.
        report_duplicates(&catalogue, file).await?;
        let bar = super::progress::Progress::new(&format!("{name}: storing"), None);
        let counter = bar.clone();
        match catalogue
            .import_file(file, move |stored| counter.set(stored))
            .await
        {
            Ok(count) => {
                bar.finish();
                imported += count;
                println!("{name}: imported {count} listing(s)");
            }
            Err(app::ImportError::Invalid(interchange::Error::Invalid(errors))) => {
                bar.abandon();
                failed = true;
                for error in &errors {
                    eprintln!("{name}: {error}");
                }
                eprintln!(
                    "{name}: {} invalid record(s); nothing from this file was imported",
                    errors.len()
                );
            }
            Err(app::ImportError::Invalid(interchange::Error::Sheet(problems))) => {
                bar.abandon();
                failed = true;
                report_cells(&name, &problems);
                eprintln!(
                    "{name}: {} problem(s); nothing from this file was imported",
                    problems.len()
                );
            }
            Err(err) => {
                bar.abandon();
                failed = true;
                eprintln!("{name}: {err}; nothing from this file was imported");
            }
        }
    }
    if imported > 0 {
        update_index(&catalogue, paths).await?;
    }
    catalogue.store.close().await;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the listings of a file that look like listings already
/// published: a warning, never a refusal.
async fn report_duplicates(catalogue: &Catalogue, file: &std::path::Path) -> anyhow::Result<()> {
    let name = file.display();
    let (found, whole) = match catalogue.possible_duplicates_in(file).await {
        Ok(found) => found,
        // The import or the check says what is wrong with the file.
        Err(app::ImportError::Invalid(_) | app::ImportError::Read(_)) => return Ok(()),
        Err(err) => return Err(anyhow::anyhow!("{err}")),
    };
    for (id, duplicate) in &found {
        let why = match &duplicate.likeness {
            crate::domain::likeness::Likeness::SameTitle { lang } => {
                format!("the same organisation's, nearly the same title ({lang})")
            }
            crate::domain::likeness::Likeness::SameText { lang } => {
                format!("nearly the same title and summary ({lang})")
            }
        };
        eprintln!(
            "{name}: warning: \"{id}\" may duplicate \"{}\" by {}: {why}",
            duplicate.listing.id, duplicate.listing.provider.name
        );
    }
    if !whole {
        eprintln!(
            "{name}: only the first {} listings were compared with the catalogue for duplicates",
            app::DUPLICATES_LOOKED_AT
        );
    }
    Ok(())
}

/// Prints each problem of a spreadsheet with its row and column.
fn report_cells(name: &impl std::fmt::Display, problems: &[interchange::sheet::CellProblem]) {
    for problem in problems {
        eprintln!("{name}: {problem}");
    }
}

/// Brings the index up to date unless a running service holds it, in which
/// case that service indexes the changes itself.
pub(super) async fn update_index(catalogue: &Catalogue, paths: &Paths) -> anyhow::Result<()> {
    match catalogue.writer() {
        Ok(indexer) => {
            let mark = WriterMark::set(&paths.index_dir)?;
            let bar = super::progress::Progress::new("indexing", None);
            let counter = bar.clone();
            let done =
                app::catch_up_reporting(&catalogue.store, &indexer, &move |n| counter.set(n))
                    .await?;
            bar.finish();
            finish(indexer).await?;
            mark.clear();
            println!("search index updated ({} listing(s) indexed)", done.indexed);
        }
        Err(search::Error::Locked) => {
            println!(
                "a running service holds the search index; it will index the changes within a second"
            );
        }
        Err(err) => return Err(err.into()),
    }
    Ok(())
}

pub(super) async fn export(
    paths: &Paths,
    format: Format,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    let catalogue = Catalogue::open(paths).await?;
    let listings = catalogue.store.all_listings().await?;
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match format {
        Format::Json => interchange::json::write(&listings, &mut out)?,
        Format::Csv => interchange::csv::write(&listings, &mut out)?,
        Format::Xlsx => out.write_all(&interchange::xlsx::write(&listings)?)?,
    }
    out.flush()?;
    if let Some(path) = output {
        eprintln!(
            "exported {} listing(s) to {}",
            listings.len(),
            path.display()
        );
    }
    Ok(())
}

pub(super) async fn reindex(paths: &Paths) -> anyhow::Result<()> {
    let catalogue = Catalogue::open(paths).await?;
    let indexer = take_writer(&catalogue, paths, held_by_service("run reindex again"))?;
    let mark = WriterMark::set(&paths.index_dir)?;
    let total = catalogue.store.count_listings().await?;
    let bar = super::progress::Progress::new("indexing", u64::try_from(total).ok());
    let counter = bar.clone();
    let done = app::rebuild_reporting(&catalogue.store, &indexer, &move |n| counter.set(n)).await?;
    bar.finish();
    finish(indexer).await?;
    mark.clear();
    println!("rebuilt the search index: {} listing(s)", done.indexed);
    catalogue.store.close().await;
    Ok(())
}
