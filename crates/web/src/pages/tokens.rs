//! The signed-in user's API tokens.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::render::{self, when, FormErrors, Layout};
use crate::state::AppState;

pub struct TokenRow {
    id: i64,
    name: String,
    prefix: String,
    created: String,
    last_used: String,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "settings/tokens.html")]
struct TokensPage {
    layout: Layout,
    tokens: Vec<TokenRow>,
    new_secret: Option<String>,
    token_name: String,
    errors: FormErrors,
}

async fn tokens_page(
    st: &AppState,
    v: &Viewer,
    new_secret: Option<String>,
    name: String,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let tokens = service::tokens::list(&st.db, v.actor())
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            created: when(t.created_at),
            last_used: t.last_used_at.map(when).unwrap_or_else(|| "never".into()),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render::page(
        status,
        &TokensPage {
            layout: Layout::new(
                "API tokens",
                Some(&v.principal),
                &v.csrf,
                "/settings/tokens",
            ),
            tokens,
            new_secret,
            token_name: name,
            errors,
        },
    ))
}

pub async fn list(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    tokens_page(&st, &v, None, String::new(), FormErrors::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NameInput {
    name: String,
}

pub async fn create(
    State(st): State<AppState>,
    v: Viewer,
    Form(f): Form<NameInput>,
) -> Result<Response, AppError> {
    match service::tokens::create(&st.db, v.actor(), &f.name, st.now_ms()).await {
        Ok(t) => {
            tokens_page(
                &st,
                &v,
                Some(t.secret),
                String::new(),
                FormErrors::default(),
            )
            .await
        }
        Err(ServiceError::Invalid(e)) => tokens_page(&st, &v, None, f.name, FormErrors(e)).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    service::tokens::revoke(&st.db, v.actor(), id, st.now_ms()).await?;
    Ok(Redirect::to("/settings/tokens").into_response())
}
