//! What the mail that moves the workflow reads and records: each person's
//! choices and language, the audit entries not yet announced, listings due
//! a freshness reminder, the weekly digests queued, and the key that signs
//! confirmation links. Every queueing step writes its mail and its record
//! of having done so in one transaction, so a notice is neither lost nor
//! sent twice, whatever stops the process and however many run.

use super::outbox::{Mail, queue};
use super::workflow::audit;
use super::{Result, Store, WriteTx, now_text};
use crate::domain::{Actor, MailChoices, ProviderId, Subscription};

/// Someone mail is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Recipient {
    /// Their account, if they have one (a listing's contact may not).
    pub id: Option<i64>,
    /// Their address.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their interface language's tag, if they chose one.
    pub language: Option<String>,
}

/// What a person receives, and in which language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettings {
    /// Their interface language's tag, if they chose one.
    pub language: Option<String>,
    /// What they receive.
    pub choices: MailChoices,
}

/// An audit entry, with what a notice of it needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Notice {
    /// The entry's number.
    pub audit_id: i64,
    /// The listing.
    pub listing_id: String,
    /// What was done, as the audit trail names it.
    pub action: String,
    /// The comment given (changes requested, archived).
    pub comment: Option<String>,
    /// Who did it, when it was a person.
    pub actor_id: Option<i64>,
    /// The listing's organisation.
    pub org_id: String,
    /// Its name.
    pub org_name: String,
    /// The listing's newest title.
    pub title: String,
    /// Whether the listing had been published before this entry: a
    /// submission is then a revision of a public listing.
    pub published_before: bool,
}

/// When a freshness reminder falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderStage {
    /// Thirty days before the listing goes a year unconfirmed.
    Soon,
    /// When it has.
    Due,
}

impl ReminderStage {
    fn as_str(self) -> &'static str {
        match self {
            ReminderStage::Soon => "soon",
            ReminderStage::Due => "due",
        }
    }
}

/// A published listing due a freshness reminder.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DueListing {
    /// Its id.
    pub id: String,
    /// Its organisation.
    pub org_id: String,
    /// Its title.
    pub title: String,
    /// When it was last confirmed, as stored.
    pub confirmed_at: String,
    /// Its published contact's address.
    pub contact_email: String,
    /// Its published contact's name.
    pub contact_name: String,
}

/// A reminder queued for a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedReminder {
    /// The listing.
    pub listing_id: String,
    /// The confirmation it is about, as stored.
    pub confirmed_at: String,
    /// Unix time its confirmation link stops working.
    pub expires: i64,
}

/// Queues `mails` in `tx` and commits: the mail goes with the record of
/// having sent it.
async fn queue_and_commit(mut tx: WriteTx, mails: &[Mail]) -> Result<bool> {
    for mail in mails {
        queue(&mut tx, mail).await?;
    }
    tx.commit().await?;
    Ok(true)
}

type ChoiceRow = (Option<String>, i64, i64, i64, i64);

const SUBSCRIBED: &str = "SELECT id, email, name, language FROM users
     WHERE disabled_at IS NULL AND password_hash IS NOT NULL";

