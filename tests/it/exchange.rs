//! Listings flowing out to other systems: harvesting every public listing
//! with tombstones, entity tags on listing reads, and cross-origin reading.

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use catalogue::domain::Role;
use catalogue::domain::lifecycle::Action;
use serde_json::Value;

use crate::helpers::{TestApp, fixture_values, sample};

/// Every page of a harvest from `start` (a query string), followed to the
/// end: the items, and the cursor to resume from.
async fn harvest_all(app: &TestApp, start: &str) -> (Vec<Value>, String) {
    let mut items = Vec::new();
    let mut query = start.to_owned();
    for _ in 0..1000 {
        let (status, page) = app.get_json(&format!("/api/v1/listings?{query}")).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        let cursor = page["cursor"].as_str().unwrap().to_owned();
        if !page["more"].as_bool().unwrap() {
            return (items, cursor);
        }
        query = format!("cursor={cursor}&limit=10");
    }
    panic!("the harvest never ended");
}

fn published_ids() -> BTreeSet<String> {
    fixture_values()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_harvest_pages_through_every_published_listing_once_in_a_stable_order() {
    let app = TestApp::with_fixtures().await;
    let (status, headers, body) = app.get("/api/v1/listings?limit=10").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let link = headers[header::LINK].to_str().unwrap();
    assert!(
        link.starts_with("<http://localhost:8080/api/v1/listings?cursor=")
            && link.ends_with(r#"&limit=10>; rel="next""#),
        "{link}"
    );
    let (items, _) = harvest_all(&app, "limit=10").await;
    let ids: Vec<String> = items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), published_ids().len(), "each once: {ids:?}");
    assert_eq!(
        ids.iter().cloned().collect::<BTreeSet<_>>(),
        published_ids()
    );
    // Each item is the listing as its own read gives it.
    for item in items.iter().take(5) {
        assert_eq!(item["status"], "published");
        assert!(item["at"].as_str().unwrap().ends_with('Z'), "{item}");
        let id = item["id"].as_str().unwrap();
        let (_, listing) = app.get_json(&format!("/api/v1/listings/{id}")).await;
        assert_eq!(item["listing"], listing);
    }
    // The same harvest again is the same, in the same order.
    let (again, _) = harvest_all(&app, "limit=10").await;
    assert_eq!(again, items);
}

#[tokio::test]
async fn listings_taken_down_come_as_tombstones_and_a_harvest_resumes_from_its_cursor() {
    let app = TestApp::with_fixtures().await;
    let (_, cursor) = harvest_all(&app, "limit=100").await;
    let store = &app.catalogue.store;
    let owner = {
        app.person("ana@jclec.example.org", Role::Contributor, Some("jclec"))
            .await;
        store
            .account_by_email("ana@jclec.example.org")
            .await
            .unwrap()
            .unwrap()
            .actor()
    };
    let withdrawn = crate::ownership::PUBLISHED;
    store
        .act(&owner, withdrawn, Action::Withdraw, None)
        .await
        .unwrap();
    let archived = fixture_values()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .find(|id| id != withdrawn)
        .unwrap();
    store
        .act(
            &catalogue::domain::Actor::operator(),
            &archived,
            Action::Archive,
            Some("ended"),
        )
        .await
        .unwrap();

    let (changes, _) = harvest_all(&app, &format!("cursor={cursor}")).await;
    assert_eq!(changes.len(), 2, "{changes:?}");
    let by_id: BTreeMap<&str, &Value> = changes
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i))
        .collect();
    let tombstone = by_id[withdrawn].as_object().unwrap();
    let mut keys: Vec<&String> = tombstone.keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["at", "id", "status"],
        "a tombstone says only what and when"
    );
    assert_eq!(tombstone["status"], "withdrawn");
    assert_eq!(by_id[archived.as_str()]["status"], "archived");

    // From the start, the two are tombstones among the rest.
    let (all, _) = harvest_all(&app, "").await;
    assert_eq!(all.len(), published_ids().len());
    let published = all.iter().filter(|i| i["status"] == "published").count();
    assert_eq!(published, published_ids().len() - 2);
}

