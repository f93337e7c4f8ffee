//! Inputs written to hurt: every one must be refused with a precise error or read safely.

use feeds::{parse, Feed, FeedError, Limits};

fn defaults(bytes: &[u8]) -> Result<Feed, FeedError> {
    parse(bytes, &Limits::default())
}

fn ok(bytes: &[u8]) -> Feed {
    match defaults(bytes) {
        Ok(feed) => feed,
        Err(e) => panic!("should parse: {e}"),
    }
}

fn rss_items(items: &str) -> String {
    format!(
        "<rss version=\"2.0\"><channel><title>T</title><link>https://site.example/news/</link>\
         {items}</channel></rss>"
    )
}

#[test]
fn oversized_input_is_refused_with_sizes() {
    let big = vec![b' '; 3_355_444];
    let err = defaults(&big).err();
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("the feed is 3.2 MB; the limit is 2 MB")
    );
}

#[test]
fn malformed_xml_says_where() {
    let err = defaults(b"<rss>\n<channel>\n<item></channel>\n</rss>").err();
    match err {
        Some(FeedError::Malformed {
            line,
            column,
            offset,
            reason,
        }) => {
            assert_eq!((line, column, offset), (3, 7, 22), "{reason}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
    let err = defaults(b"<rss><channel><item><title>cut off").err();
    let message = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("ends inside <title>"), "{message}");
    assert!(
        message.starts_with("malformed XML at line 1, column "),
        "{message}"
    );
}

#[test]
fn html_pages_are_named() {
    for page in [
        &b"<!DOCTYPE html><html><head><meta charset=utf-8><title>x</title>"[..],
        b"\xEF\xBB\xBF\n  <HTML lang=en><body><p>unclosed",
        b"<?xml version=\"1.0\"?><!-- x --><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>",
    ] {
        let err = defaults(page).err();
        assert_eq!(err, Some(FeedError::HtmlPage));
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("this is an HTML page, not a feed")
        );
    }
}

#[test]
fn other_documents_are_named() {
    assert_eq!(
        defaults(b"<?xml version='1.0'?><opml version='2.0'/>")
            .err()
            .map(|e| e.to_string())
            .as_deref(),
        Some("the root element is <opml>; a feed starts with <rss>, <rdf:RDF> or <feed>")
    );
    let long = format!("<{}/>", "x".repeat(5000));
    match defaults(long.as_bytes()).err() {
        Some(FeedError::NotAFeed { root }) => assert!(root.chars().count() <= 41),
        other => panic!("expected NotAFeed, got {other:?}"),
    }
    assert_eq!(
        defaults(br#"{"version": "https://jsonfeed.org/version/1.1"}"#).err(),
        Some(FeedError::NotXml { what: "JSON" })
    );
    for empty in [
        &b""[..],
        b"   \n",
        b"<?xml version=\"1.0\"?><!-- nothing -->",
    ] {
        assert_eq!(defaults(empty).err(), Some(FeedError::Empty));
    }
}

#[test]
fn entity_declarations_are_refused() {
    let billion_laughs = br#"<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><title>&lol3;</title></channel></rss>"#;
    assert_eq!(
        defaults(billion_laughs).err(),
        Some(FeedError::EntityDeclarations { line: 2 })
    );
    let xxe = br#"<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>"#;
    assert!(matches!(
        defaults(xxe),
        Err(FeedError::EntityDeclarations { .. })
    ));
    let parameter =
        br#"<!DOCTYPE rss [<!entity % p SYSTEM "http://evil.example/x.dtd"> %p;]><rss/>"#;
    assert!(matches!(
        defaults(parameter),
        Err(FeedError::EntityDeclarations { .. })
    ));
}

#[test]
fn plain_doctypes_are_fine_and_undeclared_entities_stay_literal() {
    let feed = ok(br#"<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old &amp; &xxe; &nbsp;fine</title></channel></rss>"#);
    assert_eq!(feed.title, "Old & &xxe; fine");
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let deep = |n: usize| format!("<rss>{}{}</rss>", "<a>".repeat(n), "</a>".repeat(n));
    match defaults(deep(100).as_bytes()).err() {
        Some(FeedError::TooDeep {
            max_depth, line, ..
        }) => {
            assert_eq!((max_depth, line), (64, 1));
        }
        other => panic!("expected TooDeep, got {other:?}"),
    }
    assert!(defaults(deep(60).as_bytes()).is_ok());
    // Even a caller who lifts the limit gets the internal cap, not a stack overflow.
    let unlimited = Limits {
        max_depth: usize::MAX,
        ..Limits::default()
    };
    let err = parse(deep(100_000).as_bytes(), &unlimited).err();
    assert!(
        matches!(err, Some(FeedError::TooDeep { max_depth: 512, .. })),
        "{err:?}"
    );
}

#[test]
fn node_floods_are_refused() {
    let flood = format!("<rss><channel>{}</channel></rss>", "<a/>".repeat(250_000));
    assert!(matches!(
        defaults(flood.as_bytes()),
        Err(FeedError::TooManyNodes { limit: 200_000 })
    ));
    // Attributes count too: one tag can hold hundreds of thousands.
    let attributes: String = (0..250_000).map(|i| format!(" a{i}=''")).collect();
    let flood = format!("<rss><channel{attributes}/></rss>");
    let roomy = Limits {
        max_bytes: 8 * 1024 * 1024,
        ..Limits::default()
    };
    let err = parse(flood.as_bytes(), &roomy).err();
    assert_eq!(err, Some(FeedError::TooManyNodes { limit: 200_000 }));
}

#[test]
fn item_limit_keeps_the_first_and_says_how_many_were_skipped() {
    let items: String = (0..112)
        .map(|i| format!("<item><title>n{i}</title><guid>g{i}</guid></item>"))
        .collect();
    let feed = ok(rss_items(&items).as_bytes());
    assert_eq!(feed.items.len(), 100);
    assert_eq!(feed.items[0].title, "n0");
    assert_eq!(feed.items[99].title, "n99");
    assert_eq!(
        feed.warnings,
        vec!["12 items beyond the limit of 100 were skipped"]
    );
}

#[test]
fn unusable_and_repeated_items_are_skipped_with_warnings() {
    let feed = ok(rss_items(
        "<item><description>no title, no link</description></item>\
         <item><title>  </title><link>javascript:alert(1)</link></item>\
         <item><title>A</title><guid>same</guid></item>\
         <item><title>B</title><guid>same</guid></item>\
         <item><title>C</title><pubDate>next Tuesday</pubDate></item>",
    )
    .as_bytes());
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["A", "C"]);
    assert_eq!(
        feed.warnings,
        vec![
            "2 items without a title or link were skipped",
            "an item repeating an earlier item's id was skipped",
            "a link that is not a safe http(s) URL was dropped",
            "a date could not be read",
        ]
    );
}

#[test]
fn unsafe_links_never_come_out() {
    let feed = ok(br#"<rss><channel><title>T</title><link>javascript:alert(1)</link>
        <item><title>a</title><link>/relative/without/base</link></item>
        <item><title>b</title><link> JAVASCRIPT:alert(1)</link></item>
        <item><title>c</title><guid>javascript:alert(1)</guid></item>
        <item><title>d</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
        <item><title>e</title><link>https://good.example@evil.example/</link></item>
        <item><title>f</title><link>java&#x09;script:alert(1)</link></item>
        </channel></rss>"#);
    assert_eq!(feed.site_url, None);
    assert_eq!(feed.items.len(), 6);
    assert!(
        feed.items.iter().all(|i| i.link.is_none()),
        "{:?}",
        feed.items
    );
}

#[test]
fn markup_in_titles_and_summaries_becomes_text() {
    let feed = ok(rss_items(
        "<item><title><![CDATA[<img src=x onerror=alert(1)>Hello <script>evil()</script>world]]></title>\
         <link>a.html</link>\
         <description>&lt;iframe src=&quot;//evil&quot;&gt;&lt;/iframe&gt;&lt;style&gt;*{}&lt;/style&gt;Body\u{202E}txt\u{0007}</description></item>\
         <item><title>Raw <b>child</b> <script>elements()</script>too</title><link>b.html</link></item>",
    )
    .as_bytes());
    assert_eq!(feed.items[0].title, "Hello world");
    assert_eq!(feed.items[0].summary, "Bodytxt");
    assert_eq!(
        feed.items[0].link.as_deref(),
        Some("https://site.example/news/a.html")
    );
    assert_eq!(feed.items[1].title, "Raw child too");
}

#[test]
fn long_text_is_cut_with_an_ellipsis() {
    let title = "Very long title ".repeat(100);
    let summary = "ü".repeat(10_000);
    let feed = ok(rss_items(&format!(
        "<item><title>{title}</title><link>x</link><description>{summary}</description></item>"
    ))
    .as_bytes());
    let item = &feed.items[0];
    assert_eq!(item.title.chars().count(), 300);
    assert!(item.title.starts_with("Very long title Very"));
    assert!(item.title.ends_with("long t…"), "{}", item.title);
    assert_eq!(item.summary.chars().count(), 2000);
    assert!(item.summary.ends_with("üü…"));
    let small = Limits {
        max_title_chars: 10,
        max_summary_chars: 0,
        ..Limits::default()
    };
    let feed = parse(
        rss_items(
            "<item><title>Exactly 10</title><link>x</link><description>gone</description></item>",
        )
        .as_bytes(),
        &small,
    );
    let item = feed.map(|f| f.items[0].clone()).ok();
    assert_eq!(item.as_ref().map(|i| i.title.as_str()), Some("Exactly 10"));
    assert_eq!(item.map(|i| i.summary), Some(String::new()));
}

#[test]
fn unsupported_encodings_are_refused_by_name() {
    let err = defaults(b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss/>").err();
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some(
            "the feed uses the encoding \"koi8-r\", which is not supported \
             (supported: UTF-8, UTF-16, ISO-8859-1, windows-1252, US-ASCII)"
        )
    );
}

#[test]
fn content_after_the_root_is_ignored() {
    let feed = ok(b"<rss><channel><title>T</title></channel></rss><rss><script>x</script>");
    assert_eq!(feed.title, "T");
}

#[test]
fn huge_ids_are_hashed() {
    let id = "i".repeat(5000);
    let feed = ok(rss_items(&format!("<item><title>t</title><guid>{id}</guid></item>")).as_bytes());
    assert!(feed.items[0].guid.starts_with("urn:feeds:fnv1a:"));
}

/// Each of these would take minutes if any scan were quadratic; they must stay instant.
#[test]
fn pathological_markup_is_handled_in_linear_time() {
    let n = 300_000;
    for body in [
        "<".repeat(n),
        "<a".repeat(n),
        "&".repeat(n),
        "&amp".repeat(n),
        "<object>".repeat(n / 4),
        "<script>".repeat(n / 4),
        "<!--".repeat(n / 2),
        "<a title=\"".repeat(n / 4),
    ] {
        let escaped = body.replace('&', "&amp;").replace('<', "&lt;");
        let xml = rss_items(&format!(
            "<item><title>t</title><link>x</link><description>{escaped}</description></item>"
        ));
        let roomy = Limits {
            max_bytes: 8 * 1024 * 1024,
            ..Limits::default()
        };
        let feed = parse(xml.as_bytes(), &roomy).map(|f| f.items[0].summary.chars().count());
        assert!(feed.is_ok_and(|n| n <= 2000));
    }
}

#[test]
fn a_full_size_feed_keeps_the_first_hundred() {
    let item = "<item><title>Weekly influenza surveillance report</title>\
        <link>/fluview/weekly/</link><pubDate>Fri, 05 Jan 2024 14:00:00 EST</pubDate>\
        <description>&lt;p&gt;Seasonal influenza activity remains elevated.&lt;/p&gt;</description></item>";
    let count = (2 * 1024 * 1024 - 200) / (item.len() + 24);
    let items: String = (0..count)
        .map(|i| {
            item.replace(
                "<link>/fluview/weekly/",
                &format!("<guid>id-{i}</guid><link>/fluview/weekly/{i}"),
            )
        })
        .collect();
    let xml = rss_items(&items);
    assert!(xml.len() <= 2 * 1024 * 1024, "{}", xml.len());
    let feed = ok(xml.as_bytes());
    assert_eq!(feed.items.len(), 100);
    assert_eq!(
        feed.warnings,
        vec![format!(
            "{} items beyond the limit of 100 were skipped",
            count - 100
        )]
    );
}
