//! Consents, campaigns and social accounts over the API.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::ApiJson;
use super::{rfc3339, ApiCaller};
use crate::error::{ApiError, AppError};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct ConsentBody {
    /// patient or staff
    pub kind: String,
    pub reference: String,
    pub subject_name: String,
    /// patient, guardian or staff
    pub signed_by: String,
    pub guardian_name: Option<String>,
    #[serde(default)]
    pub covers_text: bool,
    #[serde(default)]
    pub covers_images: bool,
    #[serde(default)]
    pub covers_video: bool,
    /// post, review_reply, comment, dm, press, broadcast or any
    pub channels: Vec<String>,
    pub purpose: String,
    /// RFC 3339; default now
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentOut {
    pub id: i64,
    pub kind: String,
    pub reference: String,
    /// Shown to compliance roles only; "(hidden)" otherwise.
    pub subject_name: String,
    pub status: String,
    pub channels: Vec<String>,
    pub valid_from: String,
    pub valid_until: Option<String>,
}

fn time(field: &'static str, s: &Option<String>) -> Result<Option<i64>, AppError> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => t
            .parse::<jiff::Timestamp>()
            .map(|x| Some(x.as_millisecond()))
            .map_err(|_| {
                AppError::Invalid(vec![domain::FieldError::new(
                    field,
                    format!("{t:?} is not an RFC 3339 time"),
                )])
            }),
    }
}

#[utoipa::path(get, path = "/api/v1/consents", tag = "consents", responses((status = 200, body = [ConsentOut])), security(("token" = [])))]
pub async fn list(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<ConsentOut>>, ApiError> {
    let list = service::consents::list(&st.db, &st.sealer, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| ConsentOut {
                id: c.consent.id,
                kind: c.consent.kind,
                reference: c.consent.reference,
                subject_name: c.subject_name,
                status: c.consent.status,
                channels: c.consent.channels.split(',').map(str::to_string).collect(),
                valid_from: rfc3339(c.consent.valid_from),
                valid_until: c.consent.valid_until.map(rfc3339),
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/consents", tag = "consents", request_body = ConsentBody,
    responses((status = 201, description = "created; the body is the new id"), (status = 422, body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn create(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<ConsentBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let input = service::consents::ConsentInput {
        kind: b.kind,
        reference: b.reference,
        subject_name: b.subject_name,
        signed_by: b.signed_by,
        guardian_name: b.guardian_name,
        covers_text: b.covers_text,
        covers_images: b.covers_images,
        covers_video: b.covers_video,
        channels: b.channels,
        purpose: b.purpose,
        valid_from_ms: time("valid_from", &b.valid_from)?.unwrap_or_else(|| st.now_ms()),
        valid_until_ms: time("valid_until", &b.valid_until)?,
    };
    let id = service::consents::register(
        &st.db,
        &st.sealer,
        &st.config.data_dir,
        &a,
        &input,
        None,
        st.now_ms(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(id)))
}

#[derive(Serialize, ToSchema)]
pub struct RevokeOut {
    pub moved_to_draft: Vec<i64>,
    pub takedown_requested: Vec<i64>,
}

#[utoipa::path(post, path = "/api/v1/consents/{id}/revoke", tag = "consents", params(("id" = i64, Path)),
    responses((status = 200, body = RevokeOut), (status = 409, description = "not active", body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn revoke(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<RevokeOut>, ApiError> {
    let loss = service::consents::revoke(&st.db, &a, id, st.now_ms()).await?;
    Ok(Json(RevokeOut {
        moved_to_draft: loss.moved_to_draft,
        takedown_requested: loss.takedown_requested,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct CampaignBody {
    pub name: String,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub hashtags: String,
    /// YYYY-MM-DD
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignOut {
    pub id: i64,
    pub name: String,
    pub goal: String,
    pub hashtags: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[utoipa::path(get, path = "/api/v1/campaigns", tag = "plans", responses((status = 200, body = [CampaignOut])), security(("token" = [])))]
pub async fn campaigns(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<CampaignOut>>, ApiError> {
    let list = service::plans::campaigns(&st.db, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| CampaignOut {
                id: c.id,
                name: c.name,
                goal: c.goal,
                hashtags: c.hashtags,
                starts_on: c.starts_on,
                ends_on: c.ends_on,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/campaigns", tag = "plans", request_body = CampaignBody,
    responses((status = 201, description = "created; the body is the new id"), (status = 422, body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn add_campaign(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<CampaignBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let input = service::plans::CampaignInput {
        name: b.name,
        goal: b.goal,
        hashtags: b.hashtags,
        starts_on: b.starts_on,
        ends_on: b.ends_on,
    };
    Ok((
        StatusCode::CREATED,
        Json(service::plans::add_campaign(&st.db, &a, &input, st.now_ms()).await?),
    ))
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct AccountBody {
    /// facebook, instagram, x, linkedin, youtube, google_business, mastodon or bluesky
    pub platform: String,
    pub name: String,
    pub handle: String,
    pub location_id: Option<i64>,
    #[serde(default, skip_deserializing)]
    pub id: i64,
}

#[utoipa::path(get, path = "/api/v1/accounts", tag = "plans", responses((status = 200, body = [AccountBody])), security(("token" = [])))]
pub async fn accounts(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<AccountBody>>, ApiError> {
    let list = service::plans::accounts(&st.db, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|x| AccountBody {
                id: x.id,
                platform: x.platform,
                name: x.name,
                handle: x.handle,
                location_id: x.location_id,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/accounts", tag = "plans", request_body = AccountBody,
    responses((status = 201, description = "created; the body is the new id"), (status = 422, body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn add_account(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<AccountBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let input = service::plans::AccountInput {
        platform: b.platform,
        name: b.name,
        handle: b.handle,
        location_id: b.location_id,
    };
    Ok((
        StatusCode::CREATED,
        Json(service::plans::add_account(&st.db, &a, &input, st.now_ms()).await?),
    ))
}
