//! Topics, curated by the Secretariat.

use super::workflow::log_public_change;
use super::{Clash, Error, Missing, Result, Store};
use crate::domain::Term;

impl Store {
    /// Every topic, in curated order.
    pub async fn topics(&self) -> Result<Vec<Term>> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, label, description FROM topics ORDER BY position, slug")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(slug, label, description)| Term {
                slug,
                label,
                description,
            })
            .collect())
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

    /// Changes a topic's label and description. The published listings on
    /// that topic are queued for reindexing, since their label is searchable.
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
