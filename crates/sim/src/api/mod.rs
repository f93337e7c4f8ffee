//! The eight simulated APIs, one module each, and the helpers they share.

mod bluesky;
mod facebook;
mod google;
mod google_business;
mod graph;
mod instagram;
mod linkedin;
mod mastodon;
mod x;
mod youtube;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use bytes::Bytes;
use domain::platform::Platform;
use serde_json::Value;

use crate::errors::{respond, Problem};
use crate::gate::Sim;

/// Handler state: the simulator and which platform this port plays.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub sim: Arc<Sim>,
    pub platform: Platform,
}

pub(crate) fn router(sim: Arc<Sim>, platform: Platform) -> Router {
    let ctx = Ctx { sim, platform };
    match platform {
        Platform::Facebook | Platform::Instagram => graph::router(ctx),
        Platform::X => x::router(ctx),
        Platform::Linkedin => linkedin::router(ctx),
        Platform::Youtube => youtube::router(ctx),
        Platform::GoogleBusiness => google_business::router(ctx),
        Platform::Mastodon => mastodon::router(ctx),
        Platform::Bluesky => bluesky::router(ctx),
    }
}

pub(crate) fn ok(status: StatusCode, v: Value) -> Response {
    (status, Json(v)).into_response()
}

pub(crate) fn invalid(platform: Platform, msg: &str) -> Response {
    respond(platform, Problem::Invalid(msg.to_string()))
}

pub(crate) fn not_found(platform: Platform, msg: &str) -> Response {
    respond(platform, Problem::NotFound(msg.to_string()))
}

/// A JSON body, or `Null` when it is not JSON.
pub(crate) fn json_of(body: &Bytes) -> Value {
    serde_json::from_slice(body).unwrap_or(Value::Null)
}

/// A form-encoded body.
pub(crate) fn form_of(body: &Bytes) -> HashMap<String, String> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

pub(crate) struct Part {
    pub bytes: Bytes,
    pub content_type: String,
}

/// Every field of a multipart body by name (the last wins).
pub(crate) async fn multipart(
    platform: Platform,
    req: Request,
) -> Result<HashMap<String, Part>, Response> {
    let mut form = Multipart::from_request(req, &())
        .await
        .map_err(|_| invalid(platform, "expected multipart/form-data"))?;
    let mut out = HashMap::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err(invalid(platform, "malformed multipart body")),
        };
        let name = field.name().unwrap_or("").to_string();
        let content_type = field.content_type().unwrap_or("").to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|_| invalid(platform, "malformed multipart field"))?;
        out.insert(
            name,
            Part {
                bytes,
                content_type,
            },
        );
    }
    Ok(out)
}

pub(crate) fn text_field(fields: &HashMap<String, Part>, name: &str) -> String {
    fields
        .get(name)
        .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
        .unwrap_or_default()
}

pub(crate) fn rfc3339(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Minimal HTML escaping for Mastodon's `content`.
pub(crate) fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
