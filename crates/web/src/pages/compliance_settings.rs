//! The organisation's compliance settings: its own contact details (never patient data),
//! extra banned claims and record-number formats.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Permission;
use service::checker::SettingsInput;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "settings/compliance.html")]
struct Page {
    layout: Layout,
    s: SettingsInput,
    can_edit: bool,
    errors: FormErrors,
}

pub async fn show(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let p = service::checker::stored_policy(&st.db, v.actor().org_id).await?;
    let s = SettingsInput {
        phones: p.phones.join("\n"),
        emails: p.emails.join("\n"),
        addresses: p.addresses.join("\n"),
        handles: p.handles.join("\n"),
        domains: p.domains.join("\n"),
        banned_claims: p.banned_claims.join("\n"),
        mrn_patterns: p.mrn_patterns.join("\n"),
        contact_phone: p.contact_phone.unwrap_or_default(),
        contact_email: p.contact_email.unwrap_or_default(),
    };
    Ok(render::ok(&Page {
        layout: Layout::new(
            "Compliance settings",
            Some(&v.principal),
            &v.csrf,
            "/settings/compliance",
        ),
        s,
        can_edit: v.actor().role.can(Permission::ManageConsents),
        errors: FormErrors::default(),
    }))
}

pub async fn save(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let s = SettingsInput {
        phones: form.text("phones"),
        emails: form.text("emails"),
        addresses: form.text("addresses"),
        handles: form.text("handles"),
        domains: form.text("domains"),
        banned_claims: form.text("banned_claims"),
        mrn_patterns: form.text("mrn_patterns"),
        contact_phone: form.text("contact_phone"),
        contact_email: form.text("contact_email"),
    };
    match service::checker::save_settings(&st.db, v.actor(), &s, st.now_ms()).await {
        Ok(()) => Ok(Redirect::to("/settings/compliance").into_response()),
        Err(ServiceError::Invalid(e)) => Ok(render::page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &Page {
                layout: Layout::new(
                    "Compliance settings",
                    Some(&v.principal),
                    &v.csrf,
                    "/settings/compliance",
                ),
                s,
                can_edit: true,
                errors: FormErrors(e),
            },
        )),
        Err(e) => Err(e.into()),
    }
}
