//! Mastodon: statuses with `Idempotency-Key` (a repeated key returns the status it
//! created, never a second one), v2 media with asynchronous processing for video, and
//! the OAuth token endpoint.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{delete, get, post};
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{
    escape_html, form_of, invalid, json_of, multipart, not_found, ok, rfc3339, text_field, Ctx,
};
use crate::gate::finish;
use crate::world::{new_post, MediaItem, Post};

const P: Platform = Platform::Mastodon;

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/api/v1/statuses", post(create))
        .route("/api/v1/statuses/{id}", delete(remove))
        .route("/api/v1/accounts/verify_credentials", get(verify))
        .route("/api/v1/accounts/{id}/statuses", get(list))
        .route("/api/v2/media", post(upload))
        .route("/api/v1/media/{id}", get(media_status))
        .route("/oauth/token", post(token))
        .with_state(ctx)
}

/// Statuses come back as HTML, one paragraph per blank-line-separated block.
fn html(text: &str) -> String {
    text.split("\n\n")
        .map(|para| format!("<p>{}</p>", escape_html(para).replace('\n', "<br />")))
        .collect()
}

fn view(base: &str, p: &Post) -> Value {
    json!({ "id": p.id, "created_at": rfc3339(p.created_at), "visibility": "public",
        "uri": format!("{base}/users/sim/statuses/{}", p.id), "url": format!("{base}/@sim/{}", p.id),
        "content": html(&p.text), "account": { "id": p.account },
        "media_attachments": p.media.iter().map(|m| json!({ "id": m })).collect::<Vec<_>>() })
}

async fn create(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match ctx.sim.enter(P, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = match json_of(&body) {
        Value::Object(m) => Value::Object(m),
        _ => json!(form_of(&body)),
    };
    let text = b
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let media: Vec<String> = b
        .get("media_ids")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let base = ctx.sim.base(P);
    let response = {
        let mut w = ctx.sim.world();
        // Same key, same status: the retry is answered, not posted.
        let existing = key
            .as_deref()
            .and_then(|k| w.post_by_key(P, &caller.account, k));
        if let Some(existing) = existing {
            existing.key_hits += 1;
            ok(StatusCode::OK, view(&base, existing))
        } else {
            if text.is_empty() && media.is_empty() {
                return invalid(P, "Text can't be blank");
            }
            if Platform::Mastodon.count(&text) > Platform::Mastodon.limit() {
                return invalid(P, "Text character limit of 500 exceeded");
            }
            let unusable = |m: &String| {
                !w.media
                    .iter()
                    .any(|x| &x.id == m && x.processing_polls == 0)
            };
            if media.len() > 4 || media.iter().any(unusable) {
                return invalid(P, "Media IDs are invalid or still processing");
            }
            let id = format!("11{:016}", w.next_id());
            let mut post = new_post(P, &caller.account, id, &text);
            post.media = media;
            post.key = key;
            let stored = w.create_post(post);
            ok(StatusCode::OK, view(&base, &stored))
        }
    };
    finish(P, caller.after, response).await
}

async fn remove(State(ctx): State<Ctx>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let base = ctx.sim.base(P);
    let mut w = ctx.sim.world();
    match w.post_mut(P, &id) {
        Some(p) if p.account == caller.account && !p.deleted => {
            p.deleted = true;
            let mut v = view(&base, p);
            v["text"] = json!(p.text);
            ok(StatusCode::OK, v)
        }
        _ => not_found(P, "Record not found"),
    }
}

async fn verify(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => ok(
            StatusCode::OK,
            json!({ "id": c.account, "username": "sim", "acct": "sim" }),
        ),
        Err(r) => r,
    }
}

async fn list(
    State(ctx): State<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let limit = q
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(20usize)
        .min(40);
    let base = ctx.sim.base(P);
    let w = ctx.sim.world();
    let mut statuses: Vec<Value> = w.live_posts(P, &id).map(|p| view(&base, p)).collect();
    statuses.reverse();
    // `max_id`: only statuses older than that one (the next page).
    if let Some(max) = q.get("max_id") {
        let from = statuses
            .iter()
            .position(|s| s.get("id").and_then(Value::as_str) == Some(max.as_str()))
            .map_or(statuses.len(), |i| i + 1);
        statuses.drain(..from);
    }
    statuses.truncate(limit);
    ok(StatusCode::OK, Value::Array(statuses))
}

/// Images are ready at once (200); video answers 202 and needs one status poll.
async fn upload(State(ctx): State<Ctx>, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let fields = match multipart(P, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(file) = fields.get("file") else {
        return invalid(P, "File can't be blank");
    };
    let video = file.content_type.starts_with("video/");
    let mut w = ctx.sim.world();
    let id = format!("12{:016}", w.next_id());
    w.media.push(MediaItem {
        platform: P,
        account: caller.account,
        id: id.clone(),
        mime: file.content_type.clone(),
        size: file.bytes.len(),
        alt_text: text_field(&fields, "description"),
        processing_polls: u32::from(video),
    });
    let url = if video {
        Value::Null
    } else {
        json!(format!("{}/media/{id}", ctx.sim.base(P)))
    };
    let status = if video {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    ok(
        status,
        json!({ "id": id, "type": if video { "video" } else { "image" }, "url": url,
        "description": text_field(&fields, "description") }),
    )
}

async fn media_status(
    State(ctx): State<Ctx>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let mut w = ctx.sim.world();
    let Some(m) = w.media.iter_mut().find(|m| m.platform == P && m.id == id) else {
        return not_found(P, "Record not found");
    };
    if m.processing_polls > 0 {
        m.processing_polls -= 1;
        return ok(
            StatusCode::PARTIAL_CONTENT,
            json!({ "id": id, "url": null }),
        );
    }
    ok(
        StatusCode::OK,
        json!({ "id": id, "url": format!("/media/{id}") }),
    )
}

async fn token(State(ctx): State<Ctx>, body: Bytes) -> Response {
    if let Err(r) = ctx.sim.enter_open(P).await {
        return r;
    }
    let form = form_of(&body);
    let refused = || {
        ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": "invalid_grant",
            "error_description": "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client." }),
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
        json!({ "access_token": a.access_token, "token_type": "Bearer",
        "scope": "read write", "created_at": jiff::Timestamp::now().as_second(), "refresh_token": a.refresh_token }),
    )
}
