//! The mail the catalogue sends, as plain text. Invitations and password
//! links are in the language of the page that sent them (English from the
//! command line); enquiries are in English, the forum's working language,
//! since the language of the provider's people is not known.

use crate::i18n::{self, Locale, t};
use crate::store::{LinkPurpose, Mail};

/// Paragraphs of a plain-text mail.
fn paragraphs(parts: &[String]) -> String {
    let mut body = parts.join("\n\n");
    body.push('\n');
    body
}

/// The invitation to a new account.
pub fn invitation(to: &str, name: &str, org: Option<&str>, link: &str) -> Mail {
    let days = LinkPurpose::Invite.lifetime().whole_days();
    let invited = match org {
        Some(organisation) => t!("mail-invitation-for", organisation = organisation),
        None => t!("mail-invitation-secretariat"),
    };
    Mail {
        recipient: to.to_owned(),
        subject: t!("mail-invitation-subject"),
        body: paragraphs(&[
            t!("mail-dear", name = name),
            invited,
            format!("{}\n{link}", t!("mail-invitation-link", days = days)),
            t!("mail-invitation-unexpected"),
        ]),
    }
}

/// A link to choose a new password.
pub fn password_reset(to: &str, name: &str, link: &str) -> Mail {
    let hours = LinkPurpose::Reset.lifetime().whole_hours();
    Mail {
        recipient: to.to_owned(),
        subject: t!("mail-reset-subject"),
        body: paragraphs(&[
            t!("mail-dear", name = name),
            t!("mail-reset-asked"),
            format!("{}\n{link}", t!("mail-reset-link", hours = hours)),
            t!("mail-reset-unexpected"),
        ]),
    }
}

/// An enquiry from a visitor to one of the owner's contributors.
pub fn enquiry(
    to: &str,
    listing_title: &str,
    from_name: &str,
    from_email: &str,
    message: &str,
    dashboard: &str,
) -> Mail {
    // A title is one line, but a header must never carry a line break.
    let title = listing_title.replace(char::is_control, " ");
    i18n::in_locale(Locale::En, || Mail {
        recipient: to.to_owned(),
        subject: t!("mail-enquiry-subject", title = title.as_str()),
        body: paragraphs(&[
            t!(
                "mail-enquiry-from",
                name = from_name,
                email = from_email,
                title = listing_title
            ),
            message.to_owned(),
            format!(
                "{}\n{dashboard}",
                t!("mail-enquiry-reply", email = from_email)
            ),
        ]),
    })
}
