//! Changing one's own password.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use service::accounts::PasswordForm;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "settings/password.html")]
struct PasswordPage {
    layout: Layout,
    errors: FormErrors,
}

fn password_page(v: &Viewer, errors: FormErrors, notice: Option<&'static str>) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render::page(
        status,
        &PasswordPage {
            layout: Layout::new("Password", Some(&v.principal), &v.csrf, "/account/password")
                .notice(notice),
            errors,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    saved: Option<String>,
}

pub async fn form(v: Viewer, axum::extract::Query(d): axum::extract::Query<Done>) -> Response {
    password_page(
        &v,
        FormErrors::default(),
        d.saved
            .map(|_| "Password changed. Other sessions were signed out."),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordInput {
    current_password: String,
    new_password: String,
    confirm_password: String,
}

pub async fn change(
    State(st): State<AppState>,
    v: Viewer,
    Form(f): Form<PasswordInput>,
) -> Result<Response, AppError> {
    let Some(session) = &v.principal.session else {
        return Err(AppError::Unauthorized);
    };
    let form = PasswordForm {
        current_password: f.current_password,
        new_password: f.new_password,
        confirm_password: f.confirm_password,
    };
    match service::accounts::change_password(
        &st.db,
        &st.passwords,
        v.actor(),
        &session.id_hash,
        &form,
        st.now_ms(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/account/password?saved=1").into_response()),
        Err(ServiceError::Invalid(e)) => Ok(password_page(&v, FormErrors(e), None)),
        Err(e) => Err(e.into()),
    }
}
