//! Keeping the search index in step with the store, which alone is the
//! record: catching up with the change log, rebuilding, comparing the two and
//! repairing what disagrees. The store announces each public change it
//! commits; the follower applies it, and also looks every
//! [`FOLLOW_INTERVAL`] for changes another process (the CLI) committed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedMutexGuard, watch};
use tokio::task::JoinHandle;

use crate::domain::Listing;
use crate::search::{self, Indexer, SearchIndex, SharedIndexer};
use crate::store::{self, Store};

/// How often the index looks for changes written by another process (the
/// CLI). Writes become searchable within about this long plus a commit.
pub const FOLLOW_INTERVAL: Duration = Duration::from_millis(250);
/// Changes read from the log per batch.
const BATCH: i64 = 1_000;
/// Listings read per page by a rebuild: a few megabytes, so a rebuild of any
/// size needs little memory.
const REBUILD_PAGE: i64 = 2_000;

/// What can go wrong while following the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store could not be read.
    #[error("cannot read the changes from the database")]
    Store(#[from] store::Error),
    /// The index could not be written or read.
    #[error(transparent)]
    Search(#[from] search::Error),
    /// A blocking indexing task panicked or was cancelled.
    #[error("the indexing task stopped unexpectedly")]
    Task(#[from] tokio::task::JoinError),
}

/// Results of following the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Progress of the index's work at start-up, as a log line every few
/// seconds: a rebuild of a large catalogue takes a while, and the operator
/// watching the log should see it move.
fn logged_progress() -> impl Fn(usize) + Sync {
    let last = std::sync::Mutex::new(Instant::now());
    move |indexed| {
        let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
        if last.elapsed() >= Duration::from_secs(5) {
            *last = Instant::now();
            tracing::info!(indexed, "indexing listings");
        }
    }
}

/// What a call to [`catch_up`] or [`rebuild`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatchUp {
    /// Listings written to the index.
    pub indexed: usize,
    /// The last change now applied.
    pub seq: i64,
    /// Whether the index was rebuilt from scratch.
    pub rebuilt: bool,
}

/// Where the index stands, for the site and `/healthz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndexState {
    /// Following the store; searches answer from it.
    Ready,
    /// Applying changes made while the service was stopped; searches answer
    /// from the index as it was, which may lag by those changes.
    CatchingUp,
    /// Being rebuilt from the database; searches are refused until it is done.
    Rebuilding,
}

/// The index's state, shared between the follower and the site.
#[derive(Debug, Clone)]
pub struct IndexStatus(Arc<AtomicU8>);

impl Default for IndexStatus {
    fn default() -> Self {
        IndexStatus::new(IndexState::Ready)
    }
}

impl IndexStatus {
    /// A status starting in `state`.
    pub fn new(state: IndexState) -> Self {
        let status = IndexStatus(Arc::new(AtomicU8::new(0)));
        status.set(state);
        status
    }

    /// The state now.
    pub fn get(&self) -> IndexState {
        match self.0.load(Ordering::Acquire) {
            1 => IndexState::CatchingUp,
            2 => IndexState::Rebuilding,
            _ => IndexState::Ready,
        }
    }

    /// Moves to `state`.
    pub fn set(&self, state: IndexState) {
        let code = match state {
            IndexState::Ready => 0,
            IndexState::CatchingUp => 1,
            IndexState::Rebuilding => 2,
        };
        self.0.store(code, Ordering::Release);
    }
}

/// Drops whatever the writer holds uncommitted, so the next attempt starts
/// from the last commit.
fn abandon(writer: &mut Indexer) {
    if let Err(rollback) = writer.discard_uncommitted() {
        tracing::warn!(error = %rollback, "could not drop the index's uncommitted changes");
    }
}

