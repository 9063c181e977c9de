//! Contributors own their listings; the Secretariat curates them: the
//! lifecycle through the site and the API, revisions under review, the
//! audit trail, confirmation and enquiries.

use axum::http::StatusCode;
use catalogue::domain::Role;
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp, api, hit_ids, sign_in};

pub const OWNER: &str = "ana@jclec.example.org";
const SECRETARIAT: &str = "sam@secretariat.example.org";
/// A published fixture listing of JCLEC.
pub const PUBLISHED: &str = "jclec-investigating-people-smuggling";

pub async fn app_with_people() -> TestApp {
    let app = TestApp::with_fixtures().await;
    app.person(OWNER, Role::Contributor, Some("jclec")).await;
    app.person("omar@iom.example.org", Role::Contributor, Some("iom-roap"))
        .await;
    app.person(SECRETARIAT, Role::Secretariat, None).await;
    app
}

fn course_form(id: &str, title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("org", "jclec".into()),
        ("id", id.into()),
        ("kind", "course".into()),
        ("delivery", "blended".into()),
        ("lang", "en".into()),
        ("title", title.into()),
        (
            "summary",
            "Examining travel documents for signs of forgery at the border.".into(),
        ),
        ("topics", "document-examination".into()),
        ("languages", "en".into()),
        ("languages", "id".into()),
        ("contact-name", "Training Desk".into()),
        ("contact-email", "training@jclec.example.org".into()),
        ("session-start-0", "2027-06-07".into()),
        ("session-end-0", "2027-06-11".into()),
        ("tr-lang-0", "id".into()),
        ("tr-title-0", "Pemeriksaan dokumen perjalanan".into()),
        (
            "tr-summary-0",
            "Memeriksa dokumen perjalanan palsu di perbatasan.".into(),
        ),
    ]
}

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn search_ids(app: &TestApp, query: &str) -> Vec<String> {
    app.catch_up().await;
    let (status, answer) = app.get_json(&format!("/api/v1/search?q={query}")).await;
    assert_eq!(status, StatusCode::OK);
    hit_ids(&answer)
}