#[tokio::test]
async fn changes_while_a_harvester_pages_are_neither_skipped_nor_doubled() {
    let app = TestApp::with_fixtures().await;
    let (status, first) = app.get_json("/api/v1/listings?limit=10").await;
    assert_eq!(status, StatusCode::OK);
    let first_items = first["items"].as_array().unwrap().clone();
    let seen_early = first_items[0]["id"].as_str().unwrap().to_owned();
    // Between pages: a listing already harvested changes, one not yet
    // reached changes, and a new one is published.
    let (everything, _) = harvest_all(&app, "limit=100").await;
    let not_yet = everything.last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut changed = Vec::new();
    for id in [&seen_early, &not_yet] {
        let (_, listing) = app.get_json(&format!("/api/v1/listings/{id}")).await;
        let mut listing: catalogue::domain::Listing = serde_json::from_value(listing).unwrap();
        listing.title = format!("{} (revised)", listing.title);
        changed.push(listing);
    }
    changed.push(sample("harvest-newcomer"));
    app.save(changed).await;

    let cursor = first["cursor"].as_str().unwrap();
    let (rest, _) = harvest_all(&app, &format!("cursor={cursor}&limit=10")).await;
    let mut items = first_items;
    items.extend(rest);
    // What a harvester keeps: the last version of each it met.
    let mut kept: BTreeMap<String, Value> = BTreeMap::new();
    let mut met: BTreeMap<String, usize> = BTreeMap::new();
    for item in &items {
        let id = item["id"].as_str().unwrap().to_owned();
        *met.entry(id.clone()).or_default() += 1;
        kept.insert(id, item.clone());
    }
    let mut expected = published_ids();
    expected.insert("harvest-newcomer".to_owned());
    assert_eq!(kept.keys().cloned().collect::<BTreeSet<_>>(), expected);
    for id in [&seen_early, &not_yet] {
        assert!(
            kept[id.as_str()]["listing"]["title"]
                .as_str()
                .unwrap()
                .ends_with("(revised)"),
            "{id} is kept in its new version"
        );
    }
    assert_eq!(met[&seen_early], 2, "met again in its new version");
    assert_eq!(met[&not_yet], 1, "met once, in its new version");
    assert_eq!(met["harvest-newcomer"], 1);
    assert!(
        met.iter()
            .filter(|(id, _)| **id != seen_early)
            .all(|(_, n)| *n == 1),
        "{met:?}"
    );
}

#[tokio::test]
async fn a_harvest_explains_what_it_cannot_read() {
    let app = TestApp::with_fixtures().await;
    let (status, page) = app
        .get_json("/api/v1/listings?updated_since=2999-01-01")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"], serde_json::json!([]));
    assert_eq!(page["more"], false);
    let (status, page) = app
        .get_json("/api/v1/listings?updated_since=2000-01-01T00:00:00Z&limit=5")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    for (query, says) in [
        ("updated_since=yesterday", "is not a time"),
        ("cursor=abc", "is not a number"),
        ("cursor=-4", "is not a number"),
        ("limit=5000", "from 0 to 1000"),
    ] {
        let (status, answer) = app.get_json(&format!("/api/v1/listings?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            answer["detail"].as_str().unwrap().contains(says),
            "{query}: {answer}"
        );
    }
}

#[tokio::test]
async fn a_listing_read_carries_an_entity_tag_and_an_unchanged_one_is_not_sent_again() {
    let app = TestApp::with_fixtures().await;
    let path = format!("/api/v1/listings/{}", crate::ownership::PUBLISHED);
    let (status, headers, body) = app.get(&path).await;
    assert_eq!(status, StatusCode::OK);
    let etag = headers[header::ETAG].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    let listing: catalogue::domain::Listing = serde_json::from_str(&body).unwrap();

    let ask = |tag: &str| {
        Request::get(&path)
            .header(header::IF_NONE_MATCH, tag)
            .body(Body::empty())
            .unwrap()
    };
    let (status, headers, body) = app.request(ask(&etag)).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(headers[header::ETAG], etag.as_str());
    let (status, _, _) = app.request(ask(&format!("\"other\", {etag}"))).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED, "one of a list");
    let (status, _, _) = app.request(ask("\"other\"")).await;
    assert_eq!(status, StatusCode::OK);

    let mut changed = listing;
    changed.summary = format!("{} Now also online.", changed.summary);
    app.save(vec![changed]).await;
    let (status, headers, _) = app.request(ask(&etag)).await;
    assert_eq!(status, StatusCode::OK, "changed since");
    assert_ne!(headers[header::ETAG], etag.as_str());
}

