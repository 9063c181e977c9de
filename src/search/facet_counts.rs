//! Counting the values of facets over the documents a query matches, in one
//! pass over each segment's fast-field ordinals: an array of counts per
//! facet, indexed by the value's ordinal, turned into names only for the
//! values that were counted. tantivy's terms aggregation does the same
//! generically (any field type, nested buckets, limits), and at 100,000
//! listings its bookkeeping was a quarter of a search's time.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::query::Facet;

/// Results per value, for each facet name.
pub(super) type Counts = HashMap<String, Vec<(String, u64)>>;

/// Counts documents per value of each of its facets.
pub(super) struct FacetCounter {
    facets: Vec<Facet>,
}

impl FacetCounter {
    pub(super) fn new(facets: &[Facet]) -> FacetCounter {
        FacetCounter {
            facets: facets.to_vec(),
        }
    }
}

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let mut columns = Vec::with_capacity(self.facets.len());
        for facet in &self.facets {
            // A segment with no document carrying the facet has no column.
            let column = segment.fast_fields().str(facet.name())?;
            let counts = vec![0; column.as_ref().map_or(0, |c| c.num_terms())];
            columns.push((*facet, column, counts));
        }
        Ok(SegmentFacetCounter {
            columns,
            docs: Vec::with_capacity(BLOCK),
            doc_of_row: Vec::new(),
            rows: Vec::new(),
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut merged: HashMap<String, HashMap<String, u64>> = HashMap::new();
        for fruit in fruits {
            for (facet, values) in fruit {
                let counts = merged.entry(facet).or_default();
                for (value, count) in values {
                    *counts.entry(value).or_default() += count;
                }
            }
        }
        let mut counts: Counts = merged
            .into_iter()
            .map(|(facet, values)| (facet, values.into_iter().collect()))
            .collect();
        // Every facet asked for is answered, counted or not.
        for facet in &self.facets {
            counts.entry(facet.name().to_owned()).or_default();
        }
        Ok(counts)
    }
}

/// Documents gathered before their values are read together: reading the
/// columns for a block at a time is several times cheaper than per document.
const BLOCK: usize = 256;

/// The counts of one segment.
pub(super) struct SegmentFacetCounter {
    columns: Vec<(Facet, Option<StrColumn>, Vec<u64>)>,
    /// Documents collected and not counted yet.
    docs: Vec<DocId>,
    /// For each value row read, its document; reused from block to block.
    doc_of_row: Vec<DocId>,
    rows: Vec<u32>,
    ords: Vec<u64>,
}

impl SegmentFacetCounter {
    fn count_block(&mut self) {
        for (_, column, counts) in &mut self.columns {
            let Some(column) = column else { continue };
            let ords = column.ords();
            self.doc_of_row.clear();
            self.rows.clear();
            ords.index
                .docids_to_rowids(&self.docs, &mut self.doc_of_row, &mut self.rows);
            self.ords.clear();
            self.ords.resize(self.rows.len(), 0);
            ords.values.get_vals(&self.rows, &mut self.ords);
            // A document counts once per value, however often it holds it.
            let mut start = 0;
            while start < self.ords.len() {
                let doc = self.doc_of_row[start];
                let end = start
                    + self.doc_of_row[start..]
                        .iter()
                        .take_while(|d| **d == doc)
                        .count();
                let of_doc = &mut self.ords[start..end];
                if of_doc.len() > 1 {
                    of_doc.sort_unstable();
                }
                let mut previous = None;
                for ord in of_doc.iter() {
                    if previous != Some(*ord) {
                        if let Some(count) = counts.get_mut(*ord as usize) {
                            *count += 1;
                        }
                        previous = Some(*ord);
                    }
                }
                start = end;
            }
        }
        self.docs.clear();
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.docs.push(doc);
        if self.docs.len() == BLOCK {
            self.count_block();
        }
    }

    fn harvest(mut self) -> Counts {
        self.count_block();
        self.columns
            .into_iter()
            .map(|(facet, column, counts)| {
                let counted: Vec<(u64, u64)> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, count)| **count > 0)
                    .map(|(ord, count)| (ord as u64, *count))
                    .collect();
                let mut values = Vec::with_capacity(counted.len());
                if let Some(column) = column {
                    // Names in one pass over the dictionary, in ordinal order.
                    let ords: Vec<u64> = counted.iter().map(|(ord, _)| *ord).collect();
                    let mut counts = counted.iter().map(|(_, count)| *count);
                    let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                        if let Some(count) = counts.next() {
                            values.push((String::from_utf8_lossy(bytes).into_owned(), count));
                        }
                    });
                }
                (facet.name().to_owned(), values)
            })
            .collect()
    }
}
