//! The index follows the database: catch-up after a restart, rebuild after
//! the index is deleted.

use axum::http::StatusCode;

use crate::helpers::{TestApp, hit_ids, sample};

#[tokio::test]
async fn a_change_written_while_the_indexer_was_stopped_is_searchable_after_restart() {
    let app = TestApp::with_fixtures().await;
    // Written to the database only: nothing applies it to the index now.
    app.catalogue
        .save(vec![sample("written-while-stopped")])
        .await
        .unwrap();
    let (_, before) = app.get_json("/api/v1/search?q=zanzibar").await;
    assert_eq!(before["total"], 0);
    let (_, health) = app.get_json("/healthz").await;
    assert_eq!(health["changes_pending"], 1);

    let app = app.restart().await;

    let (_, after) = app.get_json("/api/v1/search?q=zanzibar").await;
    assert_eq!(hit_ids(&after), ["written-while-stopped"]);
    assert_eq!(after["facets"]["provider"].as_array().unwrap().len(), 1);
    let (_, health) = app.get_json("/healthz").await;
    assert_eq!(health["changes_pending"], 0);
    assert_eq!(health["listings_indexed"], 65);
}

#[tokio::test]
async fn deleting_the_index_loses_nothing() {
    let app = TestApp::with_fixtures().await;
    let (_, before) = app
        .get_json("/api/v1/search?q=trafficking&per_page=100")
        .await;
    let (paths, dir) = app.stop().await;
    std::fs::remove_dir_all(&paths.index_dir).unwrap();

    let app = TestApp::reopen(paths, dir).await;

    let (_, after) = app
        .get_json("/api/v1/search?q=trafficking&per_page=100")
        .await;
    assert_eq!(after, before);
}

#[tokio::test]
async fn applying_the_same_change_twice_leaves_one_document() {
    let app = TestApp::empty().await;
    app.save(vec![sample("only-once")]).await;
    app.save(vec![sample("only-once")]).await;
    app.catch_up().await;

    let (_, answer) = app.get_json("/api/v1/search?q=zanzibar").await;
    assert_eq!(answer["total"], 1);
    assert_eq!(app.catalogue.index.len(), 1);
}

#[tokio::test]
async fn an_unreadable_index_is_set_aside_and_rebuilt() {
    let app = TestApp::with_fixtures().await;
    let (paths, dir) = app.stop().await;
    let version = catalogue::search::SearchIndex::version_directory();
    let meta = paths.index_dir.join(&version).join("meta.json");
    std::fs::write(&meta, "this is not an index").unwrap();

    let app = TestApp::reopen(paths, dir).await;

    let (_, answer) = app.get_json("/api/v1/search").await;
    assert_eq!(answer["total"], 64);
    let set_aside = std::fs::read_dir(&app.paths.index_dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("{version}.unreadable-"))
        })
        .count();
    assert_eq!(set_aside, 1);
}

#[tokio::test]
async fn an_index_of_an_earlier_schema_version_or_glossary_is_removed() {
    let app = TestApp::with_fixtures().await;
    let (paths, dir) = app.stop().await;
    let version = catalogue::search::schema::SCHEMA_VERSION;
    let old = [
        paths.index_dir.join("v0"),
        paths.index_dir.join(format!("v{version}-00000000")),
    ];
    for old in &old {
        std::fs::create_dir_all(old).unwrap();
        std::fs::write(old.join("meta.json"), "{}").unwrap();
    }

    let app = TestApp::reopen(paths, dir).await;

    assert!(old.iter().all(|old| !old.exists()));
    let (_, answer) = app.get_json("/api/v1/search").await;
    assert_eq!(answer["total"], 64);
}

#[tokio::test]
async fn a_database_from_before_ownership_is_upgraded_with_its_listings_published() {
    let dir = tempfile::TempDir::new().unwrap();
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let database = data_dir.join("catalogue.sqlite3");
    // The schema as the first release left it, with one listing in it.
    let first = dir.path().join("first-migration");
    std::fs::create_dir_all(&first).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/store/migrations/20261129000001_listings.sql"
        ),
        first.join("20261129000001_listings.sql"),
    )
    .unwrap();
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&database)
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    sqlx::migrate::Migrator::new(first.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    let listing = crate::helpers::sample("old-listing");
    sqlx::query("INSERT INTO providers (id, name, kind, country) VALUES ('test-provider', 'Test Provider', 'academic', 'TH')")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO listings (id, provider_id, document) VALUES ('old-listing', 'test-provider', ?1)")
        .bind(serde_json::to_string(&listing).unwrap())
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let paths = catalogue::config::Paths {
        data_dir,
        index_dir: dir.path().join("index"),
    };
    let app = TestApp::reopen(paths, std::sync::Arc::new(dir)).await;
    let record = app
        .catalogue
        .store
        .listing_record("old-listing")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.state,
        catalogue::domain::lifecycle::ListingState::Published
    );
    assert_eq!(record.published.as_ref(), Some(&listing));
    let (status, _) = app.get_json("/api/v1/listings/old-listing").await;
    assert_eq!(status, StatusCode::OK);
}
