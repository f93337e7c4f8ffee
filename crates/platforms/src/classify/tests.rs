//! Each platform's documented error shapes, and properties that hold for any input.

use super::*;
use proptest::prelude::*;

fn now() -> Timestamp {
    Timestamp::from_second(1_750_000_000).unwrap()
}

fn reply(status: u16, body: &str) -> Reply {
    Reply::new(status, vec![], body.to_string())
}

fn with_headers(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
    let h = headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Reply::new(status, h, body.to_string())
}

fn class(p: Platform, r: &Reply) -> PublishError {
    classify(p, r, now())
}

fn is_rejected(e: &PublishError, want: RejectKind) -> bool {
    matches!(e, PublishError::Rejected { kind, .. } if *kind == want)
}

#[test]
fn transport_phase_decides_between_not_received_and_unknown() {
    assert!(matches!(
        classify_transport(Phase::BeforeSend, "connection refused"),
        PublishError::NotReceived { .. }
    ));
    assert!(matches!(
        classify_transport(Phase::AfterSend, "timeout"),
        PublishError::Unknown { .. }
    ));
}

#[test]
fn shared_status_rules() {
    for p in Platform::ALL {
        assert!(
            matches!(class(p, &reply(503, "")), PublishError::NotReceived { .. }),
            "{p:?}"
        );
        assert!(
            matches!(class(p, &reply(500, "")), PublishError::Unknown { .. }),
            "{p:?}"
        );
        assert!(
            matches!(class(p, &reply(502, "")), PublishError::Unknown { .. }),
            "{p:?}"
        );
        assert!(
            matches!(class(p, &reply(504, "")), PublishError::Unknown { .. }),
            "{p:?}"
        );
        assert!(
            matches!(
                class(p, &reply(426, "")),
                PublishError::VersionSunset { .. }
            ),
            "{p:?}"
        );
        assert!(
            matches!(class(p, &reply(401, "")), PublishError::AuthExpired { .. }),
            "{p:?}"
        );
        assert!(
            matches!(class(p, &reply(302, "")), PublishError::Unknown { .. }),
            "{p:?}"
        );
        let r = with_headers(429, &[("Retry-After", "30")], "");
        assert!(
            matches!(class(p, &r), PublishError::NotReceived { retry_after: Some(d), .. } if d.as_secs() == 30),
            "{p:?}"
        );
        assert!(class(p, &r).provably_not_created(), "{p:?}");
    }
}

#[test]
fn retry_after_accepts_an_http_date() {
    let r = with_headers(503, &[("retry-after", "Sun, 15 Jun 2025 15:07:20 GMT")], "");
    // now() is 2025-06-15T15:06:40Z
    assert_eq!(retry_after(&r, now()), Some(Duration::from_secs(40)));
}

#[test]
fn graph_errors() {
    let fb = |code: i64, sub: i64| {
        let body = format!(
            r#"{{"error":{{"message":"m","type":"OAuthException","code":{code},"error_subcode":{sub},"fbtrace_id":"A"}}}}"#
        );
        class(Platform::Facebook, &reply(400, &body))
    };
    assert!(matches!(fb(190, 463), PublishError::AuthExpired { .. }));
    assert!(matches!(fb(190, 460), PublishError::Revoked { .. }));
    assert!(matches!(fb(190, 458), PublishError::Revoked { .. }));
    assert!(matches!(fb(200, 0), PublishError::Revoked { .. }));
    assert!(matches!(fb(32, 0), PublishError::RateLimited { .. }));
    assert!(is_rejected(&fb(506, 0), RejectKind::Duplicate));
    assert!(is_rejected(&fb(100, 0), RejectKind::Invalid));
    assert!(is_rejected(&fb(100, 33), RejectKind::NotFound));
    assert!(matches!(fb(12, 0), PublishError::VersionSunset { .. }));
    assert!(matches!(
        fb(368, 0),
        PublishError::Rejected {
            permanent: false,
            ..
        }
    ));
    // Instagram: publishing limit, container not ready.
    let ig = class(
        Platform::Instagram,
        &reply(
            400,
            r#"{"error":{"code":9,"error_subcode":2207042,"message":"limit"}}"#,
        ),
    );
    assert!(matches!(ig, PublishError::RateLimited { .. }));
    let ig = class(
        Platform::Instagram,
        &reply(
            400,
            r#"{"error":{"code":9007,"error_subcode":2207027,"message":"not ready"}}"#,
        ),
    );
    assert!(matches!(ig, PublishError::NotReceived { .. }));
    // A transient code on a 500 stays Unknown: Graph may have acted.
    let t = class(
        Platform::Facebook,
        &reply(
            500,
            r#"{"error":{"code":2,"is_transient":true,"message":"x"}}"#,
        ),
    );
    assert!(matches!(t, PublishError::Unknown { .. }));
}

