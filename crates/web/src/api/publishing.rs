//! How a post's publication went, per target, and the actions on it: retry the failed
//! targets, settle one Bedside could not decide about, take the post down everywhere.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use service::connections::Resolution;
use utoipa::ToSchema;

use super::json::ApiJson;
use super::{rfc3339, ApiCaller};
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct PublicationOut {
    pub id: i64,
    pub post_id: i64,
    pub target_id: i64,
    pub account_id: i64,
    /// scheduled, claimed, sending, sent, failed, unknown, reconciling, review, cancelled or
    /// deleted
    pub status: String,
    pub due_at: String,
    pub attempts: i64,
    /// A class and code, e.g. "revoked" or "rejected:duplicate"; never content.
    pub last_error: Option<String>,
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    pub sent_at: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/posts/{id}/publications", tag = "publishing", params(("id" = i64, Path)),
    responses((status = 200, body = [PublicationOut]), (status = 404, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn list(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<Vec<PublicationOut>>, ApiError> {
    let pubs = service::connections::of_post(&st.db, &a, id).await?;
    Ok(Json(
        pubs.into_iter()
            .map(|p| PublicationOut {
                id: p.id,
                post_id: p.post_id,
                target_id: p.target_id,
                account_id: p.account_id,
                status: p.status,
                due_at: rfc3339(p.due_at),
                attempts: p.attempts,
                last_error: p.last_error,
                remote_id: p.remote_id,
                remote_url: p.remote_url,
                sent_at: p.sent_at.map(rfc3339),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct RetryOut {
    /// How many failed targets are queued again.
    pub retried: u64,
}

#[utoipa::path(post, path = "/api/v1/posts/{id}/retry", tag = "publishing", params(("id" = i64, Path)),
    responses((status = 200, body = RetryOut), (status = 409, description = "no target has failed", body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn retry(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<RetryOut>, ApiError> {
    let retried = service::connections::retry_failed(&st.db, &a, id, st.now_ms()).await?;
    Ok(Json(RetryOut { retried }))
}

/// What a person found on the platform: `{"published": {"remote_id": "…"}}`, `"resend"`
/// or `"abandon"`.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionBody {
    /// It is on the platform (optionally with its id there).
    Published {
        #[serde(default)]
        remote_id: Option<String>,
    },
    /// It is not there: send it.
    Resend,
    /// It is not there and should not be sent.
    Abandon,
}

#[utoipa::path(post, path = "/api/v1/publications/{id}/resolve", tag = "publishing", params(("id" = i64, Path)),
    request_body = ResolutionBody,
    responses((status = 204, description = "recorded"), (status = 409, description = "not waiting for a decision", body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn resolve(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ResolutionBody>,
) -> Result<StatusCode, ApiError> {
    let r = match b {
        ResolutionBody::Published { remote_id } => Resolution::Published { remote_id },
        ResolutionBody::Resend => Resolution::Resend,
        ResolutionBody::Abandon => Resolution::Abandon,
    };
    service::connections::resolve(&st.db, &a, id, &r, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct TakedownBody {
    /// Why (at most 500 characters); kept in the audit log.
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct TakedownOut {
    /// The take-down request (an open request for the post is returned as is).
    pub takedown_id: i64,
}

#[utoipa::path(post, path = "/api/v1/posts/{id}/takedown", tag = "publishing", params(("id" = i64, Path)),
    request_body = TakedownBody,
    responses((status = 202, description = "requested; the publisher deletes the post from each platform", body = TakedownOut),
        (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn takedown(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<TakedownBody>,
) -> Result<(StatusCode, Json<TakedownOut>), ApiError> {
    let takedown_id =
        service::connections::request_takedown(&st.db, &a, id, &b.reason, st.now_ms()).await?;
    Ok((StatusCode::ACCEPTED, Json(TakedownOut { takedown_id })))
}
