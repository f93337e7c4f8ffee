//! The media library: upload (checked by content, stripped of metadata, text inside
//! images read and checked), search, alt text and tags, attach to a post, and the file
//! itself.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::Permission;
use serde::Deserialize;
use service::media::{ImageFinding, MediaConfig};
use service::ServiceError;
use store::media::MediaItem;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, when, FormErrors, Layout};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "media.html")]
struct LibraryPage {
    layout: Layout,
    items: Vec<MediaItem>,
    query: String,
    errors: FormErrors,
    can_upload: bool,
}

#[derive(Template)]
#[template(path = "media_item.html")]
struct ItemPage {
    layout: Layout,
    item: MediaItem,
    findings: Vec<ImageFinding>,
    removed: Vec<String>,
    used_in: Vec<i64>,
    uploaded: String,
    errors: FormErrors,
    can_edit: bool,
}

fn config(st: &AppState) -> MediaConfig {
    let mut cfg = MediaConfig::default();
    cfg.limits.max_bytes = st.config.max_upload_bytes as u64;
    cfg
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Search {
    q: String,
}

async fn library(
    st: &AppState,
    v: &Viewer,
    query: String,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let items = service::media::list(&st.db, v.actor(), &query).await?;
    let status = errors.status();
    Ok(render::page(
        status,
        &LibraryPage {
            layout: Layout::new("Media library", Some(&v.principal), &v.csrf, "/media"),
            items,
            query,
            errors,
            can_upload: v.actor().role.can(Permission::Compose),
        },
    ))
}

pub async fn list(
    State(st): State<AppState>,
    v: Viewer,
    Query(s): Query<Search>,
) -> Result<Response, AppError> {
    library(&st, &v, s.q, FormErrors::default()).await
}

/// Multipart: `file`. A bad file re-renders the library with the reason (422).
pub async fn upload(
    State(st): State<AppState>,
    v: Viewer,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(crate::forms::multipart_error)?
    {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(crate::forms::multipart_error)?;
            file = Some((name, bytes.to_vec()));
        }
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        let e = domain::FieldError::new(
            "file",
            "choose a JPEG, PNG, WebP, GIF or MP4 file to upload",
        );
        return library(&st, &v, String::new(), FormErrors(vec![e])).await;
    };
    let deps = st.deps();
    match service::media::upload(
        deps,
        &st.config.data_dir,
        &config(&st),
        v.actor(),
        &name,
        &bytes,
        st.now_ms(),
    )
    .await
    {
        Ok(item) => Ok(Redirect::to(&format!("/media/{}", item.id)).into_response()),
        Err(ServiceError::Invalid(e)) => library(&st, &v, String::new(), FormErrors(e)).await,
        Err(e) => Err(e.into()),
    }
}

async fn item_page(
    st: &AppState,
    v: &Viewer,
    id: i64,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let (item, findings, used_in) = service::media::item(&st.db, v.actor(), id).await?;
    let removed = serde_json::from_str(&item.removed_json).unwrap_or_default();
    let status = errors.status();
    Ok(render::page(
        status,
        &ItemPage {
            layout: Layout::new(&item.filename, Some(&v.principal), &v.csrf, "/media")
                .notice(notice),
            uploaded: when(item.created_at),
            item,
            findings,
            removed,
            used_in,
            errors,
            can_edit: v.actor().role.can(Permission::Compose),
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    saved: Option<String>,
}

pub async fn item(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Query(d): Query<Done>,
) -> Result<Response, AppError> {
    let notice = match d.saved.as_deref() {
        Some("described") => Some("Saved."),
        _ => None,
    };
    item_page(&st, &v, id, FormErrors::default(), notice).await
}

pub async fn describe(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let r = service::media::describe(
        &st.db,
        v.actor(),
        id,
        &form.text("alt_text"),
        &form.text("tags"),
        st.now_ms(),
    )
    .await;
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/media/{id}?saved=described")).into_response()),
        Err(ServiceError::Invalid(e)) => item_page(&st, &v, id, FormErrors(e), None).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn attach(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let post_id = form.id("post_id")?;
    match service::media::attach(&st.db, v.actor(), post_id, id, st.now_ms()).await {
        Ok(()) => Ok(Redirect::to(&format!("/posts/{post_id}")).into_response()),
        Err(ServiceError::Invalid(e)) => item_page(&st, &v, id, FormErrors(e), None).await,
        Err(ServiceError::Refused(m)) => {
            let e = domain::FieldError::new("post_id", m);
            item_page(&st, &v, id, FormErrors(vec![e]), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The stored (stripped) file.
pub async fn file(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (item, _, _) = service::media::item(&st.db, v.actor(), id).await?;
    let path = service::media::file_path(&st.config.data_dir, &item.sha256, &item.kind);
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|_| AppError::NotFound)?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, item.mime.clone()),
            (header::CACHE_CONTROL, "private, max-age=86400".to_string()),
        ],
        bytes,
    )
        .into_response())
}
