//! The `catalogue` binary as an operator runs it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

use crate::helpers::{binary, sample_listing};

fn catalogue(dir: &Path, args: &[&str]) -> Output {
    catalogue_with(dir, &[], args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write_lines(path: &Path, records: &[Value]) {
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(path, lines.join("\n")).unwrap();
}

#[test]
fn import_reports_each_invalid_record_and_imports_nothing_from_its_file() {
    let dir = TempDir::new().unwrap();
    let good = dir.path().join("good.jsonl");
    let bad = dir.path().join("bad.jsonl");
    write_lines(&good, &[sample_listing("good-one")]);
    let mut invalid = sample_listing("bad-two");
    invalid["topics"] = serde_json::json!(["gardening"]);
    write_lines(&bad, &[sample_listing("bad-one"), invalid]);

    let output = catalogue(
        dir.path(),
        &["import", good.to_str().unwrap(), bad.to_str().unwrap()],
    );

    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert!(
        stdout.contains("good.jsonl: imported 1 listing(s)"),
        "{stdout}"
    );
    assert!(stdout.contains("search index updated"), "{stdout}");
    assert!(
        stderr.contains("bad.jsonl: record 2 (line 2, id \"bad-two\"): field `topics[0]`: \"gardening\" is not a known topic"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing from this file was imported"));

    let export = catalogue(dir.path(), &["export"]);
    assert!(export.status.success());
    let exported: Vec<Value> = serde_json::from_slice(&export.stdout).unwrap();
    let ids: Vec<&str> = exported.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["good-one"]);
}

#[test]
fn a_missing_file_is_reported_and_fails_the_import() {
    let dir = TempDir::new().unwrap();

    let output = catalogue(dir.path(), &["import", "/no/such/file.jsonl"]);

    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("/no/such/file.jsonl: cannot read the file"));
}

#[test]
fn export_writes_csv_to_a_file_and_reindex_rebuilds_from_the_database() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(
        &input,
        Value::Array(vec![sample_listing("one-a"), sample_listing("two-b")]).to_string(),
    )
    .unwrap();
    assert!(
        catalogue(dir.path(), &["import", input.to_str().unwrap()])
            .status
            .success()
    );
    let csv_path = dir.path().join("out.csv");

    let output = catalogue(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "--output",
            csv_path.to_str().unwrap(),
        ],
    );

    assert!(output.status.success(), "{}", text(&output.stderr));
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.starts_with("id,kind,lang,title"));

    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let output = catalogue(dir.path(), &["reindex"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("rebuilt the search index: 2 listing(s)"));
}

#[test]
fn bad_arguments_are_explained() {
    let dir = TempDir::new().unwrap();

    let output = catalogue(dir.path(), &["export", "--format", "xml"]);

    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("invalid value 'xml'"));
}

/// A running service on a free loopback port, stopped when dropped.
struct Service {
    child: Child,
    port: u16,
}

