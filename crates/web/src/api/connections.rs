//! Social accounts' connections over the API: their health, and connecting them (the
//! credentials are sealed by the service and never returned).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use service::connections::Credentials;
use utoipa::ToSchema;

use super::json::ApiJson;
use super::{rfc3339, ApiCaller};
use crate::error::{ApiError, AppError};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct AccountHealthOut {
    pub account_id: i64,
    pub platform: String,
    pub name: String,
    pub handle: String,
    pub connected: bool,
    /// connected, expiring, expired, revoked, rate_limited, sunset, unreachable or
    /// not_connected
    pub state: String,
    /// A sentence for people, e.g. "Token expires in 3 days".
    pub summary: String,
    pub token_expires_at: Option<String>,
    pub rate_limited_until: Option<String>,
    /// When the publisher last looked.
    pub checked_at: Option<String>,
    /// Publications of this account that failed or wait for a person.
    pub failing: i64,
}

#[utoipa::path(get, path = "/api/v1/accounts/health", tag = "accounts",
    responses((status = 200, body = [AccountHealthOut])), security(("token" = [])))]
pub async fn health(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<AccountHealthOut>>, ApiError> {
    let list = service::connections::health(&st.db, &a, st.now_ms()).await?;
    Ok(Json(
        list.into_iter()
            .map(|h| AccountHealthOut {
                account_id: h.account_id,
                platform: h.platform,
                name: h.name,
                handle: h.handle,
                connected: h.connected,
                state: h.state,
                summary: h.summary,
                token_expires_at: h.token_expires_at.map(rfc3339),
                rate_limited_until: h.rate_limited_until.map(rfc3339),
                checked_at: h.checked_at.map(rfc3339),
                failing: h.failing,
            })
            .collect(),
    ))
}

/// What the platform issued for the account. No `Debug`: it holds secrets.
#[derive(Deserialize, ToSchema)]
pub struct CredentialsBody {
    /// The platform's id of the page or profile.
    pub remote_account_id: String,
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// RFC 3339: when the access token expires, if the platform said.
    pub expires_at: Option<String>,
    /// Mastodon instance or Bluesky PDS, e.g. https://mastodon.social
    pub server: Option<String>,
    /// Bluesky app password.
    pub app_password: Option<String>,
}

fn present(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

#[utoipa::path(post, path = "/api/v1/accounts/{id}/credentials", tag = "accounts", params(("id" = i64, Path)),
    request_body = CredentialsBody,
    responses((status = 204, description = "connected"), (status = 404, body = super::openapi::ErrorBody),
        (status = 422, body = super::openapi::ErrorBody)), security(("token" = [])))]
pub async fn connect(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<CredentialsBody>,
) -> Result<StatusCode, ApiError> {
    let expires_at = match present(b.expires_at) {
        None => None,
        Some(t) => Some(
            t.parse::<jiff::Timestamp>()
                .map_err(|_| {
                    AppError::Invalid(vec![domain::FieldError::new(
                        "expires_at",
                        "is not an RFC 3339 time",
                    )])
                })?
                .as_millisecond(),
        ),
    };
    let creds = Credentials {
        remote_account_id: b.remote_account_id,
        access_token: b.access_token,
        refresh_token: present(b.refresh_token),
        expires_at,
        server: present(b.server),
        app_password: present(b.app_password),
    };
    service::connections::connect(&st.db, &st.sealer, &a, id, &creds, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}
