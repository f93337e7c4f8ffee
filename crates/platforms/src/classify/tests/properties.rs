//! Properties of classification that hold for any input.

use super::super::*;
use super::now;
use proptest::prelude::*;

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
