//! The catalogue as one thing: the store and the index opened together, the
//! built-in listings loaded into an empty catalogue, the task that keeps the
//! index following the store's change log ([`indexing`]), backups
//! ([`backup`]) and mail ([`mail`]).

pub mod backup;
pub mod bridges;
pub mod indexing;
pub mod mail;
pub mod serve;

use std::sync::Arc;

use anyhow::Context;
use tokio::sync::Mutex;

use crate::config::Paths;
use crate::domain::{Actor, Day, Listing, SharedVocabulary, Vocabulary};
use crate::interchange;
use crate::search::{self, SearchIndex, SharedIndexer};

use crate::store::Store;
pub use mail::{HOUSEKEEPING_INTERVAL, MAX_MAIL_ATTEMPTS, Mailer, keep_house, send_outbox};

pub use indexing::{
    Agreement, CatchUp, FOLLOW_INTERVAL, IndexState, IndexStatus, WriterMark, catch_up, compare,
    follow_changes, rebuild, recover, repair,
};

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
