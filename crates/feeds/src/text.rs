//! HTML (or plain text) to one clean line of plain text.
//!
//! Feeds put HTML in titles and summaries, escaped or in CDATA. Rendering it is the web
//! layer's job and trusting it is nobody's: the output here is text only. Tags go, their text
//! stays; script-like elements go with their content; entities are decoded once (a literal
//! `<` that results is text and will be escaped when shown); control and bidi-override
//! characters go; whitespace collapses; the result is cut at a grapheme boundary so a Hindi
//! conjunct or an emoji sequence is never split.

use unicode_segmentation::UnicodeSegmentation;

use crate::entities;

/// Elements dropped with everything inside. HTML parses the first group as raw text (the
/// first `</name` ends them); the second can nest, so nesting is counted.
const RAW_TEXT: [&str; 5] = ["script", "style", "iframe", "noscript", "xmp"];
const DROP_NESTED: [&str; 6] = ["object", "template", "svg", "math", "head", "applet"];

/// Elements that separate words when their tags are removed ("a</p><p>b" is "a b").
const BLOCKS: [&str; 42] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "img",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "tr",
    "ul",
];

/// Plain text from HTML source, at most `max_chars` characters.
pub(crate) fn html_to_text(html: &str, max_chars: usize) -> String {
    let mut sink = Sink::new(max_chars);
    let bytes = html.as_bytes();
    let (mut i, mut run_start) = (0, 0);
    while i < bytes.len() && !sink.full() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // Text before a tag goes in first, so a block tag's space lands after it. Cutting a
        // run at '<' cannot split a reference: none contains '<'.
        sink.push_str(&entities::unescape(&html[run_start..i]));
        run_start = i;
        match skip_markup(bytes, i, &mut sink) {
            Some(next) => {
                i = next;
                run_start = next;
            }
            None => i += 1, // a lone '<' is text, and stays in the run
        }
    }
    if !sink.full() && run_start < bytes.len() {
        sink.push_str(&entities::unescape(&html[run_start..]));
    }
    sink.finish()
}

/// Plain text that is already text (Atom `type="text"`, names, ids): only cleaned and cut.
pub(crate) fn plain(text: &str, max_chars: usize) -> String {
    let mut sink = Sink::new(max_chars);
    sink.push_str(text);
    sink.finish()
}

/// If markup starts at `at`, where it ends (an index into `bytes`, possibly `bytes.len()`
/// for unterminated markup, which is dropped as a browser would). `None` for a lone `<`.
fn skip_markup(bytes: &[u8], at: usize, sink: &mut Sink) -> Option<usize> {
    let rest = &bytes[at + 1..];
    let after = |n: usize| at + 1 + n;
    match rest.first()? {
        b'!' if rest.starts_with(b"!--") => {
            Some(find(bytes, after(3), b"-->").map_or(bytes.len(), |p| p + 3))
        }
        b'!' | b'?' => Some(tag_end(bytes, after(1)).0),
        b'/' if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
            let name = tag_name(&rest[1..]);
            if BLOCKS.contains(&name.as_str()) {
                sink.space();
            }
            Some(tag_end(bytes, after(1 + name.len())).0)
        }
        c if c.is_ascii_alphabetic() => {
            let name = tag_name(rest);
            let (end, self_closing) = tag_end(bytes, after(name.len()));
            if BLOCKS.contains(&name.as_str()) {
                sink.space();
            }
            if self_closing {
                return Some(end);
            }
            if RAW_TEXT.contains(&name.as_str()) {
                return Some(close_of(bytes, end, &name, false));
            }
            if DROP_NESTED.contains(&name.as_str()) {
                return Some(close_of(bytes, end, &name, true));
            }
            Some(end)
        }
        _ => None,
    }
}

/// Lowercased tag name at the start of `bytes`.
fn tag_name(bytes: &[u8]) -> String {
    let len = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':')))
        .unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..len]).to_ascii_lowercase()
}

/// From inside a tag, the index after its `>` (quotes respected) and whether it was `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut last = 0u8;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return (i + 1, last == b'/'),
            q @ (b'"' | b'\'') => match bytes[i + 1..].iter().position(|b| *b == q) {
                Some(p) => i += p + 1,
                None => return (bytes.len(), false),
            },
            b if !b.is_ascii_whitespace() => last = b,
            _ => {}
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// The index after the tag that closes `name`, or the end if it never closes.
fn close_of(bytes: &[u8], from: usize, name: &str, nested: bool) -> usize {
    let name = name.as_bytes();
    let mut depth = 1usize;
    let mut i = from;
    while let Some(p) = find(bytes, i, b"<") {
        let rest = &bytes[p + 1..];
        let (closing, tail) = match rest.strip_prefix(b"/") {
            Some(tail) => (true, tail),
            None => (false, rest),
        };
        let same = tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name)
            && tail
                .get(name.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
        if same && closing {
            depth -= 1;
            if depth == 0 {
                return tag_end(bytes, p + 2 + name.len()).0;
            }
        } else if same && nested {
            let (end, self_closing) = tag_end(bytes, p + 1 + name.len());
            depth += usize::from(!self_closing);
            i = end;
            continue;
        }
        i = p + 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Characters removed outright: controls, bidi embeddings/overrides/isolates (they can make
/// a title display as something else), the BOM and noncharacters. Joiners stay: Indic
/// scripts and emoji need them.
fn is_stripped(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        || matches!(c, '\u{FDD0}'..='\u{FDEF}')
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// Collects cleaned text, collapsing whitespace, and stops once it is known to be too long.
struct Sink {
    out: String,
    chars: usize,
    limit: usize,
    space: bool,
}

impl Sink {
    fn new(limit: usize) -> Sink {
        Sink {
            out: String::new(),
            chars: 0,
            limit,
            space: false,
        }
    }

    /// One character past the limit is kept, so `finish` can cut at a grapheme boundary.
    fn full(&self) -> bool {
        self.chars > self.limit
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if self.full() {
                return;
            }
            if c.is_whitespace() {
                self.space = true;
            } else if !is_stripped(c) {
                if self.space && !self.out.is_empty() {
                    self.out.push(' ');
                    self.chars += 1;
                }
                self.space = false;
                self.out.push(c);
                self.chars += 1;
            }
        }
    }

    fn finish(self) -> String {
        if self.chars <= self.limit {
            return self.out;
        }
        truncate(&self.out, self.limit)
    }
}

/// At most `limit` characters, the last being "…".
fn truncate(text: &str, limit: usize) -> String {
    let Some(budget) = limit.checked_sub(1) else {
        return String::new();
    };
    let (mut end, mut used) = (0, 0);
    for (i, g) in text.grapheme_indices(true) {
        let n = g.chars().count();
        if used + n > budget {
            break;
        }
        used += n;
        end = i + g.len();
    }
    let mut out = text[..end].trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
