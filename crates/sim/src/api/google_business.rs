//! Google Business Profile (My Business v4) local posts and Google's token endpoint.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{delete, post};
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{google, invalid, json_of, not_found, ok, rfc3339, Ctx};
use crate::gate::finish;
use crate::world::{new_post, Post};

const P: Platform = Platform::GoogleBusiness;
const LIMIT: usize = 1_500;

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route(
            "/v4/accounts/{a}/locations/{l}/localPosts",
            post(create).get(list),
        )
        .route(
            "/v4/accounts/{a}/locations/{l}/localPosts/{p}",
            delete(remove),
        )
        .route("/token", post(google::token))
        .with_state(ctx)
}

fn location(a: &str, l: &str) -> String {
    format!("accounts/{a}/locations/{l}")
}

fn view(p: &Post) -> Value {
    json!({ "name": p.id, "languageCode": p.extra.get("languageCode"), "summary": p.text,
        "state": "LIVE", "topicType": "STANDARD", "createTime": rfc3339(p.created_at),
        "updateTime": rfc3339(p.created_at), "media": p.extra.get("media"),
        "searchUrl": format!("https://local.google.com/place?id=sim&use=posts&lpsid={}", p.id.rsplit('/').next().unwrap_or("")) })
}

async fn create(
    State(ctx): State<Ctx>,
    Path((a, l)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let loc = location(&a, &l);
    if loc != caller.account {
        return ok(
            StatusCode::FORBIDDEN,
            json!({ "error": { "code": 403, "status": "PERMISSION_DENIED",
            "message": "The caller does not have permission", "errors": [{ "reason": "forbidden" }] } }),
        );
    }
    let b = json_of(&body);
    let summary = b.get("summary").and_then(Value::as_str).unwrap_or("");
    if b.get("languageCode")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        return invalid(P, "languageCode is required");
    }
    if summary.chars().count() > LIMIT {
        return invalid(P, "summary is too long");
    }
    let media = b
        .get("media")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if media.iter().any(|m| {
        m.get("sourceUrl")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
    }) {
        return invalid(P, "media.sourceUrl is required");
    }
    let response = {
        let mut w = ctx.sim.world();
        let id = format!("{loc}/localPosts/{}", w.next_id());
        let mut post = new_post(P, &loc, id, summary);
        post.media = media
            .iter()
            .filter_map(|m| m.get("sourceUrl")?.as_str().map(String::from))
            .collect();
        post.extra = json!({ "languageCode": b.get("languageCode"), "media": media });
        let stored = w.create_post(post);
        ok(StatusCode::OK, view(&stored))
    };
    finish(P, caller.after, response).await
}

async fn list(
    State(ctx): State<Ctx>,
    Path((a, l)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let loc = location(&a, &l);
    if loc != caller.account {
        return not_found(P, "Location not found");
    }
    let size = q
        .get("pageSize")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20usize);
    let w = ctx.sim.world();
    let mut posts: Vec<Value> = w.live_posts(P, &loc).map(view).collect();
    posts.reverse();
    posts.truncate(size);
    ok(StatusCode::OK, json!({ "localPosts": posts }))
}

async fn remove(
    State(ctx): State<Ctx>,
    Path((a, l, p)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let caller = match ctx.sim.enter(P, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let name = format!("{}/localPosts/{p}", location(&a, &l));
    let mut w = ctx.sim.world();
    match w.post_mut(P, &name) {
        Some(post) if post.account == caller.account && !post.deleted => {
            post.deleted = true;
            ok(StatusCode::OK, json!({}))
        }
        _ => not_found(P, "Requested entity was not found."),
    }
}
