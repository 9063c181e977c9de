//! Listings and their providers.

use std::collections::HashMap;

use super::{Error, Result, Store};
use crate::domain::{Listing, ListingId};

fn decode(id: String, document: &str) -> Result<Listing> {
    serde_json::from_str(document).map_err(|source| Error::Corrupt { id, source })
}

impl Store {
    /// Inserts or replaces `listings` in one transaction, recording a change
    /// for each. Returns the sequence number of the last change, or `None`
    /// when there was nothing to write. When this returns, the write is
    /// committed.
    pub async fn upsert_listings(&self, listings: &[Listing]) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        let mut last_seq = None;
        for listing in listings {
            let provider = &listing.provider;
            sqlx::query(
                "INSERT INTO providers (id, name, kind, country) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET name = ?2, kind = ?3, country = ?4",
            )
            .bind(provider.id.as_str())
            .bind(&provider.name)
            .bind(provider.kind.as_str())
            .bind(provider.country.as_str())
            .execute(&mut *tx)
            .await?;
            let document = serde_json::to_string(listing)
                .expect("a listing always serialises: it holds only strings, numbers and maps");
            sqlx::query(
                "INSERT INTO listings (id, provider_id, document) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET provider_id = ?2, document = ?3,
                 modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            )
            .bind(listing.id.as_str())
            .bind(provider.id.as_str())
            .bind(document)
            .execute(&mut *tx)
            .await?;
            let seq: i64 = sqlx::query_scalar(
                "INSERT INTO listing_changes (listing_id) VALUES (?1) RETURNING seq",
            )
            .bind(listing.id.as_str())
            .fetch_one(&mut *tx)
            .await?;
            last_seq = Some(seq);
        }
        tx.commit().await?;
        Ok(last_seq)
    }

    /// The listing with this id.
    pub async fn listing(&self, id: &ListingId) -> Result<Option<Listing>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT document FROM listings WHERE id = ?1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|(document,)| decode(id.to_string(), &document))
            .transpose()
    }

    /// The listings with these ids that exist, keyed by id.
    pub async fn listings_by_id(&self, ids: &[String]) -> Result<HashMap<String, Listing>> {
        // The ids travel as one JSON array, so the statement stays fixed
        // whatever their number.
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM listings WHERE id IN (SELECT value FROM json_each(?1))",
        )
        .bind(serde_json::to_string(ids).expect("strings serialise"))
        .fetch_all(&self.pool)
        .await?;
        let mut found = HashMap::with_capacity(rows.len());
        for (id, document) in rows {
            let listing = decode(id.clone(), &document)?;
            found.insert(id, listing);
        }
        Ok(found)
    }

    /// Every listing, ordered by id.
    pub async fn all_listings(&self) -> Result<Vec<Listing>> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT id, document FROM listings ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(id, document)| decode(id, &document))
            .collect()
    }

    /// How many listings there are.
    pub async fn count_listings(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM listings")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Every provider's id and name, by name.
    pub async fn providers(&self) -> Result<Vec<(String, String)>> {
        Ok(
            sqlx::query_as("SELECT id, name FROM providers ORDER BY name")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// The names of these providers, keyed by id.
    pub async fn provider_names(&self, ids: &[String]) -> Result<HashMap<String, String>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, name FROM providers WHERE id IN (SELECT value FROM json_each(?1))",
        )
        .bind(serde_json::to_string(ids).expect("strings serialise"))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }
}
