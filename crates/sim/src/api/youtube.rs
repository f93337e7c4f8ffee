//! YouTube Data API v3: resumable `videos.insert` (session, then PUT of the bytes, with
//! the `Content-Range: bytes */N` status query and 308 Resume Incomplete), the uploads
//! playlist for lookups, `videos.delete`, and the token endpoint.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{google, invalid, json_of, not_found, ok, rfc3339, Ctx};
use crate::gate::finish;
use crate::world::{new_post, MediaItem, Post, Upload};

const P: Platform = Platform::Youtube;

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/upload/youtube/v3/videos", post(open_session).put(upload))
        .route("/youtube/v3/videos", axum::routing::delete(remove))
        .route("/youtube/v3/channels", get(channels))
        .route("/youtube/v3/playlistItems", get(playlist_items))
        .route("/token", post(google::token))
        .with_state(ctx)
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

async fn open_session(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if q.get("uploadType").map(String::as_str) != Some("resumable") {
        return invalid(P, "uploadType=resumable is required");
    }
    let Ok(expected) = header(&headers, "x-upload-content-length").parse::<usize>() else {
        return invalid(P, "X-Upload-Content-Length is required");
    };
    let meta = json_of(&body);
    let title = meta
        .pointer("/snippet/title")
        .and_then(Value::as_str)
        .unwrap_or("");
    let description = meta
        .pointer("/snippet/description")
        .and_then(Value::as_str)
        .unwrap_or("");
    if title.is_empty() || title.chars().count() > 100 || title.contains(['<', '>']) {
        return ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": { "code": 400, "message": "The request metadata specifies an invalid video title.",
            "errors": [{ "reason": "invalidTitle", "domain": "youtube.video" }] } }),
        );
    }
    if description.len() > 5000 || description.contains(['<', '>']) {
        return ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": { "code": 400, "message": "The request metadata specifies an invalid video description.",
            "errors": [{ "reason": "invalidDescription", "domain": "youtube.video" }] } }),
        );
    }
    let mut w = ctx.sim.world();
    let id = format!("sess{}", w.next_id());
    w.uploads.insert(
        id.clone(),
        Upload {
            id: id.clone(),
            account: caller.account,
            expected,
            received: 0,
            metadata: meta,
            video_id: None,
        },
    );
    let location = format!(
        "{}/upload/youtube/v3/videos?uploadType=resumable&upload_id={id}",
        ctx.sim.base(P)
    );
    let mut r = StatusCode::OK.into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert("location", v);
    }
    r
}

/// The bytes (whole, or from an offset per `Content-Range`), or a status query.
async fn upload(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let range = header(&headers, "content-range").to_string();
    let is_status_query = range.starts_with("bytes */");
    // Only a PUT carrying the bytes can create the video.
    let caller = match ctx.sim.enter(P, &headers, !is_status_query).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let session = q.get("upload_id").cloned().unwrap_or_default();
    let response = {
        let mut w = ctx.sim.world();
        let Some(u) = w.uploads.get(&session).cloned() else {
            return not_found(P, "Upload session not found");
        };
        if u.account != caller.account {
            return not_found(P, "Upload session not found");
        }
        if let Some(video) = &u.video_id {
            return video_response(w.posts.iter().find(|p| &p.id == video));
        }
        if is_status_query {
            return resume_incomplete(u.received);
        }
        let start = range
            .strip_prefix("bytes ")
            .and_then(|r| r.split('-').next())
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(0);
        if start != u.received {
            return resume_incomplete(u.received);
        }
        let received = u.received + body.len();
        if received < u.expected {
            if let Some(s) = w.uploads.get_mut(&session) {
                s.received = received;
            }
            return resume_incomplete(received);
        }
        if received > u.expected {
            return invalid(P, "More bytes than X-Upload-Content-Length");
        }
        let id = format!("vid{:08}", w.next_id());
        let s = |k: &str| {
            u.metadata
                .pointer(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let mut post = new_post(P, &caller.account, id.clone(), &s("/snippet/description"));
        post.title = Some(s("/snippet/title"));
        post.extra = u.metadata.clone();
        post.media = vec![session.clone()];
        let stored = w.create_post(post);
        // The uploaded file, for tests that check every byte arrived.
        w.media.push(MediaItem {
            platform: P,
            account: caller.account.clone(),
            id: session.clone(),
            mime: header(&headers, "content-type").to_string(),
            size: received,
            alt_text: String::new(),
            processing_polls: 0,
        });
        if let Some(session) = w.uploads.get_mut(&session) {
            session.received = received;
            session.video_id = Some(id);
        }
        video_response(Some(&stored))
    };
    finish(P, caller.after, response).await
}

fn resume_incomplete(received: usize) -> Response {
    let mut r = StatusCode::PERMANENT_REDIRECT.into_response();
    if received > 0 {
        if let Ok(v) = HeaderValue::from_str(&format!("bytes=0-{}", received - 1)) {
            r.headers_mut().insert("range", v);
        }
    }
    r
}

fn video_response(p: Option<&Post>) -> Response {
    let Some(p) = p else {
        return not_found(P, "Video not found");
    };
    ok(
        StatusCode::OK,
        json!({ "kind": "youtube#video", "id": p.id,
        "snippet": { "title": p.title, "description": p.text, "publishedAt": rfc3339(p.created_at) },
        "status": { "uploadStatus": "uploaded", "privacyStatus": "public" } }),
    )
}

async fn remove(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let id = q.get("id").cloned().unwrap_or_default();
    let mut w = ctx.sim.world();
    match w.post_mut(P, &id) {
        Some(p) if p.account == caller.account && !p.deleted => {
            p.deleted = true;
            StatusCode::NO_CONTENT.into_response()
        }
        _ => ok(
            StatusCode::NOT_FOUND,
            json!({ "error": { "code": 404, "message": "Video not found",
            "errors": [{ "reason": "videoNotFound", "domain": "youtube.video" }], "status": "NOT_FOUND" } }),
        ),
    }
}

async fn channels(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    ok(
        StatusCode::OK,
        json!({ "items": [{ "id": caller.account,
        "contentDetails": { "relatedPlaylists": { "uploads": format!("UU{}", caller.account) } } }] }),
    )
}

async fn playlist_items(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if q.get("playlistId") != Some(&format!("UU{}", caller.account)) {
        return not_found(P, "playlistNotFound");
    }
    let w = ctx.sim.world();
    let mut items: Vec<Value> = w
        .live_posts(P, &caller.account)
        .map(|p| json!({ "snippet": { "title": p.title, "description": p.text, "publishedAt": rfc3339(p.created_at),
            "resourceId": { "kind": "youtube#video", "videoId": p.id } } }))
        .collect();
    items.reverse();
    ok(StatusCode::OK, json!({ "items": items }))
}
