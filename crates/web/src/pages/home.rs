//! The home page and the areas that are not built yet.

use askama::Template;
use axum::extract::State;
use axum::response::{Redirect, Response};

use super::Viewer;
use crate::error::AppError;
use crate::render::{self, Layout};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
    org_name: String,
    role: &'static str,
    role_description: &'static str,
    /// What the member still has to do before they may post (empty when current).
    training_missing: Vec<&'static str>,
}

pub async fn home(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let org = service::org::organisation(&st.db, v.actor()).await?;
    let standing = service::training::my_standing(&st.db, v.actor(), st.now_ms()).await?;
    Ok(render::ok(&HomePage {
        training_missing: standing.missing.iter().map(|m| m.describe()).collect(),
        layout: Layout::new("Home", Some(&v.principal), &v.csrf, "/"),
        name: v.actor().display_name.clone(),
        org_name: org.name,
        role: v.actor().role.as_str(),
        role_description: v.actor().role.describe(),
    }))
}

#[derive(Template)]
#[template(path = "coming_soon.html")]
struct ComingSoon {
    layout: Layout,
    area: &'static str,
    what: &'static str,
}

fn coming_soon(v: &Viewer, path: &str, area: &'static str, what: &'static str) -> Response {
    render::ok(&ComingSoon {
        layout: Layout::new(area, Some(&v.principal), &v.csrf, path),
        area,
        what,
    })
}

pub async fn inbox(v: Viewer) -> Response {
    coming_soon(
        &v,
        "/inbox",
        "Inbox",
        "Comments, messages and reviews from every account, screened on arrival.",
    )
}

pub async fn analytics(v: Viewer) -> Response {
    coming_soon(
        &v,
        "/analytics",
        "Analytics",
        "Reach, engagement and response times per post, account and campaign.",
    )
}

pub async fn settings() -> Redirect {
    Redirect::to("/settings/organisation")
}
