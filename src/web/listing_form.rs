//! The listing form: a listing as the text of its form fields, read back
//! with every problem tied to the field it concerns.

use std::collections::BTreeMap;

use crate::domain::{
    AudienceSlug, Contact, CountryCode, Day, Delivery, FieldError, Kind, LanguageTag, Listing,
    ListingId, Location, MAX_YEAR, MIN_YEAR, Problem, Provider, Session, TopicSlug, Translation,
    Vocabulary,
};
use crate::i18n::t;
use crate::store::Organisation;
use crate::web::forms::FormErrors;
use crate::web::forms::FormFields;
use crate::web::forms::control_problem;

/// Blank rows offered for new sessions and translations.
pub const SPARE_SESSIONS: usize = 2;
/// See [`SPARE_SESSIONS`].
pub const SPARE_TRANSLATIONS: usize = 1;

/// One translation's fields.
#[derive(Debug, Clone, Default)]
pub struct TranslationFields {
    /// Language tag.
    pub lang: String,
    /// Title in that language.
    pub title: String,
    /// Summary in that language.
    pub summary: String,
    /// Description in that language.
    pub description: String,
}

/// Every field of the listing form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ListingForm {
    /// Listing id (fixed once created).
    pub id: String,
    /// Kind of training.
    pub kind: String,
    /// Delivery mode.
    pub delivery: String,
    /// Language of the main text.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: String,
    /// Selected topic slugs.
    pub topics: Vec<String>,
    /// Selected language tags of instruction.
    pub languages: Vec<String>,
    /// Selected audience slugs.
    pub audience: Vec<String>,
    /// Contact person's name.
    pub contact_name: String,
    /// Contact person's role.
    pub contact_role: String,
    /// Contact e-mail.
    pub contact_email: String,
    /// Contact phone.
    pub contact_phone: String,
    /// City where it is held.
    pub city: String,
    /// Country where it is held.
    pub country: String,
    /// Web page.
    pub url: String,
    /// Sessions as (start, end) dates.
    pub sessions: Vec<(String, String)>,
    /// Translations.
    pub translations: Vec<TranslationFields>,
    /// Last updated day of the version being edited, kept as it was.
    pub updated: Option<Day>,
}

impl ListingForm {
    /// A blank form for a new listing.
    pub fn blank() -> Self {
        ListingForm {
            kind: Kind::Course.as_str().to_owned(),
            delivery: Delivery::InPerson.as_str().to_owned(),
            lang: "en".to_owned(),
            ..ListingForm::default()
        }
    }

    /// The fields of an existing version.
    pub fn from_listing(listing: &Listing) -> Self {
        ListingForm {
            id: listing.id.to_string(),
            kind: listing.kind.as_str().to_owned(),
            delivery: listing.delivery.as_str().to_owned(),
            lang: listing.lang.to_string(),
            title: listing.title.clone(),
            summary: listing.summary.clone(),
            description: listing.description.clone().unwrap_or_default(),
            topics: listing.topics.iter().map(ToString::to_string).collect(),
            languages: listing.languages.iter().map(ToString::to_string).collect(),
            audience: listing.audience.iter().map(ToString::to_string).collect(),
            contact_name: listing.contact.name.clone(),
            contact_role: listing.contact.role.clone().unwrap_or_default(),
            contact_email: listing.contact.email.clone(),
            contact_phone: listing.contact.phone.clone().unwrap_or_default(),
            city: listing
                .location
                .as_ref()
                .map(|l| l.city.clone())
                .unwrap_or_default(),
            country: listing
                .location
                .as_ref()
                .map(|l| l.country.to_string())
                .unwrap_or_default(),
            url: listing.url.clone().unwrap_or_default(),
            sessions: listing
                .sessions
                .iter()
                .map(|s| (s.start.to_string(), s.end.to_string()))
                .collect(),
            translations: listing
                .translations
                .iter()
                .map(|(tag, t)| TranslationFields {
                    lang: tag.to_string(),
                    title: t.title.clone(),
                    summary: t.summary.clone(),
                    description: t.description.clone().unwrap_or_default(),
                })
                .collect(),
            updated: listing.updated,
        }
    }

