//! Listings from spreadsheets: the templates, an upload's check of every
//! row with each problem at its cell, saving all or nothing, the command
//! line's import of the same files, a round trip through every format
//! going out, and possible duplicates flagged to submitters and reviewers.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use catalogue::domain::lifecycle::ListingState;
use catalogue::domain::{Listing, Vocabulary};
use catalogue::interchange::sheet::{self, Owners};
use catalogue::interchange::{csv as sheet_csv, xlsx};

use crate::helpers::{Browser, TestApp, fixture_listings, sample, sign_in};
use crate::ownership::{OWNER, PUBLISHED, app_with_people};

const SECRETARIAT: &str = "sam@secretariat.example.org";
const OTHER_OWNER: &str = "omar@iom.example.org";

/// Sends `bytes` as the file of the upload form, as a browser does.
async fn upload(
    browser: &mut Browser,
    app: &TestApp,
    name: &str,
    bytes: &[u8],
    token: Option<&str>,
) -> (StatusCode, String) {
    browser.get(app, "/dashboard/upload").await;
    let token = token
        .map(str::to_owned)
        .or_else(|| browser.token.clone())
        .unwrap();
    let boundary = "----catalogue-upload-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post("/dashboard/upload")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let (status, _, page) = browser.send(app, request).await;
    (status, page)
}

/// The address of the confirmation form in a check's page.
fn confirm_path(page: &str) -> String {
    let start = page
        .find("action=\"/dashboard/upload/")
        .expect("a confirmation form")
        + "action=\"".len();
    page[start..].chars().take_while(|c| *c != '"').collect()
}

/// The text of the cell `id` (such as `r3-kind`) in a check's page.
fn cell(page: &str, id: &str) -> String {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no cell {id}"));
    let rest = &page[start..];
    rest[..rest.find("</td>").unwrap()].to_owned()
}

const HEADER: &str =
    "id,kind,lang,title,summary,topics,languages,provider_id,contact_name,contact_email,sessions";

fn row(id: &str, title: &str) -> String {
    format!(
        "{id},course,en,{title},Five days on examining travel documents at the border.,document-examination,en; th,,Training Office,training@jclec.example.org,2027-03-01/2027-03-05; 2027-09-06/2027-09-10"
    )
}

async fn state_of(app: &TestApp, id: &str) -> Option<ListingState> {
    app.catalogue
        .store
        .listing_record(id)
        .await
        .unwrap()
        .map(|r| r.state)
}

#[tokio::test]
async fn an_upload_shows_every_problem_beside_its_cell_and_writes_nothing() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    let before = app.snapshot().await;
    let file = format!(
        "{HEADER}\n{}\n\
         bad-one,lecture,en,Title,Summary,knitting,en,,Desk,not-an-address,2027-02-30/2027-03-01\n\
         lost-translation,,th,ชื่อ,สรุป,,,,,,\n\
         {}\n",
        row("good-one", "Document examination"),
        row("good-one", "Twice the same id"),
    );

    let (status, page) = upload(&mut ana, &app, "courses.csv", file.as_bytes(), None).await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    // Row 2 is fine; row 3 has a problem in four cells; row 4 is a
    // translation of no listing; row 5 repeats an id.
    assert!(!cell(&page, "r2-kind").contains("cell-problem"));
    for (column, words) in [
        ("kind", "not one of course, workshop"),
        ("topics", "knitting"),
        ("contact_email", "not an e-mail address"),
        ("sessions", "is not a session"),
    ] {
        let text = cell(&page, &format!("r3-{column}"));
        assert!(text.contains("cell-problem"), "{column}: {text}");
        assert!(text.contains(words), "{column}: {text}");
        // The summary links each problem to its cell.
        assert!(page.contains(&format!("href=\"#r3-{column}\"")), "{column}");
        assert!(
            page.contains(&format!("Row 3, column {column}:")),
            "{column}"
        );
    }
    assert!(cell(&page, "r4-kind").contains("no listing row has the id"));
    assert!(cell(&page, "r5-id").contains("give each listing its own id"));
    assert!(page.contains("6 problems to correct"), "{page}");
    assert!(
        !page.contains("action=\"/dashboard/upload/"),
        "no confirmation"
    );
    assert_eq!(app.snapshot().await, before, "nothing was written");
}

