//! Organisations, the people who sign in for them, one-time links and API
//! tokens.
//!
//! Longer than most files: these share the `users` table and the
//! transactions that end a person's sessions, links and tokens together.

use sqlx::SqliteConnection;
use time::{Duration, OffsetDateTime};

use super::outbox::{Mail, queue};
use super::secrets::{hash_secret, new_secret};
use super::{Clash, Error, Missing, Result, Store, format_timestamp, now_text, timestamp};
use crate::domain::{Actor, CountryCode, ProviderId, Role};

pub use crate::domain::Organisation;

/// An organisation with its numbers, for the Secretariat's list.
#[derive(Debug, Clone)]
pub struct OrganisationSummary {
    /// The organisation.
    pub organisation: Organisation,
    /// Its published listings.
    pub published: i64,
    /// Its listings in any state.
    pub listings: i64,
    /// Its people.
    pub people: i64,
}

/// A person who can sign in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Its number.
    pub id: i64,
    /// E-mail address, lower case; the sign-in name.
    pub email: String,
    /// Full name.
    pub name: String,
    /// What the person may do.
    pub role: Role,
    /// Their organisation (always set for contributors).
    pub org: Option<ProviderId>,
    /// The argon2 PHC string; `None` until the invitation is accepted.
    pub password_hash: Option<String>,
    /// Whether the Secretariat has disabled the account.
    pub disabled: bool,
}

impl Account {
    /// The account acting on the catalogue.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.id),
            name: format!("{} <{}>", self.name, self.email),
            role: self.role,
            org: self.org.clone(),
        }
    }
}

type AccountRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

const ACCOUNT_COLUMNS: &str = "id, email, name, role, org_id, password_hash, disabled_at";

fn account(row: AccountRow) -> Account {
    let (id, email, name, role, org, password_hash, disabled_at) = row;
    Account {
        id,
        email,
        name,
        // The column's CHECK admits only the two roles.
        role: Role::parse(&role).unwrap_or(Role::Contributor),
        org: org.and_then(|o| ProviderId::parse(&o).ok()),
        password_hash,
        disabled: disabled_at.is_some(),
    }
}

/// What a one-time link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Accept an invitation and choose a first password.
    Invite,
    /// Choose a new password.
    Reset,
}

impl LinkPurpose {
    fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invite => "invite",
            LinkPurpose::Reset => "reset",
        }
    }

    /// How long a link stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            LinkPurpose::Invite => Duration::days(7),
            LinkPurpose::Reset => Duration::hours(2),
        }
    }
}

/// What a one-time link is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkStatus {
    /// Usable, by this account.
    Valid(Account, LinkPurpose),
    /// Used already.
    Used,
    /// Too old.
    Expired,
    /// Never issued (or mistyped).
    Unknown,
}

