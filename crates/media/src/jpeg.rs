//! JPEG: a sequence of marker segments (ITU T.81 annex B). We copy the segments a decoder
//! needs, drop the ones that describe the photo or the person who took it, and copy the
//! entropy-coded scans byte for byte.

use crate::bytes::{be_u16, slice};
use crate::{exif, MediaError, Rewritten};

const FORMAT: &str = "JPEG";
const EXIF_ID: &[u8] = b"Exif\0\0";

pub(crate) fn strip(bytes: &[u8]) -> Result<Rewritten, MediaError> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut removed = Vec::new();
    let mut size = None;
    let mut kept_exif: Option<Vec<u8>> = None;
    let mut exif_at = 2;
    let mut seen_scan = false;
    let mut pos = 2;
    loop {
        let marker = next_marker(bytes, &mut pos, seen_scan)?;
        match marker {
            0xD9 => {
                if !seen_scan {
                    return Err(MediaError::corrupt(FORMAT, "it ends before its image data"));
                }
                out.extend_from_slice(&[0xFF, 0xD9]);
                let trailing = bytes.len() - pos;
                if trailing > 0 {
                    removed.push(format!("{trailing} bytes after the end of the image"));
                }
                break;
            }
            0xD8 => {
                return Err(MediaError::corrupt(
                    FORMAT,
                    "a second start-of-image marker",
                ))
            }
            0x01 | 0xD0..=0xD7 => out.extend_from_slice(&[0xFF, marker]),
            _ => {
                let segment = segment(bytes, pos, marker, seen_scan)?;
                let payload = &segment[4..];
                pos += segment.len() - 2;
                if is_frame_header(marker) {
                    size = Some(frame_size(payload)?);
                }
                match classify(marker, payload) {
                    Keep::Yes => {
                        let first = out.len() == 2;
                        out.extend_from_slice(segment);
                        // JFIF must stay first; a restored EXIF goes right after it.
                        if marker == 0xE0 && first {
                            exif_at = out.len();
                        }
                    }
                    Keep::No(what) => {
                        if marker == 0xE1 && payload.starts_with(EXIF_ID) {
                            let (kept, dropped) = exif::reduce(&payload[EXIF_ID.len()..]);
                            kept_exif = kept_exif.or(kept);
                            if !dropped {
                                continue;
                            }
                        }
                        removed.push(format!("{what} ({} bytes)", segment.len()));
                    }
                }
                if marker == 0xDA {
                    if size.is_none() {
                        return Err(MediaError::corrupt(
                            FORMAT,
                            "its image data comes before its frame header",
                        ));
                    }
                    seen_scan = true;
                    let end = scan_end(bytes, pos)?;
                    out.extend_from_slice(&bytes[pos..end]);
                    pos = end;
                }
            }
        }
    }
    if let Some(tiff) = kept_exif {
        out.splice(exif_at..exif_at, exif_segment(&tiff));
    }
    let (width, height) = size.ok_or_else(|| MediaError::corrupt(FORMAT, "no frame header"))?;
    Ok(Rewritten {
        bytes: out,
        width,
        height,
        removed,
    })
}

/// Move `pos` past the 0xFF (and any fill bytes) and the marker code; returns the code.
fn next_marker(bytes: &[u8], pos: &mut usize, seen_scan: bool) -> Result<u8, MediaError> {
    let where_ = if seen_scan {
        "before its end marker"
    } else {
        "before its image data"
    };
    match bytes.get(*pos) {
        None => return Err(MediaError::truncated(FORMAT, where_)),
        Some(0xFF) => {}
        Some(_) => {
            return Err(MediaError::corrupt(
                FORMAT,
                format!("expected a marker at byte {pos}", pos = *pos),
            ))
        }
    }
    while bytes.get(*pos) == Some(&0xFF) {
        *pos += 1;
    }
    let marker = *bytes
        .get(*pos)
        .ok_or_else(|| MediaError::truncated(FORMAT, where_))?;
    *pos += 1;
    Ok(marker)
}

