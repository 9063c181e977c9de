//! Nothing acknowledged is lost, and the index always comes back into step
//! with the database (issue 11): a full disk, concurrent writers, files a
//! crash leaves behind, damaged and stale index documents, backups.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use catalogue::app::{self, IndexState, IndexStatus};
use catalogue::config::Paths;
use catalogue::domain::{CountryCode, ProviderId, ProviderType, Role};
use catalogue::store::Organisation;
use serde_json::Value;
use tempfile::TempDir;

use crate::helpers::{TestApp, api, hit_ids, sample, sample_listing, setting};

const ORG: &str = "test-provider";

/// A contributor of [`ORG`] with an API token, and the Secretariat's token.
async fn tokens(app: &TestApp) -> (String, String) {
    let store = &app.catalogue.store;
    if store.organisation(ORG).await.unwrap().is_none() {
        store
            .add_organisation(&Organisation {
                id: ProviderId::parse(ORG).unwrap(),
                name: "Test Provider".into(),
                kind: ProviderType::parse("academic").unwrap(),
                country: CountryCode::parse("TH").unwrap(),
            })
            .await
            .unwrap();
    }
    let owner = app
        .person(
            "writer@test-provider.example.org",
            Role::Contributor,
            Some(ORG),
        )
        .await;
    let secretariat = app
        .person("desk@secretariat.example.org", Role::Secretariat, None)
        .await;
    (
        store.create_api_token(owner).await.unwrap(),
        store.create_api_token(secretariat).await.unwrap(),
    )
}

async fn create(app: &TestApp, token: &str, id: &str) -> StatusCode {
    let (status, _, _) = app
        .request(api(
            "POST",
            "/api/v1/listings",
            Some(token),
            Some(&sample_listing(id)),
        ))
        .await;
    status
}

/// Fails unless every listing in `ids` is stored.
async fn assert_stored(app: &TestApp, ids: &[String]) {
    for id in ids {
        let record = app.catalogue.store.listing_record(id).await.unwrap();
        assert!(record.is_some(), "{id} was acknowledged but is not stored");
    }
}

/// A tmpfs of `size` mounted on a directory of its own, unmounted when
/// dropped: a real filesystem that fills up.
struct SmallDisk {
    dir: TempDir,
}

impl SmallDisk {
    /// `None` where this process may not mount (not root): the test says so
    /// and does nothing; CI runs as root.
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = TempDir::new().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what space is left with a file; returns its path.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 16 * 1024];
        while file.write_all(&chunk).and_then(|()| file.flush()).is_ok() {}
        let mut rest = vec![0u8; 512];
        while file.write_all(&rest).is_ok() {
            rest.truncate(rest.len().max(2) / 2);
        }
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

