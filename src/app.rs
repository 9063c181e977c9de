//! The catalogue as one thing: the store and the index opened together, the
//! built-in listings loaded into an empty catalogue, the task that keeps the
//! index following the store's change log ([`indexing`]), backups
//! ([`backup`]) and the mail outbox.

pub mod backup;
pub mod indexing;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::sync::{Mutex, watch};
use tokio::task::JoinHandle;

use crate::config::Paths;
use crate::domain::{Actor, Day, Listing, SharedVocabulary, Vocabulary};
use crate::interchange;
use crate::search::{self, SearchIndex, SharedIndexer};

use crate::store::Store;
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
        let vocabulary = SharedVocabulary::new(builtin.with_topics(store.topics().await?));
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
    ) -> crate::store::Result<()> {
        let topics = store.topics().await?;
        vocabulary.replace(Vocabulary::builtin().with_topics(topics));
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

/// How often the outbox is looked at, and expired sessions removed.
pub const HOUSEKEEPING_INTERVAL: Duration = Duration::from_secs(5);
/// Attempts to send a message before it is left for a person to look at.
pub const MAX_MAIL_ATTEMPTS: i64 = 5;

/// Sends the outbox through an SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for an SMTP URL such as `smtps://user:password@mail.example.org`
    /// or `smtp://localhost:25` (lettre's URL format), sending as `from`.
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(smtp_url)
            .context(
                "the SMTP URL is not valid (for example smtps://user:password@mail.example.org)",
            )?
            .build();
        let from = from
            .parse()
            .with_context(|| format!("the sender address \"{from}\" is not valid"))?;
        Ok(Mailer { transport, from })
    }

    async fn send(&self, mail: &crate::store::QueuedMail) -> anyhow::Result<()> {
        use lettre::AsyncTransport;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(mail
                .recipient
                .parse()
                .context("the recipient address is not valid")?)
            .subject(mail.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(mail.body.clone())?;
        self.transport.send(message).await?;
        Ok(())
    }
}

/// Housekeeping until `stop` turns true: sends waiting mail when a mailer
/// is configured, and deletes expired sessions.
pub fn keep_house(
    store: Store,
    mailer: Option<Mailer>,
    mut stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Some(mailer) = &mailer {
                send_outbox(&store, mailer).await;
            }
            if let Err(err) = store.delete_expired_sessions().await {
                tracing::warn!(error = %err, "could not delete expired sessions");
            }
            tokio::select! {
                _ = tokio::time::sleep(HOUSEKEEPING_INTERVAL) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// Sends every waiting message once; each is marked sent or failed.
pub async fn send_outbox(store: &Store, mailer: &Mailer) {
    let waiting = match store.unsent_mail(MAX_MAIL_ATTEMPTS, 50).await {
        Ok(waiting) => waiting,
        Err(err) => {
            tracing::warn!(error = %err, "could not read the outbox");
            return;
        }
    };
    for mail in waiting {
        let outcome = match mailer.send(&mail).await {
            Ok(()) => store.mark_mail_sent(mail.id).await,
            Err(err) => {
                tracing::warn!(mail = mail.id, error = %format!("{err:#}"), "could not send mail; will retry");
                store.mark_mail_failed(mail.id, &format!("{err:#}")).await
            }
        };
        if let Err(err) = outcome {
            tracing::warn!(mail = mail.id, error = %err, "could not record the outcome of sending");
        }
    }
}
