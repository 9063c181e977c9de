//! A catalogue on temporary directories, driven through the real router.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::Extension;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use catalogue::app::{Catalogue, FIXTURE_LISTINGS};
use catalogue::config::Paths;
use catalogue::domain::{Listing, ProviderId, Role, Vocabulary};
use catalogue::search::SharedIndexer;
use catalogue::store::QueuedMail;
use catalogue::web;
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
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
    /// Where the router records searches.
    pub search_log: catalogue::app::search_log::SearchLog,
    dir: Arc<TempDir>,
}

/// The catalogue every [`TestApp::with_fixtures`] starts from, seeded and
/// indexed once, on a runtime of its own, and closed cleanly so that its
/// files hold everything.
fn template() -> &'static TempDir {
    static TEMPLATE: OnceLock<TempDir> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        std::thread::spawn(|| {
            let dir = TempDir::new().unwrap();
            let paths = Paths {
                data_dir: dir.path().join("data"),
                index_dir: dir.path().join("index"),
            };
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let catalogue = Catalogue::open(&paths).await.unwrap();
                assert_eq!(
                    catalogue.seed_if_empty().await.unwrap(),
                    fixture_listings().len()
                );
                let indexer = catalogue.writer().unwrap();
                catalogue::app::catch_up(&catalogue.store, &indexer)
                    .await
                    .unwrap();
                drop(indexer);
                catalogue.store.close().await;
            });
            dir
        })
        .join()
        .unwrap()
    })
}

/// Copies the files under `from` to `to`, folders included.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A whole number from the environment variable `name`, else `default`:
/// `scripts/durability` runs the crash and load tests longer this way.
pub fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
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

    /// A catalogue loaded with the fixtures, as a first start loads them: a
    /// copy of one seeded and indexed once for the whole test binary, as
    /// seeding and indexing 64 listings (with their fsyncs) in every test
    /// would cost more than the tests themselves.
    pub async fn with_fixtures() -> TestApp {
        let dir = TempDir::new().unwrap();
        copy_tree(template().path(), dir.path());
        let paths = Paths {
            data_dir: dir.path().join("data"),
            index_dir: dir.path().join("index"),
        };
        TestApp::reopen(paths, Arc::new(dir)).await
    }

    /// Opens a catalogue on existing directories, catching the index up as
    /// the service does when it starts.
    pub async fn reopen(paths: Paths, dir: Arc<TempDir>) -> TestApp {
        let catalogue = Catalogue::open(&paths).await.unwrap();
        let indexer = catalogue.writer().unwrap();
        catalogue::app::catch_up(&catalogue.store, &indexer)
            .await
            .unwrap();
        let state = web::AppState::new(catalogue.clone());
        let search_log = state.search_log.clone();
        let router = web::router(state).layer(Extension(ConnectInfo(SocketAddr::from(CLIENT))));
        TestApp {
            catalogue,
            indexer,
            paths,
            router,
            search_log,
            dir,
        }
    }

    /// Makes each request come from an address of its own, so that the
    /// per-address rate limits do not answer for the handlers.
    pub fn use_many_client_addresses(&mut self) {
        let next = Arc::new(std::sync::atomic::AtomicU32::new(1));
        let state = web::AppState::new(self.catalogue.clone());
        self.search_log = state.search_log.clone();
        self.router = web::router(state).layer(axum::middleware::map_request(
            move |mut request: Request<Body>| {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let address = SocketAddr::from((std::net::Ipv4Addr::from(0x0a00_0000 + n), 50000));
                request.extensions_mut().insert(ConnectInfo(address));
                std::future::ready(request)
            },
        ));
    }

    /// Serves with `settings` from now on, requests still coming from
    /// [`CLIENT`].
    pub fn use_settings(&mut self, settings: web::Settings) {
        let state = web::AppState::with_settings(
            self.catalogue.clone(),
            settings,
            catalogue::app::IndexStatus::default(),
        );
        self.router = web::router(state).layer(Extension(ConnectInfo(SocketAddr::from(CLIENT))));
    }

    /// Lets the API be used as fast as it answers, for tests of what many
    /// writers at once do to the record rather than of the rate limits.
    pub fn without_api_limits(&mut self) {
        self.use_settings(web::Settings {
            api_limits: web::ApiLimits {
                searches_per_second: 0,
                writes_per_second: 0,
            },
            ..web::Settings::default()
        });
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
        catalogue::app::catch_up(&self.catalogue.store, &self.indexer)
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
        let (status, headers, bytes) = self.request_bytes(request).await;
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    /// Sends any request through the real router; the answer's bytes as
    /// they are (a workbook, say).
    pub async fn request_bytes(
        &self,
        request: Request<Body>,
    ) -> (StatusCode, HeaderMap, axum::body::Bytes) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes)
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

/// The password every test person has.
pub const PASSWORD: &str = "correct horse battery staple";

impl TestApp {
    /// Adds a person who has accepted their invitation and set [`PASSWORD`].
    pub async fn person(&self, email: &str, role: Role, org: Option<&str>) -> i64 {
        let org = org.map(|o| ProviderId::parse(o).unwrap());
        let store = &self.catalogue.store;
        let account = store
            .add_account(email, email, role, org.as_ref())
            .await
            .unwrap();
        let hash = catalogue::web::auth::hash_password(PASSWORD.to_owned())
            .await
            .unwrap();
        store.set_password(account.id, &hash).await.unwrap();
        account.id
    }

    /// A raw connection to the database, for what only time would do
    /// (expiring sessions and links) and for looking behind the router.
    pub async fn db(&self) -> SqlitePool {
        let options = SqliteConnectOptions::new()
            .filename(self.paths.database())
            .busy_timeout(std::time::Duration::from_secs(10));
        SqlitePool::connect_with(options).await.unwrap()
    }