/// The whole segment, marker included, starting two bytes before `pos`.
fn segment(bytes: &[u8], pos: usize, marker: u8, seen_scan: bool) -> Result<&[u8], MediaError> {
    let cut = || {
        let what = if seen_scan {
            format!("inside its {} segment", name(marker))
        } else {
            "before its image data".to_string()
        };
        MediaError::truncated(FORMAT, what)
    };
    let length = usize::from(be_u16(bytes, pos).ok_or_else(cut)?);
    if length < 2 {
        return Err(MediaError::corrupt(
            FORMAT,
            format!("its {} segment has an impossible length", name(marker)),
        ));
    }
    slice(bytes, pos - 2, length + 2).ok_or_else(cut)
}

/// Where the entropy-coded data starting at `pos` ends: the first marker that is neither
/// a stuffed 0xFF00 nor a restart marker.
fn scan_end(bytes: &[u8], mut pos: usize) -> Result<usize, MediaError> {
    loop {
        let ff = bytes[pos..]
            .iter()
            .position(|&b| b == 0xFF)
            .map(|i| pos + i)
            .ok_or_else(|| MediaError::truncated(FORMAT, "before the end of its image data"))?;
        match bytes.get(ff + 1) {
            None => {
                return Err(MediaError::truncated(
                    FORMAT,
                    "before the end of its image data",
                ))
            }
            Some(0x00 | 0xD0..=0xD7) => pos = ff + 2,
            Some(0xFF) => pos = ff + 1,
            Some(_) => return Ok(ff),
        }
    }
}

fn is_frame_header(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

fn frame_size(payload: &[u8]) -> Result<(u32, u32), MediaError> {
    let height = be_u16(payload, 1);
    let width = be_u16(payload, 3);
    match (width, height) {
        (Some(0), _) => Err(MediaError::corrupt(FORMAT, "its width is zero")),
        (Some(_), Some(0)) => Err(MediaError::corrupt(
            FORMAT,
            "its height is given by a DNL marker, which is not supported",
        )),
        (Some(w), Some(h)) => Ok((u32::from(w), u32::from(h))),
        _ => Err(MediaError::corrupt(FORMAT, "its frame header is too short")),
    }
}

enum Keep {
    Yes,
    No(String),
}

/// Keep what decoding and colour need; drop everything that describes the capture.
fn classify(marker: u8, payload: &[u8]) -> Keep {
    let n = marker.wrapping_sub(0xE0);
    match marker {
        0xE0 if payload.starts_with(b"JFIF\0") => Keep::Yes,
        0xE0 if payload.starts_with(b"JFXX\0") => Keep::No("APP0 JFXX thumbnail".into()),
        0xE1 if payload.starts_with(EXIF_ID) => Keep::No("APP1 EXIF".into()),
        0xE1 if payload.starts_with(b"http://ns.adobe.com/xap/1.0/\0") => {
            Keep::No("APP1 XMP".into())
        }
        0xE1 if payload.starts_with(b"http://ns.adobe.com/xmp/extension/\0") => {
            Keep::No("APP1 extended XMP".into())
        }
        0xE2 if payload.starts_with(b"ICC_PROFILE\0") => Keep::Yes,
        0xE2 if payload.starts_with(b"MPF\0") => Keep::No("APP2 multi-picture index".into()),
        0xED => Keep::No("APP13 IPTC/Photoshop".into()),
        0xEE if payload.starts_with(b"Adobe") => Keep::Yes,
        0xE0..=0xEF => Keep::No(format!("APP{n}")),
        0xFE => Keep::No("COM comment".into()),
        _ => Keep::Yes,
    }
}

fn name(marker: u8) -> String {
    match marker {
        0xDA => "SOS".into(),
        0xDB => "DQT".into(),
        0xC4 => "DHT".into(),
        0xDD => "DRI".into(),
        0xFE => "COM".into(),
        0xE0..=0xEF => format!("APP{}", marker - 0xE0),
        m if is_frame_header(m) => format!("SOF{}", m - 0xC0),
        m => format!("0x{m:02X}"),
    }
}

/// An APP1 segment holding `tiff` (a few dozen bytes, so the length always fits).
fn exif_segment(tiff: &[u8]) -> Vec<u8> {
    let length = u16::try_from(2 + EXIF_ID.len() + tiff.len()).unwrap_or(u16::MAX);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(EXIF_ID);
    segment.extend_from_slice(tiff);
    segment
}

#[cfg(test)]
#[path = "jpeg_tests.rs"]
mod tests;