#[test]
fn graph_rate_limit_reads_regain_time() {
    let r = with_headers(
        400,
        &[(
            "x-business-use-case-usage",
            r#"{"123":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":15}]}"#,
        )],
        r#"{"error":{"code":80001,"message":"too many"}}"#,
    );
    match class(Platform::Facebook, &r) {
        PublishError::RateLimited { until, .. } => {
            assert_eq!(until, Timestamp::from_second(1_750_000_000 + 900).ok())
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn google_errors() {
    let g = |status: u16, reason: &str, st: &str| {
        let body = format!(
            r#"{{"error":{{"code":{status},"message":"m","errors":[{{"reason":"{reason}","domain":"youtube"}}],"status":"{st}"}}}}"#
        );
        class(Platform::Youtube, &reply(status, &body))
    };
    assert!(matches!(
        g(401, "authError", "UNAUTHENTICATED"),
        PublishError::AuthExpired { .. }
    ));
    assert!(matches!(
        g(403, "quotaExceeded", "PERMISSION_DENIED"),
        PublishError::RateLimited { until: Some(_), .. }
    ));
    assert!(matches!(
        g(403, "insufficientPermissions", "PERMISSION_DENIED"),
        PublishError::Revoked { .. }
    ));
    assert!(is_rejected(
        &g(400, "invalidTitle", "INVALID_ARGUMENT"),
        RejectKind::Invalid
    ));
    assert!(is_rejected(
        &g(404, "videoNotFound", "NOT_FOUND"),
        RejectKind::NotFound
    ));
    assert!(matches!(
        g(503, "backendError", "UNAVAILABLE"),
        PublishError::NotReceived { .. }
    ));
    assert!(matches!(
        g(500, "backendError", "INTERNAL"),
        PublishError::Unknown { .. }
    ));
    let oauth = reply(
        400,
        r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#,
    );
    assert!(matches!(
        class(Platform::GoogleBusiness, &oauth),
        PublishError::Revoked { .. }
    ));
}

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

fn any_platform() -> impl Strategy<Value = Platform> {
    proptest::sample::select(Platform::ALL.to_vec())
}

fn any_headers() -> impl Strategy<Value = Vec<(String, String)>> {
    let names = proptest::sample::select(vec![
        "retry-after",
        "x-rate-limit-reset",
        "x-user-limit-24hour-remaining",
        "x-user-limit-24hour-reset",
        "ratelimit-reset",
        "x-ratelimit-reset",
        "x-business-use-case-usage",
        "content-type",
    ]);
    proptest::collection::vec((names.prop_map(String::from), ".{0,40}"), 0..4)
}

/// Bodies that look like each platform's errors with arbitrary values, plus noise.
fn any_body() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,200}",
        (any::<i64>(), any::<i64>())
            .prop_map(|(c, s)| format!(r#"{{"error":{{"code":{c},"error_subcode":{s}}}}}"#)),
        ".{0,30}".prop_map(|e| serde_json::json!({ "error": e }).to_string()),
        (".{0,20}", ".{0,20}").prop_map(|(r, s)| {
            serde_json::json!({ "error": { "errors": [{ "reason": r }], "status": s } }).to_string()
        }),
        (".{0,20}", ".{0,40}")
            .prop_map(|(c, m)| serde_json::json!({ "code": c, "message": m }).to_string()),
        (".{0,40}", ".{0,40}")
            .prop_map(|(t, d)| serde_json::json!({ "type": t, "detail": d }).to_string()),
    ]
}

proptest! {
    #[test]
    fn classification_never_panics(p in any_platform(), status in 0u16..1000, headers in any_headers(), body in any_body()) {
        let r = Reply::new(status, headers, body);
        let _ = classify(p, &r, now());
    }

    /// A 5xx other than 503 (and 501) never claims the post was not created.
    #[test]
    fn server_errors_stay_unknown(p in any_platform(), status in 500u16..600, body in any_body()) {
        prop_assume!(status != 503 && status != 501);
        let r = Reply::new(status, vec![], body);
        let unknown = matches!(classify(p, &r, now()), PublishError::Unknown { .. });
        prop_assert!(unknown);
    }

    /// A request that never left is never Unknown, and one that did is never "not received".
    #[test]
    fn transport_phase_is_respected(detail in ".{0,40}") {
        prop_assert!(classify_transport(Phase::BeforeSend, &detail).provably_not_created());
        prop_assert!(!classify_transport(Phase::AfterSend, &detail).provably_not_created());
    }
}
