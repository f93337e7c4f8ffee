use crate::samples::*;
use image::ImageFormat;
use media::{prepare_upload, Kind, Limits, MediaError};

const ROOMY: Limits = Limits {
    max_bytes: 1 << 20,
    max_pixels: 1 << 20,
};

#[test]
fn a_good_upload_comes_back_stripped() {
    let out = prepare_upload(&jpeg_with_metadata(1), "IMG_0001.JPG", &ROOMY).unwrap();
    assert_eq!(out.kind, Kind::Jpeg);
    assert!(!out.removed.is_empty());
}

#[test]
fn content_wins_over_the_name() {
    let err = prepare_upload(&encode(ImageFormat::Png), "photo.jpg", &ROOMY).unwrap_err();
    assert_eq!(
        err.to_string(),
        "this file is a PNG image but is named .jpg"
    );
    let err = prepare_upload(&encode(ImageFormat::Gif), "clip.mp4", &ROOMY).unwrap_err();
    assert_eq!(
        err.to_string(),
        "this file is a GIF image but is named .mp4"
    );
}

#[test]
fn truncated_real_files_get_precise_errors() {
    let jpeg = encode(ImageFormat::Jpeg);
    let err = prepare_upload(&jpeg[..jpeg.len() - 10], "a.jpg", &ROOMY).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the JPEG ends before the end of its image data"
    );
    let err = prepare_upload(&jpeg[..100], "a.jpg", &ROOMY).unwrap_err();
    assert_eq!(err.to_string(), "the JPEG ends before its image data");
    let png = encode(ImageFormat::Png);
    let err = prepare_upload(&png[..png.len() - 20], "a.png", &ROOMY).unwrap_err();
    assert!(
        err.to_string().starts_with("the PNG ends inside its"),
        "{err}"
    );
    let webp = encode(ImageFormat::WebP);
    let err = prepare_upload(&webp[..webp.len() - 1], "a.webp", &ROOMY).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the WebP ends before the end of its RIFF container"
    );
    let gif = encode(ImageFormat::Gif);
    let err = prepare_upload(&gif[..gif.len() - 1], "a.gif", &ROOMY).unwrap_err();
    assert_eq!(err.to_string(), "the GIF ends before its trailer");
}

#[test]
fn limits_are_enforced_with_numbers() {
    let png = encode(ImageFormat::Png);
    let small = Limits {
        max_bytes: 10,
        max_pixels: 1 << 20,
    };
    assert!(matches!(
        prepare_upload(&png, "a.png", &small),
        Err(MediaError::TooLarge { max: 10, .. })
    ));
    let few_pixels = Limits {
        max_bytes: 1 << 20,
        max_pixels: 100,
    };
    let err = prepare_upload(&png, "a.png", &few_pixels).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the image is 24×16 pixels, more than the limit of 100 pixels"
    );
}
