//! PNG: a signature and a list of length-type-data-CRC chunks (PNG spec, 3rd ed., §5).
//! We keep the chunks that change what the picture looks like and drop every other
//! ancillary chunk: text, EXIF, timestamps and any private chunk we cannot vouch for. A
//! rotated image keeps an `eXIf` holding only its orientation.

use crate::bytes::{be_u32, slice};
use crate::{bytes::fourcc, exif, MediaError, Rewritten};

const FORMAT: &str = "PNG";

/// Ancillary chunks that affect rendering (colour, transparency, physical size, APNG
/// animation). Critical chunks (upper-case first letter) are always kept.
const RENDERING: [&[u8; 4]; 14] = [
    b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP", b"mDCV", b"cLLI", b"bKGD",
    b"pHYs", b"acTL", b"fcTL", b"fdAT",
];

pub(crate) fn strip(bytes: &[u8]) -> Result<Rewritten, MediaError> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..8.min(bytes.len())]);
    let mut removed = Vec::new();
    let mut size = None;
    let mut seen_data = false;
    let mut pos = 8;
    loop {
        let stage = if seen_data {
            "before its end chunk"
        } else {
            "before its image data"
        };
        let length = be_u32(bytes, pos).ok_or_else(|| MediaError::truncated(FORMAT, stage))?;
        let kind: [u8; 4] = crate::bytes::array(bytes, pos + 4)
            .ok_or_else(|| MediaError::truncated(FORMAT, stage))?;
        if !kind.iter().all(u8::is_ascii_alphabetic) || length > i32::MAX as u32 {
            return Err(MediaError::corrupt(
                FORMAT,
                format!("there is no valid chunk at byte {pos}"),
            ));
        }
        let name = fourcc(&kind);
        let total = length as usize + 12;
        let chunk = slice(bytes, pos, total)
            .ok_or_else(|| MediaError::truncated(FORMAT, format!("inside its {name} chunk")))?;
        pos += total;
        if size.is_none() {
            size = Some(header_size(&kind, chunk)?);
        }
        let critical = kind[0].is_ascii_uppercase();
        if critical || RENDERING.contains(&&kind) {
            if crc32(&chunk[4..total - 4]) != be_u32(chunk, total - 4).unwrap_or(0) {
                return Err(MediaError::corrupt(
                    FORMAT,
                    format!("its {name} chunk fails its checksum"),
                ));
            }
            out.extend_from_slice(chunk);
        } else if &kind == b"eXIf" {
            let (kept, dropped) = exif::reduce(&chunk[8..total - 4]);
            if let Some(tiff) = kept {
                out.extend(chunk_bytes(b"eXIf", &tiff));
            }
            if dropped {
                removed.push(format!("{name} chunk ({total} bytes)"));
            }
        } else {
            removed.push(format!("{name} chunk ({total} bytes)"));
        }
        match &kind {
            b"IDAT" => seen_data = true,
            b"IEND" if !seen_data => {
                return Err(MediaError::corrupt(FORMAT, "it has no image data"))
            }
            b"IEND" => break,
            _ => {}
        }
    }
    if pos < bytes.len() {
        removed.push(format!(
            "{} bytes after the end of the image",
            bytes.len() - pos
        ));
    }
    let (width, height) = size.unwrap_or((0, 0));
    Ok(Rewritten {
        bytes: out,
        width,
        height,
        removed,
    })
}

fn header_size(kind: &[u8; 4], chunk: &[u8]) -> Result<(u32, u32), MediaError> {
    if kind != b"IHDR" || chunk.len() != 25 {
        return Err(MediaError::corrupt(
            FORMAT,
            "it does not start with a valid IHDR header",
        ));
    }
    let width = be_u32(chunk, 8).unwrap_or(0);
    let height = be_u32(chunk, 12).unwrap_or(0);
    if width == 0 || height == 0 || width > i32::MAX as u32 || height > i32::MAX as u32 {
        return Err(MediaError::corrupt(
            FORMAT,
            format!("its header gives impossible dimensions {width}×{height}"),
        ));
    }
    Ok((width, height))
}

/// A chunk with its length and CRC.
fn chunk_bytes(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let crc = crc32(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    chunk
}

/// CRC-32 as PNG defines it (ISO 3309 polynomial, reflected), over type and data.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc_matches_known_value() {
        assert_eq!(super::crc32(b"IEND"), 0xAE42_6082);
    }
}
