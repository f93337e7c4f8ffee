//! Form helpers: raw urlencoded fields (repeated keys allowed) and the organisation's
//! local times, which is how people type and read dates.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use crate::error::AppError;

/// A multipart upload that could not be read: too large (413, the configured upload
/// limit) or malformed (400).
pub fn multipart_error(e: axum::extract::multipart::MultipartError) -> AppError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::BadRequest("the upload could not be read".into())
    }
}

/// All fields of an urlencoded form, in order, repeated keys kept.
pub struct RawForm(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for RawForm {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .map(RawForm)
            .map_err(|_| AppError::BadRequest("the form could not be read".into()))
    }
}

impl RawForm {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or("").to_string()
    }

    pub fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// An optional id: empty means none; anything else must be a number.
    pub fn opt_id(&self, key: &str) -> Result<Option<i64>, AppError> {
        match self.get(key).map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| AppError::BadRequest(format!("{key} must be a number"))),
        }
    }

    pub fn id(&self, key: &str) -> Result<i64, AppError> {
        self.opt_id(key)?
            .ok_or_else(|| AppError::BadRequest(format!("{key} is required")))
    }
}

pub fn zone(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

/// `2026-12-05T18:00` (an `<input type="datetime-local">`) in the organisation's zone.
pub fn parse_local(raw: &str, tz: &TimeZone) -> Result<Option<i64>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let dt: DateTime = raw
        .parse()
        .map_err(|_| format!("{raw:?} is not a date and time like 2026-12-05T18:00"))?;
    dt.to_zoned(tz.clone())
        .map(|z| Some(z.timestamp().as_millisecond()))
        .map_err(|_| format!("{raw:?} is out of range"))
}

/// The value for an `<input type="datetime-local">`.
pub fn format_local(ms: i64, tz: &TimeZone) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| {
            t.to_zoned(tz.clone())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// For people: "Sat 5 Dec 2026, 18:00 IST".
pub fn human_local(ms: i64, tz: &TimeZone) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| {
            t.to_zoned(tz.clone())
                .strftime("%a %-d %b %Y, %H:%M %Z")
                .to_string()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_round_trip_in_zone() {
        let tz = zone("Asia/Kolkata");
        let ms = parse_local("2026-12-05T18:00", &tz).unwrap().unwrap();
        assert_eq!(
            jiff::Timestamp::from_millisecond(ms).unwrap().to_string(),
            "2026-12-05T12:30:00Z"
        );
        assert_eq!(format_local(ms, &tz), "2026-12-05T18:00");
        assert_eq!(parse_local("", &tz), Ok(None));
        assert!(parse_local("tomorrow", &tz).is_err());
    }
}
