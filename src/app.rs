//! The catalogue as one thing: the store and the index opened together, the
//! built-in listings loaded into an empty catalogue, the task that keeps the
//! index following the store's change log ([`indexing`]), backups
//! ([`backup`]) and mail ([`mail`]).

pub mod backup;
pub mod bridges;
pub mod confirm_link;
pub mod indexing;
pub mod mail;
pub mod notices;
pub mod search_log;
pub mod serve;

use std::sync::Arc;

use anyhow::Context;
use tokio::sync::Mutex;

use crate::config::Paths;
use crate::domain::{Actor, Day, Listing, SharedVocabulary, Vocabulary};
use crate::interchange::{self, sheet};
use crate::search::{self, SearchIndex, SharedIndexer};

use crate::store::Store;
pub use mail::{HOUSEKEEPING_INTERVAL, MAX_MAIL_ATTEMPTS, Mailer, keep_house, send_outbox};

pub use indexing::{
    Agreement, CatchUp, FOLLOW_INTERVAL, IndexState, IndexStatus, WriterMark, catch_up,
    catch_up_reporting, compare, follow_changes, rebuild, rebuild_reporting, recover, repair,
};

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Read(std::io::Error),
    /// The file is not valid; every problem is listed.
    #[error(transparent)]
    Invalid(interchange::Error),
    /// Storing failed; the transaction was rolled back.
    #[error("storing failed: {0:#}")]
    Write(anyhow::Error),
}

/// The spreadsheet format a file's name says, if any; other files are
/// interchange JSON.
fn sheet_format(path: &std::path::Path) -> Option<sheet::Format> {
    sheet::Format::of_name(&path.file_name()?.to_string_lossy())
}

/// How many listings of a file are compared with the catalogue for
/// possible duplicates: a bulk load of more is an operator's migration.
pub const DUPLICATES_LOOKED_AT: usize = 10_000;

/// The realistic catalogue a new installation starts with (`fixtures/`).
pub const FIXTURE_LISTINGS: &str = include_str!("../fixtures/listings.jsonl");

/// The store and the index, opened together, with the vocabulary in force.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// The system of record.
    pub store: Store,
    /// The search index derived from it.
    pub index: SearchIndex,
    /// The vocabulary, with this installation's topics.
    pub vocabulary: SharedVocabulary,
}

