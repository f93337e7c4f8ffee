//! Each platform's documented error shapes, and properties that hold for any input.

use super::*;

pub(super) fn now() -> Timestamp {
    Timestamp::from_second(1_750_000_000).unwrap()
}

pub(super) fn reply(status: u16, body: &str) -> Reply {
    Reply::new(status, vec![], body.to_string())
}

pub(super) fn with_headers(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
    let h = headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Reply::new(status, h, body.to_string())
}

pub(super) fn class(p: Platform, r: &Reply) -> PublishError {
    classify(p, r, now())
}

pub(super) fn is_rejected(e: &PublishError, want: RejectKind) -> bool {
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

mod platforms;
mod properties;
