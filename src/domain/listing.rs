//! A listing: one course, workshop, e-learning module or training material,
//! in the shape of interchange format v1.
//!
//! Longer than most files: the listing and each of its parts carry the
//! checks the importer, the API and the listing form share, and one place
//! keeps those rules from drifting apart.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

use super::{AudienceSlug, CountryCode, LanguageTag, TopicSlug, Vocabulary};

/// Longest summary, in characters (interchange format v1).
pub const MAX_SUMMARY: usize = 600;
/// Longest description, in characters (interchange format v1).
pub const MAX_DESCRIPTION: usize = 20_000;
/// Longest title, in characters.
pub const MAX_TITLE: usize = 300;
/// Earliest and latest years a session may fall in: anything outside is a
/// typing mistake (and would not sort sensibly).
pub const MIN_YEAR: i32 = 1990;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 2100;

kebab_type!(
    /// The stable id a contributor gives a listing, such as `jclec-ntd-2027`.
    ListingId,
    3..=80,
    "\"{value}\" is not a valid listing id: use 3-80 characters from a-z, 0-9 and -"
);
kebab_type!(
    /// The id of the organisation that owns listings, such as `jclec`.
    ProviderId,
    2..=80,
    "\"{value}\" is not a valid provider id: use 2-80 characters from a-z, 0-9 and -"
);

/// What sort of training a listing offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A taught course.
    Course,
    /// A workshop, seminar or exercise.
    Workshop,
    /// Self-paced online learning.
    Elearning,
    /// A guide, handbook, curriculum or other training material.
    Material,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 4] = [
        Kind::Course,
        Kind::Workshop,
        Kind::Elearning,
        Kind::Material,
    ];

    /// The value used in the interchange format and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Course => "course",
            Kind::Workshop => "workshop",
            Kind::Elearning => "elearning",
            Kind::Material => "material",
        }
    }

    /// Whether it is held on dates (a course or workshop) rather than
    /// available at any time (e-learning, material).
    pub fn is_scheduled(self) -> bool {
        matches!(self, Kind::Course | Kind::Workshop)
    }
}

/// How a training is delivered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// In a classroom or on site.
    #[default]
    InPerson,
    /// Online only.
    Online,
    /// Partly online, partly in person.
    Blended,
}

impl Delivery {
    /// Every delivery mode, in display order.
    pub const ALL: [Delivery; 3] = [Delivery::InPerson, Delivery::Online, Delivery::Blended];

    /// The value used in the interchange format and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::InPerson => "in-person",
            Delivery::Online => "online",
            Delivery::Blended => "blended",
        }
    }
}

/// What sort of organisation a provider is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProviderType {
    /// A government of a member state.
    MemberState,
    /// An international organisation such as IOM, UNHCR, UNODC or ILO.
    InternationalOrganisation,
    /// A regional training institution such as JCLEC.
    RegionalInstitution,
    /// A non-governmental organisation.
    CivilSociety,
    /// A university or research institute.
    Academic,
}

impl ProviderType {
    /// Every type, in display order.
    pub const ALL: [ProviderType; 5] = [
        ProviderType::MemberState,
        ProviderType::InternationalOrganisation,
        ProviderType::RegionalInstitution,
        ProviderType::CivilSociety,
        ProviderType::Academic,
    ];

    /// Parses the interchange-format value.
    pub fn parse(value: &str) -> Result<ProviderType, String> {
        ProviderType::ALL
            .into_iter()
            .find(|t| t.as_str() == value)
            .ok_or_else(|| {
                format!(
                    "\"{value}\" is not an organisation type: use member-state, international-organisation, regional-institution, civil-society or academic"
                )
            })
    }

    /// The value used in the interchange format.
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderType::MemberState => "member-state",
            ProviderType::InternationalOrganisation => "international-organisation",
            ProviderType::RegionalInstitution => "regional-institution",
            ProviderType::CivilSociety => "civil-society",
            ProviderType::Academic => "academic",
        }
    }
}

