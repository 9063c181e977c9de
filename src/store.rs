//! The system of record: listings, their revisions and audit trail,
//! organisations and people, sessions and the mail outbox in SQLite, and the
//! ordered log of public changes the search index follows.
//!
//! Only this module speaks SQL. It knows nothing of HTTP or of tantivy.
//!
//! Every write that spans more than one statement goes through [`Store::write`]:
//! `BEGIN IMMEDIATE` on a connection of its own, one writer of this process
//! at a time, and a connection whose transaction did not end cleanly is
//! closed rather than handed back to the pool (see [`InTransaction`]). After each
//! commit that changed what the public sees, the store announces the change's
//! sequence number ([`Store::announcements`]) so the index can follow.

pub mod accounts;
mod activity;
pub mod backup;
mod changes;
pub mod coverage;
pub mod enquiries;
mod figures;
pub mod harvest;
mod listings;
pub mod notices;
pub mod outbox;
pub mod search_log;
mod secrets;
pub mod sessions;
mod topics;
pub mod uploads;
pub mod workflow;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqliteConnection, SqlitePool};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tokio::sync::{Mutex, OwnedMutexGuard, watch};

pub use accounts::{Account, LinkPurpose, LinkStatus, Organisation, OrganisationSummary};
pub use activity::Activity;
pub use changes::{Change, PendingChanges, PublishedSnapshot};
pub use coverage::{CoverageBy, CoverageCache, CoverageCell, CoverageFigures, StaleListing};
pub use enquiries::{Enquiry, NewEnquiry};
pub use figures::OperatingFigures;
pub use harvest::{Harvested, SitemapEntry};
pub use listings::IMPORT_CHUNK;
pub use notices::{DueListing, MailSettings, Notice, QueuedReminder, Recipient, ReminderStage};
pub use outbox::{Mail, QueuedMail};
pub use search_log::{LoggedSearch, QueryCount, SearchCount};
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
    /// Something named does not exist.
    #[error("{0}")]
    NotFound(Missing),
    /// The write clashes with what is stored (a taken id or address).
    #[error("{0}")]
    Conflict(Clash),
    /// The lifecycle or the actor's rights do not allow the action.
    #[error(transparent)]
    Refused(#[from] crate::domain::lifecycle::Refusal),
}

/// Something named that does not exist. Typed, so that each page words it
/// in its reader's language; `Display` is the English of the API and the
/// command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No organisation has this id.
    Organisation(String),
    /// No listing has this id.
    Listing(String),
    /// No account has this number.
    Account(i64),
    /// No topic has this slug.
    Topic(String),
    /// No file is at this path.
    File(String),
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Organisation(id) => write!(
                f,
                "there is no organisation \"{id}\"; the Secretariat adds organisations"
            ),
            Missing::Listing(id) => write!(f, "no listing has the id \"{id}\"; check the address"),
            Missing::Account(id) => write!(f, "there is no account number {id}"),
            Missing::Topic(slug) => write!(f, "there is no topic \"{slug}\""),
            Missing::File(path) => write!(f, "{path} is not a file; give the path of a backup"),
        }
    }
}

/// A write that clashes with what is stored. Typed as [`Missing`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// An organisation has this id already.
    OrganisationId(String),
    /// Someone has an account with this address already.
    Email(String),
    /// A topic has this slug already.
    TopicSlug(String),
    /// A contributor was given no organisation.
    ContributorWithoutOrganisation,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Clash::OrganisationId(id) => write!(
                f,
                "an organisation with the id \"{id}\" already exists; choose another id"
            ),
            Clash::Email(email) => write!(
                f,
                "{email} already has an account; send that person a password reset link instead"
            ),
            Clash::TopicSlug(slug) => {
                write!(
                    f,
                    "the topic \"{slug}\" exists already; choose another slug"
                )
            }
            Clash::ContributorWithoutOrganisation => {
                f.write_str("a contributor belongs to an organisation; give one")
            }
        }
    }
}

