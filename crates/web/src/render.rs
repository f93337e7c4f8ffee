//! Page layout and rendering helpers shared by every page.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{FieldError, Permission};

use crate::guard::{Csrf, Principal};

pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

pub struct NavUser {
    pub name: String,
    pub role: &'static str,
}

/// What the layout needs on every page.
pub struct Layout {
    pub title: String,
    pub user: Option<NavUser>,
    pub csrf: String,
    pub nav: Vec<NavItem>,
    pub settings_nav: Vec<NavItem>,
    pub notice: Option<&'static str>,
}

const MAIN_NAV: [(&str, &str, Permission); 11] = [
    ("/", "Home", Permission::UseApp),
    ("/calendar", "Calendar", Permission::ViewCalendar),
    ("/plans", "Campaigns", Permission::ViewCalendar),
    ("/compose", "Compose", Permission::Compose),
    ("/media", "Media", Permission::ViewCalendar),
    ("/inbox", "Inbox", Permission::WorkInbox),
    ("/analytics", "Analytics", Permission::ViewAnalytics),
    ("/compliance", "Compliance", Permission::ViewCompliance),
    ("/training", "Training", Permission::UseApp),
    ("/notifications", "Notifications", Permission::UseApp),
    ("/settings", "Settings", Permission::UseApp),
];

const SETTINGS_NAV: [(&str, &str, Permission); 8] = [
    (
        "/settings/organisation",
        "Organisation",
        Permission::ViewOrganisation,
    ),
    (
        "/settings/locations",
        "Locations",
        Permission::ViewOrganisation,
    ),
    (
        "/settings/accounts",
        "Social accounts",
        Permission::ViewOrganisation,
    ),
    (
        "/settings/users",
        "Users and roles",
        Permission::ManageUsers,
    ),
    (
        "/settings/links",
        "Links and pages",
        Permission::ViewOrganisation,
    ),
    ("/settings/tokens", "API tokens", Permission::UseApp),
    ("/settings/audit", "Audit log", Permission::ViewAuditLog),
    ("/account/password", "Password", Permission::UseApp),
];

impl Layout {
    /// `current` is the path of the page, used to mark the current navigation entry.
    pub fn new(
        title: impl Into<String>,
        principal: Option<&Principal>,
        csrf: &Csrf,
        current: &str,
    ) -> Self {
        let items =
            |list: &[(&'static str, &'static str, Permission)], settings: bool| -> Vec<NavItem> {
                let Some(p) = principal else {
                    return Vec::new();
                };
                list.iter()
                    .filter(|(_, _, perm)| p.actor.role.can(*perm))
                    .map(|(href, label, _)| NavItem {
                        href,
                        label,
                        current: if settings || *href == "/" {
                            current == *href
                        } else {
                            current.starts_with(href)
                        },
                    })
                    .collect()
            };
        let in_settings = current.starts_with("/settings") || current.starts_with("/account");
        Layout {
            title: title.into(),
            user: principal.map(|p| NavUser {
                name: p.actor.display_name.clone(),
                role: p.actor.role.as_str(),
            }),
            csrf: csrf.0.clone(),
            nav: items(&MAIN_NAV, false)
                .into_iter()
                .map(|mut i| {
                    if i.href == "/settings" {
                        i.current = in_settings;
                    }
                    i
                })
                .collect(),
            settings_nav: if in_settings {
                items(&SETTINGS_NAV, true)
            } else {
                Vec::new()
            },
            notice: None,
        }
    }

    pub fn notice(mut self, n: Option<&'static str>) -> Self {
        self.notice = n;
        self
    }
}

/// Field errors for re-rendering a form.
#[derive(Default)]
pub struct FormErrors(pub Vec<FieldError>);

impl FormErrors {
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// 200 for a fresh form, 422 when it is shown again with errors.
    pub fn status(&self) -> StatusCode {
        if self.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }
    /// Each error as a sentence that names the field: "Email must look like …".
    pub fn items(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .map(|e| {
                let mut label = e.field.replace('_', " ");
                if let Some(first) = label.get(0..1) {
                    label = first.to_uppercase() + &label[1..];
                }
                (e.field.to_string(), format!("{label} {}", e.message))
            })
            .collect()
    }
}

pub fn page<T: Template>(status: StatusCode, t: &T) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

pub fn ok<T: Template>(t: &T) -> Response {
    page(StatusCode::OK, t)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    reason: &'a str,
    message: &'a str,
}

pub fn error_page(status: StatusCode, message: &str) -> Response {
    let t = ErrorPage {
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("Error"),
        message,
    };
    page(status, &t)
}

/// Human-readable UTC time for tables (the organisation's zone is applied in later pages).
pub fn when(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| ms.to_string())
}
