//! Consistent copies of the database, and checks of a database file.

use std::path::Path;
use std::str::FromStr;

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

use super::{Error, Missing, Result, Store};

/// What a check of a database file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    /// SQLite's own findings (`PRAGMA integrity_check`, then foreign keys);
    /// empty when the file is sound.
    pub problems: Vec<String>,
    /// The newest schema migration applied to the file.
    pub schema_version: Option<i64>,
    /// Listings in the file, in every state.
    pub listings: i64,
}

impl Store {
    /// Writes a consistent copy of the whole database to `dest` while others
    /// go on writing (`VACUUM INTO` reads one snapshot). Sessions are left
    /// out: they are secrets of the moment, not records. The copy is written
    /// beside `dest` and renamed into place once complete and synced, so
    /// `dest` is either absent or a whole backup.
    pub async fn back_up(&self, dest: &Path) -> Result<()> {
        let partial = dest.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let result = async {
            sqlx::query("VACUUM INTO ?1")
                .bind(partial.to_string_lossy().into_owned())
                .execute(&self.pool)
                .await?;
            let mut copy = connect(&partial, false).await?;
            sqlx::query("DELETE FROM sessions")
                .execute(&mut copy)
                .await?;
            sqlx::query("VACUUM").execute(&mut copy).await?;
            copy.close().await?;
            sync_file(&partial)?;
            std::fs::rename(&partial, dest).map_err(io)?;
            if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
                sync_file(dir)?;
            }
            Ok(())
        }
        .await;
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result
    }

    /// Checks this database's integrity.
    pub async fn check_integrity(&self) -> Result<Vec<String>> {
        let mut conn = self.pool.acquire().await?;
        problems(&mut conn).await
    }
}

/// Checks the database file at `path` without changing it: SQLite's
/// integrity and foreign keys, and the schema version it is at.
pub async fn check_file(path: &Path) -> Result<FileCheck> {
    if !path.is_file() {
        return Err(Error::NotFound(Missing::File(path.display().to_string())));
    }
    let mut conn = connect(path, true).await?;
    let problems = problems(&mut conn).await?;
    let has_migrations: bool = sqlx::query_scalar(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE name = '_sqlx_migrations'",
    )
    .fetch_one(&mut conn)
    .await?;
    let schema_version = if has_migrations {
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut conn)
            .await?
    } else {
        None
    };
    let listings = if schema_version.is_some() {
        sqlx::query_scalar("SELECT count(*) FROM listings")
            .fetch_one(&mut conn)
            .await?
    } else {
        0
    };
    conn.close().await?;
    Ok(FileCheck {
        problems,
        schema_version,
        listings,
    })
}

/// The newest schema version this build knows.
pub fn known_schema_version() -> i64 {
    sqlx::migrate!("src/store/migrations")
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0)
}

async fn problems(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let mut found: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await?;
    found.retain(|line| line != "ok");
    let keys: Vec<(String, Option<i64>, String)> =
        sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
            .fetch_all(&mut *conn)
            .await?;
    found.extend(keys.into_iter().map(|(table, rowid, parent)| {
        format!(
            "row {} of {table} refers to a missing row of {parent}",
            rowid.map_or_else(|| "?".to_owned(), |r| r.to_string())
        )
    }));
    Ok(found)
}

async fn connect(path: &Path, read_only: bool) -> Result<SqliteConnection> {
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(read_only);
    Ok(SqliteConnection::connect_with(&options).await?)
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(io)
}

fn io(err: std::io::Error) -> Error {
    Error::Database(sqlx::Error::Io(err))
}
