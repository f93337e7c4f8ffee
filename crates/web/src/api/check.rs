//! `POST /api/v1/check`: the compliance engine over HTTP, same contract as `bedside check`.

use axum::extract::State;
use axum::Json;
use policy::{CheckRequest, CheckResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::ApiJson;
use super::ApiCaller;
use crate::error::{ApiError, AppError};
use crate::state::AppState;

/// At most this many requests in one array.
pub const MAX_BATCH: usize = 1000;

/// One check request, or an array of them.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub enum CheckBody {
    One(Box<CheckRequest>),
    Many(Vec<CheckRequest>),
}

/// One result for one request, an array for an array (in order).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum CheckReply {
    One(Box<CheckResult>),
    Many(Vec<CheckResult>),
}

#[utoipa::path(post, path = "/api/v1/check", tag = "compliance", request_body = CheckBody,
    description = "Check texts against the organisation's compliance rules. Offsets are Unicode code points. \
        Missing fields take cautious defaults; the jurisdiction defaults to the organisation's.",
    responses((status = 200, body = CheckReply),
        (status = 400, description = "not a check request", body = super::openapi::ErrorBody),
        (status = 422, description = "more than 1000 requests, or an empty text", body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn check(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(body): ApiJson<CheckBody>,
) -> Result<Json<CheckReply>, ApiError> {
    let engine = st.engine(a.org_id).await?;
    let reply = match body {
        CheckBody::One(req) => CheckReply::One(Box::new(engine.check(&req))),
        CheckBody::Many(reqs) => {
            if reqs.len() > MAX_BATCH {
                return Err(ApiError(AppError::Invalid(vec![domain::FieldError::new(
                    "requests",
                    format!("at most {MAX_BATCH} per call (got {})", reqs.len()),
                )])));
            }
            let results =
                tokio::task::spawn_blocking(move || reqs.iter().map(|r| engine.check(r)).collect())
                    .await
                    .map_err(|e| AppError::Internal(format!("check task failed: {e}")))?;
            CheckReply::Many(results)
        }
    };
    Ok(Json(reply))
}
