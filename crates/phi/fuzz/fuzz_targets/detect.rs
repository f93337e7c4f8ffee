#![no_main]
//! `cargo fuzz run detect` from crates/phi: any UTF-8 must be handled without panics and
//! with spans on character boundaries.

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn det() -> &'static phi::Detector {
    static D: OnceLock<phi::Detector> = OnceLock::new();
    D.get_or_init(|| phi::Detector::new(phi::DetectorConfig::default()))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let found = det().detect(text);
        for f in &found {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        let _ = phi::redact(text, &found, phi::RedactionStyle::Placeholder);
    }
});
