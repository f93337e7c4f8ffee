//! The small document tree the feed readers walk. Names are resolved to the few namespaces
//! that matter, so `<dc:date>`, `<x:date xmlns:x="http://purl.org/dc/elements/1.1/">` and a
//! sloppy undeclared `dc:date` all read the same.

/// The namespaces the readers care about; everything else is `Other` and ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    None,
    Atom,
    Atom03,
    Rss1,
    Rss090,
    Rdf,
    Dc,
    Content,
    Xhtml,
    Other,
}

impl Ns {
    pub(crate) fn from_uri(uri: &[u8]) -> Ns {
        match uri {
            // RSS 2.0 has no namespace, but UserLand's feeds briefly declared one.
            b"http://backend.userland.com/rss2" | b"http://backend.userland.com/rss" => Ns::None,
            b"http://www.w3.org/2005/Atom" => Ns::Atom,
            b"http://purl.org/atom/ns#" => Ns::Atom03,
            b"http://purl.org/rss/1.0/" => Ns::Rss1,
            b"http://my.netscape.com/rdf/simple/0.9/" => Ns::Rss090,
            b"http://www.w3.org/1999/02/22-rdf-syntax-ns#" => Ns::Rdf,
            b"http://purl.org/dc/elements/1.1/" => Ns::Dc,
            b"http://purl.org/rss/1.0/modules/content/" => Ns::Content,
            b"http://www.w3.org/1999/xhtml" => Ns::Xhtml,
            _ => Ns::Other,
        }
    }

    /// For prefixes used without a declaration, which real feeds do with `dc:` and
    /// `content:`: the conventional binding is the only sensible reading.
    pub(crate) fn from_undeclared_prefix(prefix: &[u8]) -> Ns {
        match prefix {
            b"atom" => Ns::Atom,
            b"rdf" => Ns::Rdf,
            b"dc" => Ns::Dc,
            b"content" => Ns::Content,
            b"xhtml" => Ns::Xhtml,
            _ => Ns::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attr {
    pub ns: Ns,
    pub local: Box<str>,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Element(Element),
    /// Character data with references resolved; CDATA sections are merged in as-is.
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    pub ns: Ns,
    pub local: Box<str>,
    pub attrs: Vec<Attr>,
    pub children: Vec<Node>,
}

impl Element {
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element for which `is` holds, judged on (namespace, local name).
    pub(crate) fn child(&self, is: impl Fn(Ns, &str) -> bool) -> Option<&Element> {
        self.elements().find(|e| is(e.ns, &e.local))
    }

    /// An attribute without a namespace (`href`, `rel`, `type`, `isPermaLink`).
    pub(crate) fn attr(&self, local: &str) -> Option<&str> {
        self.attr_ns(Ns::None, local)
    }

    pub(crate) fn attr_ns(&self, ns: Ns, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns == ns && &*a.local == local)
            .map(|a| a.value.as_str())
    }

    pub(crate) fn has_element_children(&self) -> bool {
        self.elements().next().is_some()
    }

    /// All character data below this element, in document order, markup ignored.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}