impl Store {
    /// What person `user_id` receives; the defaults for an unknown one.
    pub async fn mail_settings(&self, user_id: i64) -> Result<MailSettings> {
        let row: Option<ChoiceRow> = sqlx::query_as(
            "SELECT language, mail_reviews, mail_digest, mail_listing_news, mail_reminders
             FROM users WHERE id = ?1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some((language, reviews, digest, listing_news, reminders)) => MailSettings {
                language,
                choices: MailChoices {
                    reviews: reviews != 0,
                    digest: digest != 0,
                    listing_news: listing_news != 0,
                    reminders: reminders != 0,
                },
            },
            None => MailSettings {
                language: None,
                choices: MailChoices::default(),
            },
        })
    }

    /// Stores what person `user_id` receives and in which language.
    pub async fn set_mail_settings(&self, user_id: i64, settings: &MailSettings) -> Result<()> {
        let c = &settings.choices;
        sqlx::query(
            "UPDATE users SET language = ?2, mail_reviews = ?3, mail_digest = ?4,
                 mail_listing_news = ?5, mail_reminders = ?6
             WHERE id = ?1",
        )
        .bind(user_id)
        .bind(&settings.language)
        .bind(c.reviews)
        .bind(c.digest)
        .bind(c.listing_news)
        .bind(c.reminders)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Remembers `language` as person `user_id`'s unless they chose one.
    pub async fn set_language_if_unset(&self, user_id: i64, language: &str) -> Result<()> {
        sqlx::query("UPDATE users SET language = ?2 WHERE id = ?1 AND language IS NULL")
            .bind(user_id)
            .bind(language)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The people who can sign in and chose to receive `subscription`: the
    /// Secretariat's for reviews and the digest, organisation `org`'s
    /// contributors for news of their listings and reminders.
    pub async fn subscribers(
        &self,
        subscription: Subscription,
        org: Option<&ProviderId>,
    ) -> Result<Vec<Recipient>> {
        let condition = match subscription {
            Subscription::Reviews => "role = 'secretariat' AND mail_reviews = 1",
            Subscription::Digest => "role = 'secretariat' AND mail_digest = 1",
            Subscription::ListingNews => {
                "role = 'contributor' AND org_id = ?1 AND mail_listing_news = 1"
            }
            Subscription::Reminders => {
                "role = 'contributor' AND org_id = ?1 AND mail_reminders = 1"
            }
        };
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SUBSCRIBED} AND {condition} ORDER BY id"
        )))
        .bind(org.map(ProviderId::as_str))
        .fetch_all(&self.pool)
        .await?)
    }

    /// The contributors of organisation `org` who can sign in, whatever
    /// they chose to receive (enquiries about their listings always go).
    pub async fn org_people(&self, org: &ProviderId) -> Result<Vec<Recipient>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SUBSCRIBED} AND role = 'contributor' AND org_id = ?1 ORDER BY id"
        )))
        .bind(org.as_str())
        .fetch_all(&self.pool)
        .await?)
    }

    /// The audit entry up to which notices are queued.
    pub async fn notice_cursor(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT audit_id FROM notice_cursor WHERE only = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Up to `limit` audit entries after `cursor`, oldest first.
    pub async fn notices_after(&self, cursor: i64, limit: i64) -> Result<Vec<Notice>> {
        Ok(sqlx::query_as(
            "SELECT a.id AS audit_id, a.listing_id, a.action, a.comment, a.actor_id,
                    l.provider_id AS org_id, p.name AS org_name,
                    coalesce((SELECT r.document ->> '$.title' FROM revisions r
                              WHERE r.listing_id = l.id ORDER BY r.id DESC LIMIT 1),
                             l.document ->> '$.title', l.id) AS title,
                    EXISTS (SELECT 1 FROM audit b WHERE b.listing_id = a.listing_id AND b.id < a.id
                            AND b.action IN ('approved', 'imported and published')) AS published_before
             FROM audit a
             JOIN listings l ON l.id = a.listing_id
             JOIN providers p ON p.id = l.provider_id
             WHERE a.id > ?1 ORDER BY a.id LIMIT ?2",
        )
        .bind(cursor)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Queues the notices of the audit entries after `from` up to `to`, and
    /// moves the cursor there, in one transaction. Returns false, queueing
    /// nothing, when the cursor is no longer at `from` (another process
    /// queued them).
    pub async fn queue_notices(&self, from: i64, to: i64, mails: &[Mail]) -> Result<bool> {
        let mut tx = self.write().await?;
        let moved = sqlx::query("UPDATE notice_cursor SET audit_id = ?2 WHERE audit_id = ?1")
            .bind(from)
            .bind(to)
            .execute(&mut *tx)
            .await?;
        if moved.rows_affected() == 0 {
            return Ok(false);
        }
        queue_and_commit(tx, mails).await
    }

    /// Up to `limit` published listings last confirmed before
    /// `confirmed_before` (and, when given, not before `confirmed_since`)
    /// that have had no reminder of `stage` about that confirmation, in
    /// the order they were confirmed and by organisation, after `after`
    /// (the last one of the previous batch): read along the index, so that
    /// a batch costs what it returns however many came before.
    pub async fn listings_due_reminder(
        &self,
        stage: ReminderStage,
        confirmed_before: &str,
        confirmed_since: Option<&str>,
        after: Option<&DueListing>,
        limit: i64,
    ) -> Result<Vec<DueListing>> {
        Ok(sqlx::query_as(
            "SELECT l.id, l.provider_id AS org_id, l.document ->> '$.title' AS title, l.confirmed_at,
                    l.document ->> '$.contact.email' AS contact_email,
                    l.document ->> '$.contact.name' AS contact_name
             FROM listings l
             WHERE l.state = 'published' AND l.confirmed_at < ?1
               AND l.confirmed_at >= coalesce(?2, '')
               AND (?4 IS NULL OR (l.confirmed_at, l.provider_id, l.id) > (?4, ?5, ?6))
               AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.listing_id = l.id
                               AND m.confirmed_at = l.confirmed_at AND m.stage = ?3)
             ORDER BY l.confirmed_at, l.provider_id, l.id LIMIT ?7",
        )
        .bind(confirmed_before)
        .bind(confirmed_since)
        .bind(stage.as_str())
        .bind(after.map(|l| &l.confirmed_at))
        .bind(after.map(|l| &l.org_id))
        .bind(after.map(|l| &l.id))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records reminders of `stage` and queues their mail, in one
    /// transaction. Returns false, queueing nothing, when any was recorded
    /// already (another process sent it).
    pub async fn queue_reminders(
        &self,
        stage: ReminderStage,
        reminders: &[QueuedReminder],
        mails: &[Mail],
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        for reminder in reminders {
            let recorded = sqlx::query(
                "INSERT INTO reminders (listing_id, confirmed_at, stage, expires) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
            )
            .bind(&reminder.listing_id)
            .bind(&reminder.confirmed_at)
            .bind(stage.as_str())
            .bind(reminder.expires)
            .execute(&mut *tx)
            .await?;
            if recorded.rows_affected() == 0 {
                return Ok(false);
            }
        }
        queue_and_commit(tx, mails).await
    }

    /// The confirmations of listing `id` that reminders were sent about
    /// with links expiring at `expires`.
    pub async fn reminded_confirmations(&self, id: &str, expires: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT confirmed_at FROM reminders WHERE listing_id = ?1 AND expires = ?2",
        )
        .bind(id)
        .bind(expires)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Listing `id`'s state, title and last confirmation, as stored.
    pub async fn confirmation_of(&self, id: &str) -> Result<Option<(String, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT state, coalesce(document ->> '$.title', id), confirmed_at FROM listings WHERE id = ?1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Confirms published listing `id` is current as `actor`, if its last
    /// confirmation is still `confirmed_at`: a link naming a confirmation
    /// works once. Returns whether it did.
    pub async fn confirm_if_unchanged(
        &self,
        actor: &Actor,
        id: &str,
        confirmed_at: &str,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let confirmed = sqlx::query(
            "UPDATE listings SET confirmed_at = ?3
             WHERE id = ?1 AND state = 'published' AND confirmed_at = ?2",
        )
        .bind(id)
        .bind(confirmed_at)
        .bind(now_text())
        .execute(&mut *tx)
        .await?;
        if confirmed.rows_affected() == 0 {
            return Ok(false);
        }
        let action = crate::domain::lifecycle::Action::Confirm.audit_name();
        audit(&mut tx, id, actor, action, None, &[]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Whether the digest of `week` is queued.
    pub async fn digest_queued(&self, week: &str) -> Result<bool> {
        Ok(
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM digests WHERE week = ?1)")
                .bind(week)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Records the digest of `week` and queues its mail, in one
    /// transaction. Returns false, queueing nothing, when it was already.
    pub async fn queue_digest(&self, week: &str, mails: &[Mail]) -> Result<bool> {
        let mut tx = self.write().await?;
        let recorded = sqlx::query("INSERT INTO digests (week) VALUES (?1) ON CONFLICT DO NOTHING")
            .bind(week)
            .execute(&mut *tx)
            .await?;
        if recorded.rows_affected() == 0 {
            return Ok(false);
        }
        queue_and_commit(tx, mails).await
    }

    /// The key that signs links for `purpose`, made with the database.
    pub async fn signing_key(&self, purpose: &str) -> Result<Vec<u8>> {
        Ok(
            sqlx::query_scalar("SELECT key FROM signing_keys WHERE purpose = ?1")
                .bind(purpose)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
