//! Mail that makes the workflow move: notices of workflow steps to who
//! chose them, in their language; freshness reminders with one-click
//! confirmation links (signed, single use, expiring); the weekly digest;
//! and each person's settings page. Mail is delivered through a fake SMTP
//! server and read back with a MIME parser.

use axum::http::StatusCode;
use catalogue::app::{self, Mailer, confirm_link, notices};
use catalogue::domain::lifecycle::Action;
use catalogue::domain::{Actor, Listing, ListingId, Role};
use catalogue::store::MailSettings;
use mailparse::MailHeaderMap;
use time::OffsetDateTime;
use url::Url;

use crate::coverage::is_current;
use crate::helpers::{Browser, TestApp, fixture_values, sample, sign_in};
use crate::mail::fake_smtp_server;

const SECRETARIAT_TH: &str = "somchai@secretariat.example.org";
const SECRETARIAT_QUIET: &str = "quiet@secretariat.example.org";
const OWNER_ID: &str = "ana@jclec.example.org";
const OWNER_QUIET: &str = "budi@jclec.example.org";

fn public_url() -> Url {
    Url::parse("https://catalogue.example.org/").unwrap()
}

/// A message as its recipient's mail program reads it.
#[derive(Debug)]
struct Delivered {
    to: String,
    subject: String,
    body: String,
}

/// The messages of an SMTP transcript, un-dot-stuffed, parsed.
fn messages_in(transcript: &str) -> Vec<Delivered> {
    let mut found = Vec::new();
    let mut data: Option<Vec<String>> = None;
    for line in transcript.lines() {
        match &mut data {
            None if line.eq_ignore_ascii_case("DATA") => data = Some(Vec::new()),
            None => {}
            Some(lines) if line == "." => {
                let raw = lines.join("\r\n");
                let parsed = mailparse::parse_mail(raw.as_bytes()).unwrap();
                let header = |name: &str| parsed.headers.get_first_value(name).unwrap_or_default();
                found.push(Delivered {
                    to: header("To"),
                    subject: header("Subject"),
                    body: parsed.get_body().unwrap().replace("\r\n", "\n"),
                });
                data = None;
            }
            Some(lines) => lines.push(line.strip_prefix('.').unwrap_or(line).to_owned()),
        }
    }
    found
}

/// Sends the whole outbox through a fake SMTP server; what it received.
async fn deliver(app: &TestApp) -> Vec<Delivered> {
    let store = &app.catalogue.store;
    let (url, mut received) = fake_smtp_server(false).await;
    let mailer = Mailer::new(&url, "Catalogue <no-reply@catalogue.example.org>").unwrap();
    while !store.unsent_mail(5, 1).await.unwrap().is_empty() {
        app::send_outbox(store, &mailer).await;
    }
    let mut delivered = Vec::new();
    while let Ok(Some(transcript)) =
        tokio::time::timeout(std::time::Duration::from_millis(300), received.recv()).await
    {
        delivered.extend(messages_in(&transcript));
    }
    delivered
}

fn to<'a>(delivered: &'a [Delivered], address: &str) -> Vec<&'a Delivered> {
    delivered
        .iter()
        .filter(|m| m.to.contains(address))
        .collect()
}

async fn choose(
    app: &TestApp,
    email: &str,
    language: &str,
    change: impl FnOnce(&mut MailSettings),
) {
    let store = &app.catalogue.store;
    let account = store.account_by_email(email).await.unwrap().unwrap();
    let mut settings = store.mail_settings(account.id).await.unwrap();
    settings.language = Some(language.to_owned());
    change(&mut settings);
    store
        .set_mail_settings(account.id, &settings)
        .await
        .unwrap();
}

async fn actor(app: &TestApp, email: &str) -> Actor {
    let store = &app.catalogue.store;
    store
        .account_by_email(email)
        .await
        .unwrap()
        .unwrap()
        .actor()
}

/// Two Secretariat people (one opted in to reviews and the digest, in
/// Thai; one not) and two JCLEC contributors (one in Indonesian; one who
/// turned news of listings and reminders off).
async fn app_with_readers() -> TestApp {
    let app = TestApp::with_fixtures().await;
    app.person(SECRETARIAT_TH, Role::Secretariat, None).await;
    app.person(SECRETARIAT_QUIET, Role::Secretariat, None).await;
    app.person(OWNER_ID, Role::Contributor, Some("jclec")).await;
    app.person(OWNER_QUIET, Role::Contributor, Some("jclec"))
        .await;
    choose(&app, SECRETARIAT_TH, "th", |s| {
        s.choices.reviews = true;
        s.choices.digest = true;
    })
    .await;
    choose(&app, OWNER_ID, "id", |_| {}).await;
    choose(&app, OWNER_QUIET, "en", |s| {
        s.choices.listing_news = false;
        s.choices.reminders = false;
    })
    .await;
    app
}

