//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// Every error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable: not_found, unauthorized, forbidden, invalid_input, bad_request, conflict,
    /// refused, too_many_requests, payload_too_large, internal
    pub code: String,
    pub message: String,
    /// For invalid_input: each field and what is wrong with it.
    pub fields: Option<Vec<FieldProblem>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

struct TokenAuth;

impl Modify for TokenAuth {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A per-user API token (Settings → API tokens)"))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Bedside API", description = "Social media for healthcare, with patient privacy built in."),
    paths(super::me::me, super::check::check,
        super::posts::create, super::posts::get, super::posts::update, super::posts::list, super::posts::act, super::posts::attach,
        super::consents::list, super::consents::create, super::consents::revoke, super::consents::campaigns, super::consents::add_campaign,
        super::consents::accounts, super::consents::add_account, super::connections::health, super::connections::connect,
        super::publishing::list, super::publishing::retry, super::publishing::resolve, super::publishing::takedown,
        super::org::list_locations, super::org::create_location, super::org::list_users, super::audit::list,
        super::observances::list, super::observances::add, super::observances::delete, super::observances::visibility, super::observances::suggestions,
        super::strategy::mix, super::strategy::set_mix, super::strategy::goals, super::strategy::add_goal, super::strategy::delete_goal,
        super::training::status, super::training::attest, super::training::quiz, super::training::take_quiz,
        super::training::roster, super::training::versions, super::training::publish,
        super::links::list, super::links::save, super::links::delete, super::links::post_links,
        super::news::items, super::news::feeds, super::news::follow, super::news::unfollow),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem)),
    modifiers(&TokenAuth),
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