#[tokio::test]
async fn on_a_full_disk_only_stored_writes_are_acknowledged_and_writing_resumes_when_space_returns()
{
    let Some(disk) = SmallDisk::mount("8m") else {
        eprintln!("skipped: mounting a small tmpfs needs root (CI runs as root)");
        return;
    };
    let elsewhere = Arc::new(TempDir::new().unwrap());
    let paths = Paths {
        data_dir: disk.path().join("data"),
        index_dir: elsewhere.path().join("index"),
    };
    let app = TestApp::reopen(paths.clone(), elsewhere.clone()).await;
    let (owner, _) = tokens(&app).await;
    let filler = disk.fill();

    let mut acknowledged = Vec::new();
    let mut refused = Vec::new();
    for n in 0..20 {
        let id = format!("while-full-{n}");
        match create(&app, &owner, &id).await {
            StatusCode::CREATED => acknowledged.push(id),
            status => {
                assert_eq!(
                    status,
                    StatusCode::INSUFFICIENT_STORAGE,
                    "a full disk is named as such"
                );
                refused.push(id);
            }
        }
    }
    assert!(
        refused.len() >= 15,
        "the disk was full, yet {} of 20 writes were acknowledged",
        acknowledged.len()
    );

    std::fs::remove_file(filler).unwrap();
    for n in 0..5 {
        let id = format!("after-space-returned-{n}");
        assert_eq!(
            create(&app, &owner, &id).await,
            StatusCode::CREATED,
            "writes succeed again without a restart"
        );
        acknowledged.push(id);
    }

    let app = app.restart().await;
    assert_stored(&app, &acknowledged).await;
    for id in &refused {
        assert!(
            app.catalogue
                .store
                .listing_record(id)
                .await
                .unwrap()
                .is_none(),
            "{id} was refused but is stored"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_writers_and_eight_readers_get_no_server_error_and_every_acknowledged_write_is_stored()
{
    let mut app = TestApp::with_fixtures().await;
    app.without_api_limits();
    let app = Arc::new(app);
    let (owner, secretariat) = tokens(&app).await;
    // `scripts/durability` runs it for 60 s against a release build.
    let seconds = setting("CATALOGUE_LOAD_SECONDS", 4);
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for writer in 0..4 {
        let (app, owner, secretariat) = (app.clone(), owner.clone(), secretariat.clone());
        tasks.push(tokio::spawn(async move {
            let mut stored = Vec::new();
            let mut statuses = Vec::new();
            let mut n = 0;
            while Instant::now() < until {
                let id = format!("writer-{writer}-{n}");
                n += 1;
                let status = create(&app, &owner, &id).await;
                statuses.push(status);
                if status != StatusCode::CREATED {
                    continue;
                }
                // Half are published, which also writes the change log.
                if n % 2 == 0 {
                    let (status, _, _) = app
                        .request(api(
                            "POST",
                            &format!("/api/v1/listings/{id}/approve"),
                            Some(&secretariat),
                            None,
                        ))
                        .await;
                    statuses.push(status);
                }
                stored.push(id);
            }
            (stored, statuses)
        }));
    }
    for reader in 0..8 {
        let (app, owner) = (app.clone(), owner.clone());
        tasks.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            while Instant::now() < until {
                let uri = match reader % 3 {
                    0 => "/api/v1/search?q=trafficking".to_owned(),
                    1 => "/api/v1/listings/jclec-investigating-people-smuggling".to_owned(),
                    // An authenticated read: looks the token up.
                    _ => "/api/v1/listings/writer-0-0/history".to_owned(),
                };
                let token = (reader % 3 == 2).then_some(owner.as_str());
                let (status, _, _) = app.request(api("GET", &uri, token, None)).await;
                statuses.push(status);
            }
            (Vec::new(), statuses)
        }));
    }
    let mut stored = Vec::new();
    let mut requests = 0;
    for task in tasks {
        let (ids, statuses) = task.await.unwrap();
        requests += statuses.len();
        for status in statuses {
            assert!(!status.is_server_error(), "a request failed with {status}");
        }
        stored.extend(ids);
    }
    assert!(
        stored.len() > 20,
        "only {} writes in {seconds} s",
        stored.len()
    );
    eprintln!(
        "4 writers and 8 readers for {seconds} s: {requests} requests, {} listings written, no server error",
        stored.len()
    );
    assert_stored(&app, &stored).await;
}

async fn assert_index_agrees(app: &TestApp) {
    let agreement = app::compare(&app.catalogue.store, &app.catalogue.index)
        .await
        .unwrap();
    assert!(agreement.agrees(), "{agreement:?}");
}

/// The files in the index's directory.
fn index_files(paths: &Paths) -> Vec<PathBuf> {
    let dir = std::fs::read_dir(&paths.index_dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with('v'))
        .unwrap()
        .path();
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect()
}

fn index_file(paths: &Paths, name: &str) -> PathBuf {
    index_files(paths)
        .into_iter()
        .find(|p| p.file_name().unwrap() == name)
        .unwrap()
}

