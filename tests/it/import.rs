//! Reading interchange records: every rejection reason, all-or-nothing files,
//! and replacement by id.

use catalogue::domain::Vocabulary;
use catalogue::interchange::{self, RecordError};
use serde_json::{Value, json};

use crate::helpers::{TestApp, hit_ids, sample, sample_listing};

fn errors_for(record: Value) -> Vec<RecordError> {
    match interchange::json::read(&record.to_string(), Vocabulary::builtin()) {
        Err(interchange::Error::Invalid(errors)) => errors,
        other => panic!("{record} should be refused, got {other:?}"),
    }
}

#[test]
fn every_rejection_reason_names_the_field_and_says_what_is_wrong() {
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str, &str)> = vec![
        (
            "unknown field",
            Box::new(|r| r["colour"] = json!("red")),
            "colour",
            "unknown field `colour`",
        ),
        (
            "missing id",
            Box::new(|r| {
                r.as_object_mut().unwrap().remove("id");
            }),
            "(record)",
            "missing field `id`",
        ),
        (
            "missing contact",
            Box::new(|r| {
                r.as_object_mut().unwrap().remove("contact");
            }),
            "(record)",
            "missing field `contact`",
        ),
        (
            "id with capitals",
            Box::new(|r| r["id"] = json!("Bad_ID")),
            "id",
            "a-z, 0-9 and -",
        ),
        (
            "id too short",
            Box::new(|r| r["id"] = json!("ab")),
            "id",
            "3-80 characters",
        ),
        (
            "unknown kind",
            Box::new(|r| r["kind"] = json!("seminar")),
            "kind",
            "unknown variant `seminar`",
        ),
        (
            "bad lang",
            Box::new(|r| r["lang"] = json!("english")),
            "lang",
            "BCP 47",
        ),
        (
            "empty title",
            Box::new(|r| r["title"] = json!("   ")),
            "title",
            "must not be empty",
        ),
        (
            "summary too long",
            Box::new(|r| r["summary"] = json!("ก".repeat(601))),
            "summary",
            "601 characters",
        ),
        (
            "description too long",
            Box::new(|r| r["description"] = json!("x".repeat(20_001))),
            "description",
            "at most 20000",
        ),
        (
            "no topics",
            Box::new(|r| r["topics"] = json!([])),
            "topics",
            "between 1 and 6",
        ),
        (
            "seven topics",
            Box::new(|r| {
                r["topics"] = json!([
                    "cybercrime",
                    "child-protection",
                    "anti-corruption",
                    "customs-and-trade",
                    "counter-terrorism",
                    "environmental-crime",
                    "border-management"
                ])
            }),
            "topics",
            "between 1 and 6",
        ),
        (
            "unknown topic",
            Box::new(|r| r["topics"] = json!(["cybercrime", "gardening"])),
            "topics[1]",
            "not a known topic",
        ),
        (
            "repeated topic",
            Box::new(|r| r["topics"] = json!(["cybercrime", "cybercrime"])),
            "topics[1]",
            "listed twice",
        ),
        (
            "no languages",
            Box::new(|r| r["languages"] = json!([])),
            "languages",
            "between 1 and 20",
        ),
        (
            "bad language",
            Box::new(|r| r["languages"] = json!(["en", "x_y"])),
            "languages[1]",
            "BCP 47",
        ),
        (
            "topics not a list",
            Box::new(|r| r["topics"] = json!("cybercrime")),
            "topics",
            "expected a sequence",
        ),
        (
            "bad provider type",
            Box::new(|r| r["provider"]["type"] = json!("ngo")),
            "provider.type",
            "unknown variant `ngo`",
        ),
        (
            "bad provider country",
            Box::new(|r| r["provider"]["country"] = json!("XX")),
            "provider.country",
            "ISO 3166-1",
        ),
        (
            "bad provider id",
            Box::new(|r| r["provider"]["id"] = json!("Test Provider")),
            "provider.id",
            "not a valid provider id",
        ),
        (
            "bad email",
            Box::new(|r| r["contact"]["email"] = json!("desk at example")),
            "contact.email",
            "not an e-mail address",
        ),
        (
            "bad delivery",
            Box::new(|r| r["delivery"] = json!("by-post")),
            "delivery",
            "unknown variant `by-post`",
        ),
        (
            "bad location country",
            Box::new(|r| r["location"] = json!({"city": "Dili", "country": "TLS"})),
            "location.country",
            "ISO 3166-1",
        ),
        (
            "unknown audience",
            Box::new(|r| r["audience"] = json!(["astronauts"])),
            "audience[0]",
            "not a known audience",
        ),
        (
            "bad date",
            Box::new(|r| r["sessions"] = json!([{"start": "2027-02-30", "end": "2027-03-01"}])),
            "sessions[0].start",
            "YYYY-MM-DD",
        ),
        (
            "end before start",
            Box::new(|r| r["sessions"] = json!([{"start": "2027-02-08", "end": "2027-02-01"}])),
            "sessions[0].end",
            "before it starts",
        ),
        (
            "translation key",
            Box::new(|r| r["translations"] = json!({"not a tag": {"title": "t", "summary": "s"}})),
            "translations.not a tag",
            "BCP 47",
        ),
        (
            "translation into own language",
            Box::new(|r| r["translations"] = json!({"en": {"title": "t", "summary": "s"}})),
            "translations.en",
            "another language",
        ),
        (
            "translation missing summary",
            Box::new(|r| r["translations"] = json!({"th": {"title": "t"}})),
            "translations.th",
            "missing field `summary`",
        ),
        (
            "bad url",
            Box::new(|r| r["url"] = json!("javascript:alert(1)")),
            "url",
            "not an http or https address",
        ),
        (
            "bad updated",
            Box::new(|r| r["updated"] = json!("yesterday")),
            "updated",
            "YYYY-MM-DD",
        ),
    ];
    for (name, mutate, field, reason) in cases {
        let mut record = sample_listing("valid-id");
        mutate(&mut record);

        let errors = errors_for(record);

        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert_eq!(errors[0].field, field, "{name}: {}", errors[0]);
        assert!(errors[0].reason.contains(reason), "{name}: {}", errors[0]);
        assert_eq!(errors[0].record, 1);
    }
}

