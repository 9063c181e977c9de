//! Facet filters and disjunctive counts in the same single pass over the
//! documents the text matches.
//!
//! Each segment's facet values are read once from its columns into flat
//! tables (for every document, the codes of its values, each once: all
//! together, and per facet for checking filters), kept
//! while the segment is searched and built when a reload brings a new one
//! ([`FacetTables`] is the reader's warmer). A search then walks the text's
//! matches once: a document passing every selected filter is a result and
//! counts for every facet; one failing only facet F's filter counts for F
//! alone, which is what "how many would this other value give" needs. Before,
//! the filtered query ran once for the results and once more per selected
//! facet, and read the columns through tantivy's generic column access: at
//! 100,000 listings that was most of a search's time.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, Searcher, SearcherGeneration, SegmentOrdinal, SegmentReader, Warmer};

use super::query::Facet;

const FACETS: usize = Facet::ALL.len();

/// Results per value, for each facet in [`Facet::ALL`] order.
pub(super) type Counts = Vec<Vec<(String, u64)>>;

/// Documents whose values are read from the columns together: reading a
/// block at a time is several times cheaper than a document at a time.
const BLOCK: u32 = 1024;

/// The facet values of one segment's documents.
pub(super) struct SegmentFacets {
    /// Each facet's column, for its dictionary (absent when no document of
    /// the segment has the facet).
    columns: Vec<Option<StrColumn>>,
    /// The codes of facet `i` are `first[i]..first[i + 1]`: a value's code is
    /// its ordinal in the column plus `first[i]`.
    first: [u32; FACETS + 1],
    /// Document `d`'s codes are `codes[starts[d]..starts[d + 1]]`, ascending.
    starts: Vec<u32>,
    codes: Vec<u32>,
    /// The same per facet, for checking a filter and counting a document
    /// for one facet without going through its other values.
    by_facet: Vec<(Vec<u32>, Vec<u32>)>,
}

impl SegmentFacets {
    fn read(segment: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let max_doc = segment.max_doc();
        let mut columns = Vec::with_capacity(FACETS);
        let mut first = [0; FACETS + 1];
        // Per facet, then interleaved so that a document's codes lie together.
        let mut per_facet = Vec::with_capacity(FACETS);
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            let column = segment.fast_fields().str(facet.name())?;
            let terms = column.as_ref().map_or(0, |c| c.num_terms()) as u32;
            first[i + 1] = first[i] + terms;
            per_facet.push(read_column(column.as_ref(), max_doc, first[i]));
            columns.push(column);
        }
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut codes = Vec::with_capacity(per_facet.iter().map(|(_, c)| c.len()).sum());
        starts.push(0);
        for doc in 0..max_doc as usize {
            for (facet_starts, facet_codes) in &per_facet {
                let range = facet_starts[doc] as usize..facet_starts[doc + 1] as usize;
                codes.extend_from_slice(&facet_codes[range]);
            }
            starts.push(codes.len() as u32);
        }
        Ok(SegmentFacets {
            columns,
            first,
            starts,
            codes,
            by_facet: per_facet,
        })
    }

    #[inline]
    fn codes_of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        &self.codes[self.starts[doc] as usize..self.starts[doc + 1] as usize]
    }

    #[inline]
    fn facet_codes_of(&self, facet: usize, doc: DocId) -> &[u32] {
        let (starts, codes) = &self.by_facet[facet];
        let doc = doc as usize;
        &codes[starts[doc] as usize..starts[doc + 1] as usize]
    }

    fn code_count(&self) -> usize {
        self.first[FACETS] as usize
    }
}