    /// The fields as submitted. Blank session and translation rows are
    /// dropped.
    pub fn from_fields(fields: &FormFields) -> Self {
        let text = |name: &str| fields.text(name).to_owned();
        let mut sessions = Vec::new();
        let mut translations = Vec::new();
        for i in 0..200 {
            let (start, end) = (
                text(&format!("session-start-{i}")),
                text(&format!("session-end-{i}")),
            );
            if fields.get(&format!("session-start-{i}")).is_none()
                && fields.get(&format!("session-end-{i}")).is_none()
            {
                break;
            }
            if !start.trim().is_empty() || !end.trim().is_empty() {
                sessions.push((start, end));
            }
        }
        for i in 0..60 {
            if fields.get(&format!("tr-lang-{i}")).is_none() {
                break;
            }
            let row = TranslationFields {
                lang: text(&format!("tr-lang-{i}")),
                title: text(&format!("tr-title-{i}")),
                summary: text(&format!("tr-summary-{i}")),
                description: text(&format!("tr-description-{i}")),
            };
            let blank = [&row.lang, &row.title, &row.summary, &row.description]
                .iter()
                .all(|v| v.trim().is_empty());
            if !blank {
                translations.push(row);
            }
        }
        ListingForm {
            id: text("id").trim().to_owned(),
            kind: text("kind"),
            delivery: text("delivery"),
            lang: text("lang").trim().to_owned(),
            title: text("title"),
            summary: text("summary"),
            description: text("description"),
            topics: fields.all("topics").map(str::to_owned).collect(),
            languages: fields.all("languages").map(str::to_owned).collect(),
            audience: fields.all("audience").map(str::to_owned).collect(),
            contact_name: text("contact-name"),
            contact_role: text("contact-role"),
            contact_email: text("contact-email"),
            contact_phone: text("contact-phone"),
            city: text("location-city"),
            country: text("location-country"),
            url: text("url"),
            sessions,
            translations,
            updated: None,
        }
    }

    /// The listing these fields describe, owned by `org`, or every problem
    /// with them tied to its field.
    pub fn to_listing(
        &self,
        org: &Organisation,
        vocabulary: &Vocabulary,
    ) -> Result<Listing, FormErrors> {
        let mut errors = FormErrors::default();
        let id = take(
            &mut errors,
            "id",
            &t!("listing-form-id"),
            ListingId::parse(&self.id).map_err(|_| t!("problem-listing-id")),
        );
        let kind = take(
            &mut errors,
            "kind",
            &t!("facet-kind"),
            choice(&self.kind, &Kind::ALL.map(|k| (k.as_str(), k))),
        );
        let delivery = take(
            &mut errors,
            "delivery",
            &t!("facet-delivery"),
            choice(&self.delivery, &Delivery::ALL.map(|d| (d.as_str(), d))),
        );
        let lang = take(
            &mut errors,
            "lang",
            &t!("listing-form-lang"),
            LanguageTag::parse(&self.lang).map_err(|_| not_a_choice(&self.lang)),
        );
        let topics = chosen(&mut errors, "topics", &self.topics, TopicSlug::parse);
        let languages = chosen(
            &mut errors,
            "languages",
            &self.languages,
            LanguageTag::parse,
        );
        let audience = chosen(&mut errors, "audience", &self.audience, AudienceSlug::parse);
        let location = if self.city.trim().is_empty() && self.country.trim().is_empty() {
            None
        } else {
            if self.city.trim().is_empty() {
                take(
                    &mut errors,
                    "location-city",
                    &t!("listing-form-city"),
                    Err::<(), _>(t!("problem-city-needed")),
                );
            }
            take(
                &mut errors,
                "location-country",
                &t!("facet-country"),
                CountryCode::parse(&self.country).map_err(|_| not_a_choice(&self.country)),
            )
            .map(|country| Location {
                city: self.city.clone(),
                country,
            })
        };
        let mut sessions = Vec::new();
        for (i, (start, end)) in self.sessions.iter().enumerate() {
            let start = take(
                &mut errors,
                &format!("session-start-{i}"),
                &t!("listing-form-session-start", n = i + 1),
                day(start),
            );
            let end = take(
                &mut errors,
                &format!("session-end-{i}"),
                &t!("listing-form-session-end", n = i + 1),
                day(end),
            );
            if let (Some(start), Some(end)) = (start, end) {
                sessions.push(Session { start, end });
            }
        }
        let mut translations = BTreeMap::new();
        for (i, row) in self.translations.iter().enumerate() {
            let field = format!("tr-lang-{i}");
            let label = t!("listing-form-translation-language", n = i + 1);
            let tag = LanguageTag::parse(&row.lang).map_err(|_| not_a_choice(&row.lang));
            let Some(tag) = take(&mut errors, &field, &label, tag) else {
                continue;
            };
            let translation = Translation {
                title: row.title.clone(),
                summary: row.summary.clone(),
                description: Some(row.description.clone()),
            };
            if translations.insert(tag.clone(), translation).is_some() {
                let problem = t!("problem-translation-twice", lang = tag.as_str());
                errors.add(
                    field,
                    t!("form-field-problem", field = label, problem = problem),
                );
            }
        }
        // Fields that could not be read are stood in for, so the rest of the
        // listing is still checked and every problem is shown at once.
        let mut listing = Listing {
            id: id.unwrap_or_else(|| ListingId::parse("unreadable").expect("a valid id")),
            kind: kind.unwrap_or(Kind::ALL[0]),
            lang: lang.unwrap_or_else(|| LanguageTag::parse("en").expect("a valid tag")),
            title: self.title.clone(),
            summary: self.summary.clone(),
            description: Some(self.description.clone()),
            topics,
            languages,
            provider: Provider {
                id: org.id.clone(),
                name: org.name.clone(),
                kind: org.kind,
                country: org.country,
            },
            contact: Contact {
                name: self.contact_name.clone(),
                role: Some(self.contact_role.clone()),
                email: self.contact_email.clone(),
                phone: Some(self.contact_phone.clone()),
            },
            delivery: delivery.unwrap_or(Delivery::ALL[0]),
            location,
            audience,
            sessions,
            translations,
            url: Some(self.url.trim().to_owned()).filter(|u| !u.is_empty()),
            updated: self.updated,
        };
        if let Err(problems) = listing.check(vocabulary) {
            for problem in problems {
                let field = self.field_of(&problem);
                let words = t!(
                    "form-field-problem",
                    field = label_of(&problem.field),
                    problem = describe(&problem.problem)
                );
                errors.add(field, words);
            }
        }
        if errors.is_empty() {
            Ok(listing)
        } else {
            Err(errors)
        }
    }

