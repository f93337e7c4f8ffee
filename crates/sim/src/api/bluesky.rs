//! Bluesky PDS over XRPC: sessions, blobs, and `app.bsky.feed.post` records. A create
//! with a record key that exists fails with 500, as the real PDS does today.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{invalid, json_of, not_found, ok, Ctx};
use crate::errors::{respond, Problem};
use crate::gate::{bearer, finish};
use crate::world::{new_post, Account, MediaItem};

const P: Platform = Platform::Bluesky;
const COLLECTION: &str = "app.bsky.feed.post";

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route(
            "/xrpc/com.atproto.server.createSession",
            post(create_session),
        )
        .route(
            "/xrpc/com.atproto.server.refreshSession",
            post(refresh_session),
        )
        .route("/xrpc/com.atproto.server.getSession", get(get_session))
        .route("/xrpc/com.atproto.repo.uploadBlob", post(upload_blob))
        .route("/xrpc/com.atproto.repo.createRecord", post(create_record))
        .route("/xrpc/com.atproto.repo.getRecord", get(get_record))
        .route("/xrpc/com.atproto.repo.listRecords", get(list_records))
        .route("/xrpc/com.atproto.repo.deleteRecord", post(delete_record))
        .with_state(ctx)
}

fn session_body(a: &Account) -> Value {
    json!({ "accessJwt": a.access_token, "refreshJwt": a.refresh_token, "handle": a.handle, "did": a.id, "active": true })
}

fn uri(did: &str, rkey: &str) -> String {
    format!("at://{did}/{COLLECTION}/{rkey}")
}

fn cid(n: u64) -> String {
    format!("bafyreisim{n:020}")
}

async fn create_session(State(ctx): State<Ctx>, body: Bytes) -> Response {
    if let Err(r) = ctx.sim.enter_open(P).await {
        return r;
    }
    let b = json_of(&body);
    let id = b.get("identifier").and_then(Value::as_str).unwrap_or("");
    let pw = b.get("password").and_then(Value::as_str).unwrap_or("");
    let mut w = ctx.sim.world();
    let found = w.accounts.iter_mut().find(|a| {
        a.platform == P && (a.id == id || a.handle == id) && a.password == pw && !a.revoked
    });
    match found {
        Some(a) => {
            a.rotate(true);
            ok(StatusCode::OK, session_body(a))
        }
        None => respond(P, Problem::Revoked),
    }
}

async fn refresh_session(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    if let Err(r) = ctx.sim.enter_open(P).await {
        return r;
    }
    let token = bearer(&headers).unwrap_or("").to_string();
    let mut w = ctx.sim.world();
    match w.by_refresh_token(P, &token) {
        Some(a) if !a.revoked => {
            a.rotate(true);
            ok(StatusCode::OK, session_body(a))
        }
        // A revoked session's refresh token is as dead as an expired one.
        _ => respond(P, Problem::ExpiredToken),
    }
}

async fn get_session(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let w = ctx.sim.world();
    match w.account(P, &caller.account) {
        Some(a) => ok(
            StatusCode::OK,
            json!({ "did": a.id, "handle": a.handle, "active": true }),
        ),
        None => respond(P, Problem::InvalidToken),
    }
}

async fn upload_blob(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mime = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if body.is_empty() {
        return invalid(P, "empty blob");
    }
    if body.len() > 1_000_000 {
        return ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": "BlobTooLarge", "message": "This file is too large" }),
        );
    }
    let mut w = ctx.sim.world();
    let n = w.next_id();
    let link = format!("bafkreisim{n:020}");
    w.media.push(MediaItem {
        platform: P,
        account: caller.account,
        id: link.clone(),
        mime: mime.clone(),
        size: body.len(),
        alt_text: String::new(),
        processing_polls: 0,
    });
    ok(
        StatusCode::OK,
        json!({ "blob": { "$type": "blob", "ref": { "$link": link }, "mimeType": mime, "size": body.len() } }),
    )
}

