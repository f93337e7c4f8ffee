//! Media library core for Bedside: identify an upload by its content, enforce size limits,
//! and remove metadata (EXIF, GPS, XMP, IPTC, comments, text chunks, MP4 user data) without
//! re-encoding a single pixel. Pure: bytes in, bytes out. The only I/O is [`ocr`], which
//! runs the `tesseract` binary.
//!
//! The parsers are written for hostile input: every length is checked against the bytes
//! that are actually there, and a bad file is a [`MediaError`], never a panic.

mod bytes;
mod error;
mod exif;
mod gif;
mod jpeg;
mod kind;
mod limits;
mod mp4;
pub mod ocr;
mod png;
#[cfg(feature = "testing")]
pub mod testing;
mod webp;

pub use error::MediaError;
pub use kind::{check_extension, sniff, Kind};
pub use limits::Limits;

/// A file with its metadata removed, and what was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stripped {
    pub bytes: Vec<u8>,
    pub kind: Kind,
    /// Pixels across; for MP4 the first video track's, 0 for audio-only files.
    pub width: u32,
    pub height: u32,
    /// One human-readable line per removed item, e.g. "APP1 EXIF (1 234 bytes)"; empty when
    /// the file carried no metadata, which makes stripping visibly idempotent.
    pub removed: Vec<String>,
}

/// Identify `bytes` by content and rewrite it without metadata. The pixel (or sample) data
/// is copied verbatim.
pub fn strip(bytes: &[u8]) -> Result<Stripped, MediaError> {
    let kind = sniff(bytes)?;
    let out = match kind {
        Kind::Jpeg => jpeg::strip(bytes)?,
        Kind::Png => png::strip(bytes)?,
        Kind::WebP => webp::strip(bytes)?,
        Kind::Gif => gif::strip(bytes)?,
        Kind::Mp4 => mp4::strip(bytes)?,
    };
    Ok(Stripped {
        bytes: out.bytes,
        kind,
        width: out.width,
        height: out.height,
        removed: out.removed,
    })
}

/// Everything an upload goes through, in order: size limit, content sniffing, the name's
/// extension against the content, stripping, pixel limit. Nothing is returned unless all
/// pass, so a caller that stores only `Ok` values stores nothing for a bad upload.
pub fn prepare_upload(
    bytes: &[u8],
    filename: &str,
    limits: &Limits,
) -> Result<Stripped, MediaError> {
    limits.check_size(bytes.len() as u64)?;
    let kind = sniff(bytes)?;
    check_extension(kind, filename)?;
    let stripped = strip(bytes)?;
    limits.check_pixels(stripped.width, stripped.height)?;
    Ok(stripped)
}

/// What a format module hands back; [`strip`] adds the kind.
#[derive(Debug)]
pub(crate) struct Rewritten {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub removed: Vec<String>,
}