#[tokio::test]
async fn a_check_says_each_problem_in_the_readers_language() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    ana.accept_language = Some("th");
    let file = format!(
        "{HEADER},location_city\n\
         thai-check,lecture,en,,Summary,knitting,xx-yy-zz-123456789,,Desk,desk@example.org,2027-13-01,Bangkok\n"
    );
    let (status, page) = upload(&mut ana, &app, "thai.csv", file.as_bytes(), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for (column, thai) in [
        ("kind", "“lecture” ไม่ใช่ค่าใดค่าหนึ่งใน course, workshop"),
        ("title", "โปรดกรอกช่องนี้"),
        ("languages", "ไม่ใช่รหัสภาษา"),
        ("sessions", "ไม่ใช่รอบการอบรม"),
        ("location_country", "โปรดระบุประเทศของเมืองด้วย"),
    ] {
        let text = cell(&page, &format!("r2-{column}"));
        assert!(text.contains(thai), "{column}: {text}");
    }
    assert!(page.contains("แถว 2 คอลัมน์ kind"), "{page}");
}

#[tokio::test]
async fn a_valid_workbook_is_checked_then_saved_as_drafts_all_at_once_and_once() {
    let app = app_with_people().await;
    app.catch_up().await;
    let mut ana = sign_in(&app, OWNER).await;
    let mut first = sample("jclec-sheet-one");
    first.provider.id = catalogue::domain::ProviderId::parse("jclec").unwrap();
    first.title = "Maritime search and rescue coordination".into();
    first.translations.insert(
        catalogue::domain::LanguageTag::parse("th").unwrap(),
        catalogue::domain::Translation {
            title: "การประสานงานค้นหาและกู้ภัยทางทะเล".into(),
            summary: "หลักสูตรห้าวันสำหรับเจ้าหน้าที่ชายฝั่ง".into(),
            description: None,
        },
    );
    let mut second = sample("jclec-sheet-two");
    second.provider.id = first.provider.id.clone();
    second.title = "Interviewing vulnerable witnesses".into();
    second.summary = "Trauma-informed interviewing of trafficked persons.".into();
    let workbook = xlsx::write(&[first, second]).unwrap();

    let (status, page) = upload(&mut ana, &app, "courses.xlsx", &workbook, None).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("3 row(s): 2 listing(s) and 1 translation(s)"),
        "{page}"
    );
    assert!(page.contains("Every row is valid"));
    assert_eq!(state_of(&app, "jclec-sheet-one").await, None, "not yet");

    let confirm = confirm_path(&page);
    let (status, headers, _) = ana.post(&app, &confirm, &[("action", "draft")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/dashboard?done=uploaded-drafts");
    for id in ["jclec-sheet-one", "jclec-sheet-two"] {
        assert_eq!(state_of(&app, id).await, Some(ListingState::Draft), "{id}");
    }
    let record = app
        .catalogue
        .store
        .listing_record("jclec-sheet-one")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.current().translations.len(), 1);
    // The organisation's record names the provider, whatever the file says.
    assert_eq!(record.current().provider.id.as_str(), "jclec");

    // The same confirmation again writes nothing more.
    let (status, _, page) = ana.post(&app, &confirm, &[("action", "submit")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{page}");
    assert!(page.contains("already saved"), "{page}");
    assert_eq!(
        state_of(&app, "jclec-sheet-two").await,
        Some(ListingState::Draft)
    );
}

#[tokio::test]
async fn a_file_whose_saving_is_refused_for_one_listing_saves_none() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    let file = format!(
        "{HEADER}\n{}\n{}\n",
        row("jclec-sheet-new-one", "A new course"),
        row(PUBLISHED, "A new version of a published course"),
    );
    let (status, page) = upload(&mut ana, &app, "two.csv", file.as_bytes(), None).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Updates your listing with this id"));
    // Between the check and the confirmation, the Secretariat archives the
    // published one: writing it is refused, so the whole file is.
    app.catalogue
        .store
        .act(
            &catalogue::domain::Actor::operator(),
            PUBLISHED,
            catalogue::domain::lifecycle::Action::Archive,
            None,
        )
        .await
        .unwrap();
    let before = app.snapshot().await;
    let (status, _, page) = ana
        .post(&app, &confirm_path(&page), &[("action", "submit")])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{page}");
    assert!(page.contains("archived"), "{page}");
    assert_eq!(
        app.snapshot().await,
        before,
        "nothing of the file was written"
    );
    assert_eq!(state_of(&app, "jclec-sheet-new-one").await, None);
}

#[tokio::test]
async fn uploaded_listings_submitted_for_review_reach_the_review_queue() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    let file = format!("{HEADER}\n{}\n", row("jclec-sheet-review", "Forged visas"));
    let (status, page) = upload(&mut ana, &app, "one.csv", file.as_bytes(), None).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (status, headers, _) = ana
        .post(&app, &confirm_path(&page), &[("action", "submit")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/dashboard?done=uploaded-submitted");
    let queue = app.catalogue.store.review_queue().await.unwrap();
    assert!(queue.iter().any(|r| r.id.as_str() == "jclec-sheet-review"));
}

#[tokio::test]
async fn an_upload_may_not_touch_another_organisations_listings() {
    let app = app_with_people().await;
    let mut omar = sign_in(&app, OTHER_OWNER).await;
    let file = format!(
        "{HEADER}\n{}\n{}\n",
        row(PUBLISHED, "Taking over another's listing"),
        row("iom-for-jclec", "Listing for another organisation")
            .replace(",,Training", ",jclec,Training"),
    );
    let before = app.snapshot().await;
    let (status, page) = upload(&mut omar, &app, "mine.csv", file.as_bytes(), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(
        cell(&page, "r2-id").contains("another organisation"),
        "{page}"
    );
    assert!(
        cell(&page, "r3-provider_id").contains("not an organisation you may list for"),
        "{page}"
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn the_secretariat_names_the_organisation_of_each_row() {
    let app = app_with_people().await;
    let mut sam = sign_in(&app, SECRETARIAT).await;
    let blank = format!("{HEADER}\n{}\n", row("sec-upload", "For whom"));
    let (status, page) = upload(&mut sam, &app, "rows.csv", blank.as_bytes(), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        cell(&page, "r2-provider_id")
            .contains("give the id of the organisation the listing belongs to"),
        "{page}"
    );

    let named = blank.replace(",,Training", ",iom-roap,Training");
    let (status, page) = upload(&mut sam, &app, "rows.csv", named.as_bytes(), None).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    sam.post(&app, &confirm_path(&page), &[("action", "draft")])
        .await;
    let record = app
        .catalogue
        .store
        .listing_record("sec-upload")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.org.as_str(), "iom-roap");
}

#[tokio::test]
async fn uploads_are_refused_with_a_reason_when_forged_empty_unreadable_or_too_big() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    let file = format!("{HEADER}\n{}\n", row("jclec-forged", "Forged"));

    let (status, _) = upload(&mut ana, &app, "a.csv", file.as_bytes(), Some("forged")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, page) = upload(&mut ana, &app, "a.csv", b"", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("No file was chosen"), "{page}");

    let (status, page) = upload(&mut ana, &app, "a.xlsx", b"PK\x03\x04 not a zip", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("cannot read the file as an Excel workbook"),
        "{page}"
    );

    let (status, page) = upload(&mut ana, &app, "a.csv", b"\xff\xfe\x00i\x00d", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("not UTF-8"), "{page}");

    // More listings than one check answers for in good time.
    let mut many = HEADER.to_owned();
    for n in 0..1_001 {
        many.push('\n');
        many.push_str(&row(&format!("jclec-many-{n}"), "Many"));
    }
    let (status, page) = upload(&mut ana, &app, "many.csv", many.as_bytes(), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("The file has 1,001 listings; the site takes at most 1,000 at a time"),
        "{page}"
    );

    let big = vec![b'a'; 2 * 1024 * 1024];
    let (status, page) = upload(&mut ana, &app, "big.csv", &big, None).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{page}");
    assert!(page.contains("1 MB"), "{page}");
    // Sent without its length, a body meets the limit while it is read.
    let token = ana.token.clone().unwrap();
    let mut body = format!(
        "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--b\r\n\
         Content-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&big);
    let stream = futures_util::stream::iter(
        body.chunks(64 * 1024)
            .map(|c| Ok::<_, std::io::Error>(axum::body::Bytes::copy_from_slice(c)))
            .collect::<Vec<_>>(),
    );
    let request = Request::post("/dashboard/upload")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=b")
        .body(Body::from_stream(stream))
        .unwrap();
    let (status, _, page) = ana.send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{page}");
    assert!(page.contains("larger than 1 MB"), "{page}");
    assert_eq!(state_of(&app, "jclec-forged").await, None);
}

#[tokio::test]
async fn both_templates_download_and_their_example_reads_back_as_a_valid_listing() {
    let app = app_with_people().await;
    let mut ana = sign_in(&app, OWNER).await;
    let (status, headers, _) = ana.get(&app, "/dashboard/upload").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    for (path, format, kind) in [
        (
            "/dashboard/upload/template.csv",
            sheet::Format::Csv,
            "text/csv",
        ),
        (
            "/dashboard/upload/template.xlsx",
            sheet::Format::Xlsx,
            "application/vnd.openxmlformats",
        ),
    ] {
        let mut request = Request::get(path).body(Body::empty()).unwrap();
        request
            .headers_mut()
            .insert("cookie", ana.cookie.clone().unwrap().parse().unwrap());
        let (status, headers, bytes) = app.request_bytes(request).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        assert!(
            headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .contains("attachment")
        );
        let read = sheet::read(&bytes, format).unwrap();
        // One header, the example listing and its translation.
        assert_eq!(read.rows.len(), 2, "{path}");
        let checked = sheet::check(&read, Vocabulary::builtin(), Owners::Named);
        assert!(checked.is_valid(), "{path}: {:?}", checked.problems());
    }
    // The explanations: a second sheet in the workbook.
    let workbook = xlsx::template().unwrap();
    let mut reader: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(workbook)).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&reader),
        vec!["Listings".to_owned(), "Columns".to_owned()]
    );
    let columns = calamine::Reader::worksheet_range(&mut reader, "Columns").unwrap();
    assert_eq!(columns.height(), sheet::COLUMNS.len() + 3);
}

/// The published fixture listing of JCLEC the duplicates tests copy.
fn published_fixture() -> Listing {
    fixture_listings()
        .into_iter()
        .find(|l| l.id.as_str() == PUBLISHED)
        .unwrap()
}

/// The listings of a CSV export, read back with the spreadsheet reader.
fn csv_export(listings: &[Listing]) -> Vec<Listing> {
    let mut out = Vec::new();
    sheet_csv::write(listings, &mut out).unwrap();
    let read = sheet::read(&out, sheet::Format::Csv).unwrap();
    sheet::check(&read, Vocabulary::builtin(), Owners::Named)
        .into_listings()
        .unwrap()
}

#[tokio::test]
async fn a_spreadsheet_comes_back_the_same_as_json_csv_calendar_and_feed() {
    let app = TestApp::empty().await;
    let dir = tempfile::tempdir().unwrap();
    // The fixtures, as a workbook an operator imports.
    let fixtures = fixture_listings();
    let path = dir.path().join("catalogue.xlsx");
    std::fs::write(&path, xlsx::write(&fixtures).unwrap()).unwrap();
    let count = app.catalogue.import_file(&path, |_| {}).await.unwrap();
    assert_eq!(count, fixtures.len());
    app.catch_up().await;

    // JSON: the API gives each listing as it was in the sheet.
    for listing in &fixtures {
        let (status, json) = app
            .get_json(&format!("/api/v1/listings/{}", listing.id))
            .await;
        assert_eq!(status, StatusCode::OK);
        let back: Listing = serde_json::from_value(json).unwrap();
        assert_eq!(&back, listing, "{}", listing.id);
    }
    // CSV: the export reads back as the same listings.
    let stored = app.catalogue.store.all_listings().await.unwrap();
    let mut by_id = stored.clone();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let mut again = csv_export(&stored);
    again.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(again, by_id);

    // iCalendar: each listing's sessions, parsed with a real parser.
    let scheduled = fixtures.iter().find(|l| l.sessions.len() >= 2).unwrap();
    let (status, _, text) = app
        .get(&format!("/listings/{}/calendar.ics", scheduled.id))
        .await;
    assert_eq!(status, StatusCode::OK);
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let starts: Vec<String> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            icalendar::Component::property_value(e, "DTSTART")
                .unwrap()
                .to_owned()
        })
        .collect();
    let expected: Vec<String> = scheduled
        .sessions
        .iter()
        .map(|s| s.start.to_string().replace('-', ""))
        .collect();
    assert_eq!(starts, expected);

    // Atom: every listing of a topic, parsed with a real parser.
    let (status, _, text) = app.get("/feed.atom?topic=document-examination").await;
    assert_eq!(status, StatusCode::OK);
    let feed: atom_syndication::Feed = text.parse().unwrap();
    let mut in_feed: Vec<String> = feed
        .entries()
        .iter()
        .map(|e| e.links()[0].href().rsplit('/').next().unwrap().to_owned())
        .collect();
    in_feed.sort();
    let mut on_topic: Vec<String> = fixtures
        .iter()
        .filter(|l| {
            l.topics
                .iter()
                .any(|t| t.as_str() == "document-examination")
        })
        .map(|l| l.id.to_string())
        .collect();
    on_topic.sort();
    assert_eq!(in_feed, on_topic);
}

