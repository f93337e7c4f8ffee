//! Just enough of EXIF (a TIFF structure) to carry one tag across stripping: Orientation.
//! Phones store rotation there instead of rotating pixels, so dropping it would show the
//! photo sideways; we keep the rotation and nothing else.

use crate::bytes::{array, be_u16, be_u32};

const ORIENTATION: u16 = 0x0112;
const SHORT: u16 = 3;

struct Tiff<'a> {
    data: &'a [u8],
    little: bool,
}

impl<'a> Tiff<'a> {
    fn parse(data: &'a [u8]) -> Option<Self> {
        let little = match array::<4>(data, 0)? {
            [b'I', b'I', 42, 0] => true,
            [b'M', b'M', 0, 42] => false,
            _ => return None,
        };
        Some(Tiff { data, little })
    }

    fn u16_at(&self, at: usize) -> Option<u16> {
        be_u16(self.data, at).map(|v| if self.little { v.swap_bytes() } else { v })
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        be_u32(self.data, at).map(|v| if self.little { v.swap_bytes() } else { v })
    }

    /// Offsets of IFD0's 12-byte entries; `None` if the IFD header is out of bounds.
    fn ifd0_entries(&self) -> Option<impl Iterator<Item = usize>> {
        let ifd = usize::try_from(self.u32_at(4)?).ok()?;
        let count = usize::from(self.u16_at(ifd)?);
        Some((0..count).map(move |i| ifd + 2 + i * 12))
    }
}

/// The Orientation value (2..=8) from a TIFF payload, `None` when absent, unreadable or the
/// default (1), in which case nothing needs keeping.
pub(crate) fn orientation(tiff: &[u8]) -> Option<u16> {
    let tiff = Tiff::parse(tiff)?;
    let entry = tiff
        .ifd0_entries()?
        .find(|&entry| tiff.u16_at(entry) == Some(ORIENTATION))?;
    if tiff.u16_at(entry + 2)? != SHORT || tiff.u32_at(entry + 4)? != 1 {
        return None;
    }
    tiff.u16_at(entry + 8)
        .filter(|value| (2..=8).contains(value))
}

/// A fresh big-endian TIFF payload whose IFD0 holds only Orientation: no camera, no time,
/// no GPS pointer, no thumbnail.
pub(crate) fn orientation_only(value: u16) -> Vec<u8> {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"MM\0\x2a");
    tiff.extend_from_slice(&8u32.to_be_bytes());
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&ORIENTATION.to_be_bytes());
    tiff.extend_from_slice(&SHORT.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&value.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff
}

/// What survives of an EXIF TIFF payload: `Some(orientation-only payload)` when the image
/// is rotated, and whether anything was dropped (false when `tiff` already is exactly
/// that payload, so a second pass reports nothing).
pub(crate) fn reduce(tiff: &[u8]) -> (Option<Vec<u8>>, bool) {
    let kept = orientation(tiff).map(orientation_only);
    let dropped = kept.as_deref() != Some(tiff);
    (kept, dropped)
}

/// Every tag number in IFD0 of a TIFF payload, so tests can prove what a rewritten EXIF
/// holds. `None` when the structure is unreadable.
#[cfg(test)]
pub(crate) fn ifd0_tags(tiff: &[u8]) -> Option<Vec<u16>> {
    let tiff = Tiff::parse(tiff)?;
    tiff.ifd0_entries()?
        .map(|entry| tiff.u16_at(entry))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_orientation() {
        let tiff = orientation_only(6);
        assert_eq!(orientation(&tiff), Some(6));
        assert_eq!(ifd0_tags(&tiff), Some(vec![ORIENTATION]));
    }

    #[test]
    fn reads_little_endian_and_ignores_default() {
        let mut tiff = b"II\x2a\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&[1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(orientation(&tiff), Some(8));
        tiff[18] = 1;
        assert_eq!(orientation(&tiff), None);
        assert_eq!(orientation(&tiff[..12]), None);
        assert_eq!(orientation(b"garbage"), None);
    }
}
