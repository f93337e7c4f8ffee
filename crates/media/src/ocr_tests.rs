use super::*;

const TSV: &str =
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t640\t480\t-1\t
2\t1\t1\t0\t0\t0\t20\t30\t400\t90\t-1\t
4\t1\t1\t1\t1\t0\t20\t30\t400\t40\t-1\t
5\t1\t1\t1\t1\t1\t20\t30\t120\t40\t96.5\tAsha
5\t1\t1\t1\t1\t2\t150\t31\t140\t39\t95.1\tVerma
5\t1\t1\t1\t1\t3\t300\t31\t10\t39\t20.0\t 
5\t1\t1\t1\t2\t1\t20\t80\t200\t40\t91\t12/03/2024
";

#[test]
fn keeps_words_with_text_and_their_boxes() {
    let words = parse_tsv(TSV).unwrap();
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts, ["Asha", "Verma", "12/03/2024"]);
    assert_eq!(
        words[1].region,
        Region {
            left: 150,
            top: 31,
            width: 140,
            height: 39
        }
    );
    assert!((words[0].confidence - 96.5).abs() < 1e-6);
}

#[test]
fn text_spans_map_back_to_regions() {
    let recognition = Recognition::from_words(parse_tsv(TSV).unwrap());
    assert_eq!(recognition.text, "Asha Verma\n12/03/2024");
    let name = recognition.text.find("Asha Verma").unwrap();
    assert_eq!(
        recognition.region_of(name..name + 10),
        Some(Region {
            left: 20,
            top: 30,
            width: 270,
            height: 40
        })
    );
    let date = recognition.text.find("2024").unwrap();
    assert_eq!(recognition.region_of(date..date + 4).unwrap().top, 80);
    assert_eq!(recognition.region_of(4..5), None, "the space between words");
}

#[test]
fn malformed_rows_are_errors_not_panics() {
    assert!(parse_tsv("").unwrap().is_empty());
    let short = "level\tpage_num\n5\t1\t1";
    assert_eq!(
        parse_tsv(short).unwrap_err().to_string(),
        "OCR failed: unexpected TSV row 2"
    );
    assert!(parse_tsv("5\t1\t1\t1\t1\t1\tx\t0\t1\t1\t90\tword").is_err());
    let huge = "5\t1\t1\t1\t1\t1\t4294967295\t4294967295\t9\t9\t90\tw";
    let words = parse_tsv(huge).unwrap();
    assert_eq!(words[0].region.right(), u32::MAX);
}

#[test]
fn a_missing_binary_is_reported_as_unavailable() {
    let config = OcrConfig {
        binary: "/nonexistent/tesseract".into(),
        ..OcrConfig::default()
    };
    assert!(matches!(
        recognise(b"\x89PNG", &config),
        Err(MediaError::OcrUnavailable(_))
    ));
}
