//! Industry news over the API: followed feeds and their latest items.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::json::ApiJson;
use super::ApiCaller;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct FeedOut {
    pub id: i64,
    pub url: String,
    pub title: String,
    /// new (not read yet), ok or error
    pub status: String,
    /// Why the last read failed, in words
    pub last_error: String,
    /// What the last read left out (items over the limit, text cut), one per line
    pub warnings: String,
    /// Epoch milliseconds
    pub fetched_at: Option<i64>,
    pub next_fetch_at: i64,
}

#[utoipa::path(get, path = "/api/v1/feeds", tag = "plans",
    responses((status = 200, body = [FeedOut])), security(("token" = [])))]
pub async fn feeds(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<FeedOut>>, ApiError> {
    let list = service::news::feeds(&st.db, &a).await?;
    Ok(Json(
        list.into_iter()
            .map(|f| FeedOut {
                id: f.id,
                url: f.url,
                title: f.title,
                status: f.status,
                last_error: f.last_error,
                warnings: f.warnings,
                fetched_at: f.fetched_at,
                next_fetch_at: f.next_fetch_at,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct FollowBody {
    /// An RSS or Atom feed, http or https
    pub url: String,
}

#[utoipa::path(post, path = "/api/v1/feeds", tag = "plans", request_body = FollowBody,
    responses((status = 201, description = "followed; the body is the feed's id"),
        (status = 409, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn follow(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<FollowBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let id = service::news::follow(&st.db, &a, &b.url, st.now_ms()).await?;
    Ok((StatusCode::CREATED, Json(id)))
}

#[utoipa::path(delete, path = "/api/v1/feeds/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 204, description = "unfollowed, its items removed"), (status = 404, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn unfollow(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    service::news::unfollow(&st.db, &a, id, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct NewsQuery {
    /// Only this feed's items
    pub feed: Option<i64>,
    /// At most this many (1–500, default 50)
    pub limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemOut {
    pub id: i64,
    pub feed_id: i64,
    pub feed_title: String,
    /// Plain text
    pub title: String,
    /// An absolute http(s) link, if the feed gave a safe one
    pub link: Option<String>,
    /// Epoch milliseconds, as the feed gave it
    pub published_at: Option<i64>,
    /// Plain text, at most 2,000 characters
    pub summary: String,
    pub author: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/news", tag = "plans", params(NewsQuery),
    responses((status = 200, body = [ItemOut])), security(("token" = [])))]
pub async fn items(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<NewsQuery>,
) -> Result<Json<Vec<ItemOut>>, ApiError> {
    let list = service::news::items(&st.db, &a, q.feed, q.limit.unwrap_or(50)).await?;
    Ok(Json(
        list.into_iter()
            .map(|i| ItemOut {
                id: i.id,
                feed_id: i.feed_id,
                feed_title: i.feed_title,
                title: i.title,
                link: i.link,
                published_at: i.published_at,
                summary: i.summary,
                author: i.author,
            })
            .collect(),
    ))
}
