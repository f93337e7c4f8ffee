//! OCR on an image the test draws itself: a patient's name and a date in a blocky 5×7
//! pixel font, scaled up. Skips (with a note on stderr) where tesseract is not installed.

use media::ocr::{recognise, OcrConfig};
use media::testing::{MARGIN, SCALE};
use media::MediaError;
use std::time::Duration;

/// Black text on white in a blocky pixel font, as PNG (`media::testing`).
fn render(lines: &[&str]) -> Vec<u8> {
    media::testing::text_png(lines)
}

#[test]
fn reads_a_name_and_a_date_with_their_regions() {
    let png = render(&["ASHA VERMA", "12/03/2024"]);
    let config = OcrConfig {
        timeout: Duration::from_secs(120),
        ..OcrConfig::default()
    };
    let started = std::time::Instant::now();
    let recognition = match recognise(&png, &config) {
        Err(MediaError::OcrUnavailable(why)) => {
            eprintln!("SKIPPED: tesseract is not installed ({why})");
            return;
        }
        other => other.unwrap(),
    };
    eprintln!("OCR took {:?}: {:?}", started.elapsed(), recognition.text);
    let text = recognition.text.to_uppercase();
    let name = text.find("VERMA").expect("surname read");
    assert!(text.contains("2024"), "{text:?}");
    let region = recognition.region_of(name..name + 5).unwrap();
    // The second word of the first line: right half, top band of the image.
    assert!(region.left > MARGIN + 4 * 6 * SCALE, "{region:?}");
    assert!(region.top < MARGIN + 11 * SCALE, "{region:?}");
    let year = text.find("2024").unwrap();
    let date = recognition.region_of(year..year + 4).unwrap();
    assert!(
        date.top > region.bottom(),
        "the date is on the second line: {date:?}"
    );
}

#[test]
fn garbage_input_is_a_precise_failure() {
    match recognise(b"not an image", &OcrConfig::default()) {
        Err(MediaError::OcrUnavailable(why)) => eprintln!("SKIPPED: {why}"),
        Err(MediaError::OcrFailed(why)) => assert!(why.contains("tesseract exited"), "{why}"),
        other => panic!("expected a failure, got {other:?}"),
    }
}
