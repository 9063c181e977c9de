//! The listing lifecycle, stored: revisions, reviews, withdrawal, archiving,
//! confirmation, and the audit trail of all of it.
//!
//! Longer than most files, on purpose: the record a step reads, the
//! lifecycle's decision and the rows it writes are one transaction, and
//! they read best side by side.

use sqlx::SqliteConnection;
use time::OffsetDateTime;

use super::{Error, Missing, Result, Store, WriteTx, decode, now_text, timestamp};
use crate::domain::lifecycle::{
    self, Action, FieldChange, ListingState, Refusal, RevisionState, Standing, Why,
};
use crate::domain::{Actor, Day, Listing, ListingId, ProviderId};

/// A revision: a version written by the owner, open for review or closed.
#[derive(Debug, Clone)]
pub struct Revision {
    /// Its number.
    pub id: i64,
    /// The version.
    pub listing: Listing,
    /// Where it is.
    pub state: RevisionState,
    /// When it was last submitted.
    pub submitted_at: Option<OffsetDateTime>,
    /// The reviewer's comment when changes were requested.
    pub comment: Option<String>,
}

/// A listing with everything its owner and the Secretariat need to see.
#[derive(Debug, Clone)]
pub struct ListingRecord {
    /// Its id.
    pub id: ListingId,
    /// The owner organisation.
    pub org: ProviderId,
    /// Where it is in its life.
    pub state: ListingState,
    /// The published (or last published, if taken down) version.
    pub published: Option<Listing>,
    /// The open revision, if any.
    pub revision: Option<Revision>,
    /// The version to show its owner: the open revision, else the published
    /// version, else (for a draft withdrawn before publication) the last
    /// one written.
    pub current: Listing,
    /// When the owner last confirmed it is current.
    pub confirmed_at: Option<OffsetDateTime>,
    /// When anything about it last changed.
    pub modified_at: Option<OffsetDateTime>,
}

/// How long a published listing stays fresh without its owner confirming it.
pub const CONFIRMATION_INTERVAL: time::Duration = time::Duration::days(365);

impl ListingRecord {
    /// The version its owner is working on, else the published one, else
    /// the last one written.
    pub fn current(&self) -> &Listing {
        &self.current
    }

    /// The lifecycle's view of it.
    pub fn standing(&self) -> Standing {
        Standing {
            org: self.org.clone(),
            state: self.state,
            has_published: self.published.is_some(),
            revision: self.revision.as_ref().map(|r| r.state),
        }
    }

    /// Whether it is published and unconfirmed for longer than
    /// [`CONFIRMATION_INTERVAL`] at `now`.
    pub fn due_for_confirmation(&self, now: OffsetDateTime) -> bool {
        self.state == ListingState::Published
            && self
                .confirmed_at
                .is_none_or(|at| at + CONFIRMATION_INTERVAL < now)
    }
}

/// One entry of a listing's audit trail.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    /// When; written as stored (RFC 3339 UTC with milliseconds), which is
    /// the API's history format.
    #[serde(serialize_with = "super::serialize_timestamp")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
    /// Who.
    pub actor: String,
    /// What they did.
    pub action: String,
    /// Their comment, if any.
    pub comment: Option<String>,
    /// What changed, field by field.
    pub changes: Vec<FieldChange>,
}

type RecordRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The last column is the newest revision's document, read only when the
/// listing has neither an open revision nor a published version.
const RECORD_SELECT: &str =
    "SELECT l.id, l.provider_id, l.state, l.document, l.confirmed_at, l.modified_at,
        r.id, r.document, r.state, r.submitted_at, r.comment,
        CASE WHEN r.id IS NULL AND l.document IS NULL THEN
            (SELECT document FROM revisions WHERE listing_id = l.id ORDER BY id DESC LIMIT 1)
        END
     FROM listings l
     LEFT JOIN revisions r ON r.listing_id = l.id
         AND r.state IN ('draft', 'submitted', 'changes-requested')";

