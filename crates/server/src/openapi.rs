//! The OpenAPI document served at `/openapi.json`, generated from the handlers' annotations.

use crate::{api, data, error};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "tierwatch", description = "Trafficking in Persons Report narratives as data: documents, sections, facts with provenance, tier assessments with reasons, tier history, search, diffs and exports. Errors are {code, message}; codes: not_found, unknown_country, bad_request, csrf, payload_too_large, internal."),
    paths(api::countries, api::documents, api::document, api::sections, api::facts, api::assessment, api::history, api::tiers,
          api::search, api::diff, api::export, api::worksheets),
    components(schemas(error::ErrorBody, data::Page, data::CountryRow, data::FactRow, data::MapCountry, data::MapYear, api::SearchPage))
)]
pub struct ApiDoc;

/// The document as JSON.
pub fn json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_else(|_| "{}".into())
}
