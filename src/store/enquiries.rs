//! Enquiries sent by visitors to the organisation that owns a listing.

use super::outbox::{Mail, queue};
use super::{Result, Store};
use crate::domain::ProviderId;
use time::OffsetDateTime;

/// An enquiry as the owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Enquiry {
    /// Its number.
    pub id: i64,
    /// The listing asked about.
    pub listing_id: String,
    /// The sender's name.
    pub name: String,
    /// The sender's e-mail address, to reply to.
    pub email: String,
    /// What they asked.
    pub message: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// A new enquiry.
#[derive(Debug, Clone)]
pub struct NewEnquiry<'a> {
    /// The listing asked about.
    pub listing_id: &'a str,
    /// Its owner.
    pub org: &'a ProviderId,
    /// The sender's name.
    pub name: &'a str,
    /// The sender's e-mail address.
    pub email: &'a str,
    /// The message.
    pub message: &'a str,
}

impl Store {
    /// Keeps an enquiry and queues `mails` to the owner's people, together.
    pub async fn add_enquiry(&self, enquiry: &NewEnquiry<'_>, mails: &[Mail]) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO enquiries (listing_id, org_id, name, email, message) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(enquiry.listing_id)
        .bind(enquiry.org.as_str())
        .bind(enquiry.name)
        .bind(enquiry.email)
        .bind(enquiry.message)
        .execute(&mut *tx)
        .await?;
        for mail in mails {
            queue(&mut tx, mail).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The newest enquiries to an organisation, newest first.
    pub async fn enquiries_to(&self, org: &ProviderId, limit: i64) -> Result<Vec<Enquiry>> {
        Ok(sqlx::query_as(
            "SELECT id, listing_id, name, email, message, created_at FROM enquiries
             WHERE org_id = ?1 ORDER BY id DESC LIMIT ?2",
        )
        .bind(org.as_str())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