impl Store {
    /// Adds an organisation; refuses an id already taken.
    pub async fn add_organisation(&self, org: &Organisation) -> Result<()> {
        let inserted = sqlx::query(
            "INSERT INTO providers (id, name, kind, country) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(org.id.as_str())
        .bind(&org.name)
        .bind(org.kind.as_str())
        .bind(org.country.as_str())
        .execute(&self.pool)
        .await?;
        Clash::OrganisationId(org.id.to_string()).unless_inserted(inserted)
    }

    /// Changes an organisation's name, type and country, and the copies of
    /// them in its listings' versions; published ones are reindexed.
    pub async fn update_organisation(&self, org: &Organisation) -> Result<()> {
        let mut tx = self.write().await?;
        let updated =
            sqlx::query("UPDATE providers SET name = ?2, kind = ?3, country = ?4 WHERE id = ?1")
                .bind(org.id.as_str())
                .bind(&org.name)
                .bind(org.kind.as_str())
                .bind(org.country.as_str())
                .execute(&mut *tx)
                .await?;
        if updated.rows_affected() == 0 {
            return Err(Error::NotFound(Missing::Organisation(org.id.to_string())));
        }
        let provider = "json_set(document, '$.provider.name', ?2, '$.provider.type', ?3, '$.provider.country', ?4)";
        for sql in [
            format!("UPDATE listings SET document = {provider} WHERE provider_id = ?1 AND document IS NOT NULL"),
            format!(
                "UPDATE revisions SET document = {provider} WHERE listing_id IN (SELECT id FROM listings WHERE provider_id = ?1)
                 AND state IN ('draft', 'submitted', 'changes-requested')"
            ),
        ] {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(org.id.as_str())
                .bind(&org.name)
                .bind(org.kind.as_str())
                .bind(org.country.as_str())
                .execute(&mut *tx)
                .await?;
        }
        let published: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM listings WHERE provider_id = ?1 AND state = 'published'",
        )
        .bind(org.id.as_str())
        .fetch_all(&mut *tx)
        .await?;
        for id in published {
            super::workflow::log_public_change(&mut tx, &id).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The organisation with this id.
    pub async fn organisation(&self, id: &str) -> Result<Option<Organisation>> {
        let row: Option<(String, String, String, String)> =
            sqlx::query_as("SELECT id, name, kind, country FROM providers WHERE id = ?1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(organisation))
    }

    /// Every organisation with its numbers, by name.
    pub async fn organisations(&self) -> Result<Vec<OrganisationSummary>> {
        let rows: Vec<(String, String, String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT p.id, p.name, p.kind, p.country,
                    (SELECT count(*) FROM listings l WHERE l.provider_id = p.id AND l.state = 'published'),
                    (SELECT count(*) FROM listings l WHERE l.provider_id = p.id),
                    (SELECT count(*) FROM users u WHERE u.org_id = p.id)
             FROM providers p ORDER BY p.name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, name, kind, country, published, listings, people)| {
                Some(OrganisationSummary {
                    organisation: organisation((id, name, kind, country))?,
                    published,
                    listings,
                    people,
                })
            })
            .collect())
    }

    /// Adds a person; they sign in after accepting an invitation. Refuses an
    /// e-mail address already in use and an unknown organisation.
    pub async fn add_account(
        &self,
        email: &str,
        name: &str,
        role: Role,
        org: Option<&ProviderId>,
    ) -> Result<Account> {
        if let Some(org) = org
            && self.organisation(org.as_str()).await?.is_none()
        {
            return Err(Error::NotFound(Missing::Organisation(org.to_string())));
        }
        if role == Role::Contributor && org.is_none() {
            return Err(Error::Conflict(Clash::ContributorWithoutOrganisation));
        }
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (email, name, role, org_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(email)
        .bind(name)
        .bind(role.as_str())
        .bind(org.map(ProviderId::as_str))
        .fetch_optional(&self.pool)
        .await?;
        let Some(id) = id else {
            return Err(Error::Conflict(Clash::Email(email.to_owned())));
        };
        self.account(id)
            .await?
            .ok_or_else(|| Error::Inconsistent("the new account vanished".to_owned()))
    }

    /// The account with this number.
    pub async fn account(&self, id: i64) -> Result<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM users WHERE id = ?1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(account))
    }

