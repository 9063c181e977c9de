//! Signing in and out, invitations, and passwords.

use maud::{Markup, html};

use super::components::{FormErrors, error_summary, form_token_field, notice, text_field};
use super::layout::page;
use crate::domain::MIN_PASSWORD_CHARS;
use crate::store::LinkPurpose;
use crate::web::auth::Viewer;
use crate::web::paths;

/// The sign-in form.
pub fn sign_in_page(token: &str, email: &str, then: &str, errors: &FormErrors) -> Markup {
    page(
        &Viewer::default(),
        "Sign in",
        html! {
            div.narrow {
                h1 { "Sign in" }
                p { "For national training directors, institutions and the Secretariat who list and maintain training. Searching needs no account." }
                (error_summary(errors))
                form.stack method="post" action=(paths::SIGN_IN) novalidate {
                    (form_token_field(token))
                    input type="hidden" name="then" value=(then);
                    (text_field(errors, "email", "E-mail address", email, "email", None, true))
                    (text_field(errors, "password", "Password", "", "password", None, true))
                    button type="submit" { "Sign in" }
                }
                p { a href=(paths::FORGOT_PASSWORD) { "Forgotten your password?" } }
                p.note { "No account yet? Accounts are by invitation: ask the Secretariat to invite you to your organisation." }
            }
        },
    )
}

/// The form asking for a reset link, or the answer after it was sent.
pub fn forgot_page(token: &str, sent_to: Option<&str>, errors: &FormErrors) -> Markup {
    page(
        &Viewer::default(),
        "Reset your password",
        html! {
            div.narrow {
                h1 { "Reset your password" }
                @if let Some(email) = sent_to {
                    p.notice role="status" {
                        "If " strong { (email) } " has an account, a link to choose a new password is on its way. It works once, for "
                        (LinkPurpose::Reset.lifetime().whole_hours()) " hours."
                    }
                    p { "Nothing arrived? Check the spam folder, or ask the Secretariat to send you a link." }
                } @else {
                    p { "Give the e-mail address of your account. We send it a link to choose a new password." }
                    (error_summary(errors))
                    form.stack method="post" action=(paths::FORGOT_PASSWORD) novalidate {
                        (form_token_field(token))
                        (text_field(errors, "email", "E-mail address", "", "email", None, true))
                        button type="submit" { "Send the link" }
                    }
                }
            }
        },
    )
}

fn password_fields(errors: &FormErrors) -> Markup {
    let hint = format!(
        "At least {MIN_PASSWORD_CHARS} characters. A few unrelated words make a strong password that is easy to remember; common passwords are refused."
    );
    html! {
        (text_field(errors, "password", "New password", "", "password", Some(&hint), true))
        (text_field(errors, "confirm", "The new password again", "", "password", None, true))
    }
}

/// Choosing a password from an invitation or reset link.
pub fn choose_password_page(
    token: &str,
    link: &str,
    name: &str,
    org: Option<&str>,
    purpose: LinkPurpose,
    errors: &FormErrors,
) -> Markup {
    let title = match purpose {
        LinkPurpose::Invite => "Welcome: choose your password",
        LinkPurpose::Reset => "Choose a new password",
    };
    page(
        &Viewer::default(),
        title,
        html! {
            div.narrow {
                h1 { (title) }
                @match purpose {
                    LinkPurpose::Invite => p {
                        "Welcome, " (name) ". "
                        @if let Some(org) = org { "You are invited to list and maintain the training of " strong { (org) } ". " }
                        "Choose a password to finish setting up your account."
                    },
                    LinkPurpose::Reset => p { (name) ", choose a new password. You will be signed out everywhere else." },
                }
                (error_summary(errors))
                form.stack method="post" action=(paths::at(paths::LINK, link)) novalidate {
                    (form_token_field(token))
                    (password_fields(errors))
                    button type="submit" { "Save the password and sign in" }
                }
            }
        },
    )
}

/// A link that can no longer be used.
pub fn dead_link_page(why: &str) -> Markup {
    page(
        &Viewer::default(),
        "This link cannot be used",
        html! {
            div.narrow {
                h1 { "This link cannot be used" }
                p.lead { (why) }
                p { a href=(paths::FORGOT_PASSWORD) { "Ask for a new password link" } " or ask the Secretariat to invite you again." }
            }
        },
    )
}

/// Changing one's own password.
pub fn change_password_page(
    viewer: &Viewer,
    token: &str,
    errors: &FormErrors,
    done: Option<&str>,
) -> Markup {
    page(
        viewer,
        "Change your password",
        html! {
            div.narrow {
                h1 { "Change your password" }
                (notice(done))
                p { "Changing it signs you out on every other device." }
                (error_summary(errors))
                form.stack method="post" action=(paths::PASSWORD) novalidate {
                    (form_token_field(token))
                    (text_field(errors, "current", "Current password", "", "password", None, true))
                    (password_fields(errors))
                    button type="submit" { "Change the password" }
                }
            }
        },
    )
}
