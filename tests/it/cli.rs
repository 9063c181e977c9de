//! The `catalogue` binary as an operator runs it.

use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;

use crate::helpers::{binary, sample_listing};
use crate::process::{Service, catalogue, catalogue_with, text, write_lines};

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
fn import_check_reports_every_problem_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let good = dir.path().join("good.jsonl");
    let bad = dir.path().join("bad.jsonl");
    write_lines(
        &good,
        &[sample_listing("checked-one"), sample_listing("checked-two")],
    );
    let mut invalid = sample_listing("checked-bad");
    invalid["topics"] = serde_json::json!(["gardening"]);
    write_lines(&bad, &[sample_listing("checked-three"), invalid]);
    let before = catalogue(dir.path(), &["export"]);

    let output = catalogue(
        dir.path(),
        &[
            "import",
            "--check",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert!(
        stdout.contains("good.jsonl: 2 listing(s), all valid; nothing was written"),
        "{stdout}"
    );
    assert!(
        stderr.contains("bad.jsonl: record 2 (line 2, id \"checked-bad\"): field `topics[0]`: \"gardening\" is not a known topic"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.jsonl: 1 invalid record(s); nothing was written"));
    let after = catalogue(dir.path(), &["export"]);
    assert_eq!(after.stdout, before.stdout, "a check writes nothing");

    let output = catalogue(dir.path(), &["import", "--check", good.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn spreadsheets_import_and_check_with_each_problem_at_its_row_and_column() {
    let dir = TempDir::new().unwrap();
    let listings: Vec<catalogue::domain::Listing> = ["sheet-one", "sheet-two"]
        .iter()
        .map(|id| serde_json::from_value(sample_listing(id)).unwrap())
        .collect();
    let workbook = dir.path().join("courses.xlsx");
    std::fs::write(
        &workbook,
        catalogue::interchange::xlsx::write(&listings).unwrap(),
    )
    .unwrap();
    let mut csv = Vec::new();
    catalogue::interchange::csv::write(&listings, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let broken = dir.path().join("broken.csv");
    std::fs::write(
        &broken,
        csv.replace("sheet-two,workshop", "sheet-two,seminar")
            .replace("desk@test-provider", "desk-at-test-provider"),
    )
    .unwrap();
    let before = catalogue(dir.path(), &["export"]);

    let output = catalogue(
        dir.path(),
        &[
            "import",
            "--check",
            workbook.to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert!(
        stdout.contains("courses.xlsx: 2 listing(s), all valid; nothing was written"),
        "{stdout}"
    );
    assert!(
        stderr.contains(
            "broken.csv: row 3, column `kind`: \"seminar\" is not one of course, workshop"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.csv: row 3, column `contact_email`:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.csv: 3 problem(s); nothing was written"),
        "{stderr}"
    );
    assert_eq!(catalogue(dir.path(), &["export"]).stdout, before.stdout);

    let output = catalogue(dir.path(), &["import", workbook.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("courses.xlsx: imported 2 listing(s)"));
    // The same listings under new ids are flagged, and still imported.
    let again: Vec<catalogue::domain::Listing> = listings
        .iter()
        .map(|l| {
            let mut copy = l.clone();
            copy.id = catalogue::domain::ListingId::parse(&format!("{}-again", l.id)).unwrap();
            copy
        })
        .collect();
    let mut csv = Vec::new();
    catalogue::interchange::csv::write(&again, &mut csv).unwrap();
    let relisted = dir.path().join("relisted.csv");
    std::fs::write(&relisted, csv).unwrap();
    let output = catalogue(dir.path(), &["import", relisted.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("relisted.csv: warning: \"sheet-one-again\" may duplicate \"sheet-one\""),
        "{stderr}"
    );
    let export = catalogue(dir.path(), &["export"]);
    let exported: Vec<Value> = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(exported.len(), 4);
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
fn the_version_names_the_schemas_it_writes() {
    let dir = TempDir::new().unwrap();
    let newest_migration = std::fs::read_dir("src/store/migrations")
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            name.split('_').next()?.parse::<i64>().ok()
        })
        .max()
        .unwrap();

    for flag in ["--version", "-V"] {
        let output = catalogue(dir.path(), &[flag]);

        assert!(output.status.success());
        assert_eq!(
            text(&output.stdout).trim(),
            format!(
                "catalogue {} (database schema {newest_migration}, search index schema {})",
                env!("CARGO_PKG_VERSION"),
                catalogue::search::schema::SCHEMA_VERSION
            )
        );
    }
}

#[test]
fn bad_arguments_are_explained() {
    let dir = TempDir::new().unwrap();

    let output = catalogue(dir.path(), &["export", "--format", "xml"]);

    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("invalid value 'xml'"));
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

#[test]
fn the_service_answers_while_it_rebuilds_a_lost_index_and_searches_say_so() {
    // Issue 11: the service listened only once the index had caught up,
    // refusing connections for as long as a rebuild took.
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("many.jsonl");
    let many: Vec<Value> = (0..3000)
        .map(|n| sample_listing(&format!("many-{n}")))
        .collect();
    write_lines(&file, &many);
    let output = catalogue(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();

    let service = Service::spawn(dir.path(), &[]);
    let started = std::time::Instant::now();
    let health = loop {
        if let Some((200, body)) = service.get("/healthz") {
            break body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "never answered"
        );
        std::thread::sleep(Duration::from_millis(5));
    };

    assert!(health.contains(r#""index":"rebuilding""#), "{health}");
    let (status, head, body) = service.exchange("GET", "/?q=zanzibar", &[], "").unwrap();
    assert_eq!(status, 503, "{body}");
    assert!(head.to_lowercase().contains("retry-after: 30"), "{head}");
    assert!(body.contains("rebuilding its search index"), "{body}");
    service.wait_until(Duration::from_secs(120), Service::is_ready);
    assert_eq!(service.search("q=zanzibar")["total"], 3000);
}

#[test]
fn check_reports_an_index_that_disagrees_and_repair_mends_it() {
    let dir = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    let file = dir.path().join("ours.jsonl");
    let ours: Vec<Value> = ["ours-a", "ours-b", "ours-c"]
        .iter()
        .map(|id| sample_listing(id))
        .collect();
    write_lines(&file, &ours);
    assert!(
        catalogue(dir.path(), &["import", file.to_str().unwrap()])
            .status
            .success()
    );
    let theirs = other.path().join("theirs.jsonl");
    write_lines(
        &theirs,
        &[sample_listing("theirs-a"), sample_listing("theirs-b")],
    );
    assert!(
        catalogue(other.path(), &["import", theirs.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(catalogue(dir.path(), &["check"]).status.code(), Some(0));
    // Another catalogue's index, two changes behind ours.
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    std::fs::rename(other.path().join("index"), dir.path().join("index")).unwrap();

    let found = catalogue(dir.path(), &["check"]);

    assert_eq!(found.status.code(), Some(1));
    let report = text(&found.stdout);
    assert!(report.contains("database: ok"), "{report}");
    assert!(
        report.contains("3 published listing(s), 2 document(s), 2 missing, 0 stale, 2 extra, 0 duplicated, 1 change(s) pending"),
        "{report}"
    );
    assert!(report.contains("extra: theirs-a, theirs-b"), "{report}");

    let repaired = catalogue(dir.path(), &["check", "--repair"]);
    assert_eq!(
        repaired.status.code(),
        Some(3),
        "{}",
        text(&repaired.stdout)
    );
    let again = catalogue(dir.path(), &["check"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    assert!(text(&again.stdout).contains("3 published listing(s), 3 document(s), 0 missing"));
}

#[test]
fn the_service_backs_up_at_start_and_an_operator_backs_up_while_it_runs() {
    let dir = TempDir::new().unwrap();
    let backups = dir.path().join("backups");
    let service = Service::spawn(
        dir.path(),
        &[
            "--backup-dir",
            backups.to_str().unwrap(),
            "--backup-keep",
            "2",
        ],
    );
    service.wait_until(Duration::from_secs(60), Service::is_ready);
    service.wait_until(Duration::from_secs(10), |_| {
        std::fs::read_dir(&backups).is_ok_and(|d| d.count() == 1)
    });

    let file = dir.path().join("now.sqlite3");
    let output = catalogue(dir.path(), &["backup", file.to_str().unwrap()]);

    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("(64 listing(s))"),
        "{}",
        text(&output.stdout)
    );
    let refused = catalogue(dir.path(), &["restore", file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("stop it, then restore"),
        "{}",
        text(&refused.stderr)
    );
    let garbage = dir.path().join("garbage.sqlite3");
    std::fs::write(&garbage, "not a database at all").unwrap();
    let refused = catalogue(dir.path(), &["restore", garbage.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("cannot be read as a database"),
        "{}",
        text(&refused.stderr)
    );
    drop(service);

    let restored = catalogue(dir.path(), &["restore", file.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(text(&restored.stdout).contains("the search index holds 64 published listing(s)"));
    assert!(text(&restored.stdout).contains("the database it replaced is kept as"));
    let service = Service::start(dir.path());
    assert_eq!(service.search("")["total"], 64);
}

#[test]
fn the_command_line_checks_organisations_and_people_as_the_site_does() {
    // Issue 12: the site capped names at 200 characters, the CLI not at all.
    let dir = TempDir::new().unwrap();
    let long = "N".repeat(201);
    let output = catalogue(
        dir.path(),
        &[
            "org",
            "add",
            "--id",
            "Not An Id",
            "--name",
            &long,
            "--type",
            "academic",
            "--country",
            "TH",
        ],
    );

    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("--id: use only lower-case letters"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--name: give one, in at most 200 characters"),
        "{stderr}"
    );

    let output = catalogue(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "someone@example.org",
            "--name",
            "Someone",
            "--role",
            "contributor",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("--org: a contributor belongs to an organisation"),
        "{}",
        text(&output.stderr)
    );
}
