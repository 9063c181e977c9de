//! The system of record: listings, their revisions and audit trail,
//! organisations and people, sessions and the mail outbox in SQLite, and the
//! ordered log of public changes the search index follows.
//!
//! Only this module speaks SQL. It knows nothing of HTTP or of tantivy.

pub mod accounts;
mod changes;
pub mod enquiries;
mod listings;
pub mod outbox;
mod secrets;
pub mod sessions;
mod topics;
pub mod workflow;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

pub use accounts::{Account, LinkPurpose, LinkStatus, Organisation, OrganisationSummary};
pub use changes::Change;
pub use enquiries::{Enquiry, NewEnquiry};
pub use outbox::{Mail, QueuedMail};
pub use secrets::new_secret;
pub use workflow::{AuditEntry, ListingRecord, Revision};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database could not be opened, read or written.
    #[error("database error")]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("could not apply the database migrations")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored listing no longer reads as a listing.
    #[error("the stored listing {id} cannot be read")]
    Corrupt {
        /// The listing's id.
        id: String,
        /// Why it cannot be read.
        source: serde_json::Error,
    },
    /// Stored rows contradict each other; the text says which.
    #[error("{0}")]
    Inconsistent(String),
    /// Something named does not exist; the text says what.
    #[error("{0}")]
    NotFound(String),
    /// The write clashes with what is stored (a taken id or address).
    #[error("{0}")]
    Conflict(String),
    /// The lifecycle or the actor's rights do not allow the action.
    #[error(transparent)]
    Refused(#[from] crate::domain::lifecycle::Refusal),
}

/// Results of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A handle on the catalogue's database; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and brings its
    /// schema up to date.
    pub async fn open(path: &Path) -> Result<Store> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            // WAL lets the service read while the CLI writes.
            // https://www.sqlite.org/wal.html
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit that was acknowledged survives a power loss, not
            // only a crash of the process. https://www.sqlite.org/pragma.html#pragma_synchronous
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // A second process (the CLI beside the service) waits for the
            // write lock instead of failing at once.
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("src/store/migrations").run(&pool).await?;
        Ok(Store { pool })
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes the pool, waiting for connections to finish.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn decode(id: String, document: &str) -> Result<crate::domain::Listing> {
    serde_json::from_str(document).map_err(|source| Error::Corrupt { id, source })
}

/// Formats a time as stored: timestamps are stored as RFC 3339 UTC text with milliseconds, the form
/// SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` writes, so they sort as text.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// The current time as stored.
pub(crate) fn now_text() -> String {
    format_timestamp(OffsetDateTime::now_utc())
}

/// Reads a stored timestamp.
pub(crate) fn timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}
