//! The rules shared by every format: which items are kept, what their id and link are, and
//! the warnings that say what was left out. Formats only say where the raw pieces are.

use std::collections::HashSet;

use crate::dom::Element;
use crate::{dates, links, text, Feed, FeedKind, Item, Limits};

/// Ids longer than this are replaced by a hash of themselves: an id is a key, not content.
const MAX_ID_CHARS: usize = 512;

/// One item as the format found it. Text fields are already plain and within limits.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// guid, Atom id or rdf:about, as written.
    pub id: Option<String>,
    /// RSS `guid` without `isPermaLink="false"`: a link when the item has no other.
    pub id_is_link: bool,
    pub title: String,
    pub link: Option<String>,
    /// The date as written, and whether RFC 3339 is the expected format.
    pub date: Option<(String, bool)>,
    pub summary: String,
    pub author: Option<String>,
    /// Raw title and date, for an id when the item has neither id nor link.
    pub fallback_key: String,
}

pub(crate) struct Head {
    pub kind: FeedKind,
    pub title: String,
    pub site_link: Option<String>,
}

#[derive(Default)]
struct Skipped {
    beyond_limit: usize,
    untitled: usize,
    duplicates: usize,
    links: usize,
    dates: usize,
}

pub(crate) fn assemble(
    head: Head,
    records: &[&Element],
    draft: impl Fn(&Element) -> Draft,
    limits: &Limits,
) -> Feed {
    let mut skipped = Skipped::default();
    let site_url = head.site_link.as_deref().and_then(links::absolute);
    if site_url.is_none()
        && head
            .site_link
            .as_deref()
            .is_some_and(|l| !l.trim().is_empty())
    {
        skipped.links += 1;
    }
    let base = site_url.as_deref().and_then(links::Base::new);
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in records.iter().enumerate() {
        if items.len() >= limits.max_items {
            skipped.beyond_limit = records.len() - index;
            break;
        }
        let d = draft(record);
        let written_link = d.link.as_deref().filter(|l| !l.trim().is_empty());
        let mut link = written_link.and_then(|l| links::resolve(l, base.as_ref()));
        if written_link.is_some() && link.is_none() {
            skipped.links += 1;
        }
        if link.is_none() && d.id_is_link {
            link = d.id.as_deref().and_then(links::absolute);
        }
        if d.title.is_empty() && link.is_none() {
            skipped.untitled += 1;
            continue;
        }
        let published_ms = d.date.as_ref().and_then(|(raw, iso)| {
            let parsed = dates::parse_date(raw, *iso);
            skipped.dates += usize::from(parsed.is_none() && !raw.trim().is_empty());
            parsed
        });
        let guid = stable_id(d.id.as_deref(), link.as_deref(), &d.fallback_key);
        if !seen.insert(guid.clone()) {
            skipped.duplicates += 1;
            continue;
        }
        let title = match (d.title.is_empty(), d.summary.is_empty(), &link) {
            (false, _, _) => d.title,
            (true, false, _) => text::plain(&d.summary, limits.max_title_chars.min(120)),
            (true, true, Some(l)) => text::plain(l, limits.max_title_chars),
            (true, true, None) => String::new(),
        };
        items.push(Item {
            guid,
            title,
            link,
            published_ms,
            summary: d.summary,
            author: d.author.filter(|a| !a.is_empty()),
        });
    }
    let mut warnings = warnings(&skipped, limits);
    let title = if head.title.is_empty() {
        site_url
            .as_deref()
            .map(|url| text::plain(&host(url), limits.max_title_chars))
            .unwrap_or_default()
    } else {
        head.title
    };
    if title.is_empty() {
        warnings.push("the feed has no title".to_owned());
    }
    Feed {
        kind: head.kind,
        title,
        site_url,
        items,
        warnings,
    }
}

/// guid/id, else the link, else a hash of title and date. FNV-1a is defined right here, so
/// the id of an item never changes with a dependency's version.
fn stable_id(id: Option<&str>, link: Option<&str>, fallback_key: &str) -> String {
    let cleaned = id.map(|i| text::plain(i, usize::MAX)).unwrap_or_default();
    if cleaned.chars().count() > MAX_ID_CHARS {
        return format!("urn:feeds:fnv1a:{:016x}", fnv1a(&cleaned));
    }
    if !cleaned.is_empty() {
        return cleaned;
    }
    match link {
        Some(link) => link.to_owned(),
        None => format!("urn:feeds:fnv1a:{:016x}", fnv1a(fallback_key)),
    }
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn host(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, rest)| rest);
    after.split(['/', '?', '#']).next().unwrap_or("").to_owned()
}

fn warnings(s: &Skipped, limits: &Limits) -> Vec<String> {
    let mut out = Vec::new();
    let max = limits.max_items;
    match s.beyond_limit {
        0 => {}
        1 => out.push(format!("1 item beyond the limit of {max} was skipped")),
        n => out.push(format!("{n} items beyond the limit of {max} were skipped")),
    }
    match s.untitled {
        0 => {}
        1 => out.push("an item without a title or link was skipped".to_owned()),
        n => out.push(format!("{n} items without a title or link were skipped")),
    }
    match s.duplicates {
        0 => {}
        1 => out.push("an item repeating an earlier item's id was skipped".to_owned()),
        n => out.push(format!(
            "{n} items repeating an earlier item's id were skipped"
        )),
    }
    match s.links {
        0 => {}
        1 => out.push("a link that is not a safe http(s) URL was dropped".to_owned()),
        n => out.push(format!(
            "{n} links that are not safe http(s) URLs were dropped"
        )),
    }
    match s.dates {
        0 => {}
        1 => out.push("a date could not be read".to_owned()),
        n => out.push(format!("{n} dates could not be read")),
    }
    out
}