/// One column's values as (starts, codes) per document, each value once.
fn read_column(column: Option<&StrColumn>, max_doc: DocId, first: u32) -> (Vec<u32>, Vec<u32>) {
    let mut starts = Vec::with_capacity(max_doc as usize + 1);
    let mut codes = Vec::new();
    starts.push(0);
    let Some(column) = column else {
        starts.resize(max_doc as usize + 1, 0);
        return (starts, codes);
    };
    let ords = column.ords();
    let (mut docs, mut doc_of_row, mut rows, mut values) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for block_start in (0..max_doc).step_by(BLOCK as usize) {
        docs.clear();
        docs.extend(block_start..(block_start + BLOCK).min(max_doc));
        doc_of_row.clear();
        rows.clear();
        ords.index
            .docids_to_rowids(&docs, &mut doc_of_row, &mut rows);
        values.clear();
        values.resize(rows.len(), 0u64);
        ords.values.get_vals(&rows, &mut values);
        // Rows come grouped by document, in document order.
        let mut row = 0;
        for doc in &docs {
            let begin = codes.len();
            while row < rows.len() && doc_of_row[row] == *doc {
                codes.push(first + values[row] as u32);
                row += 1;
            }
            if codes.len() - begin > 1 {
                codes[begin..].sort_unstable();
                let unique = dedup_tail(&mut codes[begin..]);
                codes.truncate(begin + unique);
            }
            starts.push(codes.len() as u32);
        }
    }
    (starts, codes)
}

/// Moves the distinct values of a sorted slice to its front; returns how many.
fn dedup_tail(sorted: &mut [u32]) -> usize {
    let mut kept = 1;
    for i in 1..sorted.len() {
        if sorted[i] != sorted[kept - 1] {
            sorted[kept] = sorted[i];
            kept += 1;
        }
    }
    kept
}

