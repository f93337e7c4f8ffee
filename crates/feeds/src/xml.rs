//! XML text to a bounded [`Element`] tree, on top of quick-xml's pull parser.
//!
//! What is refused here, and why: DOCTYPEs that declare entities (billion laughs, external
//! entities; quick-xml never expands them, but a feed that needs them cannot be read right
//! either), nesting beyond the caller's depth limit (a tree walker's stack), and more than
//! [`MAX_NODES`] nodes (memory: a 2 MiB document of `<a/>` would otherwise be half a million
//! allocations). The root element is shown to the caller before its content is parsed, so
//! an HTML page is named as such even when it is not well-formed XML further down.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::dom::{Attr, Element, Node, Ns};
use crate::{entities, FeedError};

/// Elements, attributes and text runs per document. Real feeds use well under 10% of this even at
/// the default size limit; beyond it the input is markup noise, not news.
pub(crate) const MAX_NODES: usize = 200_000;

/// The tree is walked recursively, so the caller's depth limit is capped here whatever it
/// says; 512 levels is far beyond any real feed and small for a stack.
pub(crate) const DEPTH_CAP: usize = 512;

/// Parses `text` and returns what `classify` made of the root element, with the tree.
pub(crate) fn parse_tree<K>(
    text: &str,
    max_depth: usize,
    classify: impl FnOnce(&Element, &str) -> Result<K, FeedError>,
) -> Result<(K, Element), FeedError> {
    let max_depth = max_depth.min(DEPTH_CAP);
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    config.allow_dangling_amp = true;
    config.check_end_names = true;
    config.check_comments = false;
    config.expand_empty_elements = false;

    let mut classify = Some(classify);
    let mut kind: Option<K> = None;
    let mut stack: Vec<Element> = Vec::new();
    let mut nodes = 0usize;
    loop {
        let at = offset(reader.buffer_position());
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (element_ns(&ns), event),
            Err(e) => {
                return Err(malformed(
                    text,
                    offset(reader.error_position()),
                    &e.to_string(),
                ));
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                if stack.len() >= max_depth {
                    let (line, column) = locate(text, at);
                    return Err(FeedError::TooDeep {
                        max_depth,
                        line,
                        column,
                    });
                }
                count_nodes(&mut nodes, 1)?;
                let element = element(&reader, ns, &start, &mut nodes).map_err(|e| match e {
                    Bad::Attribute(reason) => malformed(text, at, &reason),
                    Bad::Budget(e) => e,
                })?;
                if stack.is_empty() {
                    // The loop ends when the root closes, so this is always the first root.
                    let Some(classify) = classify.take() else {
                        break;
                    };
                    kind = Some(classify(
                        &element,
                        &String::from_utf8_lossy(start.name().0),
                    )?);
                }
                stack.push(element);
                if empty && close(&mut stack) {
                    break;
                }
            }
            Event::End(_) => {
                if close(&mut stack) {
                    break;
                }
            }
            Event::Text(t) => {
                let content = t
                    .xml10_content()
                    .map_err(|e| malformed(text, at, &e.to_string()))?;
                push_text(&mut stack, &mut nodes, &content, text, at)?;
            }
            Event::CData(c) => {
                let content = c
                    .xml10_content()
                    .map_err(|e| malformed(text, at, &e.to_string()))?;
                push_text(&mut stack, &mut nodes, &content, text, at)?;
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r);
                let resolved = match entities::resolve(&name) {
                    Some(c) => c.to_string(),
                    // Undeclared entity: keep it visible rather than fail the whole feed.
                    None => format!("&{name};"),
                };
                push_text(&mut stack, &mut nodes, &resolved, text, at)?;
            }
            Event::DocType(d) => {
                if contains_ignore_case(&d, b"<!ENTITY") {
                    return Err(FeedError::EntityDeclarations {
                        line: locate(text, at).0,
                    });
                }
            }
            Event::Eof => {
                return match stack.last() {
                    Some(open) => Err(malformed(
                        text,
                        text.len(),
                        &format!("the document ends inside <{}>", clean_name(&open.local)),
                    )),
                    None => Err(FeedError::Empty),
                };
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    // The loop only breaks once the root element is complete and classified.
    match (kind, stack.pop()) {
        (Some(kind), Some(root)) => Ok((kind, root)),
        _ => Err(FeedError::Empty),
    }
}

/// Closes the innermost element; true when that was the root. The root stays on the stack
/// so the caller can take it.
fn close(stack: &mut Vec<Element>) -> bool {
    if stack.len() <= 1 {
        return true;
    }
    if let Some(done) = stack.pop() {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(Node::Element(done));
        }
    }
    false
}