const DAY_FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// A calendar day, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(Date);

impl Day {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(value: &str) -> Result<Self, String> {
        Date::parse(value.trim(), DAY_FORMAT)
            .map(Self)
            .map_err(|_| format!("\"{value}\" is not a date written YYYY-MM-DD"))
    }

    /// Wraps a date.
    pub fn new(date: Date) -> Self {
        Self(date)
    }

    /// Today in UTC.
    pub fn today() -> Self {
        Self(time::OffsetDateTime::now_utc().date())
    }

    /// The date.
    pub fn date(self) -> Date {
        self.0
    }

    /// Days since 1970-01-01, for sorting in the index.
    pub fn days_since_epoch(self) -> i64 {
        i64::from(self.0.to_julian_day() - time::macros::date!(1970 - 01 - 01).to_julian_day())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.format(DAY_FORMAT).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl TryFrom<String> for Day {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> Self {
        day.to_string()
    }
}

/// The organisation that owns a listing and is contacted about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// Stable id of the organisation.
    pub id: ProviderId,
    /// Its name, as it writes it.
    pub name: String,
    /// What sort of organisation it is.
    #[serde(rename = "type")]
    pub kind: ProviderType,
    /// The country it is based in.
    pub country: CountryCode,
}

/// The person to contact about a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Their name.
    pub name: String,
    /// Their role or office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Their e-mail address.
    pub email: String,
    /// Their telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Where an in-person training takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The city.
    pub city: String,
    /// The country.
    pub country: CountryCode,
}

/// One run of a training, from its first to its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// First day.
    pub start: Day,
    /// Last day, on or after the first.
    pub end: Day,
}

/// A listing's title and summary in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The translated title.
    pub title: String,
    /// The translated summary.
    pub summary: String,
    /// The translated description, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn default_lang() -> LanguageTag {
    LanguageTag::parse("en").expect("en is a language tag")
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One entry of the catalogue, in the shape of interchange format v1.
///
/// Deserialising checks each value's own form (ids, tags, dates, enums);
/// [`Listing::check`] then checks lengths, counts, the vocabularies and the
/// rules that span several fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// Stable id chosen by the contributor.
    pub id: ListingId,
    /// What sort of training this is.
    pub kind: Kind,
    /// The language of `title`, `summary` and `description`.
    #[serde(default = "default_lang")]
    pub lang: LanguageTag,
    /// The title.
    pub title: String,
    /// A short summary, at most 600 characters.
    pub summary: String,
    /// A longer plain-text description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// One to six topics.
    pub topics: Vec<TopicSlug>,
    /// The languages the training is given or available in.
    pub languages: Vec<LanguageTag>,
    /// The owner organisation.
    pub provider: Provider,
    /// Whom to contact.
    pub contact: Contact,
    /// How it is delivered.
    #[serde(default, skip_serializing_if = "is_default")]
    pub delivery: Delivery,
    /// Where it takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Who it is for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<AudienceSlug>,
    /// Its scheduled runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    /// Title and summary in other languages, keyed by language tag.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<LanguageTag, Translation>,
    /// A page with more about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When its owner last updated it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Day>,
}

/// A problem with one field of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's path, such as `topics[2]` or `contact.email`.
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
}

impl FieldError {
    /// What is wrong, in English words a contributor can act on.
    pub fn reason(&self) -> String {
        self.problem.to_string()
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.problem)
    }
}

