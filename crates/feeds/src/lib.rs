//! RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds, from bytes to a bounded, sanitised [`Feed`]
//! for the industry-news reader (PLAN-8).
//!
//! Pure: no I/O, no async, no network, no clock. Fetching is the caller's job; this crate
//! assumes every feed is hostile. Titles, summaries and names come out as plain text (never
//! markup: the web layer escapes them when rendering), links only as absolute http(s) URLs,
//! dates as epoch milliseconds. Everything is cut to [`Limits`]; what was left out is said in
//! [`Feed::warnings`]. The same bytes always give the same result, items in document order.
//!
//! ```
//! let xml = br#"<rss version="2.0"><channel><title>News</title>
//!   <link>https://example.org/</link>
//!   <item><title>Flu &amp; you</title><link>/flu</link></item></channel></rss>"#;
//! let feed = feeds::parse(xml, &feeds::Limits::default()).expect("a valid feed");
//! assert_eq!(feed.items[0].title, "Flu & you");
//! assert_eq!(feed.items[0].link.as_deref(), Some("https://example.org/flu"));
//! ```

mod assemble;
mod atom;
mod dates;
mod decode;
mod dom;
mod entities;
mod error;
mod fields;
mod links;
mod rss;
mod text;
mod xml;

pub use error::FeedError;

use dom::{Element, Ns};

/// How much of a feed is read. Inputs beyond `max_bytes` or `max_depth` are refused; longer
/// lists and texts are cut, with a warning for skipped items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Size of the raw input. Default 2 MiB.
    pub max_bytes: usize,
    /// Items kept, counted in document order after skipping unusable ones. Default 100.
    pub max_items: usize,
    /// Characters in a title or author name, "…" included. Default 300.
    pub max_title_chars: usize,
    /// Characters in a summary, "…" included. Default 2000.
    pub max_summary_chars: usize,
    /// Element nesting. Default 64; values above 512 act as 512.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 2 * 1024 * 1024,
            max_items: 100,
            max_title_chars: 300,
            max_summary_chars: 2000,
            max_depth: 64,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedKind {
    /// RSS 2.0, and the 0.9x versions with the same `<rss>` root.
    Rss2,
    /// RSS 1.0 (and 0.90): an `<rdf:RDF>` root.
    Rss1,
    /// Atom 1.0 (and the 0.3 draft): a `<feed>` root.
    Atom,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub kind: FeedKind,
    /// Plain text; the site's host name when the feed has no title.
    pub title: String,
    /// The site the feed belongs to (RSS channel link, Atom alternate link), if safe.
    pub site_url: Option<String>,
    pub items: Vec<Item>,
    /// What was skipped or dropped, one line per kind of problem, for the person who added
    /// the feed. Never quotes feed content.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable and unique within the feed: guid or Atom id, else the link, else
    /// `urn:feeds:fnv1a:<hex>` over the title and date as written. Ids over 512 characters
    /// are replaced by such a hash of themselves.
    pub guid: String,
    /// Plain text. When the feed gave none: the start of the summary, else the link.
    pub title: String,
    /// Absolute http(s) only; relative links are resolved against the site URL when simple.
    pub link: Option<String>,
    pub published_ms: Option<i64>,
    /// Plain text from the description/summary, or the full content if that is empty.
    pub summary: String,
    pub author: Option<String>,
}

/// Reads a feed. See the crate docs for what is refused and what is cleaned.
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Feed, FeedError> {
    if bytes.len() > limits.max_bytes {
        return Err(FeedError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let decoded = decode::decode(bytes)?;
    sniff(&decoded.text)?;
    let (kind, root) =
        xml::parse_tree(&decoded.text, limits.max_depth, classify).map_err(|e| match e {
            FeedError::Malformed {
                line,
                column,
                offset,
                reason,
            } => FeedError::Malformed {
                line,
                column,
                offset: decoded.input_offset(offset),
                reason,
            },
            other => other,
        })?;
    let mut feed = match kind {
        FeedKind::Rss2 => rss::read_rss2(&root, limits),
        FeedKind::Rss1 => rss::read_rss1(&root, limits),
        FeedKind::Atom => atom::read(&root, limits),
    };
    feed.warnings.splice(0..0, decoded.warnings);
    Ok(feed)
}

/// Names the common wrong inputs before the XML parser can only call them malformed: an
/// HTML page (often not well-formed XML) or a JSON document.
fn sniff(text: &str) -> Result<(), FeedError> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head: String = start
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Err(FeedError::HtmlPage);
    }
    if start.starts_with('{') || start.starts_with('[') {
        return Err(FeedError::NotXml { what: "JSON" });
    }
    Ok(())
}

fn classify(root: &Element, qualified_name: &str) -> Result<FeedKind, FeedError> {
    match (root.ns, &*root.local) {
        (_, "rss") => Ok(FeedKind::Rss2),
        (Ns::Rdf, "RDF") => Ok(FeedKind::Rss1),
        (Ns::Atom | Ns::Atom03 | Ns::None, "feed") => Ok(FeedKind::Atom),
        (_, local) if local.eq_ignore_ascii_case("html") => Err(FeedError::HtmlPage),
        _ => Err(FeedError::NotAFeed {
            root: xml::clean_name(qualified_name),
        }),
    }
}
