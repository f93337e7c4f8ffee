//! Google's OAuth token endpoint (`POST /token`), served on both the YouTube and the
//! Business Profile ports. Google keeps the refresh token; only the access token changes.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::{form_of, ok, Ctx};

pub(super) async fn token(State(ctx): State<Ctx>, body: Bytes) -> Response {
    if let Err(r) = ctx.sim.enter_open(ctx.platform).await {
        return r;
    }
    let form = form_of(&body);
    let refused = || {
        ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": "invalid_grant", "error_description": "Token has been expired or revoked." }),
        )
    };
    if form.get("grant_type").map(String::as_str) != Some("refresh_token")
        || !form.contains_key("client_id")
    {
        return ok(
            StatusCode::BAD_REQUEST,
            json!({ "error": "invalid_request" }),
        );
    }
    let mut w = ctx.sim.world();
    let Some(a) = w.by_refresh_token(
        ctx.platform,
        form.get("refresh_token").map_or("", |s| s.as_str()),
    ) else {
        return refused();
    };
    if a.revoked {
        return refused();
    }
    a.rotate(false);
    ok(
        StatusCode::OK,
        json!({ "access_token": a.access_token, "expires_in": 3599, "token_type": "Bearer",
                "scope": "https://www.googleapis.com/auth/youtube.upload" }),
    )
}
