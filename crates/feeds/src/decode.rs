//! Bytes to text. Feeds in the wild are mostly UTF-8, with a tail of ISO-8859-1 and
//! windows-1252 (older CMSs) and the odd UTF-16 export. Those are decoded here, before the
//! XML parser sees anything, so the parser only ever works on `str`. Anything else is refused
//! by name rather than guessed at: a wrong guess silently garbles every title.

use crate::FeedError;

/// The document as UTF-8, plus warnings about bytes that had to be replaced.
pub(crate) struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
    source: Source,
}

/// What the input was, so error offsets can point into the caller's bytes.
#[derive(Debug, Clone, Copy)]
enum Source {
    Utf8 { bom: usize },
    SingleByte,
    Utf16 { bom: usize },
}

impl Decoded {
    /// The input byte offset for a byte offset into `text`; exact unless invalid bytes
    /// were replaced before that point.
    pub(crate) fn input_offset(&self, text_offset: usize) -> usize {
        let mut end = text_offset.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        match self.source {
            Source::Utf8 { bom } => bom + end,
            Source::SingleByte => before.chars().count(),
            Source::Utf16 { bom } => bom + 2 * before.encode_utf16().count(),
        }
    }
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, FeedError> {
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Err(FeedError::UnsupportedEncoding {
            label: "UTF-32".into(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(utf8_lossy(rest, 3));
    }
    // With a BOM, or without one but starting with "<" as a 16-bit unit (XML 1.0 F.1).
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16_lossy(rest, u16::from_le_bytes, 2));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16_lossy(rest, u16::from_be_bytes, 2));
    }
    if bytes.starts_with(&[b'<', 0]) {
        return Ok(utf16_lossy(bytes, u16::from_le_bytes, 0));
    }
    if bytes.starts_with(&[0, b'<']) {
        return Ok(utf16_lossy(bytes, u16::from_be_bytes, 0));
    }
    match declared_encoding(bytes).map(|l| l.to_ascii_lowercase()) {
        None => Ok(utf8_lossy(bytes, 0)),
        Some(label) => match label.as_str() {
            // A UTF-16 label on 8-bit bytes is a mislabel: we could read the declaration
            // itself as ASCII, so the bytes are ASCII-compatible.
            "utf-8" | "utf8" | "unicode-1-1-utf-8" | "utf-16" | "utf-16le" | "utf-16be"
            | "ucs-2" | "unicode" => Ok(utf8_lossy(bytes, 0)),
            // WHATWG treats all of these as windows-1252, a superset of ISO-8859-1 and ASCII
            // for the printable range; feeds labelled Latin-1 are usually cp1252 in fact.
            "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "iso_8859-1:1987" | "latin1" | "l1"
            | "iso-ir-100" | "cp819" | "ibm819" | "csisolatin1" | "windows-1252" | "cp1252"
            | "x-cp1252" | "us-ascii" | "ascii" | "ansi_x3.4-1968" | "iso646-us" => Ok(Decoded {
                text: bytes.iter().map(|&b| cp1252(b)).collect(),
                warnings: Vec::new(),
                source: Source::SingleByte,
            }),
            _ => Err(FeedError::UnsupportedEncoding {
                label: clean_label(&label),
            }),
        },
    }
}

/// Windows-1252 to Unicode. Bytes 0x80–0x9F are the only ones that differ from ISO-8859-1;
/// the five unassigned ones map to the C1 control of the same value, as in WHATWG.
pub(crate) fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The `encoding` pseudo-attribute of a leading `<?xml ...?>`, if any.
fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    // The declaration is short; a bounded look keeps a hostile prefix from costing anything.
    let head = &bytes[..bytes.len().min(512)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = head[start..].strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let after = &decl[decl.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].trim())
}

fn clean_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(40)
        .collect()
}

fn utf8_lossy(bytes: &[u8], bom: usize) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            bad += 1;
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Decoded {
        text,
        warnings: replaced_warning(bad, "UTF-8"),
        source: Source::Utf8 { bom },
    }
}

fn utf16_lossy(bytes: &[u8], unit: fn([u8; 2]) -> u16, bom: usize) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut bad = usize::from(bytes.len() % 2 == 1);
    let mut text = String::with_capacity(bytes.len());
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    Decoded {
        text,
        warnings: replaced_warning(bad, "UTF-16"),
        source: Source::Utf16 { bom },
    }
}

fn replaced_warning(bad: usize, encoding: &str) -> Vec<String> {
    match bad {
        0 => Vec::new(),
        1 => vec![format!(
            "the feed is not valid {encoding}: 1 invalid sequence was replaced with \u{FFFD}"
        )],
        n => vec![format!(
            "the feed is not valid {encoding}: {n} invalid sequences were replaced with \u{FFFD}"
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).map(|d| d.text).unwrap_or_default()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text("<a>é</a>".as_bytes()), "<a>é</a>");
        assert_eq!(text(b"\xEF\xBB\xBF<a/>"), "<a/>");
    }

    #[test]
    fn latin1_and_cp1252_by_declaration() {
        let doc = b"<?xml version='1.0' encoding='ISO-8859-1'?><t>caf\xE9 \x93q\x94 \x80</t>";
        assert_eq!(
            text(doc),
            "<?xml version='1.0' encoding='ISO-8859-1'?><t>caf\u{e9} \u{201C}q\u{201D} \u{20AC}</t>"
        );
        let doc = b"<?xml version=\"1.0\" encoding = \"Windows-1252\" ?><t>\x96</t>";
        assert!(text(doc).ends_with("<t>\u{2013}</t>"));
    }

    #[test]
    fn utf16_both_orders() {
        let s = "<rss>नमस्ते</rss>";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(text(&le), s);
        assert_eq!(text(&be), s);
        assert_eq!(text(&[&[0xFF, 0xFE][..], &le].concat()), s);
        assert_eq!(text(&[&[0xFE, 0xFF][..], &be].concat()), s);
    }

    #[test]
    fn unsupported_encodings_are_named() {
        let doc = b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss/>";
        assert_eq!(
            decode(doc).err(),
            Some(FeedError::UnsupportedEncoding {
                label: "shift_jis".into()
            })
        );
        assert!(matches!(
            decode(&[0, 0, 0xFE, 0xFF, 0, 0, 0, b'<']),
            Err(FeedError::UnsupportedEncoding { .. })
        ));
    }

    #[test]
    fn offsets_map_back_to_input_bytes() {
        let d = decode(b"<t>caf\xE9 x</t>").map(|d| d.input_offset(7)).ok();
        assert_eq!(d, Some(6)); // "é" is 2 bytes decoded, 1 in Latin-1
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<t>é</t>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).map(|d| d.input_offset(5)).ok(), Some(2 + 2 * 4));
        assert_eq!(
            decode(b"\xEF\xBB\xBF<t/>").map(|d| d.input_offset(1)).ok(),
            Some(4)
        );
    }

    #[test]
    fn broken_utf8_is_replaced_and_reported() {
        let d = decode(b"<t>a\xFFb\xC3</t>").expect("decodes");
        assert_eq!(d.text, "<t>a\u{FFFD}b\u{FFFD}</t>");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("2 invalid sequences"));
    }
}
