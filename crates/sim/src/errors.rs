//! Errors in each platform's own words: status, headers and body shaped as the real API
//! documents them, so the clients' classifiers are exercised for real.

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::platform::Platform;
use serde_json::{json, Value};

/// What went wrong, independent of platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    ExpiredToken,
    InvalidToken,
    Revoked,
    Sunset,
    RateLimited {
        retry_after: Option<u64>,
        reset_in: u64,
    },
    Server(u16),
    NotFound(String),
    Invalid(String),
    Duplicate(String),
}

pub fn respond(platform: Platform, problem: Problem) -> Response {
    let (status, body, mut headers) = match platform {
        Platform::Facebook | Platform::Instagram => graph(platform, &problem),
        Platform::Youtube | Platform::GoogleBusiness => google(&problem),
        Platform::X => x(&problem),
        Platform::Linkedin => linkedin(&problem),
        Platform::Mastodon => mastodon(&problem),
        Platform::Bluesky => xrpc(&problem),
    };
    if let Problem::RateLimited {
        retry_after: Some(s),
        ..
    } = problem
    {
        headers.push(("retry-after", s.to_string()));
    }
    let mut map = HeaderMap::new();
    for (k, v) in headers {
        if let Ok(v) = HeaderValue::from_str(&v) {
            map.insert(HeaderName::from_static(k), v);
        }
    }
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (code, map, Json(body)).into_response()
}

