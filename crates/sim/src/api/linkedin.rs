//! LinkedIn REST: `/rest/posts`, image and video uploads, OAuth refresh. Every `/rest`
//! call must carry `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, post, put};
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{form_of, invalid, json_of, not_found, ok, Ctx};
use crate::gate::{finish, Caller};
use crate::world::{new_post, MediaItem, Upload};

const P: Platform = Platform::Linkedin;
const LIMIT: usize = 3_000;

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/rest/posts", post(create).get(list))
        .route("/rest/posts/{urn}", delete(remove))
        .route("/rest/images", post(initialize_image))
        .route("/rest/videos", post(video_action))
        .route("/dms-uploads/{id}", put(upload))
        .route("/oauth/v2/accessToken", post(token))
        .with_state(ctx)
}

/// The gate plus the version headers LinkedIn insists on.
async fn enter(ctx: &Ctx, headers: &HeaderMap, create: bool) -> Result<Caller, Response> {
    let caller = ctx.sim.enter(P, headers, create).await?;
    let version = headers
        .get("linkedin-version")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if version.len() != 6 || !version.bytes().all(|b| b.is_ascii_digit()) {
        let body = json!({ "status": 400, "code": "VERSION_MISSING", "message": "A version must be present. Please specify a version by adding the LinkedIn-Version header." });
        return Err(ok(StatusCode::BAD_REQUEST, body));
    }
    if headers
        .get("x-restli-protocol-version")
        .and_then(|v| v.to_str().ok())
        != Some("2.0.0")
    {
        return Err(invalid(P, "X-Restli-Protocol-Version 2.0.0 is required"));
    }
    Ok(caller)
}

