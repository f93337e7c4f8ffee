//! The platforms Bedside publishes to, and each one's own rules for counting text.
//!
//! Counting rules (PRODUCT.md, "Platform facts"):
//! - X: 280 weighted characters after NFC; a URL counts 23; code points in the Latin and
//!   general-punctuation ranges weigh 1, everything else (CJK, Devanagari, emoji…) 2; an
//!   emoji sequence (ZWJ, skin tone, flag) counts once as 2.
//! - Bluesky: 300 grapheme clusters.
//! - YouTube: description 5,000 UTF-8 bytes, no `<` or `>`.
//! - Mastodon: 500 characters with every URL counted as 23.
//! - Instagram: 2,200 characters and at most 30 hashtags.
//! - Facebook 63,206, LinkedIn 3,000, Google Business Profile 1,500 characters (code points).

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Facebook,
    Instagram,
    X,
    Linkedin,
    Youtube,
    GoogleBusiness,
    Mastodon,
    Bluesky,
}

impl Platform {
    pub const ALL: [Platform; 8] = [
        Platform::Facebook,
        Platform::Instagram,
        Platform::X,
        Platform::Linkedin,
        Platform::Youtube,
        Platform::GoogleBusiness,
        Platform::Mastodon,
        Platform::Bluesky,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::X => "x",
            Platform::Linkedin => "linkedin",
            Platform::Youtube => "youtube",
            Platform::GoogleBusiness => "google_business",
            Platform::Mastodon => "mastodon",
            Platform::Bluesky => "bluesky",
        }
    }

    pub fn parse(s: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Platform::Facebook => "Facebook Page",
            Platform::Instagram => "Instagram",
            Platform::X => "X",
            Platform::Linkedin => "LinkedIn",
            Platform::Youtube => "YouTube",
            Platform::GoogleBusiness => "Google Business Profile",
            Platform::Mastodon => "Mastodon",
            Platform::Bluesky => "Bluesky",
        }
    }

    /// The compliance engine's channel name for a public post on this platform.
    pub fn post_channel(self) -> &'static str {
        match self {
            Platform::Facebook => "facebook_post",
            Platform::Instagram => "instagram_post",
            Platform::X => "x_post",
            Platform::Linkedin => "linkedin_post",
            Platform::Youtube => "youtube_description",
            Platform::GoogleBusiness => "google_business_post",
            Platform::Mastodon => "mastodon_post",
            Platform::Bluesky => "bluesky_post",
        }
    }

    pub fn limit(self) -> usize {
        match self {
            Platform::Facebook => 63_206,
            Platform::Instagram => 2_200,
            Platform::X => 280,
            Platform::Linkedin => 3_000,
            Platform::Youtube => 5_000,
            Platform::GoogleBusiness => 1_500,
            Platform::Mastodon => 500,
            Platform::Bluesky => 300,
        }
    }

    /// What the limit counts, for people.
    pub fn unit(self) -> &'static str {
        match self {
            Platform::X => "weighted characters",
            Platform::Bluesky => "graphemes",
            Platform::Youtube => "bytes",
            _ => "characters",
        }
    }

    /// The length of `text` as this platform counts it.
    pub fn count(self, text: &str) -> usize {
        match self {
            Platform::X => x_weighted_length(text),
            Platform::Bluesky => text.graphemes(true).count(),
            Platform::Youtube => text.len(),
            Platform::Mastodon => with_urls_as(text, 23, |s| s.chars().count()),
            _ => text.chars().count(),
        }
    }

    /// Every rule the text breaks on this platform, as sentences.
    pub fn problems(self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let n = self.count(text);
        if n > self.limit() {
            out.push(format!(
                "{} allows {} {}; this text has {n}",
                self.label(),
                self.limit(),
                self.unit()
            ));
        }
        if self == Platform::Youtube && (text.contains('<') || text.contains('>')) {
            out.push("YouTube descriptions cannot contain < or >".into());
        }
        if self == Platform::Instagram {
            let tags = hashtags(text);
            if tags > 30 {
                out.push(format!(
                    "Instagram allows at most 30 hashtags; this text has {tags}"
                ));
            }
        }
        if text.trim().is_empty() {
            out.push("the text is empty".into());
        }
        out
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

pub fn hashtags(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.starts_with('#') && w.chars().nth(1).is_some_and(char::is_alphanumeric))
        .count()
}