#[test]
fn a_record_that_is_not_an_object_or_not_json_is_refused() {
    let text = format!("{}\n[1, 2]\n{{\"id\": \n", sample_listing("fine-one"));
    let errors = match interchange::json::read(&text, Vocabulary::builtin()) {
        Err(interchange::Error::Invalid(errors)) => errors,
        other => panic!("{other:?}"),
    };
    assert_eq!(errors.len(), 2);
    assert!(
        errors[0]
            .to_string()
            .starts_with("record 2 (line 2): field `(record)`: is not a JSON object"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].reason.starts_with("not valid JSON"),
        "{}",
        errors[1]
    );
    let broken = interchange::json::read("[{\"id\": 1,", Vocabulary::builtin()).unwrap_err();
    assert!(
        matches!(broken, interchange::Error::Syntax { line: 1, .. }),
        "{broken:?}"
    );
}

#[tokio::test]
async fn importing_an_existing_id_replaces_the_listing_everywhere() {
    let app = TestApp::empty().await;
    app.save(vec![sample("replace-me")]).await;
    let mut changed = sample("replace-me");
    changed.title = "Quokka observation course".to_owned();
    changed.summary = "Counting quokkas on Rottnest Island.".to_owned();

    app.save(vec![changed]).await;

    let (_, answer) = app.get_json("/api/v1/search?q=quokka").await;
    assert_eq!(hit_ids(&answer), ["replace-me"]);
    let (_, answer) = app.get_json("/api/v1/search?q=zanzibar").await;
    assert_eq!(answer["total"], 0, "the old title is no longer indexed");
    let (_, listing) = app.get_json("/api/v1/listings/replace-me").await;
    assert_eq!(listing["title"], "Quokka observation course");
    assert_eq!(app.catalogue.store.count_listings().await.unwrap(), 1);
}

