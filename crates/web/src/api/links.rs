//! First-party links over the API: the organisation's page classes and a post's links
//! with their clicks.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::ApiJson;
use super::ApiCaller;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, Deserialize, ToSchema)]
pub struct UrlClassBody {
    /// This address and everything under it, e.g. https://narmada.example/book
    pub prefix: String,
    /// public_info, booking, portal or intake
    pub kind: String,
    /// Third-party trackers on those pages, e.g. ["meta_pixel"]
    #[serde(default)]
    pub trackers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UrlClassOut {
    pub id: i64,
    #[serde(flatten)]
    pub class: UrlClassBody,
}

#[utoipa::path(get, path = "/api/v1/url-classes", tag = "links",
    responses((status = 200, body = [UrlClassOut])), security(("token" = [])))]
pub async fn list(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<UrlClassOut>>, ApiError> {
    let classes = service::links::classes(&st.db, &a).await?;
    Ok(Json(
        classes
            .into_iter()
            .map(|(id, c)| UrlClassOut {
                id,
                class: UrlClassBody {
                    prefix: c.prefix,
                    kind: c.kind.as_str().into(),
                    trackers: c.trackers,
                },
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/url-classes", tag = "links", request_body = UrlClassBody,
    responses((status = 201, description = "saved (a prefix already classified is replaced); the body is its id"),
        (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn save(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<UrlClassBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let trackers = b.trackers.join(",");
    let id =
        service::links::save_class(&st.db, &a, &b.prefix, &b.kind, &trackers, st.now_ms()).await?;
    Ok((StatusCode::CREATED, Json(id)))
}

#[utoipa::path(delete, path = "/api/v1/url-classes/{id}", tag = "links", params(("id" = i64, Path)),
    responses((status = 204, description = "removed"), (status = 404, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn delete(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    service::links::delete_class(&st.db, &a, id, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct LinkOut {
    pub code: String,
    pub target_id: i64,
    pub account_id: i64,
    /// As written in the post
    pub original: String,
    /// Where the short link sends people (with campaign parameters)
    pub destination: String,
    /// Clicks by people (bots and link previews excluded)
    pub clicks: i64,
    pub bot_clicks: i64,
    /// Clicks per device class: mobile, tablet, desktop, bot, unknown
    pub by_device: std::collections::BTreeMap<String, i64>,
}

#[utoipa::path(get, path = "/api/v1/posts/{id}/links", tag = "links", params(("id" = i64, Path)),
    responses((status = 200, body = [LinkOut]), (status = 404, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn post_links(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<Vec<LinkOut>>, ApiError> {
    let links = service::links::post_links(&st.db, &a, id).await?;
    Ok(Json(
        links
            .into_iter()
            .map(|l| LinkOut {
                by_device: l
                    .by_device
                    .iter()
                    .map(|(d, n)| (d.as_str().to_string(), *n))
                    .collect(),
                code: l.code,
                target_id: l.target_id,
                account_id: l.account_id,
                original: l.original,
                destination: l.destination,
                clicks: l.clicks,
                bot_clicks: l.bot_clicks,
            })
            .collect(),
    ))
}
