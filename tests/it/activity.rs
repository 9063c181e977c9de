//! The Secretariat's list of what has happened across the catalogue.

use axum::http::StatusCode;
use catalogue::domain::Role;
use serde_json::json;

use crate::helpers::{TestApp, api, sign_in};
use crate::ownership::token_for;

const SECRETARIAT: &str = "desk@secretariat.example.org";
const JCLEC: &str = "ana@jclec.example.org";
const IOM: &str = "omar@iom.example.org";

fn listing(id: &str, org: &str) -> serde_json::Value {
    let mut listing = crate::helpers::sample_listing(id);
    listing["provider"]["id"] = json!(org);
    listing
}

#[tokio::test]
async fn the_activity_list_shows_each_step_newest_first_and_by_organisation() {
    let app = TestApp::with_fixtures().await;
    app.person(SECRETARIAT, Role::Secretariat, None).await;
    app.person(JCLEC, Role::Contributor, Some("jclec")).await;
    app.person(IOM, Role::Contributor, Some("iom-roap")).await;
    let jclec = token_for(&app, JCLEC).await;
    let iom = token_for(&app, IOM).await;
    let desk = token_for(&app, SECRETARIAT).await;
    let step = async |method: &str, path: String, token: &str, body: Option<serde_json::Value>| {
        let (status, _, answer) = app
            .request(api(method, &path, Some(token), body.as_ref()))
            .await;
        assert!(status.is_success(), "{method} {path}: {answer}");
    };
    step(
        "POST",
        "/api/v1/listings".into(),
        &jclec,
        Some(listing("jclec-activity-one", "jclec")),
    )
    .await;
    step(
        "POST",
        "/api/v1/listings".into(),
        &iom,
        Some(listing("iom-activity-two", "iom-roap")),
    )
    .await;
    step(
        "POST",
        "/api/v1/listings/jclec-activity-one/approve".into(),
        &desk,
        None,
    )
    .await;
    step(
        "POST",
        "/api/v1/listings/iom-activity-two/request-changes".into(),
        &desk,
        Some(json!({"comment": "Add the session dates, please."})),
    )
    .await;
    step(
        "DELETE",
        "/api/v1/listings/jclec-activity-one".into(),
        &jclec,
        None,
    )
    .await;

    let mut browser = sign_in(&app, SECRETARIAT).await;
    // An organisation added on the site.
    browser.get(&app, "/admin/organisations").await;
    let (status, _, body) = browser
        .post(
            &app,
            "/admin/organisations",
            &[
                ("id", "lk-navy"),
                ("name", "Sri Lanka Navy Training Command"),
                ("kind", "member-state"),
                ("country", "LK"),
            ],
        )
        .await;
    assert!(status.is_redirection(), "{body}");

    let (status, _, page) = browser.get(&app, "/admin/activity").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let order = [
        "Organisation added",
        "Withdrawn",
        "Changes requested",
        "Approved",
        "Created and submitted for review",
        "Created and submitted for review",
    ];
    let mut at = 0;
    for what in order {
        let found = page[at..]
            .find(&format!("<td>{what}"))
            .unwrap_or_else(|| panic!("{what} after position {at}: {page}"));
        at += found + 1;
    }
    assert!(page.contains("<q>Add the session dates, please.</q>"));
    assert!(page.contains(r#"<a href="/listings/jclec-activity-one/history">"#));
    assert!(
        page.contains(
            r#"<a href="/admin/organisations/lk-navy">Sri Lanka Navy Training Command</a>"#
        )
    );
    assert!(page.contains("Person added (Contributor)"));

    // One organisation's only.
    let (status, _, page) = browser.get(&app, "/admin/activity?org=iom-roap").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("iom-activity-two"));
    assert!(!page.contains("jclec-activity-one"), "{page}");
    assert!(
        !page.contains(r#"href="/admin/organisations/lk-navy""#),
        "{page}"
    );
    assert!(page.contains(r#"<option value="iom-roap" selected>"#));

    let (status, _, body) = browser.get(&app, "/admin/activity?org=nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("nobody"));
    let (status, _, _) = browser.get(&app, "/admin/activity?page=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let mut contributor = sign_in(&app, JCLEC).await;
    let (status, _, _) = contributor.get(&app, "/admin/activity").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