/// What can be wrong with a field of a listing. Typed rather than worded so
/// the site can say it in the reader's language; `Display` is the English
/// used by the API, the command line and imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Required text that is missing or only white space.
    Empty,
    /// Text longer than allowed, in characters.
    TooLong {
        /// Its length.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// A list with too few or too many entries.
    Count {
        /// How many it has.
        has: usize,
        /// The fewest allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// A value given twice in one list.
    Repeated(String),
    /// A topic slug the vocabulary does not have.
    UnknownTopic(String),
    /// An audience slug the vocabulary does not have.
    UnknownAudience(String),
    /// Not an e-mail address.
    NotEmail(String),
    /// A date outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    ImplausibleDate(Day),
    /// A session that ends before it starts.
    EndsBeforeStart {
        /// Its first day.
        start: Day,
        /// Its last day.
        end: Day,
    },
    /// A translation into the listing's own language.
    TranslationIntoOwnLanguage(LanguageTag),
    /// A web address that is not http or https.
    NotWebAddress(String),
    /// A control character where it has no place (see [`stray_control`]).
    ControlCharacter(char),
    /// A problem worded by the caller, for rules outside the listing itself
    /// (such as an API path naming another listing).
    Described(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => f.write_str("must not be empty"),
            Problem::TooLong { chars, max } => {
                write!(f, "is {chars} characters long; at most {max} are allowed")
            }
            Problem::Count { has, min, max } => {
                write!(f, "has {has} entries; give between {min} and {max}")
            }
            Problem::Repeated(value) => write!(f, "\"{value}\" is listed twice"),
            Problem::UnknownTopic(slug) => write!(
                f,
                "\"{slug}\" is not a known topic; use a slug from fixtures/topics.json"
            ),
            Problem::UnknownAudience(slug) => write!(
                f,
                "\"{slug}\" is not a known audience; use a slug from fixtures/audiences.json"
            ),
            Problem::NotEmail(value) => write!(f, "\"{value}\" is not an e-mail address"),
            Problem::ImplausibleDate(day) => write!(
                f,
                "{day} is not a plausible date; give one between {MIN_YEAR} and {MAX_YEAR}"
            ),
            Problem::EndsBeforeStart { start, end } => {
                write!(f, "ends on {end} before it starts on {start}")
            }
            Problem::TranslationIntoOwnLanguage(lang) => write!(
                f,
                "is the listing's own language \"{lang}\"; a translation must be into another language"
            ),
            Problem::NotWebAddress(value) => {
                write!(f, "\"{value}\" is not an http or https address")
            }
            Problem::ControlCharacter(c) => write!(
                f,
                "contains the invisible control character {}; retype the text or paste it as plain text",
                control_name(*c)
            ),
            Problem::Described(words) => f.write_str(words),
        }
    }
}

/// Whether a text field holds one line or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A title, a name: no line breaks.
    One,
    /// A summary, a description, a message: line breaks allowed.
    Many,
}

/// The first control character `text` should not hold: any in a one-line
/// field, any but line breaks in a multi-line one. They are invisible on a
/// page and, in mail, a line break in a name makes a line of its own.
pub fn stray_control(text: &str, lines: Lines) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !(lines == Lines::Many && matches!(c, '\n' | '\r')))
}

/// How a control character is named to the person who typed it: its code
/// point, as `U+0000`.
pub fn control_name(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Trims `value` and checks that it is non-empty, at most `max` characters
/// long (characters, not bytes: Thai or Khmer text is three bytes a
/// character) and free of stray control characters.
fn bounded(value: &str, max: usize, lines: Lines) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Empty);
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(Problem::TooLong { chars, max });
    }
    if let Some(c) = stray_control(trimmed, lines) {
        return Err(Problem::ControlCharacter(c));
    }
    Ok(trimmed.to_owned())
}

