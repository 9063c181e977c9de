//! The site's pages as a person reaches them.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::helpers::TestApp;

#[tokio::test]
async fn the_home_page_searches_the_whole_catalogue() {
    let app = TestApp::with_fixtures().await;

    let (status, headers, page) = app.get("/").await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(page.contains(r#"<form class="search" role="search" method="get" action="/""#));
    assert!(page.contains("64 results"));
    for heading in [
        "Topic", "Language", "Provider", "Kind", "Delivery", "Country", "Audience",
    ] {
        assert!(
            page.contains(&format!(">{heading}</h3>")),
            "facet {heading}"
        );
    }
    assert!(page.contains(r#"href="/?topic=border-management""#));
    assert!(page.contains(r#"rel="next" href="/?page=2""#));
    // Nothing typed: newest first, and no "best match" to offer.
    assert!(page.contains(r#"<a aria-current="true" href="/?sort=updated">Recently updated</a>"#));
    assert!(!page.contains("Best match"));
}

#[tokio::test]
async fn a_filtered_search_shows_its_filters_with_links_that_remove_them() {
    let app = TestApp::with_fixtures().await;

    let (status, _, page) = app
        .get("/?q=trafficking&topic=child-protection&language=km&sort=title")
        .await;

    assert_eq!(status, StatusCode::OK);
    // Removing one filter keeps the query, the other filter and the order.
    assert!(
        page.contains(r#"href="/?q=trafficking&amp;language=km&amp;sort=title""#),
        "{page}"
    );
    assert!(page.contains(r#"href="/?q=trafficking&amp;topic=child-protection&amp;sort=title""#));
    assert!(page.contains("Clear all filters"));
    // The search form carries the filters into a new search.
    assert!(page.contains(r#"<input type="hidden" name="topic" value="child-protection">"#));
    assert!(page.contains("<mark>"));
}

#[tokio::test]
async fn a_search_that_finds_nothing_says_what_to_try() {
    let app = TestApp::with_fixtures().await;

    let (status, _, page) = app.get("/?q=zzzyyyxxx&kind=course").await;

    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No training found"));
    assert!(page.contains("Search again without filters"));
}

#[tokio::test]
async fn a_listing_page_shows_sessions_languages_provider_and_contact() {
    let app = TestApp::with_fixtures().await;

    let (status, _, page) = app.get("/listings/cifal-victim-centred-approach").await;

    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Enhancing a Victim-Centred Approach"));
    assert!(page.contains("6 – 9 Apr 2027"));
    assert!(page.contains("7 – 10 Apr 2026 <span class=\"past\">(ended)</span>"));
    assert!(page.contains("Korean (한국어)"));
    assert!(page.contains("CIFAL Jeju – International Training Centre"));
    assert!(page.contains(r#"href="mailto:training@cifal-jeju.example.org""#));
    assert!(page.contains(r#"<section class="translation" lang="ko">"#));
}

#[tokio::test]
async fn text_in_other_languages_and_scripts_carries_its_language() {
    let app = TestApp::with_fixtures().await;

    // Written in Dari with an English translation: an English reader sees
    // the translation, and the original is marked right-to-left.
    let (_, _, page) = app.get("/listings/af-border-document-manual").await;
    assert!(page.contains(r#"<header lang="en">"#), "{page}");
    assert!(page.contains(r#"href="/listings/af-border-document-manual?original""#));
    let (_, _, page) = app
        .get("/listings/af-border-document-manual?original")
        .await;
    assert!(page.contains(r#"lang="prs" dir="rtl""#), "{page}");

    // A Thai listing read in Thai.
    let request = axum::http::Request::get("/listings/th-immigration-victim-screening")
        .header("accept-language", "th")
        .body(axum::body::Body::empty())
        .unwrap();
    let (_, _, page) = app.request(request).await;
    assert!(page.contains(r#"<header lang="th">"#));
    assert!(page.contains("<h1>หลักสูตรการคัดแยกผู้เสียหาย"));
}

#[tokio::test]
async fn unknown_listings_and_pages_are_404_with_a_way_back() {
    let app = TestApp::with_fixtures().await;
    for uri in [
        "/listings/no-such-listing",
        "/listings/NOT%20AN%20ID",
        "/nowhere",
    ] {
        let (status, _, page) = app.get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(page.contains("Go to the search page"), "{uri}");
    }
    let (status, answer) = app.get_json("/api/v1/listings/no-such-listing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(answer["error"], "Not Found");
    assert!(
        answer["detail"]
            .as_str()
            .unwrap()
            .contains("no-such-listing")
    );
    let (status, _) = app.get_json("/api/v2/anything").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An address that is not text once decoded is refused before routing,
    // saying so.
    let (status, answer) = app.get_json("/api/v1/listings/%C0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(answer["detail"].as_str().unwrap().contains("not text"));
}

#[tokio::test]
async fn methods_an_address_does_not_take_are_refused_with_405_and_a_reason() {
    let app = TestApp::with_fixtures().await;
    let request = Request::post("/api/v1/listings/cifal-victim-centred-approach")
        .body(Body::empty())
        .unwrap();

    let (status, _, body) = app.request(request).await;

    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(body.contains("does not take POST requests"), "{body}");
    let (status, _, _) = app
        .request(Request::delete("/").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn the_listing_api_returns_the_interchange_format() {
    let app = TestApp::with_fixtures().await;
    let fixture = crate::helpers::fixture_values()
        .into_iter()
        .find(|l| l["id"] == "rso-qrg-interviewing-victims")
        .unwrap();

    let (status, listing) = app
        .get_json("/api/v1/listings/rso-qrg-interviewing-victims")
        .await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(listing, fixture);
}

#[tokio::test]
async fn the_stylesheet_is_linked_by_a_hashed_name_and_cached_for_a_year() {
    let app = TestApp::with_fixtures().await;
    let (_, _, page) = app.get("/").await;
    let href = page
        .split(r#"rel="stylesheet" href=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        href.starts_with("/assets/style-") && href.ends_with(".css"),
        "{href}"
    );

    let (status, headers, css) = app.get(&href).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(css.contains(".hit"));
    let (status, _, _) = app.get("/assets/style-00000000.css").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn responses_are_compressed_for_clients_that_accept_it() {
    let app = TestApp::with_fixtures().await;
    let request = Request::get("/")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();

    let (status, headers, _) = app.request(request).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn health_reports_the_index_in_step_with_the_database() {
    let app = TestApp::with_fixtures().await;

    let (status, health) = app.get_json("/healthz").await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["status"], "ok");
    assert_eq!(health["listings_indexed"], 64);
    assert_eq!(health["changes_pending"], 0);
}

#[tokio::test]
async fn health_is_503_when_the_database_cannot_be_read() {
    let app = TestApp::with_fixtures().await;
    app.catalogue.store.close().await;

    let (status, health) = app.get_json("/healthz").await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(health["error"], "Service Unavailable");
}

/// How many values a filter's section of the page links to.
fn values_in_section(page: &str, facet: &str) -> usize {
    let start = page
        .find(&format!(
            r#"<section class="facet" aria-labelledby="facet-{facet}">"#
        ))
        .unwrap_or_else(|| panic!("no {facet} filter on the page"));
    let section = &page[start..];
    let section = &section[..section.find("</section>").unwrap()];
    section.matches(&format!("{facet}=")).count()
}

#[tokio::test]
async fn a_filter_with_many_values_shows_the_leading_ones_and_links_to_all() {
    let app = TestApp::empty().await;
    let listings: Vec<_> = (0..40)
        .map(|i| {
            let mut listing = crate::helpers::sample(&format!("many-providers-{i:02}"));
            listing.provider.id =
                catalogue::domain::ProviderId::parse(&format!("p-{i:02}")).unwrap();
            listing.provider.name = format!("Provider number {i:02}");
            listing
        })
        .collect();
    app.save(listings).await;

    let (status, _, page) = app.get("/?q=zanzibar").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        values_in_section(&page, "provider"),
        8 + 8,
        "8 shown, 8 folded"
    );
    assert!(
        page.contains(r#"<a href="/filters/provider?q=zanzibar">All 40 values, by name</a>"#),
        "{page}"
    );

    // A value chosen from the long list stays in view once selected.
    let (_, page) = {
        let (status, headers, page) = app.get("/?q=zanzibar&provider=p-39").await;
        (status, (headers, page))
    };
    let section = &page.1[page.1.find("facet-provider").unwrap()..];
    assert!(
        section[..section.find("</ul>").unwrap()].contains("p-39"),
        "{section}"
    );

    let (status, _, all) = app.get("/filters/provider?q=zanzibar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(all.contains("<h1>Provider: every value</h1>"), "{all}");
    assert_eq!(all.matches("provider=p-").count(), 40);
    let first = all.find("Provider number 00").unwrap();
    let last = all.find("Provider number 39").unwrap();
    assert!(first < last, "sorted by name");
    assert!(
        all.contains(r#"href="/?q=zanzibar&amp;provider=p-07""#),
        "{all}"
    );

    let (status, _, refused) = app.get("/filters/colour?q=zanzibar").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(refused.contains("There is no such filter"));
}

/// Anonymous results pages are kept and served again; whatever they show
/// changing (a listing, a topic's name, the reader's language, a signed-in
/// reader) must show at once.
#[tokio::test]
async fn a_kept_results_page_never_outlives_what_it_shows() {
    let app = crate::ownership::app_with_people().await;
    let address = "/?topic=border-management";
    let (_, _, first) = app.get(address).await;
    let (_, _, again) = app.get(address).await;
    assert_eq!(first, again);
    assert!(first.contains("Border management"), "{first}");
    assert!(crate::helpers::form_token(&first).is_none());

    // A signed-in reader gets their own page, and theirs is not kept.
    let mut ana = crate::helpers::sign_in(&app, crate::ownership::OWNER).await;
    let (_, _, signed_in) = ana.get(&app, address).await;
    assert!(crate::helpers::form_token(&signed_in).is_some());
    let (_, _, anonymous) = app.get(address).await;
    assert!(crate::helpers::form_token(&anonymous).is_none());

    // Another language, another page.
    let thai = Request::get(address)
        .header(header::ACCEPT_LANGUAGE, "th")
        .body(Body::empty())
        .unwrap();
    let (_, _, in_thai) = app.request(thai).await;
    assert!(in_thai.contains(r#"<html lang="th""#), "{in_thai}");
    let (_, _, english) = app.get(address).await;
    assert!(english.contains(r#"<html lang="en""#));

    // A listing changed.
    let mut listing = crate::helpers::fixture_listings()
        .into_iter()
        .find(|l| l.lang.as_str() == "en" && first.contains(&format!("/listings/{}\"", l.id)))
        .expect("a listing on the page");
    listing.title = format!("Zebra crossing drills: {}", listing.title);
    app.save(vec![listing]).await;
    let (_, _, changed) = app.get(address).await;
    assert!(changed.contains("Zebra crossing drills"), "{changed}");

    // A topic renamed by the Secretariat.
    let mut sam = crate::helpers::sign_in(&app, "sam@secretariat.example.org").await;
    sam.get(&app, "/admin/topics/border-management").await;
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
    let (_, _, renamed) = app.get(address).await;
    assert!(renamed.contains("Frontier control"), "{renamed}");
}
