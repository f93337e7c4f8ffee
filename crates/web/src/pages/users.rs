//! Users and roles: invite, change roles, deactivate (owners only).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use domain::Role;
use serde::Deserialize;
use service::accounts::InviteForm;
use service::ServiceError;
use store::invitations::Invitation;
use store::users::Member;

use super::Viewer;
use crate::error::AppError;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "settings/users.html")]
struct UsersPage {
    layout: Layout,
    members: Vec<Member>,
    pending: Vec<Invitation>,
    roles: Vec<&'static str>,
    role_help: Vec<(&'static str, &'static str)>,
    form: InviteForm,
    errors: FormErrors,
    invite_link: Option<String>,
    refusal: Option<String>,
}

struct Extra {
    form: InviteForm,
    errors: FormErrors,
    invite_link: Option<String>,
    refusal: Option<String>,
    status: StatusCode,
}

impl Default for Extra {
    fn default() -> Self {
        Extra {
            form: InviteForm {
                role: "author".into(),
                ..Default::default()
            },
            errors: FormErrors::default(),
            invite_link: None,
            refusal: None,
            status: StatusCode::OK,
        }
    }
}

async fn users_page(st: &AppState, v: &Viewer, x: Extra) -> Result<Response, AppError> {
    let now = st.now_ms();
    let members = service::accounts::members(&st.db, v.actor()).await?;
    let pending = service::accounts::pending_invitations(&st.db, v.actor(), now).await?;
    Ok(render::page(
        x.status,
        &UsersPage {
            layout: Layout::new(
                "Users and roles",
                Some(&v.principal),
                &v.csrf,
                "/settings/users",
            ),
            members,
            pending,
            roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
            role_help: Role::ALL
                .iter()
                .map(|r| (r.as_str(), r.describe()))
                .collect(),
            form: x.form,
            errors: x.errors,
            invite_link: x.invite_link,
            refusal: x.refusal,
        },
    ))
}

pub async fn list(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    users_page(&st, &v, Extra::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteInput {
    email: String,
    display_name: String,
    role: String,
}

pub async fn invite(
    State(st): State<AppState>,
    v: Viewer,
    Form(f): Form<InviteInput>,
) -> Result<Response, AppError> {
    let form = InviteForm {
        email: f.email,
        display_name: f.display_name,
        role: f.role,
    };
    match service::accounts::invite(&st.db, v.actor(), &form, st.now_ms()).await {
        Ok((_, secret)) => {
            let link = format!(
                "{}/invite/{secret}",
                st.config.public_url.trim_end_matches('/')
            );
            users_page(
                &st,
                &v,
                Extra {
                    invite_link: Some(link),
                    ..Default::default()
                },
            )
            .await
        }
        Err(ServiceError::Invalid(e)) => {
            let x = Extra {
                form,
                errors: FormErrors(e),
                status: StatusCode::UNPROCESSABLE_ENTITY,
                ..Default::default()
            };
            users_page(&st, &v, x).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A refused change (e.g. removing the last owner) re-renders the page with the reason.
async fn after_change(
    st: &AppState,
    v: &Viewer,
    r: service::Result<()>,
) -> Result<Response, AppError> {
    match r {
        Ok(()) => Ok(Redirect::to("/settings/users").into_response()),
        Err(ServiceError::Refused(m)) => {
            users_page(
                st,
                v,
                Extra {
                    refusal: Some(m),
                    status: StatusCode::CONFLICT,
                    ..Default::default()
                },
            )
            .await
        }
        Err(ServiceError::Invalid(e)) => {
            let x = Extra {
                errors: FormErrors(e),
                status: StatusCode::UNPROCESSABLE_ENTITY,
                ..Default::default()
            };
            users_page(st, v, x).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleInput {
    role: String,
}

pub async fn change_role(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<RoleInput>,
) -> Result<Response, AppError> {
    let r = service::accounts::change_role(&st.db, v.actor(), id, &f.role, st.now_ms()).await;
    after_change(&st, &v, r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActiveInput {
    active: String,
}

pub async fn set_active(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<ActiveInput>,
) -> Result<Response, AppError> {
    let active = match f.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest("active must be true or false".into())),
    };
    let r = service::accounts::set_active(&st.db, v.actor(), id, active, st.now_ms()).await;
    after_change(&st, &v, r).await
}
