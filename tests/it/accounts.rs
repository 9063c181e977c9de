//! Signing in and out, sessions, invitations, password resets and changes,
//! form tokens and rate limits, through the real router.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use catalogue::domain::Role;
use catalogue::store::LinkPurpose;
use catalogue::web::{self, AppState, Settings};
use tower::ServiceExt;

use crate::helpers::{Browser, PASSWORD, TestApp, link_path, sign_in};

async fn app_with_people() -> TestApp {
    let app = TestApp::with_fixtures().await;
    app.person("ana@jclec.example.org", Role::Contributor, Some("jclec"))
        .await;
    app.person("sam@secretariat.example.org", Role::Secretariat, None)
        .await;
    app
}

fn is_sign_in_redirect(status: StatusCode, headers: &axum::http::HeaderMap) -> bool {
    status == StatusCode::SEE_OTHER
        && headers["location"]
            .to_str()
            .unwrap()
            .starts_with("/sign-in?then=")
}

#[tokio::test]
async fn signing_in_sets_a_hardened_cookie_under_a_new_session_id() {
    let app = app_with_people().await;
    let mut browser = Browser::default();
    let (_, headers, _) = browser.get(&app, "/sign-in").await;
    let anonymous = browser
        .cookie
        .clone()
        .expect("the sign-in form starts a session");
    let cookie = headers["set-cookie"].to_str().unwrap();
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http cannot carry Secure cookies: {cookie}"
    );
    assert!(cookie.starts_with("catalogue_session="), "{cookie}");

    let (status, _, _) = browser
        .post(
            &app,
            "/sign-in",
            &[("email", "Ana@JCLEC.example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let signed_in = browser.cookie.clone().unwrap();
    assert_ne!(signed_in, anonymous, "the session id changes at sign-in");
    let (status, _, body) = browser.get(&app, "/dashboard").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Jakarta Centre"),
        "the dashboard names the organisation"
    );

    // The id from before sign-in does not lead into the account.
    let mut old = Browser {
        cookie: Some(anonymous),
        ..Browser::default()
    };
    let (status, headers, _) = old.get(&app, "/dashboard").await;
    assert!(is_sign_in_redirect(status, &headers));
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let app = app_with_people().await;
    let settings = Settings::new("https://catalogue.example.org".parse().unwrap());
    let router = web::router(AppState::with_settings(
        app.catalogue.clone(),
        settings,
        catalogue::app::IndexStatus::default(),
    ));
    let response = router
        .oneshot(Request::get("/sign-in").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-catalogue_session="), "{cookie}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(
        !cookie.contains("Domain"),
        "__Host- cookies carry no Domain: {cookie}"
    );
}

#[tokio::test]
async fn anonymous_pages_set_no_cookie() {
    let app = app_with_people().await;
    for path in [
        "/",
        "/?q=smuggling",
        "/listings/jclec-investigating-people-smuggling",
    ] {
        let (status, headers, _) = app.get(path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(headers.get("set-cookie").is_none(), "{path} set a cookie");
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_repeated_failures_slow_the_account_down() {
    let app = app_with_people().await;
    let mut browser = Browser::default();
    browser.get(&app, "/sign-in").await;
    for _ in 0..5 {
        let (status, _, body) = browser
            .post(
                &app,
                "/sign-in",
                &[
                    ("email", "ana@jclec.example.org"),
                    ("password", "wrong guess here"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body.contains("do not match an account"), "{body}");
        assert!(
            body.contains("value=\"ana@jclec.example.org\""),
            "the address typed is kept"
        );
    }
    // Even the right password must now wait.
    let (status, _, body) = browser
        .post(
            &app,
            "/sign-in",
            &[("email", "ana@jclec.example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let said = "Too many failed sign-ins for this account. Wait ";
    let at = body.find(said).expect("the wait is explained") + said.len();
    let seconds: i64 = body[at..].split(' ').next().unwrap().parse().unwrap();
    assert!(
        (1..=30).contains(&seconds),
        "the first pause is 30 seconds: {seconds}"
    );

    // An unknown address gets the same answer as a wrong password.
    let (status, _, body) = browser
        .post(
            &app,
            "/sign-in",
            &[("email", "nobody@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.contains("do not match an account"));

    // Once the pause is over, the right password works and the count resets.
    let db = app.db().await;
    sqlx::query("UPDATE sign_in_failures SET last_failed_at = '2000-01-01T00:00:00.000Z' WHERE email = 'ana@jclec.example.org'")
        .execute(&db)
        .await
        .unwrap();
    sign_in(&app, "ana@jclec.example.org").await;
    let failures: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sign_in_failures WHERE email = 'ana@jclec.example.org'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(failures, 0);
}

#[tokio::test]
async fn sign_in_attempts_from_one_address_are_rate_limited() {
    let app = app_with_people().await;
    let mut browser = Browser::default();
    browser.get(&app, "/sign-in").await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let email = format!("guess{i}@example.org");
        let (status, _, body) = browser
            .post(
                &app,
                "/sign-in",
                &[("email", &email), ("password", "not the password")],
            )
            .await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert!(
                body.contains("Too many attempts from your address"),
                "{body}"
            );
        }
        statuses.push(status);
    }
    assert!(
        statuses[..10]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    assert_eq!(statuses[11], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
    // Reading the form is not limited.
    let (status, _, _) = browser.get(&app, "/sign-in").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = app_with_people().await;
    let mut browser = sign_in(&app, "ana@jclec.example.org").await;
    let stolen = browser.clone();
    let (status, headers, _) = browser.post(&app, "/sign-out", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/");
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    let mut stolen = stolen;
    let (status, headers, _) = stolen.get(&app, "/dashboard").await;
    assert!(is_sign_in_redirect(status, &headers));
}

#[tokio::test]
async fn sessions_expire_after_30_idle_minutes_and_12_hours_in_all() {
    let app = app_with_people().await;
    let db = app.db().await;
    let mut browser = sign_in(&app, "ana@jclec.example.org").await;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let expiry: i64 =
        sqlx::query_scalar("SELECT expiry_date FROM sessions WHERE user_id IS NOT NULL")
            .fetch_one(&db)
            .await
            .unwrap();
    assert!(
        (29 * 60..=31 * 60).contains(&(expiry - now)),
        "idle deadline {} s ahead",
        expiry - now
    );

    // 30 minutes without a request.
    sqlx::query("UPDATE sessions SET expiry_date = ?1 WHERE user_id IS NOT NULL")
        .bind(now - 1)
        .execute(&db)
        .await
        .unwrap();
    let (status, headers, _) = browser.get(&app, "/dashboard").await;
    assert!(is_sign_in_redirect(status, &headers));
    assert_eq!(
        app.catalogue.store.delete_expired_sessions().await.unwrap(),
        1,
        "housekeeping removes it"
    );

    // Active all along, but signed in 12 hours and a minute ago.
    let mut browser = sign_in(&app, "ana@jclec.example.org").await;
    sqlx::query(
        "UPDATE sessions SET data = json_set(data, '$.signed_in_at', ?1) WHERE user_id IS NOT NULL",
    )
    .bind(now - 12 * 3600 - 60)
    .execute(&db)
    .await
    .unwrap();
    let (status, headers, _) = browser.get(&app, "/dashboard").await;
    assert!(is_sign_in_redirect(status, &headers), "{status}");
    // 11 hours is still fine.
    let mut browser = sign_in(&app, "ana@jclec.example.org").await;
    sqlx::query(
        "UPDATE sessions SET data = json_set(data, '$.signed_in_at', ?1) WHERE user_id IS NOT NULL",
    )
    .bind(now - 11 * 3600)
    .execute(&db)
    .await
    .unwrap();
    let (status, _, _) = browser.get(&app, "/dashboard").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions() {
    let app = app_with_people().await;
    let mut phone = sign_in(&app, "ana@jclec.example.org").await;
    let mut desk = sign_in(&app, "ana@jclec.example.org").await;
    desk.get(&app, "/account/password").await;
    let (status, _, body) = desk
        .post(
            &app,
            "/account/password",
            &[
                ("current", "not it at all"),
                ("password", "new harbour lantern"),
                ("confirm", "new harbour lantern"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("The current password is not right"));
    let (status, _, body) = desk
        .post(
            &app,
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "password1"),
                ("confirm", "password1"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("most commonly used passwords"), "{body}");
    let before = desk.cookie.clone();
    let (status, _, _) = desk
        .post(
            &app,
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "new harbour lantern"),
                ("confirm", "new harbour lantern"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_ne!(
        desk.cookie, before,
        "the session that changed it gets a new id"
    );
    let (status, _, body) = desk.get(&app, "/account/password?done=password").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Your password is saved"));
    let (status, headers, _) = phone.get(&app, "/dashboard").await;
    assert!(
        is_sign_in_redirect(status, &headers),
        "the other session ended"
    );
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_and_tokens() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, "ana@jclec.example.org").await;
    let ana_id = app
        .catalogue
        .store
        .account_by_email("ana@jclec.example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let token = app.catalogue.store.create_api_token(ana_id).await.unwrap();
    let mut sam = sign_in(&app, "sam@secretariat.example.org").await;
    sam.get(&app, "/admin/people").await;
    let (status, _, _) = sam
        .post(&app, &format!("/admin/people/{ana_id}/disable"), &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, headers, _) = ana.get(&app, "/dashboard").await;
    assert!(is_sign_in_redirect(status, &headers));
    let (status, _, _) = app
        .request(crate::helpers::api(
            "GET",
            "/api/v1/listings/jclec-investigating-people-smuggling/history",
            Some(&token),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let mut again = Browser::default();
    again.get(&app, "/sign-in").await;
    let (status, _, _) = again
        .post(
            &app,
            "/sign-in",
            &[("email", "ana@jclec.example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a disabled account cannot sign in"
    );
}

#[tokio::test]
async fn an_invitation_link_works_once_and_expires() {
    let app = app_with_people().await;
    let mut sam = sign_in(&app, "sam@secretariat.example.org").await;
    sam.get(&app, "/admin/people").await;
    let (status, _, body) = sam
        .post(
            &app,
            "/admin/people",
            &[
                ("name", "Budi Santoso"),
                ("email", "budi@imigrasi.example.go.id"),
                ("org", "id-immigration"),
                ("role", "contributor"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    // Without a mail server the Secretariat is shown the link, once.
    let (_, _, page) = sam.get(&app, "/admin/people?done=invited").await;
    let mail = app
        .last_mail_to("budi@imigrasi.example.go.id")
        .await
        .expect("an invitation in the outbox");
    assert!(mail.sent_at.is_none());
    let link = link_path(&mail.body);
    assert!(page.contains(&link), "the people page shows the link");
    assert!(
        page.contains("<td>budi@imigrasi.example.go.id</td><td>Directorate General of Immigration, Indonesia</td>"),
        "each person is listed with their organisation"
    );
    let (_, _, page) = sam.get(&app, "/admin/people").await;
    assert!(!page.contains(&link), "only once");

    let mut budi = Browser::default();
    let (status, _, body) = budi.get(&app, &link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Welcome, Budi Santoso"));
    let (status, _, body) = budi
        .post(&app, &link, &[("password", "short"), ("confirm", "short")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("use at least 8"), "{body}");
    let (status, _, body) = budi
        .post(
            &app,
            &link,
            &[
                ("password", "bromo sunrise jeep"),
                ("confirm", "bromo sunrise jeeps"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("The two passwords differ"));
    let (status, headers, _) = budi
        .post(
            &app,
            &link,
            &[
                ("password", "bromo sunrise jeep"),
                ("confirm", "bromo sunrise jeep"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/dashboard?done=password");
    let (status, _, body) = budi.get(&app, "/dashboard").await;
    assert_eq!(status, StatusCode::OK, "signed in by accepting");
    assert!(
        body.contains("Directorate General of Immigration, Indonesia"),
        "{body}"
    );

    // A second use is refused, even with a fresh browser.
    let mut other = Browser::default();
    let (status, _, body) = other.get(&app, &link).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(body.contains("used already"));

    // An expired invitation.
    let store = &app.catalogue.store;
    let late = store
        .add_account(
            "late@example.org",
            "Late Comer",
            Role::Contributor,
            Some(&"jclec".parse_id()),
        )
        .await
        .unwrap();
    let secret = store
        .issue_link(late.id, LinkPurpose::Invite, |_| catalogue::store::Mail {
            recipient: late.email.clone(),
            subject: "s".into(),
            body: "b".into(),
        })
        .await
        .unwrap();
    sqlx::query(
        "UPDATE one_time_links SET expires_at = '2020-01-01T00:00:00.000Z' WHERE user_id = ?1",
    )
    .bind(late.id)
    .execute(&app.db().await)
    .await
    .unwrap();
    let (status, _, body) = other.get(&app, &format!("/links/{secret}")).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(body.contains("expired"));
    // A new link replaces an unused older one.
    let first = store
        .issue_link(late.id, LinkPurpose::Invite, |_| catalogue::store::Mail {
            recipient: late.email.clone(),
            subject: "s".into(),
            body: "b".into(),
        })
        .await
        .unwrap();
    let second = store
        .issue_link(late.id, LinkPurpose::Invite, |_| catalogue::store::Mail {
            recipient: late.email.clone(),
            subject: "s".into(),
            body: "b".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        other.get(&app, &format!("/links/{first}")).await.0,
        StatusCode::GONE
    );
    assert_eq!(
        other.get(&app, &format!("/links/{second}")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        other.get(&app, "/links/not-a-link").await.0,
        StatusCode::GONE
    );
}

trait ParseId {
    fn parse_id(&self) -> catalogue::domain::ProviderId;
}

impl ParseId for &str {
    fn parse_id(&self) -> catalogue::domain::ProviderId {
        catalogue::domain::ProviderId::parse(self).unwrap()
    }
}

#[tokio::test]
async fn a_person_can_ask_for_a_reset_link_without_revealing_who_has_accounts() {
    let app = app_with_people().await;
    let mut browser = Browser::default();
    browser.get(&app, "/forgot-password").await;
    let (status, _, known) = browser
        .post(
            &app,
            "/forgot-password",
            &[("email", "ana@jclec.example.org")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, unknown) = browser
        .post(&app, "/forgot-password", &[("email", "nobody@example.org")])
        .await;
    let strip = |page: &str, email: &str| page.replace(email, "EMAIL");
    assert_eq!(
        strip(&known, "ana@jclec.example.org").replace(|c: char| c.is_ascii_hexdigit(), ""),
        strip(&unknown, "nobody@example.org").replace(|c: char| c.is_ascii_hexdigit(), ""),
        "the same answer either way"
    );
    let mail = app.mail_to_come("ana@jclec.example.org").await;
    assert!(app.last_mail_to("nobody@example.org").await.is_none());
    assert!(mail.body.contains("2 hours"));
    let link = link_path(&mail.body);
    let mut ana = Browser::default();
    ana.get(&app, &link).await;
    let (status, _, _) = ana
        .post(
            &app,
            &link,
            &[
                ("password", "new lantern harbour"),
                ("confirm", "new lantern harbour"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let mut old = Browser::default();
    old.get(&app, "/sign-in").await;
    let (status, _, _) = old
        .post(
            &app,
            "/sign-in",
            &[("email", "ana@jclec.example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password is gone");
}

#[tokio::test]
async fn forms_without_the_session_token_or_from_another_site_are_refused() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, "ana@jclec.example.org").await;
    let before = app.snapshot().await;
    let confirm = "/dashboard/listings/jclec-investigating-people-smuggling/confirm";
    let (status, _, body) = ana.post(&app, confirm, &[("csrf", "")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        body.contains("This form has expired or was not sent from this site"),
        "{body}"
    );
    let (status, _, _) = ana
        .post(&app, confirm, &[("csrf", "0123456789abcdef")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Another browser's token does not fit this session.
    let sam = sign_in(&app, "sam@secretariat.example.org").await;
    let (status, _, _) = ana
        .post(&app, confirm, &[("csrf", sam.token.as_deref().unwrap())])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A browser saying the form came from another site.
    let request = Request::post(confirm)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .header("cookie", ana.cookie.clone().unwrap())
        .body(Body::from(format!("csrf={}", ana.token.clone().unwrap())))
        .unwrap();
    let (status, _, body) = app.request(request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("sent from another site"), "{body}");
    assert_eq!(app.snapshot().await, before, "nothing changed");
    // With its token, from this site, it works.
    let (status, _, _) = ana.post(&app, confirm, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_ne!(app.snapshot().await, before);
}

#[tokio::test]
async fn pages_for_people_send_visitors_to_sign_in_and_back() {
    let app = app_with_people().await;
    let (status, headers, _) = app.get("/dashboard/listings/new").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers["location"],
        "/sign-in?then=%2Fdashboard%2Flistings%2Fnew"
    );
    let mut browser = Browser::default();
    browser
        .get(&app, "/sign-in?then=%2Fdashboard%2Flistings%2Fnew")
        .await;
    let (_, headers, _) = browser
        .post(
            &app,
            "/sign-in",
            &[
                ("email", "ana@jclec.example.org"),
                ("password", PASSWORD),
                ("then", "/dashboard/listings/new"),
            ],
        )
        .await;
    assert_eq!(headers["location"], "/dashboard/listings/new");
    // Another site's address is not followed.
    let mut browser = Browser::default();
    browser.get(&app, "/sign-in").await;
    let (_, headers, _) = browser
        .post(
            &app,
            "/sign-in",
            &[
                ("email", "ana@jclec.example.org"),
                ("password", PASSWORD),
                ("then", "//evil.example.org/"),
            ],
        )
        .await;
    assert_eq!(headers["location"], "/dashboard");
}
