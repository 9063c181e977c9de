//! The index's schema and its field handles, in one place.

use tantivy::schema::{FAST, Field, INDEXED, STORED, STRING, Schema, TEXT};

/// Bumped whenever the schema or the analysis of a field changes: the index
/// then lives in a new directory and is rebuilt from the database.
pub const SCHEMA_VERSION: u32 = 1;

/// Handles on every field of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The listing id (exact, for updates and deletes).
    pub id: Field,
    /// Title in the listing's own language.
    pub title: Field,
    /// Summary in the listing's own language.
    pub summary: Field,
    /// Description in the listing's own language.
    pub description: Field,
    /// Titles, summaries and descriptions of all translations.
    pub translations: Field,
    /// Provider name and id, so that a provider can be found by name.
    pub provider_text: Field,
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
    /// The whole listing as JSON, to render hits without a database read.
    pub listing: Field,
}

/// Multiplier packing a session's start and end days into one number.
pub const SESSION_SPAN: i64 = 1_000_000;

/// The name of each facet field, as used in the aggregation requests.
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
}

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let facet = STRING | FAST;
    let fields = Fields {
        id: builder.add_text_field("id", STRING),
        title: builder.add_text_field("title", TEXT),
        summary: builder.add_text_field("summary", TEXT),
        description: builder.add_text_field("description", TEXT),
        translations: builder.add_text_field("translations", TEXT),
        provider_text: builder.add_text_field("provider_text", TEXT),
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
        listing: builder.add_text_field("listing", STORED),
    };
    (builder.build(), fields)
}
