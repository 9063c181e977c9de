//! The catalogue at scale, end to end: import, reindex, storage, start-up,
//! memory, search over HTTP and throughput, against a bare tantivy index of
//! the same documents.
//!
//! `cargo bench --bench scale` generates 100,000 synthetic listings (see
//! `corpus/mod.rs`), then runs the release binary as an operator would:
//! `catalogue import`, `catalogue reindex`, `catalogue serve`, and asks the
//! running service the same 200 queries (the judged queries of
//! `tests/eval`, in 15 languages) three rounds over, in three variants, one
//! client, keep-alive. With `wrk` on the path it also measures the HTML
//! search page with 64 connections. Prints one table. `SCALE_LISTINGS`
//! changes the size; `SCALE_KEEP=1` keeps the directory.
//!
//! It is a benchmark, not a test: nothing asserts a time.

mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_catalogue");
const JUDGEMENTS: &str = include_str!("../tests/eval/judgements.json");

struct Row {
    what: String,
    figure: String,
}

fn row(rows: &mut Vec<Row>, what: impl Into<String>, figure: impl Into<String>) {
    let row = Row {
        what: what.into(),
        figure: figure.into(),
    };
    eprintln!("{}: {}", row.what, row.figure);
    rows.push(row);
}

/// Kibibytes in `/proc/PID/status` under `key` (`VmHWM`, `VmRSS`).
fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Runs the catalogue with `args` to its end: wall time and peak resident
/// memory (the kernel's high-water mark, read every 20 ms).
fn run_measured(dirs: &Dirs, args: &[&str]) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = catalogue(dirs, args)
        .stdout(Stdio::null())
        .spawn()
        .expect("the catalogue starts");
    let peak = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (peak, done, pid) = (peak.clone(), done.clone(), child.id());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                if let Some(kib) = status_kib(pid, "VmHWM") {
                    peak.fetch_max(kib, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let status = child.wait().expect("the catalogue runs");
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    watcher.join().ok();
    assert!(status.success(), "catalogue {args:?} failed");
    (elapsed, peak.load(Ordering::Relaxed) / 1024)
}

struct Dirs {
    data: PathBuf,
    index: PathBuf,
}

fn catalogue(dirs: &Dirs, args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command
        .arg("--data-dir")
        .arg(&dirs.data)
        .arg("--index-dir")
        .arg(&dirs.index)
        .args(args)
        .env("RUST_LOG", "warn");
    command
}

fn size_of(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => size_of(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1_000_000.0)
}

fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn latency(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "p50 {:.1} / p99 {:.1} ms",
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.99))
    )
}

