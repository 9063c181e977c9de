//! Backups of the database: one on demand, one a day while serving (keeping
//! the newest few), and putting a backup back in place.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::Paths;
use crate::store::{self, Store};

/// How often `serve --backup-dir` takes a backup.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);
/// Names of scheduled backups start with this and sort by time.
const PREFIX: &str = "catalogue-";
const SUFFIX: &str = ".sqlite3";

/// Takes a backup into `dir`, named by the time, and removes all but the
/// newest `keep` of the backups there. Returns the new backup's path.
pub async fn back_up_into(store: &Store, dir: &Path, keep: usize) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the backup directory {}", dir.display()))?;
    let stamp = store::format_timestamp(time::OffsetDateTime::now_utc())
        .replace([':', '-'], "")
        .replace('.', "-");
    let path = dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
    store
        .back_up(&path)
        .await
        .with_context(|| format!("cannot write the backup {}", path.display()))?;
    let mut backups = scheduled_backups(dir)?;
    backups.sort();
    let surplus = backups.len().saturating_sub(keep.max(1));
    for old in &backups[..surplus] {
        if let Err(err) = std::fs::remove_file(old) {
            tracing::warn!(error = %err, path = %old.display(), "could not remove an old backup");
        }
    }
    Ok(path)
}

/// The scheduled backups in `dir`.
pub fn scheduled_backups(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the backup directory {}", dir.display()))?;
    Ok(entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(PREFIX) && name.ends_with(SUFFIX)
        })
        .map(|e| e.path())
        .collect())
}

/// Takes a backup at once and then every [`BACKUP_INTERVAL`] until `stop`
/// turns true. A failed backup is logged and tried again in an hour.
pub fn keep_backups(
    store: Store,
    dir: PathBuf,
    keep: usize,
    mut stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let pause = match back_up_into(&store, &dir, keep).await {
                Ok(path) => {
                    tracing::info!(path = %path.display(), "backed up the database");
                    BACKUP_INTERVAL
                }
                Err(err) => {
                    tracing::error!(error = %format!("{err:#}"), "the scheduled backup failed; trying again in an hour");
                    Duration::from_secs(60 * 60)
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// Checks that `backup` is a sound database of a schema this build can
/// open. Returns what the check found.
pub async fn check_backup(backup: &Path) -> anyhow::Result<store::backup::FileCheck> {
    let check = store::backup::check_file(backup)
        .await
        .with_context(|| format!("{} cannot be read as a database", backup.display()))?;
    if !check.problems.is_empty() {
        bail!(
            "{} is damaged ({}); choose another backup",
            backup.display(),
            check.problems.join("; ")
        );
    }
    let Some(version) = check.schema_version else {
        bail!("{} is not a backup of the catalogue", backup.display());
    };
    if version > store::backup::known_schema_version() {
        bail!(
            "{} was written by a newer version of the catalogue (schema {version}); restore it with that version",
            backup.display()
        );
    }
    Ok(check)
}

/// Puts `backup` in place of the database at `paths`. The database in place
/// is kept beside it (`….before-restore-<time>`). The caller makes sure no
/// service is running and rebuilds the index afterwards.
pub fn replace_database(paths: &Paths, backup: &Path) -> anyhow::Result<Option<PathBuf>> {
    let database = paths.database();
    std::fs::create_dir_all(&paths.data_dir).with_context(|| {
        format!(
            "cannot create the data directory {}",
            paths.data_dir.display()
        )
    })?;
    let incoming = database.with_extension("restoring");
    std::fs::copy(backup, &incoming)
        .with_context(|| format!("cannot copy {} to {}", backup.display(), incoming.display()))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("cannot sync {}", incoming.display()))?;
    let mut kept = None;
    if database.exists() {
        let stamp = store::format_timestamp(time::OffsetDateTime::now_utc()).replace(':', "");
        let aside = database.with_extension(format!("sqlite3.before-restore-{stamp}"));
        // The write-ahead log belongs to the database it was written for:
        // it moves with it, or SQLite would replay it into the backup.
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", database.display()));
            if from.exists() {
                let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&from, &to)
                    .with_context(|| format!("cannot move {} aside", from.display()))?;
            }
        }
        kept = Some(aside);
    }
    std::fs::rename(&incoming, &database)
        .with_context(|| format!("cannot put the backup in place of {}", database.display()))?;
    std::fs::File::open(&paths.data_dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot sync {}", paths.data_dir.display()))?;
    Ok(kept)
}
