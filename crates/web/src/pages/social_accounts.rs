//! Social accounts: the organisation's pages and profiles, their health as the publisher
//! last saw it, and connecting them to their platforms. Secrets typed into the connect form
//! go straight to the service, which seals them; they are never rendered back or logged.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::platform::Platform;
use domain::Permission;
use serde::Deserialize;
use service::connections::Credentials;
use service::plans::AccountInput;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

/// What a person typed into one account's connect form, without its secrets: shown again
/// with the errors when the form is refused.
#[derive(Default)]
pub struct ConnectDraft {
    pub open: bool,
    pub remote_account_id: String,
    pub server: String,
    pub errors: FormErrors,
}

pub struct AccountRow {
    pub id: i64,
    pub platform: &'static str,
    pub name: String,
    pub handle: String,
    /// The health state key (a CSS class), empty when the viewer may not see health.
    pub state: String,
    pub state_label: &'static str,
    pub summary: String,
    pub failing: i64,
    pub connected: bool,
    /// Mastodon and Bluesky are reached at the organisation's own server.
    pub needs_server: bool,
    pub needs_app_password: bool,
    pub draft: ConnectDraft,
}

#[derive(Template)]
#[template(path = "settings/accounts.html")]
struct AccountsPage {
    layout: Layout,
    accounts: Vec<AccountRow>,
    show_health: bool,
    platforms: Vec<(&'static str, &'static str)>,
    locations: Vec<(i64, String)>,
    can_edit: bool,
    errors: FormErrors,
}

fn state_label(state: &str) -> &'static str {
    match state {
        "connected" => "Connected",
        "expiring" => "Expiring",
        "expired" => "Expired",
        "revoked" => "Revoked",
        "rate_limited" => "Rate-limited",
        "sunset" => "Update needed",
        "unreachable" => "Unreachable",
        "not_connected" => "Not connected",
        _ => "Unknown",
    }
}

fn row(id: i64, platform: &str, name: String, handle: String) -> AccountRow {
    let p = Platform::parse(platform);
    AccountRow {
        id,
        platform: p.map(|p| p.label()).unwrap_or("?"),
        name,
        handle,
        state: String::new(),
        state_label: "",
        summary: String::new(),
        failing: 0,
        connected: false,
        needs_server: matches!(p, Some(Platform::Mastodon | Platform::Bluesky)),
        needs_app_password: p == Some(Platform::Bluesky),
        draft: ConnectDraft::default(),
    }
}

/// Every account, with its health for those who may see the publishing side (the
/// responder role sees the list only).
async fn rows(st: &AppState, a: &service::Actor) -> Result<Vec<AccountRow>, AppError> {
    if !a.role.can(Permission::ViewCalendar) {
        return Ok(service::plans::accounts(&st.db, a)
            .await?
            .into_iter()
            .map(|x| row(x.id, &x.platform, x.name, x.handle))
            .collect());
    }
    Ok(service::connections::health(&st.db, a, st.now_ms())
        .await?
        .into_iter()
        .map(|h| {
            let label = state_label(&h.state);
            AccountRow {
                state_label: label,
                // "Connected" needs saying once, "Token expires in 3 days" adds to "Expiring".
                summary: if h.summary == label {
                    String::new()
                } else {
                    h.summary
                },
                state: h.state,
                failing: h.failing,
                connected: h.connected,
                ..row(h.account_id, &h.platform, h.name, h.handle)
            }
        })
        .collect())
}

async fn accounts_page(
    st: &AppState,
    v: &Viewer,
    errors: FormErrors,
    draft: Option<(i64, ConnectDraft)>,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let a = v.actor();
    let status = if errors.is_empty() && draft.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut accounts = rows(st, a).await?;
    if let Some((id, d)) = draft {
        if let Some(r) = accounts.iter_mut().find(|r| r.id == id) {
            r.draft = d;
        }
    }
    Ok(render::page(
        status,
        &AccountsPage {
            layout: Layout::new(
                "Social accounts",
                Some(&v.principal),
                &v.csrf,
                "/settings/accounts",
            )
            .notice(notice),
            accounts,
            show_health: a.role.can(Permission::ViewCalendar),
            platforms: Platform::ALL
                .iter()
                .map(|p| (p.as_str(), p.label()))
                .collect(),
            locations: service::org::locations(&st.db, a)
                .await?
                .into_iter()
                .map(|l| (l.id, l.name))
                .collect(),
            can_edit: a.role.can(Permission::ManageLocations),
            errors,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    saved: Option<String>,
}

pub async fn list(
    State(st): State<AppState>,
    v: Viewer,
    Query(d): Query<Done>,
) -> Result<Response, AppError> {
    let notice = match d.saved.as_deref() {
        Some("connected") => Some("Account connected. Bedside publishes with it from now on."),
        Some("added") => Some("Account added. Connect it to publish."),
        _ => None,
    };
    accounts_page(&st, &v, FormErrors::default(), None, notice).await
}

pub async fn add(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let input = AccountInput {
        platform: form.text("platform"),
        name: form.text("name"),
        handle: form.text("handle"),
        location_id: form.opt_id("location_id")?,
    };
    match service::plans::add_account(&st.db, v.actor(), &input, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/settings/accounts?saved=added").into_response()),
        Err(ServiceError::Invalid(e)) => accounts_page(&st, &v, FormErrors(e), None, None).await,
        Err(e) => Err(e.into()),
    }
}

/// An optional field: blank means absent.
fn optional(form: &RawForm, key: &str) -> Option<String> {
    form.get(key)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub async fn connect(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let creds = Credentials {
        remote_account_id: form.text("remote_account_id"),
        access_token: form.text("access_token"),
        refresh_token: optional(&form, "refresh_token"),
        expires_at: None,
        server: optional(&form, "server"),
        app_password: optional(&form, "app_password"),
    };
    let r =
        service::connections::connect(&st.db, &st.sealer, v.actor(), id, &creds, st.now_ms()).await;
    match r {
        Ok(()) => Ok(Redirect::to("/settings/accounts?saved=connected").into_response()),
        Err(ServiceError::Invalid(e)) => {
            let draft = ConnectDraft {
                open: true,
                remote_account_id: creds.remote_account_id.clone(),
                server: creds.server.clone().unwrap_or_default(),
                errors: FormErrors(e),
            };
            accounts_page(&st, &v, FormErrors::default(), Some((id, draft)), None).await
        }
        Err(e) => Err(e.into()),
    }
}
