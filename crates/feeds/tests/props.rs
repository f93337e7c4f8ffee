//! Whatever the bytes, parsing never panics, and whatever it returns respects the limits
//! and the promises (plain text, safe links, unique ids, same result twice).

use std::collections::HashSet;

use feeds::{parse, Feed, Limits};
use proptest::prelude::*;

const SAMPLES: [&[u8]; 3] = [
    include_bytes!("data/health_agency_rss2.xml"),
    include_bytes!("data/global_health_atom.xml"),
    include_bytes!("data/journal_rdf.xml"),
];

fn clean_text(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        && s.trim() == s
}

fn check(feed: &Feed, limits: &Limits) -> Result<(), TestCaseError> {
    prop_assert!(feed.items.len() <= limits.max_items);
    prop_assert!(feed.title.chars().count() <= limits.max_title_chars);
    prop_assert!(clean_text(&feed.title));
    prop_assert!(feed.warnings.len() <= 8);
    let mut ids = HashSet::new();
    for url in feed
        .items
        .iter()
        .filter_map(|i| i.link.as_ref())
        .chain(&feed.site_url)
    {
        prop_assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{}",
            url
        );
        prop_assert!(
            !url.chars().any(|c| c.is_control() || c.is_whitespace()),
            "{:?}",
            url
        );
        prop_assert!(!url.contains(['"', '<', '>', '\\', '`']), "{}", url);
    }
    for item in &feed.items {
        prop_assert!(item.title.chars().count() <= limits.max_title_chars);
        prop_assert!(item.summary.chars().count() <= limits.max_summary_chars);
        prop_assert!(clean_text(&item.title) && clean_text(&item.summary));
        if let Some(author) = &item.author {
            prop_assert!(author.chars().count() <= limits.max_title_chars);
            prop_assert!(clean_text(author) && !author.is_empty());
        }
        prop_assert!(!item.guid.is_empty() && item.guid.chars().count() <= 2048);
        prop_assert!(ids.insert(item.guid.clone()), "duplicate id {}", item.guid);
    }
    Ok(())
}

fn check_bytes(bytes: &[u8], limits: &Limits) -> Result<(), TestCaseError> {
    let first = parse(bytes, limits);
    prop_assert_eq!(&first, &parse(bytes, limits));
    if let Ok(feed) = &first {
        check(feed, limits)?;
    }
    Ok(())
}

fn small_limits() -> impl Strategy<Value = Limits> {
    (0usize..6, 0usize..40, 0usize..80, 1usize..12).prop_map(|(items, title, summary, depth)| {
        Limits {
            max_bytes: 1 << 20,
            max_items: items,
            max_title_chars: title,
            max_summary_chars: summary,
            max_depth: depth,
        }
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Insert(usize, &'static str),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let nasty = prop::sample::select(vec![
        "<",
        ">",
        "&",
        "&#",
        ";",
        "/",
        "]]>",
        "<![CDATA[",
        "<!--",
        "\"",
        "'",
        "<item>",
        "</item>",
        "<entry>",
        "<script>",
        "&nbsp;",
        "&#x202E;",
        "\u{0}",
        "\u{FEFF}",
        "\u{FFFF}",
        "javascript:",
        "<!DOCTYPE x [<!ENTITY a 'b'>]>",
        "xmlns:dc='x'",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
        (any::<usize>(), nasty).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), 0usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 0usize..256).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Replace(at, b) => {
                if let Some(slot) = bytes.get_mut(at % len) {
                    *slot = b;
                }
            }
            Mutation::Insert(at, s) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mutation::Duplicate(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                let copy: Vec<u8> = bytes[at.min(end)..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// Text for a generated feed: any characters, escaped for XML so the feed stays valid.
fn xml_escape(s: &str) -> String {
    s.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || (!c.is_control() && *c != '\u{FFFE}' && *c != '\u{FFFF}')
        })
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            _ => c.to_string(),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_bytes(&bytes, &Limits::default())?;
    }

    #[test]
    fn arbitrary_text_starting_like_a_feed_never_panics(
        root in prop::sample::select(vec!["<rss><channel>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"]),
        body in ".{0,400}",
        limits in small_limits(),
    ) {
        check_bytes(format!("{root}{body}").as_bytes(), &limits)?;
    }

    #[test]
    fn mutated_samples_never_panic_and_respect_limits(
        sample in 0usize..SAMPLES.len(),
        mutations in prop::collection::vec(mutation(), 1..8),
        limits in prop_oneof![Just(Limits::default()), small_limits()],
    ) {
        check_bytes(&apply(SAMPLES[sample].to_vec(), &mutations), &limits)?;
    }

    #[test]
    fn generated_feeds_parse_and_respect_limits(
        items in prop::collection::vec((".{0,60}", ".{0,200}", ".{0,40}", any::<bool>()), 0..12),
        title in ".{0,80}",
        limits in small_limits(),
    ) {
        let limits = Limits { max_depth: 8, ..limits };
        let body: String = items.iter().map(|(t, d, l, cdata)| {
            let description = if *cdata && !d.contains("]]>") {
                format!("<![CDATA[{}]]>", d.chars().filter(|c| !c.is_control() && *c != '\u{FFFE}' && *c != '\u{FFFF}').collect::<String>())
            } else {
                xml_escape(d)
            };
            format!("<item><title>{}</title><link>{}</link><description>{description}</description></item>",
                xml_escape(t), xml_escape(l))
        }).collect();
        let xml = format!("<rss><channel><title>{}</title><link>https://e.example/</link>{body}</channel></rss>", xml_escape(&title));
        let feed = parse(xml.as_bytes(), &limits);
        prop_assert!(feed.is_ok(), "{:?}", feed.err());
        if let Ok(feed) = feed {
            check(&feed, &limits)?;
        }
    }
}