    /// The account with this e-mail address (any case).
    pub async fn account_by_email(&self, email: &str) -> Result<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM users WHERE email = ?1"
        )))
        .bind(email.trim())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(account))
    }

    /// Every account with its organisation's name, by organisation and name.
    pub async fn accounts(&self) -> Result<Vec<(Account, Option<String>)>> {
        let rows: Vec<AccountRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.name, u.role, u.org_id, u.password_hash, u.disabled_at
             FROM users u LEFT JOIN providers p ON p.id = u.org_id
             ORDER BY p.name NULLS FIRST, u.name",
        )
        .fetch_all(&self.pool)
        .await?;
        let accounts: Vec<Account> = rows.into_iter().map(account).collect();
        let orgs: Vec<String> = accounts
            .iter()
            .filter_map(|a| a.org.as_ref().map(ToString::to_string))
            .collect();
        let names = self.provider_names(&orgs).await?;
        Ok(accounts
            .into_iter()
            .map(|a| {
                let name = a.org.as_ref().and_then(|o| names.get(o.as_str()).cloned());
                (a, name)
            })
            .collect())
    }

    /// Consecutive failed sign-ins with this address, whether or not an
    /// account has it, and when the last was.
    pub async fn sign_in_failures(&self, email: &str) -> Result<(i64, Option<OffsetDateTime>)> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT failures, last_failed_at FROM sign_in_failures WHERE email = ?1",
        )
        .bind(failure_key(email))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map_or((0, None), |(failures, at)| (failures, timestamp(&at))))
    }

    /// Records a failed sign-in with this address.
    pub async fn record_failed_sign_in(&self, email: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO sign_in_failures (email, failures, last_failed_at) VALUES (?1, 1, ?2)
             ON CONFLICT (email) DO UPDATE SET failures = failures + 1, last_failed_at = ?2",
        )
        .bind(failure_key(email))
        .bind(now_text())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Forgets failed sign-ins with this address after a successful one.
    pub async fn clear_failed_sign_ins(&self, email: &str) -> Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE email = ?1")
            .bind(failure_key(email))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes the failures of addresses quiet for `quiet` or longer, whose
    /// pause is long over: the table holds every address ever mistyped or
    /// tried, so it is kept short.
    pub async fn forget_old_sign_in_failures(&self, quiet: Duration) -> Result<u64> {
        let before = format_timestamp(OffsetDateTime::now_utc() - quiet);
        Ok(
            sqlx::query("DELETE FROM sign_in_failures WHERE last_failed_at < ?1")
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// Sets a new password hash and ends every session of the account.
    pub async fn set_password(&self, id: i64, password_hash: &str) -> Result<()> {
        let mut tx = self.write().await?;
        store_password(&mut tx, id, password_hash).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables or re-enables an account; disabling ends its sessions and
    /// revokes its API tokens.
    pub async fn set_disabled(&self, id: i64, disabled: bool) -> Result<()> {
        let mut tx = self.write().await?;
        let updated = sqlx::query(
            "UPDATE users SET disabled_at = CASE WHEN ?2 THEN ?3 ELSE NULL END WHERE id = ?1",
        )
        .bind(id)
        .bind(disabled)
        .bind(now_text())
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(Error::NotFound(Missing::Account(id)));
        }
        if disabled {
            end_sessions(&mut tx, id).await?;
            sqlx::query("DELETE FROM api_tokens WHERE user_id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Issues a one-time link for this account, replacing any unused one of
    /// the same purpose, and queues `mail` (built from the link's secret) in
    /// the same transaction. Returns the secret.
    pub async fn issue_link(
        &self,
        user_id: i64,
        purpose: LinkPurpose,
        mail: impl FnOnce(&str) -> Mail,
    ) -> Result<String> {
        let secret = new_secret();
        let expires = OffsetDateTime::now_utc() + purpose.lifetime();
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE one_time_links SET used_at = ?3
             WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL",
        )
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(now_text())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO one_time_links (token_hash, user_id, purpose, expires_at) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(hash_secret(&secret))
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(super::format_timestamp(expires))
        .execute(&mut *tx)
        .await?;
        queue(&mut tx, &mail(&secret)).await?;
        tx.commit().await?;
        Ok(secret)
    }

    /// What the link with this secret is worth.
    pub async fn link_status(&self, secret: &str) -> Result<LinkStatus> {
        let row: Option<(i64, String, String, Option<String>)> = sqlx::query_as(
            "SELECT user_id, purpose, expires_at, used_at FROM one_time_links WHERE token_hash = ?1",
        )
        .bind(hash_secret(secret))
        .fetch_optional(&self.pool)
        .await?;
        let Some((user_id, purpose, expires_at, used_at)) = row else {
            return Ok(LinkStatus::Unknown);
        };
        if used_at.is_some() {
            return Ok(LinkStatus::Used);
        }
        if expires_at <= now_text() {
            return Ok(LinkStatus::Expired);
        }
        let purpose = if purpose == "invite" {
            LinkPurpose::Invite
        } else {
            LinkPurpose::Reset
        };
        match self.account(user_id).await? {
            Some(account) if !account.disabled => Ok(LinkStatus::Valid(account, purpose)),
            _ => Ok(LinkStatus::Unknown),
        }
    }

    /// Uses the link with this secret to set a password: once, before it
    /// expires. Ends the account's other sessions. Returns the account, or
    /// why the link cannot be used.
    pub async fn redeem_link(
        &self,
        secret: &str,
        password_hash: &str,
    ) -> Result<Result<Account, LinkStatus>> {
        let mut tx = self.write().await?;
        // Marking the link used first, conditionally, makes a second use
        // racing this one fail.
        let user_id: Option<i64> = sqlx::query_scalar(
            "UPDATE one_time_links SET used_at = ?2
             WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
             RETURNING user_id",
        )
        .bind(hash_secret(secret))
        .bind(now_text())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(user_id) = user_id else {
            drop(tx);
            return Ok(Err(self.link_status(secret).await?));
        };
        store_password(&mut tx, user_id, password_hash).await?;
        tx.commit().await?;
        match self.account(user_id).await? {
            Some(account) if !account.disabled => Ok(Ok(account)),
            _ => Ok(Err(LinkStatus::Unknown)),
        }
    }

    /// Creates an API token for this account and returns it; only its hash
    /// is kept.
    pub async fn create_api_token(&self, user_id: i64) -> Result<String> {
        let secret = new_secret();
        sqlx::query("INSERT INTO api_tokens (token_hash, user_id) VALUES (?1, ?2)")
            .bind(hash_secret(&secret))
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(secret)
    }

    /// The enabled account that owns this API token.
    ///
    /// Only reads: when the token's `last_used_at` is older than
    /// [`TOKEN_USE_RESOLUTION`], it is brought up to date in the background,
    /// so that a busy database can neither fail nor slow the request.
    pub async fn account_by_token(&self, secret: &str) -> Result<Option<Account>> {
        let hash = hash_secret(secret);
        let found: Option<(i64, Option<String>)> =
            sqlx::query_as("SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = ?1")
                .bind(&hash)
                .fetch_optional(&self.pool)
                .await?;
        let Some((user_id, last_used)) = found else {
            return Ok(None);
        };
        let now = time::OffsetDateTime::now_utc();
        let stale = last_used
            .as_deref()
            .and_then(super::timestamp)
            .is_none_or(|at| now - at >= TOKEN_USE_RESOLUTION);
        if stale {
            let pool = self.pool.clone();
            tokio::spawn(async move {
                let recorded =
                    sqlx::query("UPDATE api_tokens SET last_used_at = ?2 WHERE token_hash = ?1")
                        .bind(hash)
                        .bind(super::format_timestamp(now))
                        .execute(&pool)
                        .await;
                if let Err(err) = recorded {
                    tracing::debug!(error = %err, "could not record when an API token was used");
                }
            });
        }
        Ok(self.account(user_id).await?.filter(|a| !a.disabled))
    }
}

/// How precisely an API token's last use is recorded: at most one write per
/// token in this time, whatever the number of calls.
pub const TOKEN_USE_RESOLUTION: time::Duration = time::Duration::minutes(10);

fn organisation(
    (id, name, kind, country): (String, String, String, String),
) -> Option<Organisation> {
    Some(Organisation {
        id: ProviderId::parse(&id).ok()?,
        name,
        kind: serde_json::from_value(serde_json::Value::String(kind)).ok()?,
        country: CountryCode::parse(&country).ok()?,
    })
}

/// Sets the password of an enabled account, clears its failed sign-ins and
/// ends its sessions (those signed in with the old password).
async fn store_password(
    conn: &mut SqliteConnection,
    user_id: i64,
    password_hash: &str,
) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = ?2 WHERE id = ?1 AND disabled_at IS NULL")
        .bind(user_id)
        .bind(password_hash)
        .execute(&mut *conn)
        .await?;
    // A new password starts without the pause the old one's guesses earned.
    sqlx::query(
        "DELETE FROM sign_in_failures WHERE email = (SELECT email FROM users WHERE id = ?1)",
    )
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    end_sessions(conn, user_id).await
}

async fn end_sessions(conn: &mut SqliteConnection, user_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = ?1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Failures are counted per address as typed, in any case and spacing.
fn failure_key(email: &str) -> String {
    email.trim().to_lowercase()
}
