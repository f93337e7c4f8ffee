//! Whatever bytes arrive, the parsers answer with a value or an error, never a panic, and
//! anything they accept is a fixed point of stripping.

use crate::samples::*;
use image::ImageFormat;
use proptest::prelude::*;
use std::sync::OnceLock;

fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        vec![
            jpeg_with_metadata(6),
            png_with_metadata(6),
            webp_with_metadata(6),
            gif_with_metadata(),
            encode(ImageFormat::Jpeg),
            crate::mp4::mp4(),
            crate::mp4_tracks::gopro(),
        ]
    })
}

const MAGICS: [&[u8]; 6] = [
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF89a",
    b"RIFF\0\0\0\0WEBP",
    b"\0\0\0\x10ftypisom",
    b"\xff\xd8\xff\xe1",
];

fn accepted_is_fixed_point(bytes: &[u8]) {
    if let Ok(first) = media::strip(bytes) {
        let second = media::strip(&first.bytes).expect("stripped output parses");
        assert_eq!(second.bytes, first.bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("MEDIA_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = media::sniff(&bytes);
        accepted_is_fixed_point(&bytes);
    }

    #[test]
    fn arbitrary_bodies_after_a_signature_never_panic(
        magic in 0..MAGICS.len(),
        body in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let bytes = [MAGICS[magic], &body].concat();
        accepted_is_fixed_point(&bytes);
    }

    #[test]
    fn damaged_real_files_never_panic(
        seed in 0..7usize,
        cut in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = seeds()[seed].clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        bytes.truncate(cut.index(bytes.len() + 1).max(1));
        accepted_is_fixed_point(&bytes);
    }
}
