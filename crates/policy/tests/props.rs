//! Properties over arbitrary input: the engine never panics on any UTF-8 text or context,
//! every reported span lies within the text on character boundaries, and checking is
//! deterministic.

use policy::{CheckRequest, Engine, OrgPolicy};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| Engine::new(OrgPolicy::default()))
}

const CHANNELS: &[&str] = &[
    "google_review_reply",
    "facebook_post",
    "instagram_dm",
    "press_release",
    "facebook_comment_inbound",
    "facebook_comment_reply",
    "personal_facebook_post",
    "google_review",
    "patient_sms",
    "weird",
];

/// Text built from fragments that exercise the rules, mixed with arbitrary characters.
fn texty() -> impl Strategy<Value = String> {
    let frag = prop_oneof![
        Just("your surgery ".to_string()),
        Just("आपका इलाज ".to_string()),
        Just("Dr. Rao ".to_string()),
        Just("Mrs. Kamala Devi, 91, ".to_string()),
        Just("last Thursday ".to_string()),
        Just("call 555-0133 ".to_string()),
        Just("https://x.example/a?patient=jo&dx=hiv ".to_string()),
        Just("boy or girl? ".to_string()),
        Just("I want to die. ".to_string()),
        Just("\u{2019}\u{093C}\u{200D} ".to_string()),
        any::<String>(),
    ];
    prop::collection::vec(frag, 0..8).prop_map(|v| v.concat())
}

fn request(text: String, ch: usize, j: bool, inbound: bool, reply: Option<String>) -> CheckRequest {
    let json = serde_json::json!({
        "id": 1, "text": text, "channel": CHANNELS[ch % CHANNELS.len()],
        "jurisdiction": if j { "US" } else { "IN" },
        "direction": if inbound { "inbound" } else { "outbound" },
        "in_reply_to": reply,
    });
    serde_json::from_value(json).expect("valid request")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_valid_and_checks_deterministic(
        text in texty(), ch in 0usize..20, j: bool, inbound: bool, reply in proptest::option::of(texty())
    ) {
        let req = request(text.clone(), ch, j, inbound, reply);
        let a = engine().check(&req);
        let b = engine().check(&req);
        prop_assert_eq!(&a, &b);
        let n = text.chars().count();
        for f in &a.findings {
            prop_assert!(f.start <= f.end && f.end <= n, "finding {:?} outside {}", f, n);
            let slice: String = text.chars().skip(f.start).take(f.end - f.start).collect();
            prop_assert_eq!(slice, f.text.clone());
        }
        for p in &a.phi {
            prop_assert!(p.start < p.end && p.end <= n, "phi {:?} outside {}", p, n);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>(), reply in any::<String>()) {
        let req = request(text, 0, true, false, Some(reply));
        let _ = engine().check(&req);
    }
}
