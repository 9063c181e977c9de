//! The search API: filters, disjunctive facet counts, paging, sorting,
//! highlights and bad queries.

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, fixture_values, hit_ids};

const FACETS: [&str; 7] = [
    "topic", "language", "provider", "kind", "delivery", "country", "audience",
];

/// A fixture listing's values for one facet, read straight from the JSON.
fn values_of(listing: &Value, facet: &str) -> Vec<String> {
    let strings = |v: &Value| {
        v.as_array()
            .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default()
    };
    match facet {
        "topic" => strings(&listing["topics"]),
        "language" => strings(&listing["languages"]),
        "audience" => strings(&listing["audience"]),
        "provider" => vec![listing["provider"]["id"].as_str().unwrap().to_owned()],
        "kind" => vec![listing["kind"].as_str().unwrap().to_owned()],
        "delivery" => vec![
            listing["delivery"]
                .as_str()
                .unwrap_or("in-person")
                .to_owned(),
        ],
        "country" => {
            let place = listing
                .get("location")
                .map_or(&listing["provider"]["country"], |l| &l["country"]);
            vec![place.as_str().unwrap().to_uppercase()]
        }
        other => panic!("unknown facet {other}"),
    }
}

/// Whether a listing passes every filter, leaving out one facet's.
fn passes(listing: &Value, filters: &BTreeMap<&str, Vec<&str>>, skip: Option<&str>) -> bool {
    filters
        .iter()
        .filter(|(facet, _)| Some(**facet) != skip)
        .all(|(facet, wanted)| {
            values_of(listing, facet)
                .iter()
                .any(|v| wanted.contains(&v.as_str()))
        })
}

fn query_string(filters: &BTreeMap<&str, Vec<&str>>) -> String {
    filters
        .iter()
        .flat_map(|(f, vs)| vs.iter().map(move |v| format!("{f}={v}")))
        .collect::<Vec<_>>()
        .join("&")
}

fn api_counts(answer: &Value, facet: &str) -> BTreeMap<String, u64> {
    answer["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap().to_owned(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_empty_query_lists_everything_with_facet_counts() {
    let app = TestApp::with_fixtures().await;
    let fixtures = fixture_values();

    let (status, answer) = app.get_json("/api/v1/search?per_page=100").await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["total"], fixtures.len());
    assert_eq!(answer["hits"].as_array().unwrap().len(), fixtures.len());
    for facet in FACETS {
        let mut expected: BTreeMap<String, u64> = BTreeMap::new();
        for listing in &fixtures {
            for value in values_of(listing, facet) {
                *expected.entry(value).or_default() += 1;
            }
        }
        assert_eq!(api_counts(&answer, facet), expected, "facet {facet}");
    }
}

#[tokio::test]
async fn each_filter_keeps_exactly_the_listings_with_that_value() {
    let app = TestApp::with_fixtures().await;
    let fixtures = fixture_values();
    for facet in FACETS {
        // The most common value of each facet, and one value of a single listing.
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for listing in &fixtures {
            for value in values_of(listing, facet) {
                *counts.entry(value).or_default() += 1;
            }
        }
        let most = counts.iter().max_by_key(|(_, n)| **n).unwrap().0.clone();
        let rare = counts
            .iter()
            .find(|(_, n)| **n == 1)
            .map(|(v, _)| v.clone())
            .unwrap_or_else(|| most.clone());
        for value in [most, rare] {
            let expected: BTreeSet<String> = fixtures
                .iter()
                .filter(|l| values_of(l, facet).contains(&value))
                .map(|l| l["id"].as_str().unwrap().to_owned())
                .collect();

            let (status, answer) = app
                .get_json(&format!("/api/v1/search?per_page=100&{facet}={value}"))
                .await;

            assert_eq!(status, StatusCode::OK);
            let found: BTreeSet<String> = hit_ids(&answer).into_iter().collect();
            assert_eq!(found, expected, "{facet}={value}");
            assert_eq!(answer["total"], expected.len());
        }
    }
}

