//! Turning listings into documents and writing them: the index's single
//! writer. What to write, and when, is decided by whoever follows the
//! store's change log (`app`); this module never reads the store.

use std::collections::BTreeSet;

use std::sync::Arc;
use tantivy::{IndexWriter, TantivyDocument, Term};

use tokio::sync::Mutex;

use super::bridge::Bridges;
use super::lexicon::Lexicon;
use super::query::Facet;
use super::schema::{Fields, SESSION_SPAN};
use super::{Error, Result, SearchIndex};
use crate::domain::{Day, Listing, SharedVocabulary, Vocabulary};

/// Memory the writer may buffer before it flushes a segment.
const WRITER_MEMORY: usize = 50_000_000;
/// Analysing text is most of indexing; the machines it runs on have two cores or more.
const INDEXING_THREADS: usize = 2;

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    seq: i64,
}

pub(super) fn seq_from_payload(payload: &str) -> Option<i64> {
    serde_json::from_str::<Payload>(payload).ok().map(|p| p.seq)
}

/// The index's single writer.
pub struct Indexer {
    index: SearchIndex,
    writer: IndexWriter,
    /// Topic and audience labels are indexed as searchable text.
    vocabulary: SharedVocabulary,
    /// Whether the shared reader may lag the last commit (its reload after
    /// that commit has not succeeded yet).
    reader_behind: bool,
}

impl std::fmt::Debug for Indexer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indexer").finish_non_exhaustive()
    }
}

impl Indexer {
    pub(super) fn new(index: SearchIndex) -> Result<Indexer> {
        // Two indexing threads: which segment a document lands in then
        // changes from one build to the next, so searches break ties by
        // the `tie` field rather than by document order.
        let writer = index
            .index
            .writer_with_num_threads(INDEXING_THREADS, WRITER_MEMORY)
            .map_err(|err| match err {
                tantivy::TantivyError::LockFailure(..) => Error::Locked,
                other => Error::Tantivy(other),
            })?;
        // A process killed in the middle of a commit leaves files that no
        // commit refers to; one of them (`<segment>.<opstamp>.del`) has the
        // very name the same changes, applied again, would write, which
        // fails with FileAlreadyExists (issue 11). Remove them first.
        // Best effort: a file left over is harmless unless the same changes
        // come again, and then the catch-up's failure leads to a rebuild.
        if let Err(err) = writer.garbage_collect_files().wait() {
            tracing::warn!(error = %err, "could not remove files the index no longer uses");
        }
        Ok(Indexer {
            index,
            writer,
            vocabulary: SharedVocabulary::builtin(),
            reader_behind: false,
        })
    }

    /// Reloads the shared reader if a commit's reload failed, so searches
    /// never stay on an older commit than the position the index records.
    pub fn catch_up_reader(&mut self) -> Result<()> {
        if self.reader_behind {
            self.index.reload()?;
            self.reader_behind = false;
        }
        Ok(())
    }

    /// The index this writer writes.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Drops every change not yet committed, so that a failed write leaves
    /// the writer as it was after its last commit.
    pub fn discard_uncommitted(&mut self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
    }

    /// Labels listings with this vocabulary's topics from now on.
    pub fn use_vocabulary(&mut self, vocabulary: SharedVocabulary) {
        self.vocabulary = vocabulary;
    }

    /// Waits for the background merges of segments to finish and releases
    /// the writer, so that a command that indexed a lot leaves a compact
    /// index behind instead of cutting the merges short as it exits.
    pub fn finish(self) -> Result<()> {
        Ok(self.writer.wait_merging_threads()?)
    }