/// Opens the catalogue as the service does after an unclean stop and
/// brings the index into step; returns the app and the index's state.
async fn start_after_crash(paths: Paths, dir: Arc<TempDir>) -> (TestApp, IndexState) {
    let catalogue = catalogue::app::Catalogue::open(&paths).await.unwrap();
    let indexer = catalogue.writer().unwrap();
    let status = IndexStatus::new(IndexState::CatchingUp);
    app::recover(&catalogue.store, &indexer, &status, true)
        .await
        .unwrap();
    drop(indexer);
    catalogue.store.close().await;
    (TestApp::reopen(paths, dir).await, status.get())
}

#[tokio::test]
async fn changes_a_crash_cut_short_are_applied_again_or_the_index_is_rebuilt() {
    // A commit that deletes writes `<segment>.<opstamp>.del`, then
    // meta.json. Killed in between, the .del file stays behind with the
    // very name the same changes write when applied again: the catch-up
    // fails with FileAlreadyExists, which used to stop the service from
    // starting. Here the file is not even listed as the index's own, so
    // nothing can tidy it away and the catch-up fails for certain.
    let app = TestApp::empty().await;
    // Enough listings that, whichever of the two indexing threads takes
    // "first", its segment keeps others when it is replaced: a segment
    // left with no document is dropped whole, with no .del file.
    let mut listings = vec![sample("first")];
    listings.extend((0..40).map(|n| sample(&format!("other-{n}"))));
    app.save(listings).await;
    let kept = |name: &str| std::fs::read(index_file(&app.paths, name)).unwrap();
    let (meta, managed) = (kept("meta.json"), kept(".managed.json"));
    let mut changed = sample("first");
    changed.title = "Harbour pilotage, revised".into();
    app.catalogue.save(vec![changed]).await.unwrap();
    app.catch_up().await;
    let (paths, dir) = app.stop().await;
    // The changes applied again take the opstamps after the last commit's:
    // a delete, an add and the commit, so their .del file is numbered
    // three past it. The one the crash left is given that name.
    let committed: Value = serde_json::from_slice(&meta).unwrap();
    let opstamp = committed["opstamp"].as_u64().unwrap();
    std::fs::write(index_file(&paths, "meta.json"), meta).unwrap();
    std::fs::write(index_file(&paths, ".managed.json"), managed).unwrap();
    let left = index_files(&paths)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "del"))
        .expect("the crash left a deletion file behind");
    let segment = left.file_name().unwrap().to_string_lossy();
    let segment = segment.split('.').next().unwrap();
    std::fs::rename(
        &left,
        left.with_file_name(format!("{segment}.{}.del", opstamp + 3)),
    )
    .unwrap();

    let (app, state) = start_after_crash(paths, dir).await;

    assert_eq!(state, IndexState::Ready);
    let (_, answer) = app.get_json("/api/v1/search?q=revised").await;
    assert_eq!(hit_ids(&answer), ["first"]);
    let (_, answer) = app.get_json("/api/v1/search?q=zanzibar").await;
    assert_eq!(answer["total"], 41);
    assert_index_agrees(&app).await;
}

#[tokio::test]
async fn a_damaged_segment_file_is_set_aside_or_rebuilt_and_search_answers_again() {
    let app = TestApp::with_fixtures().await;
    let (paths, dir) = app.stop().await;
    for file in index_files(&paths) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".store") || name.ends_with(".idx") {
            let length = std::fs::metadata(&file).unwrap().len();
            let handle = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
            handle.set_len(length / 2).unwrap();
        }
    }

    let (app, state) = start_after_crash(paths, dir).await;

    assert_eq!(state, IndexState::Ready);
    let (status, answer) = app.get_json("/api/v1/search?q=smuggling").await;
    assert_eq!(status, StatusCode::OK);
    assert!(answer["total"].as_u64().unwrap() > 0);
    let agreement = app::compare(&app.catalogue.store, &app.catalogue.index)
        .await
        .unwrap();
    assert!(agreement.agrees(), "{agreement:?}");
    assert_eq!(agreement.documents, agreement.listings);
}