/// Collects [`FieldError`]s while checking a listing.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    /// Replaces `value` by its trimmed, checked form, or records why not.
    fn text(&mut self, field: &str, value: &mut String, max: usize, lines: Lines) {
        match bounded(value, max, lines) {
            Ok(clean) => *value = clean,
            Err(problem) => self.add(field, problem),
        }
    }

    fn optional_text(&mut self, field: &str, value: &mut Option<String>, max: usize, lines: Lines) {
        if let Some(inner) = value {
            if inner.trim().is_empty() {
                *value = None;
            } else {
                self.text(field, inner, max, lines);
            }
        }
    }

    fn count<T>(&mut self, field: &str, items: &[T], min: usize, max: usize) {
        if items.len() < min || items.len() > max {
            self.add(
                field,
                Problem::Count {
                    has: items.len(),
                    min,
                    max,
                },
            );
        }
    }

    fn unique<T: Eq + std::hash::Hash + fmt::Display>(&mut self, field: &str, items: &[T]) {
        let mut seen = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            if !seen.insert(item) {
                self.add(format!("{field}[{i}]"), Problem::Repeated(item.to_string()));
            }
        }
    }
}

impl Listing {
    /// Checks everything deserialising cannot: lengths, counts, membership of
    /// the vocabularies and cross-field rules. Trims surrounding white space
    /// from free text. Returns every problem found, not only the first.
    pub fn check(&mut self, vocabulary: &Vocabulary) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::default();
        problems.text("title", &mut self.title, MAX_TITLE, Lines::One);
        problems.text("summary", &mut self.summary, MAX_SUMMARY, Lines::Many);
        problems.optional_text(
            "description",
            &mut self.description,
            MAX_DESCRIPTION,
            Lines::Many,
        );

        problems.count("topics", &self.topics, 1, 6);
        problems.unique("topics", &self.topics);
        for (i, topic) in self.topics.iter().enumerate() {
            if vocabulary.topic(topic.as_str()).is_none() {
                problems.add(
                    format!("topics[{i}]"),
                    Problem::UnknownTopic(topic.to_string()),
                );
            }
        }
        problems.count("languages", &self.languages, 1, 20);
        problems.unique("languages", &self.languages);
        problems.unique("audience", &self.audience);
        for (i, audience) in self.audience.iter().enumerate() {
            if vocabulary.audience(audience.as_str()).is_none() {
                problems.add(
                    format!("audience[{i}]"),
                    Problem::UnknownAudience(audience.to_string()),
                );
            }
        }

        problems.text("provider.name", &mut self.provider.name, 200, Lines::One);
        problems.text("contact.name", &mut self.contact.name, 200, Lines::One);
        problems.optional_text("contact.role", &mut self.contact.role, 200, Lines::One);
        problems.optional_text("contact.phone", &mut self.contact.phone, 50, Lines::One);
        self.contact.email = self.contact.email.trim().to_owned();
        if self.contact.email.is_empty() {
            problems.add("contact.email", Problem::Empty);
        } else if !email_address::EmailAddress::is_valid(&self.contact.email) {
            problems.add(
                "contact.email",
                Problem::NotEmail(self.contact.email.clone()),
            );
        }
        if let Some(location) = &mut self.location {
            problems.text("location.city", &mut location.city, 100, Lines::One);
        }

        problems.count("sessions", &self.sessions, 0, 100);
        for (i, session) in self.sessions.iter().enumerate() {
            for (part, day) in [("start", session.start), ("end", session.end)] {
                if !(MIN_YEAR..=MAX_YEAR).contains(&day.date().year()) {
                    problems.add(
                        format!("sessions[{i}].{part}"),
                        Problem::ImplausibleDate(day),
                    );
                }
            }
            if session.end < session.start {
                problems.add(
                    format!("sessions[{i}].end"),
                    Problem::EndsBeforeStart {
                        start: session.start,
                        end: session.end,
                    },
                );
            }
        }
        self.sessions.sort_by_key(|s| (s.start, s.end));

        problems.count(
            "translations",
            &self.translations.keys().collect::<Vec<_>>(),
            0,
            30,
        );
        for (tag, translation) in &mut self.translations {
            if *tag == self.lang {
                problems.add(
                    format!("translations.{tag}"),
                    Problem::TranslationIntoOwnLanguage(self.lang.clone()),
                );
            }
            problems.text(
                &format!("translations.{tag}.title"),
                &mut translation.title,
                MAX_TITLE,
                Lines::One,
            );
            problems.text(
                &format!("translations.{tag}.summary"),
                &mut translation.summary,
                MAX_SUMMARY,
                Lines::Many,
            );
            problems.optional_text(
                &format!("translations.{tag}.description"),
                &mut translation.description,
                MAX_DESCRIPTION,
                Lines::Many,
            );
        }

