use super::*;
use proptest::prelude::*;

fn base() -> Base {
    Base::new("https://www.example.org/news/index.html?x=1#top").expect("valid base")
}

fn rel(raw: &str) -> Option<String> {
    resolve(raw, Some(&base()))
}

#[test]
fn absolute_http_links_pass_normalised() {
    assert_eq!(
        absolute("  HTTPS://WWW.CDC.gov/flu/index.html?a=1&b=2#x \n"),
        Some("https://www.cdc.gov/flu/index.html?a=1&b=2#x".into())
    );
    assert_eq!(absolute("http://who.int"), Some("http://who.int/".into()));
    assert_eq!(
        absolute("https://example.org:8443/a b\"<c>"),
        Some("https://example.org:8443/a%20b%22%3Cc%3E".into())
    );
    assert_eq!(
        absolute("http://[2001:db8::1]:80/x"),
        Some("http://[2001:db8::1]:80/x".into())
    );
    assert_eq!(
        absolute("https://स्वास्थ्य.भारत/"),
        Some("https://स्वास्थ्य.भारत/".into())
    );
}

#[test]
fn dangerous_or_odd_links_are_dropped() {
    for raw in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " java\nscript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "mailto:a@b.c",
        "ftp://example.org/",
        "https://cdc.gov@evil.example/",
        "https://user:pw@example.org/",
        "https:\\\\evil.example",
        "https://evil.example\\@cdc.gov/",
        "http:example.org",
        "https:///path",
        "https://exa mple.org/",
        "https://example.org:99999/",
        "https://example.org:/",
        "https://.example.org/",
        "https://cdc.gov\u{2044}evil.example/",
        "https://cdc\u{FF0E}gov/",
        "https://example.org/\u{0}x",
        "",
    ] {
        assert_eq!(absolute(raw), None, "{raw:?}");
        assert_eq!(rel(raw), None, "{raw:?}");
    }
    assert_eq!(
        absolute(&format!("https://e.org/{}", "a".repeat(MAX_URL_LEN))),
        None
    );
}

#[test]
fn simple_relative_links_resolve() {
    assert_eq!(rel("/flu/"), Some("https://www.example.org/flu/".into()));
    assert_eq!(
        rel("item.html"),
        Some("https://www.example.org/news/item.html".into())
    );
    assert_eq!(
        rel("2024/item?id=3"),
        Some("https://www.example.org/news/2024/item?id=3".into())
    );
    assert_eq!(
        rel("//cdn.example.org/x"),
        Some("https://cdn.example.org/x".into())
    );
    assert_eq!(
        rel("?page=2"),
        Some("https://www.example.org/news/index.html?page=2".into())
    );
    assert_eq!(
        rel("#comments"),
        Some("https://www.example.org/news/index.html?x=1#comments".into())
    );
}

#[test]
fn relative_links_need_a_base_and_no_dot_segments() {
    assert_eq!(resolve("/flu/", None), None);
    assert_eq!(rel("../secret"), None);
    assert_eq!(rel("./item"), None);
    assert_eq!(rel("a/../../b"), None);
    // Dots inside names are fine.
    assert_eq!(
        rel("a..b/c.d"),
        Some("https://www.example.org/news/a..b/c.d".into())
    );
}

#[test]
fn bases_must_themselves_be_safe() {
    assert_eq!(Base::new("javascript:alert(1)"), None);
    assert_eq!(Base::new("/relative"), None);
    let root = Base::new("https://example.org").expect("valid");
    assert_eq!(
        resolve("x", Some(&root)),
        Some("https://example.org/x".into())
    );
}

proptest! {
    #[test]
    fn output_is_always_http_and_quotable(raw in ".{0,80}", relative in any::<bool>()) {
        let base = base();
        let out = if relative { resolve(&raw, Some(&base)) } else { absolute(&raw) };
        if let Some(url) = out {
            prop_assert!(url.starts_with("http://") || url.starts_with("https://"));
            prop_assert!(!url.chars().any(|c| c.is_control() || c.is_whitespace()));
            prop_assert!(!url.contains(['"', '<', '>', '\\', '`']));
            let authority = url.split("://").nth(1).unwrap_or("").split('/').next().unwrap_or("");
            prop_assert!(!authority.contains('@'));
        }
    }
}
