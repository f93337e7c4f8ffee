//! X API v2: posts, the v2 media upload (simple and chunked), alt text, OAuth2 refresh.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{delete, get, post};
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{form_of, invalid, json_of, multipart, not_found, ok, rfc3339, text_field, Ctx};
use crate::errors::{respond, Problem};
use crate::gate::finish;
use crate::world::{new_post, MediaItem};

const P: Platform = Platform::X;

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/2/tweets", post(create))
        .route("/2/tweets/{id}", delete(remove))
        .route("/2/users/me", get(me))
        .route("/2/users/{id}/tweets", get(timeline))
        .route("/2/media/upload", post(upload).get(status))
        .route("/2/media/upload/initialize", post(initialize))
        .route("/2/media/upload/{id}/append", post(append))
        .route("/2/media/upload/{id}/finalize", post(finalize))
        .route("/2/media/metadata", post(metadata))
        .route("/2/oauth2/token", post(token))
        .with_state(ctx)
}

/// X counts weighted characters; the simulator reuses Bedside's own counting.
fn too_long(text: &str) -> bool {
    Platform::X.count(text) > Platform::X.limit()
}

async fn create(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match ctx.sim.enter(P, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = json_of(&body);
    let text = b
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let media: Vec<String> = b
        .pointer("/media/media_ids")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if text.is_empty() && media.is_empty() {
        return invalid(P, "The `text` field is required when no media is attached.");
    }
    if too_long(&text) {
        return ok(
            StatusCode::FORBIDDEN,
            json!({ "detail": "You are not permitted to perform this action.", "type": "about:blank", "title": "Forbidden", "status": 403 }),
        );
    }
    let response = {
        let mut w = ctx.sim.world();
        if media.iter().any(|id| {
            !w.media
                .iter()
                .any(|m| &m.id == id && m.account == caller.account)
        }) {
            return invalid(P, "Your media IDs are invalid.");
        }
        // X refuses the same text twice in a row from one account.
        if w.latest_post(P, &caller.account)
            .is_some_and(|p| p.text == text && !text.is_empty())
        {
            return respond(P, Problem::Duplicate(String::new()));
        }
        let id = format!("19{:017}", w.next_id());
        let mut post = new_post(P, &caller.account, id.clone(), &text);
        post.media = media;
        w.create_post(post);
        ok(
            StatusCode::CREATED,
            json!({ "data": { "id": id, "text": text, "edit_history_tweet_ids": [id] } }),
        )
    };
    finish(P, caller.after, response).await
}

async fn remove(State(ctx): State<Ctx>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut w = ctx.sim.world();
    match w.post_mut(P, &id) {
        Some(p) if p.account == caller.account && !p.deleted => {
            p.deleted = true;
            ok(StatusCode::OK, json!({ "data": { "deleted": true } }))
        }
        _ => not_found(P, "Could not find tweet"),
    }
}

async fn me(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => ok(
            StatusCode::OK,
            json!({ "data": { "id": c.account, "name": "Sim", "username": "sim" } }),
        ),
        Err(r) => r,
    }
}

async fn timeline(
    State(ctx): State<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let since = q
        .get("start_time")
        .and_then(|s| s.parse::<jiff::Timestamp>().ok());
    let w = ctx.sim.world();
    let mut data: Vec<Value> = w
        .live_posts(P, &id)
        .filter(|p| since.is_none_or(|s| p.created_at >= s))
        .map(|p| json!({ "id": p.id, "text": p.text, "created_at": rfc3339(p.created_at) }))
        .collect();
    data.reverse();
    // Pages of `max_results` (5–100, default 10) with `pagination_token`, as X.
    let max = q
        .get("max_results")
        .and_then(|m| m.parse::<usize>().ok())
        .unwrap_or(10)
        .clamp(5, 100);
    let start = q
        .get("pagination_token")
        .and_then(|t| t.strip_prefix("pt"))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0)
        .min(data.len());
    let end = (start + max).min(data.len());
    let page: Vec<Value> = data[start..end].to_vec();
    let mut meta = json!({ "result_count": page.len() });
    if end < data.len() {
        meta["next_token"] = json!(format!("pt{end}"));
    }
    ok(StatusCode::OK, json!({ "data": page, "meta": meta }))
}

fn add_media(ctx: &Ctx, account: &str, mime: &str, size: usize) -> String {
    let mut w = ctx.sim.world();
    let id = format!("18{:017}", w.next_id());
    w.media.push(MediaItem {
        platform: P,
        account: account.to_string(),
        id: id.clone(),
        mime: mime.to_string(),
        size,
        alt_text: String::new(),
        processing_polls: 0,
    });
    id
}

