//! Sample files built in the test: pixels encoded by the `image` crate, metadata spliced in
//! by hand in the places real cameras and editors put it.

use image::{ImageFormat, RgbImage};
use std::io::Cursor;

/// Strings that must not survive stripping anywhere in the output.
pub const PATIENT: &[u8] = b"Asha Verma";
pub const CAMERA: &[u8] = b"PhoneCo X9";
pub const LATITUDE: &[u8] = b"28.6139";

pub fn encode(format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(24, 16, |x, y| {
        image::Rgb([(x * 10) as u8, (y * 15) as u8, ((x + y) * 5) as u8])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), format)
        .expect("encode sample");
    out
}

fn jpeg_segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A little-endian EXIF payload: Make, Orientation, and a GPS IFD with latitude N 28°36'50".
pub fn exif_payload(orientation: u16) -> Vec<u8> {
    let mut t = b"Exif\0\0II\x2a\0\x08\0\0\0".to_vec();
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    // IFD0 at 8: 3 entries (2 + 36 + 4 = 42 bytes), Make string at 50, GPS IFD at 62.
    t.extend_from_slice(&3u16.to_le_bytes());
    entry(&mut t, 0x010F, 2, 11, 50);
    entry(&mut t, 0x0112, 3, 1, u32::from(orientation));
    entry(&mut t, 0x8825, 4, 1, 62);
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(CAMERA);
    t.extend_from_slice(b"\0\0");
    // GPS IFD: LatitudeRef "N", Latitude 3 rationals at 92.
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from(b'N'));
    entry(&mut t, 0x0002, 5, 3, 92);
    t.extend_from_slice(&0u32.to_le_bytes());
    for (num, den) in [(28u32, 1u32), (36, 1), (50, 1)] {
        t.extend_from_slice(&num.to_le_bytes());
        t.extend_from_slice(&den.to_le_bytes());
    }
    t
}

fn xmp_packet() -> Vec<u8> {
    let mut x =
        b"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
            .to_vec();
    x.extend_from_slice(b"<exif:GPSLatitude>");
    x.extend_from_slice(LATITUDE);
    x.extend_from_slice(b"N</exif:GPSLatitude><dc:creator>");
    x.extend_from_slice(PATIENT);
    x.extend_from_slice(b"</dc:creator></x:xmpmeta><?xpacket end='w'?>");
    x
}

/// JPEG from the encoder with EXIF (GPS), XMP, IPTC, a comment, an ICC profile and bytes
/// after the end marker, placed right after the JFIF header as cameras do.
pub fn jpeg_with_metadata(orientation: u16) -> Vec<u8> {
    let mut f = encode(ImageFormat::Jpeg);
    let at = if f[2..4] == [0xFF, 0xE0] {
        4 + usize::from(u16::from_be_bytes([f[4], f[5]]))
    } else {
        2
    };
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend(xmp_packet());
    let mut iptc = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x0f\x1c\x02\x05\0\x0a".to_vec();
    iptc.extend_from_slice(PATIENT);
    let segments = [
        jpeg_segment(0xE1, &exif_payload(orientation)),
        jpeg_segment(0xE1, &xmp),
        jpeg_segment(0xED, &iptc),
        jpeg_segment(0xFE, PATIENT),
        jpeg_segment(0xE2, b"ICC_PROFILE\0\x01\x01"),
    ]
    .concat();
    f.splice(at..at, segments);
    f.extend_from_slice(b"\xff\xd8trailer from a phone: ");
    f.extend_from_slice(PATIENT);
    f
}

/// CRC-32 of PNG, computed bit by bit (the crate under test uses a table).
pub fn png_crc(data: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let crc = png_crc(&c[4..]);
    c.extend_from_slice(&crc.to_be_bytes());
    c
}

/// PNG with tEXt, zTXt, iTXt, eXIf and tIME after IHDR, plus a kept pHYs chunk.
pub fn png_with_metadata(orientation: u16) -> Vec<u8> {
    let mut f = encode(ImageFormat::Png);
    let text = [b"Author\0".as_slice(), PATIENT].concat();
    let itxt = [b"Description\0\0\0\0\0".as_slice(), LATITUDE].concat();
    let chunks = [
        png_chunk(b"pHYs", &[0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]),
        png_chunk(b"tEXt", &text),
        png_chunk(b"zTXt", b"Comment\0\0\x78\x9c\x03\0\0\0\0\x01"),
        png_chunk(b"iTXt", &itxt),
        png_chunk(b"eXIf", &exif_payload(orientation)[6..]),
        png_chunk(b"tIME", &[0x07, 0xEA, 11, 22, 9, 30, 0]),
    ]
    .concat();
    f.splice(33..33, chunks);
    f
}

pub fn riff_chunk(kind: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut c = kind.to_vec();
    c.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_le_bytes());
    c.extend_from_slice(payload);
    if payload.len() % 2 == 1 {
        c.push(0);
    }
    c
}

/// The encoder's simple lossless WebP turned into an extended one with EXIF and XMP
/// chunks and their VP8X flags set, as an editor would save it.
pub fn webp_with_metadata(orientation: u16) -> Vec<u8> {
    let simple = encode(ImageFormat::WebP);
    let image_chunk = &simple[12..];
    let (w, h) = (24u32 - 1, 16u32 - 1);
    let mut vp8x = vec![0x08 | 0x04, 0, 0, 0];
    vp8x.extend_from_slice(&w.to_le_bytes()[..3]);
    vp8x.extend_from_slice(&h.to_le_bytes()[..3]);
    riff(&[
        riff_chunk(b"VP8X", &vp8x),
        image_chunk.to_vec(),
        riff_chunk(b"EXIF", &exif_payload(orientation)[6..]),
        riff_chunk(b"XMP ", &xmp_packet()),
    ])
}

/// GIF with a comment and an XMP application extension before the image, and one after.
pub fn gif_with_metadata() -> Vec<u8> {
    let mut f = encode(ImageFormat::Gif);
    let packed = f[10];
    let at = 13
        + if packed & 0x80 != 0 {
            3 << ((packed & 7) + 1)
        } else {
            0
        };
    let mut comment = vec![0x21, 0xFE, u8::try_from(PATIENT.len()).unwrap()];
    comment.extend_from_slice(PATIENT);
    comment.push(0);
    let mut app = b"\x21\xff\x0bXMP DataXMP".to_vec();
    for piece in xmp_packet().chunks(255) {
        app.push(u8::try_from(piece.len()).unwrap());
        app.extend_from_slice(piece);
    }
    app.push(0);
    let looping = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\0\0\0".to_vec();
    f.splice(at..at, [looping, comment.clone(), app].concat());
    let trailer = f.len() - 1;
    f.splice(trailer..trailer, comment);
    f
}

/// An MP4 box with a 32-bit size.
pub fn mp4_box(kind: &[u8], body: &[u8]) -> Vec<u8> {
    let mut b = u32::try_from(body.len() + 8)
        .unwrap()
        .to_be_bytes()
        .to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

/// A WebP from chunks, with the RIFF size computed.
pub fn riff(chunks: &[Vec<u8>]) -> Vec<u8> {
    let body = chunks.concat();
    let mut f = b"RIFF".to_vec();
    f.extend_from_slice(&u32::try_from(body.len() + 4).unwrap().to_le_bytes());
    f.extend_from_slice(b"WEBP");
    f.extend(body);
    f
}
