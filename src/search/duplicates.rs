//! Possible duplicates of a listing among those in the index: candidates
//! found by their titles' words, then compared whole (see
//! [`crate::domain::likeness`]).

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryClone, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::plan::{Plan, Scope};
use super::query::stored_listing;
use super::{Result, SearchIndex};
use crate::domain::Listing;
use crate::domain::likeness::{Fingerprint, Likeness};

/// Candidates looked at per listing, among its organisation's listings and
/// among all: titles sharing the most words first.
const CANDIDATES: usize = 20;
/// At most this many are reported per listing.
const REPORTED: usize = 5;

/// A listing in the index that looks like the same training.
#[derive(Debug, Clone)]
pub struct Duplicate {
    /// The listing in the index.
    pub listing: Listing,
    /// Why it looks the same.
    pub likeness: Likeness,
}

impl SearchIndex {
    /// Published listings that look like the same training as `listing`
    /// (other than itself): the same organisation's with nearly the same
    /// title, or anyone's with nearly the same title and summary, in any
    /// language either reads in.
    pub fn possible_duplicates(&self, listing: &Listing) -> Result<Vec<Duplicate>> {
        let searcher = self.reader.searcher();
        let fields = &self.fields;
        let titles = std::iter::once(listing.title.as_str())
            .chain(listing.translations.values().map(|t| t.title.as_str()));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for title in titles {
            let mut plan = Plan::bridged(title, &self.bridges());
            plan.weigh(&searcher, fields)?;
            if !plan.is_empty() {
                clauses.push((Occur::Should, plan.query(fields, Scope::Titles)));
            }
        }
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let titles = BooleanQuery::new(clauses);
        // The organisation's own listings are looked at apart: among many
        // titles alike across the region, its own re-listing could rank
        // below twenty others'.
        let owner = Term::from_field_text(fields.provider, listing.provider.id.as_str());
        let own = BooleanQuery::new(vec![
            (Occur::Must, titles.box_clone()),
            (
                Occur::Must,
                Box::new(TermQuery::new(owner, IndexRecordOption::Basic)),
            ),
        ]);
        let top = TopDocs::with_limit(CANDIDATES).order_by_score();
        let mut addresses: Vec<DocAddress> = Vec::new();
        for query in [&own as &dyn Query, &titles] {
            for (_score, address) in searcher.search(query, &top)? {
                if !addresses.contains(&address) {
                    addresses.push(address);
                }
            }
        }
        let fingerprint = Fingerprint::of(listing);
        let mut found = Vec::new();
        for address in addresses {
            let other = stored_listing(&searcher, fields, address)?;
            if let Some(likeness) = fingerprint.likeness(&Fingerprint::of(&other)) {
                found.push(Duplicate {
                    listing: other,
                    likeness,
                });
                if found.len() == REPORTED {
                    break;
                }
            }
        }
        Ok(found)
    }
}
