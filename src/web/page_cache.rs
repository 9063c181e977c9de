//! Results pages as anonymous readers see them, kept while nothing they show
//! can have changed.
//!
//! Most searches are the same few (a topic's link, the front page's
//! filters, a course everyone is looking for) asked by people who are not
//! signed in, and a page costs two orders of magnitude more than sending it.
//! A page depends on the address, the interface language, the index's state
//! (its generation: every commit, including an organisation's renaming,
//! makes a new one), the vocabulary's names, whether the index is catching
//! up, and the day (what is upcoming). All of them are in the key or the
//! stamp, so a kept page is the page that would be drawn now. Signed-in
//! readers' pages carry their name and form token and are never kept.

use std::sync::Arc;

use axum::body::Bytes;
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::app::IndexState;
use crate::domain::{Day, Vocabulary};
use crate::i18n::Locale;

/// How much page text is kept at most.
const CAPACITY_BYTES: u64 = 16 * 1024 * 1024;

/// The state a page was drawn in.
#[derive(Debug, Clone)]
pub struct Stamp {
    /// The index's generation, read before searching: a page drawn from a
    /// newer one is at worst redrawn once more.
    pub generation: u64,
    pub index: IndexState,
    pub today: Day,
    pub vocabulary: Arc<Vocabulary>,
}

impl PartialEq for Stamp {
    fn eq(&self, other: &Stamp) -> bool {
        self.generation == other.generation
            && self.index == other.index
            && self.today == other.today
            // A changed vocabulary is a new value; the page holds on to its
            // own, so the address cannot be reused by another.
            && Arc::ptr_eq(&self.vocabulary, &other.vocabulary)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    locale: Locale,
    /// Path and query as the reader asked for them.
    address: String,
}

#[derive(Clone)]
struct Page {
    stamp: Stamp,
    html: Bytes,
    /// How many listings the search found, for the search log.
    total: usize,
}

#[derive(Clone)]
struct BySize;

impl Weighter<Key, Page> for BySize {
    fn weight(&self, key: &Key, page: &Page) -> u64 {
        (key.address.len() + page.html.len()) as u64
    }
}

/// Drawn results pages, shared by the service's handlers.
#[derive(Clone)]
pub struct PageCache(Arc<Cache<Key, Page, BySize>>);

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache")
            .field("pages", &self.0.len())
            .finish()
    }
}

impl Default for PageCache {
    fn default() -> Self {
        // Estimated count for a 40 KB page.
        let pages = (CAPACITY_BYTES / 40_000) as usize;
        PageCache(Arc::new(Cache::with_weighter(
            pages,
            CAPACITY_BYTES,
            BySize,
        )))
    }
}

impl PageCache {
    /// The page kept for `address` in `locale`, if drawn in this `stamp`,
    /// with how many listings its search found.
    pub fn get(&self, locale: Locale, address: &str, stamp: &Stamp) -> Option<(Bytes, usize)> {
        let key = Key {
            locale,
            address: address.to_owned(),
        };
        let page = self.0.get(&key)?;
        if page.stamp == *stamp {
            Some((page.html, page.total))
        } else {
            self.0.remove(&key);
            None
        }
    }

    /// Keeps a page drawn in `stamp`, whose search found `total` listings.
    pub fn put(&self, locale: Locale, address: &str, stamp: Stamp, html: Bytes, total: usize) {
        let key = Key {
            locale,
            address: address.to_owned(),
        };
        self.0.insert(key, Page { stamp, html, total });
    }
}