#[tokio::test]
async fn a_listing_without_an_updated_date_gets_the_day_it_was_imported() {
    let app = TestApp::empty().await;
    let mut listing = sample("no-date");
    listing.updated = None;

    app.save(vec![listing]).await;

    let (_, stored) = app.get_json("/api/v1/listings/no-date").await;
    assert_eq!(
        stored["updated"],
        catalogue::domain::Day::today().to_string()
    );
}

/// Writes `records` as JSON Lines in the app's directory.
fn jsonl_file(app: &TestApp, name: &str, records: &[Value]) -> std::path::PathBuf {
    let path = app.paths.data_dir.join(name);
    let text: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    path
}

#[tokio::test]
async fn a_large_file_is_stored_in_chunks_and_each_new_listing_audited_without_its_fields() {
    let app = TestApp::empty().await;
    let count = catalogue::store::IMPORT_CHUNK * 2 + 3;
    let records: Vec<Value> = (0..count)
        .map(|i| sample_listing(&format!("bulk-{i:04}")))
        .collect();
    let file = jsonl_file(&app, "bulk.jsonl", &records);
    let heard = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let progress = heard.clone();

    let imported = app
        .catalogue
        .import_file(&file, move |stored| {
            progress.store(stored, std::sync::atomic::Ordering::Relaxed)
        })
        .await
        .unwrap();

    assert_eq!(imported, count);
    assert_eq!(heard.load(std::sync::atomic::Ordering::Relaxed), count);
    assert_eq!(
        app.catalogue.store.count_listings().await.unwrap(),
        count as i64
    );
    let db = app.db().await;
    let (entries, empty): (i64, i64) = sqlx::query_as(
        "SELECT count(*), sum(changes = '[]') FROM audit WHERE action = 'imported and published'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!((entries, empty), (count as i64, count as i64));
    let changes: i64 = sqlx::query_scalar("SELECT count(*) FROM listing_changes")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        changes, count as i64,
        "every listing is queued for the index"
    );

    // Imported again with one title changed: that entry says what changed.
    let mut again = records.clone();
    again[7]["title"] = json!("A new title for the eighth");
    let file = jsonl_file(&app, "again.jsonl", &again);
    app.catalogue.import_file(&file, |_| {}).await.unwrap();
    let latest: String = sqlx::query_scalar(
        "SELECT changes FROM audit WHERE listing_id = 'bulk-0007' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(latest.contains("A new title for the eighth"), "{latest}");
    let unchanged: String = sqlx::query_scalar(
        "SELECT changes FROM audit WHERE listing_id = 'bulk-0008' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(unchanged, "[]");
}

#[tokio::test]
async fn a_file_whose_last_record_is_invalid_stores_nothing_of_it() {
    let app = TestApp::empty().await;
    let mut records: Vec<Value> = (0..catalogue::store::IMPORT_CHUNK + 10)
        .map(|i| sample_listing(&format!("doomed-{i:04}")))
        .collect();
    let last = records.len() - 1;
    records[last]["topics"] = json!(["knitting"]);
    let file = jsonl_file(&app, "doomed.jsonl", &records);

    let refused = app.catalogue.import_file(&file, |_| {}).await.unwrap_err();

    match refused {
        catalogue::app::ImportError::Invalid(interchange::Error::Invalid(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].line, Some(records.len()));
            assert_eq!(errors[0].field, "topics[0]");
        }
        other => panic!("expected the invalid record, got {other:?}"),
    }
    assert_eq!(app.catalogue.store.count_listings().await.unwrap(), 0);
}
