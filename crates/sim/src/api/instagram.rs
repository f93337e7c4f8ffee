//! Instagram content publishing: containers (`media`), their `status_code`, and
//! `media_publish`, which is the only call that creates a post.

use axum::body::to_bytes;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use domain::platform::Platform;
use serde_json::{json, Value};

use super::{invalid, json_of, ok, Ctx};
use crate::errors::{respond, Problem};
use crate::faults::take_container_delay;
use crate::gate::finish;
use crate::world::{new_post, Container};

const P: Platform = Platform::Instagram;
const CAPTION_LIMIT: usize = 2_200;

pub(super) async fn container(ctx: Ctx, user: String, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), false).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Ok(body) = to_bytes(req.into_body(), 1 << 20).await else {
        return invalid(P, "unreadable body");
    };
    let b = json_of(&body);
    if user != caller.account {
        return invalid(P, "(#200) Permissions error");
    }
    let s = |k: &str| b.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let caption = s("caption");
    if caption.chars().count() > CAPTION_LIMIT {
        return invalid(P, "(#100) The caption is too long");
    }
    let children: Vec<String> = s("children")
        .split(',')
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect();
    let media_url = if s("image_url").is_empty() {
        s("video_url")
    } else {
        s("image_url")
    };
    let carousel = s("media_type") == "CAROUSEL";
    if carousel && !(2..=10).contains(&children.len()) {
        return invalid(P, "(#100) A carousel needs 2 to 10 children");
    }
    if !carousel && media_url.is_empty() {
        return invalid(P, "(#100) The parameter image_url or video_url is required");
    }
    let mut w = ctx.sim.world();
    if children.iter().any(|c| !w.containers.contains_key(c)) {
        return invalid(P, "(#100) Invalid children");
    }
    let id = w.next_id().to_string();
    let polls = take_container_delay(&mut w.faults, &user);
    w.containers.insert(
        id.clone(),
        Container {
            id: id.clone(),
            account: user,
            caption,
            children,
            media_url,
            in_progress_polls: polls,
            published_as: None,
        },
    );
    ok(StatusCode::OK, json!({ "id": id }))
}

/// `GET /{container-id}?fields=status_code`; `None` when `id` is not a container.
pub(super) fn container_status(ctx: &Ctx, account: &str, id: &str) -> Option<Response> {
    let mut w = ctx.sim.world();
    let c = w.containers.get_mut(id)?;
    if c.account != account {
        return Some(invalid(P, "(#100) Object does not exist"));
    }
    let status = if c.published_as.is_some() {
        "PUBLISHED"
    } else if c.in_progress_polls > 0 {
        c.in_progress_polls -= 1;
        "IN_PROGRESS"
    } else {
        "FINISHED"
    };
    Some(ok(
        StatusCode::OK,
        json!({ "status_code": status, "id": id }),
    ))
}

pub(super) async fn publish(ctx: Ctx, user: String, req: Request) -> Response {
    let caller = match ctx.sim.enter(P, req.headers(), true).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Ok(body) = to_bytes(req.into_body(), 1 << 20).await else {
        return invalid(P, "unreadable body");
    };
    let b = json_of(&body);
    let creation = b
        .get("creation_id")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if user != caller.account {
        return invalid(P, "(#200) Permissions error");
    }
    let response = {
        let mut w = ctx.sim.world();
        let Some(c) = w.containers.get(&creation).cloned() else {
            return invalid(P, "(#100) Invalid creation_id");
        };
        if c.account != user {
            return invalid(P, "(#100) Invalid creation_id");
        }
        if c.in_progress_polls > 0 {
            let body = json!({ "error": { "message": "Media ID is not available", "code": 9007,
                "error_subcode": 2207027, "type": "OAuthException" } });
            return ok(StatusCode::BAD_REQUEST, body);
        }
        if c.published_as.is_some() {
            return respond(
                P,
                Problem::Invalid("(#9007) The media has already been published".into()),
            );
        }
        let id = w.next_id().to_string();
        let mut post = new_post(P, &user, id.clone(), &c.caption);
        post.media = if c.children.is_empty() {
            vec![c.media_url.clone()]
        } else {
            c.children.clone()
        };
        w.create_post(post);
        if let Some(cm) = w.containers.get_mut(&creation) {
            cm.published_as = Some(id.clone());
        }
        ok(StatusCode::OK, json!({ "id": id }))
    };
    finish(P, caller.after, response).await
}
