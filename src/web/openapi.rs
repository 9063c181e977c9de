//! The OpenAPI 3.1 document of API v1, generated from the handlers'
//! annotations and the types they answer with (utoipa), served at
//! `/api/v1/openapi.json` and shown as a page at `/api`.

use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::domain::Listing;

/// Every error answer: what kind of error, what was wrong and what to do.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The status's reason phrase, such as `Bad Request`.
    pub error: String,
    /// What was wrong and what to send instead.
    pub detail: String,
    /// For a listing with problems (422), each field at fault and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldProblem>>,
}

/// One field of a listing at fault.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field, such as `topics[1]`.
    pub field: String,
    /// Why.
    pub reason: String,
}

/// Where a listing stands after a write.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListingStatus {
    /// The listing's id.
    pub id: String,
    /// Its state: draft, submitted, changes-requested, published, withdrawn
    /// or archived.
    pub status: String,
    /// After a revision of a published listing: `submitted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// Published listings that look like the same training: the reviewer
    /// sees them too. Never a refusal.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possible_duplicates: Vec<PossibleDuplicate>,
}

/// A published listing that looks like the same training as the one written.
#[derive(Debug, Serialize, ToSchema)]
pub struct PossibleDuplicate {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The organisation that lists it.
    pub provider: String,
    /// Its page.
    pub url: String,
    /// `same-title` (the same organisation's, nearly the same title) or
    /// `same-text` (nearly the same title and summary).
    pub why: String,
    /// The language the texts are alike in.
    pub lang: String,
}

impl PossibleDuplicate {
    /// What the API says of a possible duplicate.
    pub fn of(duplicate: &crate::search::Duplicate) -> PossibleDuplicate {
        use crate::domain::likeness::Likeness;
        let (why, lang) = match &duplicate.likeness {
            Likeness::SameTitle { lang } => ("same-title", lang),
            Likeness::SameText { lang } => ("same-text", lang),
        };
        let listing = &duplicate.listing;
        PossibleDuplicate {
            id: listing.id.to_string(),
            title: listing.title.clone(),
            provider: listing.provider.name.clone(),
            url: crate::web::paths::listing(&listing.id),
            why: why.to_owned(),
            lang: lang.to_string(),
        }
    }
}

/// The reviewer's comment when changes are requested.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentBody {
    /// What to change, for the owner.
    pub comment: String,
}

/// One listing of a harvest page: a published one whole, a taken-down one
/// as a tombstone (id, status and time only).
#[derive(Debug, Serialize, ToSchema)]
pub struct HarvestItem {
    /// The listing's id.
    pub id: String,
    /// `published`, `withdrawn` or `archived`.
    pub status: String,
    /// When its newest public change was recorded (RFC 3339, UTC).
    #[schema(format = DateTime)]
    pub at: String,
    /// The listing, when it is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listing: Option<Listing>,
}

/// A page of the harvest.
#[derive(Debug, Serialize, ToSchema)]
pub struct HarvestPage {
    /// The listings, in the order of their newest change.
    pub items: Vec<HarvestItem>,
    /// Where this page ended: ask with it for the next page, or later for
    /// what changed since.
    pub cursor: String,
    /// Whether more listings follow now.
    pub more: bool,
    /// The address of the next page.
    pub next: String,
}

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// API v1.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Regional Training Catalogue API",
        version = "1",
        description = "Search the catalogue of training against people smuggling, trafficking in persons and related transnational crime; read and harvest its listings; submit and maintain an organisation's listings with an API token."
    ),
    paths(
        crate::web::handlers::search::search_listings,
        crate::web::handlers::search::suggest,
        crate::web::handlers::listings::get_listing,
        crate::web::handlers::harvest::harvest,
        crate::web::handlers::api::create,
        crate::web::handlers::api::revise,
        crate::web::handlers::api::take_down,
        crate::web::handlers::api::approve,
        crate::web::handlers::api::request_changes,
        crate::web::handlers::api::history,
    ),
    components(schemas(ErrorBody, FieldProblem, ListingStatus, PossibleDuplicate, CommentBody, HarvestItem, HarvestPage, Listing)),
    modifiers(&BearerToken),
    tags(
        (name = "search", description = "Searching, for anyone"),
        (name = "listings", description = "Reading and harvesting published listings, for anyone"),
        (name = "contributing", description = "Writing, with an API token"),
    )
)]
pub struct ApiDoc;

/// The document as JSON.
pub fn document() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .expect("the document serialises")
}
