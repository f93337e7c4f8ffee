//! Campaigns, series and templates; notifications.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::content::Pillar;
use domain::Permission;
use service::plans::CampaignInput;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, when, FormErrors, Layout};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "plans.html")]
struct PlansPage {
    layout: Layout,
    campaigns: Vec<store::plans::Campaign>,
    series: Vec<(String, String, String)>,
    templates: Vec<store::collab::Template>,
    pillars: Vec<(&'static str, &'static str)>,
    can_plan: bool,
    can_write: bool,
    errors: FormErrors,
}

async fn plans_page(st: &AppState, v: &Viewer, errors: FormErrors) -> Result<Response, AppError> {
    let a = v.actor();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render::page(
        status,
        &PlansPage {
            layout: Layout::new(
                "Campaigns and series",
                Some(&v.principal),
                &v.csrf,
                "/calendar",
            ),
            campaigns: service::plans::campaigns(&st.db, a).await?,
            series: service::plans::series_list(&st.db, a)
                .await?
                .into_iter()
                .map(|s| (s.name, s.pillar.replace('_', " "), s.rule))
                .collect(),
            templates: service::plans::templates(&st.db, a).await?,
            pillars: Pillar::ALL
                .iter()
                .map(|p| (p.as_str(), p.label()))
                .collect(),
            can_plan: a.role.can(Permission::ApprovePosts),
            can_write: a.role.can(Permission::Compose),
            errors,
        },
    ))
}

pub async fn plans(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    plans_page(&st, &v, FormErrors::default()).await
}

async fn after(st: &AppState, v: &Viewer, r: service::Result<i64>) -> Result<Response, AppError> {
    match r {
        Ok(_) => Ok(Redirect::to("/plans").into_response()),
        Err(ServiceError::Invalid(e)) => plans_page(st, v, FormErrors(e)).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn add_campaign(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let input = CampaignInput {
        name: form.text("name"),
        goal: form.text("goal"),
        hashtags: form.text("hashtags"),
        starts_on: form.text("starts_on"),
        ends_on: form.text("ends_on"),
    };
    let r = service::plans::add_campaign(&st.db, v.actor(), &input, st.now_ms()).await;
    after(&st, &v, r).await
}

pub async fn add_series(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let r = service::plans::add_series(
        &st.db,
        v.actor(),
        &form.text("name"),
        &form.text("pillar"),
        &form.text("rule"),
        st.now_ms(),
    )
    .await;
    after(&st, &v, r).await
}

pub async fn add_template(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let r = service::plans::add_template(
        &st.db,
        v.actor(),
        &form.text("kind"),
        &form.text("language"),
        &form.text("name"),
        &form.text("body"),
        st.now_ms(),
    )
    .await;
    after(&st, &v, r).await
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    layout: Layout,
    items: Vec<(Option<i64>, String, String, bool)>,
}

pub async fn notifications(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let items = service::plans::notifications(&st.db, v.actor())
        .await?
        .into_iter()
        .map(|n| {
            (
                n.post_id,
                n.message,
                when(n.created_at),
                n.read_at.is_none(),
            )
        })
        .collect();
    Ok(render::ok(&NotificationsPage {
        layout: Layout::new(
            "Notifications",
            Some(&v.principal),
            &v.csrf,
            "/notifications",
        ),
        items,
    }))
}

pub async fn mark_read(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    service::plans::mark_read(&st.db, v.actor(), st.now_ms()).await?;
    Ok(Redirect::to("/notifications").into_response())
}