#[tokio::test]
async fn values_of_one_facet_are_or_and_facets_are_and_with_disjunctive_counts() {
    let app = TestApp::with_fixtures().await;
    let fixtures = fixture_values();
    let filters: BTreeMap<&str, Vec<&str>> = BTreeMap::from([
        (
            "topic",
            vec!["trafficking-in-persons", "document-examination"],
        ),
        ("language", vec!["en", "km"]),
        ("kind", vec!["course"]),
    ]);

    let (status, answer) = app
        .get_json(&format!(
            "/api/v1/search?per_page=100&{}",
            query_string(&filters)
        ))
        .await;

    assert_eq!(status, StatusCode::OK);
    let expected: BTreeSet<String> = fixtures
        .iter()
        .filter(|l| passes(l, &filters, None))
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        expected.len() > 3,
        "the filters should leave a few listings"
    );
    assert_eq!(
        hit_ids(&answer).into_iter().collect::<BTreeSet<_>>(),
        expected
    );
    for facet in FACETS {
        // Each facet counted with every other facet's filters but not its own.
        let skip = filters.contains_key(facet).then_some(facet);
        let mut expected: BTreeMap<String, u64> = BTreeMap::new();
        for listing in fixtures.iter().filter(|l| passes(l, &filters, skip)) {
            for value in values_of(listing, facet) {
                *expected.entry(value).or_default() += 1;
            }
        }
        assert_eq!(api_counts(&answer, facet), expected, "facet {facet}");
    }
    let selected: Vec<_> = answer["facets"]["language"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["selected"] == true)
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(selected.len(), 2);
}

/// Facet values are read per index segment and cached; listings changed
/// and added one save at a time (each its own segment, the old versions
/// deleted from theirs) must count exactly like a fresh index.
#[tokio::test]
async fn counts_and_filters_hold_across_segments_after_changes() {
    let app = TestApp::with_fixtures().await;
    let mut listings = fixture_values();
    for (i, listing) in listings.iter_mut().enumerate().filter(|(i, _)| i % 9 == 0) {
        listing["topics"] = serde_json::json!(["document-examination", "border-management"]);
        listing["languages"] = serde_json::json!(if i % 2 == 0 { ["km"] } else { ["en"] });
        listing["kind"] = serde_json::json!("course");
        app.save(vec![serde_json::from_value(listing.clone()).unwrap()])
            .await;
    }
    for n in 0..3 {
        let mut added = crate::helpers::sample_listing(&format!("added-{n}"));
        added["topics"] = serde_json::json!(["document-examination"]);
        added["kind"] = serde_json::json!("course");
        app.save(vec![serde_json::from_value(added.clone()).unwrap()])
            .await;
        listings.push(added);
    }
    let combinations: [&[(&str, &[&str])]; 4] = [
        &[("topic", &["document-examination"])],
        &[("topic", &["document-examination"]), ("language", &["km"])],
        &[
            ("topic", &["border-management", "trafficking-in-persons"]),
            ("language", &["en", "km"]),
            ("kind", &["course"]),
        ],
        &[("provider", &["test-provider"]), ("kind", &["course"])],
    ];
    for combination in combinations {
        let filters: BTreeMap<&str, Vec<&str>> = combination
            .iter()
            .map(|(facet, values)| (*facet, values.to_vec()))
            .collect();
        let (_, answer) = app
            .get_json(&format!(
                "/api/v1/search?per_page=100&{}",
                query_string(&filters)
            ))
            .await;
        let expected: BTreeSet<String> = listings
            .iter()
            .filter(|l| passes(l, &filters, None))
            .map(|l| l["id"].as_str().unwrap().to_owned())
            .collect();
        assert!(!expected.is_empty(), "{filters:?} should keep some");
        assert_eq!(
            hit_ids(&answer).into_iter().collect::<BTreeSet<_>>(),
            expected,
            "{filters:?}"
        );
        for facet in FACETS {
            let skip = filters.contains_key(facet).then_some(facet);
            let mut expected: BTreeMap<String, u64> = BTreeMap::new();
            for listing in listings.iter().filter(|l| passes(l, &filters, skip)) {
                for value in values_of(listing, facet) {
                    *expected.entry(value).or_default() += 1;
                }
            }
            assert_eq!(
                api_counts(&answer, facet),
                expected,
                "{filters:?}, facet {facet}"
            );
        }
    }
}