#[tokio::test]
async fn a_listing_goes_from_draft_through_review_to_the_public_catalogue() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    ana.get(&app, "/dashboard/listings/new").await;

    // Problems are shown next to their fields and what was typed is kept.
    let mut form = course_form("jclec-forgery-2027", "");
    form.push(("contact-phone", "+62 24 1234".into()));
    form.retain(|(k, _)| *k != "languages");
    form.push(("action", "submit".into()));
    let (status, _, page) = ana
        .post(&app, "/dashboard/listings/new", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"title-error\""), "{page}");
    assert!(page.contains("aria-describedby=\"title-error\""));
    assert!(page.contains("Languages it is taught in: 0 given; give between 1 and 20."));
    assert!(
        page.contains("value=\"+62 24 1234\""),
        "typed values are kept"
    );
    assert!(
        page.contains("Pemeriksaan dokumen perjalanan"),
        "translations are kept"
    );

    let mut form = course_form("jclec-forgery-2027", "Travel document forgery detection");
    form.push(("action", "save".into()));
    let (status, headers, _) = ana
        .post(&app, "/dashboard/listings/new", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers["location"],
        "/dashboard/listings/jclec-forgery-2027?done=saved"
    );
    assert_eq!(
        app.get("/listings/jclec-forgery-2027").await.0,
        StatusCode::NOT_FOUND,
        "a draft is not public"
    );
    let (_, _, dashboard) = ana.get(&app, "/dashboard").await;
    assert!(dashboard.contains("Draft (1)"), "{dashboard}");

    let edit = "/dashboard/listings/jclec-forgery-2027";
    ana.get(&app, edit).await;
    let (status, _, _) = ana
        .post(&app, "/dashboard/listings/jclec-forgery-2027/submit", &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        search_ids(&app, "forgery+detection")
            .await
            .iter()
            .all(|id| id != "jclec-forgery-2027"),
        "not public while submitted"
    );

    // The Secretariat sends it back with a comment.
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (_, _, queue) = sam.get(&app, "/review").await;
    assert!(queue.contains("Travel document forgery detection"));
    let (_, _, review) = sam.get(&app, "/review/jclec-forgery-2027").await;
    assert!(review.contains("A new listing: every field"));
    let (status, _, _) = sam
        .post(
            &app,
            "/review/jclec-forgery-2027/request-changes",
            &[("comment", "  ")],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a comment is required"
    );
    let (status, _, _) = sam
        .post(
            &app,
            "/review/jclec-forgery-2027/request-changes",
            &[("comment", "Please give the city where it is held.")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, dashboard) = ana.get(&app, "/dashboard").await;
    assert!(dashboard.contains("Changes requested by the Secretariat"));
    assert!(dashboard.contains("Please give the city where it is held."));

    // Resubmitted with the change, then approved.
    let (_, _, page) = ana.get(&app, edit).await;
    assert!(page.contains("Please give the city where it is held."));
    let mut form = course_form("jclec-forgery-2027", "Travel document forgery detection");
    form.push(("location-city", "Semarang".into()));
    form.push(("location-country", "ID".into()));
    form.push(("action", "submit".into()));
    let (status, _, _) = ana.post(&app, edit, &pairs(&form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    sam.get(&app, "/review/jclec-forgery-2027").await;
    let (status, _, _) = sam
        .post(&app, "/review/jclec-forgery-2027/approve", &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        search_ids(&app, "forgery+detection")
            .await
            .first()
            .map(String::as_str),
        Some("jclec-forgery-2027")
    );
    let (status, _, page) = app.get("/listings/jclec-forgery-2027").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Semarang"));

    // The history records each step, who did it, and the fields that changed.
    let (status, _, history) = ana.get(&app, "/listings/jclec-forgery-2027/history").await;
    assert_eq!(status, StatusCode::OK);
    let steps = [
        "Created as a draft",
        "Submitted for review",
        "Changes requested",
        "Edited and submitted for review",
        "Approved",
    ];
    let mut at = 0;
    for step in steps {
        let found = history[at..]
            .find(&format!("<strong>{step}</strong>"))
            .unwrap_or_else(|| panic!("{step} missing: {history}"));
        at += found;
    }
    assert!(
        history.contains("ana@jclec.example.org")
            && history.contains("sam@secretariat.example.org")
    );
    assert!(history.contains("<code>location.city</code>") && history.contains("Semarang"));
}

#[tokio::test]
async fn editing_a_published_listing_keeps_it_live_until_the_revision_is_approved() {
    let app = app_with_people().await;
    let (_, _, original) = app.get(&format!("/listings/{PUBLISHED}")).await;
    let original_title = "Investigating People Smuggling";
    assert!(original.contains(original_title), "{original}");

    let mut ana = sign_in(&app, OWNER).await;
    let edit = format!("/dashboard/listings/{PUBLISHED}");
    let (_, _, page) = ana.get(&app, &edit).await;
    // Resubmit the form as shown, with a new title.
    let listing = app
        .catalogue
        .store
        .listing_record(PUBLISHED)
        .await
        .unwrap()
        .unwrap();
    let mut fields = catalogue_form_fields(listing.current());
    fields.retain(|(k, _)| k != "title");
    fields.push((
        "title".into(),
        "Investigating People Smuggling, Revised Edition".into(),
    ));
    fields.push(("action".into(), "submit".into()));
    assert!(page.contains("name=\"title\""));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, _, _) = ana.post(&app, &edit, &borrowed).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let (_, _, public) = app.get(&format!("/listings/{PUBLISHED}")).await;
    assert!(
        public.contains(original_title) && !public.contains("Revised Edition"),
        "the published version is unchanged"
    );
    let (_, _, page) = ana.get(&app, &edit).await;
    assert!(page.contains("waiting for review; the published version stays as it is"));

    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (_, _, review) = sam.get(&app, &format!("/review/{PUBLISHED}")).await;
    assert!(review.contains("Changes against the published version"));
    assert!(review.contains("<code>title</code>"));
    assert!(
        !review.contains("<code>summary</code>"),
        "only changed fields are listed"
    );
    sam.post(&app, &format!("/review/{PUBLISHED}/approve"), &[])
        .await;
    app.catch_up().await;
    let (_, _, public) = app.get(&format!("/listings/{PUBLISHED}")).await;
    assert!(public.contains("Investigating People Smuggling, Revised Edition"));
}

/// The listing form's fields for an existing listing, as a browser would
/// send them back.
fn catalogue_form_fields(listing: &catalogue::domain::Listing) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = vec![
        ("kind".into(), listing.kind.as_str().into()),
        ("delivery".into(), listing.delivery.as_str().into()),
        ("lang".into(), listing.lang.to_string()),
        ("title".into(), listing.title.clone()),
        ("summary".into(), listing.summary.clone()),
        (
            "description".into(),
            listing.description.clone().unwrap_or_default(),
        ),
        ("contact-name".into(), listing.contact.name.clone()),
        (
            "contact-role".into(),
            listing.contact.role.clone().unwrap_or_default(),
        ),
        ("contact-email".into(), listing.contact.email.clone()),
        (
            "contact-phone".into(),
            listing.contact.phone.clone().unwrap_or_default(),
        ),
        ("url".into(), listing.url.clone().unwrap_or_default()),
    ];
    if let Some(location) = &listing.location {
        fields.push(("location-city".into(), location.city.clone()));
        fields.push(("location-country".into(), location.country.to_string()));
    }
    for topic in &listing.topics {
        fields.push(("topics".into(), topic.to_string()));
    }
    for language in &listing.languages {
        fields.push(("languages".into(), language.to_string()));
    }
    for audience in &listing.audience {
        fields.push(("audience".into(), audience.to_string()));
    }
    for (i, session) in listing.sessions.iter().enumerate() {
        fields.push((format!("session-start-{i}"), session.start.to_string()));
        fields.push((format!("session-end-{i}"), session.end.to_string()));
    }
    for (i, (tag, t)) in listing.translations.iter().enumerate() {
        fields.push((format!("tr-lang-{i}"), tag.to_string()));
        fields.push((format!("tr-title-{i}"), t.title.clone()));
        fields.push((format!("tr-summary-{i}"), t.summary.clone()));
        fields.push((
            format!("tr-description-{i}"),
            t.description.clone().unwrap_or_default(),
        ));
    }
    fields
}

