//! Independent readers for the stripped output: the proof that metadata is gone comes from
//! parsing the result, not from trusting the stripper's own report.

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A TIFF payload that is a big-endian IFD0 at 8 with exactly one entry:
/// Orientation (0x0112), SHORT, = `value`. No GPS pointer, no camera, nothing else.
pub fn assert_orientation_only(tiff: &[u8], value: u16) {
    assert_eq!(&tiff[..8], b"MM\0\x2a\0\0\0\x08");
    assert_eq!(&tiff[8..10], &[0, 1], "one entry");
    assert_eq!(&tiff[10..12], &[0x01, 0x12], "Orientation");
    assert_eq!(&tiff[18..20], &value.to_be_bytes());
    assert_eq!(tiff.len(), 26, "nothing but the one entry");
}

/// Marker and payload of every JPEG segment before the first scan.
pub fn jpeg_header_segments(f: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pos = 2;
    while f[pos] == 0xFF && f[pos + 1] != 0xDA {
        let len = usize::from(u16::from_be_bytes([f[pos + 2], f[pos + 3]]));
        out.push((f[pos + 1], f[pos + 4..pos + 2 + len].to_vec()));
        pos += 2 + len;
    }
    out
}

pub fn png_chunk_types(f: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 8;
    while pos + 8 <= f.len() {
        let len = u32::from_be_bytes(f[pos..pos + 4].try_into().unwrap()) as usize;
        out.push(String::from_utf8_lossy(&f[pos + 4..pos + 8]).into_owned());
        pos += 12 + len;
    }
    out
}

/// (fourcc, payload) of each top-level chunk inside the RIFF, checking the RIFF size.
pub fn webp_chunks(f: &[u8]) -> Vec<(String, Vec<u8>)> {
    let riff = u32::from_le_bytes(f[4..8].try_into().unwrap()) as usize;
    assert_eq!(riff + 8, f.len(), "RIFF size must cover the file exactly");
    let mut out = Vec::new();
    let mut pos = 12;
    while pos < f.len() {
        let len = u32::from_le_bytes(f[pos + 4..pos + 8].try_into().unwrap()) as usize;
        let name = String::from_utf8_lossy(&f[pos..pos + 4]).into_owned();
        out.push((name, f[pos + 8..pos + 8 + len].to_vec()));
        pos += 8 + len + (len & 1);
    }
    out
}

/// Labels of every GIF extension block, with the application identifier for 0xFF.
pub fn gif_extensions(f: &[u8]) -> Vec<String> {
    let packed = f[10];
    let mut pos = 13
        + if packed & 0x80 != 0 {
            3 << ((packed & 7) + 1)
        } else {
            0
        };
    let mut out = Vec::new();
    let skip = |mut pos: usize| {
        while f[pos] != 0 {
            pos += 1 + usize::from(f[pos]);
        }
        pos + 1
    };
    while f[pos] != 0x3B {
        if f[pos] == 0x21 {
            let label = f[pos + 1];
            out.push(if label == 0xFF {
                String::from_utf8_lossy(&f[pos + 3..pos + 14]).into_owned()
            } else {
                format!("0x{label:02X}")
            });
            pos = skip(pos + 2);
        } else {
            let packed = f[pos + 9];
            pos += 10
                + if packed & 0x80 != 0 {
                    3 << ((packed & 7) + 1)
                } else {
                    0
                };
            pos = skip(pos + 1);
        }
    }
    out
}

/// Paths of every box in an MP4 tree ("moov/trak/tkhd"), descending into the usual
/// containers.
pub fn mp4_box_paths(f: &[u8], prefix: &str, out: &mut Vec<(String, usize, usize)>) {
    let mut pos = 0;
    while pos + 8 <= f.len() {
        let size = u32::from_be_bytes(f[pos..pos + 4].try_into().unwrap()) as usize;
        let name = String::from_utf8_lossy(&f[pos + 4..pos + 8]).into_owned();
        let path = format!("{prefix}{name}");
        out.push((path.clone(), pos, size));
        if ["moov", "trak", "mdia", "minf", "stbl", "udta"].contains(&name.as_str()) {
            let mut inner = Vec::new();
            mp4_box_paths(&f[pos + 8..pos + size], &format!("{path}/"), &mut inner);
            out.extend(
                inner
                    .into_iter()
                    .map(|(p, at, size)| (p, at + pos + 8, size)),
            );
        }
        pos += size;
    }
}