#[tokio::test]
async fn a_course_relisted_under_another_id_is_shown_to_its_submitter_and_reviewer() {
    let app = app_with_people().await;
    app.catch_up().await;
    let published = published_fixture();
    let mut ana = sign_in(&app, OWNER).await;
    ana.get(&app, "/dashboard/listings/new").await;
    let form = [
        ("org", "jclec"),
        ("id", "jclec-smuggling-networks-again"),
        ("kind", "course"),
        ("delivery", "in-person"),
        ("lang", "en"),
        ("title", published.title.as_str()),
        ("summary", published.summary.as_str()),
        ("topics", "people-smuggling"),
        ("languages", "en"),
        ("contact-name", "Training Desk"),
        ("contact-email", "training@jclec.example.org"),
        ("action", "submit"),
    ];
    let (status, headers, _) = ana.post(&app, "/dashboard/listings/new", &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let edit = headers["location"].to_str().unwrap().to_owned();
    assert!(edit.ends_with("?done=duplicates"), "{edit}");
    // Saved, not submitted, until its owner has seen what it looks like.
    assert_eq!(
        state_of(&app, "jclec-smuggling-networks-again").await,
        Some(ListingState::Draft)
    );
    let (_, _, page) = ana.get(&app, &edit).await;
    assert!(page.contains("Possible duplicates"), "{page}");
    assert!(page.contains(&format!("href=\"/listings/{PUBLISHED}\"")));
    assert!(page.contains("nearly the same title"));

    // Submitting again, having seen them, submits.
    let mut again = form.to_vec();
    again.push(("duplicates-seen", "1"));
    let (status, headers, _) = ana
        .post(
            &app,
            "/dashboard/listings/jclec-smuggling-networks-again",
            &again[1..],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"]
            .to_str()
            .unwrap()
            .ends_with("done=submitted")
    );

    let mut sam = sign_in(&app, SECRETARIAT).await;
    let (_, _, review) = sam
        .get(&app, "/review/jclec-smuggling-networks-again")
        .await;
    assert!(review.contains("Possible duplicates"), "{review}");
    assert!(review.contains(&format!("href=\"/listings/{PUBLISHED}\"")));

    // A different course of the same organisation is not flagged.
    let (_, _, other) = ana
        .get(&app, &format!("/dashboard/listings/{PUBLISHED}"))
        .await;
    assert!(!other.contains("Possible duplicates"), "the listing itself");
}

#[tokio::test]
async fn the_same_course_in_two_languages_is_flagged_across_organisations() {
    let app = app_with_people().await;
    // JCLEC's course, in English with a Thai translation.
    let mut english = sample("jclec-maritime-2027");
    english.title = "Maritime people smuggling: boarding and evidence".into();
    english.summary = "Boarding vessels, securing evidence and protecting migrants at sea.".into();
    english.translations.insert(
        catalogue::domain::LanguageTag::parse("th").unwrap(),
        catalogue::domain::Translation {
            title: "การลักลอบขนคนทางทะเล: การขึ้นเรือตรวจค้นและพยานหลักฐาน".into(),
            summary: "การขึ้นเรือตรวจค้น การเก็บพยานหลักฐาน และการคุ้มครองผู้ย้ายถิ่นในทะเล".into(),
            description: None,
        },
    );
    app.save(vec![english]).await;
    app.catch_up().await;

    // IOM lists the same course, written in Thai only.
    let mut omar = sign_in(&app, OTHER_OWNER).await;
    let file = "id,kind,lang,title,summary,topics,languages,contact_name,contact_email\n\
        iom-maritime-th,course,th,การลักลอบขนคนทางทะเล: การขึ้นเรือตรวจค้นและพยานหลักฐาน,การขึ้นเรือตรวจค้น การเก็บพยานหลักฐาน และการคุ้มครองผู้ย้ายถิ่นในทะเล,people-smuggling,th,Desk,desk@iom.example.org\n\
        iom-labour-th,course,th,การแสวงประโยชน์ด้านแรงงานในภาคประมง,การสืบสวนการบังคับใช้แรงงานบนเรือประมง,labour-exploitation,th,Desk,desk@iom.example.org\n";
    let (status, page) = upload(&mut omar, &app, "thai.csv", file.as_bytes(), None).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let notes = |row: &str| {
        let start = page.find(&format!("id=\"r{row}\"")).unwrap();
        let rest = &page[start..];
        rest[..rest.find("</tr>").unwrap()].to_owned()
    };
    assert!(
        notes("2").contains("href=\"/listings/jclec-maritime-2027\""),
        "{}",
        notes("2")
    );
    assert!(notes("2").contains("nearly the same title and summary"));
    assert!(!notes("3").contains("/listings/"), "another course");
    // Never blocking: the upload can still be saved.
    assert!(page.contains("action=\"/dashboard/upload/"));
}

#[tokio::test]
async fn possible_duplicates_compare_only_like_texts() {
    let app = TestApp::with_fixtures().await;
    app.catch_up().await;
    // Every fixture finds no duplicate but itself excluded: they are all
    // different trainings.
    for listing in fixture_listings() {
        let found = app.catalogue.index.possible_duplicates(&listing).unwrap();
        assert!(
            found.is_empty(),
            "{} looks like {:?}",
            listing.id,
            found
                .iter()
                .map(|d| d.listing.id.to_string())
                .collect::<Vec<_>>()
        );
    }
}

#[tokio::test]
async fn an_api_submission_answers_with_the_listings_it_looks_like() {
    let app = app_with_people().await;
    app.catch_up().await;
    let published = published_fixture();
    let token = crate::ownership::token_for(&app, OWNER).await;
    let mut body = crate::ownership::api_listing("jclec-relisted-by-api", &published.title);
    body["summary"] = published.summary.clone().into();
    let (status, _, answer) = app
        .request(crate::helpers::api(
            "POST",
            "/api/v1/listings",
            Some(&token),
            Some(&body),
        ))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["status"], "submitted", "never a refusal");
    let found = answer["possible_duplicates"].as_array().unwrap();
    assert_eq!(found[0]["id"], PUBLISHED, "{answer}");
    assert_eq!(found[0]["url"], format!("/listings/{PUBLISHED}"));
    assert_eq!(found[0]["why"], "same-title");

    // A listing like nothing published says nothing of duplicates.
    let body = crate::ownership::api_listing("jclec-new-by-api", "Joint investigation teams");
    let (_, _, answer) = app
        .request(crate::helpers::api(
            "POST",
            "/api/v1/listings",
            Some(&token),
            Some(&body),
        ))
        .await;
    assert!(!answer.contains("possible_duplicates"), "{answer}");
}