fn jclec_listing(id: &str, title: &str) -> Listing {
    let mut listing = sample(id);
    listing.title = title.to_owned();
    listing.provider.id = catalogue::domain::ProviderId::parse("jclec").unwrap();
    listing
}

#[tokio::test]
async fn each_workflow_step_is_told_to_who_chose_it_in_their_language() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let url = public_url();
    let owner = actor(&app, OWNER_ID).await;
    let reviewer = actor(&app, SECRETARIAT_TH).await;
    let id = "jclec-border-risk-2027";

    // A new listing submitted: the Secretariat's subscriber hears, in Thai.
    store
        .write_listing(&owner, jclec_listing(id, "Border risk analysis"), true)
        .await
        .unwrap();
    assert_eq!(notices::announce(store, &url).await.unwrap(), 1);
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    let mail = &delivered[0];
    assert!(mail.to.contains(SECRETARIAT_TH), "{mail:?}");
    assert_eq!(mail.subject, "รอการตรวจ: “Border risk analysis”");
    assert!(mail.body.contains("ส่งรายการใหม่ให้ตรวจ"), "{}", mail.body);
    assert!(
        mail.body
            .contains("https://catalogue.example.org/review/jclec-border-risk-2027"),
        "{}",
        mail.body
    );
    assert!(
        mail.body
            .contains("https://catalogue.example.org/account/settings"),
        "says where to change what one receives: {}",
        mail.body
    );

    // Sent back with a comment: the owner hears in Indonesian, with the
    // comment; the contributor who opted out does not.
    store
        .act(
            &reviewer,
            id,
            Action::RequestChanges,
            Some("Please add the dates of the 2027 session."),
        )
        .await
        .unwrap();
    notices::announce(store, &url).await.unwrap();
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    let mail = &delivered[0];
    assert!(mail.to.contains(OWNER_ID), "{mail:?}");
    assert_eq!(mail.subject, "Perubahan diminta: “Border risk analysis”");
    assert!(
        mail.body
            .contains("Please add the dates of the 2027 session."),
        "{}",
        mail.body
    );
    assert!(
        mail.body
            .contains("https://catalogue.example.org/dashboard/listings/jclec-border-risk-2027"),
        "{}",
        mail.body
    );

    // Submitted again and approved: published, told to the owner.
    store.act(&owner, id, Action::Submit, None).await.unwrap();
    store
        .act(&reviewer, id, Action::Approve, None)
        .await
        .unwrap();
    notices::announce(store, &url).await.unwrap();
    let delivered = deliver(&app).await;
    assert_eq!(to(&delivered, SECRETARIAT_TH).len(), 1, "the resubmission");
    let published = to(&delivered, OWNER_ID);
    assert_eq!(published.len(), 1, "{delivered:?}");
    assert_eq!(published[0].subject, "Terbit: “Border risk analysis”");
    assert!(
        published[0]
            .body
            .contains("https://catalogue.example.org/listings/jclec-border-risk-2027")
    );
    assert!(to(&delivered, OWNER_QUIET).is_empty());
    assert!(to(&delivered, SECRETARIAT_QUIET).is_empty());

    // A revision of the published listing is announced as one.
    store
        .write_listing(
            &owner,
            jclec_listing(id, "Border risk analysis (2027)"),
            true,
        )
        .await
        .unwrap();
    notices::announce(store, &url).await.unwrap();
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert_eq!(
        delivered[0].subject,
        "การแก้ไขรอการตรวจ: “Border risk analysis (2027)”"
    );

    // Archived with a comment: told to the owner, with the comment.
    store
        .act(
            &reviewer,
            id,
            Action::Archive,
            Some("Replaced by the 2028 course."),
        )
        .await
        .unwrap();
    notices::announce(store, &url).await.unwrap();
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert!(delivered[0].to.contains(OWNER_ID));
    assert_eq!(
        delivered[0].subject,
        "Diarsipkan: “Border risk analysis (2027)”"
    );
    assert!(delivered[0].body.contains("Replaced by the 2028 course."));

    // Nothing is announced twice.
    assert_eq!(notices::announce(store, &url).await.unwrap(), 0);
    assert!(deliver(&app).await.is_empty());
}