#[tokio::test]
async fn a_selected_value_with_no_results_is_still_listed_so_it_can_be_removed() {
    let app = TestApp::with_fixtures().await;

    let (_, answer) = app.get_json("/api/v1/search?topic=no-such-topic").await;

    assert_eq!(answer["total"], 0);
    assert_eq!(
        answer["facets"]["topic"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["value"] == "no-such-topic")
            .count(),
        1
    );
}

#[tokio::test]
async fn pages_partition_the_results_without_gaps_or_repeats() {
    let app = TestApp::with_fixtures().await;
    let total = fixture_values().len();
    for sort in ["relevance", "start", "updated", "title"] {
        let mut seen = Vec::new();
        for page in 1..=total.div_ceil(7) {
            let (_, answer) = app
                .get_json(&format!(
                    "/api/v1/search?per_page=7&page={page}&sort={sort}"
                ))
                .await;
            assert_eq!(answer["page"], page);
            assert_eq!(answer["per_page"], 7);
            seen.extend(hit_ids(&answer));
        }
        let unique: BTreeSet<_> = seen.iter().cloned().collect();
        assert_eq!((seen.len(), unique.len()), (total, total), "sort {sort}");
    }

    let (status, beyond) = app.get_json("/api/v1/search?per_page=7&page=100").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(beyond["total"], total);
    assert!(beyond["hits"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn sorting_by_title_updated_and_next_session() {
    let app = TestApp::with_fixtures().await;
    let today = catalogue::domain::Day::today().to_string();
    let by_id: BTreeMap<String, Value> = fixture_values()
        .into_iter()
        .map(|l| (l["id"].as_str().unwrap().to_owned(), l))
        .collect();

    let (_, answer) = app.get_json("/api/v1/search?per_page=100&sort=title").await;
    let titles: Vec<String> = answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(titles.is_sorted(), "{titles:?}");

    for uri in [
        "/api/v1/search?per_page=100&sort=updated",
        "/api/v1/search?per_page=100",
    ] {
        let (_, answer) = app.get_json(uri).await;
        let updated: Vec<&str> = hit_ids(&answer)
            .iter()
            .map(|id| by_id[id]["updated"].as_str().unwrap())
            .collect();
        assert!(updated.is_sorted_by(|a, b| a >= b), "{uri}: {updated:?}");
    }

    let (_, answer) = app.get_json("/api/v1/search?per_page=100&sort=start").await;
    // Independently: the first session not yet over, per listing.
    let next_start = |id: &String| -> Option<String> {
        by_id[id]["sessions"].as_array().and_then(|sessions| {
            sessions
                .iter()
                .filter(|s| s["end"].as_str().unwrap() >= today.as_str())
                .map(|s| s["start"].as_str().unwrap().to_owned())
                .min()
        })
    };
    let starts: Vec<Option<String>> = hit_ids(&answer).iter().map(next_start).collect();
    let upcoming = starts.iter().take_while(|s| s.is_some()).count();
    assert!(upcoming > 10);
    assert!(
        starts[upcoming..].iter().all(Option::is_none),
        "listings without an upcoming session come last"
    );
    assert!(starts[..upcoming].is_sorted(), "{starts:?}");
    for (hit, start) in answer["hits"].as_array().unwrap().iter().zip(&starts) {
        assert_eq!(hit["next_session"]["start"].as_str(), start.as_deref());
    }
}

#[tokio::test]
async fn a_word_from_a_title_finds_its_listing_first_with_the_word_highlighted() {
    let app = TestApp::with_fixtures().await;

    let (_, answer) = app.get_json("/api/v1/search?q=Pilotage").await;
    assert_eq!(answer["total"], 0);

    let (status, answer) = app
        .get_json("/api/v1/search?q=biometric+data+exchange")
        .await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(hit_ids(&answer)[0], "iom-rbdes-biometric-data-exchange");
    let title = answer["hits"][0]["highlights"]["title"].as_str().unwrap();
    assert!(
        title.contains("<mark>Biometric</mark> <mark>Data</mark> <mark>Exchange</mark>"),
        "{title}"
    );
    assert_eq!(answer["hits"][0]["provider"]["id"], "iom-roap");
}

#[tokio::test]
async fn a_query_finds_text_in_translations_and_provider_names() {
    let app = TestApp::with_fixtures().await;

    let (_, answer) = app.get_json("/api/v1/search?q=JCLEC&per_page=100").await;
    let ids = hit_ids(&answer);
    assert!(
        ids.contains(&"jclec-customs-immigration-cooperation".to_owned()),
        "{ids:?}"
    );

    let (_, answer) = app.get_json("/api/v1/search?q=Penyelundupan").await;
    assert!(hit_ids(&answer).contains(&"jclec-investigating-people-smuggling".to_owned()));
}

#[tokio::test]
async fn text_and_filters_combine() {
    let app = TestApp::with_fixtures().await;

    let (_, all) = app
        .get_json("/api/v1/search?q=trafficking&per_page=100")
        .await;
    let (_, courses) = app
        .get_json("/api/v1/search?q=trafficking&kind=course&per_page=100")
        .await;

    let total = all["total"].as_u64().unwrap();
    let course_count = courses["total"].as_u64().unwrap();
    assert!(course_count > 0 && course_count < total);
    let kind_counts = api_counts(&all, "kind");
    assert_eq!(kind_counts["course"], course_count);
}

#[tokio::test]
async fn query_syntax_a_person_might_type_is_never_a_server_error() {
    let app = TestApp::with_fixtures().await;
    for q in [
        "\"unclosed",
        "title:(",
        "AND",
        "OR OR",
        "*",
        "^2",
        "a~",
        "(((",
        "]",
        "-",
        "title:",
        "\\",
        "\u{0}",
        "nonexistentfield:value",
        "updated:[2020 TO",
        "border AND (",
        "ผู้เสียหาย",
        "🙂",
        "a\"b\"c\"",
        "+-+-",
        "listing:x",
        "id:*",
        "title:/regex/",
        "border~3",
        "\"border management\"~100000",
    ] {
        let q: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
        let (status, answer) = app.get_json(&format!("/api/v1/search?q={q}")).await;
        assert_eq!(status, StatusCode::OK, "q={q}: {answer}");
        let (status, _, _) = app.get(&format!("/?q={q}")).await;
        assert_eq!(status, StatusCode::OK, "page q={q}");
    }
}

#[tokio::test]
async fn malformed_parameters_get_a_400_that_says_what_to_send() {
    let app = TestApp::with_fixtures().await;
    let long = "a".repeat(501);
    for (query, fragment) in [
        (
            "per_page=1000",
            "`per_page` must be a whole number from 1 to 100",
        ),
        ("per_page=abc", "`per_page`"),
        ("page=0", "`page` must be a whole number"),
        ("page=-1", "`page`"),
        ("sort=best", "`sort` must be one of"),
        ("kind=seminar", "`kind` must be one of"),
        ("delivery=carrier-pigeon", "`delivery` must be one of"),
        ("language=english", "BCP 47"),
        ("country=XX", "ISO 3166-1"),
        (&format!("q={long}"), "at most 500"),
    ] {
        let (status, answer) = app.get_json(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(answer["error"], "Bad Request");
        assert!(
            answer["detail"].as_str().unwrap().contains(fragment),
            "{query}: {answer}"
        );

        // The page names the value it could not use, in the reader's words.
        let (status, _, page) = app.get(&format!("/?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "page {query}");
        let (_, value) = query.split_once('=').unwrap();
        let named = if value.len() > 100 {
            "shorten it to at most 500".to_owned()
        } else {
            format!("(“{value}”)")
        };
        assert!(
            page.contains("could not be understood") && page.contains(&named),
            "{named}: {page}"
        );
    }
}

#[tokio::test]
async fn a_query_in_another_language_shows_the_matching_translation() {
    let app = TestApp::with_fixtures().await;

    let (_, answer) = app.get_json("/api/v1/search?q=%E0%B8%A5%E0%B8%B1%E0%B8%81%E0%B8%A5%E0%B8%AD%E0%B8%9A%E0%B8%82%E0%B8%99%E0%B8%84%E0%B8%99").await;

    let hit = &answer["hits"][0];
    assert_eq!(hit["id"], "iom-counter-migrant-smuggling-elearning");
    assert_eq!(hit["lang"], "en");
    assert_eq!(hit["matched_lang"], "th");
    assert!(
        hit["highlights"]["title"]
            .as_str()
            .unwrap()
            .contains("<mark>ลักลอบขนคน</mark>"),
        "{hit}"
    );
    let (_, _, page) = app.get("/?q=%E0%B8%A5%E0%B8%B1%E0%B8%81%E0%B8%A5%E0%B8%AD%E0%B8%9A%E0%B8%82%E0%B8%99%E0%B8%84%E0%B8%99").await;
    assert!(page.contains(r#"<h3 lang="th">"#));
    assert!(page.contains("Thai (ไทย) translation; the listing is in English"));
}

#[tokio::test]
async fn a_search_that_finds_nothing_offers_a_correction_from_the_catalogue() {
    let app = TestApp::with_fixtures().await;

    let (_, answer) = app.get_json("/api/v1/search?q=viza+integrity+").await;
    assert_ne!(
        answer["total"], 0,
        "one unknown word among known ones still finds"
    );
    let (_, answer) = app.get_json("/api/v1/search?q=viza+").await;

    assert_eq!(answer["total"], 0);
    assert_eq!(answer["did_you_mean"], "visa");
    let (_, _, page) = app.get("/?q=viza+&kind=course").await;
    assert!(
        page.contains(
            r#"Did you mean: <a href="/?q=visa&amp;kind=course"><strong>visa</strong></a>"#
        ),
        "{page}"
    );
    let (_, found) = app.get_json("/api/v1/search?q=border").await;
    assert!(found.get("did_you_mean").is_none());
}

#[tokio::test]
async fn typos_prefixes_and_acronyms_find_their_listings_and_exact_words_rank_first() {
    let app = TestApp::with_fixtures().await;
    for (query, expected) in [
        ("extradtion", "au-ag-mla-extradition"),
        ("wildl", "unodc-wildlife-timber-crime"),
        ("MLA", "au-ag-mla-extradition"),
        ("mua+ban+nguoi", "vn-border-guard-trafficking-border"),
    ] {
        let (_, answer) = app.get_json(&format!("/api/v1/search?q={query}")).await;
        assert_eq!(
            hit_ids(&answer).first().map(String::as_str),
            Some(expected),
            "{query}"
        );
    }
    // "visas" is one edit from "visa": the listing with the exact word comes first.
    let (_, answer) = app.get_json("/api/v1/search?q=visa+").await;
    assert_eq!(hit_ids(&answer)[0], "inz-visa-integrity");
    // A word of three letters is never fuzzy.
    let (_, answer) = app.get_json("/api/v1/search?q=tpi+").await;
    assert_eq!(answer["total"], 0);
}

/// The texts of the suggestions of this type, in order.
fn suggested<'a>(answer: &'a Value, kind: &str) -> Vec<&'a str> {
    answer["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["type"] == kind)
        .map(|s| s["text"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn suggestions_complete_titles_topics_and_providers() {
    let app = TestApp::with_fixtures().await;

    let (status, answer) = app.get_json("/api/v1/suggest?q=victim+ide").await;

    assert_eq!(status, StatusCode::OK);
    let suggestions = answer["suggestions"].as_array().unwrap();
    assert_eq!(suggestions[0]["type"], "listing");
    assert_eq!(
        suggestions[0]["url"],
        "/listings/cifal-victim-centred-approach"
    );
    assert!(
        suggestions[0]["html"]
            .as_str()
            .unwrap()
            .contains("<mark>Identification</mark>")
    );
    assert!(suggestions.iter().any(
        |s| s["type"] == "topic" && s["url"] == "/?topic=victim-identification-and-protection"
    ));

    let (_, answer) = app.get_json("/api/v1/suggest?q=cambo").await;
    assert_eq!(
        suggested(&answer, "provider"),
        ["Cambodian National Police", "Hagar International Cambodia"]
    );

    let (_, empty) = app.get_json("/api/v1/suggest?q=").await;
    assert_eq!(empty["suggestions"].as_array().unwrap().len(), 0);
    let (status, refused) = app
        .get_json(&format!("/api/v1/suggest?q={}", "a".repeat(101)))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused["detail"].as_str().unwrap().contains("at most 100"));
}

#[tokio::test]
async fn provider_suggestions_follow_a_renamed_organisation() {
    let app = TestApp::with_fixtures().await;
    let (_, before) = app.get_json("/api/v1/suggest?q=hagar").await;
    assert!(
        before["suggestions"]
            .to_string()
            .contains("Hagar International Cambodia")
    );
    let store = &app.catalogue.store;
    let mut hagar = store.organisation("hagar-kh").await.unwrap().unwrap();
    hagar.name = "Hagar Cambodia Training Centre".to_owned();

    store.update_organisation(&hagar).await.unwrap();
    app.catch_up().await;

    let (_, after) = app.get_json("/api/v1/suggest?q=hagar").await;
    assert_eq!(
        suggested(&after, "provider"),
        ["Hagar Cambodia Training Centre"]
    );
}

#[tokio::test]
async fn quoted_phrases_must_match_and_minus_excludes() {
    let app = TestApp::with_fixtures().await;

    let (_, phrase) = app
        .get_json("/api/v1/search?q=%22quick+reference+guide%22&per_page=100")
        .await;
    let (_, loose) = app
        .get_json("/api/v1/search?q=quick+reference+guide&per_page=100")
        .await;
    let (_, excluded) = app
        .get_json("/api/v1/search?q=%22quick+reference+guide%22+-child&per_page=100")
        .await;

    let phrase_ids = hit_ids(&phrase);
    assert!(
        phrase_ids.iter().all(|id| id.contains("qrg")),
        "{phrase_ids:?}"
    );
    assert!(loose["total"].as_u64() > phrase["total"].as_u64());
    assert!(!hit_ids(&excluded).contains(&"rso-qrg-interviewing-child-victims".to_owned()));
    assert_eq!(
        excluded["total"].as_u64().unwrap() + 1,
        phrase["total"].as_u64().unwrap()
    );
}

#[tokio::test]
async fn the_same_word_in_another_unicode_encoding_finds_the_same_listings() {
    let app = TestApp::with_fixtures().await;
    // "biên phòng" precomposed (NFC) and decomposed (NFD).
    let composed: String = url::form_urlencoded::byte_serialize("biên phòng".as_bytes()).collect();
    let decomposed: String =
        url::form_urlencoded::byte_serialize("bie\u{302}n pho\u{300}ng".as_bytes()).collect();

    let (_, a) = app.get_json(&format!("/api/v1/search?q={composed}")).await;
    let (_, b) = app
        .get_json(&format!("/api/v1/search?q={decomposed}"))
        .await;

    assert!(a["total"].as_u64().unwrap() > 0);
    assert_eq!(hit_ids(&a), hit_ids(&b));
}

/// Listings that rank alike come in the same order however the index was
/// built: all at once or one by one, in any order, on either indexing
/// thread. (Document order, tantivy's own tie-break, differs in each case.)
#[tokio::test]
async fn listings_ranked_alike_keep_one_order_however_the_index_was_built() {
    let alike: Vec<_> = (0..30)
        .map(|n| crate::helpers::sample(&format!("alike-{n:02}")))
        .collect();
    let at_once = TestApp::empty().await;
    at_once.save(alike.clone()).await;
    let one_by_one = TestApp::empty().await;
    for listing in alike.iter().rev() {
        one_by_one.save(vec![listing.clone()]).await;
    }
    for sort in ["relevance", "start", "updated", "title"] {
        let address = format!("/api/v1/search?q=zanzibar&per_page=30&sort={sort}");
        let (_, first) = at_once.get_json(&address).await;
        let (_, second) = one_by_one.get_json(&address).await;
        assert_eq!(hit_ids(&first).len(), 30);
        assert_eq!(hit_ids(&first), hit_ids(&second), "sort {sort}");
    }
}
