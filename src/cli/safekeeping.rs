//! Keeping the record safe: backups, restoring one, and checking the
//! database and the index.

use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{finish, held_by_service, take_writer};
use crate::app::{self, Catalogue, WriterMark};
use crate::config::Paths;
use crate::search;

pub(super) async fn backup(paths: &Paths, file: &std::path::Path) -> anyhow::Result<()> {
    let database = paths.database();
    if !database.is_file() {
        bail!(
            "there is no database at {}; give the --data-dir the service uses",
            database.display()
        );
    }
    let store = crate::store::Store::open(&database)
        .await
        .with_context(|| format!("cannot open the database {}", database.display()))?;
    // The copy grows beside the backup's name until it is complete: its
    // size against the database's is the progress.
    let total = std::fs::metadata(&database).map(|m| m.len()).ok();
    let bar = super::progress::Progress::new("backing up (bytes)", total);
    let watcher = {
        let (bar, partial) = (bar.clone(), file.with_extension("partial"));
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                if let Ok(meta) = std::fs::metadata(&partial) {
                    bar.set(usize::try_from(meta.len()).unwrap_or(usize::MAX));
                }
            }
        })
    };
    let written = store.back_up(file).await;
    watcher.abort();
    match &written {
        Ok(()) => bar.finish(),
        Err(_) => bar.abandon(),
    }
    written.with_context(|| format!("cannot write the backup {}", file.display()))?;
    store.close().await;
    let check = app::backup::check_backup(file).await?;
    println!(
        "backed up the database to {} ({} listing(s))",
        file.display(),
        check.listings
    );
    Ok(())
}

pub(super) async fn restore(paths: &Paths, file: &std::path::Path) -> anyhow::Result<()> {
    let check = app::backup::check_backup(file).await?;
    // A running service holds the index's writer: holding it here proves
    // none runs, and keeps one from starting until the restore is done.
    std::fs::create_dir_all(&paths.index_dir)?;
    let index = search::SearchIndex::open(&paths.index_dir)?;
    let holder = index.writer().map_err(|err| match err {
        search::Error::Locked => anyhow::anyhow!(
            "a running `catalogue serve` uses this catalogue; stop it, then restore"
        ),
        other => other.into(),
    })?;
    let kept = app::backup::replace_database(paths, file)?;
    drop(holder);
    let catalogue = Catalogue::open(paths).await?;
    let indexer = take_writer(&catalogue, paths, held_by_service("run reindex"))?;
    let mark = WriterMark::set(&paths.index_dir)?;
    let done = app::rebuild(&catalogue.store, &indexer).await?;
    finish(indexer).await?;
    mark.clear();
    catalogue.store.close().await;
    println!(
        "restored {} ({} listing(s)); the search index holds {} published listing(s)",
        file.display(),
        check.listings,
        done.indexed
    );
    if let Some(kept) = kept {
        println!("the database it replaced is kept as {}", kept.display());
    }
    Ok(())
}

/// Exit code of `check` when something was repaired.
const REPAIRED: u8 = 3;

pub(super) async fn check(paths: &Paths, repair: bool) -> anyhow::Result<ExitCode> {
    let database = paths.database();
    if !database.is_file() {
        bail!(
            "there is no database at {}; give the --data-dir the service uses",
            database.display()
        );
    }
    let catalogue = Catalogue::open(paths).await?;
    let problems = catalogue.store.check_integrity().await?;
    let mut broken = false;
    if problems.is_empty() {
        println!("database: ok");
    } else {
        broken = true;
        println!("database: DAMAGED");
        for problem in &problems {
            println!("  {problem}");
        }
        println!("  restore the newest sound backup with `catalogue restore FILE`");
    }
    let index = catalogue.index.clone();
    let damage = tokio::task::spawn_blocking(move || index.validate()).await?;
    let indexer = if repair {
        Some(take_writer(
            &catalogue,
            paths,
            held_by_service(
                "run check --repair again (the service repairs by itself after a crash)",
            ),
        )?)
    } else {
        None
    };
    let mark = indexer
        .as_ref()
        .map(|_| WriterMark::set(&paths.index_dir))
        .transpose()?;
    let mut repaired = false;
    if let Err(damage) = damage {
        println!("index files: DAMAGED ({damage})");
        match &indexer {
            Some(indexer) => {
                let done = app::rebuild(&catalogue.store, indexer).await?;
                println!("  rebuilt the index: {} listing(s)", done.indexed);
                repaired = true;
            }
            None => {
                broken = true;
                println!(
                    "  run `catalogue check --repair` or `catalogue reindex` with the service stopped"
                );
            }
        }
    } else {
        println!("index files: ok");
    }
    if let Some(indexer) = &indexer {
        app::catch_up(&catalogue.store, indexer).await?;
    }
    let found = match &indexer {
        Some(indexer) => app::repair(&catalogue.store, indexer).await?,
        None => app::compare(&catalogue.store, &catalogue.index).await?,
    };
    println!(
        "index and database: {} published listing(s), {} document(s), {} missing, {} stale, {} extra, {} duplicated, {} change(s) pending",
        found.listings,
        found.documents,
        found.missing.len(),
        found.stale.len(),
        found.extra.len(),
        found.duplicated.len(),
        found.pending,
    );
    for (what, ids) in [
        ("missing", &found.missing),
        ("stale", &found.stale),
        ("extra", &found.extra),
        ("duplicated", &found.duplicated),
    ] {
        if !ids.is_empty() {
            println!("  {what}: {}", ids.join(", "));
        }
    }
    if !found.agrees() {
        if indexer.is_some() {
            println!("  repaired: those documents were rewritten from the database");
            repaired = true;
        } else {
            broken = true;
            println!("  run `catalogue check --repair` with the service stopped to rewrite them");
        }
    }
    if let Some(indexer) = indexer {
        finish(indexer).await?;
    }
    if let Some(mark) = mark {
        mark.clear();
    }
    catalogue.store.close().await;
    Ok(if broken {
        ExitCode::FAILURE
    } else if repaired {
        ExitCode::from(REPAIRED)
    } else {
        ExitCode::SUCCESS
    })
}
