//! First-party links (COMPOSE-5): finding the links in a post, the campaign parameters added
//! to them, the coarse device class a click is counted under, and the organisation's
//! classification of its own pages. Pure.
//!
//! Privacy rules this module encodes: UTM values come only from the platform and the
//! campaign (never from anything about a person), and a click keeps nothing but its device
//! class (no address, no user agent, no time finer than the day).

use serde::{Deserialize, Serialize};

use crate::FieldError;

/// A link in a text: code-point offsets and the URL as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundUrl {
    pub start: usize,
    pub end: usize,
    pub url: String,
}

/// Characters that end a URL when they are its last character (sentence punctuation).
const TRAILING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '…', '»',
];

/// The http(s) links in `text`, in order. A link ends at white space or at characters that
/// cannot appear in a URL; sentence punctuation at its end is not part of it, and a closing
/// parenthesis is kept only when the link opened one ("…/Heart_(organ)").
pub fn find_urls(text: &str) -> Vec<FoundUrl> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
        let lower = rest.to_ascii_lowercase();
        let starts = lower.starts_with("https://") || lower.starts_with("http://");
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(starts && boundary) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && is_url_char(chars[end]) {
            end += 1;
        }
        while let Some(&last) = chars[i..end].last() {
            let opened = chars[i..end].iter().filter(|c| **c == '(').count();
            let closed = chars[i..end].iter().filter(|c| **c == ')').count();
            let balanced_paren = last == ')' && closed <= opened;
            if balanced_paren || !TRAILING.contains(&last) {
                break;
            }
            end -= 1;
        }
        let url: String = chars[i..end].iter().collect();
        let scheme_len = if url.to_ascii_lowercase().starts_with("https://") {
            8
        } else {
            7
        };
        if url.chars().count() > scheme_len {
            out.push(FoundUrl { start: i, end, url });
        }
        i = end.max(i + 1);
    }
    out
}

fn is_url_char(c: char) -> bool {
    !c.is_whitespace()
        && !c.is_control()
        && !matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
}

/// Replace each found URL by what `replace` returns for it.
pub fn rewrite_urls(text: &str, mut replace: impl FnMut(&str) -> String) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for u in find_urls(text) {
        out.extend(&chars[at..u.start]);
        out.push_str(&replace(&u.url));
        at = u.end;
    }
    out.extend(&chars[at..]);
    out
}

/// Lower-case letters, digits and single hyphens, at most 40 characters: "World Heart Day
/// 2026!" → "world-heart-day-2026".
pub fn slug(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Add `utm_source` (the platform), `utm_medium=social` and, with a campaign,
/// `utm_campaign`. Parameters the author already wrote are kept as they are.
pub fn with_utm(url: &str, platform: &str, campaign: Option<&str>) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let has = |key: &str| {
        base.split_once('?').is_some_and(|(_, q)| {
            q.split('&').any(|kv| {
                kv.split('=')
                    .next()
                    .is_some_and(|k| k.eq_ignore_ascii_case(key))
            })
        })
    };
    let mut params: Vec<(&str, String)> = vec![
        ("utm_source", slug(platform)),
        ("utm_medium", "social".into()),
    ];
    if let Some(c) = campaign.map(slug).filter(|c| !c.is_empty()) {
        params.push(("utm_campaign", c));
    }
    let extra: Vec<String> = params
        .into_iter()
        .filter(|(k, v)| !has(k) && !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let mut out = base.to_string();
    if !extra.is_empty() {
        let sep = if !base.contains('?') {
            "?"
        } else if base.ends_with('?') || base.ends_with('&') {
            ""
        } else {
            "&"
        };
        out.push_str(sep);
        out.push_str(&extra.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The only thing a click keeps about who clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceClass {
    Mobile,
    Tablet,
    Desktop,
    /// Link-preview fetchers and crawlers: counted apart, not as people.
    Bot,
    Unknown,
}

impl DeviceClass {
    pub const ALL: [DeviceClass; 5] = [
        DeviceClass::Mobile,
        DeviceClass::Tablet,
        DeviceClass::Desktop,
        DeviceClass::Bot,
        DeviceClass::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeviceClass::Mobile => "mobile",
            DeviceClass::Tablet => "tablet",
            DeviceClass::Desktop => "desktop",
            DeviceClass::Bot => "bot",
            DeviceClass::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<DeviceClass> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// Classify a `User-Agent` header. The header itself is never kept.
    pub fn of_user_agent(ua: &str) -> DeviceClass {
        let ua = ua.to_ascii_lowercase();
        if ua.trim().is_empty() {
            return DeviceClass::Unknown;
        }
        const BOTS: &[&str] = &[
            "bot",
            "crawler",
            "spider",
            "facebookexternalhit",
            "slurp",
            "preview",
            "embedly",
            "whatsapp",
            "telegram",
            "curl/",
            "wget/",
            "python-requests",
            "headless",
        ];
        if BOTS.iter().any(|b| ua.contains(b)) {
            return DeviceClass::Bot;
        }
        if ua.contains("ipad")
            || ua.contains("tablet")
            || (ua.contains("android") && !ua.contains("mobile"))
        {
            return DeviceClass::Tablet;
        }
        if ua.contains("mobi") || ua.contains("iphone") || ua.contains("ipod") {
            return DeviceClass::Mobile;
        }
        if ua.contains("windows")
            || ua.contains("macintosh")
            || ua.contains("x11")
            || ua.contains("cros")
        {
            return DeviceClass::Desktop;
        }
        DeviceClass::Unknown
    }
}

/// What kind of page a link lands on, as the organisation classified its own URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LandingKind {
    PublicInfo,
    Booking,
    Portal,
    Intake,
}

impl LandingKind {
    pub const ALL: [LandingKind; 4] = [
        LandingKind::PublicInfo,
        LandingKind::Booking,
        LandingKind::Portal,
        LandingKind::Intake,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LandingKind::PublicInfo => "public_info",
            LandingKind::Booking => "booking",
            LandingKind::Portal => "portal",
            LandingKind::Intake => "intake",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LandingKind::PublicInfo => "Public information",
            LandingKind::Booking => "Appointment booking",
            LandingKind::Portal => "Patient portal",
            LandingKind::Intake => "Intake or symptom form",
        }
    }

    pub fn parse(s: &str) -> Result<LandingKind, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                FieldError::new("kind", "must be public_info, booking, portal or intake")
            })
    }

    /// Pages where a visit itself says something about a person's health.
    pub fn is_sensitive(self) -> bool {
        !matches!(self, LandingKind::PublicInfo)
    }
}

#[path = "links_class.rs"]
mod class;
pub use class::{classify, normalise_prefix, parse_trackers, UrlClass};

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