        if let Some(url) = &self.url {
            match url::Url::parse(url.trim()) {
                Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {
                    self.url = Some(parsed.to_string());
                }
                _ => problems.add("url", Problem::NotWebAddress(url.clone())),
            }
        }

        if problems.0.is_empty() {
            Ok(())
        } else {
            Err(problems.0)
        }
    }

    /// The next session that has not ended by `today`, if any.
    pub fn next_session(&self, today: Day) -> Option<Session> {
        self.sessions.iter().copied().find(|s| s.end >= today)
    }

    /// The country the training is tied to: where it takes place, or else
    /// where its provider is.
    pub fn country(&self) -> CountryCode {
        self.location
            .as_ref()
            .map_or(self.provider.country, |l| l.country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> serde_json::Value {
        serde_json::json!({
            "id": "jclec-ntd-2027",
            "kind": "course",
            "title": "  National Training Directors' Course  ",
            "summary": "A course.",
            "topics": ["border-management"],
            "languages": ["en", "id"],
            "provider": {"id": "jclec", "name": "JCLEC", "type": "regional-institution", "country": "id"},
            "contact": {"name": "Training Office", "email": "training@jclec.example.org"},
            "sessions": [{"start": "2027-03-01", "end": "2027-03-05"}, {"start": "2027-02-08", "end": "2027-02-12"}]
        })
    }

    fn parse(value: serde_json::Value) -> Listing {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_valid_listing_is_trimmed_and_its_sessions_sorted() {
        let mut listing = parse(sample());
        listing.check(Vocabulary::builtin()).unwrap();
        assert_eq!(listing.title, "National Training Directors' Course");
        assert_eq!(listing.sessions[0].start.to_string(), "2027-02-08");
        assert_eq!(listing.lang.as_str(), "en");
        assert_eq!(listing.provider.country.as_str(), "ID");
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut value = sample();
        value["summary"] = "x".repeat(601).into();
        value["topics"] = serde_json::json!(["border-management", "gardening"]);
        value["sessions"] = serde_json::json!([{"start": "2027-02-08", "end": "2027-02-01"}]);
        value["contact"]["email"] = "not-an-address".into();
        let errors = parse(value).check(Vocabulary::builtin()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["summary", "topics[1]", "contact.email", "sessions[0].end"]
        );
    }

    #[test]
    fn implausible_session_dates_are_refused() {
        let mut value = sample();
        value["sessions"] = serde_json::json!([{"start": "0027-02-08", "end": "2027-02-12"}]);
        let errors = parse(value).check(Vocabulary::builtin()).unwrap_err();
        assert_eq!(errors[0].field, "sessions[0].start");
        assert!(
            errors[0].reason().contains("between 1990 and 2100"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn the_next_session_skips_those_already_over() {
        let listing = parse(sample());
        let today = Day::parse("2027-02-20").unwrap();
        assert_eq!(
            listing.next_session(today).unwrap().start.to_string(),
            "2027-03-01"
        );
        assert!(
            listing
                .next_session(Day::parse("2028-01-01").unwrap())
                .is_none()
        );
    }

    #[test]
    fn serialising_leaves_out_defaults_so_exports_stay_small() {
        let listing = parse(sample());
        let json = serde_json::to_value(&listing).unwrap();
        assert!(json.get("delivery").is_none());
        assert!(json.get("translations").is_none());
        assert_eq!(json["lang"], "en");
    }

    #[test]
    fn days_count_from_the_unix_epoch() {
        assert_eq!(Day::parse("1970-01-02").unwrap().days_since_epoch(), 1);
    }
}