    /// The form field a checked listing's problem belongs to.
    fn field_of(&self, problem: &FieldError) -> String {
        let path = problem.field.as_str();
        let head = path.split(['.', '[']).next().unwrap_or(path);
        match head {
            "contact" | "location" => path.replace('.', "-"),
            "sessions" => {
                let index = index_in(path).unwrap_or(0);
                let part = if path.ends_with(".start") {
                    "start"
                } else {
                    "end"
                };
                format!("session-{part}-{index}")
            }
            "translations" => {
                let mut parts = path.splitn(3, '.').skip(1);
                let tag = parts.next().unwrap_or_default();
                let part = parts.next().unwrap_or("lang");
                let row = self
                    .translations
                    .iter()
                    .position(|t| t.lang.trim().eq_ignore_ascii_case(tag))
                    .unwrap_or(0);
                format!("tr-{part}-{row}")
            }
            "provider" => "id".to_owned(),
            other => other.to_owned(),
        }
    }
}

/// The value of `result`, or `None` with its problem (in the reader's
/// language) recorded against `field`, whose label is `label`.
fn take<T>(
    errors: &mut FormErrors,
    field: &str,
    label: &str,
    result: Result<T, String>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(problem) => {
            errors.add(
                field,
                t!("form-field-problem", field = label, problem = problem),
            );
            None
        }
    }
}

/// The values ticked in the check boxes named `field` (labelled by the
/// message `listing-form-FIELD`) that `parse` reads; each other one is
/// recorded as not one of the choices.
fn chosen<T>(
    errors: &mut FormErrors,
    field: &str,
    values: &[String],
    parse: impl Fn(&str) -> Result<T, String>,
) -> Vec<T> {
    let label = t!(&format!("listing-form-{field}"));
    values
        .iter()
        .filter_map(|value| {
            let parsed = parse(value).map_err(|_| not_a_choice(value));
            take(errors, field, &label, parsed)
        })
        .collect()
}

fn not_a_choice(value: &str) -> String {
    t!("problem-not-a-choice", value = value)
}

fn day(value: &str) -> Result<Day, String> {
    let value = value.trim();
    Day::parse(value).map_err(|_| t!("problem-not-a-date", value = value))
}

/// A checked listing's problem in the reader's language.
pub(crate) fn describe(problem: &Problem) -> String {
    match problem {
        Problem::Empty => t!("problem-empty"),
        Problem::TooLong { chars, max } => t!("problem-too-long", chars = *chars, max = *max),
        Problem::Count { has, min, max } => {
            t!("problem-count", has = *has, min = *min, max = *max)
        }
        Problem::Repeated(value) => t!("problem-repeated", value = value.as_str()),
        Problem::UnknownTopic(value) | Problem::UnknownAudience(value) => not_a_choice(value),
        Problem::NotEmail(value) => t!("problem-not-email", value = value.as_str()),
        Problem::ImplausibleDate(day) => t!(
            "problem-implausible-date",
            date = day.to_string(),
            min = MIN_YEAR,
            max = MAX_YEAR
        ),
        Problem::EndsBeforeStart { start, end } => t!(
            "problem-ends-before-start",
            start = start.to_string(),
            end = end.to_string()
        ),
        Problem::TranslationIntoOwnLanguage(_) => t!("problem-translation-own-language"),
        Problem::NotWebAddress(value) => t!("problem-not-web-address", value = value.as_str()),
        Problem::ControlCharacter(c) => control_problem(*c),
        Problem::Described(words) => words.clone(),
    }
}

