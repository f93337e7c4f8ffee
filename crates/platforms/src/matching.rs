//! Recognising our own post in a list of recent posts, for reconciliation on platforms
//! without idempotency keys.
//!
//! Platforms rewrite text on the way in (X wraps links in t.co, Mastodon returns HTML,
//! LinkedIn escapes reserved characters), so text is compared after normalising: HTML
//! tags and entities removed, every URL replaced by one placeholder, whitespace
//! collapsed, NFC. A marker (the post's unique short link) is stronger evidence and is
//! used instead when the probe has one.

use jiff::Timestamp;
use unicode_normalization::UnicodeNormalization;

use crate::types::{Lookup, Probe, Published};

/// One recent post as a platform listed it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub remote_id: String,
    pub url: Option<String>,
    pub text: String,
    /// Expanded link targets, where the platform lists them separately (X entities).
    pub links: Vec<String>,
    pub created_at: Option<Timestamp>,
}

pub(crate) fn pick(probe: &Probe, probe_text: &str, candidates: Vec<Candidate>) -> Lookup {
    let wanted = normalise(probe_text);
    let mut hits: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| match (probe.not_before, c.created_at) {
            (Some(nb), Some(at)) => at >= nb,
            _ => true,
        })
        .filter(|c| match &probe.marker {
            Some(m) if !m.is_empty() => {
                html_to_text(&c.text).contains(m.as_str())
                    || c.links.iter().any(|l| l.contains(m.as_str()))
            }
            _ => normalise(&c.text) == wanted,
        })
        .collect();
    match hits.len() {
        0 => Lookup::NotFound,
        1 => {
            let c = hits.remove(0);
            Lookup::Found(Published {
                remote_id: c.remote_id,
                url: c.url,
            })
        }
        _ => Lookup::Ambiguous {
            remote_ids: hits.into_iter().map(|c| c.remote_id).collect(),
        },
    }
}

/// Pages a lookup reads at most before it gives up on covering the window.
pub(crate) const MAX_LOOKUP_PAGES: usize = 10;

/// Whether a page (newest first) already reaches back before `not_before`, so older pages
/// cannot hold the post. Without `not_before` one page is all a lookup can trust.
pub(crate) fn reached_back(probe: &Probe, page: &[Candidate]) -> bool {
    match probe.not_before {
        Some(nb) => page.iter().any(|c| c.created_at.is_some_and(|t| t < nb)),
        None => true,
    }
}

/// [`pick`], except that "not found" is only believed when the listing covered the whole
/// window since `not_before`; otherwise a person has to look (ambiguous, no candidates).
pub(crate) fn decide(
    probe: &Probe,
    probe_text: &str,
    candidates: Vec<Candidate>,
    covered: bool,
) -> Lookup {
    match pick(probe, probe_text, candidates) {
        Lookup::NotFound if !covered => Lookup::Ambiguous {
            remote_ids: Vec::new(),
        },
        other => other,
    }
}

/// Text as a person reads it, comparable across the platform's rewriting.
pub(crate) fn normalise(text: &str) -> String {
    let plain = html_to_text(text);
    let mut out = String::with_capacity(plain.len());
    let mut last = 0;
    for (s, e) in domain::platform::url_ranges(&plain) {
        out.push_str(&plain[last..s]);
        out.push('\u{1}');
        last = e;
    }
    out.push_str(&plain[last..]);
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.nfc().collect()
}

/// Strip tags and decode the common entities. `<br>` and paragraph breaks become
/// newlines. Text without `<` or `&` comes back unchanged.
pub(crate) fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => {
                let tag = rest[i + 1..i + j].trim().to_ascii_lowercase();
                if tag.starts_with("br") || tag == "/p" {
                    out.push('\n');
                }
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&tail[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Platform timestamps: RFC 3339, or Graph's `2024-05-01T10:00:00+0000`.
pub(crate) fn parse_time(s: &str) -> Option<Timestamp> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    let n = s.len();
    let b = s.as_bytes();
    if n > 5 && matches!(b[n - 5], b'+' | b'-') && b[n - 4..].iter().all(u8::is_ascii_digit) {
        let fixed = format!("{}:{}", &s[..n - 2], &s[n - 2..]);
        return fixed.parse().ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(marker: Option<&str>) -> Probe {
        Probe {
            text: String::new(),
            title: None,
            idempotency_key: "k".into(),
            marker: marker.map(String::from),
            created_at: Timestamp::UNIX_EPOCH,
            not_before: Some(Timestamp::from_second(100).unwrap()),
        }
    }

    fn cand(id: &str, text: &str, at: i64) -> Candidate {
        Candidate {
            remote_id: id.into(),
            url: None,
            text: text.into(),
            links: vec![],
            created_at: Timestamp::from_second(at).ok(),
        }
    }

    #[test]
    fn normalising_survives_platform_rewrites() {
        assert_eq!(
            normalise("<p>Flu clinic &amp; vaccines<br />https://t.co/abc</p>"),
            normalise("Flu clinic & vaccines\nhttps://clinic.example/flu")
        );
        assert_eq!(normalise("a  \n b"), "a b");
    }

    #[test]
    fn picks_by_text_after_not_before() {
        let p = probe(None);
        let c = vec![
            cand("old", "Hello", 50),
            cand("new", "Hello", 150),
            cand("other", "Bye", 150),
        ];
        assert_eq!(
            pick(&p, "Hello", c),
            Lookup::Found(Published {
                remote_id: "new".into(),
                url: None
            })
        );
        let c = vec![cand("a", "Hello", 150), cand("b", "Hello", 160)];
        assert!(matches!(pick(&p, "Hello", c), Lookup::Ambiguous { .. }));
        assert_eq!(pick(&p, "Hello", vec![]), Lookup::NotFound);
    }

    #[test]
    fn marker_beats_text() {
        let p = probe(Some("bdsd.link/x7"));
        let mut c = cand("t", "Hello https://t.co/zz", 150);
        c.links = vec!["https://bdsd.link/x7".into()];
        let c2 = cand("u", "Hello https://t.co/yy", 150);
        assert_eq!(
            pick(&p, "ignored", vec![c, c2]),
            Lookup::Found(Published {
                remote_id: "t".into(),
                url: None
            })
        );
    }

    #[test]
    fn graph_times_parse() {
        assert_eq!(
            parse_time("2024-05-01T10:00:00+0000"),
            "2024-05-01T10:00:00Z".parse().ok()
        );
        assert!(parse_time("2024-05-01T10:00:00Z").is_some());
        assert!(parse_time("nonsense").is_none());
    }
}
