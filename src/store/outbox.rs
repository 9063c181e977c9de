//! Mail waiting to be sent, and mail sent.

use sqlx::SqliteConnection;

use super::{Result, Store};
use time::OffsetDateTime;

/// One message to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// The recipient's address.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct QueuedMail {
    /// Its number.
    pub id: i64,
    /// The recipient's address.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// When it was queued.
    pub created_at: OffsetDateTime,
    /// When it was handed to the mail server, if it was.
    pub sent_at: Option<OffsetDateTime>,
    /// How many times sending failed.
    pub attempts: i64,
    /// The last failure.
    pub last_error: Option<String>,
}

/// Queues `mail` inside the caller's transaction, so that it is sent if and
/// only if what it announces is committed.
pub(super) async fn queue(conn: &mut SqliteConnection, mail: &Mail) -> Result<()> {
    sqlx::query("INSERT INTO outbox (recipient, subject, body) VALUES (?1, ?2, ?3)")
        .bind(&mail.recipient)
        .bind(&mail.subject)
        .bind(&mail.body)
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    /// Queues one message on its own.
    pub async fn queue_mail(&self, mail: &Mail) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        queue(&mut conn, mail).await
    }

    /// Unsent messages that have failed fewer than `max_attempts` times,
    /// oldest first.
    pub async fn unsent_mail(&self, max_attempts: i64, limit: i64) -> Result<Vec<QueuedMail>> {
        Ok(sqlx::query_as(
            "SELECT * FROM outbox WHERE sent_at IS NULL AND attempts < ?1 ORDER BY id LIMIT ?2",
        )
        .bind(max_attempts)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records that message `id` was handed to the mail server.
    pub async fn mark_mail_sent(&self, id: i64) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), attempts = attempts + 1
             WHERE id = ?1",
        )
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt to send message `id`.
    pub async fn mark_mail_failed(&self, id: i64, error: &str) -> Result<()> {
        sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1")
            .bind(id)
            .bind(error)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest messages, sent or not, newest first.
    pub async fn recent_mail(&self, limit: i64) -> Result<Vec<QueuedMail>> {
        Ok(
            sqlx::query_as("SELECT * FROM outbox ORDER BY id DESC LIMIT ?1")
                .bind(limit)
                .fetch_all(&self.pool)
                .await?,
        )
    }
}
