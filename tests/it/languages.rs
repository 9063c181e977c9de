//! Search across languages: a topic named in any language the catalogue
//! names it in finds the listings about it, and a listing reached through
//! another language says how, on the page and in the API.

use catalogue::app::bridges::{named_builtin_vocabulary, vocabulary_names};
use catalogue::domain::{Day, Vocabulary};
use catalogue::i18n;
use catalogue::search::{SearchIndex, SearchRequest};

use crate::helpers::{TestApp, fixture_listings};

fn fixture_index() -> SearchIndex {
    let listings = fixture_listings();
    let ids = listings.iter().map(|l| l.id.to_string()).collect();
    let index = SearchIndex::in_ram().unwrap();
    index.use_vocabulary(vocabulary_names(&named_builtin_vocabulary()));
    index.writer().unwrap().apply(&ids, &listings, 1).unwrap();
    index
}

/// How many of the top 20 for `query` carry `topic`.
fn on_topic_in_top_20(index: &SearchIndex, query: &str, topic: &str) -> usize {
    let mut request = SearchRequest::new(query);
    request.today = Day::parse("2026-11-29").unwrap();
    index
        .search(&request)
        .unwrap()
        .hits
        .iter()
        .filter(|h| h.listing.topics.iter().any(|t| t.as_str() == topic))
        .count()
}

#[test]
fn every_topic_named_in_every_language_finds_at_least_90_percent_of_what_its_english_name_finds() {
    let index = fixture_index();
    let vocabulary = Vocabulary::builtin();
    let mut report = Vec::new();
    let mut short = Vec::new();
    let english: Vec<usize> = vocabulary
        .topics()
        .iter()
        .map(|topic| on_topic_in_top_20(&index, &topic.label, &topic.slug))
        .collect();
    for (lang, _) in i18n::VOCABULARIES {
        for (topic, &english) in vocabulary.topics().iter().zip(&english) {
            let name = i18n::vocabulary_name_in(lang, &format!("topic-{}", topic.slug))
                .unwrap_or_else(|| panic!("topic {} has no name in {lang}", topic.slug));
            let found = on_topic_in_top_20(&index, &name, &topic.slug);
            report.push(format!("{lang} {}: {found} / {english}", topic.slug));
            if (found as f64) < 0.9 * english as f64 {
                short.push(format!(
                    "{lang} {} ({name}): {found} of {english}",
                    topic.slug
                ));
            }
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        short.is_empty(),
        "below 90% of English:\n{}",
        short.join("\n")
    );
}

#[test]
fn listings_with_the_query_s_own_words_rank_before_those_reached_through_another_language() {
    let index = fixture_index();
    let mut request = SearchRequest::new("การค้ามนุษย์");
    request.per_page = 40;
    let results = index.search(&request).unwrap();
    let via: Vec<bool> = results
        .hits
        .iter()
        .map(|h| h.matched_via == catalogue::search::MatchedVia::Text)
        .collect();
    let first_bridged = via.iter().position(|text| !text).unwrap();
    assert!(first_bridged >= 1, "no listing matched by its own words");
    assert!(
        via[first_bridged..].iter().all(|text| !text),
        "a listing with the query's words ranks below one reached through a bridge: {via:?}"
    );
    // Before the bridges, this query found 3 listings; the topic has many more.
    let on_topic = results
        .hits
        .iter()
        .filter(|h| {
            h.listing
                .topics
                .iter()
                .any(|t| t.as_str() == "trafficking-in-persons")
        })
        .count();
    assert!(on_topic >= 20, "{on_topic} on-topic listings");
}

#[tokio::test]
async fn a_listing_reached_through_the_glossary_says_how_in_the_api_and_on_the_page() {
    let app = TestApp::with_fixtures().await;
    let (status, answer) = app
        .get_json("/api/v1/search?q=%E7%94%9F%E7%89%A9%E8%AF%86%E5%88%AB")
        .await; // 生物识别
    assert_eq!(status, 200);
    let hits = answer["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    let via = &hits[0]["matched_via"];
    assert_eq!(via["by"], "glossary", "{via}");
    assert_eq!(via["term"], "生物识别");
    assert_eq!(via["concept"], "biometrics");
    assert!(
        via["reached"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with("biometric"),
        "{via}"
    );

    let (_, _, page) = app.get("/?q=%E7%94%9F%E7%89%A9%E8%AF%86%E5%88%AB").await;
    assert!(page.contains("Matched “生物识别” → "), "{page}");
    // No listing has the Thai words: the page says these are in other languages.
    let (_, _, page) = app.get(&format!("/?q={}", urlencode("ข้อมูลชีวมิติ"))).await;
    assert!(page.contains("Matched “ข้อมูลชีวมิติ” → "), "{page}");
    assert!(page.contains("in other languages"), "{page}");
}

#[tokio::test]
async fn a_listing_reached_through_the_vocabulary_says_which_value() {
    let app = TestApp::with_fixtures().await;
    // The Thai name of a topic none of whose listings has Thai text.
    let thai_topic = i18n::vocabulary_name_in("th", "topic-environmental-crime").unwrap();
    let (_, answer) = app
        .get_json(&format!("/api/v1/search?q={}", urlencode(&thai_topic)))
        .await;
    let hits = answer["hits"].as_array().unwrap();
    let by_vocabulary: Vec<_> = hits
        .iter()
        .filter(|h| h["matched_via"]["by"] == "vocabulary")
        .collect();
    assert!(!by_vocabulary.is_empty(), "{answer}");
    for hit in by_vocabulary {
        assert_eq!(hit["matched_via"]["facet"], "topic");
        assert_eq!(hit["matched_via"]["value"], "environmental-crime");
        assert_eq!(hit["matched_via"]["term"], thai_topic.as_str());
    }
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn typing_a_topic_s_name_in_another_language_suggests_the_topic() {
    let app = TestApp::with_fixtures().await;
    let (status, answer) = app
        .get_json(&format!("/api/v1/suggest?q={}", urlencode("Mua bán người")))
        .await;
    assert_eq!(status, 200);
    let suggestions = answer["suggestions"].as_array().unwrap();
    assert!(
        suggestions.iter().any(|s| s["type"] == "topic"
            && s["url"]
                .as_str()
                .unwrap()
                .contains("topic=trafficking-in-persons")),
        "{answer}"
    );
}
