//! Signing in and out, invitations, passwords, and what mail one receives.

use maud::{Markup, html};

use super::components::{error_summary, form_token_field, notice, select, text_field};
use super::layout::page;
use crate::domain::{MIN_PASSWORD_CHARS, Role, Subscription};
use crate::i18n::{Locale, t};
use crate::store::{LinkPurpose, MailSettings};
use crate::web::auth::Viewer;
use crate::web::forms::FormErrors;
use crate::web::paths;

/// The sign-in form.
pub fn sign_in_page(token: &str, email: &str, then: &str, errors: &FormErrors) -> Markup {
    page(
        &Viewer::default(),
        &t!("sign-in-title"),
        html! {
            div.narrow {
                h1 { (t!("sign-in-title")) }
                p { (t!("sign-in-intro")) }
                (error_summary(errors))
                form.stack method="post" action=(paths::SIGN_IN) novalidate {
                    (form_token_field(token))
                    input type="hidden" name="then" value=(then);
                    (text_field(errors, "email", &t!("field-email"), email, "email", None, true))
                    (text_field(errors, "password", &t!("field-password"), "", "password", None, true))
                    button type="submit" { (t!("sign-in-button")) }
                }
                p { a href=(paths::FORGOT_PASSWORD) { (t!("sign-in-forgotten")) } }
                p.note { (t!("sign-in-no-account")) }
            }
        },
    )
}

/// The form asking for a reset link, or the answer after it was sent.
pub fn forgot_page(token: &str, sent_to: Option<&str>, errors: &FormErrors) -> Markup {
    page(
        &Viewer::default(),
        &t!("forgot-title"),
        html! {
            div.narrow {
                h1 { (t!("forgot-title")) }
                @if let Some(email) = sent_to {
                    p.notice role="status" {
                        (t!("forgot-sent", email = email, hours = LinkPurpose::Reset.lifetime().whole_hours()))
                    }
                    p { (t!("forgot-nothing-arrived")) }
                } @else {
                    p { (t!("forgot-intro")) }
                    (error_summary(errors))
                    form.stack method="post" action=(paths::FORGOT_PASSWORD) novalidate {
                        (form_token_field(token))
                        (text_field(errors, "email", &t!("field-email"), "", "email", None, true))
                        button type="submit" { (t!("forgot-button")) }
                    }
                }
            }
        },
    )
}

fn password_fields(errors: &FormErrors) -> Markup {
    let hint = t!("password-hint", min = MIN_PASSWORD_CHARS);
    html! {
        (text_field(errors, "password", &t!("field-new-password"), "", "password", Some(&hint), true))
        (text_field(errors, "confirm", &t!("field-confirm-password"), "", "password", None, true))
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
        LinkPurpose::Invite => t!("choose-password-welcome"),
        LinkPurpose::Reset => t!("choose-password-title"),
    };
    page(
        &Viewer::default(),
        &title,
        html! {
            div.narrow {
                h1 { (title) }
                @match purpose {
                    LinkPurpose::Invite => p {
                        (t!("choose-password-hello", name = name)) " "
                        @if let Some(org) = org { (t!("choose-password-invited", organisation = org)) " " }
                        (t!("choose-password-finish"))
                    },
                    LinkPurpose::Reset => p { (t!("choose-password-reset", name = name)) },
                }
                (error_summary(errors))
                form.stack method="post" action=(paths::link(link)) novalidate {
                    (form_token_field(token))
                    (password_fields(errors))
                    button type="submit" { (t!("choose-password-button")) }
                }
            }
        },
    )
}

/// A link that can no longer be used.
pub fn dead_link_page(why: &str) -> Markup {
    page(
        &Viewer::default(),
        &t!("dead-link-title"),
        html! {
            div.narrow {
                h1 { (t!("dead-link-title")) }
                p.lead { (why) }
                p { a href=(paths::FORGOT_PASSWORD) { (t!("dead-link-new")) } " " (t!("dead-link-or-invite")) }
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
        &t!("change-password-title"),
        html! {
            div.narrow {
                h1 { (t!("change-password-title")) }
                (notice(done))
                p { (t!("change-password-intro")) }
                (error_summary(errors))
                form.stack method="post" action=(paths::PASSWORD) novalidate {
                    (form_token_field(token))
                    (text_field(errors, "current", &t!("field-current-password"), "", "password", None, true))
                    (password_fields(errors))
                    button type="submit" { (t!("change-password-button")) }
                }
            }
        },
    )
}

/// What mail a person receives, and in which language.
pub fn settings_page(
    viewer: &Viewer,
    token: &str,
    role: Role,
    settings: &MailSettings,
    errors: &FormErrors,
    done: Option<&str>,
) -> Markup {
    let languages: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (l.tag().to_owned(), l.native_name().to_owned()))
        .collect();
    let language = settings
        .language
        .clone()
        .unwrap_or_else(|| crate::i18n::locale().tag().to_owned());
    page(
        viewer,
        &t!("settings-title"),
        html! {
            div.narrow {
                h1 { (t!("settings-title")) }
                (notice(done))
                p { (t!("settings-intro")) }
                (error_summary(errors))
                form.stack method="post" action=(paths::SETTINGS) novalidate {
                    (form_token_field(token))
                    (select(errors, "language", &t!("settings-language"), &languages, &language, true))
                    fieldset.field.choices {
                        legend { (t!("settings-mail")) }
                        @for subscription in Subscription::offered_to(role) {
                            @let name = subscription.as_str();
                            div.choice {
                                input type="checkbox" id=(name) name=(name) value="on"
                                    checked[subscription.chosen_in(&settings.choices)];
                                label for=(name) { (subscription_label(*subscription)) }
                            }
                        }
                        p.hint { (t!("settings-always")) }
                    }
                    button type="submit" { (t!("settings-save")) }
                }
            }
        },
    )
}

fn subscription_label(subscription: Subscription) -> String {
    match subscription {
        Subscription::Reviews => t!("settings-reviews"),
        Subscription::Digest => t!("settings-digest"),
        Subscription::ListingNews => t!("settings-listing-news"),
        Subscription::Reminders => t!("settings-reminders"),
    }
}
