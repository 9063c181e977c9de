//! The promise, measured: writers go on through the API while the service
//! is killed (`kill -9`) at a random moment, again and again; after each
//! restart every acknowledged write is in the database and the index agrees
//! with it (issue 11).
//!
//! In the test suite it runs 10 cycles. `scripts/crash-test` runs the same
//! for more (`CATALOGUE_CRASH_CYCLES`, 200 by default there) and prints the
//! figures.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

use crate::helpers::{sample_listing, setting};
use crate::process::{Service, catalogue, text};

const ORG: &str = "crash-test";
const WRITERS: usize = 2;
/// The writers test the record under load, not the API's rate limits.
const UNLIMITED: &[&str] = &["--api-write-rate", "0", "--api-search-rate", "0"];

/// What the service answered about one listing.
#[derive(Debug, Clone, Default)]
struct Known {
    /// The state in the last acknowledged answer.
    acknowledged: Option<String>,
    /// The state an unanswered request may have moved it to.
    maybe: Option<String>,
}

/// What the writers sent and what the service answered.
#[derive(Debug, Default)]
struct Writes {
    /// Each listing written, by id.
    known: Mutex<HashMap<String, Known>>,
    /// Writes the service acknowledged, of every kind.
    acknowledged: AtomicUsize,
}

type Ledger = Arc<Writes>;

/// A random number below `bound`, fresh each call.
fn random_below(bound: u64) -> u64 {
    RandomState::new().hash_one(Instant::now()) % bound
}

fn add_people(dir: &Path) -> (String, String) {
    let run = |args: &[&str]| {
        let output = catalogue(dir, args);
        assert!(output.status.success(), "{}", text(&output.stderr));
        text(&output.stdout).trim().to_owned()
    };
    run(&[
        "org",
        "add",
        "--id",
        ORG,
        "--name",
        "Crash Test Academy",
        "--type",
        "academic",
        "--country",
        "TH",
    ]);
    for (email, role) in [
        ("writer@crash.example.org", "contributor"),
        ("desk@crash.example.org", "secretariat"),
    ] {
        let mut args = vec![
            "user", "add", "--email", email, "--name", "Someone", "--role", role,
        ];
        if role == "contributor" {
            args.extend(["--org", ORG]);
        }
        run(&args);
    }
    (
        run(&["token", "create", "--email", "writer@crash.example.org"]),
        run(&["token", "create", "--email", "desk@crash.example.org"]),
    )
}

/// Sends one request; records the state it acknowledged, or that it may
/// have taken effect unanswered. Returns whether it was acknowledged.
fn act(
    service: &Service,
    ledger: &Ledger,
    id: &str,
    (method, path, body): (&str, String, String),
    token: &str,
    next: &str,
) -> bool {
    ledger
        .known
        .lock()
        .unwrap()
        .entry(id.to_owned())
        .or_default()
        .maybe = Some(next.to_owned());
    let auth = format!("Bearer {token}");
    let answer = service.exchange(
        method,
        &path,
        &[
            ("authorization", auth.as_str()),
            ("content-type", "application/json"),
        ],
        &body,
    );
    let Some((status, _, body)) = answer else {
        return false;
    };
    assert!(status < 500, "{method} {path} failed with {status}: {body}");
    if !(200..300).contains(&status) {
        return false;
    }
    let state = serde_json::from_str::<Value>(&body).unwrap()["status"]
        .as_str()
        .unwrap()
        .to_owned();
    ledger.acknowledged.fetch_add(1, Ordering::Relaxed);
    let mut known = ledger.known.lock().unwrap();
    let known = known.get_mut(id).unwrap();
    known.acknowledged = Some(state);
    known.maybe = None;
    true
}

/// Creates, publishes and archives listings until `stop`.
fn write_until(
    service: &Service,
    ledger: &Ledger,
    tokens: &(String, String),
    prefix: &str,
    stop: &AtomicBool,
) {
    let (owner, secretariat) = tokens;
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let id = format!("{prefix}-{n}");
        n += 1;
        let mut listing = sample_listing(&id);
        listing["provider"]["id"] = ORG.into();
        let create = ("POST", "/api/v1/listings".to_owned(), listing.to_string());
        if !act(service, ledger, &id, create, owner, "submitted") {
            continue;
        }
        let approve = (
            "POST",
            format!("/api/v1/listings/{id}/approve"),
            String::new(),
        );
        if !act(service, ledger, &id, approve, secretariat, "published") {
            continue;
        }
        if n % 4 == 0 {
            let archive = ("DELETE", format!("/api/v1/listings/{id}"), String::new());
            act(service, ledger, &id, archive, secretariat, "archived");
        }
    }
}

