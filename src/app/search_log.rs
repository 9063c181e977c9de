//! Recording what officials search for, off the path of the answer: each
//! search is handed to a task that writes them in batches, so a search
//! waits for no disk. What is recorded is a `store::LoggedSearch`:
//! nothing in it says who searched.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot};

use crate::store::{LoggedSearch, Store};

/// Searches kept waiting for the writer at most; more are dropped (and
/// said so in the log) rather than slowing searches down.
const QUEUE: usize = 10_000;
/// How often waiting searches are written.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// How often searches past the retention period are deleted.
const FORGET_EVERY: Duration = Duration::from_secs(3600);
/// Longest text recorded, in characters.
const MAX_QUERY_CHARS: usize = 200;
/// Different searches recorded in one day at most (a search made again
/// only adds to its count): far above what officials make, so that a flood
/// of requests cannot fill the disk with records.
pub const MAX_PER_DAY: usize = 100_000;

enum Message {
    Search(LoggedSearch),
    Flush(oneshot::Sender<()>),
}

/// Where searches are recorded; off when the operator said so. Cloned
/// into every handler; the writer stops when the last clone is dropped,
/// after writing what it holds.
#[derive(Debug, Clone, Default)]
pub struct SearchLog(Option<Arc<mpsc::Sender<Message>>>);

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("search log message")
    }
}

impl SearchLog {
    /// Records nothing.
    pub fn off() -> SearchLog {
        SearchLog(None)
    }

    /// Records searches in `store`, keeping them `retention_days` days.
    /// Needs a Tokio runtime; without one, records nothing.
    pub fn start(store: Store, retention_days: u32) -> SearchLog {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return SearchLog::off();
        };
        let (sender, receiver) = mpsc::channel(QUEUE);
        runtime.spawn(write_searches(store, retention_days, receiver));
        SearchLog(Some(Arc::new(sender)))
    }

    /// Whether searches are recorded.
    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }

    /// Hands one search to the writer, never waiting.
    pub fn record(&self, search: LoggedSearch) {
        let Some(sender) = &self.0 else { return };
        if let Err(mpsc::error::TrySendError::Full(_)) = sender.try_send(Message::Search(search)) {
            tracing::warn!("the search log's writer is behind; a search was not recorded");
        }
    }

    /// Waits until every search handed over so far is written.
    pub async fn flush(&self) {
        let Some(sender) = &self.0 else { return };
        let (done, written) = oneshot::channel();
        if sender.send(Message::Flush(done)).await.is_ok() {
            let _ = written.await;
        }
    }
}

/// Text as recorded: lower case, runs of spaces as one, at most
/// [`MAX_QUERY_CHARS`] characters, so that "Trafficking " and
/// "trafficking" count as one query.
pub fn normalise(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ").chars().take(MAX_QUERY_CHARS).collect()
}

/// Today, as recorded.
pub fn today() -> String {
    days_ago(0)
}

/// The day `days` before today (UTC), as recorded: `YYYY-MM-DD`.
pub fn days_ago(days: u32) -> String {
    (OffsetDateTime::now_utc().date() - time::Duration::days(days.into())).to_string()
}

/// How many different searches were recorded on which day, to keep to
/// [`MAX_PER_DAY`].
#[derive(Debug, Default)]
struct Quota {
    day: String,
    recorded: usize,
    /// Digests of the searches seen today, so a repeat is not new.
    seen: HashSet<u64>,
    said: bool,
}

impl Quota {
    /// Whether `search` may be recorded: one already seen today always is.
    fn allows(&mut self, search: &LoggedSearch) -> bool {
        if self.day != search.day {
            *self = Quota {
                day: search.day.clone(),
                ..Quota::default()
            };
        }
        let digest = self.seen.hasher().hash_one(search);
        if self.seen.contains(&digest) {
            return true;
        }
        if self.recorded < MAX_PER_DAY {
            self.recorded += 1;
            self.seen.insert(digest);
            return true;
        }
        if !self.said {
            self.said = true;
            tracing::warn!(
                max = MAX_PER_DAY,
                "the day's searches exceed what the search log keeps; the rest of today's are not recorded"
            );
        }
        false
    }
}

async fn write_searches(store: Store, retention_days: u32, mut receiver: mpsc::Receiver<Message>) {
    // Searches alike are counted here and written as one row with a count.
    let mut waiting: HashMap<LoggedSearch, i64> = HashMap::new();
    // Searches recorded today before a restart count too.
    let mut quota = Quota {
        day: today(),
        recorded: store.searches_on(&today()).await.unwrap_or(0),
        ..Quota::default()
    };
    let mut flush = tokio::time::interval(FLUSH_EVERY);
    let mut forget = tokio::time::interval(FORGET_EVERY);
    loop {
        tokio::select! {
            message = receiver.recv() => match message {
                Some(Message::Search(search)) => {
                    if quota.allows(&search) {
                        *waiting.entry(search).or_insert(0) += 1;
                    }
                }
                Some(Message::Flush(done)) => {
                    write(&store, &mut waiting).await;
                    let _ = done.send(());
                }
                None => {
                    write(&store, &mut waiting).await;
                    break;
                }
            },
            _ = flush.tick() => write(&store, &mut waiting).await,
            _ = forget.tick() => {
                let cutoff = days_ago(retention_days);
                match store.forget_searches_before(&cutoff).await {
                    Ok(0) => {}
                    Ok(deleted) => tracing::info!(deleted, before = cutoff, "forgot old searches"),
                    Err(err) => tracing::warn!(error = %err, "could not forget old searches"),
                }
            }
        }
    }
}

async fn write(store: &Store, waiting: &mut HashMap<LoggedSearch, i64>) {
    if waiting.is_empty() {
        return;
    }
    let batch: Vec<(LoggedSearch, i64)> = waiting
        .iter()
        .map(|(search, times)| (search.clone(), *times))
        .collect();
    match store.record_searches(&batch).await {
        Ok(()) => waiting.clear(),
        // Kept for the next turn (a busy database passes), within bounds.
        Err(err) => {
            tracing::warn!(error = %err, searches = waiting.len(), "could not record searches");
            if waiting.len() > QUEUE {
                waiting.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(day: &str, query: String) -> LoggedSearch {
        LoggedSearch {
            day: day.to_owned(),
            query,
            filters: "{}".to_owned(),
            sort: "relevance".to_owned(),
            interface_language: "en".to_owned(),
            results: 1,
            page: 1,
            source: "site",
        }
    }

    #[test]
    fn a_day_records_at_most_its_quota_of_different_searches() {
        let mut quota = Quota::default();
        let allowed = (0..MAX_PER_DAY + 10)
            .filter(|n| quota.allows(&search("2026-12-02", n.to_string())))
            .count();
        assert_eq!(allowed, MAX_PER_DAY);
        assert!(
            quota.allows(&search("2026-12-02", "7".to_owned())),
            "a search seen today is still counted"
        );
        assert!(
            quota.allows(&search("2026-12-03", "new".to_owned())),
            "a new day starts afresh"
        );
    }

    #[test]
    fn queries_are_recorded_in_one_form() {
        assert_eq!(
            normalise("  Document   EXAMINATION\t"),
            "document examination"
        );
        assert_eq!(normalise("การค้ามนุษย์"), "การค้ามนุษย์");
        assert_eq!(normalise(&"a".repeat(500)).len(), MAX_QUERY_CHARS);
    }
}
