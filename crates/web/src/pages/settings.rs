//! Organisation and location settings.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use domain::Permission;
use serde::Deserialize;
use service::org::{OrgForm, JURISDICTIONS};
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::render::{self, when, FormErrors, Layout};
use crate::state::AppState;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    saved: Option<String>,
}

#[derive(Template)]
#[template(path = "settings/organisation.html")]
struct OrgPage {
    layout: Layout,
    form: OrgForm,
    errors: FormErrors,
    can_edit: bool,
    jurisdictions: &'static [(&'static str, &'static str)],
}

fn org_page(
    v: &Viewer,
    form: OrgForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render::page(
        status,
        &OrgPage {
            layout: Layout::new(
                "Organisation",
                Some(&v.principal),
                &v.csrf,
                "/settings/organisation",
            )
            .notice(notice),
            form,
            errors,
            can_edit: v.actor().role.can(Permission::ManageOrganisation),
            jurisdictions: &JURISDICTIONS,
        },
    )
}

pub async fn organisation(
    State(st): State<AppState>,
    v: Viewer,
    Query(d): Query<Done>,
) -> Result<Response, AppError> {
    let org = service::org::organisation(&st.db, v.actor()).await?;
    let form = OrgForm {
        name: org.name,
        time_zone: org.time_zone,
        jurisdiction: org.jurisdiction,
    };
    Ok(org_page(
        &v,
        form,
        FormErrors::default(),
        d.saved.map(|_| "Saved."),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OrgInput {
    name: String,
    time_zone: String,
    jurisdiction: String,
}

pub async fn save_organisation(
    State(st): State<AppState>,
    v: Viewer,
    Form(f): Form<OrgInput>,
) -> Result<Response, AppError> {
    let form = OrgForm {
        name: f.name,
        time_zone: f.time_zone,
        jurisdiction: f.jurisdiction,
    };
    match service::org::update_organisation(&st.db, v.actor(), &form, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/settings/organisation?saved=1").into_response()),
        Err(ServiceError::Invalid(e)) => Ok(org_page(&v, form, FormErrors(e), None)),
        Err(e) => Err(e.into()),
    }
}

pub struct LocationRow {
    pub id: i64,
    pub name: String,
    pub added: String,
}

#[derive(Template)]
#[template(path = "settings/locations.html")]
struct LocationsPage {
    layout: Layout,
    locations: Vec<LocationRow>,
    can_edit: bool,
    new_name: String,
    errors: FormErrors,
}

async fn locations_page(
    st: &AppState,
    v: &Viewer,
    new_name: String,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let locations = service::org::locations(&st.db, v.actor())
        .await?
        .into_iter()
        .map(|l| LocationRow {
            id: l.id,
            name: l.name,
            added: when(l.created_at),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render::page(
        status,
        &LocationsPage {
            layout: Layout::new(
                "Locations",
                Some(&v.principal),
                &v.csrf,
                "/settings/locations",
            )
            .notice(notice),
            locations,
            can_edit: v.actor().role.can(Permission::ManageLocations),
            new_name,
            errors,
        },
    ))
}

pub async fn locations(
    State(st): State<AppState>,
    v: Viewer,
    Query(d): Query<Done>,
) -> Result<Response, AppError> {
    let notice = d.saved.map(|s| {
        if s == "added" {
            "Location added."
        } else {
            "Location renamed."
        }
    });
    locations_page(&st, &v, String::new(), FormErrors::default(), notice).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NameInput {
    name: String,
}

pub async fn add_location(
    State(st): State<AppState>,
    v: Viewer,
    Form(f): Form<NameInput>,
) -> Result<Response, AppError> {
    match service::org::create_location(&st.db, v.actor(), &f.name, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/settings/locations?saved=added").into_response()),
        Err(ServiceError::Invalid(e)) => locations_page(&st, &v, f.name, FormErrors(e), None).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn rename_location(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<NameInput>,
) -> Result<Response, AppError> {
    match service::org::rename_location(&st.db, v.actor(), id, &f.name, st.now_ms()).await {
        Ok(()) => Ok(Redirect::to("/settings/locations?saved=renamed").into_response()),
        Err(ServiceError::Invalid(e)) => {
            locations_page(&st, &v, String::new(), FormErrors(e), None).await
        }
        Err(e) => Err(e.into()),
    }
}