/// Runs `work` on the writer on a blocking thread: commits sync files to disk
/// and must not stall the async runtime. When `work` fails, whatever it left
/// uncommitted is dropped, so the next attempt starts from the last commit.
async fn on_blocking_thread<T: Send + 'static>(
    mut guard: OwnedMutexGuard<Indexer>,
    work: impl FnOnce(&mut Indexer) -> search::Result<T> + Send + 'static,
) -> Result<(OwnedMutexGuard<Indexer>, T)> {
    tokio::task::spawn_blocking(move || match work(&mut guard) {
        Ok(value) => Ok((guard, value)),
        Err(err) => {
            abandon(&mut guard);
            Err(err.into())
        }
    })
    .await?
}

/// Brings the index up to date with the store: a full rebuild when the index
/// has never been committed to, else the changes recorded since its last
/// commit, in order.
pub async fn catch_up(store: &Store, indexer: &SharedIndexer) -> Result<CatchUp> {
    catch_up_reporting(store, indexer, &|_| {}).await
}

/// [`catch_up`], telling `progress` how many listings are indexed so far.
pub async fn catch_up_reporting(
    store: &Store,
    indexer: &SharedIndexer,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<CatchUp> {
    let mut guard = indexer.clone().lock_owned().await;
    let Some(mut seq) = guard.index().applied_seq()? else {
        return rebuild_locked(store, guard, progress).await;
    };
    let mut indexed = 0;
    loop {
        // The changes and the listings they name come from one snapshot, so
        // a listing is never older than the change that names it.
        let batch = store.pending_changes(seq, BATCH).await?;
        let Some(last) = batch.changes.last().map(|c| c.seq) else {
            break;
        };
        let changed: BTreeSet<String> = batch.changes.into_iter().map(|c| c.listing_id).collect();
        let current = batch.listings;
        indexed += current.len();
        (guard, ()) = on_blocking_thread(guard, move |w| w.apply(&changed, &current, last)).await?;
        seq = last;
        progress(indexed);
    }
    // A reload that failed after an earlier commit would leave searches on
    // the previous commit while the position says all is applied.
    guard.catch_up_reader()?;
    Ok(CatchUp {
        indexed,
        seq,
        rebuilt: false,
    })
}

/// Empties the index and indexes every published listing again.
pub async fn rebuild(store: &Store, indexer: &SharedIndexer) -> Result<CatchUp> {
    rebuild_reporting(store, indexer, &|_| {}).await
}

/// [`rebuild`], telling `progress` how many listings are indexed so far.
pub async fn rebuild_reporting(
    store: &Store,
    indexer: &SharedIndexer,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<CatchUp> {
    rebuild_locked(store, indexer.clone().lock_owned().await, progress).await
}

async fn rebuild_locked(
    store: &Store,
    guard: OwnedMutexGuard<Indexer>,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<CatchUp> {
    // The position is read first: a listing changed while the pages are
    // read is changed again by the catch-up that follows from it.
    let seq = store.latest_seq().await?;
    let (mut guard, ()) = on_blocking_thread(guard, |w| w.start_rebuild()).await?;
    let mut indexed = 0;
    let mut after: Option<String> = None;
    loop {
        let page = match store.published_page(after.as_deref(), REBUILD_PAGE).await {
            Ok(page) => page,
            Err(err) => {
                // Searches keep the index as it was.
                abandon(&mut guard);
                return Err(err.into());
            }
        };
        let Some(last) = page.last() else {
            break;
        };
        after = Some(last.id.to_string());
        indexed += page.len();
        (guard, ()) = on_blocking_thread(guard, move |w| w.add(&page)).await?;
        progress(indexed);
    }
    on_blocking_thread(guard, move |w| w.finish_rebuild(seq)).await?;
    Ok(CatchUp {
        indexed,
        seq,
        rebuilt: true,
    })
}

/// How the index compares with the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Agreement {
    /// Published listings in the store.
    pub listings: usize,
    /// Documents in the index.
    pub documents: usize,
    /// Published listings the index lacks.
    pub missing: Vec<String>,
    /// Listings the index holds in another version than the store.
    pub stale: Vec<String>,
    /// Documents of listings that are not published.
    pub extra: Vec<String>,
    /// Listings with more than one document.
    pub duplicated: Vec<String>,
    /// Listings changed after the index's position, left out of the
    /// comparison: the follower is about to apply them.
    pub pending: usize,
}

impl Agreement {
    /// Whether every published listing is in the index once, in the version
    /// the store holds, and nothing else is.
    pub fn agrees(&self) -> bool {
        self.missing.is_empty()
            && self.stale.is_empty()
            && self.extra.is_empty()
            && self.duplicated.is_empty()
    }

    fn disagreeing(&self) -> BTreeSet<String> {
        [&self.missing, &self.stale, &self.extra, &self.duplicated]
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    }
}

/// Compares the index with the store: every published listing present once,
/// with the version the store holds; nothing else. Listings changed after
/// the index's position are left out (they are pending, not wrong).
pub async fn compare(store: &Store, index: &SearchIndex) -> Result<Agreement> {
    index.reload()?;
    let applied = index.applied_seq()?.unwrap_or(0);
    let snapshot = store.published_snapshot(applied).await?;
    let reader = index.clone();
    let documents = tokio::task::spawn_blocking(move || reader.stored_listings()).await??;
    Ok(agreement(snapshot, documents))
}

fn agreement(snapshot: store::PublishedSnapshot, documents: Vec<(String, String)>) -> Agreement {
    let pending = &snapshot.changed_after;
    let mut result = Agreement {
        listings: snapshot.listings.len(),
        documents: documents.len(),
        pending: pending.len(),
        ..Agreement::default()
    };
    let mut indexed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, json) in documents {
        indexed.entry(id).or_default().push(json);
    }
    for listing in &snapshot.listings {
        let id = listing.id.to_string();
        if pending.contains(&id) {
            indexed.remove(&id);
            continue;
        }
        match indexed.remove(&id) {
            None => result.missing.push(id),
            Some(versions) if versions.len() > 1 => result.duplicated.push(id),
            Some(versions) => {
                // The index stores each listing exactly as it serialises.
                let expected = serde_json::to_string(listing).expect("a listing serialises");
                if versions[0] != expected {
                    result.stale.push(id);
                }
            }
        }
    }
    result.extra = indexed
        .into_keys()
        .filter(|id| !pending.contains(id))
        .collect();
    result
}

/// Compares the index with the store and rewrites the documents of every
/// listing that disagrees. Returns the comparison before the repair.
pub async fn repair(store: &Store, indexer: &SharedIndexer) -> Result<Agreement> {
    let guard = indexer.clone().lock_owned().await;
    let found = compare(store, guard.index()).await?;
    if found.agrees() {
        return Ok(found);
    }
    let ids: Vec<String> = found.disagreeing().into_iter().collect();
    let mut current: Vec<Listing> = store.listings_by_id(&ids).await?.into_values().collect();
    current.sort_by(|a, b| a.id.cmp(&b.id));
    let changed: BTreeSet<String> = ids.into_iter().collect();
    on_blocking_thread(guard, move |w| w.repair(&changed, &current)).await?;
    Ok(found)
}

/// The file that says a writer of the index is running: left behind, it
/// tells the next start that the last one did not stop cleanly.
#[derive(Debug)]
pub struct WriterMark {
    path: PathBuf,
    /// Whether the previous writer stopped without removing its mark.
    pub unclean: bool,
}

impl WriterMark {
    /// Puts the mark in `index_dir`, noting whether one was already there.
    pub fn set(index_dir: &Path) -> std::io::Result<WriterMark> {
        let path = index_dir.join("writer-running");
        let unclean = path.exists();
        std::fs::create_dir_all(index_dir)?;
        std::fs::write(&path, std::process::id().to_string())?;
        Ok(WriterMark { path, unclean })
    }

    /// Removes the mark: the writer stopped cleanly.
    pub fn clear(self) {
        if let Err(err) = std::fs::remove_file(&self.path) {
            tracing::warn!(error = %err, path = %self.path.display(), "could not remove the index's running mark");
        }
    }
}

/// Brings the index in step with the store when the service starts, while
/// the service already answers: catches up, or rebuilds when the index is
/// empty, damaged or cannot take the changes. After an unclean stop it also
/// checks every file of the index and compares it with the store, repairing
/// what disagrees.
pub async fn recover(
    store: &Store,
    indexer: &SharedIndexer,
    status: &IndexStatus,
    unclean: bool,
) -> Result<CatchUp> {
    let started = Instant::now();
    let index = indexer.lock().await.index().clone();
    let damaged = if unclean {
        let checked = index.clone();
        tokio::task::spawn_blocking(move || checked.validate())
            .await?
            .err()
    } else {
        None
    };
    let logged = logged_progress();
    let done = match (index.applied_seq()?, damaged) {
        (None, _) => {
            status.set(IndexState::Rebuilding);
            rebuild_reporting(store, indexer, &logged).await?
        }
        (Some(_), Some(damage)) => {
            tracing::warn!(error = %damage, "the search index is damaged; rebuilding it from the database");
            status.set(IndexState::Rebuilding);
            rebuild_reporting(store, indexer, &logged).await?
        }
        (Some(_), None) => {
            status.set(IndexState::CatchingUp);
            match catch_up_reporting(store, indexer, &logged).await {
                Ok(done) => done,
                Err(err) => {
                    tracing::warn!(error = %format!("{:#}", anyhow::Error::from(err)), "the search index cannot apply the changes; rebuilding it from the database");
                    status.set(IndexState::Rebuilding);
                    rebuild_reporting(store, indexer, &logged).await?
                }
            }
        }
    };
    if unclean {
        let found = repair(store, indexer).await?;
        if found.agrees() {
            tracing::info!(
                listings = found.listings,
                "after an unclean stop, the search index agrees with the database"
            );
        } else {
            tracing::warn!(
                missing = found.missing.len(),
                stale = found.stale.len(),
                extra = found.extra.len(),
                duplicated = found.duplicated.len(),
                "after an unclean stop, the search index disagreed with the database; repaired"
            );
        }
    }
    status.set(IndexState::Ready);
    tracing::info!(
        indexed = done.indexed,
        seq = done.seq,
        rebuilt = done.rebuilt,
        seconds = started.elapsed().as_secs_f64(),
        "search index is up to date"
    );
    Ok(done)
}

/// Keeps the index following the store until `stop` turns true. It first
/// [recovers](recover) (retrying with a growing pause until that succeeds),
/// then applies new changes as the store announces them, and every
/// [`FOLLOW_INTERVAL`] for changes of other processes. A failure is logged
/// and retried with a growing pause; a catch-up that keeps failing turns
/// into a rebuild.
pub fn follow_changes(
    store: Store,
    indexer: SharedIndexer,
    status: IndexStatus,
    unclean: bool,
    mut stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut announced = store.announcements();
        let mut pause = FOLLOW_INTERVAL;
        loop {
            match recover(&store, &indexer, &status, unclean).await {
                Ok(_) => break,
                Err(err) => {
                    tracing::error!(error = %format!("{:#}", anyhow::Error::from(err)), "bringing the search index up to date failed; retrying");
                    pause = (pause * 2).min(Duration::from_secs(10));
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = stop.changed() => return,
            }
        }
        pause = FOLLOW_INTERVAL;
        let mut failures = 0;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = announced.changed() => {}
                _ = stop.changed() => break,
            }
            let outcome = if failures >= 3 {
                tracing::warn!(
                    "the search index keeps failing to apply changes; rebuilding it from the database"
                );
                status.set(IndexState::Rebuilding);
                let rebuilt = rebuild(&store, &indexer).await;
                status.set(IndexState::Ready);
                rebuilt
            } else {
                catch_up(&store, &indexer).await
            };
            match outcome {
                Ok(done) => {
                    if done.indexed > 0 {
                        tracing::info!(
                            indexed = done.indexed,
                            seq = done.seq,
                            "indexed new changes"
                        );
                    }
                    pause = FOLLOW_INTERVAL;
                    failures = 0;
                }
                Err(err) => {
                    failures += 1;
                    tracing::error!(error = %format!("{:#}", anyhow::Error::from(err)), "indexing changes failed; retrying");
                    pause = (pause * 2).min(Duration::from_secs(10));
                }
            }
        }
    })
}