/// The facet tables of the segments being searched, built as segments
/// appear and dropped when no searcher uses them any more.
#[derive(Default)]
pub(super) struct FacetTables {
    by_segment: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetTables {
    /// The segment's table, read now if no reload has warmed it yet.
    fn of(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentFacets>> {
        let id = segment.segment_id();
        if let Some(table) = self.tables().get(&id) {
            return Ok(table.clone());
        }
        let table = Arc::new(SegmentFacets::read(segment)?);
        self.tables().insert(id, table.clone());
        Ok(table)
    }

    fn tables(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFacets>>> {
        self.by_segment
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Warmer for FacetTables {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for segment in searcher.segment_readers() {
            self.of(segment)?;
        }
        Ok(())
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        self.tables()
            .retain(|id, _| live.iter().any(|g| g.segments().contains_key(id)));
    }
}

/// Collects with `top` the documents passing every filter, counts them, and
/// counts every facet's values disjunctively.
pub(super) struct Faceted<'a, C> {
    top: C,
    tables: &'a FacetTables,
    filters: &'a BTreeMap<Facet, Vec<String>>,
}

impl<'a, C> Faceted<'a, C> {
    pub(super) fn new(
        top: C,
        tables: &'a FacetTables,
        filters: &'a BTreeMap<Facet, Vec<String>>,
    ) -> Self {
        Faceted {
            top,
            tables,
            filters,
        }
    }
}

impl<C: Collector> Collector for Faceted<'_, C> {
    /// What `top` collected, how many documents pass, and the counts.
    type Fruit = (C::Fruit, usize, Counts);
    type Child = SegmentFaceted<C::Child>;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFaceted<C::Child>> {
        let facets = self.tables.of(segment)?;
        // accepts[code]: whether the value is selected.
        let mut accepts = vec![false; facets.code_count()];
        let mut filtered = Vec::with_capacity(self.filters.len());
        for (facet, values) in self.filters {
            let i = facet.index();
            filtered.push(i);
            let Some(column) = &facets.columns[i] else {
                continue;
            };
            for value in values {
                if let Some(ord) = column.dictionary().term_ord(value)? {
                    accepts[facets.first[i] as usize + ord as usize] = true;
                }
            }
        }
        Ok(SegmentFaceted {
            top: self.top.for_segment(ordinal, segment)?,
            counts: vec![0; facets.code_count()],
            facets,
            accepts,
            filtered,
            passing: 0,
            block: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.top.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(<C::Child as SegmentCollector>::Fruit, usize, Counts)>,
    ) -> tantivy::Result<(C::Fruit, usize, Counts)> {
        let mut tops = Vec::with_capacity(fruits.len());
        let mut passing = 0;
        let mut merged: Vec<HashMap<String, u64>> = vec![HashMap::new(); FACETS];
        for (top, segment_passing, counts) in fruits {
            tops.push(top);
            passing += segment_passing;
            for (facet, values) in counts.into_iter().enumerate() {
                for (value, count) in values {
                    *merged[facet].entry(value).or_default() += count;
                }
            }
        }
        let counts = merged
            .into_iter()
            .map(|values| values.into_iter().collect())
            .collect();
        Ok((self.top.merge_fruits(tops)?, passing, counts))
    }
}

/// One segment's part of [`Faceted`].
pub(super) struct SegmentFaceted<T> {
    top: T,
    facets: Arc<SegmentFacets>,
    accepts: Vec<bool>,
    /// The facets with a filter, by index.
    filtered: Vec<usize>,
    /// Per code, the documents counted for it.
    counts: Vec<u32>,
    passing: usize,
    /// Documents of a block passing every filter, reused.
    block: Vec<DocId>,
}

impl<T> SegmentFaceted<T> {
    /// Counts the document; true when it passes every filter.
    #[inline]
    fn count(&mut self, doc: DocId) -> bool {
        let facets = &*self.facets;
        let mut failed = None;
        for &facet in &self.filtered {
            let held = facets
                .facet_codes_of(facet, doc)
                .iter()
                .any(|code| self.accepts[*code as usize]);
            if !held {
                if failed.is_some() {
                    // Failing two filters, it counts for nothing.
                    return false;
                }
                failed = Some(facet);
            }
        }
        match failed {
            None => {
                for code in facets.codes_of(doc) {
                    self.counts[*code as usize] += 1;
                }
                self.passing += 1;
                true
            }
            // Would pass if its facet's filter were lifted: counts there.
            Some(facet) => {
                for code in facets.facet_codes_of(facet, doc) {
                    self.counts[*code as usize] += 1;
                }
                false
            }
        }
    }
}

impl<T: SegmentCollector> SegmentCollector for SegmentFaceted<T> {
    type Fruit = (T::Fruit, usize, Counts);

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.count(doc) {
            self.top.collect(doc, score);
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        let mut block = std::mem::take(&mut self.block);
        block.clear();
        block.extend(docs.iter().copied().filter(|doc| self.count(*doc)));
        self.top.collect_block(&block);
        self.block = block;
    }

    fn harvest(self) -> Self::Fruit {
        let facets = &self.facets;
        let counts = (0..FACETS)
            .map(|i| {
                let first = facets.first[i] as usize;
                let counted: Vec<(u64, u64)> = self.counts[first..facets.first[i + 1] as usize]
                    .iter()
                    .enumerate()
                    .filter(|(_, count)| **count > 0)
                    .map(|(ord, count)| (ord as u64, u64::from(*count)))
                    .collect();
                let mut values = Vec::with_capacity(counted.len());
                if let Some(column) = &facets.columns[i] {
                    // Names in one pass over the dictionary, in ordinal order.
                    let ords: Vec<u64> = counted.iter().map(|(ord, _)| *ord).collect();
                    let mut counts = counted.iter().map(|(_, count)| *count);
                    let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                        if let Some(count) = counts.next() {
                            values.push((String::from_utf8_lossy(bytes).into_owned(), count));
                        }
                    });
                }
                values
            })
            .collect();
        (self.top.harvest(), self.passing, counts)
    }
}

#[cfg(test)]
mod tests {
    use super::dedup_tail;

    #[test]
    fn dedup_keeps_each_value_once_in_order() {
        for (input, expected) in [
            (vec![1], vec![1]),
            (vec![1, 1], vec![1]),
            (vec![1, 2, 2, 3, 3, 3], vec![1, 2, 3]),
            (vec![4, 5, 6], vec![4, 5, 6]),
        ] {
            let mut values = input.clone();
            let kept = dedup_tail(&mut values);
            assert_eq!(values[..kept], expected[..], "{input:?}");
        }
    }
}