#[tokio::test]
async fn other_sites_may_read_the_api_but_not_write_through_it() {
    let app = TestApp::with_fixtures().await;
    let origin = "https://portal.example.gov.ph";
    for path in [
        "/api/v1/search?q=border".to_owned(),
        "/api/v1/suggest?q=bor".to_owned(),
        "/api/v1/listings?limit=2".to_owned(),
        format!("/api/v1/listings/{}", crate::ownership::PUBLISHED),
    ] {
        let request = Request::get(&path)
            .header(header::ORIGIN, origin)
            .body(Body::empty())
            .unwrap();
        let (status, headers, _) = app.request(request).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*", "{path}");
        assert!(!headers.contains_key(header::ACCESS_CONTROL_ALLOW_CREDENTIALS));
        // A preflight, as a page asking with If-None-Match would send.
        let preflight = Request::options(&path)
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "if-none-match")
            .body(Body::empty())
            .unwrap();
        let (status, headers, _) = app.request(preflight).await;
        assert!(status.is_success(), "{path}: {status}");
        assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
        let methods = headers[header::ACCESS_CONTROL_ALLOW_METHODS]
            .to_str()
            .unwrap();
        assert!(
            methods.contains("GET") && !methods.contains("POST"),
            "{methods}"
        );
    }
    // Writing answers no other site.
    for (method, path) in [
        ("POST", "/api/v1/listings".to_owned()),
        (
            "PUT",
            format!("/api/v1/listings/{}", crate::ownership::PUBLISHED),
        ),
        (
            "DELETE",
            format!("/api/v1/listings/{}", crate::ownership::PUBLISHED),
        ),
    ] {
        let request = Request::builder()
            .method(method)
            .uri(&path)
            .header(header::ORIGIN, origin)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let (_, headers, _) = app.request(request).await;
        assert!(
            !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "{method} {path}"
        );
        let preflight = Request::options(&path)
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, method)
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
            .body(Body::empty())
            .unwrap();
        let (_, headers, _) = app.request(preflight).await;
        let allowed = headers
            .get(header::ACCESS_CONTROL_ALLOW_METHODS)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        assert!(!allowed.contains(method), "{method} {path}: {allowed}");
    }
}

/// The child elements of `node` named `name` (in any namespace).
fn children<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|c| c.tag_name().name() == name)
        .collect()
}

