//! Whatever a person or a file sends, parsing and searching answer with a
//! result or a readable refusal, never a panic or a server error.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use catalogue::domain::{LanguageTag, Vocabulary};
use catalogue::interchange;
use catalogue::search::{Facet, SearchIndex, SearchRequest, Sort};
use catalogue::web::search_query::SearchQuery;
use proptest::prelude::*;

use crate::helpers::fixture_listings;

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    let index = SearchIndex::in_ram().unwrap();
    let listings = fixture_listings();
    let ids: BTreeSet<String> = listings.iter().map(|l| l.id.to_string()).collect();
    index.writer().unwrap().apply(&ids, &listings, 1).unwrap();
    index
});

/// Text made mostly of the characters that mean something to the query
/// parser, mixed with words and other scripts.
fn query_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        "*",
        "?",
        "~",
        "^",
        "+",
        "-",
        "!",
        "\\",
        "/",
        " ",
        "AND",
        "OR",
        "NOT",
        "TO",
        "IN",
        "title",
        "id",
        "border",
        "ผู้เสียหาย",
        "មនុស្ស",
        "人口",
        "2",
        "0.5",
        "'",
        "&&",
        "||",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_typed_query_is_answered(text in query_text(), sort in 0usize..4, page in 1usize..4) {
        let mut request = SearchRequest::new(text).filter(Facet::Language, "en");
        request.sort = Sort::ALL[sort];
        request.page = page;
        prop_assert!(INDEX.search(&request).is_ok());
    }

    #[test]
    fn any_unicode_query_is_answered(text in "\\PC{0,40}") {
        prop_assert!(INDEX.search(&SearchRequest::new(text)).is_ok());
    }

    #[test]
    fn any_query_string_parses_or_is_refused_in_words(raw in "[a-z_=&%0-9A-F+.;-]{0,60}") {
        if let Err(problem) = SearchQuery::parse(Some(&raw)) {
            let message = problem.to_string();
            prop_assert!(message.ends_with('.'), "{message}");
        }
    }

    #[test]
    fn any_file_content_is_read_or_refused(text in "\\PC{0,200}") {
        let _ = interchange::json::read(&text, Vocabulary::builtin());
    }

    #[test]
    fn any_json_object_is_read_or_refused_with_a_field(
        keys in prop::collection::vec(prop::sample::select(vec!["id", "kind", "title", "topics", "provider", "x"]), 0..6),
        values in prop::collection::vec(prop::sample::select(vec!["null", "1", "\"a\"", "[]", "{}", "[\"cybercrime\"]"]), 6),
    ) {
        let fields: Vec<String> = keys.iter().zip(&values).map(|(k, v)| format!("\"{k}\": {v}")).collect();
        let text = format!("{{{}}}", fields.join(", "));
        match interchange::json::read(&text, Vocabulary::builtin()) {
            Err(interchange::Error::Invalid(errors)) => prop_assert!(errors.iter().all(|e| !e.field.is_empty() && !e.reason.is_empty())),
            other => prop_assert!(false, "{text} gave {other:?}"),
        }
    }

    #[test]
    fn any_text_is_a_language_tag_or_refused(text in "\\PC{0,16}") {
        if let Ok(tag) = LanguageTag::parse(&text) {
            prop_assert_eq!(LanguageTag::parse(tag.as_str()).unwrap(), tag);
        }
    }
}

/// Values that have broken forms elsewhere: empty, blank, very long,
/// control characters, markup, other scripts, malformed dates and numbers.
const NASTY: &[&str] = &[
    "",
    "   ",
    "\u{0}",
    "<script>alert(1)</script>",
    "ท่าอากาศยาน",
    "2027-02-30",
    "-1",
    "99999999999999999999",
    "../../etc/passwd",
    "%FF%FE",
    "a\r\nb",
];

