//! What the region offers and where the gaps are: each figure against
//! counts made here from the fixture files.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use catalogue::domain::Role;
use catalogue::store::CoverageBy;
use serde_json::Value;

use crate::helpers::{TestApp, fixture_values, sign_in};

const SECRETARIAT: &str = "desk@secretariat.example.org";

fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|values| {
            values
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a fixture listing has a session to come (or no dates at all).
pub fn is_current(listing: &Value) -> bool {
    let sessions = listing["sessions"].as_array().cloned().unwrap_or_default();
    sessions.is_empty()
        || sessions
            .iter()
            .any(|s| s["end"].as_str().unwrap() >= today().as_str())
}

/// (topic, value) → current listings, counted from the fixtures.
fn expected(by: CoverageBy) -> BTreeMap<(String, String), i64> {
    let mut counts = BTreeMap::new();
    for listing in fixture_values().iter().filter(|l| is_current(l)) {
        let values = match by {
            CoverageBy::Language => strings(&listing["languages"]),
            CoverageBy::Audience => strings(&listing["audience"]),
            CoverageBy::ProviderCountry => {
                vec![listing["provider"]["country"].as_str().unwrap().to_owned()]
            }
        };
        for topic in strings(&listing["topics"]) {
            for value in &values {
                *counts.entry((topic.clone(), value.clone())).or_default() += 1;
            }
        }
    }
    counts
}

#[tokio::test]
async fn coverage_counts_the_current_listings_of_each_topic_and_value() {
    let app = TestApp::with_fixtures().await;
    for by in [
        CoverageBy::Language,
        CoverageBy::ProviderCountry,
        CoverageBy::Audience,
    ] {
        let found: BTreeMap<(String, String), i64> = app
            .catalogue
            .store
            .coverage(by, &today())
            .await
            .unwrap()
            .into_iter()
            .map(|cell| ((cell.topic, cell.value), cell.listings))
            .collect();
        assert_eq!(found, expected(by), "{by:?}");
    }
    let current = fixture_values().iter().filter(|l| is_current(l)).count();
    assert!(current < fixture_values().len(), "some fixtures have ended");
    assert_eq!(
        app.catalogue
            .store
            .current_listings(&today())
            .await
            .unwrap(),
        i64::try_from(current).unwrap()
    );
}

#[tokio::test]
async fn the_coverage_page_shows_every_cell_linked_to_its_search_and_what_is_stale() {
    let app = TestApp::with_fixtures().await;
    app.person(SECRETARIAT, Role::Secretariat, None).await;
    app.person("ana@jclec.example.org", Role::Contributor, Some("jclec"))
        .await;
    // One listing unconfirmed for two years.
    let db = app.db().await;
    sqlx::query(
        "UPDATE listings SET confirmed_at = '2024-11-01T00:00:00.000Z'
         WHERE id = 'jclec-investigating-people-smuggling'",
    )
    .execute(&db)
    .await
    .unwrap();
    db.close().await;

    let mut desk = sign_in(&app, SECRETARIAT).await;
    let (status, _, page) = desk.get(&app, "/admin/coverage").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let cells = expected(CoverageBy::Language);
    for ((topic, language), listings) in &cells {
        let cell = format!(r#"<a href="/?topic={topic}&amp;language={language}">{listings}</a>"#);
        assert!(page.contains(&cell), "{cell}");
    }
    // A gap stands out: Thai has no listing on counter-terrorism.
    assert!(!cells.contains_key(&("counter-terrorism".to_owned(), "th".to_owned())));
    assert!(page.contains(r#"<th scope="row">Counter-terrorism</th>"#));
    assert!(
        page.contains(r#"<th scope="row">Counter-terrorism</th>"#) && page.contains("<td>0</td>"),
        "an empty cell is shaded, and not a link to a search that finds nothing"
    );
    assert!(!page.contains(r#"href="/?topic=counter-terrorism&amp;language=th""#));

    // Listings whose sessions are all over, counted from the fixtures.
    let ended_count = fixture_values().iter().filter(|l| !is_current(l)).count();
    assert!(ended_count > 0);
    assert!(
        page.contains(&format!(
            "{ended_count} published listings have had sessions and have none to come"
        )),
        "{page}"
    );
    assert!(page.contains("1 published listings have not been confirmed"));
    assert!(page.contains(r#"href="/listings/jclec-investigating-people-smuggling""#));
    assert!(page.contains(r#"<table id="states-table">"#));
    assert!(page.contains(&format!(
        "<th scope=\"row\">Published</th><td>{}</td>",
        fixture_values().len()
    )));

    // Crossed with the providers' countries: a cell's search names the
    // providers of that country.
    let (status, _, page) = desk.get(&app, "/admin/coverage?by=country").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("provider&#39;s country") || page.contains("provider's country"));
    assert!(
        page.contains(r#"<a href="/?topic=training-of-trainers&amp;provider="#),
        "{page}"
    );

    let (status, _, body) = desk.get(&app, "/admin/coverage?by=colour").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("language, country, audience"), "{body}");
    let mut contributor = sign_in(&app, "ana@jclec.example.org").await;
    let (status, _, _) = contributor.get(&app, "/admin/coverage").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn coverage_kept_between_views_follows_what_is_published() {
    let app = TestApp::with_fixtures().await;
    app.person(SECRETARIAT, Role::Secretariat, None).await;
    let mut desk = sign_in(&app, SECRETARIAT).await;
    let cell = |listings: i64| {
        format!(r#"<a href="/?topic=trafficking-in-persons&amp;language=en">{listings}</a>"#)
    };
    let (_, _, page) = desk.get(&app, "/admin/coverage").await;
    let before = expected(CoverageBy::Language)
        .get(&("trafficking-in-persons".to_owned(), "en".to_owned()))
        .copied()
        .unwrap_or(0);
    assert!(before > 0, "an empty cell is not a link");
    assert!(page.contains(&cell(before)), "{page}");
    // The same again comes from what was kept.
    let (_, _, again) = desk.get(&app, "/admin/coverage").await;
    assert!(again.contains(&cell(before)));

    let mut listing = crate::helpers::sample_listing("new-trafficking-elearning");
    listing["topics"] = serde_json::json!(["trafficking-in-persons"]);
    listing["languages"] = serde_json::json!(["en"]);
    app.save(vec![serde_json::from_value(listing).unwrap()])
        .await;
    let (_, _, after) = desk.get(&app, "/admin/coverage").await;
    assert!(after.contains(&cell(before + 1)), "{after}");
}
