//! Organisations, people and topics as the Secretariat enters them on the
//! site and operators at the command line: each parsed here once, with the
//! same rules for both, every problem tied to its field.

use std::collections::BTreeMap;
use std::fmt;

use super::account::{Role, parse_email};
use super::country::CountryCode;
use super::listing::{Lines, ProviderId, ProviderType, control_name, stray_control};
use super::vocabulary::TopicSlug;

/// Longest name of an organisation or a person, in characters.
pub const MAX_NAME: usize = 200;
/// Longest label of a topic, in characters.
pub const MAX_TOPIC_LABEL: usize = 80;
/// Longest description of a topic, in characters.
pub const MAX_TOPIC_DESCRIPTION: usize = 300;

/// An organisation that owns listings (a provider).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Its id, as in listings' `provider.id`.
    pub id: ProviderId,
    /// Its name.
    pub name: String,
    /// What sort of organisation it is.
    pub kind: ProviderType,
    /// Where it is based.
    pub country: CountryCode,
}

/// A person to invite, before they have an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    /// Their e-mail address, lower-cased: the sign-in name.
    pub email: String,
    /// Their full name.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// Their organisation; every contributor has one.
    pub org: Option<ProviderId>,
}

/// What is wrong with one entered value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// Not an id or slug: lower-case letters, digits and hyphens only.
    Id,
    /// A name or label empty or longer than `max` characters.
    Name {
        /// The longest allowed.
        max: usize,
    },
    /// A description empty or longer than `max` characters.
    Sentence {
        /// The longest allowed.
        max: usize,
    },
    /// A control character, invisible and out of place in a name.
    ControlCharacter(char),
    /// Not one of the choices; `reason` says so in English.
    NotAChoice {
        /// What was given.
        value: String,
        /// Why it is not a choice.
        reason: String,
    },
    /// Not an e-mail address.
    Email,
    /// A contributor without an organisation.
    ContributorWithoutOrganisation,
}

impl fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryProblem::Id => {
                f.write_str("use only lower-case letters, digits and hyphens, such as iom-thailand")
            }
            EntryProblem::Name { max } => write!(f, "give one, in at most {max} characters"),
            EntryProblem::Sentence { max } => {
                write!(f, "give one sentence, in at most {max} characters")
            }
            EntryProblem::ControlCharacter(c) => write!(
                f,
                "contains the invisible control character {}; retype it",
                control_name(*c)
            ),
            EntryProblem::NotAChoice { reason, .. } => f.write_str(reason),
            EntryProblem::Email => f.write_str("write the whole address, such as name@example.org"),
            EntryProblem::ContributorWithoutOrganisation => {
                f.write_str("a contributor belongs to an organisation; give one")
            }
        }
    }
}

/// A problem with the field named `field` (as the site's forms name it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    /// The field: `id`, `name`, `kind`, `country`, `email`, `role`, `org`,
    /// `slug`, `label`, `description` or `names`.
    pub field: &'static str,
    /// What is wrong.
    pub problem: EntryProblem,
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

/// Collects problems field by field.
#[derive(Default)]
struct Problems(Vec<EntryError>);

impl Problems {
    fn add(&mut self, field: &'static str, problem: EntryProblem) {
        self.0.push(EntryError { field, problem });
    }

    fn name(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() || value.chars().count() > max {
            self.add(field, EntryProblem::Name { max });
        } else if let Some(c) = stray_control(value, Lines::One) {
            self.add(field, EntryProblem::ControlCharacter(c));
        }
        value.to_owned()
    }

    fn sentence(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() || value.chars().count() > max {
            self.add(field, EntryProblem::Sentence { max });
        } else if let Some(c) = stray_control(value, Lines::One) {
            self.add(field, EntryProblem::ControlCharacter(c));
        }
        value.to_owned()
    }

    fn choice<T>(
        &mut self,
        field: &'static str,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        parse(value)
            .map_err(|reason| {
                self.add(
                    field,
                    EntryProblem::NotAChoice {
                        value: value.to_owned(),
                        reason,
                    },
                );
            })
            .ok()
    }

    fn id<T, E>(&mut self, field: &'static str, parsed: Result<T, E>) -> Option<T> {
        parsed.map_err(|_| self.add(field, EntryProblem::Id)).ok()
    }

    fn done<T>(self, value: Option<T>) -> Result<T, Vec<EntryError>> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(self.0),
        }
    }
}

impl Organisation {
    /// Parses an organisation as entered: its id, name, type and country.
    pub fn parse(
        id: &str,
        name: &str,
        kind: &str,
        country: &str,
    ) -> Result<Organisation, Vec<EntryError>> {
        let mut problems = Problems::default();
        let id = problems.id("id", ProviderId::parse(id.trim()));
        let name = problems.name("name", name, MAX_NAME);
        let kind = problems.choice("kind", kind.trim(), ProviderType::parse);
        let country = problems.choice("country", country.trim(), CountryCode::parse);
        let organisation = match (id, kind, country) {
            (Some(id), Some(kind), Some(country)) => Some(Organisation {
                id,
                name,
                kind,
                country,
            }),
            _ => None,
        };
        problems.done(organisation)
    }
}