type Shaped = (u16, Value, Vec<(&'static str, String)>);

fn epoch_in(secs: u64) -> i64 {
    jiff::Timestamp::now().as_second() + secs as i64
}

fn graph(platform: Platform, p: &Problem) -> Shaped {
    let e = |status: u16, code: i64, sub: Option<i64>, msg: &str| {
        let mut err = json!({ "message": msg, "type": "OAuthException", "code": code, "fbtrace_id": "SimTrace" });
        if let Some(s) = sub {
            err["error_subcode"] = json!(s);
        }
        (status, json!({ "error": err }), vec![])
    };
    match p {
        Problem::ExpiredToken => e(
            400,
            190,
            Some(463),
            "Error validating access token: Session has expired.",
        ),
        Problem::InvalidToken => e(400, 190, None, "Invalid OAuth access token."),
        Problem::Revoked => e(
            400,
            190,
            Some(458),
            "Error validating access token: The user has not authorized application.",
        ),
        Problem::Sunset => e(
            400,
            12,
            None,
            "(#12) This endpoint is deprecated for versions v23.0 and higher",
        ),
        Problem::RateLimited { reset_in, .. } => {
            let (code, msg) = if platform == Platform::Instagram {
                (4, "(#4) Application request limit reached")
            } else {
                (32, "(#32) Page request limit reached")
            };
            let (status, body, _) = e(400, code, None, msg);
            let usage = json!({ "sim": [{ "type": "pages", "call_count": 100,
                "estimated_time_to_regain_access": reset_in.div_ceil(60) }] });
            (
                status,
                body,
                vec![("x-business-use-case-usage", usage.to_string())],
            )
        }
        Problem::Server(s) => {
            let (_, mut body, h) = e(
                *s,
                2,
                None,
                "An unexpected error has occurred. Please retry your request later.",
            );
            body["error"]["is_transient"] = json!(true);
            (*s, body, h)
        }
        Problem::NotFound(m) => e(400, 100, Some(33), m),
        Problem::Invalid(m) => e(400, 100, None, m),
        Problem::Duplicate(m) => e(400, 506, None, m),
    }
}

fn google(p: &Problem) -> Shaped {
    let e = |status: u16, reason: &str, st: &str, msg: &str| {
        let body = json!({ "error": { "code": status, "message": msg, "status": st,
            "errors": [{ "message": msg, "domain": "global", "reason": reason }] } });
        (status, body, vec![])
    };
    match p {
        // Google does not tell an expired token from a revoked one; the refresh does.
        Problem::ExpiredToken | Problem::InvalidToken | Problem::Revoked => e(
            401,
            "authError",
            "UNAUTHENTICATED",
            "Request had invalid authentication credentials.",
        ),
        Problem::Sunset => e(
            426,
            "deprecated",
            "FAILED_PRECONDITION",
            "This API version is no longer available.",
        ),
        Problem::RateLimited { .. } => e(
            429,
            "rateLimitExceeded",
            "RESOURCE_EXHAUSTED",
            "Rate Limit Exceeded",
        ),
        Problem::Server(503) => e(
            503,
            "backendError",
            "UNAVAILABLE",
            "The service is currently unavailable.",
        ),
        Problem::Server(s) => e(*s, "backendError", "INTERNAL", "Backend Error"),
        Problem::NotFound(m) => e(404, "notFound", "NOT_FOUND", m),
        Problem::Invalid(m) => e(400, "badRequest", "INVALID_ARGUMENT", m),
        Problem::Duplicate(m) => e(409, "duplicate", "ALREADY_EXISTS", m),
    }
}

fn x(p: &Problem) -> Shaped {
    let e = |status: u16, title: &str, kind: &str, detail: &str| {
        (
            status,
            json!({ "title": title, "type": kind, "status": status, "detail": detail }),
            vec![],
        )
    };
    match p {
        // X answers a plain 401 for expired, invalid and revoked tokens alike.
        Problem::ExpiredToken | Problem::InvalidToken | Problem::Revoked => {
            e(401, "Unauthorized", "about:blank", "Unauthorized")
        }
        Problem::Sunset => e(
            426,
            "Upgrade Required",
            "about:blank",
            "This endpoint version is no longer supported.",
        ),
        Problem::RateLimited { reset_in, .. } => {
            let (s, b, _) = e(429, "Too Many Requests", "about:blank", "Too Many Requests");
            let h = vec![
                ("x-rate-limit-limit", "100".to_string()),
                ("x-rate-limit-remaining", "0".to_string()),
                ("x-rate-limit-reset", epoch_in(*reset_in).to_string()),
            ];
            (s, b, h)
        }
        Problem::Server(s) => e(
            *s,
            "Service Unavailable",
            "about:blank",
            "Service Unavailable",
        ),
        Problem::NotFound(m) => e(
            404,
            "Not Found Error",
            "https://api.x.com/2/problems/resource-not-found",
            m,
        ),
        Problem::Invalid(m) => e(
            400,
            "Invalid Request",
            "https://api.x.com/2/problems/invalid-request",
            m,
        ),
        Problem::Duplicate(_) => e(
            403,
            "Forbidden",
            "about:blank",
            "You are not allowed to create a Tweet with duplicate content.",
        ),
    }
}

fn linkedin(p: &Problem) -> Shaped {
    let e = |status: u16, service: i64, code: &str, msg: &str| {
        (
            status,
            json!({ "status": status, "serviceErrorCode": service, "code": code, "message": msg }),
            vec![],
        )
    };
    match p {
        Problem::ExpiredToken => e(
            401,
            65601,
            "EXPIRED_ACCESS_TOKEN",
            "The token used in the request has expired",
        ),
        Problem::InvalidToken => e(401, 65600, "INVALID_ACCESS_TOKEN", "Invalid access token"),
        Problem::Revoked => e(
            401,
            65602,
            "REVOKED_ACCESS_TOKEN",
            "The token used in the request has been revoked by the user",
        ),
        Problem::Sunset => e(
            426,
            0,
            "NONEXISTENT_VERSION",
            "Requested version is not active",
        ),
        Problem::RateLimited { .. } => e(
            429,
            101,
            "TOO_MANY_REQUESTS",
            "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.",
        ),
        Problem::Server(s) => e(*s, 0, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
        Problem::NotFound(m) => e(404, 0, "NOT_FOUND", m),
        Problem::Invalid(m) => e(422, 0, "UNPROCESSABLE_ENTITY", m),
        Problem::Duplicate(m) => e(
            422,
            0,
            "UNPROCESSABLE_ENTITY",
            &format!("Content is a duplicate of {m}"),
        ),
    }
}

fn mastodon(p: &Problem) -> Shaped {
    let e = |status: u16, msg: &str| (status, json!({ "error": msg }), vec![]);
    match p {
        Problem::ExpiredToken => e(401, "The access token expired"),
        Problem::InvalidToken => e(401, "The access token is invalid"),
        Problem::Revoked => e(401, "The access token was revoked"),
        Problem::Sunset => e(426, "This API version is no longer supported"),
        Problem::RateLimited { reset_in, .. } => {
            let (s, b, _) = e(429, "Too many requests");
            let reset = jiff::Timestamp::from_second(epoch_in(*reset_in))
                .map(|t| t.to_string())
                .unwrap_or_default();
            let h = vec![
                ("x-ratelimit-limit", "300".to_string()),
                ("x-ratelimit-remaining", "0".to_string()),
                ("x-ratelimit-reset", reset),
            ];
            (s, b, h)
        }
        Problem::Server(s) => e(*s, "Internal server error"),
        Problem::NotFound(_) => e(404, "Record not found"),
        Problem::Invalid(m) => e(422, &format!("Validation failed: {m}")),
        Problem::Duplicate(m) => e(422, &format!("Validation failed: {m}")),
    }
}

fn xrpc(p: &Problem) -> Shaped {
    let e = |status: u16, name: &str, msg: &str| {
        (status, json!({ "error": name, "message": msg }), vec![])
    };
    match p {
        // The PDS answers 400 for an expired access token.
        Problem::ExpiredToken => e(400, "ExpiredToken", "Token has expired"),
        Problem::InvalidToken => e(401, "InvalidToken", "Token could not be verified"),
        Problem::Revoked => e(
            401,
            "AuthenticationRequired",
            "Invalid identifier or password",
        ),
        Problem::Sunset => e(501, "MethodNotImplemented", "Method Not Implemented"),
        Problem::RateLimited { reset_in, .. } => {
            let (s, b, _) = e(429, "RateLimitExceeded", "Rate Limit Exceeded");
            let h = vec![
                ("ratelimit-limit", "5000".to_string()),
                ("ratelimit-remaining", "0".to_string()),
                ("ratelimit-reset", epoch_in(*reset_in).to_string()),
            ];
            (s, b, h)
        }
        Problem::Server(s) => e(*s, "InternalServerError", "Internal Server Error"),
        Problem::NotFound(m) => e(400, "RecordNotFound", m),
        Problem::Invalid(m) => e(400, "InvalidRequest", m),
        // Creating a record whose key exists: the PDS answers 500 today.
        Problem::Duplicate(_) => e(500, "InternalServerError", "Internal Server Error"),
    }
}
