//! Atom 1.0 (and the 0.3 draft, which differs in date element names). Text constructs carry
//! a `type` that says whether they are text, HTML or inline XHTML; links are `href`s with a
//! `rel`, and only the alternate (the article itself) is wanted.

use crate::assemble::{assemble, Draft, Head};
use crate::dom::{Element, Ns};
use crate::{fields, Feed, FeedKind, Limits};

/// A root `<feed>` without a namespace is read as Atom too, so its children may lack one.
fn core(name: &'static str) -> impl Fn(Ns, &str) -> bool {
    move |ns, local| matches!(ns, Ns::Atom | Ns::Atom03 | Ns::None) && local == name
}

pub(crate) fn read(root: &Element, limits: &Limits) -> Feed {
    let records: Vec<&Element> = root
        .elements()
        .filter(|e| core("entry")(e.ns, &e.local))
        .collect();
    let head = Head {
        kind: FeedKind::Atom,
        title: root
            .child(core("title"))
            .map(|t| fields::atom_text(t, limits.max_title_chars))
            .unwrap_or_default(),
        site_link: alternate_link(root),
    };
    let feed_author = author(root, limits);
    assemble(
        head,
        &records,
        |e| draft(e, feed_author.as_deref(), limits),
        limits,
    )
}

fn draft(entry: &Element, feed_author: Option<&str>, limits: &Limits) -> Draft {
    let title = entry.child(core("title"));
    let date = ["published", "issued", "updated", "modified"]
        .into_iter()
        .find_map(|name| entry.child(core(name)))
        .map(|d| (d.text(), true));
    let mut summary = entry
        .child(core("summary"))
        .map(|s| fields::atom_text(s, limits.max_summary_chars))
        .unwrap_or_default();
    if summary.is_empty() {
        if let Some(content) = entry.child(core("content")) {
            summary = fields::atom_text(content, limits.max_summary_chars);
        }
    }
    Draft {
        id: entry.child(core("id")).map(Element::text),
        id_is_link: false,
        title: title
            .map(|t| fields::atom_text(t, limits.max_title_chars))
            .unwrap_or_default(),
        link: alternate_link(entry),
        fallback_key: format!(
            "{}\n{}",
            title.map(Element::text).unwrap_or_default(),
            date.as_ref().map(|d| d.0.as_str()).unwrap_or_default()
        ),
        date,
        summary,
        author: author(entry, limits).or_else(|| feed_author.map(str::to_owned)),
    }
}

/// The first `rel="alternate"` link (the default rel), preferring an HTML page over other
/// representations; `self`, `edit`, `enclosure` and the like are not the article.
fn alternate_link(el: &Element) -> Option<String> {
    let alternates: Vec<&Element> = el
        .elements()
        .filter(|e| core("link")(e.ns, &e.local))
        .filter(|l| {
            let rel = l.attr("rel").map(str::trim).unwrap_or("alternate");
            rel.eq_ignore_ascii_case("alternate")
                || rel == "http://www.iana.org/assignments/relation/alternate"
        })
        .collect();
    let html = alternates.iter().find(|l| {
        l.attr("type").is_none_or(|t| {
            let t = t.trim().to_ascii_lowercase();
            t == "text/html" || t == "application/xhtml+xml"
        })
    });
    let chosen = html.or(alternates.first())?;
    // `<link>https://...</link>` is an RSS habit some Atom generators copy.
    match chosen.attr("href") {
        Some(href) => Some(href.to_owned()),
        None => Some(chosen.text()).filter(|t| !t.trim().is_empty()),
    }
}

fn author(el: &Element, limits: &Limits) -> Option<String> {
    el.child(core("author"))
        .and_then(|a| a.child(core("name")))
        .map(|n| fields::plain(n, limits.max_title_chars))
        .filter(|n| !n.is_empty())
}
