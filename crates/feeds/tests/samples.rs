//! Realistic feeds of each kind, written for these tests, read end to end.

use feeds::{parse, Feed, FeedKind, Limits};

fn read(bytes: &[u8]) -> Feed {
    match parse(bytes, &Limits::default()) {
        Ok(feed) => feed,
        Err(e) => panic!("sample should parse: {e}"),
    }
}

/// 2024-01-05T19:00:00Z and friends, for readability of the assertions below.
const JAN_5_1900Z: i64 = 1_704_481_200_000;

#[test]
fn rss2_health_agency_newsroom() {
    let feed = read(include_bytes!("data/health_agency_rss2.xml"));
    assert_eq!(feed.kind, FeedKind::Rss2);
    assert_eq!(feed.title, "Public Health Newsroom – Press Releases");
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://www.health-agency.example/media/")
    );
    assert_eq!(feed.items.len(), 3);
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);

    let first = &feed.items[0];
    assert_eq!(first.guid, "press-2024-0105");
    assert_eq!(
        first.title,
        "Respiratory Virus Season: What You Need to Know"
    );
    assert_eq!(
        first.link.as_deref(),
        Some("https://www.health-agency.example/media/releases/2024/p0105-respiratory.html")
    );
    // 14:00 EST is 19:00 UTC.
    assert_eq!(first.published_ms, Some(JAN_5_1900Z));
    // Description wins over content:encoded; the script and its content are gone.
    assert_eq!(
        first.summary,
        "Flu, COVID-19 and RSV are circulating. Get vaccinated — it's not too late."
    );
    assert_eq!(first.author.as_deref(), Some("Office of Communications"));

    let second = &feed.items[1];
    assert_eq!(second.title, "Measles Cases & Outbreaks Update");
    // Relative link resolved against the channel link; no guid, so the link is the id.
    let link = "https://www.health-agency.example/media/releases/2024/p0104-measles.html";
    assert_eq!(second.link.as_deref(), Some(link));
    assert_eq!(second.guid, link);
    // Missing seconds are fine.
    assert_eq!(second.published_ms, Some(1_704_359_700_000));
    assert_eq!(second.summary, "As of January 4, 58 cases were reported.");
    assert_eq!(second.author.as_deref(), Some("Division of Viral Diseases"));

    let third = &feed.items[2];
    // A permalink guid doubles as the link; empty description falls back to content.
    assert_eq!(
        third.link.as_deref(),
        Some("https://www.health-agency.example/coca/calls/2024/callinfo_010324.html")
    );
    assert_eq!(third.summary, "Join us Wednesday for an update.");
    assert_eq!(third.author, None);
}

#[test]
fn atom_global_health_news() {
    let feed = read(include_bytes!("data/global_health_atom.xml"));
    assert_eq!(feed.kind, FeedKind::Atom);
    assert_eq!(feed.title, "Global Health News");
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://www.global-health.example/news")
    );
    assert_eq!(feed.items.len(), 3);

    let first = &feed.items[0];
    assert_eq!(
        first.guid,
        "tag:global-health.example,2024-01-05:/news/item/cholera"
    );
    // type="html": tags stripped, and "&amp;amp;" is one escaped ampersand in HTML.
    assert_eq!(first.title, "Cholera situation report & response");
    assert_eq!(
        first.link.as_deref(),
        Some("https://www.global-health.example/news/item/05-01-2024-cholera")
    );
    // published wins over updated; 08:30+01:00 is 07:30Z.
    assert_eq!(first.published_ms, Some(1_704_439_800_000));
    assert_eq!(first.summary, "Cases reported in 30 countries.");
    // No entry author: the feed's.
    assert_eq!(first.author.as_deref(), Some("Global Health Media Team"));

    let second = &feed.items[1];
    assert_eq!(
        second.link.as_deref(),
        Some("https://www.global-health.example/news/item/04-01-2024-amr")
    );
    assert_eq!(second.published_ms, Some(1_704_369_600_000));
    // Inline XHTML: text kept, <script> dropped, escaped "<full>" is literal text.
    assert_eq!(
        second.summary,
        "Resistance is rising & stewardship matters. Read the <full> statement."
    );
    assert_eq!(second.author.as_deref(), Some("Director-General's Office"));

    let third = &feed.items[2];
    // type="text" is text: the "<b>" is what the author wrote, not markup.
    assert_eq!(third.title, "Plain <b> is text here");
    assert_eq!(third.link, None);
    assert_eq!(
        feed.warnings,
        vec!["a link that is not a safe http(s) URL was dropped"]
    );
}

