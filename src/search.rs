//! Search over the catalogue with tantivy: the schema, turning listings into
//! documents, and answering queries with facet counts and highlights.
//!
//! The index is derived data. It can be deleted at any time and is rebuilt
//! from the store; it never holds anything the store does not. This module
//! does not read the store: `app` follows the store's change log and hands
//! the index what to write.

pub mod analysis;
pub mod bridge;
mod duplicates;
mod facet_counts;
mod highlight;
mod indexer;
pub mod lexicon;
pub mod plan;
mod query;
pub mod schema;
mod suggest;

use std::path::Path;
use std::sync::{Arc, RwLock};

use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

use bridge::{Bridges, VocabularyName};
pub use duplicates::Duplicate;
pub use highlight::Highlighted;
pub use indexer::{Indexer, SharedIndexer};
pub use query::{Facet, FacetCount, Hit, MatchedVia, SearchRequest, SearchResults, Sort};
use schema::Fields;
pub use suggest::{NamedTerm, Suggested, Suggester, Target, TitleCompletion, Typed};

/// What can go wrong in the search layer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// tantivy failed to read or write the index.
    #[error("search index error")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be opened.
    #[error("cannot open the search index directory")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    /// The index directory could not be created.
    #[error("cannot create the search index directory {path}")]
    CreateDirectory {
        /// The directory.
        path: String,
        /// Why not.
        source: std::io::Error,
    },
    /// Another process holds the index's writer lock.
    #[error("the search index is being written by another process (a running `catalogue serve`?)")]
    Locked,
    /// A document stored in the index cannot be read back.
    #[error("a document in the search index cannot be read: {0}")]
    Corrupt(String),
    /// Files of the index are damaged; the text names them.
    #[error("damaged files in the search index: {0}")]
    Damaged(String),
    /// A blocking indexing task panicked or was cancelled.
    #[error("the indexing task stopped unexpectedly")]
    Task(#[from] tokio::task::JoinError),
}