#[tokio::test]
async fn no_form_or_api_body_makes_a_server_error() {
    use axum::body::Body;
    use axum::http::Request;
    use catalogue::domain::Role;

    use crate::helpers::{TestApp, api, sign_in};

    let app = TestApp::with_fixtures().await;
    app.person("sam@secretariat.example.org", Role::Secretariat, None)
        .await;
    app.person("ana@jclec.example.org", Role::Contributor, Some("jclec"))
        .await;
    let account = app
        .catalogue
        .store
        .account_by_email("sam@secretariat.example.org")
        .await
        .unwrap()
        .unwrap();
    let token = app
        .catalogue
        .store
        .create_api_token(account.id)
        .await
        .unwrap();
    let listing = "jclec-investigating-people-smuggling";
    let long = "x".repeat(20_000);
    let mut nasty: Vec<&str> = NASTY.to_vec();
    nasty.push(&long);
    let site_routes = [
        "/sign-in".to_owned(),
        "/forgot-password".to_owned(),
        "/account/password".to_owned(),
        "/dashboard/listings/new".to_owned(),
        format!("/dashboard/listings/{listing}"),
        format!("/dashboard/listings/{listing}/submit"),
        format!("/dashboard/listings/{listing}/confirm"),
        format!("/review/{listing}/request-changes"),
        "/admin/organisations".to_owned(),
        "/admin/organisations/jclec".to_owned(),
        "/admin/people".to_owned(),
        "/admin/people/999999/reset".to_owned(),
        "/admin/people/not-a-number/disable".to_owned(),
        "/admin/topics".to_owned(),
        "/admin/topics/border-management".to_owned(),
        format!("/listings/{listing}/enquiry"),
        "/links/0000".to_owned(),
    ];
    let fields = [
        "email",
        "password",
        "confirm",
        "current",
        "org",
        "id",
        "kind",
        "delivery",
        "lang",
        "title",
        "summary",
        "description",
        "topics",
        "languages",
        "audience",
        "contact-email",
        "session-start-0",
        "session-end-0",
        "tr-lang-0",
        "tr-title-0",
        "location-country",
        "url",
        "name",
        "role",
        "country",
        "slug",
        "label",
        "comment",
        "message",
        "action",
    ];
    let mut failures = Vec::new();
    // Both sign in before the loop spends the address's sign-in allowance.
    let mut browser = sign_in(&app, "sam@secretariat.example.org").await;
    let mut ana = sign_in(&app, "ana@jclec.example.org").await;
    for value in &nasty {
        for route in &site_routes {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|f| (*f, *value)).collect();
            let (status, _, _) = browser.post(&app, route, &pairs).await;
            if status.is_server_error() {
                failures.push(format!("POST {route} with {value:.20?}: {status}"));
            }
        }
    }
    // Bodies that are not forms at all.
    for body in ["", "%", "a=%ZZ&&&=", "\u{feff}"] {
        for content_type in [
            None,
            Some("application/x-www-form-urlencoded"),
            Some("application/json"),
        ] {
            let mut request = Request::post("/dashboard/listings/new");
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            let (status, _, _) = ana
                .send(&app, request.body(Body::from(body)).unwrap())
                .await;
            if status.is_server_error() {
                failures.push(format!("form body {body:?} as {content_type:?}: {status}"));
            }
        }
    }
    // API bodies that are not listings.
    for body in [
        "null",
        "[]",
        "42",
        "\"x\"",
        "{\"id\": 1}",
        "[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]",
    ] {
        for (method, path) in [
            ("POST", "/api/v1/listings".to_owned()),
            ("PUT", format!("/api/v1/listings/{listing}")),
            (
                "POST",
                format!("/api/v1/listings/{listing}/request-changes"),
            ),
        ] {
            let value: serde_json::Value = serde_json::from_str(body).unwrap();
            let (status, _, answer) = app
                .request(api(method, &path, Some(&token), Some(&value)))
                .await;
            if status.is_server_error() || !answer.contains("\"detail\"") {
                failures.push(format!(
                    "{method} {path} with {body}: {status} {answer:.80}"
                ));
            }
        }
    }
    for path in [
        "/api/v1/listings/%FF/approve",
        "/api/v1/listings/..%2F..%2Fx/history",
        "/review/%00",
        "/links/%FF%FE",
    ] {
        let (status, _, _) = app.request(api("POST", path, Some(&token), None)).await;
        if status.is_server_error() {
            failures.push(format!("POST {path}: {status}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
