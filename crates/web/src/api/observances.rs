//! Health observances over the API: the shipped catalogue as this organisation sees it,
//! its own, hiding and showing, and the suggestions for a period.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::ApiJson;
use super::ApiCaller;
use crate::error::ApiError;
use crate::pages::strategy::{period, Period};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct ShippedOut {
    pub key: String,
    pub name: String,
    /// "29 September", "1–7 September"
    pub when: String,
    pub month: i8,
    pub day: i8,
    pub days: i16,
    /// global or india
    pub scope: String,
    pub pillar: String,
    pub source: String,
    pub hidden: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OwnOut {
    pub id: i64,
    pub name: String,
    /// YYYY-MM-DD
    pub date: String,
    pub yearly: bool,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct ObservancesOut {
    pub shipped: Vec<ShippedOut>,
    pub own: Vec<OwnOut>,
}

#[utoipa::path(get, path = "/api/v1/observances", tag = "plans",
    responses((status = 200, body = ObservancesOut)), security(("token" = [])))]
pub async fn list(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<ObservancesOut>, ApiError> {
    let cat = service::observances::catalogue(&st.db, &a).await?;
    Ok(Json(ObservancesOut {
        shipped: cat
            .shipped
            .into_iter()
            .map(|s| ShippedOut {
                key: s.observance.key,
                name: s.observance.name,
                when: s.when,
                month: s.observance.month,
                day: s.observance.day,
                days: s.observance.days,
                scope: s.observance.scope.as_str().into(),
                pillar: s.observance.pillar.as_str().into(),
                source: s.observance.source,
                hidden: s.hidden,
            })
            .collect(),
        own: cat
            .own
            .into_iter()
            .map(|o| OwnOut {
                id: o.id,
                name: o.name,
                date: o.observed_on,
                yearly: o.yearly,
                note: o.note,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct OwnBody {
    pub name: String,
    /// YYYY-MM-DD
    pub date: String,
    /// The same day every year
    #[serde(default)]
    pub yearly: bool,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/api/v1/observances", tag = "plans", request_body = OwnBody,
    responses((status = 201, description = "created; the body is the new id"), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn add(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<OwnBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let input = service::observances::OwnInput {
        name: b.name,
        date: b.date,
        yearly: b.yearly,
        note: b.note,
    };
    let id = service::observances::add_own(&st.db, &a, &input, st.now_ms()).await?;
    Ok((StatusCode::CREATED, Json(id)))
}

#[utoipa::path(delete, path = "/api/v1/observances/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 204, description = "deleted"), (status = 404, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn delete(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    service::observances::delete_own(&st.db, &a, id, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct VisibilityBody {
    /// The key of a shipped observance, e.g. world-heart-day
    pub key: String,
    pub hidden: bool,
}

#[utoipa::path(post, path = "/api/v1/observances/visibility", tag = "plans", request_body = VisibilityBody,
    responses((status = 204, description = "done"), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn visibility(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<VisibilityBody>,
) -> Result<StatusCode, ApiError> {
    service::observances::set_hidden(&st.db, &a, &b.key, b.hidden, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct SuggestionOut {
    /// The day the calendar shows it on (YYYY-MM-DD)
    pub date: String,
    pub name: String,
    pub when: String,
    pub pillar: String,
    pub note: String,
    pub own: bool,
}

#[utoipa::path(get, path = "/api/v1/observances/suggestions", tag = "plans", params(Period),
    responses((status = 200, body = [SuggestionOut]), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn suggestions(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(p): Query<Period>,
) -> Result<Json<Vec<SuggestionOut>>, ApiError> {
    let (from, to) = period(&st, &a, &p).await?;
    let until = to.tomorrow().unwrap_or(to);
    let list = service::observances::suggestions(&st.db, &a, from, until).await?;
    Ok(Json(
        list.into_iter()
            .map(|s| SuggestionOut {
                date: s.date.to_string(),
                name: s.name,
                when: s.when,
                pillar: s.pillar.as_str().into(),
                note: s.note,
                own: s.own,
            })
            .collect(),
    ))
}
