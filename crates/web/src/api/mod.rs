//! The JSON API under `/api/v1`, authenticated by per-user API tokens. Errors are
//! `{"error": {"code", "message", "fields"?}}` with a stable `code`.

pub mod audit;
pub mod check;
pub mod connections;
pub mod consents;
pub mod json;
pub mod links;
pub mod me;
pub mod news;
pub mod observances;
pub mod openapi;
pub mod org;
pub mod posts;
pub mod publishing;
pub mod strategy;
pub mod training;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::{ApiError, AppError};
use crate::guard::Principal;

/// The caller of an API route (the guard has authenticated the token).
pub struct ApiCaller(pub service::Actor);

impl<S: Send + Sync> FromRequestParts<S> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .map(|p| ApiCaller(p.actor.clone()))
            .ok_or(ApiError(AppError::Unauthorized))
    }
}

pub fn rfc3339(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.to_string())
        .unwrap_or_default()
}
