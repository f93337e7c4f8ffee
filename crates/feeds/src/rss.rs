//! RSS 2.0 (and 0.9x, same shape) and RSS 1.0 (RDF). Both have a channel with a title and
//! a link and a list of items; they differ in where the items sit and what identifies them.

use crate::assemble::{assemble, Draft, Head};
use crate::dom::{Element, Ns};
use crate::{fields, Feed, FeedKind, Limits};

/// RSS 2.0 has no namespace; RSS 1.0 and 0.90 have their own. Elements from any of them
/// are read the same, since feeds mix them up.
fn core(name: &'static str) -> impl Fn(Ns, &str) -> bool {
    move |ns, local| matches!(ns, Ns::None | Ns::Rss1 | Ns::Rss090) && local == name
}

fn dc(name: &'static str) -> impl Fn(Ns, &str) -> bool {
    move |ns, local| ns == Ns::Dc && local == name
}

pub(crate) fn read_rss2(root: &Element, limits: &Limits) -> Feed {
    let channel = root.child(core("channel"));
    // Items belong in the channel; a few old feeds put them beside it.
    let records: Vec<&Element> = channel
        .into_iter()
        .flat_map(Element::elements)
        .chain(root.elements())
        .filter(|e| core("item")(e.ns, &e.local))
        .collect();
    let head = head(FeedKind::Rss2, channel, limits);
    assemble(head, &records, |e| draft(e, FeedKind::Rss2, limits), limits)
}

pub(crate) fn read_rss1(root: &Element, limits: &Limits) -> Feed {
    let channel = root.child(core("channel"));
    let records: Vec<&Element> = root
        .elements()
        .filter(|e| core("item")(e.ns, &e.local))
        .collect();
    let head = head(FeedKind::Rss1, channel, limits);
    assemble(head, &records, |e| draft(e, FeedKind::Rss1, limits), limits)
}

fn head(kind: FeedKind, channel: Option<&Element>, limits: &Limits) -> Head {
    Head {
        kind,
        title: channel
            .and_then(|c| c.child(core("title")))
            .map(|t| fields::html(t, limits.max_title_chars))
            .unwrap_or_default(),
        site_link: channel
            .and_then(|c| c.child(core("link")))
            .map(Element::text),
    }
}

fn draft(item: &Element, kind: FeedKind, limits: &Limits) -> Draft {
    let title = item.child(core("title"));
    let guid = item.child(core("guid"));
    let date = item
        .child(core("pubDate"))
        .map(|d| (d.text(), false))
        .or_else(|| item.child(dc("date")).map(|d| (d.text(), true)));
    let id = match kind {
        FeedKind::Rss1 => item.attr_ns(Ns::Rdf, "about").map(str::to_owned),
        _ => None,
    }
    .or_else(|| guid.map(Element::text));
    let id_is_link = kind == FeedKind::Rss2
        && guid.is_some_and(|g| {
            !g.attr("isPermaLink")
                .is_some_and(|p| p.trim().eq_ignore_ascii_case("false"))
        });
    let mut summary = item
        .child(core("description"))
        .map(|d| fields::html(d, limits.max_summary_chars))
        .unwrap_or_default();
    if summary.is_empty() {
        // Full HTML content is a fallback only: descriptions are the summary by intent.
        if let Some(content) = item.child(|ns, l| ns == Ns::Content && l == "encoded") {
            summary = fields::html(content, limits.max_summary_chars);
        }
    }
    let author = item
        .child(dc("creator"))
        .map(|c| fields::plain(c, limits.max_title_chars))
        .filter(|a| !a.is_empty())
        .or_else(|| {
            item.child(core("author"))
                .map(|a| crate::text::plain(&display_name(&a.text()), limits.max_title_chars))
        });
    Draft {
        id,
        id_is_link,
        title: title
            .map(|t| fields::html(t, limits.max_title_chars))
            .unwrap_or_default(),
        link: item
            .elements()
            .filter(|e| core("link")(e.ns, &e.local))
            .map(Element::text)
            .find(|l| !l.trim().is_empty()),
        fallback_key: format!(
            "{}\n{}",
            title.map(Element::text).unwrap_or_default(),
            date.as_ref().map(|d| d.0.as_str()).unwrap_or_default()
        ),
        date,
        summary,
        author,
    }
}

/// RSS `<author>` is "email (Name)"; the name is what a reader shows.
fn display_name(author: &str) -> String {
    let author = author.trim();
    match (author.find('('), author.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            let name = author[open + 1..close].trim();
            if name.is_empty() { author } else { name }.to_owned()
        }
        _ => author.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::display_name;

    #[test]
    fn author_names() {
        assert_eq!(display_name("press@cdc.gov (CDC Newsroom)"), "CDC Newsroom");
        assert_eq!(display_name(" Jane Doe "), "Jane Doe");
        assert_eq!(display_name("a@b.c ()"), "a@b.c ()");
    }
}
