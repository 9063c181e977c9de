//! Whatever a person or a file sends, parsing and searching answer with a
//! result or a readable refusal, never a panic or a server error.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use catalogue::domain::{LanguageTag, Vocabulary};
use catalogue::interchange;
use catalogue::search::{Facet, SearchIndex, SearchRequest, Sort};
use catalogue::web::paths::SearchQuery;
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
        if let Err(message) = SearchQuery::parse(Some(&raw)) {
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