#[tokio::test]
async fn nobody_is_told_of_their_own_step_and_an_upgrade_does_not_announce_the_past() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let url = public_url();
    // The fixtures' import is in the audit trail from before any cursor
    // moved: the cursor starts past it, so nothing of it is announced.
    assert_eq!(notices::announce(store, &url).await.unwrap(), 0);

    // A Secretariat member who opted in submits on an organisation's
    // behalf: not told of it; approving it, the owner is told.
    let reviewer = actor(&app, SECRETARIAT_TH).await;
    store
        .write_listing(
            &reviewer,
            jclec_listing("jclec-on-behalf", "On behalf"),
            true,
        )
        .await
        .unwrap();
    store
        .act(&reviewer, "jclec-on-behalf", Action::Approve, None)
        .await
        .unwrap();
    assert_eq!(notices::announce(store, &url).await.unwrap(), 1);
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert!(delivered[0].to.contains(OWNER_ID));
}

#[tokio::test]
async fn an_enquiry_reaches_each_contributor_in_their_language() {
    let app = app_with_readers().await;
    choose(&app, OWNER_ID, "zh", |_| {}).await;
    let mut browser = Browser::default();
    let path = format!("/listings/{}/enquiry", crate::ownership::PUBLISHED);
    browser.get(&app, &path).await;
    let (status, _, _) = browser
        .post(
            &app,
            &path,
            &[
                ("name", "Dara"),
                ("email", "dara@immigration.example.gov.kh"),
                ("message", "Is there a session in Phnom Penh?"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let delivered = deliver(&app).await;
    let chinese = to(&delivered, OWNER_ID);
    assert_eq!(chinese.len(), 1, "{delivered:?}");
    assert!(
        chinese[0].subject.starts_with("关于“"),
        "{}",
        chinese[0].subject
    );
    let english = to(&delivered, OWNER_QUIET);
    assert_eq!(
        english.len(),
        1,
        "enquiries are not a choice: {delivered:?}"
    );
    assert!(english[0].subject.starts_with("Enquiry about"));
}

/// Sets when listing `id` was last confirmed, `days` ago.
async fn confirmed_days_ago(app: &TestApp, id: &str, days: i64) -> String {
    let at =
        catalogue::store::format_timestamp(OffsetDateTime::now_utc() - time::Duration::days(days));
    let db = app.db().await;
    sqlx::query("UPDATE listings SET confirmed_at = ?2 WHERE id = ?1")
        .bind(id)
        .bind(&at)
        .execute(&db)
        .await
        .unwrap();
    db.close().await;
    at
}

async fn confirmed_at(app: &TestApp, id: &str) -> String {
    let db = app.db().await;
    let at: String = sqlx::query_scalar("SELECT confirmed_at FROM listings WHERE id = ?1")
        .bind(id)
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;
    at
}

/// The `/confirm/...` path of the link after `title` in a reminder.
fn confirm_path(body: &str, title: &str) -> String {
    let after = &body[body
        .find(title)
        .unwrap_or_else(|| panic!("{title} in {body}"))..];
    let start = after.find("/confirm/").expect("a confirmation link");
    after[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

fn fixture_ids_of(org: &str) -> Vec<String> {
    fixture_values()
        .iter()
        .filter(|l| l["provider"]["id"] == org)
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn reminders_come_a_month_before_and_at_a_year_with_a_link_that_confirms_once() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let url = public_url();
    let jclec = fixture_ids_of("jclec");
    assert!(jclec.len() >= 2, "{jclec:?}");
    let (soon, due) = (&jclec[0], &jclec[1]);
    confirmed_days_ago(&app, soon, 340).await;
    confirmed_days_ago(&app, due, 400).await;
    // An organisation nobody signs in for: the listing's contact is told.
    let unowned = fixture_values()
        .into_iter()
        .find(|l| l["provider"]["id"] == "iom-roap")
        .expect("an IOM listing");
    let unowned_id = unowned["id"].as_str().unwrap();
    let contact = unowned["contact"]["email"].as_str().unwrap().to_lowercase();
    confirmed_days_ago(&app, unowned_id, 380).await;
    // One not yet due: confirmed 300 days ago.
    if let Some(third) = jclec.get(2) {
        confirmed_days_ago(&app, third, 300).await;
    }

    let now = OffsetDateTime::now_utc();
    assert_eq!(notices::remind(store, &url, now).await.unwrap(), 3);
    assert_eq!(
        notices::remind(store, &url, now).await.unwrap(),
        0,
        "each reminder is queued once"
    );
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 3, "{delivered:?}");
    assert!(to(&delivered, OWNER_QUIET).is_empty(), "opted out");

    let owner_mail = to(&delivered, OWNER_ID);
    assert_eq!(owner_mail.len(), 2, "{owner_mail:?}");
    let soon_title = store
        .listing(&ListingId::parse(soon).unwrap())
        .await
        .unwrap()
        .unwrap()
        .title;
    let due_title = store
        .listing(&ListingId::parse(due).unwrap())
        .await
        .unwrap()
        .unwrap()
        .title;
    let soon_mail = owner_mail
        .iter()
        .find(|m| m.subject == "Mohon pastikan daftar Anda masih berlaku")
        .expect("the month-before reminder, in Indonesian");
    assert!(soon_mail.body.contains(&soon_title));
    assert!(!soon_mail.body.contains(&due_title));
    assert!(
        soon_mail.body.contains("Dalam 30 hari"),
        "{}",
        soon_mail.body
    );
    let due_mail = owner_mail
        .iter()
        .find(|m| m.subject == "Daftar Anda sudah setahun belum dipastikan")
        .expect("the reminder at a year, in Indonesian");
    assert!(due_mail.body.contains(&due_title));

    let contact_mail = to(&delivered, &contact);
    assert_eq!(contact_mail.len(), 1, "{delivered:?}");
    assert_eq!(
        contact_mail[0].subject,
        "Your listings have gone a year unconfirmed"
    );
    assert!(
        contact_mail[0]
            .body
            .contains("ask the Secretariat for an invitation"),
        "{}",
        contact_mail[0].body
    );
    assert!(
        !contact_mail[0].body.contains("/account/settings"),
        "no settings to point to without an account"
    );

    // The link, opened without signing in: a page asking, which changes
    // nothing (mail filters open links).
    let path = confirm_path(&due_mail.body, &due_title);
    let before = confirmed_at(&app, due).await;
    let mut browser = Browser::default();
    let (status, _, page) = browser.get(&app, &path).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains(&due_title), "{page}");
    assert_eq!(
        confirmed_at(&app, due).await,
        before,
        "opening does not confirm"
    );

    // The button confirms, once.
    let (status, _, page) = browser.post(&app, &path, &[]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("is confirmed as current"), "{page}");
    assert_ne!(confirmed_at(&app, due).await, before);
    let history = store.history(due).await.unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "confirmed");
    assert!(last.actor.contains("link in a reminder"), "{}", last.actor);

    let (status, _, page) = browser.post(&app, &path, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("was confirmed on"), "used: {page}");
    assert_eq!(
        store.history(due).await.unwrap().len(),
        history.len(),
        "a second use confirms nothing"
    );

    // Confirmed, it is not reminded again; the other still is not twice.
    assert_eq!(notices::remind(store, &url, now).await.unwrap(), 0);
}

#[tokio::test]
async fn a_confirmation_link_is_refused_when_forged_expired_or_no_longer_published() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let id = crate::ownership::PUBLISHED;
    let at = confirmed_days_ago(&app, id, 400).await;
    let future = (OffsetDateTime::now_utc() + time::Duration::days(30)).unix_timestamp();
    let mut browser = Browser::default();

    // A page with a form gives the browser its form token.
    browser.get(&app, "/sign-in").await;

    // Expired: signed, but its time is past.
    let past = (OffsetDateTime::now_utc() - time::Duration::minutes(1)).unix_timestamp();
    let expired = confirm_link::make(store, id, &at, past).await.unwrap();
    let (status, _, page) = browser.get(&app, &format!("/confirm/{expired}")).await;
    assert_eq!(status, StatusCode::GONE, "{page}");
    assert!(page.contains("has expired"), "{page}");
    let (status, _, _) = browser
        .post(&app, &format!("/confirm/{expired}"), &[])
        .await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(
        confirmed_at(&app, id).await,
        at,
        "an expired link confirms nothing"
    );

    // Forged: a later expiry with the old signature, or another signature.
    let valid = confirm_link::make(store, id, &at, future).await.unwrap();
    let (_, _, signature) = {
        let mut parts = valid.splitn(3, '.');
        (parts.next(), parts.next(), parts.next().unwrap())
    };
    for forged in [
        format!("{id}.{}.{signature}", future + 86_400),
        format!("{id}.{future}.{}", "0".repeat(64)),
        format!("{id}.{future}"),
        "not-a-link".to_owned(),
        format!("no-such-listing.{future}.{signature}"),
    ] {
        let (status, _, page) = browser.post(&app, &format!("/confirm/{forged}"), &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{forged}: {page}");
        assert!(page.contains("is not valid"), "{page}");
    }
    assert_eq!(
        confirmed_at(&app, id).await,
        at,
        "a forged link confirms nothing"
    );

    // Two uses at once: one confirms.
    let path = format!("/confirm/{valid}");
    browser.get(&app, &path).await;
    let (mut first, mut second) = (browser.clone(), browser.clone());
    let (a, b) = tokio::join!(first.post(&app, &path, &[]), second.post(&app, &path, &[]));
    let confirmations = [a.2, b.2]
        .iter()
        .filter(|page| page.contains("is confirmed as current"))
        .count();
    assert_eq!(confirmations, 1);
    let confirmed = store
        .history(id)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "confirmed")
        .count();
    assert_eq!(confirmed, 1);

    // Withdrawn since: nothing to confirm.
    let owner = actor(&app, OWNER_ID).await;
    let at = confirmed_at(&app, id).await;
    let link = confirm_link::make(store, id, &at, future).await.unwrap();
    store.act(&owner, id, Action::Withdraw, None).await.unwrap();
    let (status, _, page) = browser.get(&app, &format!("/confirm/{link}")).await;
    assert_eq!(status, StatusCode::GONE, "{page}");
    assert!(page.contains("no longer published"), "{page}");
}

#[tokio::test]
async fn the_weekly_digest_tells_the_week_once_with_figures_counted_independently() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let url = public_url();
    // Waiting for review: one listing.
    let owner = actor(&app, OWNER_ID).await;
    store
        .write_listing(
            &owner,
            jclec_listing("jclec-waiting", "Waiting course"),
            true,
        )
        .await
        .unwrap();
    // Unconfirmed for a year: two.
    let jclec = fixture_ids_of("jclec");
    confirmed_days_ago(&app, &jclec[0], 370).await;
    confirmed_days_ago(&app, &jclec[1], 500).await;
    // Searches that find nothing: one three times, another once.
    for query in ["zzqx", "zzqx", "zzqx", "qqqzz"] {
        let (status, _, _) = app.get(&format!("/?q={query}")).await;
        assert_eq!(status, StatusCode::OK);
    }
    app.search_log.flush().await;

    let now = OffsetDateTime::now_utc();
    assert_eq!(notices::send_digest(store, &url, now).await.unwrap(), 1);
    assert_eq!(
        notices::send_digest(store, &url, now).await.unwrap(),
        0,
        "once a week"
    );
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "only who opted in: {delivered:?}");
    let digest = &delivered[0];
    assert!(digest.to.contains(SECRETARIAT_TH));
    assert_eq!(
        digest.subject,
        format!("สัปดาห์ของแคตตาล็อก ({})", notices::iso_week(now))
    );
    let body = &digest.body;
    assert!(body.contains("รอการตรวจ: 1"), "{body}");
    assert!(body.contains("Waiting course"), "{body}");
    assert!(
        body.contains("https://catalogue.example.org/review/jclec-waiting"),
        "{body}"
    );
    assert!(
        body.contains("รายการที่เผยแพร่และไม่ได้รับการยืนยันมาหนึ่งปี: 2"),
        "{body}"
    );
    let ended = fixture_values().iter().filter(|l| !is_current(l)).count();
    assert!(
        body.contains(&format!("รายการที่เผยแพร่และทุกรอบจบลงแล้ว: {ended}")),
        "{ended} ended, counted from the fixtures: {body}"
    );
    let zzqx = body
        .find("zzqx (3 ครั้ง)")
        .unwrap_or_else(|| panic!("most frequent first: {body}"));
    let qqqzz = body.find("qqqzz (1 ครั้ง)").expect("then the other");
    assert!(zzqx < qqqzz, "{body}");

    // The next week has its own.
    let next_week = now + time::Duration::days(7);
    assert_eq!(
        notices::send_digest(store, &url, next_week).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn each_person_chooses_what_they_receive_and_its_language() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;

    // A contributor is offered news of listings and reminders, both on by
    // default, and not the Secretariat's choices.
    let mut browser = sign_in(&app, OWNER_QUIET).await;
    choose(&app, OWNER_QUIET, "en", |s| {
        s.choices.listing_news = true;
        s.choices.reminders = true;
    })
    .await;
    let (status, _, page) = browser.get(&app, "/account/settings").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"name="listing-news" value="on" checked"#),
        "{page}"
    );
    assert!(
        page.contains(r#"name="reminders" value="on" checked"#),
        "{page}"
    );
    assert!(!page.contains(r#"name="reviews""#), "{page}");

    let (status, headers, _) = browser
        .post(
            &app,
            "/account/settings",
            &[("language", "vi"), ("listing-news", "on")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/account/settings?done=settings");
    let id = store
        .account_by_email(OWNER_QUIET)
        .await
        .unwrap()
        .unwrap()
        .id;
    let settings = store.mail_settings(id).await.unwrap();
    assert_eq!(settings.language.as_deref(), Some("vi"));
    assert!(settings.choices.listing_news);
    assert!(!settings.choices.reminders, "unticked");
    let (_, _, page) = browser.get(&app, "/account/settings?done=settings").await;
    assert!(page.contains("Your choices are saved."), "{page}");
    assert!(page.contains(r#"<option value="vi" selected>"#), "{page}");

    // A language the catalogue does not speak is refused, saying why.
    let (status, _, page) = browser
        .post(&app, "/account/settings", &[("language", "xx")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Choose one of the languages in the list."),
        "{page}"
    );
    assert_eq!(store.mail_settings(id).await.unwrap(), settings);

    // Without the form's token, or signed in, nothing changes.
    let (status, _, _) = browser
        .post(
            &app,
            "/account/settings",
            &[("csrf", "forged"), ("language", "th")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut stranger = Browser::default();
    let (status, headers, _) = stranger
        .post(&app, "/account/settings", &[("language", "th")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"]
            .to_str()
            .unwrap()
            .starts_with("/sign-in")
    );
    assert_eq!(store.mail_settings(id).await.unwrap(), settings);

    // The Secretariat is offered reviews and the digest, off by default.
    let mut secretariat = sign_in(&app, SECRETARIAT_QUIET).await;
    let (_, _, page) = secretariat.get(&app, "/account/settings").await;
    assert!(page.contains(r#"name="reviews" value="on">"#), "{page}");
    assert!(page.contains(r#"name="digest" value="on">"#), "{page}");
    assert!(!page.contains(r#"name="reminders""#), "{page}");
    secretariat
        .post(
            &app,
            "/account/settings",
            &[("language", "km"), ("reviews", "on")],
        )
        .await;
    let quiet = store
        .account_by_email(SECRETARIAT_QUIET)
        .await
        .unwrap()
        .unwrap();
    let chosen = store.mail_settings(quiet.id).await.unwrap();
    assert!(chosen.choices.reviews && !chosen.choices.digest);

    // And now hears of submissions, in Khmer.
    let owner = actor(&app, OWNER_ID).await;
    store
        .write_listing(&owner, jclec_listing("jclec-khmer", "Khmer notice"), true)
        .await
        .unwrap();
    notices::announce(store, &public_url()).await.unwrap();
    let delivered = deliver(&app).await;
    let khmer = to(&delivered, SECRETARIAT_QUIET);
    assert_eq!(khmer.len(), 1, "{delivered:?}");
    assert_eq!(khmer[0].subject, "កំពុងរង់ចាំការពិនិត្យ៖ “Khmer notice”");
}

#[tokio::test]
async fn a_person_who_accepts_an_invitation_gets_mail_in_the_language_they_did_it_in() {
    let app = TestApp::with_fixtures().await;
    let store = &app.catalogue.store;
    let account = store
        .add_account(
            "noy@lao-immigration.example.gov.la",
            "Noy",
            Role::Contributor,
            Some(&catalogue::domain::ProviderId::parse("jclec").unwrap()),
        )
        .await
        .unwrap();
    let link = app::mail::send_link(
        store,
        &account,
        catalogue::store::LinkPurpose::Invite,
        |s| format!("/links/{s}"),
    )
    .await
    .unwrap();
    assert_eq!(
        store.mail_settings(account.id).await.unwrap().language,
        None
    );
    let mut browser = Browser {
        accept_language: Some("lo"),
        ..Browser::default()
    };
    browser.get(&app, &link).await;
    let (status, _, page) = browser
        .post(
            &app,
            &link,
            &[
                ("password", "a long enough passphrase"),
                ("confirm", "a long enough passphrase"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    assert_eq!(
        store
            .mail_settings(account.id)
            .await
            .unwrap()
            .language
            .as_deref(),
        Some("lo")
    );
}

#[tokio::test]
async fn two_housekeepers_at_once_queue_each_notice_and_reminder_once() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let url = public_url();
    let owner = actor(&app, OWNER_ID).await;
    for n in 0..5 {
        store
            .write_listing(
                &owner,
                jclec_listing(&format!("jclec-twice-{n}"), "Twice"),
                true,
            )
            .await
            .unwrap();
    }
    let jclec = fixture_ids_of("jclec");
    confirmed_days_ago(&app, &jclec[0], 400).await;
    let now = OffsetDateTime::now_utc();
    // A second store on the same database, as a second process would have.
    let other = catalogue::store::Store::open(&app.paths.database())
        .await
        .unwrap();
    let (a, b) = tokio::join!(
        notices::announce(store, &url),
        notices::announce(&other, &url)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 5, "five submissions, one reader");
    let (a, b) = tokio::join!(
        notices::remind(store, &url, now),
        notices::remind(&other, &url, now)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let (a, b) = tokio::join!(
        notices::send_digest(store, &url, now),
        notices::send_digest(&other, &url, now)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 7, "{delivered:?}");
    other.close().await;
}

#[tokio::test]
async fn housekeeping_queues_the_notices_by_itself() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    let owner = actor(&app, OWNER_ID).await;
    store
        .write_listing(&owner, jclec_listing("jclec-by-itself", "By itself"), true)
        .await
        .unwrap();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let housekeeper = app::keep_house(store.clone(), None, public_url(), stopped);
    // Its first round queues the notice, and the weekly digest this reader
    // chose, in whichever order.
    let mut subjects = Vec::new();
    for _ in 0..500 {
        subjects = store
            .recent_mail(100)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.recipient == SECRETARIAT_TH)
            .map(|m| m.subject)
            .collect();
        if subjects.len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        subjects.contains(&"รอการตรวจ: “By itself”".to_owned()),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.starts_with("สัปดาห์ของแคตตาล็อก")),
        "{subjects:?}"
    );
    stop.send(true).unwrap();
    housekeeper.await.unwrap();
}

#[tokio::test]
async fn odd_confirmation_links_are_answered_with_a_reason() {
    let app = TestApp::with_fixtures().await;
    for path in [
        "/confirm/%FF%FE",
        "/confirm/..",
        "/confirm/a.b.c.d.e",
        "/confirm/jclec-investigating-people-smuggling.99999999999999999999999.00",
        "/confirm/jclec-investigating-people-smuggling.-1.00",
    ] {
        let (status, _, page) = app.get(path).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{path}: {status} {page}"
        );
        assert!(page.contains("<h1>"), "{path}: an explained page: {page}");
    }
    // Any address that is not text is refused before it is routed, with
    // a reason, on the site and in the API.
    for path in [
        "/links/%FF%FE",
        "/admin/people/%C3%28/reset",
        "/language/%FF",
    ] {
        let (status, _, page) = app.get(path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {page}");
        assert!(page.contains("characters that are not text"), "{page}");
    }
    let (status, _, body) = app.get("/api/v1/listings/%FF").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("\"detail\""), "{body}");
}

#[tokio::test]
async fn a_password_link_someone_else_sends_is_in_the_persons_language() {
    let app = app_with_readers().await;
    let store = &app.catalogue.store;
    choose(&app, OWNER_QUIET, "vi", |_| {}).await;
    let account = store.account_by_email(OWNER_QUIET).await.unwrap().unwrap();
    // Sent from the command line, whose language is English.
    app::mail::send_link(store, &account, catalogue::store::LinkPurpose::Reset, |s| {
        format!("/links/{s}")
    })
    .await
    .unwrap();
    let delivered = deliver(&app).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert_eq!(
        delivered[0].subject,
        "Chọn mật khẩu mới cho Danh mục Đào tạo Khu vực"
    );
}
