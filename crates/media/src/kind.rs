use crate::MediaError;

/// The formats the media library accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Jpeg,
    Png,
    WebP,
    Gif,
    Mp4,
}

impl Kind {
    /// The MIME type to serve the stored file with.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::WebP => "image/webp",
            Kind::Gif => "image/gif",
            Kind::Mp4 => "video/mp4",
        }
    }

    /// The extension to store the file under.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
            Kind::WebP => "webp",
            Kind::Gif => "gif",
            Kind::Mp4 => "mp4",
        }
    }

    /// Extensions (lower case) that a file of this kind may be named with.
    pub fn accepted_extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            Kind::Png => &["png"],
            Kind::WebP => &["webp"],
            Kind::Gif => &["gif"],
            // QuickTime files share the box structure and phones name them .mov.
            Kind::Mp4 => &["mp4", "m4v", "mov"],
        }
    }

    pub fn is_image(self) -> bool {
        self != Kind::Mp4
    }

    /// "a PNG image", for error messages.
    pub fn described(self) -> &'static str {
        match self {
            Kind::Jpeg => "a JPEG image",
            Kind::Png => "a PNG image",
            Kind::WebP => "a WebP image",
            Kind::Gif => "a GIF image",
            Kind::Mp4 => "an MP4 video",
        }
    }
}

/// Identify a file by its first bytes. Never looks at a name. Only the signature is checked
/// here; [`crate::strip`] parses the whole structure and reports corruption.
pub fn sniff(bytes: &[u8]) -> Result<Kind, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Kind::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Kind::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(Kind::Gif);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Ok(Kind::WebP);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return iso_brand(&bytes[8..12]);
    }
    Err(unsupported_hint(bytes).map_or(MediaError::Unrecognised, MediaError::Unsupported))
}

/// ISO base media files share one container; the major brand says whether it is a video
/// or a HEIF/AVIF still image.
fn iso_brand(brand: &[u8]) -> Result<Kind, MediaError> {
    match brand {
        b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => {
            Err(MediaError::Unsupported("a HEIC/HEIF image"))
        }
        b"avif" | b"avis" => Err(MediaError::Unsupported("an AVIF image")),
        _ => Ok(Kind::Mp4),
    }
}

/// Name formats people commonly upload by mistake, so the error can say what the file is.
fn unsupported_hint(bytes: &[u8]) -> Option<&'static str> {
    let hints: [(&[u8], &'static str); 7] = [
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"BM", "a BMP image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x1aE\xdf\xa3", "a WebM/Matroska video"),
        (b"\xff\xd8", "a damaged JPEG image"),
    ];
    hints
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
        .or_else(|| {
            (bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"AVI ")
                .then_some("an AVI video")
        })
}

/// Check that `filename`'s extension fits the content. Only the last extension counts, so
/// "scan.png.jpg" is judged as ".jpg".
pub fn check_extension(kind: Kind, filename: &str) -> Result<(), MediaError> {
    let base = filename.rsplit(['/', '\\']).next().unwrap_or(filename);
    let extension = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => ext.to_ascii_lowercase(),
        _ => return Err(MediaError::MissingExtension { kind }),
    };
    if kind.accepted_extensions().contains(&extension.as_str()) {
        Ok(())
    } else {
        Err(MediaError::ExtensionMismatch { kind, extension })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_signature() {
        assert_eq!(sniff(b"\xff\xd8\xff\xe0rest"), Ok(Kind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Ok(Kind::Png));
        assert_eq!(sniff(b"GIF89a......"), Ok(Kind::Gif));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(Kind::WebP));
        assert_eq!(sniff(b"\0\0\0\x18ftypisom\0\0\0\0"), Ok(Kind::Mp4));
    }

    #[test]
    fn names_what_it_refuses() {
        assert_eq!(sniff(b""), Err(MediaError::Empty));
        assert_eq!(sniff(b"hello world"), Err(MediaError::Unrecognised));
        let heic = sniff(b"\0\0\0\x18ftypheic\0\0\0\0").unwrap_err();
        assert_eq!(
            heic.to_string(),
            "this file is a HEIC/HEIF image, which is not supported; export it as JPEG, PNG, WebP, GIF or MP4"
        );
        assert!(matches!(
            sniff(b"%PDF-1.7"),
            Err(MediaError::Unsupported(_))
        ));
    }

    #[test]
    fn extension_mismatch_says_what_the_file_is() {
        let err = check_extension(Kind::Png, "ward-round.JPG").unwrap_err();
        assert_eq!(
            err.to_string(),
            "this file is a PNG image but is named .jpg"
        );
        assert!(check_extension(Kind::Jpeg, "C:\\photos\\x.JPEG").is_ok());
        assert!(check_extension(Kind::Mp4, "clip.mov").is_ok());
        assert_eq!(
            check_extension(Kind::Gif, "noext"),
            Err(MediaError::MissingExtension { kind: Kind::Gif })
        );
        assert!(check_extension(Kind::Gif, ".gif").is_err());
        assert!(check_extension(Kind::Png, "dir.png/file").is_err());
    }
}