#[tokio::test]
async fn the_sitemap_names_every_published_listing_with_the_languages_it_reads_in() {
    let app = TestApp::with_fixtures().await;
    let (status, headers, xml) = app.get("/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/xml; charset=utf-8"
    );
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let urlset = document.root_element();
    assert_eq!(urlset.tag_name().name(), "urlset");
    assert_eq!(
        urlset.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let urls = children(urlset, "url");
    let mut listed = BTreeSet::new();
    let mut alternates_of: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for url in &urls {
        let loc = children(*url, "loc")[0].text().unwrap();
        let id = loc
            .strip_prefix("http://localhost:8080/listings/")
            .unwrap_or_else(|| panic!("{loc}"));
        listed.insert(id.to_owned());
        let lastmod = children(*url, "lastmod")[0].text().unwrap();
        assert!(catalogue::domain::Day::parse(lastmod).is_ok(), "{lastmod}");
        let links: Vec<(String, String)> = children(*url, "link")
            .iter()
            .map(|link| {
                assert_eq!(
                    link.tag_name().namespace(),
                    Some("http://www.w3.org/1999/xhtml")
                );
                assert_eq!(link.attribute("rel"), Some("alternate"));
                (
                    link.attribute("hreflang").unwrap().to_owned(),
                    link.attribute("href").unwrap().to_owned(),
                )
            })
            .collect();
        alternates_of.insert(id.to_owned(), links);
    }
    assert_eq!(listed, published_ids(), "every published listing, once");
    assert_eq!(urls.len(), listed.len());

    // A listing in English translated into Thai, Vietnamese and Khmer (and
    // nothing else the interface speaks) reads in four languages.
    let links = &alternates_of["rso-frontline-induction-curriculum"];
    let tags: Vec<&str> = links.iter().map(|(tag, _)| tag.as_str()).collect();
    assert_eq!(tags, ["en", "km", "th", "vi", "x-default"]);
    // Sinhala and Tetum translations are not interface languages: the
    // listing reads in English, Thai, Indonesian, Khmer and Vietnamese.
    let tags: Vec<String> = alternates_of["rso-qrg-interviewing-victims"]
        .iter()
        .map(|(tag, _)| tag.clone())
        .collect();
    assert_eq!(tags, ["en", "id", "km", "th", "vi", "x-default"]);
    // A listing in one language has no alternates.
    let single = fixture_values()
        .into_iter()
        .find(|l| l["translations"].as_object().is_none_or(|t| t.is_empty()))
        .unwrap();
    assert!(alternates_of[single["id"].as_str().unwrap()].is_empty());

    // Each alternate is the page in that language, naming itself.
    let (_, thai) = &links[2];
    let path = thai.strip_prefix("http://localhost:8080").unwrap();
    let (status, headers, page) = app.get(path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<html lang="th""#), "{path}");
    assert!(page.contains(&format!(r#"<link rel="canonical" href="{thai}">"#)));
    assert!(page.contains(r#"<link rel="alternate" hreflang="km" href="http://localhost:8080/listings/rso-frontline-induction-curriculum?lang=km">"#));
    assert!(
        !headers.contains_key(header::SET_COOKIE),
        "reading in a language does not remember it"
    );

    // Any page reads in a language so asked, the search page included.
    let (status, _, page) = app.get("/?q=border&lang=vi").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<html lang="vi""#));

    let (status, _, body) = app.get("/sitemap.xml?part=2").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("parts 1 to 1"), "{body}");
}

#[tokio::test]
async fn robots_txt_keeps_crawlers_to_public_pages_and_names_the_sitemap() {
    let app = TestApp::with_fixtures().await;
    let (status, headers, text) = app.get("/robots.txt").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/plain; charset=utf-8");
    for line in [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /dashboard",
        "Disallow: /api/",
        "Disallow: /confirm/",
        "Disallow: /listings/*/enquiry",
        "Allow: /",
        "Sitemap: http://localhost:8080/sitemap.xml",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in {text}");
    }
    assert!(!text.contains("Disallow: /listings/\n"));
}

#[tokio::test]
async fn every_page_describes_itself_and_names_the_sites_icon() {
    let app = TestApp::with_fixtures().await;
    app.person("desk@secretariat.example.org", Role::Secretariat, None)
        .await;
    let mut desk = crate::helpers::sign_in(&app, "desk@secretariat.example.org").await;
    let mut icon = None;
    for (signed_in, path) in [
        (false, "/"),
        (false, "/?q=border"),
        (false, "/listings/rso-frontline-induction-curriculum"),
        (false, "/about"),
        (false, "/about/translations"),
        (false, "/sign-in"),
        (false, "/listings/no-such-listing"),
        (true, "/dashboard"),
        (true, "/admin/coverage"),
        (true, "/account/settings"),
    ] {
        let (_, _, page) = if signed_in {
            desk.get(&app, path).await
        } else {
            app.get(path).await
        };
        let start = page
            .find(r#"<meta name="description" content=""#)
            .unwrap_or_else(|| panic!("{path} has no description"));
        let content = page[start + 34..].split('"').next().unwrap();
        assert!(content.len() > 20, "{path}: {content}");
        let href = page
            .split(r#"<link rel="icon" type="image/svg+xml" href=""#)
            .nth(1)
            .unwrap_or_else(|| panic!("{path} names no icon"))
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        icon = Some(href);
    }
    let icon = icon.unwrap();
    let (status, headers, svg) = app.get(&icon).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(roxmltree::Document::parse(&svg).is_ok());
    let (status, headers, _) = app.get("/favicon.ico").await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(headers[header::LOCATION], icon.as_str());
}

/// The properties schema.org defines for each type used (its own and those
/// it inherits from `Thing`, `CreativeWork`, `Event` and the rest), as
/// listed on its pages for `Course`, `CourseInstance`, `Organization`,
/// `Place`, `PostalAddress` and `Audience`.
fn schema_properties(kind: &str) -> &'static [&'static str] {
    const THING: &[&str] = &[
        "@context",
        "@type",
        "@id",
        "name",
        "description",
        "url",
        "identifier",
        "alternateName",
        "image",
        "sameAs",
    ];
    match kind {
        "Course" => &[
            "@context",
            "@type",
            "@id",
            "name",
            "description",
            "url",
            "identifier",
            "inLanguage",
            "about",
            "provider",
            "hasCourseInstance",
            "audience",
            "dateModified",
            "courseCode",
            "coursePrerequisites",
            "educationalLevel",
            "teaches",
            "keywords",
            "datePublished",
            "isAccessibleForFree",
        ],
        "CourseInstance" => &[
            "@type",
            "courseMode",
            "startDate",
            "endDate",
            "location",
            "courseWorkload",
            "instructor",
            "inLanguage",
            "name",
            "description",
            "url",
            "eventStatus",
            "organizer",
        ],
        "Organization" => &["@type", "name", "address", "url", "email", "identifier"],
        "Place" => &["@type", "name", "address", "geo", "url"],
        "PostalAddress" => &[
            "@type",
            "addressCountry",
            "addressLocality",
            "addressRegion",
            "postalCode",
            "streetAddress",
        ],
        "Audience" => &["@type", "audienceType", "geographicArea", "name"],
        _ => THING,
    }
}

/// Checks every object in `value` against the properties its type defines.
fn check_schema(value: &Value, path: &str) {
    match value {
        Value::Object(object) => {
            let kind = object["@type"]
                .as_str()
                .unwrap_or_else(|| panic!("{path} has no @type"));
            let known = schema_properties(kind);
            for (key, child) in object {
                assert!(
                    known.contains(&key.as_str()),
                    "{path}: {kind} has no property {key}"
                );
                if child.is_object() || child.is_array() {
                    check_schema(child, &format!("{path}.{key}"));
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if item.is_object() {
                    check_schema(item, &format!("{path}[{i}]"));
                }
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn listing_pages_carry_schema_org_course_data() {
    let app = TestApp::with_fixtures().await;
    for fixture in fixture_values() {
        let id = fixture["id"].as_str().unwrap();
        let (status, _, page) = app.get(&format!("/listings/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let json = page
            .split(r#"<script type="application/ld+json">"#)
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .unwrap_or_else(|| panic!("{id} has no structured data"));
        let data: Value = serde_json::from_str(json).unwrap();
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "Course");
        check_schema(&data, id);
        assert_eq!(data["name"], fixture["title"]);
        assert_eq!(data["description"], fixture["summary"]);
        assert_eq!(data["provider"]["name"], fixture["provider"]["name"]);
        assert_eq!(
            data["url"],
            format!("http://localhost:8080/listings/{id}").as_str()
        );
        let sessions = fixture["sessions"].as_array().cloned().unwrap_or_default();
        let instances = data["hasCourseInstance"].as_array().unwrap();
        assert_eq!(instances.len(), sessions.len(), "{id}");
        for (instance, session) in instances.iter().zip(&sessions) {
            assert_eq!(instance["startDate"], session["start"]);
            assert_eq!(instance["endDate"], session["end"]);
        }
    }
    // Text that would close the script element cannot.
    let mut listing = sample("script-in-title");
    listing.title = "Closing </script><script>alert(1)</script> tags".to_owned();
    app.save(vec![listing]).await;
    let (_, _, page) = app.get("/listings/script-in-title").await;
    let data = page
        .split(r#"<script type="application/ld+json">"#)
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let data: Value = serde_json::from_str(data).unwrap();
    assert_eq!(
        data["name"],
        "Closing </script><script>alert(1)</script> tags"
    );
}

/// The events of an iCalendar text, each as property name → value, read
/// with the icalendar crate's parser.
fn events(ics: &str) -> Vec<BTreeMap<String, String>> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    assert!(
        calendar
            .properties
            .iter()
            .any(|p| p.name == "VERSION" && p.val == "2.0")
    );
    assert!(calendar.properties.iter().any(|p| p.name == "PRODID"));
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|event| {
            event
                .properties
                .iter()
                .map(|p| (p.name.to_string(), p.val.to_string()))
                .collect()
        })
        .collect()
}

fn ical_day(day: &str) -> String {
    day.replace('-', "")
}

/// Sessions of the fixtures with `topic` that have not ended.
fn upcoming_sessions(topic: &str) -> Vec<(String, String, String)> {
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let mut found = Vec::new();
    for listing in fixture_values() {
        let topics = listing["topics"].as_array().unwrap();
        if !topics.iter().any(|t| t == topic) {
            continue;
        }
        for session in listing["sessions"].as_array().cloned().unwrap_or_default() {
            let (start, end) = (
                session["start"].as_str().unwrap().to_owned(),
                session["end"].as_str().unwrap().to_owned(),
            );
            if end >= today {
                found.push((listing["id"].as_str().unwrap().to_owned(), start, end));
            }
        }
    }
    found.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    found
}

#[tokio::test]
async fn a_listings_sessions_open_in_any_calendar_with_its_place_and_a_link_back() {
    let app = TestApp::with_fixtures().await;
    let id = crate::ownership::PUBLISHED;
    let fixture = fixture_values()
        .into_iter()
        .find(|l| l["id"] == id)
        .unwrap();
    let (_, _, page) = app.get(&format!("/listings/{id}")).await;
    assert!(page.contains(&format!(r#"href="/listings/{id}/calendar.ics""#)));
    let (status, headers, ics) = app.get(&format!("/listings/{id}/calendar.ics")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    let events = events(&ics);
    let sessions = fixture["sessions"].as_array().unwrap();
    assert_eq!(events.len(), sessions.len());
    for (event, session) in events.iter().zip(sessions) {
        assert_eq!(event["SUMMARY"], fixture["title"].as_str().unwrap());
        assert_eq!(
            event["DTSTART"],
            ical_day(session["start"].as_str().unwrap())
        );
        // All-day events end the day after their last (RFC 5545).
        let end = catalogue::domain::Day::parse(session["end"].as_str().unwrap()).unwrap();
        let after = end.date().next_day().unwrap().to_string();
        assert_eq!(event["DTEND"], ical_day(&after));
        let link = format!("http://localhost:8080/listings/{id}");
        assert_eq!(event["URL"], link);
        assert!(event["DESCRIPTION"].contains(&link), "{event:?}");
        let city = fixture["location"]["city"].as_str().unwrap();
        assert!(event["LOCATION"].starts_with(city), "{event:?}");
        assert!(event["UID"].ends_with("@localhost"), "{event:?}");
    }
    let (status, _, _) = app.get("/listings/no-such-listing/calendar.ics").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_searchs_sessions_to_come_come_as_a_calendar_and_as_a_page_by_month() {
    let app = TestApp::with_fixtures().await;
    let topic = "document-examination";
    let expected = upcoming_sessions(topic);
    assert!(expected.len() >= 2, "{expected:?}");

    let (status, _, ics) = app.get(&format!("/calendar.ics?topic={topic}")).await;
    assert_eq!(status, StatusCode::OK);
    let mut got: Vec<(String, String)> = events(&ics)
        .iter()
        .map(|e| {
            (
                e["DTSTART"].clone(),
                e["URL"].rsplit('/').next().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(id, start, _)| (ical_day(start), id.clone()))
        .collect();
    want.sort();
    assert_eq!(got, want, "every session to come, and only those");

    let (status, _, page) = app.get(&format!("/calendar?topic={topic}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page.matches(r#"<li class="card">"#).count(), expected.len());
    // Soonest first: the listings' links appear in the order of their
    // sessions.
    let mut last = 0;
    for (id, _, _) in &expected {
        let at = page[last..]
            .find(&format!(r#"href="/listings/{id}""#))
            .map(|i| i + last)
            .unwrap_or_else(|| panic!("{id} after position {last}"));
        last = at;
    }
    assert!(page.contains(r#"href="/calendar.ics?topic=document-examination""#));
    // Each month is headed by its name and year.
    for (_, start, _) in &expected {
        let day = catalogue::domain::Day::parse(start).unwrap().date();
        let heading = format!("<h2>{} {}</h2>", day.month(), day.year());
        assert!(page.contains(&heading), "{heading}");
    }
    // A page of listings at a time, with a way to the later ones.
    let (_, _, first) = app
        .get(&format!("/calendar?topic={topic}&per_page=1"))
        .await;
    assert!(
        first.contains(&format!(
            r#"<a href="/calendar?topic={topic}&amp;per_page=1&amp;page=2" rel="next">"#
        )),
        "{first}"
    );
    let (_, _, second) = app
        .get(&format!("/calendar?topic={topic}&per_page=1&page=2"))
        .await;
    let (first_id, second_id) = (&expected[0].0, &expected.last().unwrap().0);
    assert!(first.contains(&format!(r#"href="/listings/{first_id}""#)));
    assert!(!second.contains(&format!(r#"href="/listings/{first_id}""#)) || first_id == second_id);
    let (status, _, page) = app.get("/calendar?q=zzqxnothing").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No session to come matches this search."));
    let (status, _, _) = app.get("/calendar?sort=colour").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_search_can_be_followed_as_an_atom_feed() {
    let app = TestApp::with_fixtures().await;
    let topic = "document-examination";
    let (_, _, results) = app.get(&format!("/?topic={topic}")).await;
    assert!(results.contains(&format!(
        r#"<link rel="alternate" type="application/atom+xml" title="Follow this search in a feed reader (Atom)" href="/feed.atom?topic={topic}">"#
    )));
    let (_, _, home) = app.get("/").await;
    assert!(
        home.contains(r#"title="Follow this search in a feed reader (Atom)" href="/feed.atom">"#),
        "the home page follows all new training"
    );

    let (status, headers, xml) = app.get(&format!("/feed.atom?topic={topic}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/atom+xml; charset=utf-8"
    );
    let feed: atom_syndication::Feed = xml.parse().expect("a valid Atom feed");
    assert_eq!(
        feed.id(),
        format!("http://localhost:8080/feed.atom?topic={topic}")
    );
    assert!(
        feed.title().as_str().contains(topic),
        "{}",
        feed.title().as_str()
    );
    assert!(feed.links().iter().any(|l| l.rel() == "self"));
    let ids: BTreeSet<String> = feed
        .entries()
        .iter()
        .map(|e| e.id().rsplit('/').next().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = fixture_values()
        .iter()
        .filter(|l| l["topics"].as_array().unwrap().iter().any(|t| t == topic))
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, expected);
    // Newest first.
    let updated: Vec<_> = feed.entries().iter().map(|e| *e.updated()).collect();
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");

    // A listing published on the topic is in the feed at once, first.
    let mut listing = sample("new-document-examination-course");
    listing.topics = vec![catalogue::domain::TopicSlug::parse(topic).unwrap()];
    listing.updated = Some(catalogue::domain::Day::parse("2099-01-01").unwrap());
    app.save(vec![listing]).await;
    let (_, _, xml) = app.get(&format!("/feed.atom?topic={topic}")).await;
    let feed: atom_syndication::Feed = xml.parse().unwrap();
    assert!(
        feed.entries()[0]
            .id()
            .ends_with("/listings/new-document-examination-course")
    );
}

/// What is wrong with `instance` for the schema the document gives the
/// answer of `method path` with `status`, its references resolved in the
/// document's components.
fn schema_errors(
    document: &Value,
    method: &str,
    path: &str,
    status: u16,
    instance: &Value,
) -> Vec<String> {
    let operation = &document["paths"][path][method];
    assert!(operation.is_object(), "the document has {method} {path}");
    let response = &operation["responses"][status.to_string()];
    assert!(
        response.is_object(),
        "the document gives {method} {path} a {status} answer"
    );
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {path} {status} has a JSON schema"
    );
    let mut root = schema.clone();
    root["components"] = document["components"].clone();
    root["$schema"] = Value::from("https://json-schema.org/draft/2020-12/schema");
    let validator = jsonschema::validator_for(&root)
        .unwrap_or_else(|err| panic!("{method} {path}: the schema compiles: {err}"));
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[tokio::test]
async fn every_endpoint_answers_as_the_openapi_document_says() {
    let mut app = TestApp::with_fixtures().await;
    app.without_api_limits();
    let (status, headers, body) = app.get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let document: Value = serde_json::from_str(&body).unwrap();
    assert!(
        document["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        document["openapi"]
    );
    // The check can fail: an answer of the wrong shape is caught.
    let wrong = serde_json::json!({"total": "many", "hits": [{"id": 7}]});
    assert!(!schema_errors(&document, "get", "/api/v1/search", 200, &wrong).is_empty());
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();
    let mut check = |method: &str, path: &str, status: StatusCode, answer: &str| {
        let instance: Value = serde_json::from_str(answer)
            .unwrap_or_else(|_| panic!("{method} {path}: JSON, not {answer}"));
        let errors = schema_errors(&document, method, path, status.as_u16(), &instance);
        assert!(
            errors.is_empty(),
            "{method} {path} {status}: {errors:?}\n{instance}"
        );
        covered.insert((method.to_owned(), path.to_owned()));
    };
    let store = &app.catalogue.store;
    app.person("ana@jclec.example.org", Role::Contributor, Some("jclec"))
        .await;
    app.person("desk@secretariat.example.org", Role::Secretariat, None)
        .await;
    let owner = crate::ownership::token_for(&app, "ana@jclec.example.org").await;
    let desk = crate::ownership::token_for(&app, "desk@secretariat.example.org").await;
    let api = crate::helpers::api;

    for query in [
        "q=border",
        "q=document&topic=document-examination&language=en&sort=start&per_page=5",
        "q=pemeriksaan+dokumen",
        "q=zzqxnothing",
        "q=bordr+managment",
    ] {
        let (status, _, body) = app.get(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, StatusCode::OK);
        check("get", "/api/v1/search", status, &body);
    }
    let (status, _, body) = app.get("/api/v1/search?sort=colour").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    check("get", "/api/v1/search", status, &body);
    for typed in ["bor", "ตรวจ", "jcl"] {
        let (status, _, body) = app.get(&format!("/api/v1/suggest?q={typed}")).await;
        check("get", "/api/v1/suggest", status, &body);
    }
    for fixture in fixture_values() {
        let id = fixture["id"].as_str().unwrap();
        let (status, _, body) = app.get(&format!("/api/v1/listings/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        check("get", "/api/v1/listings/{id}", status, &body);
    }
    let (status, _, body) = app.get("/api/v1/listings/no-such-listing").await;
    check("get", "/api/v1/listings/{id}", status, &body);

    // Writing: a new listing, its problems, a revision, review, history,
    // taking down.
    let listing =
        crate::ownership::api_listing("jclec-openapi-course", "Checked against the document");
    let (status, _, body) = app
        .request(api(
            "POST",
            "/api/v1/listings",
            Some(&owner),
            Some(&listing),
        ))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    check("post", "/api/v1/listings", status, &body);
    let (status, _, body) = app
        .request(api("POST", "/api/v1/listings", None, Some(&listing)))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    check("post", "/api/v1/listings", status, &body);
    let mut broken = listing.clone();
    broken["id"] = Value::from("jclec-broken");
    broken["topics"] = serde_json::json!(["no-such-topic"]);
    let (status, _, body) = app
        .request(api("POST", "/api/v1/listings", Some(&owner), Some(&broken)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    check("post", "/api/v1/listings", status, &body);
    let path = "/api/v1/listings/jclec-openapi-course";
    let (status, _, body) = app
        .request(api(
            "POST",
            &format!("{path}/request-changes"),
            Some(&desk),
            Some(&serde_json::json!({"comment": "Add dates."})),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    check(
        "post",
        "/api/v1/listings/{id}/request-changes",
        status,
        &body,
    );
    let (status, _, body) = app
        .request(api("PUT", path, Some(&owner), Some(&listing)))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    check("put", "/api/v1/listings/{id}", status, &body);
    let (status, _, body) = app
        .request(api("POST", &format!("{path}/approve"), Some(&desk), None))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    check("post", "/api/v1/listings/{id}/approve", status, &body);
    let (status, _, body) = app
        .request(api("POST", &format!("{path}/approve"), Some(&desk), None))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    check("post", "/api/v1/listings/{id}/approve", status, &body);
    let (status, _, body) = app
        .request(api("GET", &format!("{path}/history"), Some(&owner), None))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    check("get", "/api/v1/listings/{id}/history", status, &body);
    let (status, _, body) = app.request(api("DELETE", path, Some(&owner), None)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    check("delete", "/api/v1/listings/{id}", status, &body);
    let _ = store;

    // The harvest, with that listing now a tombstone.
    let (status, _, body) = app.get("/api/v1/listings?limit=1000").await;
    assert!(body.contains(r#""status":"withdrawn""#), "{body}");
    check("get", "/api/v1/listings", status, &body);
    let (status, _, body) = app.get("/api/v1/listings?cursor=x").await;
    check("get", "/api/v1/listings", status, &body);

    // Every operation of the document was asked and checked.
    let mut documented = BTreeSet::new();
    for (path, methods) in document["paths"].as_object().unwrap() {
        for method in methods.as_object().unwrap().keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    assert_eq!(covered, documented);
}

#[tokio::test]
async fn the_api_page_describes_every_endpoint_for_people() {
    let app = TestApp::with_fixtures().await;
    let (status, _, page) = app.get("/api").await;
    assert_eq!(status, StatusCode::OK);
    for endpoint in [
        "GET /api/v1/search",
        "GET /api/v1/suggest",
        "GET /api/v1/listings/{id}",
        "GET /api/v1/listings",
        "POST /api/v1/listings",
        "PUT /api/v1/listings/{id}",
        "DELETE /api/v1/listings/{id}",
        "POST /api/v1/listings/{id}/approve",
        "POST /api/v1/listings/{id}/request-changes",
        "GET /api/v1/listings/{id}/history",
    ] {
        assert!(
            page.contains(&format!("<code>{endpoint}</code>")),
            "{endpoint}"
        );
    }
    assert!(page.contains(r#"href="/api/v1/openapi.json""#));
}
