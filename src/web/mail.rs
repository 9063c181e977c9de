//! The mail the catalogue sends, as plain text.

use crate::store::{LinkPurpose, Mail};

/// The invitation to a new account.
pub fn invitation(to: &str, name: &str, org: Option<&str>, link: &str) -> Mail {
    let days = LinkPurpose::Invite.lifetime().whole_days();
    let for_org = org.map_or(String::new(), |o| format!(" for {o}"));
    Mail {
        recipient: to.to_owned(),
        subject: "Your invitation to the Regional Training Catalogue".to_owned(),
        body: format!(
            "Dear {name},\n\n\
             The Secretariat has invited you to list and maintain training{for_org} in the Regional Training Catalogue.\n\n\
             Choose your password here (the link works once, for {days} days):\n{link}\n\n\
             If you did not expect this invitation, you can ignore this message.\n"
        ),
    }
}

/// A link to choose a new password.
pub fn password_reset(to: &str, name: &str, link: &str) -> Mail {
    let hours = LinkPurpose::Reset.lifetime().whole_hours();
    Mail {
        recipient: to.to_owned(),
        subject: "Choose a new password for the Regional Training Catalogue".to_owned(),
        body: format!(
            "Dear {name},\n\n\
             Someone (probably you, or the Secretariat on your behalf) asked for a new password for your account.\n\n\
             Choose it here (the link works once, for {hours} hours):\n{link}\n\n\
             If you did not ask for this, you can ignore this message: your password stays as it is.\n"
        ),
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
    Mail {
        recipient: to.to_owned(),
        // A title is one line, but a header must never carry a line break.
        subject: format!(
            "Enquiry about \"{}\"",
            listing_title.replace(char::is_control, " ")
        ),
        body: format!(
            "{from_name} <{from_email}> sent an enquiry through the Regional Training Catalogue about \"{listing_title}\":\n\n\
             {message}\n\n\
             Reply to {from_email} directly. All enquiries to your organisation are listed on your dashboard:\n{dashboard}\n"
        ),
    }
}
