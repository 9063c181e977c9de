//! Listings and their providers.

use std::collections::HashMap;

use super::workflow::{audit, log_public_change};
use super::{Result, Store, decode, decode_all};
use crate::domain::lifecycle::diff;
use crate::domain::{Actor, Listing, ListingId};

impl Store {
    /// Publishes `listings` as they are, in one transaction: an operator's
    /// import, which needs no review. Creates or updates their providers,
    /// closes any open revision, records each in the audit trail and the
    /// change log. Returns the sequence number of the last change, or `None`
    /// when there was nothing to write. When this returns, the write is
    /// committed.
    pub async fn publish_listings(
        &self,
        actor: &Actor,
        listings: &[Listing],
    ) -> Result<Option<i64>> {
        let mut tx = self.write().await?;
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
            let previous: Option<Option<String>> =
                sqlx::query_scalar("SELECT document FROM listings WHERE id = ?1")
                    .bind(listing.id.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            let previous = previous
                .flatten()
                .map(|doc| decode(listing.id.to_string(), &doc))
                .transpose()?;
            let document = serde_json::to_string(listing)
                .expect("a listing always serialises: it holds only strings, numbers and maps");
            sqlx::query(
                "INSERT INTO listings (id, provider_id, state, document) VALUES (?1, ?2, 'published', ?3)
                 ON CONFLICT (id) DO UPDATE SET provider_id = ?2, state = 'published', document = ?3,
                 confirmed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                 modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            )
            .bind(listing.id.as_str())
            .bind(provider.id.as_str())
            .bind(document)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE revisions SET state = 'replaced' WHERE listing_id = ?1
                 AND state IN ('draft', 'submitted', 'changes-requested')",
            )
            .bind(listing.id.as_str())
            .execute(&mut *tx)
            .await?;
            let changes = diff(previous.as_ref(), listing);
            audit(
                &mut tx,
                listing.id.as_str(),
                actor,
                crate::domain::lifecycle::audit::IMPORTED,
                None,
                &changes,
            )
            .await?;
            last_seq = Some(log_public_change(&mut tx, listing.id.as_str()).await?);
        }
        tx.commit().await?;
        Ok(last_seq)
    }

    /// The published listing with this id.
    pub async fn listing(&self, id: &ListingId) -> Result<Option<Listing>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT document FROM listings WHERE id = ?1 AND state = 'published'")
                .bind(id.as_str())
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(document,)| decode(id.to_string(), &document))
            .transpose()
    }

    /// The published listings with these ids, keyed by id.
    pub async fn listings_by_id(&self, ids: &[String]) -> Result<HashMap<String, Listing>> {
        // The ids travel as one JSON array, so the statement stays fixed
        // whatever their number.
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM listings
             WHERE state = 'published' AND id IN (SELECT value FROM json_each(?1))",
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

    /// Every published listing, ordered by id.
    pub async fn all_listings(&self) -> Result<Vec<Listing>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM listings WHERE state = 'published' ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    /// How many listings there are, in any state.
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
