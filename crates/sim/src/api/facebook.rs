//! Facebook Pages: `feed`, unpublished `photos` attached by id, and `videos`.

use axum::body::to_bytes;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{form_of, invalid, json_of, multipart, ok, text_field, Ctx};
use crate::gate::finish;
use crate::world::{new_post, MediaItem};

const P: Platform = Platform::Facebook;
const LIMIT: usize = 63_206;

pub(super) async fn feed(ctx: Ctx, page: String, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Ok(body) = to_bytes(req.into_body(), 1 << 20).await else {
        return invalid(P, "unreadable body");
    };
    // Graph takes JSON or form parameters alike.
    let params = match json_of(&body) {
        Value::Object(m) => Value::Object(m),
        _ => json!(form_of(&body)),
    };
    if page != caller.account {
        return invalid(
            P,
            "(#200) The user hasn't authorized the application to perform this action",
        );
    }
    let message = params.get("message").and_then(Value::as_str).unwrap_or("");
    let attached: Vec<String> = params
        .get("attached_media")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|m| m.get("media_fbid")?.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if message.is_empty() && attached.is_empty() {
        return invalid(P, "(#100) Missing message or attachment");
    }
    if message.chars().count() > LIMIT {
        return invalid(P, "(#100) Message is too long");
    }
    let response = {
        let mut w = ctx.sim.world();
        if attached
            .iter()
            .any(|id| !w.media.iter().any(|m| &m.id == id && m.account == page))
        {
            return invalid(P, "(#100) Invalid media_fbid");
        }
        let id = format!("{page}_{}", w.next_id());
        let mut post = new_post(P, &page, id.clone(), message);
        post.media = attached;
        w.create_post(post);
        ok(StatusCode::OK, json!({ "id": id }))
    };
    finish(P, caller.after, response).await
}

/// An unpublished photo is media waiting to be attached, not a post.
pub(super) async fn photos(ctx: Ctx, page: String, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let fields = match multipart(P, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(source) = fields.get("source") else {
        return invalid(P, "(#324) Requires upload file");
    };
    if page != caller.account {
        return invalid(P, "(#200) Permissions error");
    }
    let mut w = ctx.sim.world();
    let id = w.next_id().to_string();
    w.media.push(MediaItem {
        platform: P,
        account: page,
        id: id.clone(),
        mime: source.content_type.clone(),
        size: source.bytes.len(),
        alt_text: text_field(&fields, "alt_text_custom"),
        processing_polls: 0,
    });
    ok(StatusCode::OK, json!({ "id": id }))
}

/// A video upload creates the video post directly.
pub(super) async fn videos(ctx: Ctx, page: String, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let fields = match multipart(P, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(source) = fields.get("source") else {
        return invalid(P, "(#324) Requires upload file");
    };
    if page != caller.account {
        return invalid(P, "(#200) Permissions error");
    }
    let response = {
        let mut w = ctx.sim.world();
        let id = w.next_id().to_string();
        w.media.push(MediaItem {
            platform: P,
            account: page.clone(),
            id: id.clone(),
            mime: source.content_type.clone(),
            size: source.bytes.len(),
            alt_text: String::new(),
            processing_polls: 0,
        });
        let mut post = new_post(P, &page, id.clone(), &text_field(&fields, "description"));
        let title = text_field(&fields, "title");
        post.title = (!title.is_empty()).then_some(title);
        post.media = vec![id.clone()];
        w.create_post(post);
        ok(StatusCode::OK, json!({ "id": id }))
    };
    finish(P, caller.after, response).await
}
