//! The index's schema and its field handles, in one place.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::analysis;

/// Bumped whenever the schema or the analysis of a field changes: the index
/// then lives in a new directory and is rebuilt from the database.
pub const SCHEMA_VERSION: u32 = 6;

/// Handles on every field of the index.
///
/// Text is indexed several ways, each searched at once: `*_words` keeps
/// exact spellings (ranked highest), `*_folded` ignores diacritics,
/// `*_english` stems English text (only text whose language is English goes
/// there), `*_grams` finds words inside unspaced scripts. Titles, summaries
/// and descriptions hold the listing's own text and all its translations.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The listing id (exact, for updates and deletes).
    pub id: Field,
    /// Titles, exact spelling.
    pub title_words: Field,
    /// Titles, diacritics folded.
    pub title_folded: Field,
    /// English titles, stemmed.
    pub title_english: Field,
    /// Titles, character pairs of unspaced scripts.
    pub title_grams: Field,
    /// Summaries, exact spelling.
    pub summary_words: Field,
    /// Summaries, diacritics folded.
    pub summary_folded: Field,
    /// English summaries, stemmed.
    pub summary_english: Field,
    /// Summaries, character pairs.
    pub summary_grams: Field,
    /// Descriptions, diacritics folded.
    pub body_folded: Field,
    /// Descriptions, character pairs.
    pub body_grams: Field,
    /// Provider name and id, city, and the names of the country where the
    /// training takes place (in English and in its own languages), folded.
    pub place_folded: Field,
    /// The same, character pairs.
    pub place_grams: Field,
    /// Every text above, folded, with the names of the provider's home
    /// country (which weigh less than where the training takes place) and
    /// the English labels of the listing's topics and audiences: whether a
    /// listing has a word at all.
    pub all_folded: Field,
    /// Ids of the glossary concepts named in a title or summary, in any
    /// language, and `id@lang` for the languages naming them (see
    /// [`super::bridge`]).
    pub concept_head: Field,
    /// The same, for concepts named anywhere in the listing's text.
    pub concept_all: Field,
    /// Facet: topic slugs.
    pub topic: Field,
    /// Facet: languages the training is given in.
    pub language: Field,
    /// Facet: provider id.
    pub provider: Field,
    /// Facet: kind.
    pub kind: Field,
    /// Facet: delivery mode.
    pub delivery: Field,
    /// Facet: country code (of the location, else of the provider).
    pub country: Field,
    /// Facet: audience slugs.
    pub audience: Field,
    /// Sort: day of the last update, as days since the epoch.
    pub updated: Field,
    /// Sort: each session as `start * SESSION_SPAN + end` (days since the
    /// epoch), so the next session can be found at query time from one column.
    pub sessions: Field,
    /// Sort: the title folded to lower case.
    pub title_sort: Field,
    /// [`tie_of`] the listing's id.
    pub tie: Field,
    /// The whole listing as JSON, to render hits without a database read.
    pub listing: Field,
}

/// Multiplier packing a session's start and end days into one number.
pub const SESSION_SPAN: i64 = 1_000_000;

/// The name of each facet and sort field, as used in aggregation requests.
pub mod names {
    /// Topic facet field.
    pub const TOPIC: &str = "topic";
    /// Language facet field.
    pub const LANGUAGE: &str = "language";
    /// Provider facet field.
    pub const PROVIDER: &str = "provider";
    /// Kind facet field.
    pub const KIND: &str = "kind";
    /// Delivery facet field.
    pub const DELIVERY: &str = "delivery";
    /// Country facet field.
    pub const COUNTRY: &str = "country";
    /// Audience facet field.
    pub const AUDIENCE: &str = "audience";
    /// Updated sort field.
    pub const UPDATED: &str = "updated";
    /// Sessions sort field.
    pub const SESSIONS: &str = "sessions";
    /// Title sort field.
    pub const TITLE_SORT: &str = "title_sort";
    /// The last tie-break between listings ranked alike.
    pub const TIE: &str = "tie";
}

/// A listing's place among those ranked alike: a hash of its id (FNV-1a,
/// fixed for good, unlike std's hasher), the same whichever segment or
/// indexing thread the listing's document lands in. Ties are then ordered
/// the same from one build of the index to the next.
pub fn tie_of(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A text field analysed by `analyzer`, recording `record` per term:
/// positions for fields that rank and match phrases, nothing more for fields
/// that only say whether a listing has a word.
fn indexed(analyzer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
}

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let facet = STRING | FAST;
    let mut add = |name: &str, analyzer: &str| {
        builder.add_text_field(
            name,
            indexed(analyzer, IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let title_words = add("title_words", analysis::WORDS);
    let title_folded = add("title_folded", analysis::FOLDED);
    let title_english = add("title_english", analysis::ENGLISH);
    let title_grams = add("title_grams", analysis::GRAMS);
    let summary_words = add("summary_words", analysis::WORDS);
    let summary_folded = add("summary_folded", analysis::FOLDED);
    let summary_english = add("summary_english", analysis::ENGLISH);
    let summary_grams = add("summary_grams", analysis::GRAMS);
    let body_folded = add("body_folded", analysis::FOLDED);
    let body_grams = add("body_grams", analysis::GRAMS);
    let place_folded = add("place_folded", analysis::FOLDED);
    let place_grams = add("place_grams", analysis::GRAMS);
    let all_folded = builder.add_text_field(
        "all_folded",
        indexed(analysis::FOLDED, IndexRecordOption::Basic),
    );
    // Concept tags, whole, with how often each is named.
    let tags = indexed("raw", IndexRecordOption::WithFreqs);
    let fields = Fields {
        id: builder.add_text_field("id", STRING),
        title_words,
        title_folded,
        title_english,
        title_grams,
        summary_words,
        summary_folded,
        summary_english,
        summary_grams,
        body_folded,
        body_grams,
        place_folded,
        place_grams,
        all_folded,
        concept_head: builder.add_text_field("concept_head", tags.clone()),
        concept_all: builder.add_text_field("concept_all", tags),
        topic: builder.add_text_field(names::TOPIC, facet.clone()),
        language: builder.add_text_field(names::LANGUAGE, facet.clone()),
        provider: builder.add_text_field(names::PROVIDER, facet.clone()),
        kind: builder.add_text_field(names::KIND, facet.clone()),
        delivery: builder.add_text_field(names::DELIVERY, facet.clone()),
        country: builder.add_text_field(names::COUNTRY, facet.clone()),
        audience: builder.add_text_field(names::AUDIENCE, facet.clone()),
        updated: builder.add_i64_field(names::UPDATED, INDEXED | FAST),
        sessions: builder.add_i64_field(names::SESSIONS, FAST),
        title_sort: builder.add_text_field(names::TITLE_SORT, facet),
        tie: builder.add_u64_field(names::TIE, FAST),
        listing: builder.add_text_field("listing", STORED),
    };
    (builder.build(), fields)
}
