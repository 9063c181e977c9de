//! A synthetic catalogue for benchmarks, recombined from the built-in
//! listings: seeded, so every run measures the same documents.
//!
//! Seven in ten listings are English, the rest in the built-in listings'
//! other languages (Thai, Khmer, Vietnamese, Indonesian, Chinese, Bengali,
//! Lao, Burmese, Sinhala, Malay, Tetum, Dari), each as long as the listings it
//! is made from: a base listing's title and kind, a summary and a second
//! paragraph of description from other listings in the same language, one
//! to three topics and audiences, up to three sessions, and one of 300
//! providers. Half keep the base listing's translations.

use serde_json::{Value, json};

/// A small deterministic generator (xorshift), so runs are repeatable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const BUILT_IN: &str = include_str!("../../fixtures/listings.jsonl");

const VARIANTS: &[&str] = &[
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
    "refresher",
    "senior officials",
    "field",
    "online",
];

const PROVIDER_KINDS: &[&str] = &[
    "Immigration Training Centre",
    "Police Academy",
    "Border Guard Training School",
    "Customs Training Institute",
    "Ministry of Justice Training Unit",
    "Coast Guard Academy",
];

/// The built-in listings, as interchange records.
pub fn built_in() -> Vec<Value> {
    BUILT_IN
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("the built-in listings parse"))
        .collect()
}

/// `count` synthetic listings in the interchange format.
pub fn generate(count: usize, seed: u64) -> Vec<Value> {
    let base = built_in();
    let english: Vec<&Value> = base.iter().filter(|l| l["lang"] == "en").collect();
    let other: Vec<&Value> = base.iter().filter(|l| l["lang"] != "en").collect();
    let same_language =
        |lang: &Value| -> Vec<&Value> { base.iter().filter(|l| &l["lang"] == lang).collect() };
    let topics: Vec<Value> = base
        .iter()
        .flat_map(|l| l["topics"].as_array().cloned().unwrap_or_default())
        .collect();
    let audiences: Vec<Value> = base
        .iter()
        .flat_map(|l| l["audience"].as_array().cloned().unwrap_or_default())
        .collect();
    let countries: Vec<Value> = base
        .iter()
        .map(|l| l["provider"]["country"].clone())
        .collect();
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            let from = if rng.chance(70) {
                *rng.pick(&english)
            } else {
                *rng.pick(&other)
            };
            let kin = same_language(&from["lang"]);
            let mut listing = from.clone();
            let stem: String = from["id"]
                .as_str()
                .unwrap_or("listing")
                .chars()
                .take(60)
                .collect();
            listing["id"] = json!(format!("{stem}-{i}"));
            let variant = rng.pick(VARIANTS);
            listing["title"] = json!(format!(
                "{} ({variant}, {})",
                from["title"].as_str().unwrap_or_default(),
                2026 + rng.below(3)
            ));
            let other_listing = *rng.pick(&kin);
            listing["summary"] = other_listing["summary"].clone();
            let second = rng.pick(&kin)["description"].as_str().unwrap_or_default();
            listing["description"] = json!(format!(
                "{}\n\n{second}",
                from["description"].as_str().unwrap_or_default()
            ));
            listing["topics"] = json!(one_to_three(&mut rng, &topics));
            listing["audience"] = json!(one_to_three(&mut rng, &audiences));
            let provider = rng.below(300);
            let country = rng.pick(&countries).clone();
            listing["provider"] = json!({
                "id": format!("provider-{provider:03}"),
                "name": format!("{} {provider}", PROVIDER_KINDS[provider % PROVIDER_KINDS.len()]),
                "type": "member-state",
                "country": country,
            });
            // Material and e-learning available any time keep having no sessions.
            let dated = from["sessions"].as_array().is_some_and(|s| !s.is_empty());
            let sessions: Vec<Value> = (0..if dated { 1 + rng.below(3) } else { 0 })
                .map(|_| {
                    let start = time::macros::date!(2026 - 01 - 05)
                        + time::Duration::days(rng.below(900) as i64);
                    let end = start + time::Duration::days(rng.below(12) as i64);
                    json!({"start": start.to_string(), "end": end.to_string()})
                })
                .collect();
            listing["sessions"] = json!(sessions);
            if rng.chance(50)
                && let Some(map) = listing.as_object_mut()
            {
                map.remove("translations");
            }
            let updated =
                time::macros::date!(2025 - 01 - 01) + time::Duration::days(rng.below(690) as i64);
            listing["updated"] = json!(updated.to_string());
            listing
        })
        .collect()
}

/// One to three distinct values drawn from `pool`.
fn one_to_three(rng: &mut Rng, pool: &[Value]) -> Vec<Value> {
    let mut chosen: Vec<Value> = (0..1 + rng.below(3))
        .map(|_| rng.pick(pool).clone())
        .collect();
    chosen.sort_by_key(|v| v.to_string());
    chosen.dedup();
    chosen
}

/// Writes `listings` as JSON Lines, the import's streaming form.
pub fn write_jsonl(listings: &[Value], path: &std::path::Path) -> std::io::Result<u64> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for listing in listings {
        serde_json::to_writer(&mut out, listing)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

/// Imports `file` into a catalogue at `data` and `index` with the release
/// binary `binary`, as an operator would.
// Each benchmark compiles this module on its own; not all of them import.
#[allow(dead_code)]
pub fn import_with(
    binary: &str,
    file: &std::path::Path,
    data: &std::path::Path,
    index: &std::path::Path,
) {
    let status = std::process::Command::new(binary)
        .arg("import")
        .arg(file)
        .env("CATALOGUE_DATA_DIR", data)
        .env("CATALOGUE_INDEX_DIR", index)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the catalogue runs");
    assert!(status.success(), "the import failed");
}
