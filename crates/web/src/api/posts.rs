//! Posts over the API: create, read, edit (with the version for conflict detection), and
//! workflow actions. Times are RFC 3339.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use service::review::ReviewAction;
use utoipa::{IntoParams, ToSchema};

use super::json::ApiJson;
use super::{rfc3339, ApiCaller};
use crate::error::{ApiError, AppError};
use crate::state::AppState;

#[derive(Deserialize, Serialize, ToSchema, Clone)]
pub struct TargetBody {
    pub account_id: i64,
    /// Text for this account only; omit to publish the base text.
    pub variant_text: Option<String>,
    /// RFC 3339, e.g. 2026-12-05T18:00:00+05:30
    pub scheduled_at: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct PostBody {
    pub base_text: String,
    /// education, behind_the_scenes, patient_story, community, wellness_campaign,
    /// service_announcement or qa_live
    pub pillar: String,
    pub location_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub series_id: Option<i64>,
    #[serde(default)]
    pub targets: Vec<TargetBody>,
    /// Required when editing: the version you read.
    pub version: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct PostOut {
    pub id: i64,
    pub status: String,
    pub verdict: String,
    pub pillar: String,
    pub base_text: String,
    pub version: i64,
    pub location_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub targets: Vec<TargetBody>,
    pub consent_ids: Vec<i64>,
    /// Findings of the latest check, per target and for the base text.
    pub check: serde_json::Value,
    pub updated_at: String,
}

fn parse_time(s: &Option<String>) -> Result<Option<i64>, AppError> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => t
            .parse::<jiff::Timestamp>()
            .map(|ts| Some(ts.as_millisecond()))
            .map_err(|_| {
                AppError::Invalid(vec![domain::FieldError::new(
                    "scheduled_at",
                    format!("{t:?} is not an RFC 3339 time"),
                )])
            }),
    }
}

fn to_input(b: &PostBody) -> Result<service::posts::PostInput, AppError> {
    let mut targets = Vec::new();
    for t in &b.targets {
        targets.push(service::posts::TargetInput {
            account_id: t.account_id,
            variant_text: t.variant_text.clone(),
            scheduled_at: parse_time(&t.scheduled_at)?,
        });
    }
    Ok(service::posts::PostInput {
        base_text: b.base_text.clone(),
        pillar: b.pillar.clone(),
        location_id: b.location_id,
        campaign_id: b.campaign_id,
        series_id: b.series_id,
        targets,
    })
}

async fn out(st: &AppState, a: &service::Actor, id: i64) -> Result<PostOut, ApiError> {
    let v = service::posts::view(&st.db, a, id).await?;
    Ok(PostOut {
        id,
        status: v.post.status.clone(),
        verdict: v.post.verdict.clone(),
        pillar: v.post.pillar.clone(),
        base_text: v.post.base_text.clone(),
        version: v.post.version,
        location_id: v.post.location_id,
        campaign_id: v.post.campaign_id,
        targets: v
            .targets
            .iter()
            .map(|(t, _)| TargetBody {
                account_id: t.account_id,
                variant_text: t.variant_text.clone(),
                scheduled_at: t.scheduled_at.map(rfc3339),
            })
            .collect(),
        consent_ids: v.consents.iter().map(|c| c.id).collect(),
        check: serde_json::from_str(&v.post.check_json).unwrap_or(serde_json::Value::Null),
        updated_at: rfc3339(v.post.updated_at),
    })
}