fn record(row: RecordRow) -> Result<ListingRecord> {
    let (
        id,
        org,
        state,
        document,
        confirmed_at,
        modified_at,
        rev_id,
        rev_doc,
        rev_state,
        submitted_at,
        comment,
        last_document,
    ) = row;
    let corrupt =
        |what: &str| Error::Inconsistent(format!("listing {id} has an unreadable {what}"));
    let published = document.map(|d| decode(id.clone(), &d)).transpose()?;
    let revision = match (rev_id, rev_doc, rev_state) {
        (Some(rev_id), Some(doc), Some(state)) => Some(Revision {
            id: rev_id,
            listing: decode(id.clone(), &doc)?,
            state: RevisionState::parse(&state).ok_or_else(|| corrupt("revision state"))?,
            submitted_at: submitted_at.as_deref().and_then(timestamp),
            comment,
        }),
        _ => None,
    };
    let current = match (&revision, &published, last_document) {
        (Some(revision), _, _) => revision.listing.clone(),
        (None, Some(published), _) => published.clone(),
        (None, None, Some(last)) => decode(id.clone(), &last)?,
        (None, None, None) => return Err(corrupt("history: it has no version at all")),
    };
    Ok(ListingRecord {
        id: ListingId::parse(&id).map_err(|_| corrupt("id"))?,
        org: ProviderId::parse(&org).map_err(|_| corrupt("organisation"))?,
        state: ListingState::parse(&state).ok_or_else(|| corrupt("state"))?,
        published,
        revision,
        current,
        confirmed_at: timestamp(&confirmed_at),
        modified_at: timestamp(&modified_at),
    })
}

async fn load(conn: &mut SqliteConnection, id: &str) -> Result<Option<ListingRecord>> {
    let row: Option<RecordRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{RECORD_SELECT} WHERE l.id = ?1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(record).transpose()
}

