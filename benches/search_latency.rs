//! Search latency at 10,000 synthetic listings.
//!
//! `cargo bench --bench search_latency` builds a catalogue of synthetic
//! listings (varied from the fixtures) on a temporary directory, indexes it,
//! then times `SearchIndex::search` (query, facet counts, page of hits with
//! highlights) for a mix of queries. `BENCH_LISTINGS` and `BENCH_ROUNDS`
//! change the size and the repetitions.

// Only its random generator: the rest of the module serves `scale.rs`.
#[allow(dead_code)]
mod corpus;

use std::time::{Duration, Instant};

use catalogue::app::Catalogue;
use catalogue::config::Paths;
use catalogue::domain::{Day, Listing, ListingId, Session, TopicSlug, Vocabulary};
use catalogue::search::{Facet, SearchRequest, Sort};

const WORDS: &[&str] = &[
    "regional",
    "advanced",
    "introductory",
    "practical",
    "joint",
    "national",
    "cross-border",
    "maritime",
    "frontline",
    "investigative",
    "protection",
    "analysis",
    "cooperation",
    "identity",
    "evidence",
    "interviewing",
    "referral",
    "screening",
    "prosecution",
    "awareness",
    "financial",
    "digital",
];

fn synthetic(fixtures: &[Listing], count: usize) -> Vec<Listing> {
    let mut rng = corpus::Rng::new(0x5eed_cafe_f00d);
    let topics = Vocabulary::builtin().topics();
    (0..count)
        .map(|i| {
            let mut listing = fixtures[i % fixtures.len()].clone();
            listing.id = ListingId::parse(&format!("synthetic-{i:05}")).unwrap();
            let extra = [WORDS[rng.below(WORDS.len())], WORDS[rng.below(WORDS.len())]];
            listing.title = format!("{} ({} {} edition {i})", listing.title, extra[0], extra[1]);
            listing.topics = vec![TopicSlug::parse(&topics[rng.below(topics.len())].slug).unwrap()];
            let start = Day::new(
                Day::parse("2026-01-05").unwrap().date()
                    + time::Duration::days(rng.below(700) as i64),
            );
            let end = Day::new(start.date() + time::Duration::days(rng.below(10) as i64));
            listing.sessions = vec![Session { start, end }];
            listing.updated = Some(Day::new(
                Day::parse("2025-01-01").unwrap().date()
                    + time::Duration::days(rng.below(690) as i64),
            ));
            listing
        })
        .collect()
}

fn requests() -> Vec<(&'static str, SearchRequest)> {
    let today = Day::parse("2026-11-29").unwrap();
    let at = |mut r: SearchRequest| {
        r.today = today;
        r
    };
    vec![
        ("everything, newest first", at(SearchRequest::new(""))),
        ("one word", at(SearchRequest::new("trafficking"))),
        ("one rare word", at(SearchRequest::new("biometric"))),
        ("two words", at(SearchRequest::new("document examination"))),
        (
            "phrase",
            at(SearchRequest::new("\"victims of trafficking\"")),
        ),
        (
            "three words + topic",
            at(SearchRequest::new("border officials training")
                .filter(Facet::Topic, "border-management")),
        ),
        (
            "two facets",
            at(SearchRequest::new("")
                .filter(Facet::Language, "km")
                .filter(Facet::Language, "th")
                .filter(Facet::Kind, "course")),
        ),
        (
            "word, sort by next session",
            at(SearchRequest {
                sort: Sort::Start,
                ..SearchRequest::new("investigation")
            }),
        ),
        (
            "all, sort by title, page 5",
            at(SearchRequest {
                sort: Sort::Title,
                page: 5,
                ..SearchRequest::new("")
            }),
        ),
        ("Thai word", at(SearchRequest::new("การค้ามนุษย์"))),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Prints one table row: percentiles and mean of `times`.
fn print_row(name: &str, hits: &str, times: &mut [Duration]) {
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let [p50, p95, p99] = [0.5, 0.95, 0.99].map(|p| millis(percentile(times, p)));
    println!(
        "| {name} | {hits} | {p50} | {p95} | {p99} | {} |",
        millis(mean)
    );
}

fn millis(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let count: usize = std::env::var("BENCH_LISTINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::TempDir::new()?;
    let paths = Paths {
        data_dir: dir.path().join("data"),
        index_dir: dir.path().join("index"),
    };
    let catalogue = Catalogue::open(&paths).await?;
    let fixtures = catalogue::interchange::json::read(
        catalogue::app::FIXTURE_LISTINGS,
        Vocabulary::builtin(),
    )?;
    let listings = synthetic(&fixtures, count);

    let started = Instant::now();
    for batch in listings.chunks(1_000) {
        catalogue.save(batch.to_vec()).await?;
    }
    let stored = started.elapsed();
    let indexer = catalogue.writer()?;
    let started = Instant::now();
    let done = catalogue::app::catch_up(&catalogue.store, &indexer).await?;
    // Measure the index as it settles: merged, as a running service has it.
    std::sync::Arc::try_unwrap(indexer)
        .map_err(|_| anyhow::anyhow!("writer in use"))?
        .into_inner()
        .finish()?;
    catalogue.index.reload()?;
    let indexed = started.elapsed();
    println!(
        "catalogue: {} listings in {} segment(s); stored in {:.1} s, indexed in {:.1} s",
        done.indexed,
        catalogue.index.segments(),
        stored.as_secs_f64(),
        indexed.as_secs_f64()
    );
    println!("{rounds} rounds per query, one thread, times in ms\n");
    println!("| query | hits | p50 | p95 | p99 | mean |");
    println!("|---|---:|---:|---:|---:|---:|");

    let index = catalogue.index.clone();
    let mut all = Vec::new();
    for (name, request) in requests() {
        let total = index.search(&request)?.total;
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let started = Instant::now();
            std::hint::black_box(index.search(&request)?);
            times.push(started.elapsed());
        }
        print_row(name, &total.to_string(), &mut times);
        all.extend(times);
    }
    print_row("**all queries**", "", &mut all);
    // Completions are asked for at every keystroke.
    let typing = [
        "v",
        "vi",
        "vic",
        "vict",
        "victi",
        "victim",
        "victim i",
        "victim id",
        "victim ide",
    ];
    let mut times = Vec::with_capacity(rounds);
    for typed in typing.iter().cycle().take(rounds) {
        let started = Instant::now();
        std::hint::black_box(index.complete_titles(typed, 5)?);
        times.push(started.elapsed());
    }
    print_row("completions (typing \"victim ide\")", "", &mut times);
    Ok(())
}
