//! The content mix and goals over the API.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use domain::planning::GoalDraft;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::json::ApiJson;
use super::ApiCaller;
use crate::error::ApiError;
use crate::pages::strategy::{period, Period};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct MixRowOut {
    pub pillar: String,
    /// Absent while no intended mix is set
    pub intended_percent: Option<u8>,
    /// Approved or scheduled, not yet published
    pub planned: i64,
    pub published: i64,
    /// Share of all planned and published posts in the period
    pub actual_percent: i64,
}

#[derive(Serialize, ToSchema)]
pub struct MixOut {
    pub from: String,
    pub to: String,
    pub mix_set: bool,
    pub total: i64,
    pub rows: Vec<MixRowOut>,
}

#[utoipa::path(get, path = "/api/v1/content-mix", tag = "plans", params(Period),
    responses((status = 200, body = MixOut), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn mix(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(p): Query<Period>,
) -> Result<Json<MixOut>, ApiError> {
    let (from, to) = period(&st, &a, &p).await?;
    let r = service::strategy::mix_report(&st.db, &a, from, to).await?;
    Ok(Json(MixOut {
        from: r.from.to_string(),
        to: r.to.to_string(),
        mix_set: r.mix_set,
        total: r.total,
        rows: r
            .rows
            .into_iter()
            .map(|x| MixRowOut {
                pillar: x.pillar.as_str().into(),
                intended_percent: x.intended_percent,
                planned: x.planned,
                published: x.published,
                actual_percent: x.actual_percent,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct MixBody {
    /// Whole percent per pillar, adding up to 100; pillars left out are 0
    #[schema(value_type = BTreeMap<String, i64>)]
    pub percentages: BTreeMap<String, Value>,
}

/// A JSON number or string as typed, so that a wrong value is reported on its pillar.
fn typed(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[utoipa::path(put, path = "/api/v1/content-mix", tag = "plans", request_body = MixBody,
    responses((status = 200, description = "saved; the body is the mix", body = BTreeMap<String, i64>), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn set_mix(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<MixBody>,
) -> Result<Json<BTreeMap<String, i64>>, ApiError> {
    let entries: Vec<(String, String)> = b
        .percentages
        .iter()
        .map(|(k, v)| (k.clone(), typed(v)))
        .collect();
    let mix = service::strategy::set_content_mix(&st.db, &a, &entries, st.now_ms()).await?;
    Ok(Json(
        mix.shares()
            .map(|(p, n)| (p.as_str().to_string(), i64::from(n)))
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct GoalOut {
    pub id: i64,
    pub name: String,
    /// posts_published, posts_published_per_pillar, posts_planned, engagements, link_clicks, followers_gained
    pub metric: String,
    pub pillar: Option<String>,
    pub target: i64,
    pub starts_on: String,
    pub ends_on: String,
    /// Absent while the metric needs analytics that do not exist yet
    pub value: Option<i64>,
    /// Of the target, capped at 100
    pub percent: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/goals", tag = "plans",
    responses((status = 200, body = [GoalOut])), security(("token" = [])))]
pub async fn goals(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<GoalOut>>, ApiError> {
    let list = service::strategy::goals(&st.db, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|g| GoalOut {
                id: g.goal.id,
                name: g.goal.name,
                metric: g.goal.metric,
                pillar: g.goal.pillar,
                target: g.goal.target,
                starts_on: g.goal.starts_on,
                ends_on: g.goal.ends_on,
                value: g.value,
                percent: g.percent,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct GoalBody {
    pub name: String,
    pub metric: String,
    /// Required for posts_published_per_pillar, refused otherwise
    pub pillar: Option<String>,
    #[schema(value_type = i64)]
    pub target: Value,
    /// YYYY-MM-DD
    pub starts_on: String,
    /// YYYY-MM-DD, included
    pub ends_on: String,
}

#[utoipa::path(post, path = "/api/v1/goals", tag = "plans", request_body = GoalBody,
    responses((status = 201, description = "created; the body is the new id"), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn add_goal(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<GoalBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let draft = GoalDraft {
        name: b.name,
        metric: b.metric,
        pillar: b.pillar,
        target: typed(&b.target),
        starts_on: b.starts_on,
        ends_on: b.ends_on,
    };
    let id = service::strategy::add_goal(&st.db, &a, &draft, st.now_ms()).await?;
    Ok((StatusCode::CREATED, Json(id)))
}

#[utoipa::path(delete, path = "/api/v1/goals/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 204, description = "deleted"), (status = 404, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn delete_goal(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    service::strategy::delete_goal(&st.db, &a, id, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}
