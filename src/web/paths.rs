//! Every URL of the site, used by the router and the views alike so that
//! links cannot drift from routes.

use url::form_urlencoded;

/// The search page (home).
pub const SEARCH: &str = "/";
/// One listing's page.
pub const LISTING: &str = "/listings/{id}";
/// Search API.
pub const API_SEARCH: &str = "/api/v1/search";
/// Completions while a person types.
pub const API_SUGGEST: &str = "/api/v1/suggest";
/// One listing in the interchange format.
pub const API_LISTING: &str = "/api/v1/listings/{id}";
/// Health check.
pub const HEALTH: &str = "/healthz";
/// Chooses the interface language (`?then=` the page to return to).
pub const LANGUAGE: &str = "/language/{tag}";
/// Static files, by content-hashed name.
pub const ASSET: &str = "/assets/{file}";

/// Sign-in form.
pub const SIGN_IN: &str = "/sign-in";
/// Ends the session (POST).
pub const SIGN_OUT: &str = "/sign-out";
/// Asks for a password reset link by e-mail.
pub const FORGOT_PASSWORD: &str = "/forgot-password";
/// An invitation or password reset link: choose a password.
pub const LINK: &str = "/links/{token}";
/// Change one's own password.
pub const PASSWORD: &str = "/account/password";
/// A contributor's (or the Secretariat's) start page.
pub const DASHBOARD: &str = "/dashboard";
/// The form for a new listing.
pub const NEW_LISTING: &str = "/dashboard/listings/new";
/// The form for editing a listing.
pub const EDIT_LISTING: &str = "/dashboard/listings/{id}";
/// Send the open revision for review (POST).
pub const SUBMIT_LISTING: &str = "/dashboard/listings/{id}/submit";
/// Take a listing down (owner, POST).
pub const WITHDRAW_LISTING: &str = "/dashboard/listings/{id}/withdraw";
/// Confirm a listing is current (owner, POST).
pub const CONFIRM_LISTING: &str = "/dashboard/listings/{id}/confirm";
/// An owner's action on a listing (POST): `submit`, `withdraw` or `confirm`,
/// as the three paths above.
pub const OWNER_ACTION: &str = "/dashboard/listings/{id}/{action}";
/// A listing's audit trail.
pub const LISTING_HISTORY: &str = "/listings/{id}/history";
/// The enquiry form to a listing's owner.
pub const ENQUIRY: &str = "/listings/{id}/enquiry";
/// The Secretariat's review queue.
pub const REVIEW_QUEUE: &str = "/review";
/// One revision under review, with its differences.
pub const REVIEW: &str = "/review/{id}";
/// Publish the revision (POST).
pub const APPROVE: &str = "/review/{id}/approve";
/// Send the revision back with a comment (POST).
pub const REQUEST_CHANGES: &str = "/review/{id}/request-changes";
/// Take a listing down (Secretariat, POST).
pub const ARCHIVE: &str = "/review/{id}/archive";
/// A reviewer's decision (POST): `approve`, `request-changes` or `archive`,
/// as the three paths above.
pub const REVIEW_ACTION: &str = "/review/{id}/{action}";
/// Organisations (Secretariat).
pub const ORGANISATIONS: &str = "/admin/organisations";
/// One organisation's details (Secretariat).
pub const ORGANISATION: &str = "/admin/organisations/{id}";
/// People (Secretariat).
pub const PEOPLE: &str = "/admin/people";
/// Issue a password reset link for someone (Secretariat, POST).
pub const PERSON_RESET: &str = "/admin/people/{id}/reset";
/// Disable someone's account (Secretariat, POST).
pub const PERSON_DISABLE: &str = "/admin/people/{id}/disable";
/// Enable it again (Secretariat, POST).
pub const PERSON_ENABLE: &str = "/admin/people/{id}/enable";
/// Topics (Secretariat).
pub const TOPICS: &str = "/admin/topics";
/// One topic's label and description (Secretariat, POST).
pub const TOPIC: &str = "/admin/topics/{slug}";
/// Mail waiting and sent (Secretariat).
pub const OUTBOX: &str = "/admin/outbox";
/// Submit a listing (API, POST).
pub const API_LISTINGS: &str = "/api/v1/listings";
/// Approve a revision (API, POST).
pub const API_APPROVE: &str = "/api/v1/listings/{id}/approve";
/// Request changes (API, POST).
pub const API_REQUEST_CHANGES: &str = "/api/v1/listings/{id}/request-changes";
/// A listing's audit trail (API).
pub const API_HISTORY: &str = "/api/v1/listings/{id}/history";

/// `pattern` (one of the constants above) with its single `{...}`
/// placeholder filled in by `value`, an id or a token (URL-safe).
pub fn at(pattern: &str, value: impl std::fmt::Display) -> String {
    match (pattern.find('{'), pattern.find('}')) {
        (Some(open), Some(close)) => {
            format!("{}{value}{}", &pattern[..open], &pattern[close + 1..])
        }
        _ => pattern.to_owned(),
    }
}

/// The sign-in page, returning to `then` afterwards.
pub fn sign_in_then(then: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("then", then)
        .finish();
    format!("{SIGN_IN}?{query}")
}

/// The address that switches the interface to the language `tag` and
/// comes back to `then`.
pub fn language(tag: &str, then: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("then", then)
        .finish();
    format!("{}?{query}", at(LANGUAGE, tag))
}

/// Whether `then` is a path on this site (not another site's address), so
/// that a sign-in link cannot send people elsewhere. Browsers drop tabs and
/// line breaks from addresses and read `\\` as `/`, so `/\t/host` would
/// become `//host`: any of those refuses the path.
pub fn is_local_path(then: &str) -> bool {
    then.starts_with('/')
        && !then.starts_with("//")
        && !then
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// The page of the listing with this id.
pub fn listing(id: &str) -> String {
    format!("/listings/{id}")
}

/// The API address of the listing with this id.
pub fn api_listing(id: &str) -> String {
    format!("/api/v1/listings/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_path_is_one_of_its_areas_action_route() {
        for (action, path) in [
            ("submit", SUBMIT_LISTING),
            ("withdraw", WITHDRAW_LISTING),
            ("confirm", CONFIRM_LISTING),
        ] {
            assert_eq!(OWNER_ACTION.replace("{action}", action), path);
        }
        for (action, path) in [
            ("approve", APPROVE),
            ("request-changes", REQUEST_CHANGES),
            ("archive", ARCHIVE),
        ] {
            assert_eq!(REVIEW_ACTION.replace("{action}", action), path);
        }
    }

    #[test]
    fn only_paths_on_this_site_are_followed_after_sign_in() {
        assert!(is_local_path("/dashboard/listings/new"));
        assert!(is_local_path("/?q=a%20b"));
        for other in [
            "//evil.example.org",
            "/\\evil.example.org",
            "/\t/evil.example.org",
            "/\n/evil",
            "https://evil.example.org",
            "evil",
        ] {
            assert!(!is_local_path(other), "{other:?}");
        }
    }
}