impl Clash {
    /// The outcome of an `INSERT … ON CONFLICT DO NOTHING`: nothing
    /// inserted means the row clashed with one stored, as `self` says.
    fn unless_inserted(self, inserted: sqlx::sqlite::SqliteQueryResult) -> Result<()> {
        if inserted.rows_affected() == 0 {
            Err(Error::Conflict(self))
        } else {
            Ok(())
        }
    }
}

/// Results of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether the database refused the write because its disk is full
    /// (SQLite's `SQLITE_FULL`), which passes once space is freed.
    pub fn is_disk_full(&self) -> bool {
        self.sqlite_code().is_some_and(|code| code & 0xff == 13)
    }

    /// Whether another writer held the database for longer than the busy
    /// timeout (`SQLITE_BUSY`, `SQLITE_LOCKED`), which passes on a retry.
    pub fn is_busy(&self) -> bool {
        self.sqlite_code()
            .is_some_and(|code| matches!(code & 0xff, 5 | 6))
    }

    fn sqlite_code(&self) -> Option<i64> {
        let Error::Database(sqlx::Error::Database(err)) = self else {
            return None;
        };
        err.code()?.parse().ok()
    }
}

/// How long a write waits for another process (the CLI beside the service)
/// to release the database before it fails.
/// <https://www.sqlite.org/c3ref/busy_timeout.html>
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A handle on the catalogue's database; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    /// One write transaction of this process at a time: they queue here in
    /// order instead of spinning in SQLite's busy handler.
    write_turn: Arc<Mutex<()>>,
    /// The sequence number of the newest public change this process committed.
    announce: Arc<watch::Sender<i64>>,
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
            // write lock instead of failing at once. Write transactions
            // begin IMMEDIATE, so this wait is honoured: a deferred one that
            // read first would fail at once with SQLITE_BUSY_SNAPSHOT.
            .busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("src/store/migrations").run(&pool).await?;
        let latest = changes::latest_seq(&pool).await?;
        Ok(Store {
            pool,
            write_turn: Arc::new(Mutex::new(())),
            announce: Arc::new(watch::channel(latest).0),
        })
    }

    /// Starts a write transaction: waits for this process's other writers,
    /// then for other processes (up to [`BUSY_TIMEOUT`]), and holds the
    /// database's write lock from the first statement on.
    pub(crate) async fn write(&self) -> Result<WriteTx> {
        let turn = self.write_turn.clone().lock_owned().await;
        let conn = self.pool.acquire().await?;
        Ok(WriteTx {
            conn: InTransaction::begin(conn, "BEGIN IMMEDIATE").await?,
            public_change: None,
            announce: self.announce.clone(),
            _turn: turn,
        })
    }

    /// Starts a read transaction: every statement in it sees the database
    /// as it was at its first read, whatever commits in between.
    pub(crate) async fn read(&self) -> Result<ReadTx> {
        InTransaction::begin(self.pool.acquire().await?, "BEGIN").await
    }

    /// Announces the sequence number of each public change this process
    /// commits, from the moment it is committed (the index follows it).
    pub fn announcements(&self) -> watch::Receiver<i64> {
        self.announce.subscribe()
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Whether the database takes writes now: takes the write lock as a
    /// write does and lets it go, changing nothing.
    pub async fn check_writable(&self) -> Result<()> {
        // Behind this process's own writers, as any write; but another
        // process's lock is waited for only briefly: a readiness probe must
        // answer well within a load balancer's (and the site's) timeout.
        let _turn = self.write_turn.clone().lock_owned().await;
        let mut conn = self.pool.acquire().await?;
        sqlx::query("PRAGMA busy_timeout = 2000")
            .execute(&mut *conn)
            .await?;
        let began = sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await;
        if began.is_ok() {
            sqlx::query("ROLLBACK").execute(&mut *conn).await?;
        }
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "PRAGMA busy_timeout = {}",
            BUSY_TIMEOUT.as_millis()
        )))
        .execute(&mut *conn)
        .await?;
        began.map(|_| ()).map_err(Into::into)
    }

    /// Moves the write-ahead log into the database and empties it, then
    /// closes the pool, waiting for connections to finish. After an import
    /// the log holds as much again as the listings written; left as it is,
    /// the data directory would stay twice its size until the next
    /// checkpoint.
    pub async fn close(&self) {
        if let Err(err) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
        {
            tracing::debug!(error = %err, "could not checkpoint the write-ahead log on closing");
        }
        self.pool.close().await;
    }
}

