//! A GoPro-style GPS track: the `trak` sits in `moov`, its samples in `mdat`. Both must go.

use crate::check::*;
use crate::mp4::{timed, tkhd};
use crate::samples::{mp4_box as boxed, LATITUDE};
use media::strip;

fn full(body: &[&[u8]]) -> Vec<u8> {
    [&[0u8; 4][..], &body.concat()].concat()
}

fn sample_table(entry: &[u8; 4], sizes: &[u32], chunk_offset: u32) -> Vec<u8> {
    let count = u32::try_from(sizes.len()).unwrap();
    let sample_entry = boxed(entry, &[0, 0, 0, 0, 0, 0, 0, 1]);
    let stsd = boxed(b"stsd", &full(&[&1u32.to_be_bytes(), &sample_entry]));
    let size_list: Vec<u8> = sizes.iter().flat_map(|s| s.to_be_bytes()).collect();
    let stsz = boxed(
        b"stsz",
        &full(&[&0u32.to_be_bytes(), &count.to_be_bytes(), &size_list]),
    );
    let one_run = [1u32, count, 1].map(u32::to_be_bytes).concat();
    let stsc = boxed(b"stsc", &full(&[&1u32.to_be_bytes(), &one_run]));
    let stco = boxed(
        b"stco",
        &full(&[&1u32.to_be_bytes(), &chunk_offset.to_be_bytes()]),
    );
    boxed(b"stbl", &[stsd, stsz, stsc, stco].concat())
}

fn track(handler: &[u8; 4], stbl: Vec<u8>, width: u32, height: u32) -> Vec<u8> {
    let hdlr = boxed(b"hdlr", &full(&[&[0; 4], handler, &[0; 12], b"handler\0"]));
    let minf = boxed(b"minf", &stbl);
    let mdia = boxed(
        b"mdia",
        &[boxed(b"mdhd", &timed(&[0; 12])), hdlr, minf].concat(),
    );
    boxed(b"trak", &[tkhd(width, height), mdia].concat())
}

const VIDEO: &[u8] = b"VIDEO-FRAME";
const FIXES: [&[u8]; 2] = [b"GPS:+28.6139", b"GPS:+28.6140"];

fn file(video_at: u32, gps_at: u32) -> Vec<u8> {
    let video = track(b"vide", sample_table(b"avc1", &[11], video_at), 320, 240);
    let gps = track(b"meta", sample_table(b"gpmd", &[12, 12], gps_at), 0, 0);
    let mvhd = boxed(b"mvhd", &timed(&[0; 88]));
    let moov = boxed(b"moov", &[mvhd, video, gps].concat());
    let ftyp = boxed(b"ftyp", b"mp42\0\0\0\0mp42isom");
    let mdat = boxed(b"mdat", &[VIDEO, FIXES[0], FIXES[1]].concat());
    [ftyp, moov, mdat].concat()
}

pub fn gopro() -> Vec<u8> {
    let draft = file(0, 0);
    let video_at = u32::try_from(draft.len() - 35).unwrap();
    file(video_at, video_at + 11)
}

#[test]
fn gps_track_and_its_samples_are_gone() {
    let original = gopro();
    assert!(contains(&original, LATITUDE));
    let out = strip(&original).unwrap();
    assert_eq!(out.bytes.len(), original.len());
    assert!(!contains(&out.bytes, LATITUDE), "GPS samples survived");
    assert!(!contains(&out.bytes, b"gpmd"));
    assert!(out.bytes.ends_with(&[VIDEO, &[0; 24]].concat()));
    assert!(
        out.removed
            .iter()
            .any(|r| r.starts_with("timed metadata track 'gpmd'") && r.contains("24 sample bytes")),
        "{:?}",
        out.removed
    );
    assert_eq!((out.width, out.height), (320, 240));
    let mut boxes = Vec::new();
    mp4_box_paths(&out.bytes, "", &mut boxes);
    let traks = boxes.iter().filter(|(p, _, _)| p == "moov/trak").count();
    assert_eq!(traks, 1, "only the video track is left");
    let again = strip(&out.bytes).unwrap();
    assert_eq!(again.bytes, out.bytes);
    assert!(again.removed.is_empty(), "{:?}", again.removed);
}

#[test]
fn a_sample_table_pointing_outside_mdat_is_refused() {
    let draft = file(0, 0);
    let video_at = u32::try_from(draft.len() - 35).unwrap();
    let err = strip(&file(video_at, 4)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the MP4 is corrupt: its metadata track points outside its media data"
    );
}
