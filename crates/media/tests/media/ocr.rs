//! OCR on an image the test draws itself: a patient's name and a date in a blocky 5×7
//! pixel font, scaled up. Skips (with a note on stderr) where tesseract is not installed.

use media::ocr::{recognise, OcrConfig};
use media::MediaError;
use std::time::Duration;

const GLYPHS: [(char, [u8; 7]); 14] = [
    ('A', [0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11]),
    ('S', [0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E]),
    ('H', [0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11]),
    ('V', [0x11, 0x11, 0x11, 0x11, 0x0A, 0x0A, 0x04]),
    ('E', [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F]),
    ('R', [0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11]),
    ('M', [0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11]),
    ('0', [0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E]),
    ('1', [0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E]),
    ('2', [0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F]),
    ('3', [0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E]),
    ('4', [0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02]),
    ('/', [0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x10]),
    (' ', [0; 7]),
];

const SCALE: u32 = 6;
const MARGIN: u32 = 40;

/// Black text on white, one line per string, encoded as PNG.
fn render(lines: &[&str]) -> Vec<u8> {
    let columns = lines.iter().map(|l| l.len()).max().unwrap_or(0) as u32;
    let width = 2 * MARGIN + columns * 6 * SCALE;
    let height = 2 * MARGIN + lines.len() as u32 * 11 * SCALE;
    let mut img = image::GrayImage::from_pixel(width, height, image::Luma([255]));
    for (row, line) in lines.iter().enumerate() {
        for (column, ch) in line.chars().enumerate() {
            let (_, glyph) = GLYPHS.iter().find(|(c, _)| *c == ch).expect("glyph");
            for (y, bits) in glyph.iter().enumerate() {
                for x in 0..5 {
                    if bits & (0x10 >> x) == 0 {
                        continue;
                    }
                    let left = MARGIN + (column as u32 * 6 + x) * SCALE;
                    let top = MARGIN + (row as u32 * 11 + y as u32) * SCALE;
                    for dy in 0..SCALE {
                        for dx in 0..SCALE {
                            img.put_pixel(left + dx, top + dy, image::Luma([0]));
                        }
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
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
