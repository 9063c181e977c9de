//! Spreadsheets uploaded on the site, kept between their check and their
//! confirmation.

use time::{Duration, OffsetDateTime};

use super::{Result, Store, format_timestamp, now_text};
use crate::domain::{Actor, Listing};

/// How long an unconfirmed upload is kept.
pub const UPLOAD_LIFETIME: Duration = Duration::days(1);

/// A kept upload.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file's name as uploaded.
    pub name: String,
    /// Its bytes.
    pub content: Vec<u8>,
}

impl Store {
    /// Keeps `content` for `user_id` and returns the token naming it;
    /// uploads older than [`UPLOAD_LIFETIME`] go.
    pub async fn keep_upload(&self, user_id: i64, name: &str, content: &[u8]) -> Result<String> {
        let token = super::secrets::new_secret();
        let cutoff = format_timestamp(OffsetDateTime::now_utc() - UPLOAD_LIFETIME);
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM uploads WHERE created_at < ?1")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO uploads (token, user_id, name, content, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(&token)
        .bind(user_id)
        .bind(name)
        .bind(content)
        .bind(now_text())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The upload `token` names, if it is `user_id`'s and not expired.
    pub async fn upload(&self, user_id: i64, token: &str) -> Result<Option<Upload>> {
        let cutoff = format_timestamp(OffsetDateTime::now_utc() - UPLOAD_LIFETIME);
        let row: Option<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT name, content FROM uploads WHERE token = ?1 AND user_id = ?2 AND created_at >= ?3",
        )
        .bind(token)
        .bind(user_id)
        .bind(cutoff)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(name, content)| Upload { name, content }))
    }

    /// Writes the listings of upload `token` as [`Store::write_listing`]
    /// would and forgets the upload, in one transaction: all or nothing,
    /// and once (`None` when the upload was already written or expired).
    pub async fn write_upload(
        &self,
        actor: &Actor,
        token: &str,
        listings: Vec<Listing>,
        submit: bool,
    ) -> Result<Option<usize>> {
        let count = listings.len();
        let mut tx = self.write().await?;
        let taken = sqlx::query("DELETE FROM uploads WHERE token = ?1")
            .bind(token)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if taken == 0 {
            return Ok(None);
        }
        for listing in listings {
            super::workflow::write_version(&mut tx, actor, listing, submit).await?;
        }
        tx.commit().await?;
        Ok(Some(count))
    }
}
