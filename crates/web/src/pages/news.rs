//! Industry news (PLAN-8): `/plans/news`, the items of the feeds the team follows and the
//! feeds themselves with how their last read went.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::Permission;
use serde::Deserialize;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

pub struct FeedRow {
    pub id: i64,
    pub title: String,
    pub url: String,
    pub status: String,
    pub detail: String,
    pub fetched: String,
}

pub struct ItemRow {
    pub title: String,
    pub link: Option<String>,
    pub feed: String,
    pub when: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "news.html")]
struct NewsPage {
    layout: Layout,
    feeds: Vec<FeedRow>,
    items: Vec<ItemRow>,
    filter: Option<i64>,
    typed_url: String,
    can_manage: bool,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Filter {
    /// Show one feed's items.
    pub feed: Option<i64>,
}

async fn render_page(
    st: &AppState,
    v: &Viewer,
    filter: Option<i64>,
    typed_url: String,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let a = v.actor();
    let feeds = service::news::feeds(&st.db, a).await?;
    let items = service::news::items(&st.db, a, filter, 100).await?;
    let feeds = feeds
        .into_iter()
        .map(|f| FeedRow {
            id: f.id,
            status: match f.status.as_str() {
                "ok" => "Working".into(),
                "error" => "Not read".into(),
                _ => "Waiting for the first read".into(),
            },
            detail: if f.status == "error" {
                f.last_error
            } else {
                f.warnings.replace('\n', "; ")
            },
            fetched: f.fetched_at.map(render::when).unwrap_or_else(|| "—".into()),
            title: f.title,
            url: f.url,
        })
        .collect();
    let items = items
        .into_iter()
        .map(|i| ItemRow {
            when: render::when(i.published_at.unwrap_or(i.seen_at)),
            title: i.title,
            link: i.link,
            feed: i.feed_title,
            summary: i.summary,
        })
        .collect();
    Ok(render::page(
        errors.status(),
        &NewsPage {
            layout: Layout::new("Industry news", Some(&v.principal), &v.csrf, "/plans"),
            feeds,
            items,
            filter,
            typed_url,
            can_manage: a.role.can(Permission::ApprovePosts),
            errors,
        },
    ))
}

pub async fn page(
    State(st): State<AppState>,
    v: Viewer,
    Query(f): Query<Filter>,
) -> Result<Response, AppError> {
    render_page(&st, &v, f.feed, String::new(), FormErrors::default()).await
}

pub async fn follow(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let url = form.text("url");
    match service::news::follow(&st.db, v.actor(), &url, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/plans/news").into_response()),
        Err(ServiceError::Invalid(e)) => render_page(&st, &v, None, url, FormErrors(e)).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn unfollow(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    service::news::unfollow(&st.db, v.actor(), id, st.now_ms()).await?;
    Ok(Redirect::to("/plans/news").into_response())
}

pub async fn refresh(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    service::news::refresh(&st.db, v.actor(), id, st.now_ms()).await?;
    Ok(Redirect::to("/plans/news").into_response())
}
