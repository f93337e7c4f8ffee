//! Links a reader may put behind an `href`: absolute http(s) only.
//!
//! Everything else is dropped, not repaired: `javascript:`, `data:`, `vbscript:`, `file:`,
//! credentials in the authority (`https://cdc.gov@evil.example/` shows one host and opens
//! another), backslashes (browsers read them as slashes, which shifts the host), control
//! characters. Tabs and newlines are removed first, as browsers do, so `java\nscript:` is
//! judged as what a browser would see. Relative links are resolved against the feed's own
//! site URL only in the simple cases; dot segments are not resolved, the link is dropped.

/// Longer links are dropped: no news article needs one, and they bloat every page.
const MAX_URL_LEN: usize = 2048;

/// A site URL that relative links can be resolved against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base {
    /// "https"
    scheme: String,
    /// "https://example.org"
    origin: String,
    /// The URL without query and fragment: "https://example.org/news/index.html"
    path: String,
    /// The URL without fragment: "https://example.org/news/index.html?page=2"
    document: String,
}

impl Base {
    pub(crate) fn new(absolute_url: &str) -> Option<Base> {
        let url = absolute(absolute_url)?;
        let scheme_end = url.find(':')?;
        let host_start = scheme_end + 3;
        let path_start = url[host_start..]
            .find(['/', '?', '#'])
            .map_or(url.len(), |i| host_start + i);
        let path_end = url[path_start..]
            .find(['?', '#'])
            .map_or(url.len(), |i| path_start + i);
        let document_end = url.find('#').unwrap_or(url.len());
        Some(Base {
            scheme: url[..scheme_end].to_owned(),
            origin: url[..path_start].to_owned(),
            path: url[..path_end].to_owned(),
            document: url[..document_end].to_owned(),
        })
    }

    fn directory(&self) -> &str {
        let after_origin = &self.path[self.origin.len()..];
        match after_origin.rfind('/') {
            Some(i) => &self.path[..self.origin.len() + i + 1],
            None => &self.origin,
        }
    }
}

/// `raw` as a safe absolute http(s) URL, resolving it against `base` when it is relative.
pub(crate) fn resolve(raw: &str, base: Option<&Base>) -> Option<String> {
    let url = clean(raw)?;
    if scheme_end(&url).is_some() {
        return absolute(&url);
    }
    let base = base?;
    if has_dot_segments(&url) {
        return None;
    }
    let joined = if url.starts_with("//") {
        format!("{}:{url}", base.scheme)
    } else if url.starts_with('/') {
        format!("{}{url}", base.origin)
    } else if url.starts_with('?') {
        format!("{}{url}", base.path)
    } else if url.starts_with('#') {
        format!("{}{url}", base.document)
    } else {
        format!("{}{url}", base.directory())
    };
    absolute(&joined)
}

/// `raw` if it is already a safe absolute http(s) URL (normalised: lowercase scheme and
/// host, "/" for an empty path, unsafe-to-quote characters percent-encoded).
pub(crate) fn absolute(raw: &str) -> Option<String> {
    let url = clean(raw)?;
    let colon = scheme_end(&url)?;
    let scheme = url[..colon].to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = url[colon + 1..].strip_prefix("//")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host = host(authority)?;
    let tail = if tail.is_empty() || !tail.starts_with('/') {
        format!("/{tail}")
    } else {
        tail.to_owned()
    };
    let url = format!("{scheme}://{host}{}", encode_unsafe(&tail));
    // Checked again after encoding, which can triple a character's length.
    (url.len() <= MAX_URL_LEN).then_some(url)
}

/// Removes what browsers ignore, refuses what they would misread.
fn clean(raw: &str) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let url: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if url.is_empty()
        || url.len() > MAX_URL_LEN
        || url.contains('\\')
        || url.chars().any(char::is_control)
    {
        return None;
    }
    Some(url)
}

/// The index of the ':' ending a scheme, if `url` starts with one.
fn scheme_end(url: &str) -> Option<usize> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let valid = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_with_letter && valid).then_some(colon)
}

/// A host with an optional port, lowercased; no user info, no odd characters.
fn host(authority: &str) -> Option<String> {
    if authority.contains('@') {
        return None;
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let close = v6.find(']')?;
        let inner = &v6[..close];
        if inner.is_empty()
            || !inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return None;
        }
        (&authority[..close + 2], &v6[close + 1..])
    } else {
        let split = authority.find(':').unwrap_or(authority.len());
        let (name, port) = authority.split_at(split);
        let labels_ok = !name.is_empty()
            && !name.starts_with('.')
            && !name.contains("..")
            && name.chars().all(is_host_char);
        if !labels_ok {
            return None;
        }
        (name, port)
    };
    if let Some(digits) = port.strip_prefix(':') {
        let valid = !digits.is_empty()
            && digits.len() <= 5
            && digits.chars().all(|c| c.is_ascii_digit())
            && digits.parse::<u32>().is_ok_and(|p| p <= 65_535);
        if !valid {
            return None;
        }
    } else if !port.is_empty() {
        return None;
    }
    Some(format!("{}{port}", host.to_lowercase()))
}

/// Letters, digits and `.-_`; beyond ASCII, letters and the combining marks that scripts
/// such as Devanagari need (an internationalised name like स्वास्थ्य.भारत). Symbols that
/// only look like '/' or '.' (U+2044, U+FF0E) are refused, as spoofs.
fn is_host_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    }
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{0900}'..='\u{0DFF}'
            | '\u{0E00}'..='\u{0EFF}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

fn has_dot_segments(relative: &str) -> bool {
    let path = relative.split(['?', '#']).next().unwrap_or("");
    path.split('/').any(|s| s == "." || s == "..")
}

/// Percent-encodes characters that are never valid unencoded in a URL and that matter when
/// a URL is quoted in markup or shown: whitespace of any kind, quotes and angle brackets,
/// and invisible direction overrides (which can make a link read as another).
fn encode_unsafe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let unsafe_char = c.is_whitespace()
            || matches!(c, '"' | '<' | '>' | '`')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if unsafe_char {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