/// Appends to the audit trail.
pub(super) async fn audit(
    conn: &mut SqliteConnection,
    listing_id: &str,
    actor: &Actor,
    action: &str,
    comment: Option<&str>,
    changes: &[FieldChange],
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit (listing_id, actor_id, actor, action, comment, changes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(listing_id)
    .bind(actor.user_id)
    .bind(&actor.name)
    .bind(action)
    .bind(comment)
    .bind(serde_json::to_string(changes).expect("changes serialise"))
    .execute(conn)
    .await?;
    Ok(())
}

/// Records that the public version of a listing changed, for the index;
/// the change is announced once `tx` commits.
pub(super) async fn log_public_change(tx: &mut WriteTx, listing_id: &str) -> Result<i64> {
    let seq =
        sqlx::query_scalar("INSERT INTO listing_changes (listing_id) VALUES (?1) RETURNING seq")
            .bind(listing_id)
            .fetch_one(&mut **tx)
            .await?;
    tx.note_public_change(seq);
    Ok(seq)
}

/// Writes `listing` as the open revision of its listing within `tx` (see
/// [`Store::write_listing`]).
pub(super) async fn write_version(
    tx: &mut WriteTx,
    actor: &Actor,
    mut listing: Listing,
    submit: bool,
) -> Result<ListingState> {
    let action = Action::Write { submit };
    let id = listing.id.to_string();
    let new_org = listing.provider.id.clone();
    let existing = load(tx, &id).await?;
    let owner = existing.as_ref().map_or(&new_org, |r| &r.org);
    let transition = lifecycle::decide(
        actor,
        action,
        existing.as_ref().map(ListingRecord::standing).as_ref(),
        owner,
    )
    .map_err(|refusal| refuse(actor, &id, action, refusal))?;
    if !actor.may_manage(&new_org) {
        return Err(refuse(
            actor,
            &id,
            action,
            Refusal::Forbidden(Why::ListingForAnotherOrganisation(new_org.clone())),
        ));
    }
    let org: Option<(String, String, String)> =
        sqlx::query_as("SELECT name, kind, country FROM providers WHERE id = ?1")
            .bind(new_org.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    let Some((name, kind, country)) = org else {
        return Err(Error::NotFound(Missing::Organisation(new_org.to_string())));
    };
    listing.provider.name = name;
    listing.provider.kind = serde_json::from_value(kind.into()).map_err(|_| {
        Error::Inconsistent(format!("organisation {new_org} has an unreadable type"))
    })?;
    listing.provider.country = crate::domain::CountryCode::parse(&country).map_err(|_| {
        Error::Inconsistent(format!("organisation {new_org} has an unreadable country"))
    })?;

    let previous = existing.as_ref().map(ListingRecord::current);
    let changes = lifecycle::diff(previous, &listing);
    let revision_state = transition.revision.unwrap_or(RevisionState::Draft);
    let submitted_at = submit.then(now_text);
    match existing.as_ref().and_then(|r| r.revision.as_ref()) {
        Some(open) => {
            sqlx::query(
                "UPDATE revisions SET document = ?2, state = ?3, author_id = ?4,
                    submitted_at = coalesce(?5, submitted_at), comment = CASE WHEN ?3 = 'submitted' THEN NULL ELSE comment END
                 WHERE id = ?1",
            )
            .bind(open.id)
            .bind(to_json(&listing))
            .bind(revision_state.as_str())
            .bind(actor.user_id)
            .bind(submitted_at)
            .execute(&mut **tx)
            .await?;
        }
        None => {
            if existing.is_none() {
                sqlx::query("INSERT INTO listings (id, provider_id, state) VALUES (?1, ?2, ?3)")
                    .bind(&id)
                    .bind(new_org.as_str())
                    .bind(transition.state.as_str())
                    .execute(&mut **tx)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO revisions (listing_id, document, state, author_id, submitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(&id)
            .bind(to_json(&listing))
            .bind(revision_state.as_str())
            .bind(actor.user_id)
            .bind(submitted_at)
            .execute(&mut **tx)
            .await?;
        }
    }
    sqlx::query("UPDATE listings SET state = ?2, provider_id = ?3, modified_at = ?4 WHERE id = ?1")
        .bind(&id)
        .bind(transition.state.as_str())
        .bind(new_org.as_str())
        .bind(now_text())
        .execute(&mut **tx)
        .await?;
    let what = match (existing.is_some(), submit) {
        (false, false) => lifecycle::audit::CREATED_DRAFT,
        (false, true) => lifecycle::audit::CREATED_SUBMITTED,
        (true, false) => lifecycle::audit::EDITED_DRAFT,
        (true, true) => lifecycle::audit::EDITED_SUBMITTED,
    };
    audit(tx, &id, actor, what, None, &changes).await?;
    Ok(transition.state)
}

fn refuse(actor: &Actor, listing: &str, action: Action, refusal: Refusal) -> Error {
    if let Refusal::Forbidden(_) = &refusal {
        tracing::warn!(
            target: "catalogue::access",
            actor = %actor.name,
            actor_org = actor.org.as_ref().map(ProviderId::as_str),
            listing,
            action = action.audit_name(),
            "refused: not the owner organisation or role"
        );
    }
    Error::Refused(refusal)
}

fn to_json(listing: &Listing) -> String {
    serde_json::to_string(listing).expect("a listing always serialises")
}

impl Store {
    /// The listing with this id, in whatever state.
    pub async fn listing_record(&self, id: &str) -> Result<Option<ListingRecord>> {
        let mut conn = self.pool.acquire().await?;
        load(&mut conn, id).await
    }

    async fn records(
        &self,
        condition: &'static str,
        bind: Option<&str>,
    ) -> Result<Vec<ListingRecord>> {
        let sql = format!("{RECORD_SELECT} {condition}");
        let mut query = sqlx::query_as::<_, RecordRow>(sqlx::AssertSqlSafe(sql));
        if let Some(value) = bind {
            query = query.bind(value.to_owned());
        }
        query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(record)
            .collect()
    }

    /// An organisation's listings in every state, most recently changed first.
    pub async fn org_listings(&self, org: &ProviderId) -> Result<Vec<ListingRecord>> {
        self.records(
            "WHERE l.provider_id = ?1 ORDER BY l.modified_at DESC, l.id",
            Some(org.as_str()),
        )
        .await
    }

    /// Listings with a revision waiting for review, longest waiting first.
    pub async fn review_queue(&self) -> Result<Vec<ListingRecord>> {
        self.records(
            "WHERE r.state = 'submitted' ORDER BY r.submitted_at, l.id",
            None,
        )
        .await
    }

    /// Published listings not confirmed by their owner since `before`,
    /// least recently confirmed first.
    pub async fn unconfirmed_since(&self, before: OffsetDateTime) -> Result<Vec<ListingRecord>> {
        let cutoff = super::format_timestamp(before);
        self.records(
            "WHERE l.state = 'published' AND l.confirmed_at < ?1 ORDER BY l.confirmed_at, l.id",
            Some(&cutoff),
        )
        .await
    }

    /// Creates or edits a listing as `actor`: the version becomes the open
    /// revision (a draft, or submitted for review); a published version
    /// stays live until the Secretariat approves the revision. The provider
    /// block is taken from the organisation's record. Returns the listing's
    /// state afterwards.
    pub async fn write_listing(
        &self,
        actor: &Actor,
        listing: Listing,
        submit: bool,
    ) -> Result<ListingState> {
        let mut tx = self.write().await?;
        let state = write_version(&mut tx, actor, listing, submit).await?;
        tx.commit().await?;
        Ok(state)
    }

    /// Does `action` (anything but writing a version) to listing `id` as
    /// `actor`, with the reviewer's `comment` where one is asked for.
    /// Returns the listing's state afterwards.
    pub async fn act(
        &self,
        actor: &Actor,
        id: &str,
        action: Action,
        comment: Option<&str>,
    ) -> Result<ListingState> {
        let mut tx = self.write().await?;
        let Some(existing) = load(&mut tx, id).await? else {
            return Err(Error::NotFound(Missing::Listing(id.to_owned())));
        };
        let transition =
            lifecycle::decide(actor, action, Some(&existing.standing()), &existing.org)
                .map_err(|refusal| refuse(actor, id, action, refusal))?;
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        if action == Action::RequestChanges && comment.is_none() {
            return Err(Error::Refused(Refusal::Conflict(Why::CommentNeeded)));
        }
        let now = now_text();
        let mut changes = Vec::new();
        match action {
            Action::Approve => {
                let revision = existing.revision.as_ref().expect("decide checked it");
                let mut approved = revision.listing.clone();
                approved.updated = Some(Day::today());
                changes = lifecycle::diff(existing.published.as_ref(), &approved);
                sqlx::query(
                    "UPDATE revisions SET state = 'approved', reviewer_id = ?2, reviewed_at = ?3 WHERE id = ?1",
                )
                .bind(revision.id)
                .bind(actor.user_id)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE listings SET document = ?2, confirmed_at = ?3 WHERE id = ?1")
                    .bind(id)
                    .bind(to_json(&approved))
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
            }
            Action::RequestChanges => {
                let revision = existing.revision.as_ref().expect("decide checked it");
                sqlx::query(
                    "UPDATE revisions SET state = 'changes-requested', reviewer_id = ?2, reviewed_at = ?3, comment = ?4
                     WHERE id = ?1",
                )
                .bind(revision.id)
                .bind(actor.user_id)
                .bind(&now)
                .bind(comment)
                .execute(&mut *tx)
                .await?;
            }
            Action::Submit => {
                let revision = existing.revision.as_ref().expect("decide checked it");
                sqlx::query(
                    "UPDATE revisions SET state = 'submitted', submitted_at = ?2, comment = NULL WHERE id = ?1",
                )
                .bind(revision.id)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
            }
            Action::Withdraw | Action::Archive => {
                let closed = if action == Action::Withdraw {
                    "withdrawn"
                } else {
                    "replaced"
                };
                sqlx::query(
                    "UPDATE revisions SET state = ?2 WHERE listing_id = ?1
                     AND state IN ('draft', 'submitted', 'changes-requested')",
                )
                .bind(id)
                .bind(closed)
                .execute(&mut *tx)
                .await?;
            }
            Action::Confirm => {
                sqlx::query("UPDATE listings SET confirmed_at = ?2 WHERE id = ?1")
                    .bind(id)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
            }
            Action::Write { .. } => unreachable!("writes go through write_listing"),
        }
        if action != Action::Confirm {
            sqlx::query("UPDATE listings SET state = ?2, modified_at = ?3 WHERE id = ?1")
                .bind(id)
                .bind(transition.state.as_str())
                .bind(&now)
                .execute(&mut *tx)
                .await?;
        }
        if transition.public_change {
            log_public_change(&mut tx, id).await?;
        }
        audit(&mut tx, id, actor, action.audit_name(), comment, &changes).await?;
        tx.commit().await?;
        Ok(transition.state)
    }

    /// A listing's audit trail, oldest first.
    pub async fn history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        let rows: Vec<(OffsetDateTime, String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT at, actor, action, comment, changes FROM audit WHERE listing_id = ?1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(at, actor, action, comment, changes)| AuditEntry {
                at,
                actor,
                action,
                comment,
                changes: serde_json::from_str(&changes).unwrap_or_default(),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirmation_falls_due_after_a_year() {
        let now = OffsetDateTime::now_utc();
        let listing: Listing = serde_json::from_value(serde_json::json!({
            "id": "x-1", "kind": "course", "title": "T", "summary": "S",
            "topics": ["document-examination"], "languages": ["en"],
            "provider": {"id": "p1", "name": "P", "type": "academic", "country": "TH"},
            "contact": {"name": "D", "email": "d@example.org"}
        }))
        .unwrap();
        let mut record = ListingRecord {
            id: listing.id.clone(),
            org: listing.provider.id.clone(),
            state: ListingState::Published,
            published: Some(listing.clone()),
            revision: None,
            current: listing,
            confirmed_at: Some(now - time::Duration::days(364)),
            modified_at: None,
        };
        assert!(!record.due_for_confirmation(now));
        record.confirmed_at = Some(now - time::Duration::days(366));
        assert!(record.due_for_confirmation(now));
        record.state = ListingState::Withdrawn;
        assert!(!record.due_for_confirmation(now));
    }
}
