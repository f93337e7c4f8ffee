use super::*;

fn seg(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A structurally valid (not decodable) JPEG: the parser only needs the structure.
fn sample(extra: &[Vec<u8>]) -> Vec<u8> {
    let mut f = vec![0xFF, 0xD8];
    f.extend(seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    for s in extra {
        f.extend_from_slice(s);
    }
    f.extend(seg(0xDB, &[0; 65]));
    f.extend(seg(0xC0, &[8, 0, 20, 0, 30, 1, 1, 0x11, 0]));
    f.extend(seg(0xDA, &[1, 1, 0, 0, 63, 0]));
    f.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD9]);
    f
}

fn exif_with_orientation(value: u8) -> Vec<u8> {
    let mut p = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x02".to_vec();
    p.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0]);
    // GPS IFD pointer: must not survive.
    p.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0x26]);
    p.extend_from_slice(&[0, 0, 0, 0]);
    p
}

#[test]
fn drops_metadata_keeps_structure() {
    let com = seg(0xFE, b"patient: Asha");
    let xmp = seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>");
    let icc = seg(0xE2, b"ICC_PROFILE\0\x01\x01profile");
    let iptc = seg(0xED, b"Photoshop 3.0\08BIM");
    let plain = sample(&[]);
    let with = sample(&[com, xmp, icc.clone(), iptc, seg(0xEE, b"Adobe\0\x64")]);
    let out = strip(&with).unwrap();
    assert_eq!((out.width, out.height), (30, 20));
    assert_eq!(out.removed.len(), 3, "{:?}", out.removed);
    assert!(out.removed.iter().any(|r| r.starts_with("APP13 IPTC")));
    let mut expected = plain.clone();
    let at = 20; // after SOI + APP0
    expected.splice(at..at, icc.iter().copied().chain(seg(0xEE, b"Adobe\0\x64")));
    assert_eq!(out.bytes, expected);
}

#[test]
fn keeps_only_orientation_from_exif() {
    let with = sample(&[seg(0xE1, &exif_with_orientation(6))]);
    let out = strip(&with).unwrap();
    assert_eq!(out.removed.len(), 1);
    let app1 = &out.bytes[20..];
    assert_eq!(&app1[..2], &[0xFF, 0xE1]);
    let tiff = &app1[10..];
    assert_eq!(exif::ifd0_tags(tiff), Some(vec![0x0112]));
    assert_eq!(exif::orientation(tiff), Some(6));
    let again = strip(&out.bytes).unwrap();
    assert_eq!(again.bytes, out.bytes);
    assert!(again.removed.is_empty());
}

#[test]
fn default_orientation_leaves_no_exif() {
    let out = strip(&sample(&[seg(0xE1, &exif_with_orientation(1))])).unwrap();
    assert_eq!(out.bytes, sample(&[]));
}

#[test]
fn trailing_bytes_after_eoi_are_dropped() {
    let mut f = sample(&[]);
    f.extend_from_slice(b"\xff\xd8 second image with its own EXIF");
    let out = strip(&f).unwrap();
    assert_eq!(out.bytes, sample(&[]));
    assert_eq!(out.removed, vec!["33 bytes after the end of the image"]);
}

#[test]
fn truncation_is_named() {
    let f = sample(&[]);
    let before_scan = strip(&f[..30]).unwrap_err();
    assert_eq!(
        before_scan.to_string(),
        "the JPEG ends before its image data"
    );
    let in_scan = strip(&f[..f.len() - 2]).unwrap_err();
    assert_eq!(
        in_scan.to_string(),
        "the JPEG ends before the end of its image data"
    );
}

#[test]
fn corrupt_structures_are_named() {
    let mut no_frame = vec![0xFF, 0xD8];
    no_frame.extend(seg(0xDA, &[1, 1, 0, 0, 63, 0]));
    no_frame.extend_from_slice(&[0, 0xFF, 0xD9]);
    assert!(strip(&no_frame)
        .unwrap_err()
        .to_string()
        .contains("before its frame header"));
    let mut bad_len = sample(&[]);
    bad_len[4..6].copy_from_slice(&[0, 1]);
    assert!(strip(&bad_len)
        .unwrap_err()
        .to_string()
        .contains("impossible length"));
    let mut garbage = sample(&[]);
    garbage[2] = 0x00;
    assert!(matches!(strip(&garbage), Err(MediaError::Corrupt { .. })));
}

#[test]
fn progressive_scans_and_tables_between_them_are_kept() {
    let mut f = sample(&[]);
    let eoi = f.len() - 2;
    let second_scan = [
        seg(
            0xC4,
            &[0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
        ),
        seg(0xFE, b"between scans"),
        seg(0xDA, &[1, 1, 0, 1, 63, 0]),
        vec![0x77, 0xFF, 0x00, 0x88],
    ]
    .concat();
    f.splice(eoi..eoi, second_scan);
    let out = strip(&f).unwrap();
    assert_eq!(out.removed, vec!["COM comment (17 bytes)"]);
    assert_eq!(out.bytes.len(), f.len() - 17);
    assert!(out.bytes.ends_with(&[0x77, 0xFF, 0x00, 0x88, 0xFF, 0xD9]));
}
