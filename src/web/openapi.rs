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
    components(schemas(ErrorBody, FieldProblem, ListingStatus, CommentBody, HarvestItem, HarvestPage, Listing)),
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
