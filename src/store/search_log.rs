//! The record of searches made, and what the Secretariat reads of it: the
//! queries most asked, those that found nothing, by interface language and
//! by week.

use super::{Result, Store};

/// One search as recorded: nothing in it says who made it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LoggedSearch {
    /// The day, `YYYY-MM-DD` (UTC).
    pub day: String,
    /// The text typed, normalised (see `app::search_log::normalise`).
    pub query: String,
    /// The filters chosen, as a JSON object of arrays.
    pub filters: String,
    /// The order asked for.
    pub sort: String,
    /// The interface language the search was made in.
    pub interface_language: String,
    /// How many listings it found.
    pub results: i64,
    /// The page of results asked for, from 1.
    pub page: i64,
    /// `site` or `api`.
    pub source: &'static str,
}

/// A query with how often it was searched for.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct QueryCount {
    /// The normalised text.
    pub query: String,
    /// The filters, as recorded (`{}` for none).
    pub filters: String,
    /// Searches for it.
    pub searches: i64,
    /// Of those, searches that found nothing.
    pub without_results: i64,
}

/// Searches grouped by something (a language, a week).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SearchCount {
    /// The group: an interface language, or the Monday a week starts on.
    pub group: String,
    /// Searches in it.
    pub searches: i64,
    /// Of those, searches that found nothing.
    pub without_results: i64,
}

// A search is counted once: its first page. Later pages of the same search
// are recorded (how far people read is worth knowing) but are not new
// searches.
macro_rules! first_pages_since {
    () => {
        "page = 1 AND day >= ?1"
    };
}

impl Store {
    /// Records searches, each made `times` times, in one transaction.
    pub async fn record_searches(&self, searches: &[(LoggedSearch, i64)]) -> Result<()> {
        let mut tx = self.write().await?;
        for (search, times) in searches {
            sqlx::query(
                "INSERT INTO searches
                   (day, query, filters, sort, interface_language, results, page, source, searches)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (day, query, filters, sort, interface_language, results, page, source)
                 DO UPDATE SET searches = searches + excluded.searches",
            )
            .bind(&search.day)
            .bind(&search.query)
            .bind(&search.filters)
            .bind(&search.sort)
            .bind(&search.interface_language)
            .bind(search.results)
            .bind(search.page)
            .bind(search.source)
            .bind(times)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// How many different searches were recorded on `day`.
    pub async fn searches_on(&self, day: &str) -> Result<usize> {
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM searches WHERE day = ?1")
            .bind(day)
            .fetch_one(&self.pool)
            .await?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    /// Deletes searches made before `day` (`YYYY-MM-DD`); how many.
    pub async fn forget_searches_before(&self, day: &str) -> Result<u64> {
        let mut tx = self.write().await?;
        let deleted = sqlx::query("DELETE FROM searches WHERE day < ?1")
            .bind(day)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(deleted)
    }

    /// The `limit` texts searched for most since `day`, with how many of
    /// those searches found nothing; searches without text (filters only)
    /// are left out.
    pub async fn top_queries(&self, since: &str, limit: i64) -> Result<Vec<QueryCount>> {
        Ok(sqlx::query_as(concat!(
            "SELECT query, '{}' AS filters, sum(searches) AS searches,
                    sum(iif(results = 0, searches, 0)) AS without_results
             FROM searches WHERE ",
            first_pages_since!(),
            " AND query <> ''
             GROUP BY query ORDER BY searches DESC, query LIMIT ?2"
        ))
        .bind(since)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The `limit` searches (text and filters) since `day` that found
    /// nothing, most frequent first: the clearest sign of a gap.
    pub async fn queries_without_results(
        &self,
        since: &str,
        limit: i64,
    ) -> Result<Vec<QueryCount>> {
        Ok(sqlx::query_as(concat!(
            "SELECT query, filters, sum(searches) AS searches, sum(searches) AS without_results
             FROM searches WHERE ",
            first_pages_since!(),
            " AND results = 0
             GROUP BY query, filters ORDER BY searches DESC, query, filters LIMIT ?2"
        ))
        .bind(since)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Searches since `day` by interface language, most first.
    pub async fn searches_by_language(&self, since: &str) -> Result<Vec<SearchCount>> {
        Ok(sqlx::query_as(concat!(
            "SELECT interface_language AS \"group\", sum(searches) AS searches,
                    sum(iif(results = 0, searches, 0)) AS without_results
             FROM searches WHERE ",
            first_pages_since!(),
            "
             GROUP BY interface_language ORDER BY searches DESC, \"group\""
        ))
        .bind(since)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Searches since `day` by week (named by its Monday), oldest first.
    pub async fn searches_by_week(&self, since: &str) -> Result<Vec<SearchCount>> {
        Ok(sqlx::query_as(concat!(
            "SELECT date(day, '-6 days', 'weekday 1') AS \"group\", sum(searches) AS searches,
                    sum(iif(results = 0, searches, 0)) AS without_results
             FROM searches WHERE ",
            first_pages_since!(),
            "
             GROUP BY \"group\" ORDER BY \"group\""
        ))
        .bind(since)
        .fetch_all(&self.pool)
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use sqlx::migrate::Migrator;
    use sqlx::sqlite::SqlitePoolOptions;

    /// The migration that counts searches alike merges the rows recorded
    /// one per search before it.
    #[tokio::test]
    async fn searches_recorded_one_by_one_are_merged_with_their_count() {
        let all = sqlx::migrate!("src/store/migrations");
        let before: Vec<_> = all
            .migrations
            .iter()
            .filter(|m| m.version < 20261203000003)
            .cloned()
            .collect();
        let earlier = Migrator {
            migrations: Cow::Owned(before),
            ..Migrator::DEFAULT
        };
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .unwrap();
        earlier.run(&pool).await.unwrap();
        for (query, results) in [("visa", 3), ("visa", 3), ("zzqx", 0), ("visa", 3)] {
            sqlx::query(
                "INSERT INTO searches (day, query, filters, sort, interface_language, results, page, source)
                 VALUES ('2026-12-02', ?1, '{}', 'relevance', 'en', ?2, 1, 'site')",
            )
            .bind(query)
            .bind(results)
            .execute(&pool)
            .await
            .unwrap();
        }
        all.run(&pool).await.unwrap();
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT query, searches FROM searches ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(rows, [("visa".to_owned(), 3), ("zzqx".to_owned(), 1)]);
    }
}
