//! One-click links, mailed with freshness reminders, that confirm a listing
//! is current without signing in.
//!
//! A link reads `LISTING.EXPIRES.SIGNATURE`: the HMAC-SHA256, under a key
//! kept in the database, of the listing, the unix time the link expires,
//! and the listing's last confirmation when the link was made. Nobody
//! without the key can make one; and since confirming changes the last
//! confirmation, a link works once: afterwards its signature no longer
//! matches the listing.

use hmac::{KeyInit, Mac};
use time::OffsetDateTime;

use crate::domain::Actor;
use crate::store::{self, Store};

/// The key's name in the database.
const PURPOSE: &str = "confirm-link";

/// How long a link works: the month before a listing falls due and the
/// month after, whichever reminder carried it.
pub const LIFETIME: time::Duration = time::Duration::days(60);

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

fn signature(key: &[u8], listing: &str, expires: i64, confirmed_at: &str) -> String {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(format!("{listing}\n{expires}\n{confirmed_at}").as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Makes links with the database's key, read once.
pub struct Signer(Vec<u8>);

impl Signer {
    /// The signer of `store`'s links.
    pub async fn of(store: &Store) -> store::Result<Signer> {
        Ok(Signer(store.signing_key(PURPOSE).await?))
    }

    /// The link for `listing`, last confirmed `confirmed_at` (as stored),
    /// working until `expires` (unix time).
    pub fn link(&self, listing: &str, confirmed_at: &str, expires: i64) -> String {
        format!(
            "{listing}.{expires}.{}",
            signature(&self.0, listing, expires, confirmed_at)
        )
    }
}

/// Makes the link for `listing`, last confirmed `confirmed_at` (as
/// stored), working until `expires` (unix time).
pub async fn make(
    store: &Store,
    listing: &str,
    confirmed_at: &str,
    expires: i64,
) -> store::Result<String> {
    Ok(Signer::of(store)
        .await?
        .link(listing, confirmed_at, expires))
}

/// What a link is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkCheck {
    /// It confirms this listing, last confirmed `confirmed_at` (stored form).
    Valid {
        /// The listing's id.
        listing: String,
        /// Its title.
        title: String,
        /// Its last confirmation, as stored.
        confirmed_at: String,
    },
    /// The listing was confirmed since the link was made (by this link or
    /// otherwise), on this date (stored form).
    Used {
        /// The listing's title.
        title: String,
        /// When it was last confirmed, as stored.
        confirmed_at: String,
    },
    /// Too old.
    Expired,
    /// The listing is no longer published.
    NotPublished,
    /// Not a link the catalogue made.
    Invalid,
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// What `link` is worth at `now`.
pub async fn check(store: &Store, link: &str, now: OffsetDateTime) -> store::Result<LinkCheck> {
    let mut parts = link.splitn(3, '.');
    let (Some(listing), Some(expires), Some(given)) = (parts.next(), parts.next(), parts.next())
    else {
        return Ok(LinkCheck::Invalid);
    };
    let Ok(expires) = expires.parse::<i64>() else {
        return Ok(LinkCheck::Invalid);
    };
    let Some((state, title, confirmed_at)) = store.confirmation_of(listing).await? else {
        return Ok(LinkCheck::Invalid);
    };
    let key = store.signing_key(PURPOSE).await?;
    let signed_for = |confirmation: &str| {
        constant_time_eq(&signature(&key, listing, expires, confirmation), given)
    };
    if !signed_for(&confirmed_at) {
        // Signed for an earlier confirmation: the listing has been
        // confirmed since.
        for earlier in store.reminded_confirmations(listing, expires).await? {
            if signed_for(&earlier) {
                return Ok(LinkCheck::Used {
                    title,
                    confirmed_at,
                });
            }
        }
        return Ok(LinkCheck::Invalid);
    }
    if expires <= now.unix_timestamp() {
        return Ok(LinkCheck::Expired);
    }
    if state != "published" {
        return Ok(LinkCheck::NotPublished);
    }
    Ok(LinkCheck::Valid {
        listing: listing.to_owned(),
        title,
        confirmed_at,
    })
}

/// Confirms the listing `link` names, if the link is valid at `now`;
/// returns what the link was worth. Of two uses at once, one confirms and
/// the other finds it used.
pub async fn redeem(store: &Store, link: &str, now: OffsetDateTime) -> store::Result<LinkCheck> {
    let checked = check(store, link, now).await?;
    let LinkCheck::Valid {
        listing,
        confirmed_at,
        ..
    } = &checked
    else {
        return Ok(checked);
    };
    let actor = Actor {
        user_id: None,
        name: "the owner, by the link in a reminder".to_owned(),
        role: crate::domain::Role::Contributor,
        org: None,
    };
    if store
        .confirm_if_unchanged(&actor, listing, confirmed_at)
        .await?
    {
        Ok(checked)
    } else {
        check(store, link, now).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_depend_on_every_part() {
        let key = [7u8; 32];
        let base = signature(&key, "a-1", 100, "2026-01-01T00:00:00.000Z");
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            signature(&key, "a-1", 100, "2026-01-01T00:00:00.000Z")
        );
        for other in [
            signature(&[8u8; 32], "a-1", 100, "2026-01-01T00:00:00.000Z"),
            signature(&key, "a-2", 100, "2026-01-01T00:00:00.000Z"),
            signature(&key, "a-1", 101, "2026-01-01T00:00:00.000Z"),
            signature(&key, "a-1", 100, "2026-01-01T00:00:00.001Z"),
        ] {
            assert_ne!(base, other);
        }
        assert!(constant_time_eq(&base, &base.clone()));
        assert!(!constant_time_eq(&base, &base[1..]));
    }
}
