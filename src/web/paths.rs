//! Every URL of the site, used by the router and the views alike so that
//! links cannot drift from routes.

use url::form_urlencoded;

/// Declares a route with one placeholder: the pattern the router matches
/// and a function writing the address for a value, both from the same
/// pieces, so that no link can drift from its route. Values are ids, slugs
/// and tokens, which are URL-safe.
macro_rules! route {
    ($(#[$doc:meta])* $pattern:ident, $link:ident, $before:literal, $param:literal, $after:literal) => {
        $(#[$doc])*
        pub const $pattern: &str = concat!($before, "{", $param, "}", $after);

        #[doc = concat!("The address of [`", stringify!($pattern), "`] for `value`.")]
        pub fn $link(value: impl std::fmt::Display) -> String {
            format!(concat!($before, "{}", $after), value)
        }
    };
}

/// The search page (home).
pub const SEARCH: &str = "/";
route!(
    /// One listing's page.
    LISTING,
    listing,
    "/listings/",
    "id",
    ""
);
route!(
    /// Every value of one filter for a search, when the results page shows
    /// only the leading ones.
    FILTER_VALUES,
    filter_values,
    "/filters/",
    "facet",
    ""
);
/// Search API.
pub const API_SEARCH: &str = "/api/v1/search";
/// Completions while a person types.
pub const API_SUGGEST: &str = "/api/v1/suggest";
route!(
    /// One listing in the interchange format.
    API_LISTING,
    api_listing,
    "/api/v1/listings/",
    "id",
    ""
);
/// Health check.
pub const HEALTH: &str = "/healthz";
/// Readiness: whether this instance should be sent traffic.
pub const READY: &str = "/readyz";
/// Metrics in Prometheus's text format (see `web::metrics`).
pub const METRICS: &str = "/metrics";
route!(
    /// Chooses the interface language (`?then=` the page to return to).
    LANGUAGE,
    language_path,
    "/language/",
    "tag",
    ""
);
route!(
    /// One listing's sessions as iCalendar.
    LISTING_CALENDAR,
    listing_calendar,
    "/listings/",
    "id",
    "/calendar.ics"
);
/// A search's sessions to come as iCalendar (the search's parameters).
pub const SEARCH_CALENDAR: &str = "/calendar.ics";
/// A search's new and updated listings as an Atom feed.
pub const SEARCH_FEED: &str = "/feed.atom";
/// Upcoming sessions by month, filtered like a search.
pub const CALENDAR: &str = "/calendar";
/// What search engines may crawl, and where the sitemap is.
pub const ROBOTS: &str = "/robots.txt";
/// Every published listing, for search engines (`?part=N` past 50,000).
pub const SITEMAP: &str = "/sitemap.xml";
/// Where browsers look for an icon when a page names none.
pub const FAVICON_ICO: &str = "/favicon.ico";
/// Static files, by content-hashed name.
pub const ASSET: &str = "/assets/{file}";

/// Sign-in form.
pub const SIGN_IN: &str = "/sign-in";
/// What to know about the translations, and how to correct one.
pub const ABOUT_TRANSLATIONS: &str = "/about/translations";
/// About the catalogue: what it is and what it records.
pub const ABOUT: &str = "/about";
/// Ends the session (POST).
pub const SIGN_OUT: &str = "/sign-out";
/// Asks for a password reset link by e-mail.
pub const FORGOT_PASSWORD: &str = "/forgot-password";
route!(
    /// An invitation or password reset link: choose a password.
    LINK,
    link,
    "/links/",
    "token",
    ""
);
/// Change one's own password.
pub const PASSWORD: &str = "/account/password";
/// What mail one receives, and in which language.
pub const SETTINGS: &str = "/account/settings";
route!(
    /// A one-click link, mailed with a freshness reminder, confirming a
    /// listing is current without signing in (see `app::confirm_link`).
    CONFIRM_BY_LINK,
    confirm_by_link,
    "/confirm/",
    "link",
    ""
);
/// A contributor's (or the Secretariat's) start page.
pub const DASHBOARD: &str = "/dashboard";
/// The form for a new listing.
pub const NEW_LISTING: &str = "/dashboard/listings/new";
/// Uploading listings from a spreadsheet: the form, and its check.
pub const UPLOAD: &str = "/dashboard/upload";
route!(
    /// Saving a checked upload's listings.
    UPLOAD_CONFIRM,
    upload_confirm,
    "/dashboard/upload/",
    "token",
    ""
);
/// The spreadsheet template as CSV.
pub const TEMPLATE_CSV: &str = "/dashboard/upload/template.csv";
/// The spreadsheet template as an Excel workbook.
pub const TEMPLATE_XLSX: &str = "/dashboard/upload/template.xlsx";
route!(
    /// The form for editing a listing.
    EDIT_LISTING,
    edit_listing,
    "/dashboard/listings/",
    "id",
    ""
);
route!(
    /// Send the open revision for review (POST).
    SUBMIT_LISTING,
    submit_listing,
    "/dashboard/listings/",
    "id",
    "/submit"
);
route!(
    /// Take a listing down (owner, POST).
    WITHDRAW_LISTING,
    withdraw_listing,
    "/dashboard/listings/",
    "id",
    "/withdraw"
);
route!(
    /// Confirm a listing is current (owner, POST).
    CONFIRM_LISTING,
    confirm_listing,
    "/dashboard/listings/",
    "id",
    "/confirm"
);
/// An owner's action on a listing (POST): `submit`, `withdraw` or `confirm`,
/// as the three paths above.
pub const OWNER_ACTION: &str = "/dashboard/listings/{id}/{action}";
route!(
    /// A listing's audit trail.
    LISTING_HISTORY,
    listing_history,
    "/listings/",
    "id",
    "/history"
);
route!(
    /// The enquiry form to a listing's owner.
    ENQUIRY,
    enquiry,
    "/listings/",
    "id",
    "/enquiry"
);
/// The Secretariat's review queue.
pub const REVIEW_QUEUE: &str = "/review";
route!(
    /// One revision under review, with its differences.
    REVIEW,
    review,
    "/review/",
    "id",
    ""
);
route!(
    /// Publish the revision (POST).
    APPROVE,
    approve,
    "/review/",
    "id",
    "/approve"
);
route!(
    /// Send the revision back with a comment (POST).
    REQUEST_CHANGES,
    request_changes,
    "/review/",
    "id",
    "/request-changes"
);
route!(
    /// Take a listing down (Secretariat, POST).
    ARCHIVE,
    archive,
    "/review/",
    "id",
    "/archive"
);
/// A reviewer's decision (POST): `approve`, `request-changes` or `archive`,
/// as the three paths above.
pub const REVIEW_ACTION: &str = "/review/{id}/{action}";
/// Organisations (Secretariat).
pub const ORGANISATIONS: &str = "/admin/organisations";
route!(
    /// One organisation's details (Secretariat).
    ORGANISATION,
    organisation,
    "/admin/organisations/",
    "id",
    ""
);
/// People (Secretariat).
pub const PEOPLE: &str = "/admin/people";
route!(
    /// Issue a password reset link for someone (Secretariat, POST).
    PERSON_RESET,
    person_reset,
    "/admin/people/",
    "id",
    "/reset"
);
route!(
    /// Disable someone's account (Secretariat, POST).
    PERSON_DISABLE,
    person_disable,
    "/admin/people/",
    "id",
    "/disable"
);
route!(
    /// Enable it again (Secretariat, POST).
    PERSON_ENABLE,
    person_enable,
    "/admin/people/",
    "id",
    "/enable"
);
/// Topics (Secretariat).
pub const TOPICS: &str = "/admin/topics";
route!(
    /// One topic's label and description (Secretariat, POST).
    TOPIC,
    topic,
    "/admin/topics/",
    "slug",
    ""
);
/// What has happened across the catalogue (Secretariat), `?org=` one
/// organisation's, `?page=` older.
pub const ACTIVITY: &str = "/admin/activity";
/// What the region offers and where it is missing (Secretariat), `?by=`
/// `language`, `country` or `audience`.
pub const COVERAGE: &str = "/admin/coverage";
/// What officials search for (Secretariat), `?days=` back from today.
pub const SEARCH_INSIGHT: &str = "/admin/searches";
route!(
    /// One table of it as CSV (Secretariat): `top.csv`,
    /// `without-results.csv`, `languages.csv` or `weeks.csv`.
    SEARCH_REPORT,
    search_report,
    "/admin/searches/",
    "report",
    ""
);
/// Mail waiting and sent (Secretariat).
pub const OUTBOX: &str = "/admin/outbox";
/// The OpenAPI 3.1 document of API v1.
pub const API_DOCUMENT: &str = "/api/v1/openapi.json";
/// The API described for people.
pub const API_PAGE: &str = "/api";
/// Submit a listing (API, POST).
pub const API_LISTINGS: &str = "/api/v1/listings";
route!(
    /// Approve a revision (API, POST).
    API_APPROVE,
    api_approve,
    "/api/v1/listings/",
    "id",
    "/approve"
);
route!(
    /// Request changes (API, POST).
    API_REQUEST_CHANGES,
    api_request_changes,
    "/api/v1/listings/",
    "id",
    "/request-changes"
);
route!(
    /// A listing's audit trail (API).
    API_HISTORY,
    api_history,
    "/api/v1/listings/",
    "id",
    "/history"
);

/// `page` (an address without a query) read in the interface language
/// `tag`, whatever the reader chose before: the address search engines
/// give for that language.
pub fn in_language(page: &str, tag: &str) -> String {
    format!("{page}?lang={tag}")
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
    format!("{}?{query}", language_path(tag))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_path_is_one_of_its_areas_action_route() {
        let owner = |action: &str| {
            OWNER_ACTION
                .replace("{action}", action)
                .replace("{id}", "x")
        };
        assert_eq!(submit_listing("x"), owner("submit"));
        assert_eq!(withdraw_listing("x"), owner("withdraw"));
        assert_eq!(confirm_listing("x"), owner("confirm"));
        let review = |action: &str| {
            REVIEW_ACTION
                .replace("{action}", action)
                .replace("{id}", "x")
        };
        assert_eq!(approve("x"), review("approve"));
        assert_eq!(request_changes("x"), review("request-changes"));
        assert_eq!(archive("x"), review("archive"));
        assert_eq!(edit_listing("jclec-ntd"), "/dashboard/listings/jclec-ntd");
        assert_eq!(EDIT_LISTING, "/dashboard/listings/{id}");
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