/// The judged queries, first 200 distinct ones.
fn queries() -> Vec<String> {
    let judgements: Vec<Value> = serde_json::from_str(JUDGEMENTS).expect("judgements parse");
    let mut queries: Vec<String> = Vec::new();
    for judgement in judgements {
        let query = judgement["query"].as_str().unwrap_or_default().to_owned();
        if !query.is_empty() && !queries.contains(&query) {
            queries.push(query);
        }
    }
    queries.truncate(200);
    queries
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A wrk script asking for results pages that are all different: the
/// queries, in the four orders, pages 1 to 9 (7,200 addresses, more than
/// ten seconds ask for), each of wrk's threads from its own place in the
/// list, so that no page is served from the results-page cache.
fn distinct_pages_script(queries: &[String], file: &Path) -> std::io::Result<()> {
    let paths: Vec<String> = queries
        .iter()
        .map(|q| format!("  \"/?q={}\",", encode(q)))
        .collect();
    let script = format!(
        r#"local paths = {{
{}
}}
local sorts = {{"relevance", "start", "updated", "title"}}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local n = 0
function init(args)
  n = id * 3600
end
request = function()
  n = n + 1
  local round = math.floor(n / #paths)
  local path = paths[(n % #paths) + 1] .. "&sort=" .. sorts[(round % 4) + 1]
    .. "&page=" .. (math.floor(round / 4) % 9 + 1)
  return wrk.format("GET", path)
end
"#,
        paths.join("\n")
    );
    std::fs::write(file, script)
}

/// Starts the service and waits for its first answer. The caller stops it.
#[allow(clippy::zombie_processes)] // handed to the caller, which kills and waits for it
fn serve(dirs: &Dirs, port: u16) -> (Child, Duration) {
    let started = Instant::now();
    let addr = format!("127.0.0.1:{port}");
    // The benchmark is one client asking as fast as it can: the API's
    // per-address limit would answer for the search.
    let mut child = catalogue(dirs, &["serve", "--addr", &addr, "--api-search-rate", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the service starts");
    loop {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ =
                stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            let mut answer = String::new();
            if stream.read_to_string(&mut answer).is_ok() && answer.starts_with("HTTP/1.1 200") {
                return (child, started.elapsed());
            }
        }
        if started.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the service did not answer within five minutes");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Asks every address in `paths`, `rounds` times over, one at a time; the
/// time of each answer.
async fn ask(port: u16, paths: &[String], rounds: usize) -> Vec<Duration> {
    let client = Client::builder(TokioExecutor::new()).build_http::<Empty<Bytes>>();
    let mut times = Vec::new();
    for round in 0..=rounds {
        for path in paths {
            let uri: hyper::Uri = format!("http://127.0.0.1:{port}{path}")
                .parse()
                .expect("a URI");
            let started = Instant::now();
            let response = client.get(uri).await.expect("an answer");
            let status = response.status();
            let body = response
                .into_body()
                .collect()
                .await
                .expect("a body")
                .to_bytes();
            let elapsed = started.elapsed();
            assert!(status.is_success(), "{path}: {status} {body:?}");
            // The first round warms the caches and is not counted.
            if round > 0 {
                times.push(elapsed);
            }
        }
    }
    times
}

/// A bare tantivy index of the same documents: default tokenizer, one
/// writer thread, 50 MB budget; its indexing time and in-process latency.
fn bare_tantivy(
    listings: &[Value],
    queries: &[String],
    dir: &Path,
) -> (Duration, u64, Vec<Duration>) {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{STORED, STRING, Schema, TEXT};
    use tantivy::{Index, TantivyDocument, doc};
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let title = builder.add_text_field("title", TEXT | STORED);
    let summary = builder.add_text_field("summary", TEXT | STORED);
    let description = builder.add_text_field("description", TEXT);
    let topic = builder.add_text_field("topic", STRING);
    let schema = builder.build();
    std::fs::create_dir_all(dir).expect("a directory");
    let started = Instant::now();
    let index = Index::create_in_dir(dir, schema).expect("an index");
    let mut writer = index
        .writer_with_num_threads(1, 50_000_000)
        .expect("a writer");
    for listing in listings {
        let text = |key: &str| listing[key].as_str().unwrap_or_default();
        let mut document = doc!(
            id => text("id"),
            title => text("title"),
            summary => text("summary"),
            description => text("description"),
        );
        for t in listing["topics"].as_array().into_iter().flatten() {
            document.add_text(topic, t.as_str().unwrap_or_default());
        }
        writer.add_document(document).expect("added");
    }
    writer.commit().expect("committed");
    let indexing = started.elapsed();
    let reader = index.reader().expect("a reader");
    let searcher = reader.searcher();
    let parser = QueryParser::for_index(&index, vec![title, summary, description]);
    let mut times = Vec::new();
    for round in 0..=3 {
        for query in queries {
            let started = Instant::now();
            let (parsed, _) = parser.parse_query_lenient(query);
            let (top, _count) = searcher
                .search(&parsed, &(TopDocs::with_limit(20).order_by_score(), Count))
                .expect("searched");
            for (_, address) in top {
                let _: TantivyDocument = searcher.doc(address).expect("a document");
            }
            if round > 0 {
                times.push(started.elapsed());
            }
        }
    }
    (indexing, size_of(dir), times)
}

/// `wrk` with 64 connections for ten seconds: requests a second and errors.
fn wrk(url: &str, script: Option<&Path>) -> Option<String> {
    let mut command = Command::new("wrk");
    command.args(["-t2", "-c64", "-d10s", "--latency"]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    let output = command.arg(url).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let rate = text.lines().find(|l| l.starts_with("Requests/sec:"))?;
    let p50 = text
        .lines()
        .find(|l| l.trim_start().starts_with("50%"))
        .map(|l| l.trim().to_owned())
        .unwrap_or_default();
    let errors = text
        .lines()
        .find(|l| l.contains("Non-2xx") || l.contains("Socket errors"))
        .map(|l| format!(", {}", l.trim()))
        .unwrap_or_else(|| ", 0 errors".to_owned());
    Some(format!(
        "{} req/s ({p50}{errors})",
        rate.split_whitespace().nth(1)?
    ))
}

#[tokio::main]
async fn main() {
    let count: usize = std::env::var("SCALE_LISTINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let work = tempfile::TempDir::new().expect("a temporary directory");
    let root = work.path().to_path_buf();
    let dirs = Dirs {
        data: root.join("data"),
        index: root.join("index"),
    };
    let mut rows = Vec::new();

    let started = Instant::now();
    let listings = corpus::generate(count, 0x5eed_cafe_f00d);
    let file = root.join("corpus.jsonl");
    let file_size = corpus::write_jsonl(&listings, &file).expect("the corpus is written");
    let english = listings.iter().filter(|l| l["lang"] == "en").count();
    row(
        &mut rows,
        "corpus",
        format!(
            "{count} listings, {}% English, {} ({:.1} s to generate)",
            english * 100 / count.max(1),
            mb(file_size),
            started.elapsed().as_secs_f64()
        ),
    );

    let file_arg = file.to_string_lossy().into_owned();
    let (took, peak) = run_measured(&dirs, &["import", &file_arg]);
    row(
        &mut rows,
        "import (store + index)",
        format!("{}, peak {peak} MB", seconds(took)),
    );
    let database = size_of(&dirs.data);
    row(
        &mut rows,
        "database after import",
        format!(
            "{} ({:.2}x the file)",
            mb(database),
            database as f64 / file_size as f64
        ),
    );
    let (took, peak) = run_measured(&dirs, &["reindex"]);
    row(
        &mut rows,
        "reindex",
        format!("{}, peak {peak} MB", seconds(took)),
    );
    row(&mut rows, "index on disk", mb(size_of(&dirs.index)));

    let port = 18_000 + (std::process::id() % 1000) as u16;
    let (mut service, first_answer) = serve(&dirs, port);
    row(
        &mut rows,
        "start to first answer",
        format!("{:.0} ms", first_answer.as_secs_f64() * 1000.0),
    );

    let queries = queries();
    let topics = corpus::built_in()
        .iter()
        .flat_map(|l| l["topics"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect::<Vec<_>>();
    let mut rng = corpus::Rng::new(7);
    let plain: Vec<String> = queries
        .iter()
        .map(|q| format!("/api/v1/search?q={}", encode(q)))
        .collect();
    let topic: Vec<String> = plain
        .iter()
        .map(|p| format!("{p}&topic={}", rng.pick(&topics)))
        .collect();
    let language_provider: Vec<String> = plain
        .iter()
        .map(|p| format!("{p}&language=en&provider=provider-{:03}", rng.below(300)))
        .collect();
    for (name, paths) in [
        ("search over HTTP, query only", &plain),
        ("search over HTTP, with a topic filter", &topic),
        (
            "search over HTTP, language and provider filters",
            &language_provider,
        ),
    ] {
        let mut times = ask(port, paths, 3).await;
        row(&mut rows, name, latency(&mut times));
    }
    let resident = status_kib(service.id(), "VmRSS").unwrap_or(0) / 1024;
    row(
        &mut rows,
        "service resident after the searches",
        format!("{resident} MB"),
    );
    if let Some(figure) = wrk(
        &format!("http://127.0.0.1:{port}/?q=border+management"),
        None,
    ) {
        row(
            &mut rows,
            "HTML search page, the same one (kept), wrk 64 connections",
            figure,
        );
    }
    let script = root.join("distinct.lua");
    if distinct_pages_script(&queries, &script).is_ok()
        && let Some(figure) = wrk(&format!("http://127.0.0.1:{port}"), Some(&script))
    {
        row(
            &mut rows,
            "HTML search pages, all different, wrk 64 connections",
            figure,
        );
    }
    if let Some(figure) = wrk(&format!("http://127.0.0.1:{port}/healthz"), None) {
        row(&mut rows, "/healthz, wrk 64 connections", figure);
    }
    let _ = service.kill();
    let _ = service.wait();

    let (indexing, size, mut times) = bare_tantivy(&listings, &queries, &root.join("bare"));
    row(
        &mut rows,
        "bare tantivy (default tokenizer, 1 thread)",
        format!(
            "indexing {}, {} on disk, search in-process {}",
            seconds(indexing),
            mb(size),
            latency(&mut times)
        ),
    );

    println!("\n| {count} listings | measured |\n|---|---|");
    for Row { what, figure } in &rows {
        println!("| {what} | {figure} |");
    }
    if std::env::var_os("SCALE_KEEP").is_some() {
        let kept = work.keep();
        println!("\nkept {}", kept.display());
    }
}