impl Service {
    fn start(dir: &Path) -> Service {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(binary())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--data-dir", dir.join("data").to_str().unwrap()])
            .args(["--index-dir", dir.join("index").to_str().unwrap()])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let service = Service { child, port };
        // It answers at once; searches wait for the index to be ready.
        service.wait_until(Duration::from_secs(60), |s| {
            s.get("/healthz")
                .is_some_and(|(status, body)| status == 200 && body.contains(r#""index":"ready""#))
        });
        service
    }

    /// A GET over plain HTTP/1.1; `None` when the service does not answer.
    fn get(&self, path: &str) -> Option<(u16, String)> {
        let (status, _, body) = self.exchange("GET", path, &[], "")?;
        Some((status, body))
    }

    /// Any request over plain HTTP/1.1: the status, the head and the body.
    fn exchange(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Option<(u16, String, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let status = response.split(' ').nth(1)?.parse().ok()?;
        let (head, body) = response.split_once("\r\n\r\n")?;
        Some((status, head.to_owned(), body.to_owned()))
    }

    fn search(&self, query: &str) -> Value {
        let (status, body) = self.get(&format!("/api/v1/search?{query}")).unwrap();
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).unwrap()
    }

    fn wait_until(&self, limit: Duration, done: impl Fn(&Service) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(start.elapsed() < limit, "gave up waiting after {limit:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn an_import_into_a_running_service_is_indexed_by_the_service() {
    let dir = TempDir::new().unwrap();
    let service = Service::start(dir.path());
    assert_eq!(
        service.search("")["total"],
        64,
        "the first start loads the fixtures"
    );
    let file = dir.path().join("new.jsonl");
    write_lines(&file, &[sample_listing("live-import")]);

    let output = catalogue(dir.path(), &["import", file.to_str().unwrap()]);

    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("a running service holds the search index"),
        "{}",
        text(&output.stdout)
    );
    // The service polls the change log; the listing shows up by itself.
    service.wait_until(Duration::from_secs(10), |s| {
        s.search("q=zanzibar")["total"] == 1
    });
    assert_eq!(service.search("")["total"], 65);

    let reindex = catalogue(dir.path(), &["reindex"]);
    assert_eq!(reindex.status.code(), Some(1));
    assert!(
        text(&reindex.stderr).contains("a running service holds the search index"),
        "{}",
        text(&reindex.stderr)
    );

    let second = Command::new(binary())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("CATALOGUE_DATA_DIR", dir.path().join("data"))
        .env("CATALOGUE_INDEX_DIR", dir.path().join("index"))
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    assert!(text(&second.stderr).contains("another `catalogue serve` is already using the index"));
}

#[test]
fn a_stopped_service_catches_up_on_imports_when_it_starts_again() {
    let dir = TempDir::new().unwrap();
    drop(Service::start(dir.path()));
    let file = dir.path().join("new.jsonl");
    write_lines(&file, &[sample_listing("while-stopped")]);
    // Only the database is written: this index directory is not the service's.
    let output = Command::new(binary())
        .args(["import", file.to_str().unwrap()])
        .env("CATALOGUE_DATA_DIR", dir.path().join("data"))
        .env("CATALOGUE_INDEX_DIR", dir.path().join("elsewhere"))
        .output()
        .unwrap();
    assert!(output.status.success());

    let service = Service::start(dir.path());

    assert_eq!(service.search("q=zanzibar")["total"], 1);
}

#[tokio::test]
async fn operators_add_organisations_people_and_api_tokens() {
    let dir = TempDir::new().unwrap();
    let run = |args: &[&str]| catalogue(dir.path(), args);

    let output = run(&[
        "org",
        "add",
        "--id",
        "pidc",
        "--name",
        "Pacific Immigration Development Community",
        "--type",
        "regional-institution",
        "--country",
        "WS",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = run(&[
        "org",
        "add",
        "--id",
        "pidc",
        "--name",
        "Again",
        "--type",
        "academic",
        "--country",
        "WS",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("already exists"),
        "{}",
        text(&output.stderr)
    );
    let output = run(&[
        "org",
        "add",
        "--id",
        "x1",
        "--name",
        "X",
        "--type",
        "club",
        "--country",
        "WS",
    ]);
    assert!(
        text(&output.stderr).contains("--type: \"club\" is not an organisation type"),
        "{}",
        text(&output.stderr)
    );
    let output = run(&[
        "org",
        "add",
        "--id",
        "x1",
        "--name",
        "X",
        "--type",
        "academic",
        "--country",
        "ZZ",
    ]);
    assert!(
        text(&output.stderr).contains("--country"),
        "{}",
        text(&output.stderr)
    );

    let output = catalogue_with(
        dir.path(),
        &[("CATALOGUE_PUBLIC_URL", "https://catalogue.example.org")],
        &[
            "user",
            "add",
            "--email",
            "Sione@PIDC.example.org",
            "--name",
            "Sione Tuilagi",
            "--org",
            "pidc",
            "--role",
            "contributor",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Invitation link: https://catalogue.example.org/links/"),
        "{stdout}"
    );
    let output = run(&[
        "user",
        "add",
        "--email",
        "sione@pidc.example.org",
        "--name",
        "Again",
        "--org",
        "pidc",
        "--role",
        "contributor",
    ]);
    assert!(
        text(&output.stderr).contains("already has an account"),
        "{}",
        text(&output.stderr)
    );
    let output = run(&[
        "user",
        "add",
        "--email",
        "x@example.org",
        "--name",
        "X",
        "--role",
        "contributor",
    ]);
    assert!(
        text(&output.stderr).contains("belongs to an organisation"),
        "{}",
        text(&output.stderr)
    );
    let output = run(&[
        "user",
        "add",
        "--email",
        "x@example.org",
        "--name",
        "X",
        "--role",
        "boss",
    ]);
    assert!(
        text(&output.stderr).contains("--role: \"boss\" is not a role"),
        "{}",
        text(&output.stderr)
    );

    let output = run(&["token", "create", "--email", "nobody@example.org"]);
    assert_eq!(output.status.code(), Some(1));
    let output = run(&["token", "create", "--email", "sione@pidc.example.org"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let token = text(&output.stdout).trim().to_owned();
    assert_eq!(token.len(), 64);

    // The token works against the catalogue on those directories.
    let paths = catalogue::config::Paths {
        data_dir: dir.path().join("data"),
        index_dir: dir.path().join("index"),
    };
    let app =
        crate::helpers::TestApp::reopen(paths, std::sync::Arc::new(TempDir::new().unwrap())).await;
    let mut listing = sample_listing("pidc-document-examination");
    listing["provider"]["id"] = serde_json::json!("pidc");
    let (status, _, body) = app
        .request(crate::helpers::api(
            "POST",
            "/api/v1/listings",
            Some(&token),
            Some(&listing),
        ))
        .await;
    assert_eq!(status.as_u16(), 201, "{body}");
    let record = app
        .catalogue
        .store
        .listing_record("pidc-document-examination")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.current().provider.name,
        "Pacific Immigration Development Community"
    );
}

fn catalogue_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .env("CATALOGUE_DATA_DIR", dir.join("data"))
        .env("CATALOGUE_INDEX_DIR", dir.join("index"))
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// The session cookie a response head sets, as `name=value`.
fn session_cookie(head: &str) -> Option<String> {
    head.lines()
        .find_map(|line| line.strip_prefix("set-cookie: "))
        .map(|cookie| cookie.split(';').next().unwrap().to_owned())
}

#[test]
fn an_invited_person_signs_in_to_the_running_service() {
    let dir = TempDir::new().unwrap();
    let service = Service::start(dir.path());
    let public_url = format!("http://127.0.0.1:{}", service.port);
    let output = catalogue_with(
        dir.path(),
        &[("CATALOGUE_PUBLIC_URL", &public_url)],
        &[
            "user",
            "add",
            "--email",
            "ana@jclec.example.org",
            "--name",
            "Ana",
            "--org",
            "jclec",
            "--role",
            "contributor",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let link = stdout.split(&public_url).nth(1).unwrap().trim().to_owned();

    let (status, head, page) = service.exchange("GET", &link, &[], "").unwrap();
    assert_eq!(status, 200, "{page}");
    let cookie = session_cookie(&head).expect("a session for the form");
    let token = crate::helpers::form_token(&page).unwrap();
    let form = format!("csrf={token}&password=lantern+harbour+boat&confirm=lantern+harbour+boat");
    let (status, head, _) = service
        .exchange(
            "POST",
            &link,
            &[
                ("Cookie", &cookie),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            &form,
        )
        .unwrap();
    assert_eq!(status, 303);
    let cookie = session_cookie(&head).expect("a new session id at sign-in");
    let (status, _, page) = service
        .exchange("GET", "/dashboard", &[("Cookie", &cookie)], "")
        .unwrap();
    assert_eq!(status, 200);
    assert!(
        page.contains("Jakarta Centre for Law Enforcement Cooperation"),
        "{page}"
    );

    // The service counts sign-in attempts by the client's address; a form
    // without its token is refused, not failed.
    let (status, _, page) = service
        .exchange(
            "POST",
            "/sign-in",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            "email=a%40b.org&password=x",
        )
        .unwrap();
    assert_eq!(status, 403, "{page}");
}
