//! Hand-built files that exercise container corners the encoders never produce: private
//! chunks, 64-bit boxes, boxes that run to the end, lying lengths, bad checksums.

use crate::check::contains;
use crate::samples::{mp4_box, png_chunk, riff, riff_chunk};
use media::strip;

fn png(extra: &[Vec<u8>]) -> Vec<u8> {
    let mut f = b"\x89PNG\r\n\x1a\n".to_vec();
    f.extend(png_chunk(b"IHDR", &[0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0]));
    f.extend(png_chunk(b"gAMA", &[0, 0, 0xB1, 0x8F]));
    for c in extra {
        f.extend_from_slice(c);
    }
    f.extend(png_chunk(b"IDAT", b"not really zlib"));
    f.extend(png_chunk(b"IEND", b""));
    f
}

#[test]
fn png_private_chunks_go_too() {
    let extra = [png_chunk(b"prVt", b"private"), png_chunk(b"caBX", b"c2pa")];
    let out = strip(&png(&extra)).unwrap();
    assert_eq!(out.bytes, png(&[]));
    assert_eq!((out.width, out.height), (3, 2));
    assert_eq!(out.removed.len(), 2);
}

#[test]
fn png_errors_are_precise() {
    let f = png(&[]);
    // signature 8, IHDR 25, gAMA 16: IDAT runs from 49 to 76.
    let cases: [(&[u8], &str); 2] = [
        (&f[..60], "the PNG ends inside its IDAT chunk"),
        (&f[..33], "the PNG ends before its image data"),
    ];
    for (bytes, message) in cases {
        assert_eq!(strip(bytes).unwrap_err().to_string(), message);
    }
    let mut bad = f.clone();
    bad[60] ^= 1;
    assert_eq!(
        strip(&bad).unwrap_err().to_string(),
        "the PNG is corrupt: its IDAT chunk fails its checksum"
    );
    let no_data = [&f[..49], &png_chunk(b"IEND", b"")].concat();
    assert!(strip(&no_data)
        .unwrap_err()
        .to_string()
        .contains("no image data"));
    let mut zero_width = f.clone();
    zero_width[19] = 0;
    assert!(strip(&zero_width)
        .unwrap_err()
        .to_string()
        .contains("impossible dimensions"));
}

fn vp8l(w: u32, h: u32) -> Vec<u8> {
    let bits = (w - 1) | ((h - 1) << 14);
    let payload = [&[0x2F][..], &bits.to_le_bytes(), b"pix"].concat();
    riff_chunk(b"VP8L", &payload)
}

#[test]
fn webp_unknown_chunks_go_and_padding_is_kept() {
    let with = riff(&[vp8l(10, 5), riff_chunk(b"XYZW", b"odd")]);
    let out = strip(&with).unwrap();
    assert_eq!(out.bytes, riff(&[vp8l(10, 5)]));
    assert_eq!((out.width, out.height), (10, 5));
    let lossy = riff_chunk(b"VP8 ", &[0x50, 0, 0, 0x9D, 0x01, 0x2A, 7, 0, 3, 0x40]);
    let out = strip(&riff(&[lossy])).unwrap();
    assert_eq!((out.width, out.height), (7, 3));
}

#[test]
fn webp_errors_are_precise() {
    let f = riff(&[vp8l(2, 2)]);
    assert_eq!(
        strip(&f[..f.len() - 3]).unwrap_err().to_string(),
        "the WebP ends before the end of its RIFF container"
    );
    let only_exif = riff(&[riff_chunk(b"EXIF", b"x")]);
    assert_eq!(
        strip(&only_exif).unwrap_err().to_string(),
        "the WebP is corrupt: its first chunk is EXIF, not image data"
    );
    let mut lying = f.clone();
    lying[16] = 200;
    assert_eq!(
        strip(&lying).unwrap_err().to_string(),
        "the WebP ends inside its VP8L chunk"
    );
}

fn ftyp() -> Vec<u8> {
    mp4_box(b"ftyp", b"isom\0\0\x02\0isomiso2")
}

#[test]
fn mp4_largesize_and_to_end_boxes_are_understood() {
    let udta = mp4_box(b"udta", &mp4_box(b"\xa9nam", b"ward 7 tour"));
    let mut f = [ftyp(), mp4_box(b"moov", &udta)].concat();
    // A 64-bit sized mdat, then a box that runs to the end of the file.
    f.extend_from_slice(b"\0\0\0\x01mdat");
    f.extend_from_slice(&20u64.to_be_bytes());
    f.extend_from_slice(b"abcd\0\0\0\0freetail");
    let out = strip(&f).unwrap();
    assert_eq!(out.bytes.len(), f.len());
    assert_eq!(out.removed, vec!["'udta' box (27 bytes)"]);
    assert!(!contains(&out.bytes, b"ward"));
    assert_eq!(strip(&out.bytes).unwrap().bytes, out.bytes);
}

#[test]
fn mp4_errors_are_precise() {
    let f = [ftyp(), mp4_box(b"mdat", b"0123456789")].concat();
    assert_eq!(
        strip(&f).unwrap_err().to_string(),
        "the MP4 is corrupt: it has no movie header ('moov' box)"
    );
    let tiny = [ftyp(), b"\0\0\0\x04moov".to_vec()].concat();
    assert!(strip(&tiny)
        .unwrap_err()
        .to_string()
        .contains("impossible size"));
    let mut nested = mp4_box(b"trak", b"");
    for _ in 0..40 {
        nested = mp4_box(b"trak", &nested);
    }
    let deep = [ftyp(), mp4_box(b"moov", &nested)].concat();
    assert!(strip(&deep)
        .unwrap_err()
        .to_string()
        .contains("nested too deeply"));
}