/// Results of the search layer.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The search index: one long-lived reader shared by every request.
///
/// Cheap to clone; clones share the index and reader.
///
/// ```
/// use std::collections::BTreeSet;
/// use catalogue::domain::Listing;
/// use catalogue::search::{Facet, SearchIndex, SearchRequest};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let listing: Listing = serde_json::from_str(r#"{
///     "id": "harbour-pilotage", "kind": "workshop",
///     "title": "Harbour pilotage", "summary": "Boarding vessels safely.",
///     "topics": ["maritime-and-irregular-movements"], "languages": ["en"],
///     "provider": {"id": "coast", "name": "Coast Academy", "type": "academic", "country": "TH"},
///     "contact": {"name": "Desk", "email": "desk@example.org"}
/// }"#)?;
/// let index = SearchIndex::in_ram()?;
/// let mut writer = index.writer()?;
/// // Change number 1 of the store's log: this listing was written.
/// writer.apply(&BTreeSet::from([listing.id.to_string()]), &[listing], 1)?;
///
/// let results = index.search(&SearchRequest::new("pilotage").filter(Facet::Kind, "workshop"))?;
/// assert_eq!(results.total, 1);
/// assert_eq!(results.hits[0].listing.id.as_str(), "harbour-pilotage");
/// assert_eq!(index.applied_seq()?, Some(1));
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SearchIndex {
    /// Shared: cloning a tantivy `Index` clones its directory handle, and
    /// every request clones the service's state several times over.
    index: Arc<Index>,
    reader: IndexReader,
    fields: Fields,
    /// Shared by every clone, so that a new vocabulary reaches them all.
    bridges: Arc<RwLock<Arc<Bridges>>>,
    /// Each segment's facet values, read as reloads bring segments in.
    facet_tables: Arc<facet_counts::FacetTables>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// The subdirectory of this schema version's index. The glossary tags
    /// listings as they are indexed, so an index made with another glossary
    /// is rebuilt like one of another schema.
    pub fn version_directory() -> String {
        format!(
            "v{}-{}",
            schema::SCHEMA_VERSION,
            bridge::Glossary::fingerprint()
        )
    }

    /// Opens the index under `dir`, creating it if needed. Each schema
    /// version has its own subdirectory, so a new version starts empty and is
    /// rebuilt from the database rather than misreading an old index.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let current = Self::version_directory();
        // Indexes of earlier schema versions are dead weight once this one
        // exists: everything is rebuilt from the database.
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let old_version = name.strip_prefix('v').is_some_and(|rest| {
                    let version = rest.split_once('-').map_or(rest, |(v, _)| v);
                    version.parse::<u32>().is_ok()
                }) && name != current;
                if old_version && std::fs::remove_dir_all(entry.path()).is_ok() {
                    tracing::info!(directory = %entry.path().display(), "removed an index of an earlier schema version");
                }
            }
        }
        let dir = dir.join(current);
        std::fs::create_dir_all(&dir).map_err(|source| Error::CreateDirectory {
            path: dir.display().to_string(),
            source,
        })?;
        match Self::open_dir(&dir) {
            Ok(index) => Ok(index),
            Err(err) => {
                // The index is derived data: rather than refuse to start, set
                // the unreadable one aside (for inspection) and start empty;
                // the caller rebuilds it from the database.
                let aside = dir.with_extension(format!("unreadable-{}", std::process::id()));
                tracing::warn!(error = %err, aside = %aside.display(), "the search index cannot be read; rebuilding it from the database");
                let _ = std::fs::remove_dir_all(&aside);
                std::fs::rename(&dir, &aside).map_err(|source| Error::CreateDirectory {
                    path: aside.display().to_string(),
                    source,
                })?;
                std::fs::create_dir_all(&dir).map_err(|source| Error::CreateDirectory {
                    path: dir.display().to_string(),
                    source,
                })?;
                Self::open_dir(&dir)
            }
        }
    }

    /// Opens the index in `dir` and every segment it is made of.
    fn open_dir(dir: &Path) -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        let index = Index::open_or_create(MmapDirectory::open(dir)?, schema)?;
        let index = Self::with_index(index, fields)?;
        index.applied_seq()?;
        Ok(index)
    }

    /// An index held in memory only, for tests and benchmarks.
    pub fn in_ram() -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(mut index: Index, fields: Fields) -> Result<SearchIndex> {
        analysis::register(index.tokenizers());
        // A search walks its segments on every core at once.
        index.set_default_multithread_executor()?;
        // Manual reloads: the indexer reloads right after each commit, so a
        // write is searchable as soon as it is committed (read-your-writes).
        let facet_tables = Arc::new(facet_counts::FacetTables::default());
        let warmer: Arc<dyn tantivy::Warmer> = facet_tables.clone();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()?;
        Ok(SearchIndex {
            index: Arc::new(index),
            reader,
            fields,
            bridges: Arc::new(RwLock::new(Arc::new(Bridges::new(Vec::new())))),
            facet_tables,
        })
    }

    /// Lets queries name vocabulary values (topics, audiences, kinds,
    /// delivery modes, countries) by these names, in any language, from now
    /// on. Called at start and whenever the vocabulary changes.
    pub fn use_vocabulary(&self, names: Vec<VocabularyName>) {
        let bridges = Arc::new(Bridges::new(names));
        *self
            .bridges
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = bridges;
    }

    /// The glossary's concepts and the vocabulary's names, as queries use them.
    pub(crate) fn bridges(&self) -> Arc<Bridges> {
        self.bridges
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Takes the index's single writer. Fails with [`Error::Locked`] when
    /// another process (or another handle) already holds it.
    pub fn writer(&self) -> Result<Indexer> {
        Indexer::new(self.clone())
    }

    /// The sequence number of the last change the index has committed, or
    /// `None` for an index that has never been committed to.
    pub fn applied_seq(&self) -> Result<Option<i64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.as_deref().and_then(indexer::seq_from_payload))
    }

    /// Reads every file of the index through and checks it against its
    /// checksum: finds damage that opening does not (a torn write, a
    /// truncated store file).
    pub fn validate(&self) -> Result<()> {
        let damaged = self.index.validate_checksum()?;
        if damaged.is_empty() {
            return Ok(());
        }
        let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        Err(Error::Damaged(names.join(", ")))
    }

    /// Every document's listing id with the listing stored with it, as JSON,
    /// in index order: what a check compares with the store.
    pub fn stored_listings(&self) -> Result<Vec<(String, String)>> {
        let searcher = self.reader.searcher();
        let mut found = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(64)
                .map_err(tantivy::TantivyError::from)?;
            for doc_id in segment.doc_ids_alive() {
                let document: TantivyDocument = store.get(doc_id)?;
                let json = document
                    .get_first(self.fields.listing)
                    .and_then(|v| v.as_str())
                    .ok_or_else(|| Error::Corrupt("a document has no stored listing".to_owned()))?;
                // Only the id is read; the rest of the text is compared whole.
                #[derive(serde::Deserialize)]
                struct Id {
                    id: String,
                }
                let Id { id } =
                    serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))?;
                found.push((id, json.to_owned()));
            }
        }
        Ok(found)
    }

    /// How many listings the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Which state of the index searches see now: it changes with every
    /// commit that reaches the readers.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// How many segments the index is made of (fewer is faster to search).
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Whether the index holds no listing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Picks up what was committed, by this process or another.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }
}