fn push_text(
    stack: &mut [Element],
    nodes: &mut usize,
    content: &str,
    text: &str,
    at: usize,
) -> Result<(), FeedError> {
    let Some(parent) = stack.last_mut() else {
        if content.trim().is_empty() {
            return Ok(());
        }
        let start = content.trim_start();
        if start.starts_with('{') || start.starts_with('[') {
            return Err(FeedError::NotXml { what: "JSON" });
        }
        return Err(malformed(text, at, "text outside the root element"));
    };
    match parent.children.last_mut() {
        Some(Node::Text(run)) => run.push_str(content),
        _ => {
            count_nodes(nodes, 1)?;
            parent.children.push(Node::Text(content.to_owned()));
        }
    }
    Ok(())
}

fn count_nodes(nodes: &mut usize, more: usize) -> Result<(), FeedError> {
    *nodes += more;
    if *nodes > MAX_NODES {
        return Err(FeedError::TooManyNodes { limit: MAX_NODES });
    }
    Ok(())
}

enum Bad {
    Attribute(String),
    Budget(FeedError),
}

/// Builds an element, counting its attributes against the node budget as it goes.
fn element(
    reader: &NsReader<&[u8]>,
    ns: Ns,
    start: &BytesStart<'_>,
    nodes: &mut usize,
) -> Result<Element, Bad> {
    let mut attrs = Vec::new();
    // Duplicate attributes are tolerated (first one wins on lookup): they break nothing
    // here, and checking for them is quadratic in the attribute count.
    for attr in start.attributes().with_checks(false) {
        let attr = attr.map_err(|e| Bad::Attribute(e.to_string()))?;
        count_nodes(nodes, 1).map_err(Bad::Budget)?;
        let key = attr.key.0;
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            continue;
        }
        let (resolved, local) = reader.resolver().resolve_attribute(attr.key);
        let ns = match resolved {
            ResolveResult::Unbound => Ns::None,
            ResolveResult::Bound(uri) => Ns::from_uri(uri.0),
            ResolveResult::Unknown(prefix) => Ns::from_undeclared_prefix(&prefix),
        };
        let raw = String::from_utf8_lossy(&attr.value);
        attrs.push(Attr {
            ns,
            local: String::from_utf8_lossy(local.as_ref()).into(),
            value: entities::unescape(&raw).into_owned(),
        });
    }
    Ok(Element {
        ns,
        local: String::from_utf8_lossy(start.local_name().as_ref()).into(),
        attrs,
        children: Vec::new(),
    })
}

fn element_ns(resolved: &ResolveResult<'_>) -> Ns {
    match resolved {
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Bound(uri) => Ns::from_uri(uri.0),
        ResolveResult::Unknown(prefix) => Ns::from_undeclared_prefix(prefix),
    }
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

fn malformed(text: &str, offset: usize, reason: &str) -> FeedError {
    let (line, column) = locate(text, offset);
    FeedError::Malformed {
        line,
        column,
        offset: offset.min(text.len()),
        reason: clean_reason(reason),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn locate(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Parser messages quote the input; a hostile feed must not put a megabyte or control
/// characters into an error that ends up in logs and on screen.
fn clean_reason(reason: &str) -> String {
    let mut out: String = reason
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(200)
        .collect();
    if reason.chars().nth(200).is_some() {
        out.push('…');
    }
    out
}

pub(crate) fn clean_name(name: &str) -> String {
    let mut out: String = name.chars().filter(|c| !c.is_control()).take(40).collect();
    if name.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}
