//! The access guard: one middleware, run after routing, that identifies the caller
//! (session cookie for pages, bearer token for `/api`), checks CSRF on every unsafe form
//! post, and enforces the route's permission from [`crate::access::ROUTES`]. Refusals are
//! audited.

use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::Summary;
use service::auth::Session;
use service::Actor;
use store::audit::{self, Event};
use subtle::ConstantTimeEq;

use crate::access::{self, Access};
use crate::cookies;
use crate::error::AppError;
use crate::state::AppState;

/// The signed-in caller, available to handlers as an extension.
#[derive(Clone, Debug)]
pub struct Principal {
    pub actor: Actor,
    /// Present for browser sessions, absent for API tokens.
    pub session: Option<Session>,
}

/// The CSRF token to embed in forms on this page.
#[derive(Clone, Debug)]
pub struct Csrf(pub String);

/// The client's address, for login throttling.
#[derive(Clone, Debug)]
pub struct ClientAddr(pub String);

fn client_addr(req: &Request, st: &AppState) -> String {
    if st.config.trust_proxy {
        if let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            return first.trim().to_string();
        }
    }
    req.extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

async fn identify(
    st: &AppState,
    headers: &axum::http::HeaderMap,
    api: bool,
) -> Result<Option<Principal>, AppError> {
    let now = st.now_ms();
    if api {
        let Some(token) = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        else {
            return Ok(None);
        };
        let actor = service::tokens::authenticate(&st.db, token.trim(), now).await?;
        return Ok(actor.map(|actor| Principal {
            actor,
            session: None,
        }));
    }
    let Some(secret) = cookies::get(headers, cookies::SESSION) else {
        return Ok(None);
    };
    let session = service::auth::session(&st.db, secret, now).await?;
    Ok(session.map(|s| Principal {
        actor: s.actor.clone(),
        session: Some(s),
    }))
}

fn is_plumbing(route: &str) -> bool {
    matches!(
        route,
        "/healthz" | "/readyz" | "/metrics" | "/static/{file}"
    )
}

fn is_unsafe(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn ct_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Buffer the body (bounded), find the submitted CSRF token (header or form field), and
/// hand back a request with the same body.
async fn check_csrf(st: &AppState, req: Request, expected: &str) -> Result<Request, AppError> {
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let limit = if multipart {
        st.config.max_upload_bytes
    } else {
        st.config.max_body_bytes
    };
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, limit)
        .await
        .map_err(|_| AppError::PayloadTooLarge)?;
    let submitted = header_token.or_else(|| {
        if multipart {
            return multipart_field(&bytes, "csrf_token");
        }
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v)
    });
    match submitted {
        Some(t) if !expected.is_empty() && ct_eq(&t, expected) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        _ => Err(AppError::Csrf),
    }
}

async fn audit_denied(st: &AppState, actor: &Actor, route: &str, method: &Method) {
    let ev = Event::new(Some(actor.org_id), "access.denied", "route", route)
        .with(Summary::new().value("method", method.as_str()));
    let res = async {
        let mut tx = st.db.begin().await?;
        audit::append(&mut tx, st.now_ms(), &actor.audit(), &ev).await?;
        tx.commit().await
    }
    .await;
    if let Err(e) = res {
        tracing::error!(error = %e, "could not audit a refused request");
    }
}

pub async fn enforce(
    State(st): State<AppState>,
    matched: MatchedPath,
    mut req: Request,
    next: Next,
) -> Response {
    let route = matched.as_str().to_owned();
    let method = req.method().clone();
    let api = access::is_api(&route);
    let fail = |e: AppError| {
        if api {
            e.into_json()
        } else {
            e.into_response()
        }
    };

    let Some(access) = access::lookup(method.as_str(), &route) else {
        return fail(AppError::Internal(format!(
            "route {method} {route} is missing from the access table"
        )));
    };
    let headers = req.headers().clone();
    let principal = match identify(&st, &headers, api).await {
        Ok(p) => p,
        Err(e) => return fail(e),
    };

    // CSRF: the session's token when signed in, else the pre-session cookie.
    let mut new_pre_cookie = None;
    let csrf = match principal.as_ref().and_then(|p| p.session.as_ref()) {
        Some(s) => s.csrf_token.clone(),
        None => match cookies::get(req.headers(), cookies::PRE_CSRF) {
            Some(v) => v.to_owned(),
            // Only pages carry forms; operational endpoints and assets need no cookie.
            None if !api && method == Method::GET && !is_plumbing(&route) => {
                let v = store::random_secret(32);
                new_pre_cookie = Some(v.clone());
                v
            }
            None => String::new(),
        },
    };
    if !api && is_unsafe(&method) {
        req = match check_csrf(&st, req, &csrf).await {
            Ok(r) => r,
            Err(e) => return fail(e),
        };
    }

    let addr = client_addr(&req, &st);
    req.extensions_mut().insert(ClientAddr(addr));
    req.extensions_mut().insert(Csrf(csrf));

    match (access, principal) {
        (Access::Public, p) => {
            if let Some(p) = p {
                req.extensions_mut().insert(p);
            }
        }
        (Access::Member(_), None) => {
            if api {
                return AppError::Unauthorized.into_json();
            }
            let next_path = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            let to = format!("/login?next={}", urlencode(next_path));
            return Redirect::to(&to).into_response();
        }
        (Access::Member(perm), Some(p)) => {
            if !p.actor.role.can(perm) {
                audit_denied(&st, &p.actor, &route, &method).await;
                return fail(AppError::Forbidden);
            }
            req.extensions_mut().insert(p);
        }
    }

    let mut res = next.run(req).await;
    if let Some(v) = new_pre_cookie {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(cookies::PRE_CSRF, &v, 86_400, st.config.secure_cookies),
        );
    }
    res
}

/// A small text field of a multipart body: the value after `name="…"` and its blank line.
/// Enough for the CSRF token, which forms put first; files are left to the handler.
fn multipart_field(body: &[u8], name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\"");
    let at = body
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())?;
    let rest = &body[at + needle.len()..];
    let start = rest.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let value = &rest[start..];
    let end = value.windows(2).position(|w| w == b"\r\n")?;
    std::str::from_utf8(&value[..end]).ok().map(str::to_owned)
}

/// Percent-encode a path for use as a query value.
fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|v| v.trim_start_matches('=').to_string())
        .unwrap_or_default()
}

/// Only same-site paths are followed after sign-in (no open redirects).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") => {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_local_only() {
        assert_eq!(safe_next(Some("/settings")), "/settings");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn finds_multipart_field() {
        let body = b"--X\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc123\r\n--X--\r\n";
        assert_eq!(
            multipart_field(body, "csrf_token").as_deref(),
            Some("abc123")
        );
        assert_eq!(multipart_field(body, "other"), None);
    }

    #[test]
    fn encodes_next() {
        assert_eq!(urlencode("/a b?c=1&d"), "%2Fa+b%3Fc%3D1%26d");
    }
}
