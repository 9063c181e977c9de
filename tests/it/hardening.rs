//! What probing the service found and what running it in production needs:
//! control characters, answers that tell nothing to whom may not know.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{Browser, api};
use crate::ownership::{OWNER, PUBLISHED, api_listing, app_with_people, token_for};

#[tokio::test]
async fn control_characters_are_refused_naming_the_field_and_the_character() {
    let app = app_with_people().await;
    let owner = token_for(&app, OWNER).await;
    let submit = async |body: &serde_json::Value| {
        app.request(api("POST", "/api/v1/listings", Some(&owner), Some(body)))
            .await
    };
    let mut body = api_listing("jclec-control-characters", "Joint\u{0} investigation");
    body["summary"] = json!("Joint investigation teams.\r\nAcross the region.");

    let (status, _, answer) = submit(&body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(
        answer.contains("title") && answer.contains("U+0000"),
        "{answer}"
    );
    assert!(
        !answer.contains("summary"),
        "line breaks belong in a summary"
    );

    body["title"] = json!("Joint investigation");
    body["description"] = json!("Bring your own\u{7} laptop.");
    let (status, _, answer) = submit(&body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(
        answer.contains("description") && answer.contains("U+0007"),
        "{answer}"
    );

    body["description"] = json!("Bring your own laptop.\nLunch is provided.");
    let (status, _, answer) = submit(&body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn an_enquiry_name_cannot_smuggle_extra_lines_into_mail() {
    let app = app_with_people().await;
    let mut visitor = Browser::default();
    let path = format!("/listings/{PUBLISHED}/enquiry");
    visitor.get(&app, &path).await;

    for (name, message, field) in [
        (
            "Somchai\nBcc: everyone@example.org",
            "Is there a session in 2028?",
            "name",
        ),
        ("Somchai\u{0}", "Is there a session in 2028?", "name"),
        ("Somchai", "Is there a session\u{1b}[2J in 2028?", "message"),
    ] {
        let (status, _, page) = visitor
            .post(
                &app,
                &path,
                &[
                    ("name", name),
                    ("email", "somchai@immigration.example.go.th"),
                    ("message", message),
                ],
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name:?} {message:?}"
        );
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{page}");
        assert!(page.contains("invisible control character"), "{page}");
    }
    assert!(app.last_mail_to(OWNER).await.is_none(), "nothing was sent");

    let (status, _, _) = visitor
        .post(
            &app,
            &path,
            &[
                ("name", "Somchai"),
                ("email", "somchai@immigration.example.go.th"),
                ("message", "Is there a session in 2028?\r\nAnd in 2029?"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "line breaks belong in a message"
    );
    let mail = app.last_mail_to(OWNER).await.expect("the enquiry");
    assert!(mail.body.contains("And in 2029?"));
}

#[tokio::test]
async fn an_id_taken_by_another_organisation_is_refused_without_saying_whose_or_in_what_state() {
    let app = app_with_people().await;
    let owner = token_for(&app, OWNER).await;
    let other = token_for(&app, "omar@iom.example.org").await;
    let draft = api_listing("jclec-unannounced-course", "Not yet announced");
    let (status, _, _) = app
        .request(api("POST", "/api/v1/listings", Some(&owner), Some(&draft)))
        .await;
    assert_eq!(status, StatusCode::CREATED);

    let mut answers = Vec::new();
    for id in ["jclec-unannounced-course", PUBLISHED] {
        let mut body = api_listing(id, "Our own course");
        body["provider"]["id"] = json!("iom-roap");
        let (status, _, answer) = app
            .request(api("POST", "/api/v1/listings", Some(&other), Some(&body)))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{answer}");
        answers.push(answer.replace(id, "ID"));
    }
    assert_eq!(
        answers[0], answers[1],
        "a draft and a published listing alike"
    );
    assert!(
        answers[0].contains("is taken; choose another id"),
        "{}",
        answers[0]
    );
    assert!(!answers[0].contains("exists") && !answers[0].contains("PUT"));

    // Revising it or reading its history: as for an id nobody holds.
    for (method, path) in [
        ("PUT", "/api/v1/listings/jclec-unannounced-course"),
        ("GET", "/api/v1/listings/jclec-unannounced-course/history"),
    ] {
        let mut body = api_listing("jclec-unannounced-course", "Taken over");
        body["provider"]["id"] = json!("iom-roap");
        let body = (method == "PUT").then_some(&body);
        let (status, _, answer) = app.request(api(method, path, Some(&other), body)).await;
        let unknown = path.replace("jclec-unannounced-course", "jclec-no-such-course");
        let (unknown_status, _, unknown_answer) =
            app.request(api(method, &unknown, Some(&other), body)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}: {answer}");
        assert_eq!(unknown_status, StatusCode::NOT_FOUND);
        assert_eq!(
            answer.replace("jclec-unannounced-course", "ID"),
            unknown_answer.replace("jclec-no-such-course", "ID")
        );
    }

    // The owner is told where to revise it.
    let (status, _, answer) = app
        .request(api("POST", "/api/v1/listings", Some(&owner), Some(&draft)))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(answer.contains("revise it with PUT"), "{answer}");
}

/// A router of `app`'s catalogue served at `public_url`.
fn served_at(app: &crate::helpers::TestApp, public_url: &str) -> axum::Router {
    catalogue::web::router(catalogue::web::AppState::with_settings(
        app.catalogue.clone(),
        catalogue::web::Settings::new(public_url.parse().unwrap()),
        catalogue::app::IndexStatus::default(),
    ))
    .layer(axum::Extension(axum::extract::ConnectInfo(
        std::net::SocketAddr::from(crate::helpers::CLIENT),
    )))
}

async fn fetch(router: &axum::Router, uri: &str) -> axum::http::Response<axum::body::Body> {
    use tower::ServiceExt;
    router
        .clone()
        .oneshot(
            axum::http::Request::get(uri)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_whatever_its_status() {
    let app = crate::helpers::TestApp::with_fixtures().await;
    let long = format!("/?q={}", "a".repeat(20_000));
    let long_api = format!("/api/v1/search?q={}", "a".repeat(20_000));
    for public_url in ["https://catalogue.example.org", "http://localhost:8080"] {
        let router = served_at(&app, public_url);
        for (uri, status) in [
            ("/", StatusCode::OK),
            ("/no-such-page", StatusCode::NOT_FOUND),
            ("/?page=x", StatusCode::BAD_REQUEST),
            (long.as_str(), StatusCode::URI_TOO_LONG),
            (long_api.as_str(), StatusCode::URI_TOO_LONG),
            ("/language/th", StatusCode::SEE_OTHER),
        ] {
            let response = fetch(&router, uri).await;
            assert_eq!(response.status(), status, "{uri}");
            let headers = response.headers();
            for name in [
                "content-security-policy",
                "x-content-type-options",
                "x-frame-options",
                "referrer-policy",
                "permissions-policy",
            ] {
                assert!(headers.contains_key(name), "{uri}: no {name}");
            }
            assert_eq!(
                headers
                    .get("strict-transport-security")
                    .map(|v| v.to_str().unwrap()),
                public_url
                    .starts_with("https")
                    .then_some("max-age=31536000"),
                "{uri} at {public_url}"
            );
            if status == StatusCode::URI_TOO_LONG {
                let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .unwrap();
                let body = String::from_utf8_lossy(&body);
                assert!(body.contains("address is too long"), "{body}");
            }
        }
        let language = fetch(&router, "/language/th").await;
        let cookie = language.headers()["set-cookie"].to_str().unwrap();
        assert_eq!(
            cookie.contains("; Secure"),
            public_url.starts_with("https"),
            "{cookie}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_for_a_reset_link_takes_as_long_with_or_without_an_account() {
    let mut app = app_with_people().await;
    app.use_many_client_addresses();
    let mut browser = Browser::default();
    browser.get(&app, "/forgot-password").await;
    let mut ask = async |email: &str| {
        let before = app.last_mail_to(OWNER).await.map(|mail| mail.id);
        let started = std::time::Instant::now();
        let (status, _, _) = browser
            .post(&app, "/forgot-password", &[("email", email)])
            .await;
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(status, StatusCode::OK);
        // Work left after the answer (the link, its mail) is not to slow
        // the next one down: that is another measurement. So the link is
        // waited for, however slow the machine is.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        if email == OWNER {
            for _ in 0..500 {
                if app.last_mail_to(OWNER).await.map(|mail| mail.id) != before {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        }
        elapsed
    };
    // Pairs asked back to back, in turns first, so that the test's
    // neighbours slowing the machine down weigh on both alike. Forty pairs,
    // not the twenty the check asks for, and a second measurement when the
    // first is off: on a busy machine the median moves by a millisecond on
    // noise alone, while a real difference shows in both.
    let mut medians = Vec::new();
    for _attempt in 0..2 {
        let mut differences = Vec::new();
        for round in 0..41 {
            let (known, unknown) = if round % 2 == 0 {
                let known = ask(OWNER).await;
                (known, ask("nobody@example.org").await)
            } else {
                let unknown = ask("nobody@example.org").await;
                (ask(OWNER).await, unknown)
            };
            // The first round warms the caches.
            if round > 0 {
                differences.push(known - unknown);
            }
        }
        differences.sort_by(f64::total_cmp);
        medians.push(differences[differences.len() / 2]);
        if medians.last().is_some_and(|median| median.abs() < 1.0) {
            break;
        }
    }
    let median = *medians.last().unwrap();
    assert!(
        median.abs() < 1.0,
        "with an account slower at the median by {medians:.2?} ms"
    );
    app.mail_to_come(OWNER).await;
}

#[tokio::test]
async fn repeated_wrong_sign_ins_are_slowed_down_alike_with_or_without_an_account() {
    let mut app = app_with_people().await;
    // Not the per-address rate limit: the per-account pause is under test.
    app.use_many_client_addresses();
    let mut answers: Vec<Vec<(StatusCode, String)>> = Vec::new();
    for email in [OWNER, "nobody@jclec.example.org"] {
        let mut browser = Browser::default();
        browser.get(&app, "/sign-in").await;
        let mut seen = Vec::new();
        for _ in 0..7 {
            let (status, _, body) = browser
                .post(
                    &app,
                    "/sign-in",
                    &[("email", email), ("password", "wrong guess here")],
                )
                .await;
            // What the form says is wrong: the first error linked to a field.
            let said = body
                .split("role=\"alert\"")
                .nth(1)
                .and_then(|rest| rest.split("<li>").nth(1))
                .map(|item| item.split("</li>").next().unwrap_or_default().to_owned())
                .expect("the form says what is wrong");
            seen.push((status, said.replace(email, "EMAIL")));
        }
        answers.push(seen);
    }
    assert_eq!(answers[0], answers[1]);
    assert!(answers[1][6].1.contains("Wait"), "{:?}", answers[1][6]);
    assert_eq!(answers[1][4].0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        answers[1][5].0,
        StatusCode::TOO_MANY_REQUESTS,
        "{:?}",
        answers[1]
    );
}

#[tokio::test]
async fn failed_sign_ins_of_addresses_quiet_for_a_day_are_forgotten() {
    let app = app_with_people().await;
    let store = &app.catalogue.store;
    store
        .record_failed_sign_in("Someone@Example.org ")
        .await
        .unwrap();
    store
        .record_failed_sign_in("someone@example.org")
        .await
        .unwrap();
    store
        .record_failed_sign_in("other@example.org")
        .await
        .unwrap();
    assert_eq!(
        store
            .sign_in_failures("SOMEONE@example.org")
            .await
            .unwrap()
            .0,
        2
    );
    sqlx::query("UPDATE sign_in_failures SET last_failed_at = '2000-01-01T00:00:00.000Z' WHERE email = 'other@example.org'")
        .execute(&app.db().await)
        .await
        .unwrap();

    let forgotten = store
        .forget_old_sign_in_failures(time::Duration::days(1))
        .await
        .unwrap();

    assert_eq!(forgotten, 1);
    assert_eq!(
        store.sign_in_failures("other@example.org").await.unwrap(),
        (0, None)
    );
    assert_eq!(
        store
            .sign_in_failures("someone@example.org")
            .await
            .unwrap()
            .0,
        2
    );
}

#[tokio::test]
async fn readiness_says_why_an_instance_should_not_be_sent_traffic() {
    use catalogue::web::READY_LAG;
    let app = crate::helpers::TestApp::with_fixtures().await;
    let (status, answer) = app.get_json("/readyz").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer, json!({"status": "ready", "changes_pending": 0}));

    // Stored but not yet indexed: a backlog past the bound.
    let backlog = (0..=READY_LAG)
        .map(|i| crate::helpers::sample(&format!("backlog-{i}")))
        .collect();
    app.catalogue.save(backlog).await.unwrap();
    let (status, headers, body) = app.get("/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(headers["retry-after"], "5");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer["status"], "not-ready");
    assert!(
        answer["reasons"][0]
            .as_str()
            .unwrap()
            .contains("changes behind"),
        "{answer}"
    );
    let (status, _, _) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::OK, "alive all the same");
    app.catch_up().await;
    let (status, _, _) = app.get("/readyz").await;
    assert_eq!(status, StatusCode::OK);

    // While the index is rebuilt.
    let rebuilding = catalogue::web::router(catalogue::web::AppState::with_settings(
        app.catalogue.clone(),
        catalogue::web::Settings::default(),
        catalogue::app::IndexStatus::new(catalogue::app::IndexState::Rebuilding),
    ));
    let response = fetch(&rebuilding, "/readyz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&body).contains("being rebuilt"));
}

#[tokio::test]
async fn an_instance_whose_database_takes_no_writes_is_not_ready() {
    let app = crate::helpers::TestApp::with_fixtures().await;
    // Another process holds the write lock past the busy timeout (10 s).
    let other = app.db().await;
    let mut holder = other.acquire().await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut *holder)
        .await
        .unwrap();
    let (status, headers, body) = app.get("/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(headers["retry-after"], "5");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        answer["reasons"],
        json!(["the database does not take writes"])
    );
    let (status, _, _) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::OK, "it can still be read");

    sqlx::query("ROLLBACK").execute(&mut *holder).await.unwrap();
    let (status, _, body) = app.get("/readyz").await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test(flavor = "current_thread")]
async fn each_request_is_logged_once_with_its_id_route_status_and_latency() {
    let app = crate::helpers::TestApp::with_fixtures().await;
    let (captured, _guard) = crate::helpers::Captured::json_lines();

    let (status, headers, _) = app
        .get(&format!("/listings/{PUBLISHED}?q=what+someone+searched"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let id = headers["x-request-id"].to_str().unwrap().to_owned();
    let request = axum::http::Request::get("/no-such-page")
        .header("x-request-id", "from-the-proxy-1")
        .body(axum::body::Body::empty())
        .unwrap();
    let (status, headers, _) = app.request(request).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        headers["x-request-id"], "from-the-proxy-1",
        "a proxy's id is kept"
    );

    let log = captured.text();
    let answered = captured.access_lines();
    assert_eq!(answered.len(), 2, "{log}");
    for (line, (id, route, status)) in answered.iter().zip([
        (id.as_str(), "/listings/{id}", 200),
        ("from-the-proxy-1", "(no route)", 404),
    ]) {
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["span"]["id"], id, "{line}");
        assert_eq!(line["span"]["method"], "GET");
        assert_eq!(line["span"]["route"], route);
        assert_eq!(line["fields"]["status"], status);
        assert!(
            line["fields"]["latency"].as_str().unwrap().ends_with("μs"),
            "{line}"
        );
    }
    assert!(!log.contains("someone"), "no query text in the log: {log}");
}