#[utoipa::path(post, path = "/api/v1/posts", tag = "posts", request_body = PostBody,
    responses((status = 201, body = PostOut), (status = 422, body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn create(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<PostBody>,
) -> Result<(StatusCode, Json<PostOut>), ApiError> {
    let id = service::posts::create(st.deps(), &a, &to_input(&b)?, st.now_ms()).await?;
    Ok((StatusCode::CREATED, Json(out(&st, &a, id).await?)))
}

#[utoipa::path(get, path = "/api/v1/posts/{id}", tag = "posts", params(("id" = i64, Path)),
    responses((status = 200, body = PostOut), (status = 404, body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn get(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<PostOut>, ApiError> {
    Ok(Json(out(&st, &a, id).await?))
}

#[utoipa::path(put, path = "/api/v1/posts/{id}", tag = "posts", params(("id" = i64, Path)), request_body = PostBody,
    responses((status = 200, body = PostOut), (status = 409, description = "changed by someone else since `version`", body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn update(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<PostBody>,
) -> Result<Json<PostOut>, ApiError> {
    let version = b.version.ok_or_else(|| {
        AppError::Invalid(vec![domain::FieldError::new(
            "version",
            "is required when editing",
        )])
    })?;
    service::posts::update(st.deps(), &a, id, version, &to_input(&b)?, st.now_ms()).await?;
    Ok(Json(out(&st, &a, id).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct ListParams {
    /// draft, in_review, approved, scheduled, published, rejected, withdrawn, taken_down
    pub status: Option<String>,
    pub limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct PostSummary {
    pub id: i64,
    pub status: String,
}

#[utoipa::path(get, path = "/api/v1/posts", tag = "posts", params(ListParams),
    responses((status = 200, body = [PostSummary])), security(("token" = [])))]
pub async fn list(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(p): Query<ListParams>,
) -> Result<Json<Vec<PostSummary>>, ApiError> {
    a.require(domain::Permission::ViewCalendar)
        .map_err(AppError::from)?;
    let status = p.status.unwrap_or_else(|| "draft".into());
    if domain::workflow::PostStatus::parse(&status).is_none() {
        return Err(AppError::Invalid(vec![domain::FieldError::new(
            "status",
            "is not a post status",
        )])
        .into());
    }
    let mut c = st.db.conn().await?;
    let ids = store::posts::ids_with_status(
        &mut c,
        a.org_id,
        &status,
        p.limit.unwrap_or(100).clamp(1, 1000),
    )
    .await?;
    Ok(Json(
        ids.into_iter()
            .map(|id| PostSummary {
                id,
                status: status.clone(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ActionBody {
    /// submit, approve, override, reject, withdraw or schedule
    pub action: String,
    pub version: i64,
    /// Required to reject or to override a block.
    pub reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/posts/{id}/actions", tag = "posts", params(("id" = i64, Path)), request_body = ActionBody,
    responses((status = 200, body = PostOut), (status = 409, description = "not allowed now, with the reason", body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn act(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ActionBody>,
) -> Result<Json<PostOut>, ApiError> {
    let reason = b.reason.clone().unwrap_or_default();
    let action = match b.action.as_str() {
        "submit" => ReviewAction::Submit,
        "approve" => ReviewAction::Approve {
            override_reason: None,
        },
        "override" => ReviewAction::Approve {
            override_reason: Some(reason),
        },
        "reject" => ReviewAction::Reject { reason },
        "withdraw" => ReviewAction::Withdraw,
        "schedule" => ReviewAction::Schedule,
        other => {
            return Err(AppError::Invalid(vec![domain::FieldError::new(
                "action",
                format!("{other:?} is not an action"),
            )])
            .into())
        }
    };
    service::review::act(st.deps(), &a, id, b.version, action, st.now_ms()).await?;
    Ok(Json(out(&st, &a, id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct AttachBody {
    pub consent_id: i64,
    pub version: i64,
}

#[utoipa::path(post, path = "/api/v1/posts/{id}/consents", tag = "posts", params(("id" = i64, Path)), request_body = AttachBody,
    responses((status = 200, body = PostOut), (status = 422, description = "the consent does not cover this post", body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn attach(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<AttachBody>,
) -> Result<Json<PostOut>, ApiError> {
    service::review::attach_consent(st.deps(), &a, id, b.version, b.consent_id, st.now_ms())
        .await?;
    Ok(Json(out(&st, &a, id).await?))
}
