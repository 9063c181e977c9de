//! The enquiry form to a listing's owner.

use maud::{Markup, html};

use super::components::{
    FormErrors, error_summary, form_token_field, notice, text_area, text_field,
};
use super::layout::page;
use crate::domain::Listing;
use crate::web::auth::Viewer;
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
    let title = format!("Ask about “{}”", listing.title);
    page(
        viewer,
        &title,
        html! {
            nav.breadcrumb aria-label="Breadcrumb" { a href=(paths::listing(id)) { "← Back to the listing" } }
            div.narrow {
                h1 { "Ask the provider" }
                p.lead { "About " a href=(paths::listing(id)) lang=(listing.lang) { (listing.title) } ", listed by " strong { (listing.provider.name) } "." }
                (notice(done))
                @if done.is_none() {
                    p { "Your message goes to the people at " (listing.provider.name) " who maintain this listing. They answer you by e-mail." }
                    (error_summary(errors))
                    form.stack method="post" action=(paths::at(paths::ENQUIRY, id)) novalidate {
                        (form_token_field(token))
                        (text_field(errors, "name", "Your name", &fields.name, "text", None, true))
                        (text_field(errors, "email", "Your e-mail address", &fields.email, "email", Some("The provider replies to this address."), true))
                        (text_area(errors, "message", "Your question", &fields.message, 6, Some("For example: the next dates, who may attend, how to apply."), true))
                        button type="submit" { "Send the enquiry" }
                    }
                }
            }
        },
    )
}
