//! MP4 / QuickTime: a tree of size-type boxes (ISO/IEC 14496-12). Metadata boxes (`udta`,
//! `meta`, XMP `uuid`) are overwritten in place by a `free` box of the same size whose
//! content is zeroed, so no chunk offset (`stco`/`co64`) moves and the media data is
//! copied untouched. Creation and modification times in the headers are zeroed too.

use crate::bytes::{be_u32, be_u64, fourcc, slice};
use crate::{MediaError, Rewritten};
use std::ops::Range;

mod tracks;

const FORMAT: &str = "MP4";
/// Boxes whose children we walk looking for metadata.
const CONTAINERS: [&[u8; 4]; 6] = [b"moov", b"trak", b"mdia", b"minf", b"moof", b"traf"];
/// Headers that carry creation/modification times at the same offsets.
const TIMED_HEADERS: [&[u8; 4]; 3] = [b"mvhd", b"tkhd", b"mdhd"];
const XMP_UUID: [u8; 16] = [
    0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC,
];
/// Nesting deeper than this is not a real file; it bounds recursion on hostile input.
const MAX_DEPTH: usize = 16;

struct Walk {
    out: Vec<u8>,
    removed: Vec<String>,
    size: Option<(u32, u32)>,
    zeroed_times: bool,
    has_moov: bool,
    /// Bodies of the top-level `mdat` boxes, where samples may live.
    media: Vec<Range<usize>>,
}

pub(crate) fn strip(bytes: &[u8]) -> Result<Rewritten, MediaError> {
    let mut walk = Walk {
        out: bytes.to_vec(),
        removed: Vec::new(),
        size: None,
        zeroed_times: false,
        has_moov: false,
        media: media_ranges(bytes)?,
    };
    walk.boxes(bytes, 0, bytes.len(), 0)?;
    if !walk.has_moov {
        return Err(MediaError::corrupt(
            FORMAT,
            "it has no movie header ('moov' box)",
        ));
    }
    if walk.zeroed_times {
        walk.removed.push("creation and modification times".into());
    }
    let (width, height) = walk.size.unwrap_or((0, 0));
    Ok(Rewritten {
        bytes: walk.out,
        width,
        height,
        removed: walk.removed,
    })
}

impl Walk {
    fn boxes(
        &mut self,
        bytes: &[u8],
        start: usize,
        end: usize,
        depth: usize,
    ) -> Result<(), MediaError> {
        if depth > MAX_DEPTH {
            return Err(MediaError::corrupt(
                FORMAT,
                "its boxes are nested too deeply",
            ));
        }
        let mut pos = start;
        while pos < end {
            let (kind, header, size) = box_header(bytes, pos, end)?;
            let body = pos + header;
            let box_end = pos + size;
            if depth == 0 && &kind == b"moov" {
                self.has_moov = true;
            }
            if &kind == b"trak" {
                if let Some(track) = tracks::metadata_track(bytes, body..box_end, &self.media)? {
                    self.remove_track(pos, size, track);
                    pos = box_end;
                    continue;
                }
            }
            if is_metadata(&kind, bytes, body, box_end) {
                let what = if &kind == b"uuid" {
                    "XMP".to_string()
                } else {
                    format!("'{}'", fourcc(&kind))
                };
                self.removed.push(format!("{what} box ({size} bytes)"));
                self.out[pos + 4..pos + 8].copy_from_slice(b"free");
                self.out[body..box_end].fill(0);
            } else if CONTAINERS.contains(&&kind) {
                self.boxes(bytes, body, box_end, depth + 1)?;
            } else if TIMED_HEADERS.contains(&&kind) {
                self.zero_times(bytes, body, box_end);
                if &kind == b"tkhd" && self.size.is_none() {
                    self.size = track_size(&bytes[body..box_end]);
                }
            }
            pos = box_end;
        }
        Ok(())
    }

    /// Free the `trak` and zero its samples in `mdat` (offsets elsewhere stay valid).
    fn remove_track(&mut self, pos: usize, size: usize, track: tracks::MetadataTrack) {
        let mut zeroed = 0;
        for range in track.samples {
            zeroed += range.len();
            self.out[range].fill(0);
        }
        self.out[pos + 4..pos + 8].copy_from_slice(b"free");
        let header = if self.out[pos..pos + 4] == [0, 0, 0, 1] {
            16
        } else {
            8
        };
        self.out[pos + header..pos + size].fill(0);
        self.removed.push(format!(
            "timed metadata track '{}' ({size} bytes, {zeroed} sample bytes zeroed)",
            track.format
        ));
    }

    fn zero_times(&mut self, bytes: &[u8], body: usize, end: usize) {
        let width = if bytes.get(body) == Some(&1) { 8 } else { 4 };
        let times = body + 4..body + 4 + 2 * width;
        if times.end <= end && bytes[times.clone()].iter().any(|&b| b != 0) {
            self.out[times].fill(0);
            self.zeroed_times = true;
        }
    }
}

fn media_ranges(bytes: &[u8]) -> Result<Vec<Range<usize>>, MediaError> {
    let mut ranges = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let (kind, header, size) = box_header(bytes, pos, bytes.len())?;
        if &kind == b"mdat" {
            ranges.push(pos + header..pos + size);
        }
        pos += size;
    }
    Ok(ranges)
}

/// (type, header length, total size) of the box at `pos`, checked to fit before `end`.
pub(crate) fn box_header(
    bytes: &[u8],
    pos: usize,
    end: usize,
) -> Result<([u8; 4], usize, usize), MediaError> {
    let inside = &bytes[..end];
    let size32 =
        be_u32(inside, pos).ok_or_else(|| MediaError::truncated(FORMAT, "inside a box header"))?;
    let kind: [u8; 4] = crate::bytes::array(inside, pos + 4)
        .ok_or_else(|| MediaError::truncated(FORMAT, "inside a box header"))?;
    let name = fourcc(&kind);
    let (header, size) = match size32 {
        0 => (8, end - pos),
        1 => {
            let large = be_u64(inside, pos + 8).ok_or_else(|| {
                MediaError::truncated(FORMAT, format!("inside the header of its '{name}' box"))
            })?;
            (16, usize::try_from(large).unwrap_or(usize::MAX))
        }
        n => (8, n as usize),
    };
    if size < header {
        return Err(MediaError::corrupt(
            FORMAT,
            format!("its '{name}' box has an impossible size"),
        ));
    }
    if size > end - pos {
        return Err(MediaError::truncated(
            FORMAT,
            format!("inside its '{name}' box"),
        ));
    }
    Ok((kind, header, size))
}

fn is_metadata(kind: &[u8; 4], bytes: &[u8], body: usize, end: usize) -> bool {
    match kind {
        b"udta" | b"meta" => true,
        b"uuid" => slice(bytes, body, 16) == Some(&XMP_UUID[..]) && body + 16 <= end,
        _ => false,
    }
}

/// Width and height (16.16 fixed point) from a `tkhd` body; `None` for audio tracks.
fn track_size(tkhd: &[u8]) -> Option<(u32, u32)> {
    let base = if tkhd.first() == Some(&1) { 36 } else { 24 };
    // reserved(8) layer(2) alternate_group(2) volume(2) reserved(2) matrix(36)
    let at = base + 52;
    let width = be_u32(tkhd, at)? >> 16;
    let height = be_u32(tkhd, at + 4)? >> 16;
    (width > 0 && height > 0).then_some((width, height))
}
