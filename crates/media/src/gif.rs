//! GIF: header, logical screen, then a stream of image and extension blocks, each made of
//! length-prefixed sub-blocks (GIF89a spec). Images and graphic controls are copied as
//! they are; comments, plain-text and unknown application extensions are dropped.

use crate::bytes::{le_u16, slice};
use crate::{MediaError, Rewritten};

const FORMAT: &str = "GIF";

/// Application extensions that change how the image plays or looks: looping and ICC colour.
const KEPT_APPLICATIONS: [&[u8; 11]; 3] = [b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"];

pub(crate) fn strip(bytes: &[u8]) -> Result<Rewritten, MediaError> {
    let header =
        slice(bytes, 0, 13).ok_or_else(|| MediaError::truncated(FORMAT, "in its header"))?;
    let mut width = u32::from(le_u16(header, 6).unwrap_or(0));
    let mut height = u32::from(le_u16(header, 8).unwrap_or(0));
    let mut pos = 13 + colour_table_len(header[10]);
    let mut out = slice(bytes, 0, pos)
        .ok_or_else(|| MediaError::truncated(FORMAT, "inside its colour table"))?
        .to_vec();
    let mut removed = Vec::new();
    let mut frames = 0usize;
    loop {
        let start = pos;
        match bytes.get(pos) {
            None => return Err(MediaError::truncated(FORMAT, "before its trailer")),
            Some(0x3B) => {
                out.push(0x3B);
                pos += 1;
                break;
            }
            Some(0x2C) => {
                let descriptor = slice(bytes, pos, 10)
                    .ok_or_else(|| MediaError::truncated(FORMAT, "inside an image descriptor"))?;
                // The canvas is the screen, or larger if a frame overflows it (or the
                // encoder wrote a 0×0 screen): decoders allocate for the frame, so the
                // pixel limit must see it.
                let right = u32::from(le_u16(descriptor, 1).unwrap_or(0))
                    + u32::from(le_u16(descriptor, 5).unwrap_or(0));
                let bottom = u32::from(le_u16(descriptor, 3).unwrap_or(0))
                    + u32::from(le_u16(descriptor, 7).unwrap_or(0));
                width = width.max(right);
                height = height.max(bottom);
                pos += 10 + colour_table_len(descriptor[9]);
                // LZW minimum code size, then the data sub-blocks.
                pos = skip_sub_blocks(bytes, pos + 1, "inside its image data")?;
                out.extend_from_slice(&bytes[start..pos]);
                frames += 1;
            }
            Some(0x21) => {
                let label = *bytes
                    .get(pos + 1)
                    .ok_or_else(|| MediaError::truncated(FORMAT, "inside an extension"))?;
                pos = skip_sub_blocks(bytes, pos + 2, "inside an extension")?;
                let block = &bytes[start..pos];
                match extension_name(label, block) {
                    None => out.extend_from_slice(block),
                    Some(name) => removed.push(format!("{name} ({} bytes)", block.len())),
                }
            }
            Some(other) => {
                return Err(MediaError::corrupt(
                    FORMAT,
                    format!("unexpected block 0x{other:02X} at byte {pos}"),
                ))
            }
        }
    }
    if frames == 0 {
        return Err(MediaError::corrupt(FORMAT, "it has no image data"));
    }
    if pos < bytes.len() {
        removed.push(format!(
            "{} bytes after the end of the image",
            bytes.len() - pos
        ));
    }
    Ok(Rewritten {
        bytes: out,
        width,
        height,
        removed,
    })
}

/// Size in bytes of the colour table that a packed field announces (0 when absent).
fn colour_table_len(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 0x07) + 1)
    }
}

/// Walk length-prefixed sub-blocks from `pos` to just past their zero terminator.
fn skip_sub_blocks(bytes: &[u8], mut pos: usize, what: &str) -> Result<usize, MediaError> {
    loop {
        let len = *bytes
            .get(pos)
            .ok_or_else(|| MediaError::truncated(FORMAT, what))?;
        pos += 1 + usize::from(len);
        if len == 0 {
            return Ok(pos);
        }
        if pos > bytes.len() {
            return Err(MediaError::truncated(FORMAT, what));
        }
    }
}

/// `None` to keep the extension; otherwise what it is, for the removal list.
fn extension_name(label: u8, block: &[u8]) -> Option<String> {
    match label {
        0xF9 => None,
        0xFE => Some("comment extension".into()),
        0x01 => Some("plain-text extension".into()),
        0xFF => {
            let id = (block.get(2) == Some(&11))
                .then(|| slice(block, 3, 11))
                .flatten();
            match id {
                Some(id) if KEPT_APPLICATIONS.iter().any(|k| k.as_slice() == id) => None,
                Some(id) => Some(format!(
                    "application extension {}",
                    String::from_utf8_lossy(id)
                )),
                None => Some("application extension".into()),
            }
        }
        other => Some(format!("unknown extension 0x{other:02X}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(extensions: &[&[u8]]) -> Vec<u8> {
        let mut f = b"GIF89a\x04\0\x02\0\x80\0\0".to_vec();
        f.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
        f.extend_from_slice(b"\x21\xff\x0bNETSCAPE2.0\x03\x01\0\0\0");
        for e in extensions {
            f.extend_from_slice(e);
        }
        f.extend_from_slice(b"\x21\xf9\x04\0\0\0\0\0");
        f.extend_from_slice(b"\x2c\0\0\0\0\x04\0\x02\0\0\x02\x02\x44\x01\0");
        f.push(0x3B);
        f
    }

    #[test]
    fn drops_comments_and_foreign_applications() {
        let comment: &[u8] = b"\x21\xfe\x0dMRN 12345678\0\0";
        let xmp: &[u8] = b"\x21\xff\x0bXMP DataXMP\x05<x:x>\0";
        let out = strip(&sample(&[comment, xmp])).unwrap();
        assert_eq!(out.bytes, sample(&[]));
        assert_eq!((out.width, out.height), (4, 2));
        assert_eq!(
            out.removed,
            vec![
                "comment extension (17 bytes)",
                "application extension XMP DataXMP (21 bytes)"
            ]
        );
    }

    #[test]
    fn a_frame_larger_than_the_screen_counts_for_the_limit() {
        let mut f = sample(&[]);
        let descriptor = f.len() - 16;
        assert_eq!(f[descriptor], 0x2C);
        f[descriptor + 5..descriptor + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
        let out = strip(&f).unwrap();
        assert_eq!((out.width, out.height), (65535, 65535));
    }

    #[test]
    fn errors_are_precise() {
        let f = sample(&[]);
        assert_eq!(
            strip(&f[..f.len() - 1]).unwrap_err().to_string(),
            "the GIF ends before its trailer"
        );
        assert_eq!(
            strip(&f[..f.len() - 4]).unwrap_err().to_string(),
            "the GIF ends inside its image data"
        );
        assert_eq!(
            strip(&f[..10]).unwrap_err().to_string(),
            "the GIF ends in its header"
        );
        let no_frames: Vec<u8> = f[..19].iter().copied().chain([0x3B]).collect();
        assert!(strip(&no_frames)
            .unwrap_err()
            .to_string()
            .contains("no image data"));
    }
}
