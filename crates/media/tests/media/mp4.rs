use crate::check::*;
use crate::samples::{mp4_box as boxed, LATITUDE, PATIENT};
use media::{strip, Kind};

/// A version-0 full-box header followed by creation and modification times.
pub fn timed(rest: &[u8]) -> Vec<u8> {
    let mut b = vec![0, 0, 0, 0];
    b.extend_from_slice(&0xE000_0000u32.to_be_bytes());
    b.extend_from_slice(&0xE000_0001u32.to_be_bytes());
    b.extend_from_slice(rest);
    b
}

pub fn tkhd(width: u32, height: u32) -> Vec<u8> {
    let mut rest = vec![0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 10]; // track id, reserved, duration
    rest.extend_from_slice(&[0; 16]); // reserved, layer, group, volume, reserved
    rest.extend_from_slice(&[0; 36]); // matrix
    rest.extend_from_slice(&(width << 16).to_be_bytes());
    rest.extend_from_slice(&(height << 16).to_be_bytes());
    boxed(b"tkhd", &timed(&rest))
}

fn location() -> Vec<u8> {
    let text = [b"+".as_slice(), LATITUDE, b"+077.2090/"].concat();
    let mut body = u16::try_from(text.len()).unwrap().to_be_bytes().to_vec();
    body.extend_from_slice(&[0x15, 0xC7]); // language
    body.extend_from_slice(&text);
    boxed(b"\xa9xyz", &body)
}

/// ftyp, moov (with udta/©xyz, udta/©nam and an Apple-style meta, a video trak whose own
/// udta names the patient and whose stco points into mdat), then mdat: moov before mdat,
/// as "fast start" files are laid out.
fn sample(sample_offset: u32) -> Vec<u8> {
    let stco = boxed(
        b"stco",
        &[
            &[0u8; 4][..],
            &1u32.to_be_bytes(),
            &sample_offset.to_be_bytes(),
        ]
        .concat(),
    );
    let stbl = boxed(b"stbl", &stco);
    let minf = boxed(b"minf", &stbl);
    let mdia = boxed(b"mdia", &[boxed(b"mdhd", &timed(&[0; 12])), minf].concat());
    let track_udta = boxed(b"udta", &boxed(b"\xa9nam", PATIENT));
    let trak = boxed(b"trak", &[tkhd(320, 240), mdia, track_udta].concat());
    let udta = boxed(b"udta", &[location(), boxed(b"\xa9nam", PATIENT)].concat());
    let meta = boxed(
        b"meta",
        &[
            &[0u8; 4][..],
            &boxed(b"keys", b"com.apple.quicktime.location.ISO6709"),
        ]
        .concat(),
    );
    let mvhd = boxed(b"mvhd", &timed(&[0; 88]));
    let moov = boxed(b"moov", &[mvhd, trak, udta, meta].concat());
    let ftyp = boxed(b"ftyp", b"isom\0\0\x02\0isomiso2avc1mp41");
    [ftyp, moov, boxed(b"mdat", b"SAMPLE-DATA")].concat()
}

pub fn mp4() -> Vec<u8> {
    let draft = sample(0);
    let offset = draft.len() - 11;
    sample(u32::try_from(offset).unwrap())
}

#[test]
fn user_data_and_location_are_gone_offsets_unchanged() {
    let original = mp4();
    let out = strip(&original).unwrap();
    assert_eq!((out.kind, out.width, out.height), (Kind::Mp4, 320, 240));
    assert_eq!(out.bytes.len(), original.len());
    for needle in [
        PATIENT,
        LATITUDE,
        b"\xa9xyz".as_slice(),
        b"com.apple.quicktime",
    ] {
        assert!(
            !contains(&out.bytes, needle),
            "{:?}",
            String::from_utf8_lossy(needle)
        );
    }
    let mut boxes = Vec::new();
    mp4_box_paths(&out.bytes, "", &mut boxes);
    let paths: Vec<&str> = boxes.iter().map(|(p, _, _)| p.as_str()).collect();
    assert!(
        !paths
            .iter()
            .any(|p| p.ends_with("udta") || p.ends_with("meta")),
        "{paths:?}"
    );
    assert_eq!(paths.iter().filter(|p| p.ends_with("free")).count(), 3);
    // The sample table still points at the untouched media data.
    let (_, stco_at, _) = boxes.iter().find(|(p, _, _)| p.ends_with("stco")).unwrap();
    let entry = &out.bytes[stco_at + 16..stco_at + 20];
    let offset = u32::from_be_bytes(entry.try_into().unwrap()) as usize;
    assert_eq!(&out.bytes[offset..offset + 11], b"SAMPLE-DATA");
    assert_eq!(out.removed.len(), 4, "{:?}", out.removed);
    let again = strip(&out.bytes).unwrap();
    assert_eq!(again.bytes, out.bytes);
    assert!(again.removed.is_empty(), "{:?}", again.removed);
}

#[test]
fn creation_times_are_zeroed() {
    let out = strip(&mp4()).unwrap();
    assert!(!contains(&out.bytes, &0xE000_0000u32.to_be_bytes()));
    assert!(out.removed.iter().any(|r| r.contains("creation")));
}

#[test]
fn truncated_mp4_is_named() {
    let f = mp4();
    let err = strip(&f[..f.len() - 4]).unwrap_err();
    assert_eq!(err.to_string(), "the MP4 ends inside its 'mdat' box");
}
