//! The ordered log of changes to listings, which the search index follows.

use super::{Result, Store};

/// One recorded change: listing `listing_id` was written at sequence `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Position in the log; strictly increasing, never reused.
    pub seq: i64,
    /// The listing that changed. Its current state is read from `listings`.
    pub listing_id: String,
}

impl Store {
    /// Up to `limit` changes after `seq`, oldest first.
    pub async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<Change>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT seq, listing_id FROM listing_changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, listing_id)| Change { seq, listing_id })
            .collect())
    }

    /// The sequence number of the newest change, or 0 when there is none.
    pub async fn latest_seq(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT coalesce(max(seq), 0) FROM listing_changes")
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