#[tokio::test]
async fn a_stale_document_is_found_by_the_check_and_repaired_after_an_unclean_stop() {
    // The index holds an older version of a listing while its position
    // says every change is applied: nothing in the positions shows it.
    let app = TestApp::empty().await;
    app.save(vec![sample("kept"), sample("drifted")]).await;
    let old = sample("drifted");
    let mut new = sample("drifted");
    new.title = "Maritime interdiction, second edition".into();
    app.save(vec![new]).await;
    {
        let mut writer = app.indexer.lock().await;
        writer
            .repair(&BTreeSet::from(["drifted".to_owned()]), &[old])
            .unwrap();
    }
    let found = app::compare(&app.catalogue.store, &app.catalogue.index)
        .await
        .unwrap();
    assert_eq!(found.stale, ["drifted"]);
    assert!(found.missing.is_empty() && found.extra.is_empty() && found.duplicated.is_empty());
    let (paths, dir) = app.stop().await;

    let (app, _) = start_after_crash(paths, dir).await;

    let (_, answer) = app.get_json("/api/v1/search?q=interdiction").await;
    assert_eq!(hit_ids(&answer), ["drifted"]);
    assert_index_agrees(&app).await;
}

#[tokio::test]
async fn searches_wait_while_the_index_is_rebuilt_and_say_so() {
    let app = TestApp::with_fixtures().await;
    let router = catalogue::web::router(catalogue::web::AppState::with_settings(
        app.catalogue.clone(),
        catalogue::web::Settings::default(),
        IndexStatus::new(IndexState::Rebuilding),
    ));
    use tower::ServiceExt;
    let response = router
        .clone()
        .oneshot(api("GET", "/?q=smuggling", None, None))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "30");
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&body).contains("rebuilding its search index"));

    let response = router
        .clone()
        .oneshot(api("GET", "/healthz", None, None))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let health: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(health["index"], "rebuilding");
    let response = router
        .oneshot(api("GET", "/api/v1/search?q=smuggling", None, None))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

