//! Export and re-import.

use catalogue::domain::Vocabulary;
use catalogue::interchange;

use crate::helpers::TestApp;

#[tokio::test]
async fn a_json_export_re_imports_to_the_same_catalogue() {
    let first = TestApp::with_fixtures().await;
    let listings = first.catalogue.store.all_listings().await.unwrap();
    let mut exported = Vec::new();
    interchange::json::write(&listings, &mut exported).unwrap();

    let second = TestApp::empty().await;
    let reimported = interchange::json::read(
        std::str::from_utf8(&exported).unwrap(),
        Vocabulary::builtin(),
    )
    .unwrap();
    second.save(reimported).await;

    let again = second.catalogue.store.all_listings().await.unwrap();
    assert_eq!(again, listings);
    let (_, a) = first.get_json("/api/v1/search?q=border&per_page=100").await;
    let (_, b) = second
        .get_json("/api/v1/search?q=border&per_page=100")
        .await;
    assert_eq!(a, b);
}

#[tokio::test]
async fn the_csv_export_has_a_row_per_listing_and_defuses_formulas() {
    let app = TestApp::empty().await;
    let mut risky = crate::helpers::sample("risky-one");
    risky.title = "=HYPERLINK(\"http://example.org\")".to_owned();
    app.save(vec![risky, crate::helpers::sample("plain-one")])
        .await;
    let listings = app.catalogue.store.all_listings().await.unwrap();

    let mut out = Vec::new();
    interchange::csv::write(&listings, &mut out).unwrap();

    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let title = headers.iter().position(|h| h == "title").unwrap();
    let risky_row = rows.iter().find(|r| &r[0] == "risky-one").unwrap();
    assert_eq!(&risky_row[title], "'=HYPERLINK(\"http://example.org\")");
}