/// Starts `count` writer threads, each [writing](write_until) listings
/// whose ids start with `prefix` until `stop`.
fn spawn_writers(
    count: usize,
    prefix: &str,
    service: &Arc<Service>,
    ledger: &Ledger,
    tokens: &Arc<(String, String)>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<()>> {
    (0..count)
        .map(|w| {
            let (service, ledger, tokens, stop) = (
                service.clone(),
                ledger.clone(),
                tokens.clone(),
                stop.clone(),
            );
            let prefix = format!("{prefix}-w{w}");
            std::thread::spawn(move || write_until(&service, &ledger, &tokens, &prefix, &stop))
        })
        .collect()
}

/// Listings whose stored state is not one the service acknowledged (or an
/// unanswered request could have set).
fn lost_writes(dir: &Path, ledger: &Ledger) -> Vec<String> {
    let ledger = ledger.known.lock().unwrap().clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let stored: HashMap<String, String> = runtime.block_on(async {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.join("data").join("catalogue.sqlite3"))
            .read_only(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, state FROM listings")
            .fetch_all(&pool)
            .await
            .unwrap();
        pool.close().await;
        rows.into_iter().collect()
    });
    ledger
        .into_iter()
        .filter(|(id, known)| {
            let Some(acknowledged) = &known.acknowledged else {
                return false;
            };
            let state = stored.get(id);
            state != Some(acknowledged) && state != known.maybe.as_ref()
        })
        .map(|(id, known)| format!("{id}: acknowledged {known:?}, stored {:?}", stored.get(&id)))
        .collect()
}

#[test]
fn killed_at_random_moments_the_service_loses_no_acknowledged_write() {
    let cycles = setting("CATALOGUE_CRASH_CYCLES", 10) as usize;
    let dir = TempDir::new().unwrap();
    let tokens = Arc::new(add_people(dir.path()));
    let ledger: Ledger = Arc::default();
    let (mut lost, mut mismatches, mut failed_starts) = (Vec::new(), 0, 0);
    let mut ready_after = Vec::new();

    for cycle in 0..cycles {
        let started = Instant::now();
        let service = Arc::new(Service::spawn(dir.path(), UNLIMITED));
        let limit = Duration::from_secs(60);
        while !service.is_ready() && started.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(10));
        }
        if !service.is_ready() {
            failed_starts += 1;
            eprintln!("cycle {cycle}: the service was not ready after {limit:?}");
            continue;
        }
        ready_after.push(started.elapsed());
        // The state left by the previous kill, before anything new.
        lost.extend(lost_writes(dir.path(), &ledger));
        let check = catalogue(dir.path(), &["check"]);
        if !check.status.success() {
            mismatches += 1;
            eprintln!("cycle {cycle}: {}", text(&check.stdout));
        }

        let stop = Arc::new(AtomicBool::new(false));
        let writers = spawn_writers(
            WRITERS,
            &format!("c{cycle}"),
            &service,
            &ledger,
            &tokens,
            &stop,
        );
        std::thread::sleep(Duration::from_millis(200 + random_below(1000)));
        // Killed while the writers are mid-request.
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &service.child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        stop.store(true, Ordering::Relaxed);
        for writer in writers {
            writer.join().unwrap();
        }
        drop(service);
    }
    // One last start to check what the last kill left.
    let service = Service::start(dir.path());
    lost.extend(lost_writes(dir.path(), &ledger));
    let check = catalogue(dir.path(), &["check"]);
    if !check.status.success() {
        mismatches += 1;
        eprintln!("after the last cycle: {}", text(&check.stdout));
    }
    drop(service);

    let listings = ledger
        .known
        .lock()
        .unwrap()
        .values()
        .filter(|k| k.acknowledged.is_some())
        .count();
    let acknowledged = ledger.acknowledged.load(Ordering::Relaxed);
    ready_after.sort();
    eprintln!(
        "crash test: {cycles} cycles, {acknowledged} acknowledged writes to {listings} listings, {} lost, {mismatches} index mismatches, {failed_starts} failed starts, ready after {:?} median and {:?} at most",
        lost.len(),
        ready_after
            .get(ready_after.len() / 2)
            .copied()
            .unwrap_or_default(),
        ready_after.last().copied().unwrap_or_default(),
    );
    assert!(lost.is_empty(), "lost writes: {lost:#?}");
    assert_eq!(mismatches, 0);
    assert_eq!(failed_starts, 0);
    assert!(acknowledged > cycles, "too few writes to mean anything");
}

#[test]
fn four_writers_and_eight_readers_over_http_get_no_server_error_and_lose_nothing() {
    // `scripts/durability load` runs it for 60 s against a release build.
    let seconds = setting("CATALOGUE_LOAD_SECONDS", 3);
    let dir = TempDir::new().unwrap();
    let tokens = Arc::new(add_people(dir.path()));
    let service = Service::spawn(dir.path(), UNLIMITED);
    service.wait_until(Duration::from_secs(60), Service::is_ready);
    let service = Arc::new(service);
    let ledger: Ledger = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writers = spawn_writers(4, "load", &service, &ledger, &tokens, &stop);
    let readers: Vec<_> = (0..8)
        .map(|r| {
            let (service, tokens, stop) = (service.clone(), tokens.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut answered = 0;
                while !stop.load(Ordering::Relaxed) {
                    let auth = format!("Bearer {}", tokens.0);
                    let (path, headers): (&str, Vec<(&str, &str)>) = match r % 3 {
                        0 => ("/api/v1/search?q=trafficking", vec![]),
                        1 => ("/?q=smuggling&language=en", vec![]),
                        _ => (
                            "/api/v1/listings/load-w0-0/history",
                            vec![("authorization", auth.as_str())],
                        ),
                    };
                    let (status, _, body) = service.exchange("GET", path, &headers, "").unwrap();
                    assert!(status < 500, "GET {path} failed with {status}: {body}");
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.join().unwrap();
    }
    let reads: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();

    let lost = lost_writes(dir.path(), &ledger);
    let acknowledged = ledger.acknowledged.load(Ordering::Relaxed);
    eprintln!(
        "4 writers and 8 readers over HTTP for {seconds} s: {acknowledged} acknowledged writes, {reads} reads, no server error, {} lost",
        lost.len()
    );
    assert!(lost.is_empty(), "lost writes: {lost:#?}");
    assert!(acknowledged > 20, "too few writes to mean anything");
    let check = catalogue(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}
