//! Topics, curated by the Secretariat.

use std::collections::BTreeMap;

use super::workflow::log_public_change;
use super::{Clash, Error, Missing, Result, Store};
use crate::domain::Term;

impl Store {
    /// Every topic, in curated order, with its names in other languages.
    pub async fn topics(&self) -> Result<Vec<Term>> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, label, description FROM topics ORDER BY position, slug")
                .fetch_all(&self.pool)
                .await?;
        let names: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, lang, name FROM topic_names")
                .fetch_all(&self.pool)
                .await?;
        let mut by_slug: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (slug, lang, name) in names {
            by_slug.entry(slug).or_default().insert(lang, name);
        }
        Ok(rows
            .into_iter()
            .map(|(slug, label, description)| Term {
                names: by_slug.remove(&slug).unwrap_or_default(),
                slug,
                label,
                description,
            })
            .collect())
    }

    /// Gives topics the names they have no row for yet, `(slug, lang,
    /// name)`: the built-in topics' names from the vocabulary files, on every
    /// start, without undoing what the Secretariat changed or removed.
    pub async fn seed_topic_names(&self, names: &[(String, String, String)]) -> Result<()> {
        let mut tx = self.write().await?;
        for (slug, lang, name) in names {
            sqlx::query(
                "INSERT INTO topic_names (slug, lang, name)
                 SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM topics WHERE slug = ?1)
                 ON CONFLICT (slug, lang) DO NOTHING",
            )
            .bind(slug)
            .bind(lang)
            .bind(name)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Stores `topics` when there are none yet (a new installation).
    pub async fn seed_topics(&self, topics: &[Term]) -> Result<()> {
        let mut tx = self.write().await?;
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM topics")
            .fetch_one(&mut *tx)
            .await?;
        if count == 0 {
            for (position, topic) in topics.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO topics (slug, label, description, position) VALUES (?1, ?2, ?3, ?4)",
                )
                .bind(&topic.slug)
                .bind(&topic.label)
                .bind(&topic.description)
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Adds a topic at the end; refuses a slug in use.
    pub async fn add_topic(&self, topic: &Term) -> Result<()> {
        let inserted = sqlx::query(
            "INSERT INTO topics (slug, label, description, position)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM topics))
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&topic.slug)
        .bind(&topic.label)
        .bind(&topic.description)
        .execute(&self.pool)
        .await?;
        Clash::TopicSlug(topic.slug.clone()).unless_inserted(inserted)
    }

    /// Changes a topic's label, description and the names it is given (a
    /// language left out keeps its name). The published listings on that
    /// topic are queued for reindexing, since their label is searchable.
    pub async fn update_topic(&self, topic: &Term) -> Result<()> {
        let mut tx = self.write().await?;
        let updated = sqlx::query("UPDATE topics SET label = ?2, description = ?3 WHERE slug = ?1")
            .bind(&topic.slug)
            .bind(&topic.label)
            .bind(&topic.description)
            .execute(&mut *tx)
            .await?;
        if updated.rows_affected() == 0 {
            return Err(Error::NotFound(Missing::Topic(topic.slug.clone())));
        }
        for (lang, name) in &topic.names {
            sqlx::query(
                "INSERT INTO topic_names (slug, lang, name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (slug, lang) DO UPDATE SET name = excluded.name",
            )
            .bind(&topic.slug)
            .bind(lang)
            .bind(name)
            .execute(&mut *tx)
            .await?;
        }
        let affected: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM listings WHERE state = 'published'
             AND EXISTS (SELECT 1 FROM json_each(document, '$.topics') WHERE value = ?1)",
        )
        .bind(&topic.slug)
        .fetch_all(&mut *tx)
        .await?;
        for id in affected {
            log_public_change(&mut tx, &id).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many published listings are on each topic, by slug.
    pub async fn topic_counts(&self) -> Result<std::collections::HashMap<String, i64>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT t.value, count(*) FROM listings, json_each(listings.document, '$.topics') t
             WHERE listings.state = 'published' GROUP BY t.value",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }
}
