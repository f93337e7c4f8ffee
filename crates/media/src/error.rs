//! The one error type of this crate. Every message is meant to be shown to the person who
//! uploaded the file, so it says what is wrong with *their* file in plain words.

use crate::Kind;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MediaError {
    #[error("the file is empty")]
    Empty,

    #[error("this file is not a JPEG, PNG, WebP, GIF or MP4 file")]
    Unrecognised,

    /// A format we can name but do not accept (HEIC from phones, TIFF, PDF, ...).
    #[error("this file is {0}, which is not supported; export it as JPEG, PNG, WebP, GIF or MP4")]
    Unsupported(&'static str),

    #[error("this file is {} but is named .{extension}", .kind.described())]
    ExtensionMismatch { kind: Kind, extension: String },

    #[error("this file is {} but its name has no extension", .kind.described())]
    MissingExtension { kind: Kind },

    /// The file stops before a structure it needs, e.g. "the JPEG ends before its image data".
    #[error("the {format} ends {what}")]
    Truncated { format: &'static str, what: String },

    #[error("the {format} is corrupt: {detail}")]
    Corrupt {
        format: &'static str,
        detail: String,
    },

    #[error("the file is {size} bytes, larger than the limit of {max} bytes")]
    TooLarge { size: u64, max: u64 },

    #[error("the image is {width}×{height} pixels, more than the limit of {max} pixels")]
    TooManyPixels { width: u32, height: u32, max: u64 },

    #[error("OCR is unavailable: {0}")]
    OcrUnavailable(String),

    #[error("OCR failed: {0}")]
    OcrFailed(String),

    #[error("OCR took longer than {seconds} seconds")]
    OcrTimeout { seconds: u64 },
}

impl MediaError {
    pub(crate) fn truncated(format: &'static str, what: impl Into<String>) -> Self {
        MediaError::Truncated {
            format,
            what: what.into(),
        }
    }

    pub(crate) fn corrupt(format: &'static str, detail: impl Into<String>) -> Self {
        MediaError::Corrupt {
            format,
            detail: detail.into(),
        }
    }
}
