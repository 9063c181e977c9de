//! Running the service in production: who a request comes from behind a
//! proxy, rate limits on the API, metrics, connections that never finish
//! their request, and the systemd unit.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use catalogue::web::client::{ProxyHeader, TrustedProxies};
use catalogue::web::{self, AppState, Settings};
use http_body_util::BodyExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt;

use crate::helpers::{PASSWORD, TestApp, api};
use crate::ownership::{OWNER, PUBLISHED, app_with_people, token_for};

/// A router over `app`'s catalogue with `settings`; each request names its
/// own peer address.
fn router_with(app: &TestApp, settings: Settings) -> axum::Router {
    web::router(AppState::with_settings(
        app.catalogue.clone(),
        settings,
        catalogue::app::IndexStatus::default(),
    ))
}

/// Sends `request` as if it came from `peer`; the status and the headers.
async fn from_peer(
    router: &axum::Router,
    peer: &str,
    mut request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

fn completion(forwarded_for: Option<&str>) -> Request<Body> {
    let mut request = Request::get("/api/v1/suggest?q=tra");
    if let Some(client) = forwarded_for {
        request = request.header("x-forwarded-for", client);
    }
    request.body(Body::empty()).unwrap()
}

/// Limits low enough that a test's requests outrun them whatever the
/// machine's speed: one search a second per address (two at once), one
/// write a second per token (three at once).
const SLOW: web::ApiLimits = web::ApiLimits {
    searches_per_second: 1,
    writes_per_second: 1,
};
const SEARCH_BURST: usize = 2;
const WRITE_BURST: usize = 3;

#[tokio::test]
async fn a_trusted_proxy_is_believed_about_the_client_and_nobody_else_is() {
    let app = TestApp::with_fixtures().await;
    let settings = Settings {
        proxies: TrustedProxies::new(
            vec!["10.0.0.0/8".parse().unwrap()],
            ProxyHeader::XForwardedFor,
        ),
        api_limits: SLOW,
        ..Settings::default()
    };
    let router = router_with(&app, settings);
    let proxy = "10.0.0.5";

    // Through the proxy, one client uses up its own allowance...
    for _ in 0..SEARCH_BURST {
        let (status, _, body) = from_peer(&router, proxy, completion(Some("198.51.100.1"))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, _, _) = from_peer(&router, proxy, completion(Some("198.51.100.1"))).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // ...and not the others behind the same proxy, nor the proxy itself.
    let (status, _, _) = from_peer(&router, proxy, completion(Some("198.51.100.2"))).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = from_peer(&router, proxy, completion(None)).await;
    assert_eq!(status, StatusCode::OK);

    // A peer that is not a trusted proxy counts by its own address: naming
    // the exhausted client does not get it refused...
    let stranger = "203.0.113.7";
    let (status, _, _) = from_peer(&router, stranger, completion(Some("198.51.100.1"))).await;
    assert_eq!(status, StatusCode::OK);
    // ...and naming a new client each time does not escape its own limit.
    for n in 1..SEARCH_BURST {
        let claimed = format!("198.51.100.{}", 100 + n);
        let (status, _, _) = from_peer(&router, stranger, completion(Some(&claimed))).await;
        assert_eq!(status, StatusCode::OK, "request {n}");
    }
    let (status, _, _) = from_peer(&router, stranger, completion(Some("198.51.100.250"))).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "current_thread")]
async fn the_access_log_names_the_client_a_trusted_proxy_forwarded() {
    let app = TestApp::with_fixtures().await;
    let settings = Settings {
        proxies: TrustedProxies::new(
            vec!["127.0.0.1/32".parse().unwrap()],
            ProxyHeader::Forwarded,
        ),
        ..Settings::default()
    };
    let router = router_with(&app, settings);
    let (captured, _guard) = crate::helpers::Captured::json_lines();

    let forwarded = |value: &str| {
        Request::get("/healthz")
            .header("forwarded", value)
            .body(Body::empty())
            .unwrap()
    };
    from_peer(
        &router,
        "127.0.0.1",
        forwarded("for=192.0.2.60;proto=https"),
    )
    .await;
    from_peer(&router, "192.0.2.99", forwarded("for=192.0.2.61")).await;

    let clients: Vec<String> = captured
        .access_lines()
        .iter()
        .map(|line| line["span"]["client"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(clients, ["192.0.2.60", "192.0.2.99"], "{}", captured.text());
}

#[tokio::test]
async fn api_searches_are_limited_per_address_and_the_site_search_is_not() {
    let mut app = TestApp::with_fixtures().await;
    app.use_settings(Settings {
        api_limits: SLOW,
        ..Settings::default()
    });
    for _ in 0..SEARCH_BURST {
        let (status, _, body) = app.get("/api/v1/search?q=trafficking").await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, headers, body) = app.get("/api/v1/search?q=trafficking").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(headers["content-type"], "application/json");
    let wait: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert_eq!(wait, 1, "Retry-After");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        answer["detail"],
        "Too many attempts from your address. Wait a second, then try again."
    );
    let (status, _, _) = app.get("/api/v1/suggest?q=tra").await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "one allowance for both"
    );

    // A person on the site searches on from the same address.
    for page in 1..=5 {
        let (status, _, _) = app.get(&format!("/?q=trafficking&page={page}")).await;
        assert_eq!(status, StatusCode::OK);
    }

    // The allowance comes back as it said.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (status, _, _) = app.get("/api/v1/search?q=trafficking").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn api_writes_are_limited_per_token() {
    let mut app = app_with_people().await;
    app.use_settings(Settings {
        api_limits: SLOW,
        ..Settings::default()
    });
    let busy = token_for(&app, OWNER).await;
    let other = token_for(&app, "omar@iom.example.org").await;
    // Bodies the API refuses without writing: the limit counts requests.
    let write = |token: &str| {
        Request::post("/api/v1/listings")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from("{not json"))
            .unwrap()
    };
    for n in 0..WRITE_BURST {
        let (status, _, body) = app.request(write(&busy)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "write {n}: {body}");
    }
    let (status, headers, body) = app.request(write(&busy)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(headers["retry-after"], "1");
    assert!(
        body.contains("Too many writes with this API token. Wait a second, then try again."),
        "{body}"
    );
    // Another token from the same address is not held up...
    let (status, _, _) = app.request(write(&other)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // ...and reading the history is not a write.
    let (status, _, body) = app
        .request(api(
            "GET",
            &format!("/api/v1/listings/{PUBLISHED}/history"),
            Some(&busy),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// The sum of the samples of `name` whose labels include every one of
/// `labels` (`key="value"`), in Prometheus's text format.
fn sample(metrics: &str, name: &str, labels: &[&str]) -> Option<f64> {
    let mut found = None;
    for line in metrics.lines().filter(|line| !line.starts_with('#')) {
        let Some((series, value)) = line.rsplit_once(' ') else {
            continue;
        };
        let (series_name, series_labels) = series.split_once('{').unwrap_or((series, ""));
        if series_name == name && labels.iter().all(|label| series_labels.contains(label)) {
            *found.get_or_insert(0.0) += value.parse::<f64>().unwrap();
        }
    }
    found
}

#[tokio::test]
async fn metrics_need_the_token_name_every_figure_and_move_with_requests() {
    let app = app_with_people().await;
    catalogue::web::metrics::install().unwrap();
    let backups = tempfile::TempDir::new().unwrap();
    let settings = Settings {
        metrics_token: Some(web::MetricsToken("metrics-secret-1".to_owned())),
        backup_dir: Some(backups.path().to_owned()),
        api_limits: SLOW,
        ..Settings::default()
    };
    let router = router_with(&app, settings);
    let peer = "192.0.2.10";
    let scrape = async || {
        let request = Request::get("/metrics")
            .header("authorization", "Bearer metrics-secret-1")
            .body(Body::empty())
            .unwrap();
        let (status, headers, body) = from_peer(&router, peer, request).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        body
    };

    // Not without the token, nor on a site started without one.
    for token in [None, Some("Bearer wrong"), Some("metrics-secret-1")] {
        let mut request = Request::get("/metrics");
        if let Some(token) = token {
            request = request.header("authorization", token);
        }
        let (status, _, _) = from_peer(&router, peer, request.body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}");
    }
    let (status, _, _) = app.get("/metrics").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let before = scrape().await;
    let published = crate::helpers::fixture_values().len() as f64;
    for (name, labels, value) in [
        (
            "catalogue_listings",
            &["state=\"published\""][..],
            published,
        ),
        ("catalogue_listings", &["state=\"draft\""], 0.0),
        ("catalogue_index_changes_pending", &[], 0.0),
        ("catalogue_index_seconds_behind", &[], 0.0),
        ("catalogue_index_rebuilding", &[], 0.0),
        ("catalogue_outbox_waiting", &[], 0.0),
        ("catalogue_outbox_given_up", &[], 0.0),
        ("catalogue_backup_age_seconds", &[], f64::INFINITY),
    ] {
        assert_eq!(
            sample(&before, name, labels),
            Some(value),
            "{name} {labels:?}"
        );
    }

    // Requests, searches, refused sign-ins and rate limits move theirs.
    let listing_page = [
        "route=\"/listings/{id}\"",
        "method=\"GET\"",
        "status=\"200\"",
    ];
    let served = |metrics: &str| {
        sample(metrics, "catalogue_http_requests_total", &listing_page).unwrap_or(0.0)
    };
    let timed = |metrics: &str| {
        sample(
            metrics,
            "catalogue_http_request_duration_seconds_count",
            &listing_page,
        )
        .unwrap_or(0.0)
    };
    let searched = |metrics: &str| {
        sample(metrics, "catalogue_search_duration_seconds_count", &[]).unwrap_or(0.0)
    };
    let failed_sign_ins =
        |metrics: &str| sample(metrics, "catalogue_sign_in_failures_total", &[]).unwrap_or(0.0);
    let mail_failures =
        |metrics: &str| sample(metrics, "catalogue_mail_send_failures_total", &[]).unwrap_or(0.0);
    assert!(
        sample(&before, "catalogue_mail_send_failures_total", &[]).is_some(),
        "counters are there before anything happens"
    );
    let limited = |metrics: &str| {
        sample(
            metrics,
            "catalogue_rate_limited_requests_total",
            &["limit=\"api-search\""],
        )
        .unwrap_or(0.0)
    };
    let get = |path: &str| Request::get(path).body(Body::empty()).unwrap();
    from_peer(&router, peer, get(&format!("/listings/{PUBLISHED}"))).await;
    from_peer(&router, peer, get("/?q=passport")).await;
    let mut browser = crate::helpers::Browser::default();
    browser.get(&app, "/sign-in").await;
    let wrong = format!("not {PASSWORD}");
    let (status, _, _) = browser
        .post(&app, "/sign-in", &[("email", OWNER), ("password", &wrong)])
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for _ in 0..=SEARCH_BURST {
        from_peer(&router, "192.0.2.77", get("/api/v1/suggest?q=tr")).await;
    }
    // A change not yet in the index, mail waiting, a backup taken.
    app.catalogue
        .save(vec![crate::helpers::sample("lagging-behind")])
        .await
        .unwrap();
    app.catalogue
        .store
        .queue_mail(&catalogue::store::Mail {
            recipient: "someone@example.org".to_owned(),
            subject: "Waiting".to_owned(),
            body: "Waiting for the mail server.".to_owned(),
        })
        .await
        .unwrap();
    let unreachable =
        catalogue::app::Mailer::new("smtp://127.0.0.1:1", "Catalogue <no-reply@example.org>")
            .unwrap();
    catalogue::app::send_outbox(&app.catalogue.store, &unreachable).await;
    catalogue::app::backup::back_up_into(&app.catalogue.store, backups.path(), 3)
        .await
        .unwrap();

    let after = scrape().await;
    assert!(served(&after) >= served(&before) + 1.0, "{after}");
    assert!(timed(&after) >= timed(&before) + 1.0);
    assert!(searched(&after) >= searched(&before) + 1.0);
    assert!(failed_sign_ins(&after) >= failed_sign_ins(&before) + 1.0);
    assert!(limited(&after) >= limited(&before) + 1.0);
    assert!(mail_failures(&after) >= mail_failures(&before) + 1.0);
    assert_eq!(
        sample(&after, "catalogue_listings", &["state=\"published\""]),
        Some(published + 1.0)
    );
    assert_eq!(
        sample(&after, "catalogue_index_changes_pending", &[]),
        Some(1.0)
    );
    assert!(sample(&after, "catalogue_index_seconds_behind", &[]).unwrap() > 0.0);
    assert_eq!(sample(&after, "catalogue_outbox_waiting", &[]), Some(1.0));
    let age = sample(&after, "catalogue_backup_age_seconds", &[]).unwrap();
    assert!((0.0..60.0).contains(&age), "backup age {age}");
    assert!(
        after.contains("catalogue_http_request_duration_seconds_bucket{"),
        "latency as a histogram"
    );
}

/// Serves `app` on a loopback port within `limits`; the address and the
/// switch that stops it.
async fn listen(
    app: &TestApp,
    limits: catalogue::app::serve::ConnectionLimits,
) -> (
    SocketAddr,
    tokio::sync::watch::Sender<bool>,
    tokio::task::JoinHandle<()>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let router = web::router(AppState::new(app.catalogue.clone()));
    let server = tokio::spawn(catalogue::app::serve::serve_connections(
        listener, router, limits, stopped,
    ));
    (address, stop, server)
}

/// Everything the server sends until it closes the connection, or `None`
/// when it is still open after `limit`.
async fn until_closed(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut received = Vec::new();
    match tokio::time::timeout(limit, stream.read_to_end(&mut received)).await {
        Ok(_) => Some(String::from_utf8_lossy(&received).into_owned()),
        Err(_) => None,
    }
}

#[tokio::test]
async fn half_sent_requests_are_cut_off_and_connections_are_limited() {
    let app = TestApp::with_fixtures().await;
    let limits = catalogue::app::serve::ConnectionLimits {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(1),
    };
    let (address, stop, server) = listen(&app, limits).await;

    // Two clients send half a request's headers and stop.
    let mut stalled = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(address).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1")
            .await
            .unwrap();
        stalled.push(stream);
    }
    // A whole request waits while both are held...
    let mut whole = TcpStream::connect(address).await.unwrap();
    whole
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    assert_eq!(
        until_closed(&mut whole, Duration::from_millis(500)).await,
        None,
        "a third connection is not served while two are held"
    );
    // ...the half-sent ones are cut off at the deadline, unanswered...
    for stream in &mut stalled {
        let sent = until_closed(stream, Duration::from_secs(5))
            .await
            .expect("a half-sent request is cut off");
        assert!(!sent.contains("200 OK"), "{sent}");
    }
    // ...and then the whole one is answered.
    let answer = until_closed(&mut whole, Duration::from_secs(5))
        .await
        .expect("answered once a connection is free");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(started.elapsed() >= Duration::from_millis(500));

    // A kept-alive connection left idle is closed at the same deadline.
    let mut idle = TcpStream::connect(address).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut idle, Duration::from_secs(5))
        .await
        .expect("an idle kept-alive connection is closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops when told")
        .unwrap();
}

#[test]
fn the_metrics_listener_serves_metrics_and_the_site_does_not() {
    use crate::process::Service;
    let dir = tempfile::TempDir::new().unwrap();
    let metrics_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let service = Service::spawn(
        dir.path(),
        &["--metrics-addr", &format!("127.0.0.1:{metrics_port}")],
    );
    service.wait_until(Duration::from_secs(60), Service::is_ready);
    assert_eq!(service.get("/metrics").unwrap().0, 404);
    service.get("/?q=visa").unwrap();
    let (status, _, body) = crate::process::exchange(metrics_port, "GET", "/metrics", &[], "")
        .expect("the metrics listener answers");
    assert_eq!(status, 200, "{body}");
    assert!(
        sample(&body, "catalogue_http_requests_total", &["route=\"/\""]).unwrap() >= 1.0,
        "{body}"
    );
    assert!(sample(&body, "catalogue_listings", &["state=\"published\""]).unwrap() > 0.0);
}

#[test]
fn the_systemd_unit_passes_systemd_analyze() {
    let unit = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/catalogue.service"),
    )
    .unwrap();
    let Ok(output) = std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
    else {
        eprintln!("systemd-analyze is not installed here; the unit file was not checked");
        return;
    };
    assert!(output.status.success());
    // Checked with this build's binary where the unit expects the
    // installed one, as verify looks for the program.
    let installed = "/usr/local/bin/catalogue";
    assert!(unit.contains(&format!("ExecStart={installed} ")), "{unit}");
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("catalogue.service");
    std::fs::write(
        &path,
        unit.replace(installed, crate::helpers::binary().to_str().unwrap()),
    )
    .unwrap();
    let output = std::process::Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&path)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(
        !said.contains("catalogue.service"),
        "systemd-analyze has remarks on the unit: {said}"
    );
}
