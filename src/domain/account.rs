//! People who sign in, their roles, and what a password must be.

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use super::ProviderId;

/// Shortest password accepted, in characters (NIST SP 800-63B §3.1.1.2).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted, in characters: long passphrases are welcome,
/// but hashing megabytes is not.
pub const MAX_PASSWORD_CHARS: usize = 256;

const COMMON_PASSWORDS: &str = include_str!("../../fixtures/common-passwords.txt");

/// What a person may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Maintains the listings of one organisation.
    Contributor,
    /// Reviews and curates every organisation's listings.
    Secretariat,
}

impl Role {
    /// The stored and typed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Contributor => "contributor",
            Role::Secretariat => "secretariat",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Result<Role, String> {
        match value {
            "contributor" => Ok(Role::Contributor),
            "secretariat" => Ok(Role::Secretariat),
            other => Err(format!(
                "\"{other}\" is not a role: use contributor or secretariat"
            )),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Someone acting on the catalogue: a signed-in person, an API token's
/// owner, or an operator at the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The account, or `None` for an operator at the command line.
    pub user_id: Option<i64>,
    /// How the audit trail names them.
    pub name: String,
    /// Their role; operators act as the Secretariat.
    pub role: Role,
    /// Their organisation (always set for contributors).
    pub org: Option<ProviderId>,
}

impl Actor {
    /// An operator running the `catalogue` command on the server.
    pub fn operator() -> Actor {
        Actor {
            user_id: None,
            name: "operator (command line)".to_owned(),
            role: Role::Secretariat,
            org: None,
        }
    }

    /// Whether this actor is the Secretariat.
    pub fn is_secretariat(&self) -> bool {
        self.role == Role::Secretariat
    }

    /// Whether this actor may create, edit, submit and withdraw the listings
    /// of organisation `org`: its own contributors and the Secretariat.
    pub fn may_manage(&self, org: &ProviderId) -> bool {
        self.is_secretariat() || self.org.as_ref() == Some(org)
    }
}

/// Mail a person chooses to receive, beside what their account itself
/// needs (invitations, password links, enquiries about their listings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailChoices {
    /// Secretariat: each submission or revision waiting for review.
    pub reviews: bool,
    /// Secretariat: the weekly digest.
    pub digest: bool,
    /// Contributors: their listing published, sent back or archived.
    pub listing_news: bool,
    /// Contributors: reminders to confirm their listings are current.
    pub reminders: bool,
}

impl Default for MailChoices {
    /// The Secretariat opts in; contributors hear about their own listings
    /// unless they opt out.
    fn default() -> Self {
        MailChoices {
            reviews: false,
            digest: false,
            listing_news: true,
            reminders: true,
        }
    }
}

/// One kind of mail a person may choose to receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subscription {
    /// See [`MailChoices::reviews`].
    Reviews,
    /// See [`MailChoices::digest`].
    Digest,
    /// See [`MailChoices::listing_news`].
    ListingNews,
    /// See [`MailChoices::reminders`].
    Reminders,
}

impl Subscription {
    /// The kinds a person of `role` is offered.
    pub fn offered_to(role: Role) -> &'static [Subscription] {
        match role {
            Role::Secretariat => &[Subscription::Reviews, Subscription::Digest],
            Role::Contributor => &[Subscription::ListingNews, Subscription::Reminders],
        }
    }

    /// Its name in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Subscription::Reviews => "reviews",
            Subscription::Digest => "digest",
            Subscription::ListingNews => "listing-news",
            Subscription::Reminders => "reminders",
        }
    }

    /// Whether `choices` include it.
    pub fn chosen_in(self, choices: &MailChoices) -> bool {
        match self {
            Subscription::Reviews => choices.reviews,
            Subscription::Digest => choices.digest,
            Subscription::ListingNews => choices.listing_news,
            Subscription::Reminders => choices.reminders,
        }
    }

    /// Sets it in `choices`.
    pub fn set_in(self, choices: &mut MailChoices, chosen: bool) {
        match self {
            Subscription::Reviews => choices.reviews = chosen,
            Subscription::Digest => choices.digest = chosen,
            Subscription::ListingNews => choices.listing_news = chosen,
            Subscription::Reminders => choices.reminders = chosen,
        }
    }
}

/// Normalises and checks an e-mail address typed by a person.
pub fn parse_email(value: &str) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("enter an e-mail address".to_owned());
    }
    if trimmed.len() > 254 || !email_address::EmailAddress::is_valid(trimmed) {
        return Err(format!(
            "\"{trimmed}\" is not an e-mail address; write it as name@example.org"
        ));
    }
    Ok(trimmed.to_lowercase())
}

/// Checks a new password: long enough, not absurdly long, and not one of
/// the commonly used passwords shipped with the catalogue. No composition
/// rules (NIST SP 800-63B §3.1.1.2).
pub fn check_new_password(password: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort(chars));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong(chars));
    }
    if common_passwords().contains(password.to_lowercase().as_str()) {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer characters than [`MIN_PASSWORD_CHARS`]: how many it has.
    TooShort(usize),
    /// More characters than [`MAX_PASSWORD_CHARS`]: how many it has.
    TooLong(usize),
    /// One of the most common passwords, which are guessed first.
    Common,
}

impl std::fmt::Display for PasswordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PasswordProblem::TooShort(chars) => write!(
                f,
                "is {chars} characters long; use at least {MIN_PASSWORD_CHARS} (a short sentence is easy to remember)"
            ),
            PasswordProblem::TooLong(chars) => write!(
                f,
                "is {chars} characters long; use at most {MAX_PASSWORD_CHARS}"
            ),
            PasswordProblem::Common => f.write_str(
                "is one of the most commonly used passwords, which are guessed first; choose another",
            ),
        }
    }
}

fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_need_length_only_and_must_not_be_common() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("password").is_err());
        assert!(
            check_new_password("PASSWORD").is_err(),
            "case does not help"
        );
        assert!(check_new_password("baseball").is_err());
        assert!(check_new_password("lowercase words only here").is_ok());
        assert!(check_new_password("เรือข้ามฟากชายแดน").is_ok());
        assert!(check_new_password(&"x".repeat(256)).is_ok());
        assert!(check_new_password(&"x".repeat(257)).is_err());
        assert!(common_passwords().len() >= 10_000);
    }

    #[test]
    fn emails_are_checked_and_lower_cased() {
        assert_eq!(parse_email(" Ana@Example.ORG ").unwrap(), "ana@example.org");
        assert!(parse_email("ana").is_err());
        assert!(parse_email("").is_err());
    }

    #[test]
    fn contributors_manage_only_their_organisation() {
        let jclec = ProviderId::parse("jclec").unwrap();
        let iom = ProviderId::parse("iom").unwrap();
        let contributor = Actor {
            user_id: Some(1),
            name: "A".into(),
            role: Role::Contributor,
            org: Some(jclec.clone()),
        };
        assert!(contributor.may_manage(&jclec));
        assert!(!contributor.may_manage(&iom));
        assert!(Actor::operator().may_manage(&iom));
    }
}