#[test]
fn rss1_journal_in_latin1() {
    let feed = read(include_bytes!("data/journal_rdf.xml"));
    assert_eq!(feed.kind, FeedKind::Rss1);
    assert_eq!(feed.title, "Journal of Public Health: Latest");
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://journal.example/toc/current")
    );
    assert_eq!(feed.items.len(), 2);
    let first = &feed.items[0];
    assert_eq!(first.guid, "https://journal.example/doi/10.1000/jph.1");
    assert_eq!(
        first.summary,
        "Uptake rose by 12 % after outreach. Café staff helped."
    );
    assert_eq!(first.author.as_deref(), Some("Sharma, A.; Müller, B."));
    assert_eq!(first.published_ms, Some(1_704_153_600_000));
    // 09:00+05:30 is 03:30Z.
    assert_eq!(feed.items[1].published_ms, Some(1_704_079_800_000));
    assert_eq!(feed.items[1].summary, "");
}

#[test]
fn same_bytes_same_result() {
    for bytes in [
        &include_bytes!("data/health_agency_rss2.xml")[..],
        &include_bytes!("data/global_health_atom.xml")[..],
        &include_bytes!("data/journal_rdf.xml")[..],
    ] {
        assert_eq!(read(bytes), read(bytes));
    }
}

#[test]
fn minimal_feeds_and_fallbacks() {
    let feed = read(
        br#"<rss version="0.91"><channel><link>https://news.example/</link>
        <item><description>Only a description, but &lt;b&gt;a link&lt;/b&gt;</description>
        <link>https://news.example/a</link></item>
        <item><title>No link, no guid</title><pubDate>Mon, 1 Jan 2024 00:00:00 GMT</pubDate></item>
        </channel></rss>"#,
    );
    // No channel title: the site's host stands in.
    assert_eq!(feed.title, "news.example");
    assert_eq!(feed.items[0].title, "Only a description, but a link");
    assert!(feed.items[1].guid.starts_with("urn:feeds:fnv1a:"));
    assert_eq!(feed.items[1].guid.len(), "urn:feeds:fnv1a:".len() + 16);
    // The fallback id is stable across runs and limits.
    let tighter = Limits {
        max_title_chars: 5,
        ..Limits::default()
    };
    let again = parse(
        br#"<rss><channel><item><title>No link, no guid</title><pubDate>Mon, 1 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>"#,
        &tighter,
    )
    .map(|f| f.items[0].guid.clone());
    assert_eq!(again.ok().as_deref(), Some(feed.items[1].guid.as_str()));
}

#[test]
fn undeclared_prefixes_and_utf16() {
    let xml = "<rss><channel><title>T</title><item><title>नया टीका</title>\
        <dc:creator>डॉ. राव</dc:creator><dc:date>2024-01-02T03:04:05Z</dc:date>\
        <link>https://example.in/a</link></item></channel></rss>";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(xml.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for bytes in [xml.as_bytes(), &utf16[..]] {
        let feed = read(bytes);
        let item = &feed.items[0];
        assert_eq!(item.title, "नया टीका");
        assert_eq!(item.author.as_deref(), Some("डॉ. राव"));
        assert_eq!(item.published_ms, Some(1_704_164_645_000));
    }
}