impl NewPerson {
    /// Parses a person as entered: e-mail address, full name, role and
    /// organisation (empty for none).
    pub fn parse(
        email: &str,
        name: &str,
        role: &str,
        org: &str,
    ) -> Result<NewPerson, Vec<EntryError>> {
        let mut problems = Problems::default();
        let email = parse_email(email)
            .map_err(|_| problems.add("email", EntryProblem::Email))
            .ok();
        let name = problems.name("name", name, MAX_NAME);
        let role = problems.choice("role", role.trim(), Role::parse);
        let org = match org.trim() {
            "" => {
                if role == Some(Role::Contributor) {
                    problems.add("org", EntryProblem::ContributorWithoutOrganisation);
                }
                None
            }
            org => problems.choice("org", org, ProviderId::parse),
        };
        let person = match (email, role) {
            (Some(email), Some(role)) => Some(NewPerson {
                email,
                name,
                role,
                org,
            }),
            _ => None,
        };
        problems.done(person)
    }
}

/// Parses a topic's label and description as entered.
pub fn parse_topic_text(
    label: &str,
    description: &str,
) -> Result<(String, String), Vec<EntryError>> {
    let mut problems = Problems::default();
    let label = problems.name("label", label, MAX_TOPIC_LABEL);
    let description = problems.sentence("description", description, MAX_TOPIC_DESCRIPTION);
    problems.done(Some((label, description)))
}

/// Parses a topic's names in other languages as entered, by language tag:
/// each at most as long as a label; an empty one removes the name.
pub fn parse_topic_names(
    names: impl IntoIterator<Item = (String, String)>,
) -> Result<BTreeMap<String, String>, Vec<EntryError>> {
    let mut problems = Problems::default();
    let parsed: BTreeMap<String, String> = names
        .into_iter()
        .map(|(lang, name)| (lang, name.trim().to_owned()))
        .collect();
    let unfit = |name: &String| {
        name.chars().count() > MAX_TOPIC_LABEL || name.chars().any(char::is_control)
    };
    if parsed.values().any(unfit) {
        problems.add(
            "names",
            EntryProblem::Name {
                max: MAX_TOPIC_LABEL,
            },
        );
    }
    problems.done(Some(parsed))
}

/// Parses a new topic's slug, label and description as entered.
pub fn parse_topic(
    slug: &str,
    label: &str,
    description: &str,
) -> Result<(TopicSlug, String, String), Vec<EntryError>> {
    let mut problems = Problems::default();
    let slug = problems.id("slug", TopicSlug::parse(slug.trim()));
    let text = parse_topic_text(label, description);
    if let Err(errors) = &text {
        problems.0.extend(errors.iter().cloned());
    }
    let topic = match (slug, text) {
        (Some(slug), Ok((label, description))) => Some((slug, label, description)),
        _ => None,
    };
    problems.done(topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_is_checked_field_by_field_with_the_same_rules_everywhere() {
        let org = Organisation::parse(
            " pidc ",
            " Pacific Immigration ",
            "regional-institution",
            "ws",
        )
        .unwrap();
        assert_eq!(org.id.as_str(), "pidc");
        assert_eq!(org.name, "Pacific Immigration");
        assert_eq!(org.country.as_str(), "WS");

        let long = "x".repeat(MAX_NAME + 1);
        let errors = Organisation::parse("Bad Id", &long, "club", "ZZ").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["id", "name", "kind", "country"]);
        assert_eq!(errors[1].problem, EntryProblem::Name { max: MAX_NAME });
        assert!(
            errors[2]
                .to_string()
                .starts_with("kind: \"club\" is not an organisation type")
        );
    }

    #[test]
    fn a_contributor_needs_an_organisation_and_a_bad_one_is_reported_once() {
        let person = NewPerson::parse("Ana@Example.org", "Ana", "contributor", "jclec").unwrap();
        assert_eq!(person.email, "ana@example.org");
        let errors = NewPerson::parse("ana@example.org", "Ana", "contributor", "").unwrap_err();
        assert_eq!(
            errors[0].problem,
            EntryProblem::ContributorWithoutOrganisation
        );
        let errors = NewPerson::parse("nobody", "", "boss", "Not An Id").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["email", "name", "role", "org"]);
        assert!(NewPerson::parse("kim@example.org", "Kim", "secretariat", "").is_ok());
    }

    #[test]
    fn names_refuse_control_characters() {
        let errors =
            NewPerson::parse("ana@example.org", "Ana\r\nBcc: x", "secretariat", "").unwrap_err();
        assert_eq!(errors[0].problem, EntryProblem::ControlCharacter('\r'));
        assert_eq!(
            errors[0].to_string(),
            "name: contains the invisible control character U+000D; retype it"
        );
        let errors =
            Organisation::parse("pidc", "Pacific\u{0}", "regional-institution", "ws").unwrap_err();
        assert_eq!(errors[0].problem, EntryProblem::ControlCharacter('\0'));
    }

    #[test]
    fn topics_have_a_slug_a_short_label_and_one_sentence() {
        let (slug, label, _) = parse_topic("cyber", " Cybercrime ", "Crime online.").unwrap();
        assert_eq!((slug.as_str(), label.as_str()), ("cyber", "Cybercrime"));
        let errors = parse_topic("Cyber Crime", "", &"x".repeat(301)).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["slug", "label", "description"]);
    }
}
