//! Server-rendered pages. Each handler parses its input, calls a `service` use case and
//! renders a template; the guard has already checked the route's permission and CSRF.

pub mod account;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod compliance_settings;
pub mod compose;
pub mod consents;
pub mod home;
pub mod links;
pub mod media;
pub mod news;
pub mod observances;
pub mod plans;
pub mod posts;
pub mod publishing;
pub mod settings;
pub mod social_accounts;
pub mod strategy;
pub mod tokens;
pub mod training;
pub mod training_admin;
pub mod users;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::AppError;
use crate::guard::{Csrf, Principal};

/// A signed-in viewer of a page: who they are and the CSRF token for the page's forms.
pub struct Viewer {
    pub principal: Principal,
    pub csrf: Csrf,
}

impl Viewer {
    pub fn actor(&self) -> &service::Actor {
        &self.principal.actor
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let principal = parts
            .extensions
            .get::<Principal>()
            .cloned()
            .ok_or(AppError::Unauthorized)?;
        let csrf = parts
            .extensions
            .get::<Csrf>()
            .cloned()
            .unwrap_or(Csrf(String::new()));
        Ok(Viewer { principal, csrf })
    }
}

/// A visitor who may or may not be signed in (public pages).
pub struct Visitor {
    pub principal: Option<Principal>,
    pub csrf: Csrf,
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Visitor {
            principal: parts.extensions.get::<Principal>().cloned(),
            csrf: parts
                .extensions
                .get::<Csrf>()
                .cloned()
                .unwrap_or(Csrf(String::new())),
        })
    }
}
