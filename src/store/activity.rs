//! What has happened across the catalogue, newest first: the steps of
//! listings' lives from their audit trails, and organisations and people
//! added.

use super::{Result, Store};

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Activity {
    /// When, as stored (RFC 3339, UTC).
    pub at: String,
    /// `listing`, `organisation` or `person`.
    pub kind: String,
    /// For a listing, the action as its audit trail names it; for a
    /// person, their role; for an organisation, its type.
    pub action: String,
    /// Who did it (listings only; empty otherwise).
    pub actor: String,
    /// The comment given, if any.
    pub comment: Option<String>,
    /// The listing's id, the person's address or the organisation's id.
    pub subject: String,
    /// The listing's title, the person's or the organisation's name.
    pub title: String,
    /// The organisation it concerns, if any.
    pub org_id: Option<String>,
    /// That organisation's name.
    pub org_name: Option<String>,
}

impl Store {
    /// Up to `limit` things that happened, newest first, skipping the
    /// first `offset`; only those of organisation `org` when given. Work on
    /// drafts (saving, editing before submitting) is left out: it is the
    /// owner's own until submitted.
    pub async fn activity(
        &self,
        org: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Activity>> {
        Ok(sqlx::query_as(
            "SELECT e.*, p.name AS org_name FROM (
                 SELECT a.at, 'listing' AS kind, a.action, a.actor, a.comment,
                        a.listing_id AS subject,
                        coalesce(l.document ->> '$.title',
                                 (SELECT r.document ->> '$.title' FROM revisions r
                                  WHERE r.listing_id = l.id ORDER BY r.id DESC LIMIT 1),
                                 a.listing_id) AS title,
                        l.provider_id AS org_id
                 FROM audit a JOIN listings l ON l.id = a.listing_id
                 WHERE a.action NOT IN ('saved', 'created as a draft', 'edited (draft)')
                 UNION ALL
                 SELECT u.created_at, 'person', u.role, '', NULL, u.email, u.name, u.org_id
                 FROM users u
                 UNION ALL
                 SELECT o.created_at, 'organisation', o.kind, '', NULL, o.id, o.name, o.id
                 FROM providers o WHERE o.created_at IS NOT NULL
             ) e LEFT JOIN providers p ON p.id = e.org_id
             WHERE ?1 IS NULL OR e.org_id = ?1
             ORDER BY e.at DESC, e.kind, e.subject LIMIT ?2 OFFSET ?3",
        )
        .bind(org)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?)
    }
}
