//! The site for every reader: its interface languages, the weight of the
//! search page, and what a shared link shows.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use catalogue::i18n::Locale;
use catalogue::web::assets;

use crate::helpers::{TestApp, sign_in};

async fn get_as(
    app: &TestApp,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    app.request(request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn the_interface_speaks_the_language_the_browser_asks_for() {
    let app = TestApp::with_fixtures().await;
    for (asked, lang, words) in [
        ("th-TH,th;q=0.9,en;q=0.5", "th", "ค้นหาการฝึกอบรม"),
        ("id-ID,id;q=0.9", "id", "Cari pelatihan"),
        ("km-KH,km;q=0.9", "km", "ស្វែងរកវគ្គបណ្តុះបណ្តាល"),
        ("vi-VN,vi;q=0.9", "vi", "Tìm khóa đào tạo"),
        ("zh-CN,zh;q=0.9", "zh", "查找培训"),
        ("ms-MY,ms;q=0.9", "ms", "Cari latihan"),
        ("lo-LA,lo;q=0.9", "lo", "ຊອກຫາການຝຶກອົບຮົມ"),
        ("my-MM,my;q=0.9", "my", "သင်တန်း ရှာဖွေရန်"),
        ("ta-LK,ta;q=0.9", "en", "Find training"),
        ("", "en", "Find training"),
    ] {
        let (status, headers, page) = get_as(&app, "/", &[(header::ACCEPT_LANGUAGE, asked)]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{asked}");
        assert!(page.contains(words), "{asked}: {page}");
        assert_eq!(headers[header::CONTENT_LANGUAGE], lang);
        let vary: Vec<_> = headers.get_all(header::VARY).iter().collect();
        assert!(
            vary.iter()
                .any(|v| v.to_str().unwrap().contains("Accept-Language")),
            "{vary:?}"
        );
    }
    // Error pages too.
    let (status, _, page) = get_as(
        &app,
        "/listings/no-such-listing",
        &[(header::ACCEPT_LANGUAGE, "th")],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("ไม่พบหน้านี้"), "{page}");
}

#[tokio::test]
async fn the_switcher_remembers_the_choice_without_an_account() {
    let app = TestApp::with_fixtures().await;
    let (_, _, page) = app.get("/?q=border").await;
    assert!(
        page.contains(r#"href="/language/th?then=%2F%3Fq%3Dborder">ไทย</a>"#),
        "the switcher returns to the same page: {page}"
    );
    let (status, headers, _) = app.get("/language/th?then=%2F%3Fq%3Dborder").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/?q=border");
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("catalogue_lang=th;"), "{cookie}");
    assert!(cookie.contains("Max-Age=31536000"), "{cookie}");

    // The remembered choice wins over the browser's languages.
    let (_, headers, page) = get_as(
        &app,
        "/?q=border",
        &[
            (header::COOKIE, "catalogue_lang=th"),
            (header::ACCEPT_LANGUAGE, "id"),
        ],
    )
    .await;
    assert_eq!(headers[header::CONTENT_LANGUAGE], "th");
    assert!(
        page.contains(r#"<a aria-current="true" lang="th""#),
        "{page}"
    );

    // Another site's address is not a place to return to; an unknown
    // language is explained.
    let (_, headers, _) = app.get("/language/id?then=%2F%2Fevil.example").await;
    assert_eq!(headers[header::LOCATION], "/");
    let (status, _, page) = app.get("/language/xx").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        page.contains("Choose one of the languages listed"),
        "{page}"
    );
}

#[tokio::test]
async fn a_listing_is_shown_in_the_readers_language_with_the_original_a_click_away() {
    let app = TestApp::with_fixtures().await;
    let path = "/listings/rso-qrg-interviewing-victims";
    let thai = [(header::ACCEPT_LANGUAGE, "th")];
    let (_, _, page) = get_as(&app, path, &thai).await;
    assert!(
        page.contains(r#"<header lang="th"><p class="kind" lang="th" dir="ltr">"#),
        "{page}"
    );
    assert!(page.contains("<h1>คู่มืออ้างอิงฉบับย่อเรื่องการสัมภาษณ์ผู้เสียหายจากการค้ามนุษย์</h1>"));
    assert!(page.contains("หน้านี้แสดงฉบับแปล"), "it says so: {page}");
    assert!(page.contains(&format!(r#"href="{path}?original""#)));

    let (_, _, original) = get_as(&app, &format!("{path}?original"), &thai).await;
    assert!(original.contains(
        "<h1>Quick Reference Guide on Interviewing Victims of Trafficking in Persons</h1>"
    ));
    assert!(original.contains(r#"<header lang="en">"#));
    assert!(original.contains(&format!(r#"href="{path}">แสดงฉบับแปล"#)));

    // In English the original is shown, and the Thai translation is marked
    // as Thai for screen readers and fonts.
    let (_, _, english) = app.get(path).await;
    assert!(english.contains(
        "<h1>Quick Reference Guide on Interviewing Victims of Trafficking in Persons</h1>"
    ));
    assert!(
        english.contains(r#"<section class="translation" lang="th">"#),
        "{english}"
    );
}

#[tokio::test]
async fn right_to_left_text_is_marked_as_such() {
    let app = TestApp::with_fixtures().await;
    // The one listing taught in Pashto is written in Dari.
    let (_, _, page) = app.get("/?language=ps").await;
    assert!(
        page.contains(r#"<h3 lang="prs" dir="rtl">"#)
            && page.contains(r#"<p class="summary" lang="prs" dir="rtl">"#),
        "{page}"
    );
}

#[tokio::test]
async fn a_shared_listing_link_shows_its_title_provider_and_summary() {
    let app = TestApp::with_fixtures().await;
    let (_, _, page) = app
        .get("/listings/jclec-investigating-people-smuggling")
        .await;
    assert!(page.contains(
        "<title>Investigating People Smuggling Networks · Regional Training Catalogue</title>"
    ));
    assert!(page.contains(
        r#"<meta property="og:title" content="Investigating People Smuggling Networks">"#
    ));
    assert!(
        page.contains(r#"<meta property="og:site_name" content="Regional Training Catalogue">"#)
    );
    assert!(page.contains(r#"<meta property="og:description" content="A two-week course"#));
    assert!(page.contains(
        r#"<meta property="og:url" content="http://localhost:8080/listings/jclec-investigating-people-smuggling">"#
    ), "{page}");
}

/// The stylesheets a page links to, as served.
fn linked_stylesheets(page: &str) -> Vec<&'static assets::Asset> {
    page.split(r#"<link rel="stylesheet" href="/assets/"#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|name| assets::find(name).unwrap_or_else(|| panic!("{name} is not served")))
        .collect()
}

/// HTML and stylesheets of a page before compression, in bytes.
async fn weight(app: &TestApp, path: &str, locale: Locale) -> usize {
    let (status, _, page) = get_as(app, path, &[(header::ACCEPT_LANGUAGE, locale.tag())]).await;
    assert_eq!(status, StatusCode::OK);
    let stylesheets = linked_stylesheets(&page);
    assert!(!stylesheets.is_empty(), "{path} links no stylesheet");
    page.len() + stylesheets.iter().map(|s| s.body.len()).sum::<usize>()
}

#[tokio::test]
async fn search_results_leave_out_the_stylesheet_of_forms_that_other_pages_load() {
    let app = TestApp::with_fixtures().await;
    let names =
        |page: &str| -> Vec<&str> { linked_stylesheets(page).iter().map(|s| s.source).collect() };
    let (_, _, results) = app.get("/?q=border").await;
    assert_eq!(names(&results), ["style.css"]);
    for path in ["/listings/cifal-victim-centred-approach", "/sign-in"] {
        let (status, _, page) = app.get(path).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(names(&page), ["style.css", "forms.css"], "{path}");
    }
}

#[tokio::test]
async fn the_search_results_page_weighs_at_most_50_kb_with_its_stylesheets() {
    let app = TestApp::with_fixtures().await;
    for locale in Locale::ALL {
        for path in [
            "/",
            "/?q=trafficking",
            "/?q=border&delivery=in-person&language=en",
            "/?per_page=20&sort=title",
            // Officials open the calendar of sessions on phones too.
            "/calendar",
            "/calendar?topic=document-examination",
        ] {
            let bytes = weight(&app, path, locale).await;
            println!("{:>2} {path}: {bytes} bytes of HTML and CSS", locale.tag());
            assert!(
                bytes <= 50 * 1024,
                "{path} in {locale:?}: {bytes} bytes of HTML and CSS"
            );
        }
    }
}

#[tokio::test]
async fn each_secretariat_page_weighs_at_most_50_kb_with_its_stylesheets() {
    let app = TestApp::with_fixtures().await;
    app.person(
        "desk@secretariat.example.org",
        catalogue::domain::Role::Secretariat,
        None,
    )
    .await;
    // A year of varied searches, some finding nothing, for the tables.
    for n in 0..60 {
        let query = if n % 3 == 0 {
            format!("zzq{n}")
        } else {
            format!("border {n}")
        };
        app.get(&format!("/?q={}", query.replace(' ', "+"))).await;
    }
    app.search_log.flush().await;
    for locale in [Locale::En, Locale::Th, Locale::My] {
        let mut browser = sign_in(&app, "desk@secretariat.example.org").await;
        browser.accept_language = Some(locale.tag());
        for path in [
            "/admin/searches",
            "/admin/searches?days=365",
            "/admin/coverage",
            "/admin/coverage?by=country",
            "/admin/coverage?by=audience",
            "/admin/activity",
            "/account/settings",
            "/dashboard/upload",
        ] {
            let (status, _, page) = browser.get(&app, path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            let stylesheets: usize = linked_stylesheets(&page).iter().map(|s| s.body.len()).sum();
            let bytes = page.len() + stylesheets;
            println!("{:>2} {path}: {bytes} bytes of HTML and CSS", locale.tag());
            assert!(
                bytes <= 50 * 1024,
                "{path} in {locale:?}: {bytes} bytes of HTML and CSS"
            );
        }
    }
}

#[tokio::test]
async fn pages_are_compressed_and_the_stylesheet_is_cached_for_a_year() {
    let app = TestApp::with_fixtures().await;
    let (_, headers, _) = get_as(&app, "/", &[(header::ACCEPT_ENCODING, "gzip, br")]).await;
    let encoding = headers[header::CONTENT_ENCODING].to_str().unwrap();
    assert!(encoding == "br" || encoding == "gzip", "{encoding}");

    let (_, _, page) = app.get("/").await;
    let href = assets::stylesheet_href();
    assert!(page.contains(&href));
    for href in [
        href,
        assets::forms_stylesheet_href(),
        assets::suggest_script_href(),
    ] {
        let (status, headers, _) = app.get(&href).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
    }
    for stylesheet in [assets::STYLESHEET, assets::FORMS_STYLESHEET] {
        assert!(!stylesheet.contains("@font-face"), "no web fonts");
    }
}

#[tokio::test]
async fn the_only_script_is_an_optional_suggestion_script_under_10_kb() {
    let app = TestApp::with_fixtures().await;
    // The search page loads it deferred, from the site, never inline; the
    // form it enhances is a plain GET form that works without it.
    let (_, _, page) = app.get("/?q=border").await;
    let script = format!(
        r#"<script src="{}" defer></script>"#,
        assets::suggest_script_href()
    );
    assert!(page.contains(&script), "{page}");
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains(r#"<form class="search" role="search" method="get" action="/""#));
    assert!(
        !page.contains("role=\"combobox\""),
        "the script adds the combobox roles itself"
    );
    let (status, headers, body) = app.get(&assets::suggest_script_href()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert_eq!(body, assets::suggest_script());
    assert!(body.len() <= 10 * 1024, "{} bytes", body.len());
    // Other pages run no script at all: a listing carries only data for
    // search engines, which no browser runs.
    for path in ["/listings/jclec-investigating-people-smuggling", "/sign-in"] {
        let (_, _, page) = app.get(path).await;
        let scripts = page.matches("<script").count();
        let data = page
            .matches(r#"<script type="application/ld+json">"#)
            .count();
        assert_eq!(scripts, data, "{path}");
    }
}

/// English interface sentences (three words or more, no placeables) that
/// `page` shows although `locale` words them differently.
fn english_left_in(page: &str, locale: Locale) -> Vec<String> {
    let simple = |source: &'static str| -> Vec<(String, String)> {
        source
            .lines()
            .filter(|l| !l.starts_with([' ', '#']) && !l.contains('{'))
            .filter_map(|l| l.split_once(" = "))
            .map(|(id, text)| (id.to_owned(), text.to_owned()))
            .collect()
    };
    let theirs = simple(locale.catalogue());
    simple(Locale::En.catalogue())
        .into_iter()
        .filter(|(id, text)| {
            text.split(' ').count() >= 3
                && theirs.iter().any(|(i, t)| i == id && t != text)
                && page.contains(text.replace('&', "&amp;").as_str())
        })
        .map(|(id, text)| format!("{id}: {text}"))
        .collect()
}

#[tokio::test]
async fn contributors_and_the_secretariat_work_in_their_language_too() {
    let app = crate::ownership::app_with_people().await;
    let mut ana = sign_in(&app, "ana@jclec.example.org").await;
    let listing = "/dashboard/listings/jclec-investigating-people-smuggling";
    // Every interface language but English, on every page a contributor
    // and the public see.
    for locale in Locale::ALL.into_iter().skip(1) {
        ana.accept_language = Some(locale.tag());
        for path in [
            "/",
            "/?q=border&language=en",
            "/listings/jclec-investigating-people-smuggling",
            "/listings/jclec-investigating-people-smuggling/enquiry",
            "/dashboard",
            "/dashboard/listings/new",
            listing,
            "/listings/jclec-investigating-people-smuggling/history",
            "/account/password",
            "/about/translations",
        ] {
            let (status, _, page) = ana.get(&app, path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            let tag = locale.tag();
            assert!(page.contains(&format!("<html lang=\"{tag}\"")), "{path}");
            let left = english_left_in(&page, locale);
            assert!(left.is_empty(), "English on {path} in {tag}: {left:?}");
        }
    }
    ana.accept_language = Some("th");
    let (_, _, dashboard) = ana.get(&app, "/dashboard").await;
    assert!(dashboard.contains("รายการของหน่วยงานคุณ"), "{dashboard}");
    // The check above does see English where there is some.
    ana.accept_language = None;
    let (_, _, english) = ana.get(&app, "/dashboard").await;
    assert!(!english_left_in(&english, Locale::Th).is_empty());
    ana.accept_language = Some("th");

    // A form's problems are worded in the reader's language too.
    ana.get(&app, "/dashboard/listings/new").await;
    let (status, _, page) = ana
        .post(
            &app,
            "/dashboard/listings/new",
            &[
                ("org", "jclec"),
                ("id", "Not An Id"),
                ("kind", "course"),
                ("delivery", "online"),
                ("lang", "en"),
                ("title", ""),
                ("summary", "A summary."),
                ("topics", "document-examination"),
                ("contact-name", "Desk"),
                ("contact-email", "desk@jclec.example.org"),
                ("session-start-0", "2027-03-05"),
                ("session-end-0", "2027-03-01"),
                ("url", "ftp://files.example.org"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Every problem at once, even with the id unreadable.
    for problem in [
        "รหัสรายการ: ใช้อักษรอังกฤษตัวพิมพ์เล็ก",
        "ชื่อเรื่อง: โปรดกรอกช่องนี้",
        "ภาษาที่ใช้สอน: ระบุไว้ 0 รายการ โปรดระบุระหว่าง 1 ถึง 20",
        "วันสิ้นสุด 2027-03-01 อยู่ก่อนวันเริ่ม 2027-03-05",
        "หน้าเว็บ: “ftp://files.example.org” ไม่ใช่ที่อยู่เว็บ",
    ] {
        assert!(page.contains(problem), "{problem}: {page}");
    }
    let left = english_left_in(&page, Locale::Th);
    assert!(left.is_empty(), "English in the Thai form: {left:?}");

    // So is a refusal from the listing's lifecycle.
    let withdraw = format!("{listing}/withdraw");
    ana.get(&app, listing).await;
    let (status, _, _) = ana.post(&app, &withdraw, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, page) = ana.post(&app, &withdraw, &[]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("รายการนี้ถอนออกแล้ว"), "{page}");

    let mut sam = sign_in(&app, "sam@secretariat.example.org").await;
    sam.accept_language = Some("id-ID,id;q=0.9");
    for path in [
        "/review",
        "/admin/organisations",
        "/admin/organisations/jclec",
        "/admin/people",
        "/admin/topics",
        "/admin/outbox",
    ] {
        let (status, _, page) = sam.get(&app, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let left = english_left_in(&page, Locale::Id);
        assert!(left.is_empty(), "English on {path} in Indonesian: {left:?}");
    }
    let (_, _, people) = sam.get(&app, "/admin/people").await;
    assert!(people.contains("Undang seseorang"), "{people}");
}

#[tokio::test]
async fn mail_is_in_the_language_of_the_page_that_sent_it_and_enquiries_in_english() {
    let app = crate::ownership::app_with_people().await;
    let mut reader = crate::helpers::Browser {
        accept_language: Some("th"),
        ..Default::default()
    };
    reader.get(&app, "/forgot-password").await;
    let (status, _, _) = reader
        .post(
            &app,
            "/forgot-password",
            &[("email", "ana@jclec.example.org")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mail = app.mail_to_come("ana@jclec.example.org").await;
    assert_eq!(mail.subject, "ตั้งรหัสผ่านใหม่สำหรับแคตตาล็อกการฝึกอบรมระดับภูมิภาค");
    assert!(mail.body.contains("ภายใน 2 ชั่วโมง"), "{}", mail.body);
    assert!(mail.body.contains("/links/"), "{}", mail.body);

    // An enquiry reaches the provider's people in English, whatever the
    // language of the one asking.
    let enquiry = "/listings/jclec-investigating-people-smuggling/enquiry";
    reader.get(&app, enquiry).await;
    let (status, _, page) = reader
        .post(
            &app,
            enquiry,
            &[
                ("name", "สมชาย ใจดี"),
                ("email", "somchai@immigration.example.go.th"),
                ("message", "หลักสูตรนี้จะเปิดอีกเมื่อไร"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let mail = app.last_mail_to("ana@jclec.example.org").await.unwrap();
    assert!(
        mail.subject.starts_with("Enquiry about “"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("หลักสูตรนี้จะเปิดอีกเมื่อไร"));
    assert!(
        mail.body
            .contains("Reply to somchai@immigration.example.go.th directly.")
    );
}

#[tokio::test]
async fn suggestions_name_topics_in_the_readers_language() {
    let app = TestApp::with_fixtures().await;
    let topics = |answer: serde_json::Value| -> Vec<(String, String)> {
        answer["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["type"] == "topic")
            .map(|s| {
                (
                    s["text"].as_str().unwrap().to_owned(),
                    s["lang"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    for (accept, typed, expected) in [
        ("th", "การค้ามนุษย์", ("การค้ามนุษย์", "th")),
        ("th", "ค้ามนุษย์", ("การค้ามนุษย์", "th")),
        ("id", "perdagangan", ("Perdagangan orang", "id")),
        // The English label still finds it in any language.
        ("th", "trafficking in", ("Trafficking in persons", "en")),
        ("en", "trafficking in", ("Trafficking in persons", "en")),
    ] {
        let path = format!(
            "/api/v1/suggest?q={}",
            url::form_urlencoded::byte_serialize(typed.as_bytes()).collect::<String>()
        );
        let (status, _, body) = get_as(&app, &path, &[(header::ACCEPT_LANGUAGE, accept)]).await;
        assert_eq!(status, StatusCode::OK);
        let found = topics(serde_json::from_str(&body).unwrap());
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{accept} “{typed}”: {found:?}"
        );
    }
}

#[tokio::test]
async fn every_page_links_to_what_readers_should_know_about_the_translations() {
    let app = TestApp::with_fixtures().await;
    let (_, _, page) = app.get("/").await;
    assert!(page.contains(r#"href="/about/translations""#), "{page}");
    let (status, _, page) = app.get("/about/translations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("not yet been read by native-speaking officials"),
        "{page}"
    );
    assert!(page.contains("tell the Secretariat the page"), "{page}");
    // Every interface language is offered from it, and it speaks each.
    for locale in Locale::ALL {
        let tag = locale.tag();
        assert!(
            page.contains(&format!(
                r#"href="/language/{tag}?then=%2Fabout%2Ftranslations""#
            )),
            "{tag}"
        );
        let (_, _, theirs) = get_as(
            &app,
            "/about/translations",
            &[(header::COOKIE, &format!("catalogue_lang={tag}"))],
        )
        .await;
        assert!(theirs.contains(&format!("<html lang=\"{tag}\"")), "{tag}");
    }
}
