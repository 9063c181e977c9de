//! What the region offers and where the gaps are: published listings
//! counted by topic and language, provider country or audience, and the
//! listings that are no longer current.

use std::sync::{Arc, Mutex, PoisonError};

use time::OffsetDateTime;

use crate::domain::lifecycle::ListingState;

use super::{Result, Store};

/// What the topics are crossed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoverageBy {
    /// The languages training is given in.
    Language,
    /// The provider's country.
    ProviderCountry,
    /// Who the training is for.
    Audience,
}

/// Listings of one topic with one value of the other dimension.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CoverageCell {
    /// The topic's slug.
    pub topic: String,
    /// The language tag, country code or audience slug.
    pub value: String,
    /// Current published listings with both.
    pub listings: i64,
}

/// The figures of the coverage page that read every listing: they change
/// only with what the public sees (a new change in the log) or the day.
#[derive(Debug, Clone, Default)]
pub struct CoverageFigures {
    /// Current listings by topic and the other dimension.
    pub cells: Vec<CoverageCell>,
    /// Current published listings in all.
    pub current: i64,
    /// Listings whose sessions are all over: how many, and the first few.
    pub ended: (i64, Vec<StaleListing>),
}

/// Coverage figures kept between views: at 100,000 listings reading every
/// listing's JSON takes seconds. Keyed by dimension, day and the newest
/// change, so a kept answer is always the one a new reading would give.
#[derive(Debug, Clone, Default)]
pub struct CoverageCache(Arc<Mutex<Option<KeptCoverage>>>);

/// Figures with what they were read for: dimension, day, newest change.
type KeptCoverage = ((CoverageBy, String, i64), Arc<CoverageFigures>);

/// A listing that is no longer current, for the Secretariat to follow up.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaleListing {
    /// Its id.
    pub id: String,
    /// Its title, in its own language.
    pub title: String,
    /// Its organisation's name.
    pub provider: String,
    /// The day that makes it stale: its last session's end, or when it was
    /// last confirmed.
    pub since: String,
}

// Published and current: an upcoming or running session, or no dates at
// all (e-learning and materials, available any time). `?1` is today.
macro_rules! current {
    () => {
        "l.state = 'published' AND (
            NOT EXISTS (SELECT 1 FROM json_each(l.document, '$.sessions'))
            OR EXISTS (SELECT 1 FROM json_each(l.document, '$.sessions') s
                       WHERE s.value ->> '$.end' >= ?1))"
    };
}

// Published with sessions, all of them over.
macro_rules! ended {
    () => {
        "l.state = 'published'
         AND EXISTS (SELECT 1 FROM json_each(l.document, '$.sessions'))
         AND NOT EXISTS (SELECT 1 FROM json_each(l.document, '$.sessions') s
                         WHERE s.value ->> '$.end' >= ?1)"
    };
}

impl Store {
    /// The coverage figures for `by` on `today`, from `cache` when nothing
    /// public has changed since they were read; `ended_shown` stale
    /// listings are named.
    pub async fn coverage_figures(
        &self,
        cache: &CoverageCache,
        by: CoverageBy,
        today: &str,
        ended_shown: i64,
    ) -> Result<Arc<CoverageFigures>> {
        let key = (by, today.to_owned(), self.latest_seq().await?);
        {
            let kept = cache.0.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((kept_key, figures)) = kept.as_ref()
                && *kept_key == key
            {
                return Ok(figures.clone());
            }
        }
        let figures = Arc::new(CoverageFigures {
            cells: self.coverage(by, today).await?,
            current: self.current_listings(today).await?,
            ended: self.ended_listings(today, ended_shown).await?,
        });
        *cache.0.lock().unwrap_or_else(PoisonError::into_inner) = Some((key, figures.clone()));
        Ok(figures)
    }

