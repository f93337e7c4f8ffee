use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::ApiCaller;
use crate::error::ApiError;
use crate::state::AppState;

/// The token's owner and their organisation.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    /// owner, compliance, manager, author, responder or analyst
    pub role: String,
    pub org_id: i64,
    pub org_name: String,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn me(State(st): State<AppState>, ApiCaller(a): ApiCaller) -> Result<Json<Me>, ApiError> {
    let org = service::org::organisation(&st.db, &a).await?;
    Ok(Json(Me {
        user_id: a.user_id,
        email: a.email,
        display_name: a.display_name,
        role: a.role.as_str().into(),
        org_id: a.org_id,
        org_name: org.name,
    }))
}
