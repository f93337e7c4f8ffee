//! Properties that must hold for any input: no panic, spans on char boundaries inside
//! the text, deterministic output, and redaction that removes every reported span.

use phi::{redact, Detector, DetectorConfig, RedactionStyle};
use proptest::prelude::*;
use std::sync::OnceLock;

fn det() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(|| Detector::new(DetectorConfig::default()))
}

/// Text that looks like the input the detector cares about: words, names, digits,
/// separators, non-ASCII letters and emoji.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Julie ".to_string()),
        Just("Guzman".to_string()),
        Just("Mr. ".to_string()),
        Just("room 412".to_string()),
        Just("H.No. 54, ".to_string()),
        Just("@".to_string()),
        Just("://".to_string()),
        Just("श्री राम जी".to_string()),
        Just("😊".to_string()),
        Just("\n".to_string()),
        Just("\\n".to_string()),
        Just(", ".to_string()),
        Just("PSC 12, Box 3".to_string()),
        Just("NY 10001".to_string()),
        Just("Apt. 5".to_string()),
        Just("+91 ".to_string()),
        Just("May".to_string()),
        Just("@abdm".to_string()),
        "[0-9]{1,5}",
        "[-./()+ x:]{1,2}",
        "[A-Z][a-zé]{1,8}",
        "[a-z]{1,6}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let found = det().detect(text);
    for f in &found {
        assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        assert_eq!(text[..f.start].chars().count(), f.char_start);
        assert_eq!(text[..f.end].chars().count(), f.char_end);
        assert!((0.0..=1.0).contains(&f.confidence));
    }
    assert_eq!(found, det().detect(text), "deterministic");
    for style in [RedactionStyle::Placeholder, RedactionStyle::Mask('█')] {
        let red = redact(text, &found, style);
        for f in &found {
            let s = f.text(text);
            // A reported span's non-space text is gone unless it also occurs elsewhere.
            let elsewhere = text.matches(s).count() > 1 || s.trim().len() < 3;
            if !elsewhere {
                assert!(!red.contains(s), "{s:?} survived in {red:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_utf8(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn texty_input(text in texty()) {
        check(&text);
    }
}

#[test]
fn long_text_is_linear_enough() {
    let line = "Patient Julie Guzman, DOB 03/14/1961, call 555-201-4477, 12 Main St, Springfield. ";
    let text = line.repeat(20_000); // ~1.7 MB
    let t = std::time::Instant::now();
    let found = det().detect(&text);
    assert!(found.len() >= 20_000 * 3);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}
