//! X, LinkedIn, Mastodon and Bluesky error shapes.

use super::*;

#[test]
fn x_errors() {
    let dup = reply(
        403,
        r#"{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}"#,
    );
    assert!(is_rejected(
        &class(Platform::X, &dup),
        RejectKind::Duplicate
    ));
    let forbidden = reply(
        403,
        r#"{"title":"Client Forbidden","type":"https://api.x.com/2/problems/client-forbidden","reason":"client-not-enrolled","status":403}"#,
    );
    assert!(matches!(
        class(Platform::X, &forbidden),
        PublishError::Revoked { .. }
    ));
    let not_permitted = reply(
        403,
        r#"{"detail":"You are not permitted to perform this action.","type":"about:blank","status":403}"#,
    );
    assert!(is_rejected(
        &class(Platform::X, &not_permitted),
        RejectKind::Policy
    ));
    let invalid = reply(
        400,
        r#"{"errors":[{"message":"text too long"}],"title":"Invalid Request","type":"https://api.x.com/2/problems/invalid-request"}"#,
    );
    assert!(is_rejected(
        &class(Platform::X, &invalid),
        RejectKind::Invalid
    ));
    let unauthorized = reply(
        401,
        r#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#,
    );
    assert!(matches!(
        class(Platform::X, &unauthorized),
        PublishError::AuthExpired { .. }
    ));
    let limited = with_headers(
        429,
        &[
            ("x-rate-limit-remaining", "0"),
            ("x-rate-limit-reset", "1750000900"),
        ],
        "{}",
    );
    assert_eq!(
        class(Platform::X, &limited),
        PublishError::RateLimited {
            until: Timestamp::from_second(1_750_000_900).ok(),
            detail: "X 429".into()
        }
    );
    let daily = with_headers(
        429,
        &[
            ("x-rate-limit-reset", "1750000900"),
            ("x-user-limit-24hour-remaining", "0"),
            ("x-user-limit-24hour-reset", "1750080000"),
        ],
        "{}",
    );
    assert!(
        matches!(class(Platform::X, &daily), PublishError::RateLimited { until: Some(t), .. } if t.as_second() == 1_750_080_000)
    );
    let bad_refresh = reply(
        400,
        r#"{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"#,
    );
    assert!(matches!(
        class(Platform::X, &bad_refresh),
        PublishError::Revoked { .. }
    ));
}

#[test]
fn linkedin_errors() {
    let li = |status: u16, code: &str, msg: &str| {
        let body = format!(
            r#"{{"status":{status},"serviceErrorCode":65600,"code":"{code}","message":"{msg}"}}"#
        );
        class(Platform::Linkedin, &reply(status, &body))
    };
    assert!(matches!(
        li(
            401,
            "EXPIRED_ACCESS_TOKEN",
            "The token used in the request has expired"
        ),
        PublishError::AuthExpired { .. }
    ));
    assert!(matches!(
        li(
            401,
            "REVOKED_ACCESS_TOKEN",
            "The token used in the request has been revoked by the user"
        ),
        PublishError::Revoked { .. }
    ));
    assert!(matches!(
        li(
            426,
            "NONEXISTENT_VERSION",
            "Requested version 20230101 is not active"
        ),
        PublishError::VersionSunset { .. }
    ));
    assert!(is_rejected(
        &li(
            422,
            "UNPROCESSABLE_ENTITY",
            "Content is a duplicate of urn:li:share:1"
        ),
        RejectKind::Duplicate
    ));
    assert!(matches!(
        li(403, "ACCESS_DENIED", "Not enough permissions"),
        PublishError::Revoked { .. }
    ));
    let limited = class(
        Platform::Linkedin,
        &reply(429, r#"{"status":429,"message":"Resource level throttle"}"#),
    );
    assert!(
        matches!(limited, PublishError::RateLimited { until: Some(t), .. } if t.as_second() % 86_400 == 0)
    );
}

#[test]
fn mastodon_errors() {
    let m = |status: u16, error: &str| {
        class(
            Platform::Mastodon,
            &reply(status, &format!(r#"{{"error":"{error}"}}"#)),
        )
    };
    assert!(matches!(
        m(401, "The access token expired"),
        PublishError::AuthExpired { .. }
    ));
    assert!(matches!(
        m(401, "The access token was revoked"),
        PublishError::Revoked { .. }
    ));
    assert!(matches!(
        m(401, "The access token is invalid"),
        PublishError::Revoked { .. }
    ));
    assert!(is_rejected(
        &m(
            422,
            "Validation failed: Text character limit of 500 exceeded"
        ),
        RejectKind::Invalid
    ));
    let r = with_headers(
        429,
        &[("X-RateLimit-Reset", "2025-06-15T15:36:40.000Z")],
        r#"{"error":"Too many requests"}"#,
    );
    assert!(
        matches!(class(Platform::Mastodon, &r), PublishError::RateLimited { until: Some(t), .. } if t.as_second() == 1_750_001_800)
    );
}

#[test]
fn bluesky_errors() {
    let b = |status: u16, error: &str| {
        class(
            Platform::Bluesky,
            &reply(status, &format!(r#"{{"error":"{error}","message":"m"}}"#)),
        )
    };
    assert!(matches!(
        b(400, "ExpiredToken"),
        PublishError::AuthExpired { .. }
    ));
    assert!(matches!(
        b(401, "AuthenticationRequired"),
        PublishError::Revoked { .. }
    ));
    assert!(matches!(
        b(400, "AccountTakedown"),
        PublishError::Revoked { .. }
    ));
    assert!(is_rejected(&b(400, "InvalidRequest"), RejectKind::Invalid));
    assert!(is_rejected(&b(400, "RecordNotFound"), RejectKind::NotFound));
    assert!(matches!(
        b(500, "InternalServerError"),
        PublishError::Unknown { .. }
    ));
    assert!(matches!(
        b(501, "MethodNotImplemented"),
        PublishError::VersionSunset { .. }
    ));
    let r = with_headers(
        429,
        &[("ratelimit-reset", "1750000300")],
        r#"{"error":"RateLimitExceeded"}"#,
    );
    assert!(
        matches!(class(Platform::Bluesky, &r), PublishError::RateLimited { until: Some(t), .. } if t.as_second() == 1_750_000_300)
    );
}
