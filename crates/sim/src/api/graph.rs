//! The Graph API shape shared by Facebook Pages and Instagram: `/{version}/{id}` and
//! `/{version}/{id}/{edge}`, token exchange at `/{version}/oauth/access_token`.

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use domain::platform::Platform;
use serde_json::{json, Value};
use std::collections::HashMap;

use super::{facebook, instagram, invalid, not_found, ok, Ctx};
use crate::errors::{respond, Problem};

pub(super) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/{version}/{id}", get(read).delete(remove))
        .route("/{version}/{id}/{edge}", get(list).post(create))
        .with_state(ctx)
}

/// `v23.0`-style versions only; anything else is a client bug worth failing loudly.
fn version_ok(v: &str) -> bool {
    v.strip_prefix('v')
        .and_then(|r| r.split_once('.'))
        .is_some_and(|(a, b)| {
            !a.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
}

async fn create(
    State(ctx): State<Ctx>,
    Path((v, id, edge)): Path<(String, String, String)>,
    req: Request,
) -> Response {
    if !version_ok(&v) {
        return invalid(ctx.platform, "Unknown path components");
    }
    match (ctx.platform, edge.as_str()) {
        (Platform::Facebook, "feed") => facebook::feed(ctx, id, req).await,
        (Platform::Facebook, "photos") => facebook::photos(ctx, id, req).await,
        (Platform::Facebook, "videos") => facebook::videos(ctx, id, req).await,
        (Platform::Instagram, "media") => instagram::container(ctx, id, req).await,
        (Platform::Instagram, "media_publish") => instagram::publish(ctx, id, req).await,
        _ => invalid(ctx.platform, "(#100) Unknown edge"),
    }
}

async fn list(
    State(ctx): State<Ctx>,
    Path((v, id, edge)): Path<(String, String, String)>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if !version_ok(&v) {
        return invalid(ctx.platform, "Unknown path components");
    }
    if id == "oauth" && edge == "access_token" {
        return exchange(ctx, q).await;
    }
    let caller = match ctx.sim.enter(ctx.platform, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let (text_key, time_key, link_key) = match (ctx.platform, edge.as_str()) {
        (Platform::Facebook, "published_posts" | "feed") => {
            ("message", "created_time", "permalink_url")
        }
        (Platform::Instagram, "media") => ("caption", "timestamp", "permalink"),
        _ => return invalid(ctx.platform, "(#100) Unknown edge"),
    };
    if id != caller.account {
        return respond(
            ctx.platform,
            Problem::NotFound("(#803) Some of the aliases you requested do not exist".into()),
        );
    }
    let w = ctx.sim.world();
    let mut posts: Vec<Value> = w
        .live_posts(ctx.platform, &caller.account)
        .map(|p| {
            json!({
                "id": p.id,
                text_key: p.text,
                time_key: p.created_at.strftime("%Y-%m-%dT%H:%M:%S%z").to_string(),
                link_key: permalink(ctx.platform, &p.id),
            })
        })
        .collect();
    posts.reverse();
    // Pages of `limit` (default 25, at most 100) with an opaque `after` cursor, as Graph.
    let limit = q
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(25)
        .clamp(1, 100);
    let start = q
        .get("after")
        .and_then(|a| a.strip_prefix("cur"))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0)
        .min(posts.len());
    let end = (start + limit).min(posts.len());
    let page: Vec<Value> = posts[start..end].to_vec();
    let mut body = json!({ "data": page });
    if end < posts.len() {
        body["paging"] = json!({
            "cursors": { "before": format!("cur{start}"), "after": format!("cur{end}") },
            "next": format!("{}/{v}/{id}/{edge}?after=cur{end}&limit={limit}", ctx.sim.base(ctx.platform)),
        });
    }
    ok(StatusCode::OK, body)
}

pub(super) fn permalink(platform: Platform, id: &str) -> String {
    match platform {
        Platform::Instagram => format!("https://www.instagram.com/p/{id}/"),
        _ => format!("https://www.facebook.com/{id}"),
    }
}

/// The page or user itself, an Instagram container's status, or a post.
async fn read(
    State(ctx): State<Ctx>,
    Path((v, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if !version_ok(&v) {
        return invalid(ctx.platform, "Unknown path components");
    }
    let caller = match ctx.sim.enter(ctx.platform, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if id == caller.account {
        return ok(
            StatusCode::OK,
            json!({ "id": id, "name": "Simulated account" }),
        );
    }
    if ctx.platform == Platform::Instagram {
        if let Some(r) = instagram::container_status(&ctx, &caller.account, &id) {
            return r;
        }
    }
    let w = ctx.sim.world();
    let found = w
        .live_posts(ctx.platform, &caller.account)
        .find(|p| p.id == id);
    let response = match found {
        Some(p) => ok(
            StatusCode::OK,
            json!({ "id": p.id, "permalink": permalink(ctx.platform, &p.id) }),
        ),
        None => not_found(
            ctx.platform,
            "Unsupported get request. Object does not exist",
        ),
    };
    // The guard must outlive the borrow `found` holds; release it before answering.
    drop(w);
    response
}

async fn remove(
    State(ctx): State<Ctx>,
    Path((v, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if !version_ok(&v) {
        return invalid(ctx.platform, "Unknown path components");
    }
    let caller = match ctx.sim.enter(ctx.platform, &headers, false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut w = ctx.sim.world();
    match w.post_mut(ctx.platform, &id) {
        Some(p) if p.account == caller.account && !p.deleted => {
            p.deleted = true;
            ok(StatusCode::OK, json!({ "success": true }))
        }
        _ => not_found(
            ctx.platform,
            "Unsupported delete request. Object does not exist",
        ),
    }
}

/// `fb_exchange_token`: a valid token buys a fresh long-lived one; an expired or revoked
/// one buys nothing.
async fn exchange(ctx: Ctx, q: HashMap<String, String>) -> Response {
    if let Err(r) = ctx.sim.enter_open(ctx.platform).await {
        return r;
    }
    if q.get("grant_type").map(String::as_str) != Some("fb_exchange_token")
        || !q.contains_key("client_id")
    {
        return invalid(ctx.platform, "(#100) Missing grant_type or client_id");
    }
    let token = q.get("fb_exchange_token").cloned().unwrap_or_default();
    let mut w = ctx.sim.world();
    let Some(id) = w
        .by_access_token(ctx.platform, &token)
        .map(|a| a.id.clone())
    else {
        return respond(ctx.platform, Problem::InvalidToken);
    };
    let Some(account) = w.account_mut(ctx.platform, &id) else {
        return respond(ctx.platform, Problem::InvalidToken);
    };
    if account.revoked {
        return respond(ctx.platform, Problem::Revoked);
    }
    if account.expired {
        return respond(ctx.platform, Problem::ExpiredToken);
    }
    account.rotate(false);
    ok(
        StatusCode::OK,
        json!({ "access_token": account.access_token, "token_type": "bearer", "expires_in": 5_184_000 }),
    )
}
