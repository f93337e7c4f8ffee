use proptest::prelude::*;

use super::*;

#[test]
fn urls_are_found_without_trailing_punctuation() {
    let text = "Book at https://narmada.example/book. See (https://en.wikipedia.org/wiki/Heart_(organ)) and http://who.int!";
    let urls: Vec<String> = find_urls(text).into_iter().map(|u| u.url).collect();
    assert_eq!(
        urls,
        vec![
            "https://narmada.example/book",
            "https://en.wikipedia.org/wiki/Heart_(organ)",
            "http://who.int"
        ]
    );
    let u = &find_urls("नमस्ते https://x.example/a?b=1")[0];
    assert_eq!((u.start, u.end), (7, 30), "offsets are code points");
    assert!(find_urls("https:// and xhttps://a.example").is_empty());
}

#[test]
fn rewriting_keeps_the_rest_of_the_text() {
    let out = rewrite_urls("Read https://a.example/x, then https://b.example.", |u| {
        format!("<{}>", u.len())
    });
    assert_eq!(out, "Read <19>, then <17>.");
}

#[test]
fn utm_comes_from_platform_and_campaign_only() {
    assert_eq!(
        with_utm("https://narmada.example/heart", "x", Some("World Heart Day 2026!")),
        "https://narmada.example/heart?utm_source=x&utm_medium=social&utm_campaign=world-heart-day-2026"
    );
    assert_eq!(
        with_utm(
            "https://a.example/p?ref=1&utm_source=news#top",
            "facebook",
            None
        ),
        "https://a.example/p?ref=1&utm_source=news&utm_medium=social#top",
        "the author's own parameters stay"
    );
    assert_eq!(slug("  --Monsoon  Care ++ "), "monsoon-care");
}

#[test]
fn device_classes() {
    let c = DeviceClass::of_user_agent;
    assert_eq!(
        c("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"),
        DeviceClass::Mobile
    );
    assert_eq!(
        c("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36"),
        DeviceClass::Mobile
    );
    assert_eq!(
        c("Mozilla/5.0 (Linux; Android 13; SM-X700) Chrome/120 Safari/537.36"),
        DeviceClass::Tablet
    );
    assert_eq!(
        c("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120"),
        DeviceClass::Desktop
    );
    assert_eq!(c("facebookexternalhit/1.1"), DeviceClass::Bot);
    assert_eq!(c("Twitterbot/1.0"), DeviceClass::Bot);
    assert_eq!(c(""), DeviceClass::Unknown);
}

#[test]
fn the_longest_prefix_classifies_a_page() {
    let classes = vec![
        UrlClass::parse("https://www.Narmada.example/", "public_info", "").unwrap(),
        UrlClass::parse(
            "https://narmada.example/book/",
            "booking",
            "Meta-Pixel, google_analytics",
        )
        .unwrap(),
    ];
    assert_eq!(classes[0].prefix, "https://narmada.example");
    assert_eq!(classes[1].trackers, vec!["meta_pixel", "google_analytics"]);
    let kind = |u: &str| classify(u, &classes).map(|c| c.kind);
    assert_eq!(
        kind("https://narmada.example/book/dental?x=1"),
        Some(LandingKind::Booking)
    );
    assert_eq!(
        kind("https://NARMADA.example/Book"),
        Some(LandingKind::Booking)
    );
    assert_eq!(
        kind("https://narmada.example/bookshop"),
        Some(LandingKind::PublicInfo)
    );
    assert_eq!(kind("https://other.example/book"), None);
    assert_eq!(kind("https://narmada.example.evil.test/book"), None);
    let e = UrlClass::parse("ftp://x", "shop", "a;b").unwrap_err();
    let fields: Vec<&str> = e.iter().map(|f| f.field).collect();
    assert_eq!(fields, vec!["prefix", "kind", "trackers"]);
}

proptest! {
    #[test]
    fn found_urls_are_inside_the_text(text in ".{0,80}", url in "https?://[a-z]{1,8}\\.example/[a-z0-9/()._-]{0,12}") {
        let s = format!("{text} {url} end");
        let chars: Vec<char> = s.chars().collect();
        for u in find_urls(&s) {
            prop_assert!(u.start < u.end && u.end <= chars.len());
            prop_assert_eq!(chars[u.start..u.end].iter().collect::<String>(), u.url.clone());
        }
        let same = rewrite_urls(&s, |u| u.to_string());
        prop_assert_eq!(same, s);
    }

    #[test]
    fn classification_never_panics(url in ".{0,60}", prefix in "https?://[a-zA-Z.]{1,12}(/[a-z]{0,6}){0,3}") {
        if let Ok(c) = UrlClass::parse(&prefix, "booking", "") {
            let _ = classify(&url, std::slice::from_ref(&c));
        }
        let _ = DeviceClass::of_user_agent(&url);
        let _ = with_utm(&url, "x", Some(&url));
    }
}