async fn create(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match enter(&ctx, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = json_of(&body);
    let author = b.get("author").and_then(Value::as_str).unwrap_or("");
    let commentary = b.get("commentary").and_then(Value::as_str).unwrap_or("");
    if author != caller.account {
        return ok(
            StatusCode::FORBIDDEN,
            json!({ "status": 403, "code": "ACCESS_DENIED", "message": "Not enough permissions to post as this author" }),
        );
    }
    if b.get("lifecycleState").and_then(Value::as_str) != Some("PUBLISHED")
        || b.get("distribution").is_none()
    {
        return invalid(P, "/lifecycleState and /distribution are required");
    }
    if commentary.chars().count() > LIMIT {
        return invalid(P, "/commentary exceeds 3000 characters");
    }
    let content = b.get("content").cloned().unwrap_or(Value::Null);
    let media: Vec<String> = match (
        content.pointer("/media/id"),
        content.pointer("/multiImage/images"),
    ) {
        (Some(Value::String(id)), _) => vec![id.clone()],
        (_, Some(Value::Array(images))) => images
            .iter()
            .filter_map(|i| i.get("id")?.as_str().map(String::from))
            .collect(),
        _ => vec![],
    };
    let response = {
        let mut w = ctx.sim.world();
        if media.iter().any(|m| !w.media.iter().any(|x| &x.id == m)) {
            return invalid(P, "/content/media/id does not exist");
        }
        let urn = format!("urn:li:share:7{:018}", w.next_id());
        let mut post = new_post(P, &caller.account, urn.clone(), commentary);
        post.media = media;
        post.extra = content;
        w.create_post(post);
        let mut r = StatusCode::CREATED.into_response();
        if let Ok(v) = HeaderValue::from_str(&urn) {
            r.headers_mut().insert("x-restli-id", v);
        }
        r
    };
    finish(P, caller.after, response).await
}

async fn list(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = enter(&ctx, &headers, false).await {
        return r;
    }
    if q.get("q").map(String::as_str) != Some("author") {
        return invalid(P, "q=author is required");
    }
    let author = q.get("author").cloned().unwrap_or_default();
    let count = q
        .get("count")
        .and_then(|c| c.parse().ok())
        .unwrap_or(10usize);
    let w = ctx.sim.world();
    let mut elements: Vec<Value> = w
        .live_posts(P, &author)
        .map(|p| {
            let ms = p.created_at.as_millisecond();
            json!({ "id": p.id, "author": p.account, "commentary": p.text, "createdAt": ms,
                    "publishedAt": ms, "lastModifiedAt": ms, "lifecycleState": "PUBLISHED", "visibility": "PUBLIC" })
        })
        .collect();
    elements.reverse();
    elements.truncate(count);
    ok(
        StatusCode::OK,
        json!({ "elements": elements, "paging": { "start": 0, "count": count } }),
    )
}

async fn remove(State(ctx): State<Ctx>, Path(urn): Path<String>, headers: HeaderMap) -> Response {
    let caller = match enter(&ctx, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut w = ctx.sim.world();
    match w.post_mut(P, &urn) {
        Some(p) if p.account == caller.account && !p.deleted => {
            p.deleted = true;
            StatusCode::NO_CONTENT.into_response()
        }
        _ => not_found(P, "Not Found"),
    }
}

/// Register an upload and hand out a URL on this simulator to PUT the bytes to.
fn register(ctx: &Ctx, owner: &str, kind: &str, size: usize) -> (String, String) {
    let mut w = ctx.sim.world();
    let n = w.next_id();
    let urn = format!("urn:li:{kind}:C5{n:012}");
    w.uploads.insert(
        n.to_string(),
        Upload {
            id: urn.clone(),
            account: owner.to_string(),
            expected: size,
            received: 0,
            metadata: Value::Null,
            video_id: None,
        },
    );
    (urn, format!("{}/dms-uploads/{n}", ctx.sim.base(P)))
}

async fn initialize_image(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match enter(&ctx, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if q.get("action").map(String::as_str) != Some("initializeUpload") {
        return invalid(P, "action=initializeUpload is required");
    }
    let owner = json_of(&body)
        .pointer("/initializeUploadRequest/owner")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if owner != caller.account {
        return invalid(
            P,
            "/initializeUploadRequest/owner must be the caller's organisation",
        );
    }
    let (urn, url) = register(&ctx, &owner, "image", 0);
    ok(
        StatusCode::OK,
        json!({ "value": { "uploadUrlExpiresAt": 1_900_000_000_000i64, "uploadUrl": url, "image": urn } }),
    )
}

async fn video_action(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match enter(&ctx, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = json_of(&body);
    match q.get("action").map(String::as_str) {
        Some("initializeUpload") => {
            let size = b
                .pointer("/initializeUploadRequest/fileSizeBytes")
                .and_then(Value::as_u64)
                .unwrap_or(0) as usize;
            let (urn, url) = register(&ctx, &caller.account, "video", size);
            let last = size.saturating_sub(1);
            ok(
                StatusCode::OK,
                json!({ "value": { "video": urn, "uploadToken": "",
                "uploadInstructions": [{ "uploadUrl": url, "firstByte": 0, "lastByte": last }] } }),
            )
        }
        Some("finalizeUpload") => {
            let urn = b
                .pointer("/finalizeUploadRequest/video")
                .and_then(Value::as_str)
                .unwrap_or("");
            let w = ctx.sim.world();
            match w.uploads.values().find(|u| u.id == urn) {
                Some(u) if u.received == u.expected => ok(StatusCode::OK, json!({})),
                Some(_) => invalid(P, "Uploaded parts do not add up to fileSizeBytes"),
                None => not_found(P, "No such video"),
            }
        }
        _ => invalid(P, "unknown action"),
    }
}

async fn upload(
    State(ctx): State<Ctx>,
    Path(n): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut w = ctx.sim.world();
    let Some(u) = w.uploads.get_mut(&n) else {
        return not_found(P, "No such upload");
    };
    if u.account != caller.account {
        return invalid(P, "upload belongs to another member");
    }
    u.received += body.len();
    let (urn, size) = (u.id.clone(), u.received);
    w.media.push(MediaItem {
        platform: P,
        account: caller.account,
        id: urn,
        mime: headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string(),
        size,
        alt_text: String::new(),
        processing_polls: 0,
    });
    let mut r = StatusCode::CREATED.into_response();
    r.headers_mut()
        .insert("etag", HeaderValue::from_static("\"sim-part\""));
    r
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
            "error_description": "The provided authorization grant or refresh token is invalid, expired or revoked." }),
        )
    };
    if form.get("grant_type").map(String::as_str) != Some("refresh_token")
        || !form.contains_key("client_secret")
    {
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
        json!({ "access_token": a.access_token, "expires_in": 5_184_000,
        "refresh_token": a.refresh_token, "refresh_token_expires_in": 31_536_000 }),
    )
}
