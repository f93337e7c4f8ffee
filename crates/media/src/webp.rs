//! WebP: a RIFF container of chunks (RFC 9649). We rebuild the container from the chunks
//! that carry pixels, animation and colour, clear the VP8X flags that announce EXIF and
//! XMP, and write the new RIFF size. A rotated image keeps an EXIF chunk holding only its
//! orientation (and its flag).

use crate::bytes::{fourcc, le_u16, le_u24, le_u32, slice};
use crate::{exif, MediaError, Rewritten};

const FORMAT: &str = "WebP";
const KEPT: [&[u8; 4]; 7] = [
    b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L",
];
const EXIF_FLAG: u8 = 0x08;
const XMP_FLAG: u8 = 0x04;

pub(crate) fn strip(bytes: &[u8]) -> Result<Rewritten, MediaError> {
    let declared =
        le_u32(bytes, 4).ok_or_else(|| MediaError::truncated(FORMAT, "in its header"))?;
    let riff_end = usize::try_from(declared)
        .ok()
        .and_then(|n| n.checked_add(8))
        .filter(|&end| end <= bytes.len())
        .ok_or_else(|| MediaError::truncated(FORMAT, "before the end of its RIFF container"))?;
    let mut body = Vec::with_capacity(riff_end);
    let mut removed = Vec::new();
    let mut size = None;
    let mut has_image = false;
    let mut kept_exif = false;
    let mut flags = None;
    let mut pos = 12;
    while pos < riff_end {
        let kind: [u8; 4] = crate::bytes::array(&bytes[..riff_end], pos)
            .ok_or_else(|| MediaError::truncated(FORMAT, "inside a chunk header"))?;
        let name = fourcc(&kind);
        let length = le_u32(&bytes[..riff_end], pos + 4)
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| MediaError::truncated(FORMAT, format!("inside its {name} chunk")))?;
        let payload = slice(&bytes[..riff_end], pos + 8, length)
            .ok_or_else(|| MediaError::truncated(FORMAT, format!("inside its {name} chunk")))?;
        let first = pos == 12;
        // A writer may omit the final pad byte; we tolerate that and write it.
        pos = (pos + 8 + length + (length & 1)).min(riff_end);
        if first {
            size = Some(first_chunk_size(&kind, payload)?);
        }
        let replacement;
        let payload = if &kind == b"EXIF" {
            let (kept, dropped) = exif::reduce(payload);
            // EXIF is only valid in the extended layout, announced by VP8X.
            let kept = kept.filter(|_| flags.is_some());
            if dropped || kept.is_none() {
                removed.push(format!("{name} chunk ({} bytes)", length + 8));
            }
            let Some(tiff) = kept else { continue };
            kept_exif = true;
            replacement = tiff;
            &replacement[..]
        } else if !KEPT.contains(&&kind) {
            removed.push(format!("{name} chunk ({} bytes)", length + 8));
            continue;
        } else {
            payload
        };
        let length = payload.len();
        has_image |= matches!(&kind, b"VP8 " | b"VP8L" | b"ANMF");
        body.extend_from_slice(&kind);
        body.extend_from_slice(&(length as u32).to_le_bytes());
        body.extend_from_slice(payload);
        if &kind == b"VP8X" && length > 0 {
            let at = body.len() - length;
            body[at] &= !(EXIF_FLAG | XMP_FLAG);
            flags = Some(at);
        }
        if length & 1 == 1 {
            body.push(0);
        }
    }
    if let (true, Some(at)) = (kept_exif, flags) {
        body[at] |= EXIF_FLAG;
    }
    if !has_image {
        return Err(MediaError::corrupt(FORMAT, "it has no image data"));
    }
    if riff_end < bytes.len() {
        removed.push(format!(
            "{} bytes after the end of the image",
            bytes.len() - riff_end
        ));
    }
    let riff_size = u32::try_from(body.len() + 4)
        .map_err(|_| MediaError::corrupt(FORMAT, "it is too large for a RIFF container"))?;
    let mut out = Vec::with_capacity(body.len() + 12);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&riff_size.to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    let (width, height) = size.ok_or_else(|| MediaError::corrupt(FORMAT, "it has no chunks"))?;
    Ok(Rewritten {
        bytes: out,
        width,
        height,
        removed,
    })
}

/// Canvas size from the first chunk, which decides the file's layout.
fn first_chunk_size(kind: &[u8; 4], payload: &[u8]) -> Result<(u32, u32), MediaError> {
    let short = |what: &str| MediaError::corrupt(FORMAT, format!("its {what} header is too short"));
    match kind {
        b"VP8X" => {
            let width = le_u24(payload, 4).ok_or_else(|| short("VP8X"))?;
            let height = le_u24(payload, 7).ok_or_else(|| short("VP8X"))?;
            Ok((width + 1, height + 1))
        }
        b"VP8 " => {
            let tag = *payload.first().ok_or_else(|| short("VP8"))?;
            if tag & 1 != 0 || payload.get(3..6) != Some(&[0x9D, 0x01, 0x2A]) {
                return Err(MediaError::corrupt(
                    FORMAT,
                    "its VP8 data is not a key frame",
                ));
            }
            let width = le_u16(payload, 6).ok_or_else(|| short("VP8"))? & 0x3FFF;
            let height = le_u16(payload, 8).ok_or_else(|| short("VP8"))? & 0x3FFF;
            if width == 0 || height == 0 {
                return Err(MediaError::corrupt(FORMAT, "its VP8 frame has no pixels"));
            }
            Ok((u32::from(width), u32::from(height)))
        }
        b"VP8L" => {
            if payload.first() != Some(&0x2F) {
                return Err(MediaError::corrupt(FORMAT, "its VP8L signature is wrong"));
            }
            let bits = le_u32(payload, 1).ok_or_else(|| short("VP8L"))?;
            Ok(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        other => Err(MediaError::corrupt(
            FORMAT,
            format!("its first chunk is {}, not image data", fourcc(other)),
        )),
    }
}