impl Catalogue {
    /// Opens the database and the index at `paths`, creating them if needed.
    pub async fn open(paths: &Paths) -> anyhow::Result<Catalogue> {
        std::fs::create_dir_all(&paths.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                paths.data_dir.display()
            )
        })?;
        let database = paths.database();
        let store = Store::open(&database)
            .await
            .with_context(|| format!("cannot open the database {}", database.display()))?;
        let index = SearchIndex::open(&paths.index_dir).with_context(|| {
            format!(
                "cannot open the search index in {}",
                paths.index_dir.display()
            )
        })?;
        let builtin = Vocabulary::builtin();
        store.seed_topics(builtin.topics()).await?;
        store
            .seed_topic_names(&bridges::builtin_topic_names())
            .await?;
        let vocabulary = SharedVocabulary::new(builtin.with_topics(store.topics().await?));
        index.use_vocabulary(bridges::vocabulary_names(&vocabulary.current()));
        Ok(Catalogue {
            store,
            index,
            vocabulary,
        })
    }

    /// Reads the topics again after the Secretariat changed them.
    pub async fn reload_vocabulary(
        store: &Store,
        vocabulary: &SharedVocabulary,
        index: &SearchIndex,
    ) -> crate::store::Result<()> {
        let topics = store.topics().await?;
        vocabulary.replace(Vocabulary::builtin().with_topics(topics));
        index.use_vocabulary(bridges::vocabulary_names(&vocabulary.current()));
        Ok(())
    }

    /// Publishes listings as an operator's import, giving those without an
    /// `updated` date today's.
    /// Returns the last change's sequence number.
    pub async fn save(&self, mut listings: Vec<Listing>) -> crate::store::Result<Option<i64>> {
        let today = Day::today();
        for listing in &mut listings {
            listing.updated.get_or_insert(today);
        }
        self.store
            .publish_listings(&Actor::operator(), &listings)
            .await
    }

    /// Checks every record of the file at `path` as an import would,
    /// writing nothing: how many listings it holds, or every problem.
    pub async fn check_file(&self, path: &std::path::Path) -> Result<usize, ImportError> {
        if let Some(format) = sheet_format(path) {
            return self.read_sheet(path, format).await.map(|l| l.len());
        }
        let vocabulary = self.vocabulary.current();
        let path = path.to_owned();
        tokio::task::spawn_blocking(move || {
            let file = std::fs::File::open(&path).map_err(ImportError::Read)?;
            let reader = std::io::BufReader::with_capacity(1 << 20, file);
            interchange::json::each_listing(reader, &vocabulary, |_| true)
                .map_err(ImportError::Invalid)
        })
        .await
        .map_err(|e| ImportError::Write(anyhow::anyhow!(e)))?
    }

    /// Imports an interchange file as an operator: checks every record
    /// first and writes nothing if any is invalid; then reads the file again
    /// and publishes it in chunks, all in one transaction, so memory stays
    /// at a few chunks whatever the file's size. `progress` hears how many
    /// listings are stored so far. Returns how many were imported.
    pub async fn import_file(
        &self,
        path: &std::path::Path,
        progress: impl Fn(usize) + Send + 'static,
    ) -> Result<usize, ImportError> {
        let open = |path: &std::path::Path| -> Result<_, ImportError> {
            let file = std::fs::File::open(path).map_err(ImportError::Read)?;
            Ok(std::io::BufReader::with_capacity(1 << 20, file))
        };
        if let Some(format) = sheet_format(path) {
            let listings = self.read_sheet(path, format).await?;
            let count = listings.len();
            self.save(listings)
                .await
                .map_err(|e| ImportError::Write(e.into()))?;
            progress(count);
            return Ok(count);
        }
        let vocabulary = self.vocabulary.current();
        let count = self.check_file(path).await?;
        let (chunks, received) = tokio::sync::mpsc::channel(4);
        let reading = {
            let path = path.to_owned();
            tokio::task::spawn_blocking(move || -> Result<(), ImportError> {
                let today = Day::today();
                let mut chunk = Vec::with_capacity(crate::store::IMPORT_CHUNK);
                let mut sent = 0;
                let read =
                    interchange::json::each_listing(open(&path)?, &vocabulary, |mut listing| {
                        listing.updated.get_or_insert(today);
                        chunk.push(listing);
                        if chunk.len() < crate::store::IMPORT_CHUNK {
                            return true;
                        }
                        sent += chunk.len();
                        progress(sent);
                        chunks.blocking_send(Ok(std::mem::take(&mut chunk))).is_ok()
                    });
                match read {
                    Ok(_) => {
                        sent += chunk.len();
                        let _ = chunks.blocking_send(Ok(chunk));
                        progress(sent);
                        Ok(())
                    }
                    // The file changed since it was checked: the writer
                    // hears of it and rolls back.
                    Err(err) => {
                        let _ = chunks.blocking_send(Err(()));
                        Err(ImportError::Invalid(err))
                    }
                }
            })
        };
        let stored = self
            .store
            .publish_chunks(&Actor::operator(), received)
            .await;
        reading
            .await
            .map_err(|e| ImportError::Write(anyhow::anyhow!(e)))??;
        stored.map_err(|e| ImportError::Write(e.into()))?;
        Ok(count)
    }

    /// Reads and checks a spreadsheet (at most [`sheet::MAX_ROWS`] rows, so
    /// read whole) as an operator's file: every row names its organisation.
    async fn read_sheet(
        &self,
        path: &std::path::Path,
        format: sheet::Format,
    ) -> Result<Vec<Listing>, ImportError> {
        let bytes = tokio::fs::read(path).await.map_err(ImportError::Read)?;
        let vocabulary = self.vocabulary.current();
        tokio::task::spawn_blocking(move || {
            let read = sheet::read(&bytes, format)
                .map_err(|e| ImportError::Invalid(interchange::Error::Unreadable(e)))?;
            sheet::check(&read, &vocabulary, sheet::Owners::Named)
                .into_listings()
                .map_err(|problems| ImportError::Invalid(interchange::Error::Sheet(problems)))
        })
        .await
        .map_err(|e| ImportError::Write(anyhow::anyhow!(e)))?
    }

    /// Listings of the file at `path` (valid, checked already) that look
    /// like listings published in the catalogue: each listing's id with
    /// what it looks like. Looks at the first [`DUPLICATES_LOOKED_AT`]
    /// listings of a file; returns whether it looked at them all.
    pub async fn possible_duplicates_in(
        &self,
        path: &std::path::Path,
    ) -> Result<(Vec<(String, search::Duplicate)>, bool), ImportError> {
        let listings = match sheet_format(path) {
            Some(format) => self.read_sheet(path, format).await?,
            None => {
                let file = std::fs::File::open(path).map_err(ImportError::Read)?;
                let reader = std::io::BufReader::with_capacity(1 << 20, file);
                let mut listings = Vec::new();
                let _ = interchange::json::each_listing(
                    reader,
                    &self.vocabulary.current(),
                    |listing| {
                        listings.push(listing);
                        listings.len() <= DUPLICATES_LOOKED_AT
                    },
                );
                listings
            }
        };
        let whole = listings.len() <= DUPLICATES_LOOKED_AT;
        let index = self.index.clone();
        tokio::task::spawn_blocking(move || {
            let mut found = Vec::new();
            for listing in listings.iter().take(DUPLICATES_LOOKED_AT) {
                let duplicates = index
                    .possible_duplicates(listing)
                    .map_err(|e| ImportError::Write(e.into()))?;
                found.extend(duplicates.into_iter().map(|d| (listing.id.to_string(), d)));
            }
            Ok((found, whole))
        })
        .await
        .map_err(|e| ImportError::Write(anyhow::anyhow!(e)))?
    }

    /// Loads the built-in listings when the catalogue has none. Returns how
    /// many were loaded.
    pub async fn seed_if_empty(&self) -> anyhow::Result<usize> {
        if self.store.count_listings().await? > 0 {
            return Ok(0);
        }
        let listings = interchange::json::read(FIXTURE_LISTINGS, Vocabulary::builtin())
            .context("the built-in listings in fixtures/listings.jsonl are invalid")?;
        let count = listings.len();
        self.save(listings).await?;
        Ok(count)
    }

    /// Takes the index's writer, shared so that the follower and others can use it.
    pub fn writer(&self) -> search::Result<SharedIndexer> {
        let mut indexer = self.index.writer()?;
        indexer.use_vocabulary(self.vocabulary.clone());
        Ok(Arc::new(Mutex::new(indexer)))
    }
}
