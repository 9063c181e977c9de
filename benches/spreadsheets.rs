//! Spreadsheets at scale: how long checking an uploaded file of 1,000
//! listings takes against a catalogue of 100,000, its possible duplicates
//! among them, and saving the 1,000 as drafts in one transaction.
//!
//! `cargo bench --bench spreadsheets` generates 100,000 synthetic listings
//! (see `corpus/mod.rs`) and imports them with the release binary, or
//! reuses `SHEET_BENCH_DATA`, a directory holding `data/` and `index/`
//! (copied first). The 1,000 rows are copies of published listings under
//! new ids: each is a duplicate by construction. `SCALE_LISTINGS` and
//! `SHEET_ROWS` change the sizes. A benchmark, not a test: nothing asserts
//! a time.

mod corpus;

use std::path::Path;
use std::time::Instant;

use catalogue::app::Catalogue;
use catalogue::config::Paths;
use catalogue::domain::{Actor, ListingId, Role};
use catalogue::interchange::{sheet, xlsx};

const BINARY: &str = env!("CARGO_BIN_EXE_catalogue");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Data and index directories with `count` listings.
fn catalogue_dirs(count: usize, root: &Path) -> Paths {
    let paths = Paths {
        data_dir: root.join("data"),
        index_dir: root.join("index"),
    };
    if let Ok(source) = std::env::var("SHEET_BENCH_DATA") {
        copy_dir(&Path::new(&source).join("data"), &paths.data_dir);
        copy_dir(&Path::new(&source).join("index"), &paths.index_dir);
        return paths;
    }
    let listings = corpus::generate(count, 0x5eed_cafe_f00d);
    let file = root.join("corpus.jsonl");
    corpus::write_jsonl(&listings, &file).unwrap();
    corpus::import_with(BINARY, &file, &paths.data_dir, &paths.index_dir);
    paths
}

fn report(what: &str, started: Instant) {
    eprintln!("{what}: {:.2} s", started.elapsed().as_secs_f64());
}

#[tokio::main]
async fn main() {
    let count: usize = std::env::var("SCALE_LISTINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let rows: usize = std::env::var("SHEET_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let work = tempfile::TempDir::new().unwrap();
    let paths = catalogue_dirs(count, work.path());
    let catalogue = Catalogue::open(&paths).await.unwrap();
    let published = catalogue.store.all_listings().await.unwrap();
    eprintln!("{} published listings; a file of {rows}", published.len());
    let copies: Vec<_> = published
        .iter()
        .take(rows)
        .map(|listing| {
            let mut copy = listing.clone();
            copy.id = ListingId::parse(&format!("{}-copy", listing.id)).unwrap();
            copy
        })
        .collect();
    drop(published);
    let workbook = xlsx::write(&copies).unwrap();
    eprintln!("the workbook: {} bytes", workbook.len());

    let started = Instant::now();
    let read = sheet::read(&workbook, sheet::Format::Xlsx).unwrap();
    let vocabulary = catalogue.vocabulary.current();
    let checked = sheet::check(&read, &vocabulary, sheet::Owners::Named);
    assert!(checked.is_valid(), "{:?}", checked.problems());
    report("reading and checking every row", started);

    let started = Instant::now();
    let mut flagged = 0;
    for listing in &checked.listings {
        let found = catalogue.index.possible_duplicates(listing).unwrap();
        flagged += usize::from(!found.is_empty());
    }
    report("possible duplicates of every listing", started);
    eprintln!("  {flagged} of {} flagged", checked.listings.len());

    let started = Instant::now();
    for listing in &checked.listings {
        catalogue
            .store
            .listing_record(listing.id.as_str())
            .await
            .unwrap();
    }
    report("looking up whose each id is", started);

    let desk = catalogue
        .store
        .add_account(
            "sheets@secretariat.example.org",
            "Desk",
            Role::Secretariat,
            None,
        )
        .await
        .unwrap();
    let actor = Actor {
        user_id: Some(desk.id),
        name: "Desk".to_owned(),
        role: Role::Secretariat,
        org: None,
    };
    let started = Instant::now();
    let token = catalogue
        .store
        .keep_upload(desk.id, "bench.xlsx", &workbook)
        .await
        .unwrap();
    let written = catalogue
        .store
        .write_upload(&actor, &token, checked.listings, false)
        .await
        .unwrap()
        .unwrap();
    report("saving every listing as a draft", started);
    eprintln!("  {written} written");
}
