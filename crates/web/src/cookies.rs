//! Cookie handling without a cookie jar: Bedside sets only two cookies.

use axum::http::{header, HeaderMap, HeaderValue};

pub const SESSION: &str = "bedside_session";
/// Double-submit token for forms shown before sign-in (login, setup, invitations).
pub const PRE_CSRF: &str = "bedside_csrf";

pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// HttpOnly, SameSite=Lax, Path=/, and Secure when served over TLS.
pub fn set(name: &str, value: &str, max_age_s: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let v = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_s}{secure}");
    HeaderValue::from_str(&v).expect("cookie values are hex")
}

pub fn clear(name: &str, secure: bool) -> HeaderValue {
    set(name, "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookie_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; bedside_session=abc; b=2"),
        );
        assert_eq!(get(&h, SESSION), Some("abc"));
        assert_eq!(get(&h, "missing"), None);
    }

    #[test]
    fn attributes() {
        let v = set(SESSION, "ab", 60, true);
        assert_eq!(
            v.to_str().unwrap(),
            "bedside_session=ab; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
    }
}
