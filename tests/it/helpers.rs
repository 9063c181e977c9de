//! A catalogue on temporary directories, driven through the real router.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use catalogue::app::{Catalogue, FIXTURE_LISTINGS};
use catalogue::config::Paths;
use catalogue::domain::{Listing, Vocabulary};
use catalogue::search::{self, SharedIndexer};
use catalogue::web;
use http_body_util::BodyExt;
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt;

/// A catalogue of its own, with the index writer held as a service would.
pub struct TestApp {
    pub catalogue: Catalogue,
    pub indexer: SharedIndexer,
    pub paths: Paths,
    /// One router for the life of the app, as a service has: rate limits
    /// count across requests.
    router: axum::Router,
    dir: Arc<TempDir>,
}

/// The client address requests appear to come from.
pub const CLIENT: ([u8; 4], u16) = ([192, 0, 2, 10], 50000);

impl TestApp {
    /// An empty catalogue.
    pub async fn empty() -> TestApp {
        let dir = TempDir::new().unwrap();
        let paths = Paths {
            data_dir: dir.path().join("data"),
            index_dir: dir.path().join("index"),
        };
        TestApp::reopen(paths, Arc::new(dir)).await
    }

    /// A catalogue loaded with the fixtures, as a first start loads them.
    pub async fn with_fixtures() -> TestApp {
        let app = TestApp::empty().await;
        assert_eq!(
            app.catalogue.seed_if_empty().await.unwrap(),
            fixture_listings().len()
        );
        app.catch_up().await;
        app
    }

    /// Opens a catalogue on existing directories, catching the index up as
    /// the service does when it starts.
    pub async fn reopen(paths: Paths, dir: Arc<TempDir>) -> TestApp {
        let catalogue = Catalogue::open(&paths).await.unwrap();
        let indexer = catalogue.writer().unwrap();
        search::catch_up(&catalogue.store, &indexer).await.unwrap();
        let router = web::router(web::AppState::new(catalogue.clone()))
            .layer(MockConnectInfo(SocketAddr::from(CLIENT)));
        TestApp {
            catalogue,
            indexer,
            paths,
            router,
            dir,
        }
    }

    /// Closes the catalogue, releasing the database and the index lock, and
    /// hands back its directories.
    pub async fn stop(self) -> (Paths, Arc<TempDir>) {
        let TestApp {
            catalogue,
            indexer,
            paths,
            dir,
            ..
        } = self;
        drop(indexer);
        catalogue.store.close().await;
        (paths, dir)
    }

    /// Stops and reopens, as a restart of the service does.
    pub async fn restart(self) -> TestApp {
        let (paths, dir) = self.stop().await;
        TestApp::reopen(paths, dir).await
    }

    /// Stores listings and indexes them, as an import does.
    pub async fn save(&self, listings: Vec<Listing>) {
        self.catalogue.save(listings).await.unwrap();
        self.catch_up().await;
    }

    /// Applies every pending change to the index.
    pub async fn catch_up(&self) {
        search::catch_up(&self.catalogue.store, &self.indexer)
            .await
            .unwrap();
    }

    /// Sends a GET through the real router.
    pub async fn get(&self, uri: &str) -> (StatusCode, HeaderMap, String) {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// Sends any request through the real router.
    pub async fn request(&self, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    /// Sends a GET and parses the JSON answer.
    pub async fn get_json(&self, uri: &str) -> (StatusCode, Value) {
        let (status, headers, body) = self.get(uri).await;
        assert_eq!(headers["content-type"], "application/json", "{uri}: {body}");
        (status, serde_json::from_str(&body).unwrap())
    }
}

/// The fixture listings as plain JSON, for counting things independently of
/// the code under test.
pub fn fixture_values() -> Vec<Value> {
    FIXTURE_LISTINGS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The fixture listings, parsed.
pub fn fixture_listings() -> Vec<Listing> {
    catalogue::interchange::json::read(FIXTURE_LISTINGS, Vocabulary::builtin()).unwrap()
}

/// A valid listing to vary in tests.
pub fn sample_listing(id: &str) -> Value {
    serde_json::json!({
        "id": id,
        "kind": "workshop",
        "title": "Zanzibar harbour pilotage workshop",
        "summary": "A workshop about harbour pilotage near Zanzibar.",
        "topics": ["maritime-and-irregular-movements"],
        "languages": ["en"],
        "provider": {"id": "test-provider", "name": "Test Provider", "type": "academic", "country": "TH"},
        "contact": {"name": "Desk", "email": "desk@test-provider.example.org"},
        "updated": "2026-01-01"
    })
}

/// `sample_listing` parsed.
pub fn sample(id: &str) -> Listing {
    serde_json::from_value(sample_listing(id)).unwrap()
}

/// The path of the `catalogue` binary built for these tests.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_catalogue"))
}

/// Ids of the hits of a search answer, in order.
pub fn hit_ids(answer: &Value) -> Vec<String> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect()
}
