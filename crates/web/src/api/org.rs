use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::ApiJson;
use super::{rfc3339, ApiCaller};
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Location {
    pub id: i64,
    pub name: String,
    /// RFC 3339
    pub created_at: String,
}

impl From<store::orgs::Location> for Location {
    fn from(l: store::orgs::Location) -> Self {
        Location {
            id: l.id,
            name: l.name,
            created_at: rfc3339(l.created_at),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewLocation {
    /// 1 to 80 characters, unique in the organisation regardless of case.
    pub name: String,
}

#[utoipa::path(get, path = "/api/v1/locations", tag = "organisation",
    responses((status = 200, body = [Location]), (status = 401, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn list_locations(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<Location>>, ApiError> {
    let list = service::org::locations(&st.db, &a).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

#[utoipa::path(post, path = "/api/v1/locations", tag = "organisation", request_body = NewLocation,
    responses((status = 201, body = Location),
        (status = 422, description = "invalid or duplicate name", body = super::openapi::ErrorBody),
        (status = 403, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn create_location(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(body): ApiJson<NewLocation>,
) -> Result<(StatusCode, Json<Location>), ApiError> {
    let l = service::org::create_location(&st.db, &a, &body.name, st.now_ms()).await?;
    Ok((StatusCode::CREATED, Json(l.into())))
}

#[derive(Serialize, ToSchema)]
pub struct Member {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub active: bool,
}

#[utoipa::path(get, path = "/api/v1/users", tag = "accounts",
    responses((status = 200, body = [Member]), (status = 403, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn list_users(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<Member>>, ApiError> {
    let list = service::accounts::members(&st.db, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|m| Member {
                user_id: m.user_id,
                email: m.email,
                display_name: m.display_name,
                role: m.role,
                active: m.active,
            })
            .collect(),
    ))
}
