//! First-party links (COMPOSE-5): `/l/{code}` sends a click on to its destination, and
//! `/settings/links` is where the organisation classifies its own pages.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::links::LandingKind;
use domain::Permission;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

/// Count the click (device class only) and redirect. Unknown codes are a plain 404.
pub async fn follow(
    State(st): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let Some(to) = service::links::click(&st.db, &code, ua, st.now_ms()).await? else {
        return Ok(render::error_page(
            StatusCode::NOT_FOUND,
            "This link does not exist or has been removed.",
        ));
    };
    let mut res = Redirect::to(&to).into_response();
    // Every click is counted, and the clinic's address is not passed on to the destination.
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

pub struct ClassRow {
    pub id: i64,
    pub prefix: String,
    pub kind: &'static str,
    pub trackers: String,
    pub warning: bool,
}

#[derive(Default)]
pub struct Typed {
    pub prefix: String,
    pub kind: String,
    pub trackers: String,
}

#[derive(Template)]
#[template(path = "settings/links.html")]
struct LinksPage {
    layout: Layout,
    rows: Vec<ClassRow>,
    kinds: Vec<(&'static str, &'static str)>,
    typed: Typed,
    can_edit: bool,
    errors: FormErrors,
}

async fn render_page(
    st: &AppState,
    v: &Viewer,
    typed: Typed,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let classes = service::links::classes(&st.db, v.actor()).await?;
    let rows = classes
        .into_iter()
        .map(|(id, c)| ClassRow {
            id,
            warning: c.kind.is_sensitive() && !c.trackers.is_empty(),
            prefix: c.prefix,
            kind: c.kind.label(),
            trackers: if c.trackers.is_empty() {
                "none".into()
            } else {
                c.trackers.join(", ")
            },
        })
        .collect();
    Ok(render::page(
        errors.status(),
        &LinksPage {
            layout: Layout::new(
                "Links and pages",
                Some(&v.principal),
                &v.csrf,
                "/settings/links",
            ),
            rows,
            kinds: LandingKind::ALL
                .iter()
                .map(|k| (k.as_str(), k.label()))
                .collect(),
            typed,
            can_edit: v.actor().role.can(Permission::ManageConsents),
            errors,
        },
    ))
}

pub async fn page(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    render_page(&st, &v, Typed::default(), FormErrors::default()).await
}

pub async fn save(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let typed = Typed {
        prefix: form.text("prefix"),
        kind: form.text("kind"),
        trackers: form.text("trackers"),
    };
    let r = service::links::save_class(
        &st.db,
        v.actor(),
        &typed.prefix,
        &typed.kind,
        &typed.trackers,
        st.now_ms(),
    )
    .await;
    match r {
        Ok(_) => Ok(Redirect::to("/settings/links").into_response()),
        Err(ServiceError::Invalid(e)) => render_page(&st, &v, typed, FormErrors(e)).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    service::links::delete_class(&st.db, v.actor(), id, st.now_ms()).await?;
    Ok(Redirect::to("/settings/links").into_response())
}
