use crate::MediaError;

/// Upload limits. `max_pixels` bounds width × height of one frame, which is what a decoder
/// (the OCR step, a thumbnailer) has to hold in memory; `max_bytes` bounds the upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: u64,
    pub max_pixels: u64,
}

impl Default for Limits {
    /// 100 MiB (room for a short clip) and 50 megapixels (a large phone photo).
    fn default() -> Self {
        Limits {
            max_bytes: 100 * 1024 * 1024,
            max_pixels: 50_000_000,
        }
    }
}

impl Limits {
    pub fn check_size(&self, size: u64) -> Result<(), MediaError> {
        if size > self.max_bytes {
            return Err(MediaError::TooLarge {
                size,
                max: self.max_bytes,
            });
        }
        Ok(())
    }

    pub fn check_pixels(&self, width: u32, height: u32) -> Result<(), MediaError> {
        if u64::from(width) * u64::from(height) > self.max_pixels {
            return Err(MediaError::TooManyPixels {
                width,
                height,
                max: self.max_pixels,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_limit_is_inclusive() {
        let limits = Limits {
            max_bytes: 10,
            max_pixels: 100,
        };
        assert!(limits.check_size(10).is_ok());
        let err = limits.check_size(11).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file is 11 bytes, larger than the limit of 10 bytes"
        );
    }

    #[test]
    fn pixel_limit_does_not_overflow() {
        let limits = Limits {
            max_bytes: 10,
            max_pixels: 100,
        };
        assert!(limits.check_pixels(10, 10).is_ok());
        assert!(matches!(
            limits.check_pixels(u32::MAX, u32::MAX),
            Err(MediaError::TooManyPixels { .. })
        ));
    }
}
