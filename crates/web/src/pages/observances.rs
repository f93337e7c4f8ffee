//! Health observances (PLAN-7): `/plans/observances`, the shipped calendar with a hide or
//! show switch per entry and the organisation's own observances.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::Permission;
use service::observances::OwnInput;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

pub struct Own {
    pub id: i64,
    pub name: String,
    pub when: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "observances.html")]
struct ObservancesPage {
    layout: Layout,
    shipped: Vec<service::observances::Shipped>,
    own: Vec<Own>,
    typed: OwnInput,
    can_plan: bool,
    errors: FormErrors,
}

async fn render_page(
    st: &AppState,
    v: &Viewer,
    typed: OwnInput,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let a = v.actor();
    let cat = service::observances::catalogue(&st.db, a).await?;
    let own = cat
        .own
        .into_iter()
        .map(|o| Own {
            id: o.id,
            when: if o.yearly {
                format!("{} (every year)", o.observed_on)
            } else {
                o.observed_on
            },
            name: o.name,
            note: o.note,
        })
        .collect();
    Ok(render::page(
        errors.status(),
        &ObservancesPage {
            layout: Layout::new("Health observances", Some(&v.principal), &v.csrf, "/plans"),
            shipped: cat.shipped,
            own,
            typed,
            can_plan: a.role.can(Permission::ApprovePosts),
            errors,
        },
    ))
}

pub async fn page(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    render_page(&st, &v, OwnInput::default(), FormErrors::default()).await
}

pub async fn add(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let input = OwnInput {
        name: form.text("name"),
        date: form.text("date"),
        yearly: form.get("yearly").is_some(),
        note: form.text("note"),
    };
    match service::observances::add_own(&st.db, v.actor(), &input, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/plans/observances").into_response()),
        Err(ServiceError::Invalid(e)) => render_page(&st, &v, input, FormErrors(e)).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    service::observances::delete_own(&st.db, v.actor(), id, st.now_ms()).await?;
    Ok(Redirect::to("/plans/observances").into_response())
}

/// Hide or show a shipped observance: fields `key` and `hidden` (`true` or `false`).
pub async fn visibility(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let hidden = match form.get("hidden") {
        Some("true") => true,
        Some("false") => false,
        _ => {
            return Err(AppError::Invalid(vec![domain::FieldError::new(
                "hidden",
                "must be true or false",
            )]))
        }
    };
    service::observances::set_hidden(&st.db, v.actor(), &form.text("key"), hidden, st.now_ms())
        .await?;
    Ok(Redirect::to("/plans/observances").into_response())
}