    /// The documents of `listings`, in their order, built on every core
    /// (finding the glossary's concepts in a listing's text takes a while).
    fn documents(&self, listings: &[Listing]) -> Vec<TantivyDocument> {
        let vocabulary = self.vocabulary.current();
        let build = |part: &[Listing]| -> Vec<TantivyDocument> {
            part.iter()
                .map(|listing| document(&self.index.fields, &vocabulary, listing))
                .collect()
        };
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        // A change or two is not worth a thread.
        if threads < 2 || listings.len() < 64 {
            return build(listings);
        }
        let part = listings.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = listings
                .chunks(part)
                .map(|part| scope.spawn(move || build(part)))
                .collect();
            workers
                .into_iter()
                .flat_map(|worker| {
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    }

    /// Replaces the documents of the listings named in `changed`: each id in
    /// `changed` with no listing in `current` is removed. Then commits,
    /// recording `seq` as the last change applied, and reloads the reader.
    pub fn apply(
        &mut self,
        changed: &BTreeSet<String>,
        current: &[Listing],
        seq: i64,
    ) -> Result<()> {
        for id in changed {
            self.writer
                .delete_term(Term::from_field_text(self.index.fields.id, id));
        }
        self.add(current)?;
        self.commit(seq)
    }

    /// Starts emptying the index, for a rebuild that adds its listings a
    /// page at a time ([`Indexer::add`]) and ends with
    /// [`Indexer::finish_rebuild`]. Searches see the old index until then;
    /// [`Indexer::discard_uncommitted`] abandons the rebuild.
    pub fn start_rebuild(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Adds documents for `listings`, not yet committed.
    pub fn add(&mut self, listings: &[Listing]) -> Result<()> {
        for document in self.documents(listings) {
            self.writer.add_document(document)?;
        }
        Ok(())
    }

    /// Commits a rebuild, recording `seq` as the last change applied.
    pub fn finish_rebuild(&mut self, seq: i64) -> Result<()> {
        self.commit(seq)
    }

    /// Replaces the documents of the listings named in `changed` without
    /// moving the recorded position: used to repair documents that disagree
    /// with the store.
    pub fn repair(&mut self, changed: &BTreeSet<String>, current: &[Listing]) -> Result<()> {
        let seq = self.index.applied_seq()?.unwrap_or(0);
        self.apply(changed, current, seq)
    }

    fn commit(&mut self, seq: i64) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        // The payload is written atomically with the commit's meta.json, so
        // the recorded sequence number always matches the committed segments.
        prepared.set_payload(&serde_json::to_string(&Payload { seq }).expect("serialises"));
        prepared.commit()?;
        self.reader_behind = true;
        self.catch_up_reader()
    }
}

/// The writer, shared between the task that follows the change log and
/// anything else that writes (the CLI, tests).
pub type SharedIndexer = Arc<Mutex<Indexer>>;

/// The document of one listing, its text not yet analysed.
fn document(f: &Fields, vocabulary: &Vocabulary, listing: &Listing) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, listing.id.as_str());
    // The listing's own text and each translation, analysed every way;
    // only English titles and summaries go to the stemmed fields.
    let versions = std::iter::once((
        &listing.lang,
        listing.title.as_str(),
        listing.summary.as_str(),
        listing.description.as_deref(),
    ))
    .chain(listing.translations.iter().map(|(tag, t)| {
        (
            tag,
            t.title.as_str(),
            t.summary.as_str(),
            t.description.as_deref(),
        )
    }));
    let mut heads: Vec<&str> = Vec::new();
    let mut bodies: Vec<&str> = Vec::new();
    for (lang, title, summary, description) in versions {
        heads.extend([title, summary]);
        bodies.extend(description);
        let english = lang.primary() == "en";
        for field in [f.title_words, f.title_folded, f.title_grams] {
            doc.add_text(field, title);
        }
        for field in [f.summary_words, f.summary_folded, f.summary_grams] {
            doc.add_text(field, summary);
        }
        doc.add_text(f.all_folded, title);
        doc.add_text(f.all_folded, summary);
        if english {
            doc.add_text(f.title_english, title);
            doc.add_text(f.summary_english, summary);
        }
        if let Some(description) = description {
            for field in [f.body_folded, f.body_grams, f.all_folded] {
                doc.add_text(field, description);
            }
        }
    }
    let concepts = Bridges::concepts();
    let head_tags = concepts.concept_tags(heads.iter().copied());
    for tag in &head_tags {
        doc.add_text(f.concept_head, tag);
        doc.add_text(f.concept_all, tag);
    }
    for tag in concepts.concept_tags(bodies) {
        doc.add_text(f.concept_all, tag);
    }
    let lexicon = Lexicon::builtin();
    let country_names = |code: crate::domain::CountryCode| {
        std::iter::once(code.name().to_owned())
            .chain(lexicon.country_names(code.as_str()).iter().cloned())
    };
    let mut places = vec![
        listing.provider.name.clone(),
        listing.provider.id.to_string(),
    ];
    if let Some(location) = &listing.location {
        places.push(location.city.clone());
        places.extend(country_names(location.country));
    }
    let mut origins = Vec::new();
    if listing
        .location
        .as_ref()
        .is_none_or(|l| l.country != listing.provider.country)
    {
        origins.extend(country_names(listing.provider.country));
    }
    for place in &places {
        for field in [f.place_folded, f.place_grams, f.all_folded] {
            doc.add_text(field, place);
        }
    }
    for origin in &origins {
        doc.add_text(f.all_folded, origin);
    }
    for topic in &listing.topics {
        if let Some(term) = vocabulary.topic(topic.as_str()) {
            doc.add_text(f.all_folded, &term.label);
        }
    }
    for audience in &listing.audience {
        if let Some(term) = vocabulary.audience(audience.as_str()) {
            doc.add_text(f.all_folded, &term.label);
        }
    }
    for facet in Facet::ALL {
        for value in facet.values_of(listing) {
            doc.add_text(facet.field(f), value);
        }
    }
    let updated = listing.updated.map_or(0, Day::days_since_epoch);
    doc.add_i64(f.updated, updated);
    for session in &listing.sessions {
        doc.add_i64(
            f.sessions,
            session.start.days_since_epoch() * SESSION_SPAN + session.end.days_since_epoch(),
        );
    }
    // The id makes every value distinct, so equal titles sort the same way
    // in every build of the index.
    doc.add_text(
        f.title_sort,
        format!("{}\u{0}{}", listing.title.to_lowercase(), listing.id),
    );
    doc.add_u64(f.tie, super::schema::tie_of(listing.id.as_str()));
    let json = serde_json::to_string(listing).expect("a listing always serialises");
    doc.add_text(f.listing, json);
    doc
}