    /// Everything stored except sessions and token use times, as text, to
    /// show that a refused request changed nothing.
    pub async fn snapshot(&self) -> String {
        let db = self.db().await;
        let mut out = String::new();
        for query in [
            "SELECT * FROM providers ORDER BY id",
            "SELECT * FROM listings ORDER BY id",
            "SELECT * FROM revisions ORDER BY id",
            "SELECT * FROM audit ORDER BY id",
            "SELECT * FROM listing_changes ORDER BY seq",
            "SELECT * FROM users ORDER BY id",
            "SELECT * FROM one_time_links ORDER BY token_hash",
            "SELECT token_hash, user_id FROM api_tokens ORDER BY token_hash",
            "SELECT * FROM enquiries ORDER BY id",
            "SELECT * FROM outbox ORDER BY id",
            "SELECT * FROM topics ORDER BY slug",
        ] {
            out.push_str(query);
            out.push('\n');
            for row in sqlx::query(query).fetch_all(&db).await.unwrap() {
                for i in 0..row.len() {
                    let cell = match row.try_get::<Option<i64>, _>(i) {
                        Ok(number) => format!("{number:?}"),
                        Err(_) => format!("{:?}", row.try_get::<Option<String>, _>(i).unwrap()),
                    };
                    out.push_str(&cell);
                    out.push('|');
                }
                out.push('\n');
            }
        }
        db.close().await;
        out
    }

    /// The newest message to `recipient`, waiting up to five seconds for
    /// one queued by work the answer did not wait for.
    pub async fn mail_to_come(&self, recipient: &str) -> QueuedMail {
        for _ in 0..500 {
            if let Some(mail) = self.last_mail_to(recipient).await {
                return mail;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("no mail to {recipient} within five seconds");
    }

    /// The newest message in the outbox to `recipient`.
    pub async fn last_mail_to(&self, recipient: &str) -> Option<QueuedMail> {
        self.catalogue
            .store
            .recent_mail(1000)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.recipient == recipient)
    }
}

/// The first `/links/...` path in a text.
pub fn link_path(text: &str) -> String {
    let start = text.find("/links/").expect("a link");
    text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

/// A browser: keeps the session cookie and the page's form token.
#[derive(Debug, Default, Clone)]
pub struct Browser {
    /// `name=value` of the session cookie.
    pub cookie: Option<String>,
    /// The form token last seen on a page.
    pub token: Option<String>,
    /// The `Accept-Language` sent with each request, if any.
    pub accept_language: Option<&'static str>,
}

impl Browser {
    /// Sends a request with the cookie; keeps what the answer sets.
    pub async fn send(
        &mut self,
        app: &TestApp,
        mut request: Request<Body>,
    ) -> (StatusCode, HeaderMap, String) {
        if let Some(cookie) = &self.cookie {
            request
                .headers_mut()
                .insert("cookie", cookie.parse().unwrap());
        }
        if let Some(languages) = self.accept_language {
            request
                .headers_mut()
                .insert("accept-language", languages.parse().unwrap());
        }
        let (status, headers, body) = app.request(request).await;
        if let Some(set) = headers.get("set-cookie") {
            let set = set.to_str().unwrap();
            let pair = set.split(';').next().unwrap().to_owned();
            let removed = set.contains("Max-Age=0") || pair.ends_with('=');
            self.cookie = if removed { None } else { Some(pair) };
        }
        if let Some(token) = form_token(&body) {
            self.token = Some(token);
        }
        (status, headers, body)
    }

    /// GET a page.
    pub async fn get(&mut self, app: &TestApp, path: &str) -> (StatusCode, HeaderMap, String) {
        self.send(app, Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// POST a form, with the form token unless the fields give one.
    pub async fn post(
        &mut self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, String) {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        if !fields.iter().any(|(name, _)| *name == "csrf")
            && let Some(token) = &self.token
        {
            serializer.append_pair("csrf", token);
        }
        for (name, value) in fields {
            serializer.append_pair(name, value);
        }
        let request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(serializer.finish()))
            .unwrap();
        self.send(app, request).await
    }
}

/// The form token in a page, if it has a form.
pub fn form_token(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[start..].chars().take_while(|c| *c != '"').collect())
}

/// Signs in through the sign-in form.
pub async fn sign_in(app: &TestApp, email: &str) -> Browser {
    let mut browser = Browser::default();
    browser.get(app, "/sign-in").await;
    let (status, headers, body) = browser
        .post(app, "/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "sign-in of {email}: {body}");
    assert_eq!(headers["location"], "/dashboard");
    browser.get(app, "/dashboard").await;
    browser
}

/// An API request with a bearer token.
pub fn api(method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> Request<Body> {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
        None => request.body(Body::empty()).unwrap(),
    }
}

/// Log lines written while a test runs on its own thread.
#[derive(Clone, Default)]
pub struct Captured(pub std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Captured {
    /// Captures what is logged on this thread as JSON lines until the guard
    /// is dropped. In a `current_thread` test every task runs on the
    /// test's thread, so the handlers' events are captured too.
    pub fn json_lines() -> (Captured, tracing::subscriber::DefaultGuard) {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .json()
            .finish();
        (captured, tracing::subscriber::set_default(subscriber))
    }

    /// Everything captured.
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }

    /// The access log's lines (one per answered request), parsed.
    pub fn access_lines(&self) -> Vec<Value> {
        self.text()
            .lines()
            .map(|line| serde_json::from_str::<Value>(line).unwrap())
            .filter(|line| line["fields"]["message"] == "finished processing request")
            .collect()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
