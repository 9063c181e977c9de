//! What every handler can reach.

use axum::extract::FromRef;

use crate::app::Catalogue;
use crate::search::SearchIndex;
use crate::store::Store;

/// Shared state; handlers take only the part they need.
#[derive(Debug, Clone, FromRef)]
pub struct AppState {
    /// The system of record.
    pub store: Store,
    /// The search index.
    pub index: SearchIndex,
}

impl AppState {
    /// State over an opened catalogue.
    pub fn new(catalogue: Catalogue) -> Self {
        AppState {
            store: catalogue.store,
            index: catalogue.index,
        }
    }
}