/// Byte ranges of URLs (http://, https:// or www.) up to the next whitespace, without
/// trailing sentence punctuation.
pub fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let lower = text.to_ascii_lowercase();
    while i < text.len() {
        let rest = &lower[i..];
        let at_word_start = i == 0
            || text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || c == '(');
        if at_word_start
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."))
        {
            let end_rel = text[i..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - i);
            let mut end = i + end_rel;
            while end > i && text[..end].ends_with(['.', ',', ')', '!', '?', ';', ':', '"', '\'']) {
                end -= 1;
            }
            out.push((i, end));
            i += end_rel.max(1);
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Count with every URL replaced by a fixed weight.
fn with_urls_as(text: &str, url_weight: usize, count: impl Fn(&str) -> usize) -> usize {
    let mut total = 0;
    let mut last = 0;
    for (s, e) in url_ranges(text) {
        total += count(&text[last..s]) + url_weight;
        last = e;
    }
    total + count(&text[last..])
}

fn is_light(c: char) -> bool {
    matches!(c as u32, 0..=4351 | 8192..=8205 | 8208..=8223 | 8242..=8247)
}

fn is_emoji_cluster(g: &str) -> bool {
    g.chars().any(|c| {
        let u = c as u32;
        (0x1F000..=0x1FAFF).contains(&u)
            || (0x2600..=0x27BF).contains(&u)
            || u == 0x200D
            || u == 0xFE0F
    })
}

fn x_segment_weight(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| {
            if is_emoji_cluster(g) {
                2
            } else {
                g.chars().map(|c| if is_light(c) { 1 } else { 2 }).sum()
            }
        })
        .sum()
}

pub fn x_weighted_length(text: &str) -> usize {
    let nfc: String = text.nfc().collect();
    with_urls_as(&nfc, 23, x_segment_weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_counts_urls_as_23_and_wide_characters_as_2() {
        assert_eq!(x_weighted_length("hello"), 5);
        assert_eq!(
            x_weighted_length("see https://example.org/a/very/long/path/that/goes/on"),
            4 + 23
        );
        assert_eq!(
            x_weighted_length("नमस्ते"),
            6,
            "Devanagari is in the light range (U+0000–U+10FF)"
        );
        assert_eq!(x_weighted_length("日本"), 4);
        assert_eq!(x_weighted_length("👍"), 2);
        assert_eq!(x_weighted_length("👩‍⚕️"), 2, "a ZWJ sequence is one emoji");
        assert_eq!(x_weighted_length("e\u{301}"), 1, "NFC first");
    }

    #[test]
    fn bluesky_counts_graphemes_youtube_bytes() {
        assert_eq!(Platform::Bluesky.count("👩‍⚕️ ok"), 4);
        assert_eq!(Platform::Youtube.count("é"), 2);
        assert_eq!(
            Platform::Mastodon.count("a https://x.org/b c"),
            1 + 1 + 23 + 1 + 1
        );
    }

    #[test]
    fn problems_name_the_limit() {
        let long = "a".repeat(281);
        assert_eq!(
            Platform::X.problems(&long),
            vec!["X allows 280 weighted characters; this text has 281".to_string()]
        );
        assert!(Platform::X.problems("fine").is_empty());
        assert!(!Platform::Youtube.problems("a <b>").is_empty());
        let tags: String = (0..31).map(|i| format!("#t{i} ")).collect();
        assert!(Platform::Instagram
            .problems(&tags)
            .iter()
            .any(|p| p.contains("30 hashtags")));
    }

    #[test]
    fn urls_exclude_trailing_punctuation() {
        let t = "Visit https://clinic.example/book. Thanks";
        let r = url_ranges(t);
        assert_eq!(&t[r[0].0..r[0].1], "https://clinic.example/book");
    }

    proptest::proptest! {
        #[test]
        fn counting_never_panics(s in ".{0,300}") {
            for p in Platform::ALL {
                let _ = p.count(&s);
                let _ = p.problems(&s);
            }
        }
    }
}
