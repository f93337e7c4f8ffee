//! How long OCR takes per image: renders a small whiteboard and a full page of text with
//! `media::testing`, reads each `N` times with Tesseract (eng+hin) and prints the median
//! and the slowest. `cargo run --release -p media --features testing --example ocr_time -- 5`

use std::time::Instant;

use media::ocr::{recognise, OcrConfig};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let board = media::testing::text_png(&[
        "PATIENT: ASHA VERMA",
        "DOB 12/03/1961",
        "BED 4 POST-OP DAY 2",
    ]);
    let line = "Ward 3 handover: bloods due at 06:00, review fluids, call family";
    let page_lines: Vec<&str> = std::iter::repeat_n(line, 24).collect();
    let page = media::testing::text_png(&page_lines);
    let cfg = OcrConfig::default();
    for (name, img) in [("whiteboard (3 lines)", &board), ("page (24 lines)", &page)] {
        let mut times = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            match recognise(img, &cfg) {
                Ok(_) => times.push(t.elapsed().as_secs_f64()),
                Err(e) => {
                    eprintln!("{name}: {e}");
                    std::process::exit(1);
                }
            }
        }
        times.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{name}: {} bytes, median {:.2} s, slowest {:.2} s over {rounds} runs",
            img.len(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