#[tokio::test]
async fn withdrawn_and_archived_listings_leave_the_catalogue() {
    let app = app_with_people().await;
    assert!(
        search_ids(&app, "investigating+people+smuggling")
            .await
            .contains(&PUBLISHED.to_owned())
    );
    let mut ana = sign_in(&app, OWNER).await;
    ana.get(&app, &format!("/dashboard/listings/{PUBLISHED}"))
        .await;
    let (status, _, _) = ana
        .post(
            &app,
            &format!("/dashboard/listings/{PUBLISHED}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        !search_ids(&app, "investigating+people+smuggling")
            .await
            .contains(&PUBLISHED.to_owned())
    );
    assert_eq!(
        app.get(&format!("/listings/{PUBLISHED}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/v1/listings/{PUBLISHED}")).await.0,
        StatusCode::NOT_FOUND
    );

    // Exports carry only published listings.
    let exported = app.catalogue.store.all_listings().await.unwrap();
    assert!(exported.iter().all(|l| l.id.as_str() != PUBLISHED));

    let archived = "jclec-national-training-directors-2027";
    let mut sam = sign_in(&app, SECRETARIAT).await;
    sam.get(&app, &format!("/review/{archived}")).await;
    let (status, _, _) = sam
        .post(&app, &format!("/review/{archived}/archive"), &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&format!("/listings/{archived}")).await.0,
        StatusCode::NOT_FOUND
    );
    // Its owner can no longer revise it.
    let listing = app
        .catalogue
        .store
        .listing_record(archived)
        .await
        .unwrap()
        .unwrap();
    let mut fields = catalogue_form_fields(listing.current());
    fields.push(("action".into(), "submit".into()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    ana.get(&app, "/dashboard").await;
    let (status, _, page) = ana
        .post(&app, &format!("/dashboard/listings/{archived}"), &borrowed)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("archived"), "{page}");
}

#[tokio::test]
async fn listings_unconfirmed_for_a_year_are_flagged_until_their_owner_confirms() {
    let app = app_with_people().await;
    let db = app.db().await;
    sqlx::query("UPDATE listings SET confirmed_at = '2025-06-01T00:00:00.000Z' WHERE id = ?1")
        .bind(PUBLISHED)
        .execute(&db)
        .await
        .unwrap();
    let (_, _, page) = app.get(&format!("/listings/{PUBLISHED}")).await;
    assert!(page.contains("Not confirmed for over a year"));
    let mut ana = sign_in(&app, OWNER).await;
    let (_, _, dashboard) = ana.get(&app, "/dashboard").await;
    assert!(dashboard.contains("Due for confirmation"));
    assert!(dashboard.contains("last confirmed 1 Jun 2025"));
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (_, _, dashboard) = sam.get(&app, "/dashboard").await;
    assert!(
        dashboard.contains("Due for confirmation")
            && dashboard.contains("Investigating People Smuggling")
    );

    let (status, headers, _) = ana
        .post(
            &app,
            &format!("/dashboard/listings/{PUBLISHED}/confirm"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/dashboard?done=confirmed");
    let (_, _, dashboard) = ana.get(&app, "/dashboard?done=confirmed").await;
    assert!(!dashboard.contains("Due for confirmation"));
    assert!(dashboard.contains("confirmed as current"));
    let (_, _, page) = app.get(&format!("/listings/{PUBLISHED}")).await;
    assert!(!page.contains("Not confirmed for over a year"));
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert!(
        page.contains(&format!(
            "Confirmed by its provider</dt><dd><time datetime=\"{today}\""
        )),
        "{page}"
    );
    let history = app.catalogue.store.history(PUBLISHED).await.unwrap();
    assert_eq!(history.last().unwrap().action, "confirmed");
}

#[tokio::test]
async fn an_enquiry_reaches_the_owners_contributors_without_showing_their_address() {
    let app = app_with_people().await;
    let (_, _, page) = app.get(&format!("/listings/{PUBLISHED}")).await;
    assert!(page.contains(&format!("/listings/{PUBLISHED}/enquiry")));
    assert!(!page.contains(OWNER), "contributors' addresses are private");

    let mut visitor = Browser::default();
    let (status, _, form) = visitor
        .get(&app, &format!("/listings/{PUBLISHED}/enquiry"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!form.contains(OWNER));
    let path = format!("/listings/{PUBLISHED}/enquiry");
    let (status, _, page) = visitor
        .post(
            &app,
            &path,
            &[
                ("name", "Somchai"),
                ("email", "not-an-address"),
                ("message", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"email-error\"") && page.contains("id=\"message-error\""));
    assert!(page.contains("value=\"Somchai\""));
    let (status, headers, _) = visitor
        .post(
            &app,
            &path,
            &[
                ("name", "Somchai"),
                ("email", "somchai@immigration.example.go.th"),
                ("message", "Is there a session in 2028?"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, thanks) = visitor
        .get(&app, headers["location"].to_str().unwrap())
        .await;
    assert!(thanks.contains("on its way to the provider"));

    let mail = app
        .last_mail_to(OWNER)
        .await
        .expect("mail to the owner's contributor");
    assert!(
        mail.body.contains("Is there a session in 2028?")
            && mail.body.contains("somchai@immigration.example.go.th")
    );
    assert!(
        app.last_mail_to("omar@iom.example.org").await.is_none(),
        "not to other organisations"
    );
    let mut ana = sign_in(&app, OWNER).await;
    let (_, _, dashboard) = ana.get(&app, "/dashboard").await;
    assert!(dashboard.contains("Is there a session in 2028?"));
    let mut omar = sign_in(&app, "omar@iom.example.org").await;
    let (_, _, dashboard) = omar.get(&app, "/dashboard").await;
    assert!(!dashboard.contains("Is there a session in 2028?"));

    // Floods are slowed down: five in a burst, then one a minute.
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let (status, _, _) = visitor
            .post(
                &app,
                &path,
                &[
                    ("name", "S"),
                    ("email", "s@example.org"),
                    ("message", "again"),
                ],
            )
            .await;
        statuses.push(status);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
}

pub async fn token_for(app: &TestApp, email: &str) -> String {
    let account = app
        .catalogue
        .store
        .account_by_email(email)
        .await
        .unwrap()
        .unwrap();
    app.catalogue
        .store
        .create_api_token(account.id)
        .await
        .unwrap()
}

pub fn api_listing(id: &str, title: &str) -> Value {
    json!({
        "id": id,
        "kind": "workshop",
        "title": title,
        "summary": "Joint investigation teams across the region.",
        "topics": ["law-enforcement-cooperation"],
        "languages": ["en"],
        "provider": {"id": "jclec", "name": "anything", "type": "academic", "country": "TH"},
        "contact": {"name": "Desk", "email": "desk@jclec.example.org"}
    })
}

#[tokio::test]
async fn the_api_submits_revises_reviews_and_withdraws() {
    let app = app_with_people().await;
    let owner = token_for(&app, OWNER).await;
    let secretariat = token_for(&app, SECRETARIAT).await;
    let body = api_listing("jclec-jit-workshop", "Joint investigation teams workshop");

    let (status, headers, answer) = app
        .request(api("POST", "/api/v1/listings", Some(&owner), Some(&body)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(headers["content-type"], "application/json");
    let answer: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(
        answer,
        json!({"id": "jclec-jit-workshop", "status": "submitted"})
    );
    assert!(
        !search_ids(&app, "joint+investigation+teams")
            .await
            .contains(&"jclec-jit-workshop".to_owned())
    );
    let (status, _, _) = app
        .request(api("POST", "/api/v1/listings", Some(&owner), Some(&body)))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "the id is taken");

    let (status, _, answer) = app
        .request(api(
            "POST",
            "/api/v1/listings/jclec-jit-workshop/request-changes",
            Some(&secretariat),
            Some(&json!({})),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let (status, _, _) = app
        .request(api(
            "POST",
            "/api/v1/listings/jclec-jit-workshop/request-changes",
            Some(&secretariat),
            Some(&json!({"comment": "Add the dates."})),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut revised = body.clone();
    revised["sessions"] = json!([{"start": "2027-09-01", "end": "2027-09-03"}]);
    let (status, _, _) = app
        .request(api(
            "PUT",
            "/api/v1/listings/jclec-jit-workshop",
            Some(&owner),
            Some(&revised),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, answer) = app
        .request(api(
            "POST",
            "/api/v1/listings/jclec-jit-workshop/approve",
            Some(&secretariat),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        serde_json::from_str::<Value>(&answer).unwrap()["status"],
        "published"
    );
    assert!(
        search_ids(&app, "joint+investigation+teams")
            .await
            .contains(&"jclec-jit-workshop".to_owned())
    );
    let (_, published) = app.get_json("/api/v1/listings/jclec-jit-workshop").await;
    assert_eq!(
        published["provider"]["name"], "Jakarta Centre for Law Enforcement Cooperation (JCLEC)",
        "the organisation's record wins"
    );

    // A revision of a published listing leaves it as it is until approved.
    let mut renamed = revised.clone();
    renamed["title"] = json!("Joint investigation teams: advanced workshop");
    let (status, _, _) = app
        .request(api(
            "PUT",
            "/api/v1/listings/jclec-jit-workshop",
            Some(&owner),
            Some(&renamed),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, published) = app.get_json("/api/v1/listings/jclec-jit-workshop").await;
    assert_eq!(published["title"], "Joint investigation teams workshop");
    let mut wrong_id = renamed.clone();
    wrong_id["id"] = json!("jclec-other");
    let (status, _, answer) = app
        .request(api(
            "PUT",
            "/api/v1/listings/jclec-jit-workshop",
            Some(&owner),
            Some(&wrong_id),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.contains("cannot change"));

    let (status, _, history) = app
        .request(api(
            "GET",
            "/api/v1/listings/jclec-jit-workshop/history",
            Some(&owner),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let history: Vec<Value> = serde_json::from_str(&history).unwrap();
    let actions: Vec<&str> = history
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "created and submitted for review",
            "changes requested",
            "edited and submitted for review",
            "approved",
            "edited and submitted for review"
        ]
    );
    assert_eq!(history[1]["comment"], "Add the dates.");
    assert!(
        history[2]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["field"] == "sessions")
    );

    let (status, _, answer) = app
        .request(api(
            "DELETE",
            "/api/v1/listings/jclec-jit-workshop",
            Some(&owner),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&answer).unwrap()["status"],
        "withdrawn"
    );
    assert!(
        !search_ids(&app, "joint+investigation+teams")
            .await
            .contains(&"jclec-jit-workshop".to_owned())
    );
    let (status, _, answer) = app
        .request(api(
            "DELETE",
            &format!("/api/v1/listings/{PUBLISHED}"),
            Some(&secretariat),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&answer).unwrap()["status"],
        "archived"
    );
}

#[tokio::test]
async fn the_api_explains_bad_requests() {
    let app = app_with_people().await;
    let owner = token_for(&app, OWNER).await;
    let (status, headers, body) = app
        .request(api("POST", "/api/v1/listings", None, Some(&json!({}))))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert!(body.contains("catalogue token create"));
    let (status, _, _) = app
        .request(api(
            "POST",
            "/api/v1/listings",
            Some("not-a-token"),
            Some(&json!({})),
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let request = axum::http::Request::post("/api/v1/listings")
        .header("authorization", format!("Bearer {owner}"))
        .body(axum::body::Body::from("{not json"))
        .unwrap();
    let (status, _, body) = app.request(request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("not valid JSON"));
    let mut invalid = api_listing("jclec-x", "");
    invalid["topics"] = json!(["no-such-topic"]);
    let (status, _, body) = app
        .request(api(
            "POST",
            "/api/v1/listings",
            Some(&owner),
            Some(&invalid),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = serde_json::from_str(&body).unwrap();
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "topics[0]"]);
    let (status, _, _) = app
        .request(api(
            "POST",
            "/api/v1/listings/no-such-listing/approve",
            Some(&owner),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_secretariat_curates_topics() {
    let app = app_with_people().await;
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (status, _, page) = sam.get(&app, "/admin/topics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("border-management"));
    let (status, _, page) = sam
        .post(
            &app,
            "/admin/topics",
            &[
                ("slug", "Maritime SAR"),
                ("label", ""),
                ("description", "x"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"slug-error\"") && page.contains("id=\"label-error\""));
    let (status, _, _) = sam
        .post(
            &app,
            "/admin/topics",
            &[
                ("slug", "maritime-search-and-rescue"),
                ("label", "Maritime search and rescue"),
                (
                    "description",
                    "Saving lives at sea during irregular movements.",
                ),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, page) = sam
        .post(
            &app,
            "/admin/topics",
            &[
                ("slug", "maritime-search-and-rescue"),
                ("label", "Again"),
                ("description", "Again."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("exists already"));

    // The new topic is offered in the listing form and accepted.
    let mut ana = sign_in(&app, OWNER).await;
    let (_, _, form) = ana.get(&app, "/dashboard/listings/new").await;
    assert!(form.contains("value=\"maritime-search-and-rescue\""));
    let mut fields = course_form("jclec-sar-2027", "Search and rescue at sea");
    fields.retain(|(k, _)| *k != "topics");
    fields.push(("topics", "maritime-search-and-rescue".into()));
    fields.push(("action", "submit".into()));
    let (status, _, page) = ana
        .post(&app, "/dashboard/listings/new", &pairs(&fields))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");

    // Renaming a topic makes its listings findable by the new label.
    let on_topic = "jclec-immigration-liaison-officers".to_owned();
    assert!(
        !search_ids(&app, "frontier+control")
            .await
            .contains(&on_topic)
    );
    let (status, _, _) = sam
        .post(
            &app,
            "/admin/topics/border-management",
            &[
                ("label", "Frontier control"),
                ("description", "Managing borders and frontier posts."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        search_ids(&app, "frontier+control")
            .await
            .contains(&on_topic)
    );
    let (_, _, page) = app.get("/?topic=border-management").await;
    assert!(page.contains("Frontier control"), "facet labels follow");
    let (status, _, _) = sam
        .post(
            &app,
            "/admin/topics/no-such-topic",
            &[("label", "X"), ("description", "Y")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn renaming_an_organisation_renames_it_on_its_listings() {
    let app = app_with_people().await;
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (status, _, page) = sam.get(&app, "/admin/organisations/jclec").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Jakarta Centre for Law Enforcement Cooperation"));
    let (status, _, page) = sam
        .post(
            &app,
            "/admin/organisations/jclec",
            &[
                ("name", ""),
                ("kind", "regional-institution"),
                ("country", "ID"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"name-error\""));
    let (status, _, _) = sam
        .post(
            &app,
            "/admin/organisations/jclec",
            &[
                ("name", "JCLEC Bintaro Campus"),
                ("kind", "regional-institution"),
                ("country", "ID"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, listing) = app.get_json(&format!("/api/v1/listings/{PUBLISHED}")).await;
    assert_eq!(listing["provider"]["name"], "JCLEC Bintaro Campus");
    app.catch_up().await;
    let (_, answer) = app.get_json("/api/v1/search?q=bintaro").await;
    assert!(
        hit_ids(&answer).contains(&PUBLISHED.to_owned()),
        "reindexed under the new name"
    );
    let (status, _, _) = sam
        .post(
            &app,
            "/admin/organisations/no-such-org",
            &[("name", "X"), ("kind", "academic"), ("country", "ID")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_review_queue_shows_the_longest_waiting_first() {
    let app = app_with_people().await;
    let owner = token_for(&app, OWNER).await;
    for (id, title) in [
        ("jclec-first-waiting", "First waiting workshop"),
        ("jclec-second-waiting", "Second waiting workshop"),
    ] {
        let (status, _, _) = app
            .request(api(
                "POST",
                "/api/v1/listings",
                Some(&owner),
                Some(&api_listing(id, title)),
            ))
            .await;
        assert_eq!(status, StatusCode::CREATED);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (_, _, queue) = sam.get(&app, "/review").await;
    let first = queue.find("First waiting workshop").unwrap();
    let second = queue.find("Second waiting workshop").unwrap();
    assert!(first < second, "oldest first");
    assert!(queue.contains("2 waiting"));
}

#[tokio::test]
async fn a_draft_withdrawn_before_publication_stays_on_the_dashboard_and_can_return() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    ana.get(&app, "/dashboard/listings/new").await;
    let mut form = course_form("jclec-withdrawn-draft", "A draft that was withdrawn");
    form.push(("action", "save".into()));
    let (status, _, _) = ana
        .post(&app, "/dashboard/listings/new", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let edit = "/dashboard/listings/jclec-withdrawn-draft";
    ana.get(&app, edit).await;
    let (status, _, _) = ana.post(&app, &format!("{edit}/withdraw"), &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, dashboard) = ana.get(&app, "/dashboard").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        dashboard.contains("Withdrawn (1)") && dashboard.contains("A draft that was withdrawn"),
        "{dashboard}"
    );
    let (status, _, page) = ana.get(&app, edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("value=\"A draft that was withdrawn\""));
    let mut form = course_form("jclec-withdrawn-draft", "A draft that came back");
    form.push(("action", "submit".into()));
    let (status, _, _) = ana.post(&app, edit, &pairs(&form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let record = app
        .catalogue
        .store
        .listing_record("jclec-withdrawn-draft")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.state,
        catalogue::domain::lifecycle::ListingState::Submitted
    );
    let (status, _, history) = ana
        .get(&app, "/listings/jclec-withdrawn-draft/history")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(history.contains("<strong>Withdrawn</strong>"));
}

#[tokio::test]
async fn an_action_that_does_not_exist_is_not_found() {
    let app = app_with_people().await;
    let mut secretariat = sign_in(&app, SECRETARIAT).await;
    let mut owner = sign_in(&app, OWNER).await;

    let (status, _, _) = secretariat
        .post(&app, &format!("/review/{PUBLISHED}/publish-twice"), &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = owner
        .post(
            &app,
            &format!("/dashboard/listings/{PUBLISHED}/delete"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = owner
        .post(
            &app,
            &format!("/dashboard/listings/{PUBLISHED}/confirm"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn what_the_store_finds_missing_is_said_in_the_readers_language() {
    let app = app_with_people().await;
    let mut secretariat = sign_in(&app, SECRETARIAT).await;
    secretariat.accept_language = Some("th");

    let (status, _, body) = secretariat
        .post(
            &app,
            "/admin/topics/no-such-topic",
            &[("label", "ป้ายชื่อ"), ("description", "หนึ่งประโยค")],
        )
        .await;

    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("ไม่มีหัวข้อ “no-such-topic”"), "{body}");
}

#[tokio::test]
async fn the_secretariat_names_a_topic_in_each_language_and_search_and_pages_follow() {
    let app = app_with_people().await;
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (_, _, page) = sam.get(&app, "/admin/topics").await;
    // Seeded from the vocabulary files: the Thai name is there to edit.
    assert!(
        page.contains(r#"name="name-th" lang="th" value="การบริหารจัดการชายแดน""#),
        "{page}"
    );

    let renamed = "การจัดการพรมแดนทางบก";
    assert!(!topic_page_in(&app, "th").await.contains(renamed));
    let on_topic = "jclec-immigration-liaison-officers".to_owned();
    let query = url::form_urlencoded::byte_serialize(renamed.as_bytes()).collect::<String>();
    assert!(!search_ids(&app, &query).await.contains(&on_topic));

    let (status, _, _) = sam
        .post(
            &app,
            "/admin/topics/border-management",
            &[
                ("label", "Border management"),
                ("description", "Managing borders."),
                ("name-th", renamed),
                ("name-id", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // Readers of Thai see the new name, and a Thai search by it finds the
    // topic's listings, all of them in English.
    assert!(topic_page_in(&app, "th").await.contains(renamed));
    assert!(search_ids(&app, &query).await.contains(&on_topic));
    // The Indonesian name was removed: Indonesian readers see the English label.
    let page = topic_page_in(&app, "id").await;
    assert!(page.contains("Border management"));
    assert!(!page.contains("Manajemen perbatasan"));
    // Names survive a restart: seeding does not undo what was changed.
    let app = app.restart().await;
    let (_, _, page) = sam.get(&app, "/admin/topics").await;
    assert!(page.contains(renamed));

    // A name too long is refused with what was wrong.
    let long = "ก".repeat(201);
    let (status, _, page) = sam
        .post(
            &app,
            "/admin/topics/border-management",
            &[
                ("label", "Border management"),
                ("description", "Managing borders."),
                ("name-th", long.as_str()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Names in other languages"), "{page}");
}

/// The search filtered on border management, for a reader of `lang`.
async fn topic_page_in(app: &TestApp, lang: &str) -> String {
    let request = axum::http::Request::get("/?topic=border-management")
        .header("cookie", format!("catalogue_lang={lang}"))
        .body(axum::body::Body::empty())
        .unwrap();
    app.request(request).await.2
}
