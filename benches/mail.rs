//! The workflow's mail at scale: how long housekeeping's looks for
//! freshness reminders and the weekly digest take at 100,000 listings,
//! when nothing is due and when every listing falls due at once.
//!
//! `cargo bench --bench mail` generates 100,000 synthetic listings (see
//! `corpus/mod.rs`) and imports them with the release binary, or reuses
//! the database in `MAIL_BENCH_DATA` (a data directory, copied first).
//! `SCALE_LISTINGS` changes the size. It is a benchmark, not a test:
//! nothing asserts a time.

mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

use catalogue::app::notices;
use catalogue::domain::Role;
use catalogue::store::{MailSettings, Store};
use time::OffsetDateTime;

const BINARY: &str = env!("CARGO_BIN_EXE_catalogue");

fn seconds(took: Duration) -> String {
    format!("{:.2} s", took.as_secs_f64())
}

/// A data directory with `count` listings: a copy of `MAIL_BENCH_DATA`, or
/// a generated corpus imported with the binary.
fn database(count: usize, root: &Path) -> std::path::PathBuf {
    let data = root.join("data");
    if let Ok(source) = std::env::var("MAIL_BENCH_DATA") {
        std::fs::create_dir_all(&data).unwrap();
        std::fs::copy(
            Path::new(&source).join("catalogue.sqlite3"),
            data.join("catalogue.sqlite3"),
        )
        .expect("MAIL_BENCH_DATA holds catalogue.sqlite3");
        return data;
    }
    let listings = corpus::generate(count, 0x5eed_cafe_f00d);
    let file = root.join("corpus.jsonl");
    corpus::write_jsonl(&listings, &file).unwrap();
    corpus::import_with(BINARY, &file, &data, &root.join("index"));
    data
}

async fn timed<T>(what: &str, work: impl std::future::Future<Output = T>) -> T {
    let started = Instant::now();
    let result = work.await;
    eprintln!("{what}: {}", seconds(started.elapsed()));
    result
}

#[tokio::main]
async fn main() {
    let count: usize = std::env::var("SCALE_LISTINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let work = tempfile::TempDir::new().unwrap();
    let data = database(count, work.path());
    let store = Store::open(&data.join("catalogue.sqlite3")).await.unwrap();
    let url = url::Url::parse("https://catalogue.example.org/").unwrap();
    let published: i64 = store
        .listings_by_state()
        .await
        .unwrap()
        .iter()
        .find(|(state, _)| state.as_str() == "published")
        .map_or(0, |(_, n)| *n);
    eprintln!("published listings: {published}");

    let desk = store
        .add_account(
            "digest@secretariat.example.org",
            "Desk",
            Role::Secretariat,
            None,
        )
        .await
        .unwrap();
    store.set_password(desk.id, "unused").await.unwrap();
    let mut settings = store.mail_settings(desk.id).await.unwrap();
    settings.choices.digest = true;
    store
        .set_mail_settings(
            desk.id,
            &MailSettings {
                language: Some("th".into()),
                ..settings
            },
        )
        .await
        .unwrap();

    let now = OffsetDateTime::now_utc();
    let queued = timed(
        "reminders, nothing due (a housekeeping look)",
        notices::remind(&store, &url, now),
    )
    .await
    .unwrap();
    eprintln!("  mails queued: {queued}");

    // Every published listing confirmed 400 days ago: all due at once.
    let pool = sqlx::SqlitePool::connect_with(
        sqlx::sqlite::SqliteConnectOptions::new().filename(data.join("catalogue.sqlite3")),
    )
    .await
    .unwrap();
    let stale = catalogue::store::format_timestamp(now - time::Duration::days(400));
    sqlx::query("UPDATE listings SET confirmed_at = ?1 WHERE state = 'published'")
        .bind(&stale)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let queued = timed(
        "reminders, every listing due at once",
        notices::remind(&store, &url, now),
    )
    .await
    .unwrap();
    eprintln!("  mails queued: {queued}");
    let queued = timed(
        "reminders, all reminded already (a housekeeping look)",
        notices::remind(&store, &url, now),
    )
    .await
    .unwrap();
    eprintln!("  mails queued: {queued}");
    let queued = timed(
        "weekly digest (figures and mail)",
        notices::send_digest(&store, &url, now),
    )
    .await
    .unwrap();
    eprintln!("  mails queued: {queued}");
    let queued = timed(
        "weekly digest, already sent (a housekeeping look)",
        notices::send_digest(&store, &url, now),
    )
    .await
    .unwrap();
    eprintln!("  mails queued: {queued}");
    let queued = timed(
        "notices, nothing new (a housekeeping look)",
        notices::announce(&store, &url),
    )
    .await
    .unwrap();
    eprintln!("  mails queued: {queued}");
    store.close().await;
}
