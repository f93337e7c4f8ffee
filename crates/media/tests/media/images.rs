use crate::check::*;
use crate::samples::*;
use media::{strip, Kind, Stripped};

/// The stripped file decodes to exactly the same pixels and stripping it again changes
/// nothing and reports nothing.
fn assert_pixels_same_and_idempotent(original: &[u8], stripped: &[u8]) {
    let before = image::load_from_memory(original).expect("original decodes");
    let after = image::load_from_memory(stripped).expect("stripped decodes");
    assert_eq!(before.to_rgba8(), after.to_rgba8(), "pixels changed");
    let again = strip(stripped).unwrap();
    assert_eq!(again.bytes, stripped, "second strip changed the file");
    assert!(
        again.removed.is_empty(),
        "second strip removed {:?}",
        again.removed
    );
}

/// Strip a 24×16 sample, checking what it is and that no planted string survives.
fn strip_sample(original: &[u8], kind: Kind) -> Stripped {
    let out = strip(original).unwrap();
    assert_eq!((out.kind, out.width, out.height), (kind, 24, 16));
    assert_no_sentinels(&out.bytes);
    out
}

fn assert_no_sentinels(bytes: &[u8]) {
    for needle in [
        PATIENT,
        CAMERA,
        LATITUDE,
        b"Exif\0\0".as_slice(),
        b"<x:xmpmeta",
    ] {
        assert!(
            !contains(bytes, needle),
            "{:?} survived",
            String::from_utf8_lossy(needle)
        );
    }
}

#[test]
fn jpeg_loses_exif_gps_xmp_iptc_comments_and_trailer() {
    let original = jpeg_with_metadata(1);
    assert!(contains(&original, PATIENT) && contains(&original, CAMERA));
    let out = strip_sample(&original, Kind::Jpeg);
    let markers: Vec<u8> = jpeg_header_segments(&out.bytes)
        .iter()
        .map(|(m, _)| *m)
        .collect();
    assert!(
        markers.iter().all(|m| !matches!(m, 0xE1 | 0xED | 0xFE)),
        "{markers:02X?}"
    );
    assert!(markers.contains(&0xE2), "ICC profile kept");
    assert!(out.bytes.ends_with(&[0xFF, 0xD9]));
    assert_eq!(out.removed.len(), 5, "{:?}", out.removed);
    assert_pixels_same_and_idempotent(&original, &out.bytes);
}

#[test]
fn jpeg_rotation_survives_as_a_one_tag_exif() {
    let original = jpeg_with_metadata(6);
    let out = strip(&original).unwrap();
    let exif: Vec<Vec<u8>> = jpeg_header_segments(&out.bytes)
        .into_iter()
        .filter(|(m, _)| *m == 0xE1)
        .map(|(_, p)| p)
        .collect();
    assert_eq!(exif.len(), 1);
    assert_orientation_only(exif[0].strip_prefix(b"Exif\0\0").unwrap(), 6);
    for needle in [PATIENT, CAMERA, LATITUDE] {
        assert!(!contains(&out.bytes, needle));
    }
    assert_pixels_same_and_idempotent(&original, &out.bytes);
}

#[test]
fn png_loses_text_exif_and_time() {
    let original = png_with_metadata(1);
    let out = strip_sample(&original, Kind::Png);
    let types = png_chunk_types(&out.bytes);
    for gone in ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"] {
        assert!(!types.iter().any(|t| t == gone), "{gone} in {types:?}");
    }
    assert!(types.iter().any(|t| t == "pHYs"));
    assert_eq!(types.first().map(String::as_str), Some("IHDR"));
    assert_eq!(types.last().map(String::as_str), Some("IEND"));
    assert_eq!(out.removed.len(), 5, "{:?}", out.removed);
    assert_pixels_same_and_idempotent(&original, &out.bytes);
}

#[test]
fn webp_loses_exif_xmp_and_their_flags() {
    let original = webp_with_metadata(1);
    let out = strip_sample(&original, Kind::WebP);
    let chunks = webp_chunks(&out.bytes);
    let names: Vec<&str> = chunks.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["VP8X", "VP8L"]);
    assert_eq!(chunks[0].1[0] & 0x0C, 0, "EXIF and XMP flags cleared");
    assert_eq!(out.removed.len(), 2, "{:?}", out.removed);
    assert_pixels_same_and_idempotent(&original, &out.bytes);
}

#[test]
fn gif_loses_comments_and_foreign_applications_keeps_looping() {
    let original = gif_with_metadata();
    let out = strip_sample(&original, Kind::Gif);
    let extensions = gif_extensions(&out.bytes);
    assert!(extensions.iter().any(|e| e == "NETSCAPE2.0"));
    assert!(!extensions.iter().any(|e| e == "0xFE" || e == "XMP DataXMP"));
    assert_eq!(out.removed.len(), 3, "{:?}", out.removed);
    assert_pixels_same_and_idempotent(&original, &out.bytes);
}

#[test]
fn files_without_metadata_come_back_unchanged() {
    for format in [
        image::ImageFormat::Png,
        image::ImageFormat::WebP,
        image::ImageFormat::Gif,
    ] {
        let plain = encode(format);
        let out = strip(&plain).unwrap();
        assert_eq!(out.bytes, plain, "{format:?}");
        assert!(out.removed.is_empty(), "{format:?}: {:?}", out.removed);
    }
}

#[test]
fn png_and_webp_rotation_survive_as_a_one_tag_exif() {
    let png = png_with_metadata(6);
    let out = strip(&png).unwrap();
    let chunks = png_chunk_types(&out.bytes);
    assert_eq!(chunks.iter().filter(|c| *c == "eXIf").count(), 1);
    let at = out.bytes.windows(4).position(|w| w == b"eXIf").unwrap();
    let len = u32::from_be_bytes(out.bytes[at - 4..at].try_into().unwrap()) as usize;
    assert_orientation_only(&out.bytes[at + 4..at + 4 + len], 6);
    assert_pixels_same_and_idempotent(&png, &out.bytes);

    let webp = webp_with_metadata(6);
    let out = strip(&webp).unwrap();
    let chunks = webp_chunks(&out.bytes);
    let names: Vec<&str> = chunks.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["VP8X", "VP8L", "EXIF"]);
    assert_eq!(
        chunks[0].1[0] & 0x0C,
        0x08,
        "EXIF flag kept, XMP flag cleared"
    );
    assert_orientation_only(&chunks[2].1, 6);
    assert_pixels_same_and_idempotent(&webp, &out.bytes);
    for bytes in [&strip(&png).unwrap().bytes, &out.bytes] {
        for needle in [PATIENT, CAMERA, LATITUDE] {
            assert!(!contains(bytes, needle));
        }
    }
}
