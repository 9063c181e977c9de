//! The catalogue's own vocabulary as plain types: listings, their parts and the
//! controlled vocabularies (topics, audiences, languages, countries).
//!
//! Everything here is pure: no I/O, nothing from axum, SQL or tantivy. Values
//! are parsed at the edge into these types, so the store and the index only
//! ever see data that has already been checked.

/// Describes a type written as one string to the OpenAPI document: its
/// description and the pattern its text follows.
macro_rules! string_schema {
    ($name:ty, $description:literal, $pattern:expr) => {
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some($description))
                    .pattern($pattern)
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

/// Defines a newtype over short lower-case text (ids and slugs): ASCII
/// letters, digits and hyphens, of a length in `$len`; `$problem` says what is
/// wrong with `{value}` otherwise.
macro_rules! kebab_type {
    ($(#[$doc:meta])* $name:ident, $len:expr, $problem:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses the text: lower-case ASCII letters, digits and hyphens.
            pub fn parse(value: &str) -> Result<Self, String> {
                let ok = ($len).contains(&value.len())
                    && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if ok {
                    Ok(Self(value.to_owned()))
                } else {
                    Err(format!($problem, value = value))
                }
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> Self {
                text.0
            }
        }
    };
}

mod account;
mod country;
mod directory;
mod language;
pub mod lifecycle;
pub mod likeness;
mod listing;
mod vocabulary;

pub use account::{
    Actor, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, MailChoices, PasswordProblem, Role,
    Subscription, check_new_password, parse_email,
};
pub use country::CountryCode;
pub use directory::{
    EntryError, EntryProblem, MAX_NAME, MAX_TOPIC_DESCRIPTION, MAX_TOPIC_LABEL, NewPerson,
    Organisation, parse_topic, parse_topic_names, parse_topic_text,
};
pub use language::LanguageTag;
pub use listing::{
    Contact, Day, Delivery, FieldError, Kind, Lines, Listing, ListingId, Location, MAX_DESCRIPTION,
    MAX_SUMMARY, MAX_TITLE, MAX_YEAR, MIN_YEAR, Problem, Provider, ProviderId, ProviderType,
    Session, Translation, control_name, stray_control,
};
pub use vocabulary::{AudienceSlug, SharedVocabulary, Term, TopicSlug, Vocabulary};

string_schema!(
    ListingId,
    "The stable id a contributor gives a listing: 3-80 characters from a-z, 0-9 and -.",
    Some("^[a-z0-9-]{3,80}$")
);
string_schema!(
    ProviderId,
    "The id of the organisation that owns listings: 2-80 characters from a-z, 0-9 and -.",
    Some("^[a-z0-9-]{2,80}$")
);
string_schema!(
    TopicSlug,
    "A topic of the vocabulary, by its slug.",
    Some("^[a-z0-9-]+$")
);
string_schema!(
    AudienceSlug,
    "An audience of the vocabulary, by its slug.",
    Some("^[a-z0-9-]+$")
);
string_schema!(
    LanguageTag,
    "A language, as a BCP 47 tag such as en, km or zh-Hant.",
    None::<String>
);
string_schema!(
    CountryCode,
    "A country, as its ISO 3166-1 alpha-2 code.",
    Some("^[A-Z]{2}$")
);
string_schema!(
    Day,
    "A calendar day, written YYYY-MM-DD.",
    Some("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
);
