//! The catalogue's own vocabulary as plain types: listings, their parts and the
//! controlled vocabularies (topics, audiences, languages, countries).
//!
//! Everything here is pure: no I/O, nothing from axum, SQL or tantivy. Values
//! are parsed at the edge into these types, so the store and the index only
//! ever see data that has already been checked.

mod account;
mod country;
mod language;
pub mod lifecycle;
mod listing;
mod text;
mod vocabulary;

pub use account::{
    Actor, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordProblem, Role, check_new_password,
    parse_email,
};
pub use country::CountryCode;
pub use language::LanguageTag;
pub use listing::{
    Contact, Day, Delivery, FieldError, Kind, Listing, ListingId, Location, MAX_DESCRIPTION,
    MAX_SUMMARY, MAX_TITLE, MAX_YEAR, MIN_YEAR, Problem, Provider, ProviderId, ProviderType,
    Session, Translation,
};
pub use vocabulary::{AudienceSlug, SharedVocabulary, Term, TopicSlug, Vocabulary};