async fn create_record(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match ctx.sim.enter(P, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = json_of(&body);
    let s = |k: &str| b.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let (repo, collection) = (s("repo"), s("collection"));
    let record = b.get("record").cloned().unwrap_or(Value::Null);
    let text = record
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if repo != caller.account {
        return respond(
            P,
            Problem::Invalid("Input/repo must be the authenticated DID".into()),
        );
    }
    if collection != COLLECTION || record.get("$type").and_then(Value::as_str) != Some(COLLECTION) {
        return invalid(P, "Input/collection must be app.bsky.feed.post");
    }
    if record.get("createdAt").and_then(Value::as_str).is_none() {
        return invalid(P, "Record/createdAt is required");
    }
    if Platform::Bluesky.count(&text) > Platform::Bluesky.limit() {
        return invalid(P, "Record/text must not be longer than 300 graphemes");
    }
    let media: Vec<String> = record
        .pointer("/embed/images")
        .and_then(Value::as_array)
        .map(|imgs| {
            imgs.iter()
                .filter_map(|i| i.pointer("/image/ref/$link")?.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let response = {
        let mut w = ctx.sim.world();
        let rkey = match s("rkey") {
            k if k.is_empty() => format!("3sim{:09}", w.next_id()),
            k => k,
        };
        let id = uri(&repo, &rkey);
        if let Some(existing) = w.post_by_key(P, &repo, &rkey).filter(|p| !p.deleted) {
            existing.key_hits += 1;
            return respond(P, Problem::Duplicate(id));
        }
        let n = w.next_id();
        let mut post = new_post(P, &repo, id.clone(), &text);
        post.key = Some(rkey);
        post.media = media;
        post.extra = record;
        w.create_post(post);
        ok(
            StatusCode::OK,
            json!({ "uri": id, "cid": cid(n), "commit": { "cid": cid(n + 1), "rev": "3simrev" }, "validationStatus": "valid" }),
        )
    };
    finish(P, caller.after, response).await
}

async fn get_record(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let repo = q.get("repo").cloned().unwrap_or_default();
    let rkey = q.get("rkey").cloned().unwrap_or_default();
    let w = ctx.sim.world();
    let found = w
        .live_posts(P, &repo)
        .find(|p| p.key.as_deref() == Some(rkey.as_str()));
    let response = match found {
        Some(p) => ok(
            StatusCode::OK,
            json!({ "uri": p.id, "cid": cid(0), "value": p.extra }),
        ),
        None => not_found(
            P,
            &format!("Could not locate record: {}", uri(&repo, &rkey)),
        ),
    };
    // The guard must outlive the borrow `found` holds; release it before answering.
    drop(w);
    response
}

async fn list_records(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.sim.enter(P, &headers, false).await {
        return r;
    }
    let repo = q.get("repo").cloned().unwrap_or_default();
    let w = ctx.sim.world();
    let mut records: Vec<Value> = w
        .live_posts(P, &repo)
        .map(|p| json!({ "uri": p.id, "cid": cid(0), "value": p.extra }))
        .collect();
    records.reverse();
    ok(StatusCode::OK, json!({ "records": records }))
}

/// Succeeds whether or not the record exists, as atproto specifies.
async fn delete_record(State(ctx): State<Ctx>, headers: HeaderMap, body: Bytes) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let b = json_of(&body);
    let rkey = b.get("rkey").and_then(Value::as_str).unwrap_or("");
    let repo = b.get("repo").and_then(Value::as_str).unwrap_or("");
    if repo != caller.account {
        return invalid(P, "Input/repo must be the authenticated DID");
    }
    let mut w = ctx.sim.world();
    if let Some(p) = w.post_mut(P, &uri(repo, rkey)) {
        p.deleted = true;
    }
    ok(
        StatusCode::OK,
        json!({ "commit": { "cid": cid(1), "rev": "3simrev" } }),
    )
}