/// Every row of every table but `sessions`, in a stable order.
async fn tables(database: &Path) -> Vec<(String, Vec<String>)> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(database)
        .read_only(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT IN ('sessions', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut all = Vec::new();
    for name in names {
        // Each row as JSON text, so that any table compares alike.
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?1)")
            .bind(&name)
            .fetch_all(&pool)
            .await
            .unwrap();
        let object = columns
            .iter()
            // JSON holds no BLOB (the signing keys): those as hex.
            .map(|c| format!("'{c}', iif(typeof(\"{c}\") = 'blob', hex(\"{c}\"), \"{c}\")"))
            .collect::<Vec<_>>()
            .join(", ");
        // Table and column names come from the database's own schema.
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT json_object({object}) AS row FROM \"{name}\" ORDER BY row"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        all.push((name, rows));
    }
    pool.close().await;
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_two_writers_run_restores_every_table_as_it_was() {
    let mut app = TestApp::with_fixtures().await;
    app.without_api_limits();
    let app = Arc::new(app);
    let (owner, _) = tokens(&app).await;
    // A signed-in person has a session, which a backup leaves out.
    crate::helpers::sign_in(&app, "desk@secretariat.example.org").await;
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut writers = Vec::new();
    // Writers only add listings: each commit adds rows and changes none,
    // so the source's rows at the backup's moment are all still there.
    for writer in 0..2 {
        let (app, owner, stop) = (app.clone(), owner.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let id = format!("backup-{writer}-{n}");
                n += 1;
                assert_eq!(create(&app, &owner, &id).await, StatusCode::CREATED);
            }
            n
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let backups = TempDir::new().unwrap();
    let backup = backups.path().join("catalogue.backup");

    app.catalogue.store.back_up(&backup).await.unwrap();

    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut written = 0;
    for writer in writers {
        written += writer.await.unwrap();
    }
    let backed_up = tables(&backup).await;
    let source = tables(&app.paths.database()).await;
    // What the backup holds of each table is what the source held at one
    // moment: only rows the source has, and of each writer's listings, the
    // first few with none missing in between.
    for ((name, in_backup), (_, in_source)) in backed_up.iter().zip(&source) {
        for row in in_backup {
            assert!(
                in_source.contains(row),
                "{name}: the backup has a row the source never had: {row}"
            );
        }
    }
    let listings = |tables: &[(String, Vec<String>)]| -> Vec<Value> {
        tables
            .iter()
            .find(|(name, _)| name == "listings")
            .unwrap()
            .1
            .iter()
            .map(|row| serde_json::from_str(row).unwrap())
            .collect()
    };
    let mut per_writer = [Vec::new(), Vec::new()];
    for row in listings(&backed_up) {
        if let Some(rest) = row["id"].as_str().unwrap().strip_prefix("backup-") {
            let (writer, n) = rest.split_once('-').unwrap();
            per_writer[writer.parse::<usize>().unwrap()].push(n.parse::<usize>().unwrap());
        }
    }
    for numbers in &mut per_writer {
        numbers.sort_unstable();
        assert_eq!(*numbers, (0..numbers.len()).collect::<Vec<_>>());
    }
    let in_backup: usize = per_writer.iter().map(Vec::len).sum();
    assert!(in_backup > 0, "the writers had written before the backup");
    assert!(
        in_backup < written,
        "the writers went on after the backup ({in_backup} of {written})"
    );
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&backup)
        .read_only(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0, "sessions are left out of backups");
    let published: Vec<String> =
        sqlx::query_scalar("SELECT id FROM listings WHERE state = 'published' ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;

    // Restored into a fresh directory, the catalogue is the backup.
    let fresh = TempDir::new().unwrap();
    let output = Command::new(crate::helpers::binary())
        .args(["restore", backup.to_str().unwrap()])
        .env("CATALOGUE_DATA_DIR", fresh.path().join("data"))
        .env("CATALOGUE_INDEX_DIR", fresh.path().join("index"))
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let restored_paths = Paths {
        data_dir: fresh.path().join("data"),
        index_dir: fresh.path().join("index"),
    };
    assert_eq!(tables(&restored_paths.database()).await, backed_up);
    let restored = TestApp::reopen(restored_paths, Arc::new(fresh)).await;
    let agreement = app::compare(&restored.catalogue.store, &restored.catalogue.index)
        .await
        .unwrap();
    assert!(agreement.agrees(), "{agreement:?}");
    assert_eq!(agreement.documents, published.len());
}

#[tokio::test]
async fn scheduled_backups_keep_the_newest_and_a_backup_from_a_newer_version_is_refused() {
    let app = TestApp::with_fixtures().await;
    let dir = TempDir::new().unwrap();
    let mut taken = Vec::new();
    for _ in 0..3 {
        taken.push(
            app::backup::back_up_into(&app.catalogue.store, dir.path(), 2)
                .await
                .unwrap(),
        );
        // Backups are named by the millisecond.
        tokio::time::sleep(Duration::from_millis(5)).await;
    }

    let mut kept = app::backup::scheduled_backups(dir.path()).unwrap();
    kept.sort();
    assert_eq!(
        kept,
        taken[1..],
        "the oldest is removed, the newest two kept"
    );
    let check = app::backup::check_backup(&kept[1]).await.unwrap();
    assert_eq!(check.listings, 64);

    let future = dir.path().join("future.sqlite3");
    std::fs::copy(&kept[1], &future).unwrap();
    let pool =
        sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&future))
            .await
            .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99990101000000, 'from a later version', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let refused = app::backup::check_backup(&future).await.unwrap_err();
    assert!(
        format!("{refused:#}").contains("written by a newer version of the catalogue"),
        "{refused:#}"
    );
}
