//! Listings and their providers.

use std::collections::HashMap;

use super::{Result, Store, decode, decode_all, json};
use crate::domain::lifecycle::diff;
use crate::domain::{Actor, Listing, ListingId};

/// Listings written per statement by an import: large enough that the cost
/// of a statement (a round trip to SQLite's thread) vanishes, small enough
/// that a chunk's JSON stays a few megabytes.
pub const IMPORT_CHUNK: usize = 500;

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
        let mut import = Import::default();
        for chunk in listings.chunks(IMPORT_CHUNK) {
            import.publish(&mut tx, actor, chunk).await?;
        }
        tx.commit().await?;
        Ok(import.last_seq)
    }

    /// Publishes the listings of every chunk received from `chunks`, all in
    /// one transaction, as [`Store::publish_listings`] does: nothing is
    /// written unless every chunk is, and the sender stopping early (a
    /// reader that met a problem drops it after sending `Err`) writes
    /// nothing. Chunks arrive as they are read, so a file of any size needs
    /// only a few chunks' worth of memory.
    pub async fn publish_chunks(
        &self,
        actor: &Actor,
        mut chunks: tokio::sync::mpsc::Receiver<std::result::Result<Vec<Listing>, ()>>,
    ) -> Result<Option<i64>> {
        let mut tx = self.write().await?;
        let mut import = Import::default();
        while let Some(chunk) = chunks.recv().await {
            let Ok(chunk) = chunk else {
                // Dropping the transaction rolls it back.
                return Ok(None);
            };
            import.publish(&mut tx, actor, &chunk).await?;
        }
        tx.commit().await?;
        Ok(import.last_seq)
    }
}

/// What an import carries from one chunk to the next.
#[derive(Default)]
struct Import {
    /// Providers written so far, so each is written once, not per listing.
    providers: HashMap<String, (String, String, String)>,
    last_seq: Option<i64>,
}

impl Import {
    async fn publish(
        &mut self,
        tx: &mut super::WriteTx,
        actor: &Actor,
        chunk: &[Listing],
    ) -> Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        publish_chunk(tx, actor, chunk, &mut self.providers).await?;
        let ids: Vec<&str> = chunk.iter().map(|l| l.id.as_str()).collect();
        let seqs: Vec<i64> = sqlx::query_scalar(
            "INSERT INTO listing_changes (listing_id)
             SELECT value FROM json_each(?1) ORDER BY key RETURNING seq",
        )
        .bind(json(&ids))
        .fetch_all(&mut **tx)
        .await?;
        if let Some(seq) = seqs.into_iter().max() {
            tx.note_public_change(seq);
            self.last_seq = Some(seq);
        }
        Ok(())
    }
}

impl Store {
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
        .bind(json(ids))
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
        .bind(json(ids))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }
}

/// Writes one chunk of an import: its providers (each once per import), the
/// listings, their open revisions closed, their audit entries. A listing
/// seen for the first time is recorded as imported without repeating its
/// fields (the document is its state); one it replaces records what changed.
async fn publish_chunk(
    tx: &mut super::WriteTx,
    actor: &Actor,
    chunk: &[Listing],
    providers_written: &mut HashMap<String, (String, String, String)>,
) -> Result<()> {
    let mut providers = Vec::new();
    for listing in chunk {
        let p = &listing.provider;
        let record = (
            p.name.clone(),
            p.kind.as_str().to_owned(),
            p.country.as_str().to_owned(),
        );
        if providers_written.get(p.id.as_str()) != Some(&record) {
            providers_written.insert(p.id.to_string(), record.clone());
            providers.push((p.id.as_str(), record.0, record.1, record.2));
        }
    }
    if !providers.is_empty() {
        sqlx::query(
            "INSERT INTO providers (id, name, kind, country)
             SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each(?1) WHERE true
             ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, country = excluded.country",
        )
        .bind(json(&providers))
        .execute(&mut **tx)
        .await?;
    }
    let ids: Vec<&str> = chunk.iter().map(|l| l.id.as_str()).collect();
    let previous: HashMap<String, String> = sqlx::query_as(
        "SELECT id, document FROM listings
         WHERE id IN (SELECT value FROM json_each(?1)) AND document IS NOT NULL",
    )
    .bind(json(&ids))
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .collect();
    let mut rows = Vec::with_capacity(chunk.len());
    let mut entries = Vec::with_capacity(chunk.len());
    for listing in chunk {
        let changes = match previous.get(listing.id.as_str()) {
            Some(document) => diff(Some(&decode(listing.id.to_string(), document)?), listing),
            None => Vec::new(),
        };
        rows.push((
            listing.id.as_str(),
            listing.provider.id.as_str(),
            json(listing),
        ));
        entries.push((listing.id.as_str(), json(&changes)));
    }
    sqlx::query(
        "INSERT INTO listings (id, provider_id, state, document)
         SELECT value->>0, value->>1, 'published', value->>2 FROM json_each(?1) WHERE true
         ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id,
            state = 'published', document = excluded.document,
            confirmed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    )
    .bind(json(&rows))
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE revisions SET state = 'replaced'
         WHERE listing_id IN (SELECT value FROM json_each(?1))
           AND state IN ('draft', 'submitted', 'changes-requested')",
    )
    .bind(json(&ids))
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO audit (listing_id, actor_id, actor, action, changes)
         SELECT value->>0, ?2, ?3, ?4, value->>1 FROM json_each(?1) ORDER BY key",
    )
    .bind(json(&entries))
    .bind(actor.user_id)
    .bind(&actor.name)
    .bind(crate::domain::lifecycle::audit::IMPORTED)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
