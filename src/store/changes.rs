//! The ordered log of changes to listings, which the search index follows,
//! and the consistent reads that following it needs.

use std::collections::BTreeSet;

use sqlx::SqlitePool;

use super::{Result, Store, decode_all, json};
use crate::domain::Listing;

/// One recorded change: listing `listing_id` was written at sequence `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Position in the log; strictly increasing, never reused.
    pub seq: i64,
    /// The listing that changed. Its current state is read from `listings`.
    pub listing_id: String,
}

/// A batch of changes with the published listings they name, read from one
/// snapshot: a listing is never older than the change that names it.
#[derive(Debug, Clone, Default)]
pub struct PendingChanges {
    /// The changes, oldest first.
    pub changes: Vec<Change>,
    /// The published version of each listing they name, by id; a listing
    /// named but absent is no longer public.
    pub listings: Vec<Listing>,
}

/// Every published listing as of one moment.
#[derive(Debug, Clone, Default)]
pub struct PublishedSnapshot {
    /// The newest change at that moment.
    pub seq: i64,
    /// The published listings, by id.
    pub listings: Vec<Listing>,
    /// Listings changed after the position asked about (changes the index
    /// has yet to apply).
    pub changed_after: BTreeSet<String>,
}

const LATEST_SEQ: &str = "SELECT coalesce(max(seq), 0) FROM listing_changes";

pub(super) async fn latest_seq(pool: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar(LATEST_SEQ).fetch_one(pool).await?)
}

impl Store {
    /// Up to `limit` changes after `seq` with the listings they name, read
    /// in one transaction.
    pub async fn pending_changes(&self, seq: i64, limit: i64) -> Result<PendingChanges> {
        let mut tx = self.read().await?;
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT seq, listing_id FROM listing_changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let changes: Vec<Change> = rows
            .into_iter()
            .map(|(seq, listing_id)| Change { seq, listing_id })
            .collect();
        let ids: BTreeSet<&str> = changes.iter().map(|c| c.listing_id.as_str()).collect();
        let documents: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM listings
             WHERE state = 'published' AND id IN (SELECT value FROM json_each(?1))
             ORDER BY id",
        )
        .bind(json(&ids))
        .fetch_all(&mut *tx)
        .await?;
        tx.finish().await?;
        Ok(PendingChanges {
            changes,
            listings: decode_all(documents)?,
        })
    }

    /// Every published listing and the newest change, read in one
    /// transaction, with the listings changed after `after`.
    pub async fn published_snapshot(&self, after: i64) -> Result<PublishedSnapshot> {
        let mut tx = self.read().await?;
        let seq: i64 = sqlx::query_scalar(LATEST_SEQ).fetch_one(&mut *tx).await?;
        let documents: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM listings WHERE state = 'published' ORDER BY id",
        )
        .fetch_all(&mut *tx)
        .await?;
        let changed_after: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT listing_id FROM listing_changes WHERE seq > ?1")
                .bind(after)
                .fetch_all(&mut *tx)
                .await?;
        tx.finish().await?;
        Ok(PublishedSnapshot {
            seq,
            listings: decode_all(documents)?,
            changed_after: changed_after.into_iter().collect(),
        })
    }

    /// Up to `limit` published listings in id order, after `after` (from the
    /// first when `None`): a rebuild reads the catalogue a page at a time.
    pub async fn published_page(&self, after: Option<&str>, limit: i64) -> Result<Vec<Listing>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM listings
             WHERE state = 'published' AND (?1 IS NULL OR id > ?1)
             ORDER BY id LIMIT ?2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    /// The sequence number of the newest change, or 0 when there is none.
    pub async fn latest_seq(&self) -> Result<i64> {
        latest_seq(&self.pool).await
    }
}
