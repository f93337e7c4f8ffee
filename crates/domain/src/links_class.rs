//! The organisation's classification of its own pages: a URL prefix, what kind of page it
//! is and which third-party trackers it carries. The longest matching prefix decides.

use serde::{Deserialize, Serialize};

use super::LandingKind;
use crate::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlClass {
    /// Normalised: lower-case scheme and host, no query or fragment, no trailing slash.
    pub prefix: String,
    pub kind: LandingKind,
    /// e.g. meta_pixel, google_analytics; empty when the page carries none.
    pub trackers: Vec<String>,
}

pub const MAX_TRACKERS: usize = 12;

/// (scheme://host[:port], path) with scheme and host in lower case.
fn split(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        "https://"
    } else if lower.starts_with("http://") {
        "http://"
    } else {
        return None;
    };
    let rest = &url[scheme.len()..];
    let cut = rest.find(['?', '#']).unwrap_or(rest.len());
    let rest = &rest[..cut];
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.rsplit('@').next().unwrap_or(host).to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    Some((
        format!("{scheme}{host}"),
        path.trim_end_matches('/').to_string(),
    ))
}

/// Check and normalise a prefix as typed ("https://www.Narmada.example/book/").
pub fn normalise_prefix(raw: &str) -> Result<String, FieldError> {
    let (origin, path) = split(raw).ok_or_else(|| {
        FieldError::new(
            "prefix",
            "must be an address starting with https:// or http://, such as https://narmada.example/book",
        )
    })?;
    if raw.trim().chars().count() > 500 {
        return Err(FieldError::new("prefix", "must be at most 500 characters"));
    }
    Ok(format!("{origin}{path}"))
}

/// Trackers as typed: separated by commas, spaces or new lines; lower-case names.
pub fn parse_trackers(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for t in raw
        .split([',', ' ', '\n', '\r', '\t'])
        .filter(|t| !t.is_empty())
    {
        let t = t.to_ascii_lowercase().replace('-', "_");
        if t.len() > 40 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(FieldError::new(
                "trackers",
                format!("{t:?} is not a tracker name such as meta_pixel or google_analytics"),
            ));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > MAX_TRACKERS {
        return Err(FieldError::new(
            "trackers",
            format!("lists {} trackers; at most {MAX_TRACKERS}", out.len()),
        ));
    }
    Ok(out)
}

impl UrlClass {
    pub fn parse(prefix: &str, kind: &str, trackers: &str) -> Result<UrlClass, Vec<FieldError>> {
        let mut errors = Vec::new();
        let prefix = normalise_prefix(prefix).map_err(|e| errors.push(e));
        let kind = LandingKind::parse(kind).map_err(|e| errors.push(e));
        let trackers = parse_trackers(trackers).map_err(|e| errors.push(e));
        match (prefix, kind, trackers) {
            (Ok(prefix), Ok(kind), Ok(trackers)) => Ok(UrlClass {
                prefix,
                kind,
                trackers,
            }),
            _ => Err(errors),
        }
    }

    /// Whether `url` is under this prefix (whole path segments only: /book matches
    /// /book and /book/dental, not /bookshop).
    fn covers(&self, origin: &str, path: &str) -> bool {
        let Some(prefix_path) = self.prefix.strip_prefix(origin) else {
            return false;
        };
        if !prefix_path.is_empty() && !prefix_path.starts_with('/') {
            return false;
        }
        let path_lower = path.to_ascii_lowercase();
        let prefix_lower = prefix_path.to_ascii_lowercase();
        path_lower == prefix_lower
            || path_lower
                .strip_prefix(&prefix_lower)
                .is_some_and(|rest| rest.starts_with('/'))
    }
}

/// The class with the longest prefix that covers `url`.
pub fn classify<'a>(url: &str, classes: &'a [UrlClass]) -> Option<&'a UrlClass> {
    let (origin, path) = split(url)?;
    classes
        .iter()
        .filter(|c| c.covers(&origin, &path))
        .max_by_key(|c| c.prefix.len())
}
