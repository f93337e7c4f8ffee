//! Timed metadata tracks (GoPro `gpmd` GPS, Google `camm` motion, Apple `mebx`): their
//! samples live in `mdat`, so removing the `trak` alone would leave the GPS fixes in the
//! file. We find every byte of the track's samples through its sample table and zero it.

use super::{box_header, FORMAT};
use crate::bytes::{be_u32, be_u64, fourcc};
use crate::MediaError;
use std::ops::Range;

/// Handler types of tracks that carry metadata rather than pictures or sound.
const METADATA_HANDLERS: [&[u8; 4]; 2] = [b"meta", b"camm"];

pub(super) struct MetadataTrack {
    /// The sample entry type, e.g. "gpmd", for the removal report.
    pub format: String,
    /// Byte ranges of the file holding the track's samples.
    pub samples: Vec<Range<usize>>,
}

/// `Some` when the `trak` whose body is `body` is a timed metadata track.
/// Samples must lie inside one of the `media` ranges (the `mdat` bodies): an offset that
/// points anywhere else is corruption, and zeroing there would damage the file.
pub(super) fn metadata_track(
    bytes: &[u8],
    body: Range<usize>,
    media: &[Range<usize>],
) -> Result<Option<MetadataTrack>, MediaError> {
    let Some(mdia) = child(bytes, body, b"mdia")? else {
        return Ok(None);
    };
    let handler = child(bytes, mdia.clone(), b"hdlr")?
        .and_then(|hdlr| crate::bytes::array::<4>(bytes, hdlr.start + 8));
    if !handler.is_some_and(|h| METADATA_HANDLERS.contains(&&h)) {
        return Ok(None);
    }
    let unreadable = || MediaError::corrupt(FORMAT, "its metadata track has no sample table");
    let minf = child(bytes, mdia, b"minf")?.ok_or_else(unreadable)?;
    let stbl = child(bytes, minf, b"stbl")?.ok_or_else(unreadable)?;
    let format = child(bytes, stbl.clone(), b"stsd")?
        .and_then(|stsd| crate::bytes::array::<4>(bytes, stsd.start + 12))
        .map_or_else(|| "unknown".to_string(), |f| fourcc(&f));
    let sizes = sample_sizes(
        bytes,
        child(bytes, stbl.clone(), b"stsz")?.ok_or_else(unreadable)?,
    )?;
    let per_chunk = samples_per_chunk(
        bytes,
        child(bytes, stbl.clone(), b"stsc")?.ok_or_else(unreadable)?,
    )?;
    let offsets = match child(bytes, stbl.clone(), b"stco")? {
        Some(stco) => table(bytes, stco, 4)?,
        None => table(
            bytes,
            child(bytes, stbl, b"co64")?.ok_or_else(unreadable)?,
            8,
        )?,
    };
    let mut samples = Vec::with_capacity(offsets.len());
    let mut next_sample = 0usize;
    for (index, &offset) in offsets.iter().enumerate() {
        let chunk_number = index as u64 + 1;
        let count = per_chunk
            .iter()
            .rev()
            .find(|(first, _)| u64::from(*first) <= chunk_number)
            .map_or(0, |(_, n)| *n as usize);
        let end_sample = next_sample.saturating_add(count).min(sizes.len());
        let length: u64 = sizes[next_sample..end_sample]
            .iter()
            .map(|&s| u64::from(s))
            .sum();
        next_sample = end_sample;
        let range = usize::try_from(offset)
            .ok()
            .zip(usize::try_from(offset.saturating_add(length)).ok())
            .filter(|(start, end)| media.iter().any(|m| m.start <= *start && *end <= m.end))
            .map(|(start, end)| start..end)
            .ok_or_else(|| {
                MediaError::corrupt(FORMAT, "its metadata track points outside its media data")
            })?;
        samples.push(range);
    }
    Ok(Some(MetadataTrack { format, samples }))
}

/// The body of the first child box of type `kind` inside `within`.
fn child(
    bytes: &[u8],
    within: Range<usize>,
    kind: &[u8; 4],
) -> Result<Option<Range<usize>>, MediaError> {
    let mut pos = within.start;
    while pos < within.end {
        let (found, header, size) = box_header(bytes, pos, within.end)?;
        if &found == kind {
            return Ok(Some(pos + header..pos + size));
        }
        pos += size;
    }
    Ok(None)
}

/// Entries of a full box holding a count then `width`-byte big-endian integers.
fn table(bytes: &[u8], body: Range<usize>, width: usize) -> Result<Vec<u64>, MediaError> {
    let box_bytes = &bytes[body];
    let short = || MediaError::corrupt(FORMAT, "a sample table is shorter than it says");
    let count = be_u32(box_bytes, 4).ok_or_else(short)? as usize;
    if count > box_bytes.len().saturating_sub(8) / width {
        return Err(short());
    }
    (0..count)
        .map(|i| {
            let at = 8 + i * width;
            match width {
                8 => be_u64(box_bytes, at),
                _ => be_u32(box_bytes, at).map(u64::from),
            }
            .ok_or_else(short)
        })
        .collect()
}

/// Sample sizes from `stsz`: one size for all, or one per sample.
fn sample_sizes(bytes: &[u8], body: Range<usize>) -> Result<Vec<u32>, MediaError> {
    let box_bytes = &bytes[body.clone()];
    let short = || MediaError::corrupt(FORMAT, "a sample size table is shorter than it says");
    let uniform = be_u32(box_bytes, 4).ok_or_else(short)?;
    let count = be_u32(box_bytes, 8).ok_or_else(short)? as usize;
    if uniform != 0 {
        // Bounded by the file: every sample occupies at least one byte.
        return Ok(vec![uniform; count.min(bytes.len())]);
    }
    let shifted = body.start + 4..body.end;
    Ok(table(bytes, shifted, 4)?
        .into_iter()
        .map(|s| s as u32)
        .collect())
}

/// (first chunk, samples per chunk) runs from `stsc`.
fn samples_per_chunk(bytes: &[u8], body: Range<usize>) -> Result<Vec<(u32, u32)>, MediaError> {
    let box_bytes = &bytes[body];
    let short = || MediaError::corrupt(FORMAT, "a sample-to-chunk table is shorter than it says");
    let count = be_u32(box_bytes, 4).ok_or_else(short)? as usize;
    if count > box_bytes.len().saturating_sub(8) / 12 {
        return Err(short());
    }
    (0..count)
        .map(|i| {
            let at = 8 + i * 12;
            be_u32(box_bytes, at)
                .zip(be_u32(box_bytes, at + 4))
                .ok_or_else(short)
        })
        .collect()
}
