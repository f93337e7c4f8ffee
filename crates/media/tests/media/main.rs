//! One integration-test binary: real files encoded by the `image` crate, with metadata
//! spliced in by hand, stripped, then parsed again to prove nothing is left.

mod check;
mod images;
mod mp4;
mod mp4_tracks;
mod ocr;
mod properties;
mod samples;
mod structure;
mod upload;
