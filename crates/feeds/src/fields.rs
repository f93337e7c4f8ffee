//! Element content to plain text, by what the format says the content is.

use crate::dom::{Element, Node};
use crate::text;

/// Content that is HTML: RSS titles and descriptions, `content:encoded`, Atom `type="html"`.
/// Usually the HTML arrives escaped or in CDATA, as text; some feeds put it in raw, as child
/// elements, and then those are turned back into tags so the HTML rules (scripts dropped
/// with their content) still apply.
pub(crate) fn html(el: &Element, max_chars: usize) -> String {
    let source = if el.has_element_children() {
        let mut out = String::new();
        serialize(&el.children, false, &mut out);
        out
    } else {
        el.text()
    };
    text::html_to_text(&source, max_chars)
}

/// Content that is text by definition: ids, names, Atom `type="text"`.
pub(crate) fn plain(el: &Element, max_chars: usize) -> String {
    text::plain(&el.text(), max_chars)
}

/// An Atom text construct or `<content>`: `type` decides. Out-of-line content (`src`) and
/// non-text media types have no text to show.
pub(crate) fn atom_text(el: &Element, max_chars: usize) -> String {
    if el.attr("src").is_some() {
        return String::new();
    }
    let kind = el
        .attr("type")
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match kind.as_str() {
        "html" | "text/html" => html(el, max_chars),
        "xhtml" | "application/xhtml+xml" => xhtml(el, max_chars),
        // Text with child elements is invalid, but their text is still the author's.
        "" | "text" | "text/plain" if el.has_element_children() => xhtml(el, max_chars),
        "" | "text" => plain(el, max_chars),
        other if other.starts_with("text/") => plain(el, max_chars),
        _ => String::new(),
    }
}

/// Inline XHTML: the elements are markup and the text nodes are text, so text is escaped
/// on the way back to HTML source and decoded exactly once by `html_to_text`.
fn xhtml(el: &Element, max_chars: usize) -> String {
    let mut out = String::new();
    serialize(&el.children, true, &mut out);
    text::html_to_text(&out, max_chars)
}

/// Back to HTML source, names only: attributes carry no text a reader shows.
fn serialize(nodes: &[Node], escape_text: bool, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) if escape_text => {
                for c in t.chars() {
                    match c {
                        '&' => out.push_str("&amp;"),
                        '<' => out.push_str("&lt;"),
                        _ => out.push(c),
                    }
                }
            }
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                // Local names are XML names, which cannot contain '>' or spaces; anything
                // unusual still becomes a harmless generic tag.
                let name: &str = if e.local.chars().all(|c| c.is_ascii_alphanumeric()) {
                    &e.local
                } else {
                    "span"
                };
                out.push('<');
                out.push_str(name);
                out.push('>');
                serialize(&e.children, escape_text, out);
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}