fn index_in(path: &str) -> Option<usize> {
    let open = path.find('[')?;
    let close = path[open..].find(']')? + open;
    path[open + 1..close].parse().ok()
}

/// The label of the form field a checked listing's field path belongs to.
fn label_of(path: &str) -> String {
    let head = path.split(['[', '.']).next().unwrap_or(path);
    let id = match (head, path) {
        (_, "contact.name") => "listing-form-contact-name",
        (_, "contact.role") => "listing-form-contact-role",
        (_, "contact.email") => "field-email",
        (_, "contact.phone") => "listing-form-contact-phone",
        (_, "location.city") => "listing-form-city",
        ("title", _) => "listing-form-title",
        ("summary", _) => "listing-form-summary",
        ("description", _) => "listing-form-description",
        ("topics", _) => "listing-form-topics",
        ("languages", _) => "listing-form-languages",
        ("audience", _) => "listing-form-audience",
        ("url", _) => "listing-form-url",
        ("sessions", _) => "listing-dates",
        ("translations", _) => "listing-form-translations",
        _ => "listing-form-listing",
    };
    t!(id)
}

fn choice<T: Copy>(value: &str, options: &[(&str, T)]) -> Result<T, String> {
    options
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| not_a_choice(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ProviderId, ProviderType};

    fn org() -> Organisation {
        Organisation {
            id: ProviderId::parse("jclec").unwrap(),
            name: "JCLEC".into(),
            kind: ProviderType::RegionalInstitution,
            country: CountryCode::parse("ID").unwrap(),
        }
    }

    fn fields(pairs: &[(&str, &str)]) -> FormFields {
        FormFields(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_filled_form_becomes_a_listing_and_back() {
        let form = ListingForm::from_fields(&fields(&[
            ("id", "jclec-test-1"),
            ("kind", "workshop"),
            ("delivery", "online"),
            ("lang", "en"),
            ("title", " Document examination "),
            ("summary", "Spotting forged passports."),
            ("description", ""),
            ("topics", "document-examination"),
            ("languages", "en"),
            ("languages", "id"),
            ("contact-name", "Desk"),
            ("contact-email", "desk@jclec.example.org"),
            ("session-start-0", "2027-03-01"),
            ("session-end-0", "2027-03-05"),
            ("session-start-1", ""),
            ("session-end-1", ""),
            ("tr-lang-0", "id"),
            ("tr-title-0", "Pemeriksaan dokumen"),
            ("tr-summary-0", "Paspor palsu."),
            ("tr-description-0", ""),
            ("tr-lang-1", ""),
            ("tr-title-1", ""),
            ("tr-summary-1", ""),
            ("tr-description-1", ""),
        ]));
        let listing = form.to_listing(&org(), Vocabulary::builtin()).unwrap();
        assert_eq!(listing.title, "Document examination");
        assert_eq!(listing.sessions.len(), 1);
        assert_eq!(listing.translations.len(), 1);
        assert_eq!(listing.description, None);
        assert_eq!(listing.provider.name, "JCLEC");
        let again = ListingForm::from_listing(&listing)
            .to_listing(&org(), Vocabulary::builtin())
            .unwrap();
        assert_eq!(again, listing);
    }

    #[test]
    fn every_problem_is_tied_to_its_field() {
        let form = ListingForm::from_fields(&fields(&[
            ("id", "Bad Id"),
            ("kind", "course"),
            ("delivery", "in-person"),
            ("lang", "en"),
            ("title", ""),
            ("summary", "S"),
            ("contact-name", "D"),
            ("contact-email", "not-an-address"),
            ("session-start-0", "2027-03-05"),
            ("session-end-0", "2027-13-01"),
        ]));
        let errors = form.to_listing(&org(), Vocabulary::builtin()).unwrap_err();
        assert!(errors.has("id"));
        assert!(errors.has("session-end-0"));
        let form = ListingForm::from_fields(&fields(&[
            ("id", "ok-id"),
            ("kind", "course"),
            ("delivery", "in-person"),
            ("lang", "en"),
            ("title", ""),
            ("summary", "S"),
            ("contact-name", "D"),
            ("contact-email", "not-an-address"),
            ("session-start-0", "2027-03-05"),
            ("session-end-0", "2027-03-01"),
            ("tr-lang-0", "th"),
            ("tr-title-0", ""),
            ("tr-summary-0", "x"),
        ]));
        let errors = form.to_listing(&org(), Vocabulary::builtin()).unwrap_err();
        for field in [
            "title",
            "topics",
            "languages",
            "contact-email",
            "session-end-0",
            "tr-title-0",
        ] {
            assert!(errors.has(field), "{field}: {errors:?}");
        }
    }
}
