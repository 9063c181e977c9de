//! The enquiry form to a listing's owner.

use maud::{Markup, html};

use super::components::{error_summary, form_token_field, notice, text_area, text_field};
use super::layout::page;
use crate::domain::Listing;
use crate::i18n::t;
use crate::web::auth::Viewer;
use crate::web::forms::FormErrors;
use crate::web::paths;

/// What the visitor typed.
#[derive(Debug, Default, Clone)]
pub struct EnquiryFields {
    /// Their name.
    pub name: String,
    /// Their e-mail address.
    pub email: String,
    /// Their message.
    pub message: String,
}

/// The enquiry form, or the thanks after sending.
pub fn enquiry_page(
    viewer: &Viewer,
    token: &str,
    listing: &Listing,
    fields: &EnquiryFields,
    errors: &FormErrors,
    done: Option<&str>,
) -> Markup {
    let id = listing.id.as_str();
    let title = t!("enquiry-title", listing = listing.title.as_str());
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label=(t!("breadcrumb")) { a href=(paths::listing(id)) { "← " (t!("enquiry-back")) } }
            div.narrow {
                h1 { (t!("enquiry-heading")) }
                p.lead { (t!("enquiry-about")) " " a href=(paths::listing(id)) lang=(listing.lang) { (listing.title) } }
                p { (t!("enquiry-listed-by")) " " strong { (listing.provider.name) } }
                (notice(done))
                @if done.is_none() {
                    p { (t!("enquiry-explained", provider = listing.provider.name.as_str())) }
                    (error_summary(errors))
                    form.stack method="post" action=(paths::enquiry(id)) novalidate {
                        (form_token_field(token))
                        (text_field(errors, "name", &t!("enquiry-name"), &fields.name, "text", None, true))
                        (text_field(errors, "email", &t!("enquiry-email"), &fields.email, "email", Some(t!("enquiry-email-hint").as_str()), true))
                        (text_area(errors, "message", &t!("enquiry-message"), &fields.message, 6, Some(t!("enquiry-message-hint").as_str()), true))
                        button type="submit" { (t!("enquiry-send")) }
                    }
                }
            }
        },
    )
}