    /// Current published listings by topic and `by`, on `today`
    /// (`YYYY-MM-DD`). Pairs without listings are left out.
    pub async fn coverage(&self, by: CoverageBy, today: &str) -> Result<Vec<CoverageCell>> {
        // A listing names each topic, language and audience once, so
        // counting rows counts listings.
        let query = match by {
            CoverageBy::Language => concat!(
                "SELECT t.value AS topic, v.value AS value, count(*) AS listings
                 FROM listings l, json_each(l.document, '$.topics') t,
                      json_each(l.document, '$.languages') v
                 WHERE ",
                current!(),
                " GROUP BY 1, 2"
            ),
            CoverageBy::Audience => concat!(
                "SELECT t.value AS topic, v.value AS value, count(*) AS listings
                 FROM listings l, json_each(l.document, '$.topics') t,
                      json_each(l.document, '$.audience') v
                 WHERE ",
                current!(),
                " GROUP BY 1, 2"
            ),
            CoverageBy::ProviderCountry => concat!(
                "SELECT t.value AS topic, p.country AS value, count(*) AS listings
                 FROM listings l JOIN providers p ON p.id = l.provider_id,
                      json_each(l.document, '$.topics') t
                 WHERE ",
                current!(),
                " GROUP BY 1, 2"
            ),
        };
        Ok(sqlx::query_as(query)
            .bind(today)
            .fetch_all(&self.pool)
            .await?)
    }

    /// How many published listings are current on `today`.
    pub async fn current_listings(&self, today: &str) -> Result<i64> {
        Ok(sqlx::query_scalar(concat!(
            "SELECT count(*) FROM listings l WHERE ",
            current!()
        ))
        .bind(today)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Published listings whose sessions have all ended by `today`, the
    /// longest over first: how many, and the first `limit`.
    pub async fn ended_listings(
        &self,
        today: &str,
        limit: i64,
    ) -> Result<(i64, Vec<StaleListing>)> {
        let count = sqlx::query_scalar(concat!("SELECT count(*) FROM listings l WHERE ", ended!()))
            .bind(today)
            .fetch_one(&self.pool)
            .await?;
        let listings = sqlx::query_as(concat!(
            "SELECT l.id, l.document ->> '$.title' AS title, p.name AS provider,
                    (SELECT max(s.value ->> '$.end') FROM json_each(l.document, '$.sessions') s) AS since
             FROM listings l JOIN providers p ON p.id = l.provider_id
             WHERE ",
            ended!(),
            " ORDER BY since, l.id LIMIT ?2"
        ))
        .bind(today)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok((count, listings))
    }

    /// Published listings not confirmed since `before`, least recently
    /// confirmed first: how many, and the first `limit`.
    pub async fn unconfirmed_listings(
        &self,
        before: OffsetDateTime,
        limit: i64,
    ) -> Result<(i64, Vec<StaleListing>)> {
        let cutoff = super::format_timestamp(before);
        let count = sqlx::query_scalar(
            "SELECT count(*) FROM listings WHERE state = 'published' AND confirmed_at < ?1",
        )
        .bind(&cutoff)
        .fetch_one(&self.pool)
        .await?;
        let listings = sqlx::query_as(
            "SELECT l.id, l.document ->> '$.title' AS title, p.name AS provider,
                    substr(l.confirmed_at, 1, 10) AS since
             FROM listings l JOIN providers p ON p.id = l.provider_id
             WHERE l.state = 'published' AND l.confirmed_at < ?1
             ORDER BY l.confirmed_at, l.id LIMIT ?2",
        )
        .bind(&cutoff)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok((count, listings))
    }

    /// Every organisation's id and country.
    pub async fn provider_countries(&self) -> Result<Vec<(String, String)>> {
        Ok(
            sqlx::query_as("SELECT id, country FROM providers ORDER BY id")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// How many listings are in each lifecycle state, every state named
    /// (0 for those without any), in lifecycle order.
    pub async fn listings_by_state(&self) -> Result<Vec<(ListingState, i64)>> {
        let counted: Vec<(String, i64)> =
            sqlx::query_as("SELECT state, count(*) FROM listings GROUP BY state")
                .fetch_all(&self.pool)
                .await?;
        Ok(ListingState::ALL
            .into_iter()
            .map(|state| {
                let count = counted
                    .iter()
                    .find(|(name, _)| name == state.as_str())
                    .map_or(0, |(_, count)| *count);
                (state, count)
            })
            .collect())
    }
}