/// A pooled connection inside a transaction of ours. Dropped before
/// [`InTransaction::end`] went through (an error, a refusal, a cancelled
/// request, a failed COMMIT), it is closed, which rolls the transaction back:
/// back in the pool, it would run later statements inside the dead
/// transaction, or keep serving an old snapshot.
pub(crate) struct InTransaction {
    conn: PoolConnection<Sqlite>,
    open: bool,
}

impl InTransaction {
    async fn begin(mut conn: PoolConnection<Sqlite>, statement: &'static str) -> Result<Self> {
        if let Err(err) = sqlx::query(statement).execute(&mut *conn).await {
            conn.close_on_drop();
            return Err(err.into());
        }
        Ok(InTransaction { conn, open: true })
    }

    async fn end(&mut self, statement: &'static str) -> Result<()> {
        sqlx::query(statement).execute(&mut *self.conn).await?;
        self.open = false;
        Ok(())
    }
}

impl Drop for InTransaction {
    fn drop(&mut self) {
        if self.open {
            self.conn.close_on_drop();
        }
    }
}

impl Deref for InTransaction {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.conn
    }
}

impl DerefMut for InTransaction {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.conn
    }
}

/// A write transaction, begun IMMEDIATE, holding this process's write turn.
pub(crate) struct WriteTx {
    conn: InTransaction,
    public_change: Option<i64>,
    announce: Arc<watch::Sender<i64>>,
    _turn: OwnedMutexGuard<()>,
}

impl WriteTx {
    /// Notes that this transaction changed the public version of a listing,
    /// as change `seq`; announced once committed.
    pub(crate) fn note_public_change(&mut self, seq: i64) {
        self.public_change = Some(seq);
    }

    /// Commits. Only an `Ok` here means the write is stored. When COMMIT
    /// fails (a full disk, an I/O error) SQLite may or may not have rolled
    /// back, so the connection is closed rather than reused (issue 11).
    pub(crate) async fn commit(mut self) -> Result<()> {
        self.conn.end("COMMIT").await?;
        if let Some(seq) = self.public_change {
            self.announce.send_if_modified(|latest| {
                let newer = seq > *latest;
                *latest = (*latest).max(seq);
                newer
            });
        }
        Ok(())
    }
}

impl Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.conn
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.conn
    }
}

/// A read transaction: one snapshot for all its statements.
pub(crate) type ReadTx = InTransaction;

impl ReadTx {
    /// Ends the snapshot and returns the connection to the pool.
    pub(crate) async fn finish(mut self) -> Result<()> {
        self.end("ROLLBACK").await
    }
}

/// `value` as JSON text, as statements take a list (`json_each(?1)`).
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("strings and numbers always serialise")
}

fn decode(id: String, document: &str) -> Result<crate::domain::Listing> {
    serde_json::from_str(document).map_err(|source| Error::Corrupt { id, source })
}

/// Reads rows of `(id, document)` as listings.
fn decode_all(rows: Vec<(String, String)>) -> Result<Vec<crate::domain::Listing>> {
    rows.into_iter()
        .map(|(id, document)| decode(id, &document))
        .collect()
}

/// How timestamps are stored: RFC 3339 UTC text with milliseconds, the form
/// SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` writes, so they sort as text.
const STORED_TIMESTAMP: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
);

/// Formats a time as stored.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(STORED_TIMESTAMP)
        .expect("a four-digit year formats")
}

/// Serializes a time as stored, for serde's `serialize_with`.
pub(crate) fn serialize_timestamp<S: serde::Serializer>(
    at: &OffsetDateTime,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_timestamp(*at))
}

/// The current time as stored.
pub(crate) fn now_text() -> String {
    format_timestamp(OffsetDateTime::now_utc())
}

/// Reads a stored timestamp.
pub(crate) fn timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}