fn media_ok(id: &str) -> Response {
    ok(
        StatusCode::OK,
        json!({ "data": { "id": id, "media_key": format!("3_{id}"), "expires_after_secs": 86400 } }),
    )
}

async fn upload(State(ctx): State<Ctx>, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let fields = match multipart(P, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(media) = fields.get("media") else {
        return invalid(P, "media is required");
    };
    let mime = text_field(&fields, "media_type");
    media_ok(&add_media(&ctx, &caller.account, &mime, media.bytes.len()))
}

async fn initialize(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = json_of(&body);
    let mime = b
        .get("media_type")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let total = b.get("total_bytes").and_then(Value::as_u64).unwrap_or(0) as usize;
    if total == 0 {
        return invalid(P, "total_bytes is required");
    }
    let id = add_media(&ctx, &caller.account, &mime, 0);
    // Remember the expected size in the upload table, keyed by media id.
    ctx.sim.world().uploads.insert(
        id.clone(),
        crate::world::Upload {
            id: id.clone(),
            account: caller.account,
            expected: total,
            received: 0,
            metadata: Value::Null,
            video_id: None,
        },
    );
    media_ok(&id)
}

async fn append(State(ctx): State<Ctx>, Path(id): Path<String>, req: Request) -> Response {
    if let Err(r) = ctx.sim.enter(P, req.headers(), false).await {
        return r;
    }
    let fields = match multipart(P, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let n = fields.get("media").map_or(0, |m| m.bytes.len());
    let mut w = ctx.sim.world();
    match w.uploads.get_mut(&id) {
        Some(u) => {
            u.received += n;
            ok(StatusCode::OK, json!({}))
        }
        None => invalid(P, "Invalid media id"),
    }
}

async fn finalize(State(ctx): State<Ctx>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let mut w = ctx.sim.world();
    let Some(u) = w.uploads.get(&id).cloned() else {
        return invalid(P, "Invalid media id");
    };
    if u.received != u.expected {
        return invalid(P, "Segments do not add up to provided total file size.");
    }
    if let Some(m) = w.media.iter_mut().find(|m| m.id == id) {
        m.size = u.received;
        // One status poll before it is ready, as real video processing needs.
        m.processing_polls = 1;
    }
    ok(
        StatusCode::OK,
        json!({ "data": { "id": id, "processing_info": { "state": "pending", "check_after_secs": 1 } } }),
    )
}

async fn status(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let id = q.get("media_id").cloned().unwrap_or_default();
    let mut w = ctx.sim.world();
    let Some(m) = w.media.iter_mut().find(|m| m.id == id) else {
        return invalid(P, "Invalid media id");
    };
    let state = if m.processing_polls > 0 {
        m.processing_polls -= 1;
        "in_progress"
    } else {
        "succeeded"
    };
    ok(
        StatusCode::OK,
        json!({ "data": { "id": id, "processing_info": { "state": state } } }),
    )
}

async fn metadata(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let b = json_of(&body);
    let id = b.get("id").and_then(Value::as_str).unwrap_or("");
    let alt = b
        .pointer("/metadata/alt_text/text")
        .and_then(Value::as_str)
        .unwrap_or("");
    let mut w = ctx.sim.world();
    match w.media.iter_mut().find(|m| m.id == id) {
        Some(m) => {
            m.alt_text = alt.to_string();
            ok(
                StatusCode::OK,
                json!({ "data": { "id": id, "associated_metadata": true } }),
            )
        }
        None => invalid(P, "Invalid media id"),
    }
}

/// OAuth 2.0 refresh with rotating refresh tokens.
async fn token(State(ctx): State<Ctx>, body: Bytes) -> Response {
    if let Err(r) = ctx.sim.enter_open(P).await {
        return r;
    }
    let form = form_of(&body);
    let refused = || {
        ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": "invalid_request", "error_description": "Value passed for the token was invalid." }),
        )
    };
    if form.get("grant_type").map(String::as_str) != Some("refresh_token") {
        return refused();
    }
    let mut w = ctx.sim.world();
    let Some(a) = w.by_refresh_token(P, form.get("refresh_token").map_or("", |s| s.as_str()))
    else {
        return refused();
    };
    if a.revoked {
        return refused();
    }
    a.rotate(true);
    ok(
        StatusCode::OK,
        json!({ "token_type": "bearer", "expires_in": 7200, "access_token": a.access_token,
                "scope": "tweet.read tweet.write users.read offline.access media.write", "refresh_token": a.refresh_token }),
    )
}
