//! Figures an operator watches: what the catalogue holds and what waits.

use time::OffsetDateTime;

use super::{Result, Store};
use crate::domain::lifecycle::ListingState;

/// The state of the catalogue's queues and contents at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OperatingFigures {
    /// How many listings are in each lifecycle state, every state named.
    pub listings_by_state: Vec<(ListingState, i64)>,
    /// Messages waiting to be sent that will still be tried.
    pub mail_waiting: i64,
    /// Messages given up on after `max_attempts` failures.
    pub mail_given_up: i64,
    /// When the oldest change the index has not applied was recorded.
    pub oldest_unapplied_change: Option<OffsetDateTime>,
}

impl Store {
    /// The figures, with the index having applied changes up to
    /// `applied_seq` and mail given up on after `max_attempts` failures.
    pub async fn operating_figures(
        &self,
        applied_seq: i64,
        max_attempts: i64,
    ) -> Result<OperatingFigures> {
        let listings_by_state = self.listings_by_state().await?;
        let (mail_waiting, mail_given_up): (i64, i64) = sqlx::query_as(
            "SELECT coalesce(sum(attempts < ?1), 0), coalesce(sum(attempts >= ?1), 0)
             FROM outbox WHERE sent_at IS NULL",
        )
        .bind(max_attempts)
        .fetch_one(&self.pool)
        .await?;
        let oldest_unapplied_change = sqlx::query_scalar(
            "SELECT recorded_at FROM listing_changes WHERE seq > ?1 ORDER BY seq LIMIT 1",
        )
        .bind(applied_seq)
        .fetch_optional(&self.pool)
        .await?;
        Ok(OperatingFigures {
            listings_by_state,
            mail_waiting,
            mail_given_up,
            oldest_unapplied_change,
        })
    }
}
