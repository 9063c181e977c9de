//! What other systems read of every public listing: the harvest, in the
//! order of each listing's newest change (published ones whole, those taken
//! down as tombstones), and the sitemap's entries.

use super::{Result, Store, decode};
use crate::domain::Listing;
use crate::domain::lifecycle::ListingState;

/// A listing as a harvester sees it: its newest public change.
#[derive(Debug, Clone)]
pub struct Harvested {
    /// The position of that change in the log: the harvest's cursor.
    pub seq: i64,
    /// The listing's id.
    pub id: String,
    /// When the change was recorded, as stored.
    pub at: String,
    /// Its state now.
    pub state: ListingState,
    /// The published version, when it is published.
    pub listing: Option<Listing>,
}

/// A published listing as the sitemap names it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SitemapEntry {
    /// Its id.
    pub id: String,
    /// When anything about it last changed, as stored.
    pub modified_at: String,
    /// The language it is written in.
    pub lang: String,
    /// The languages it is translated into, as a JSON array.
    pub translations: String,
}

impl Store {
    /// How many listings are published.
    pub async fn published_count(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM listings WHERE state = 'published'")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Up to `limit` published listings by id, after the first `offset`.
    pub async fn sitemap_entries(&self, offset: i64, limit: i64) -> Result<Vec<SitemapEntry>> {
        Ok(sqlx::query_as(
            "SELECT id, modified_at, coalesce(document ->> '$.lang', 'en') AS lang,
                    coalesce((SELECT json_group_array(key) FROM json_each(document, '$.translations')), '[]')
                        AS translations
             FROM listings WHERE state = 'published' ORDER BY id LIMIT ?1 OFFSET ?2",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Up to `limit` listings whose newest public change comes after
    /// `cursor` and was recorded at or after `since` (stored form), in the
    /// order of those changes. A listing changed while a harvester pages
    /// moves to the end: it is met once more, in its new version, and
    /// never skipped.
    pub async fn harvest(&self, cursor: i64, since: &str, limit: i64) -> Result<Vec<Harvested>> {
        let mut tx = self.read().await?;
        let rows: Vec<(i64, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT c.seq, c.listing_id, c.recorded_at, l.state, l.document
             FROM listing_changes c JOIN listings l ON l.id = c.listing_id
             WHERE c.seq > ?1 AND c.recorded_at >= ?2
               AND NOT EXISTS (SELECT 1 FROM listing_changes n
                               WHERE n.listing_id = c.listing_id AND n.seq > c.seq)
             ORDER BY c.seq LIMIT ?3",
        )
        .bind(cursor)
        .bind(since)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        tx.finish().await?;
        rows.into_iter()
            .filter_map(|(seq, id, at, state, document)| {
                let state = ListingState::parse(&state)?;
                Some((seq, id, at, state, document))
            })
            .map(|(seq, id, at, state, document)| {
                let listing = match (state, document) {
                    (ListingState::Published, Some(document)) => {
                        Some(decode(id.clone(), &document)?)
                    }
                    _ => None,
                };
                Ok(Harvested {
                    seq,
                    id,
                    at,
                    state,
                    listing,
                })
            })
            .collect()
    }
}
