//! Character references, shared by the XML layer (feeds use `&nbsp;` without declaring it)
//! and the HTML-to-text layer. Only references that yield one character are known; anything
//! else is left as written, which is harmless in plain text.

use std::borrow::Cow;

use crate::decode::cp1252;

/// Replaces every reference we know; unknown ones and stray `&` stay as written (feeds are
/// full of unescaped ampersands in URLs and titles).
pub(crate) fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // The longest name we know is short; a bounded look keeps this linear.
        let body_end = rest[1..]
            .char_indices()
            .take(MAX_REFERENCE_LEN)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .filter(|(_, c)| *c == ';')
            .map(|(i, _)| i + 1);
        match body_end.and_then(|end| resolve(&rest[1..end]).map(|c| (c, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Long enough for `#x10FFFF` with leading zeros and every name in the table.
const MAX_REFERENCE_LEN: usize = 32;

/// The character for the body of a reference (the text between `&` and `;`): `#38`, `#x26`
/// or a name. `None` when it is not a reference we know.
pub(crate) fn resolve(body: &str) -> Option<char> {
    match body.strip_prefix('#') {
        Some(num) => numeric(num),
        None => named(body),
    }
}

fn numeric(num: &str) -> Option<char> {
    let (digits, radix) = match num.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (num, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Overlong values are invalid code points either way; U+FFFD says "something was here".
    let value = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
    Some(match value {
        0 => char::REPLACEMENT_CHARACTER,
        // HTML reads these as windows-1252, the usual cause of `&#150;` in feeds.
        0x80..=0x9F => u8::try_from(value).map_or(char::REPLACEMENT_CHARACTER, cp1252),
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    })
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201A}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bdquo" => '\u{201E}',
        "laquo" => '\u{AB}',
        "raquo" => '\u{BB}',
        "lsaquo" => '\u{2039}',
        "rsaquo" => '\u{203A}',
        "bull" => '\u{2022}',
        "middot" => '\u{B7}',
        "dagger" => '\u{2020}',
        "Dagger" => '\u{2021}',
        "permil" => '\u{2030}',
        "prime" => '\u{2032}',
        "Prime" => '\u{2033}',
        "copy" => '\u{A9}',
        "reg" => '\u{AE}',
        "trade" => '\u{2122}',
        "deg" => '\u{B0}',
        "plusmn" => '\u{B1}',
        "times" => '\u{D7}',
        "divide" => '\u{F7}',
        "minus" => '\u{2212}',
        "le" => '\u{2264}',
        "ge" => '\u{2265}',
        "ne" => '\u{2260}',
        "asymp" => '\u{2248}',
        "infin" => '\u{221E}',
        "frac12" => '\u{BD}',
        "frac14" => '\u{BC}',
        "frac34" => '\u{BE}',
        "sup1" => '\u{B9}',
        "sup2" => '\u{B2}',
        "sup3" => '\u{B3}',
        "micro" => '\u{B5}',
        "para" => '\u{B6}',
        "sect" => '\u{A7}',
        "cent" => '\u{A2}',
        "pound" => '\u{A3}',
        "euro" => '\u{20AC}',
        "yen" => '\u{A5}',
        "curren" => '\u{A4}',
        "iexcl" => '\u{A1}',
        "iquest" => '\u{BF}',
        "ordf" => '\u{AA}',
        "ordm" => '\u{BA}',
        "not" => '\u{AC}',
        "larr" => '\u{2190}',
        "uarr" => '\u{2191}',
        "rarr" => '\u{2192}',
        "darr" => '\u{2193}',
        "harr" => '\u{2194}',
        "alpha" => '\u{3B1}',
        "beta" => '\u{3B2}',
        "gamma" => '\u{3B3}',
        "delta" => '\u{3B4}',
        "Delta" => '\u{394}',
        "kappa" => '\u{3BA}',
        "lambda" => '\u{3BB}',
        "mu" => '\u{3BC}',
        "pi" => '\u{3C0}',
        "sigma" => '\u{3C3}',
        "Sigma" => '\u{3A3}',
        "Omega" => '\u{3A9}',
        "szlig" => '\u{DF}',
        "eth" => '\u{F0}',
        "thorn" => '\u{FE}',
        "aelig" => '\u{E6}',
        "AElig" => '\u{C6}',
        "oelig" => '\u{153}',
        "OElig" => '\u{152}',
        "oslash" => '\u{F8}',
        "Oslash" => '\u{D8}',
        "aring" => '\u{E5}',
        "Aring" => '\u{C5}',
        "ccedil" => '\u{E7}',
        "Ccedil" => '\u{C7}',
        "ntilde" => '\u{F1}',
        "Ntilde" => '\u{D1}',
        _ => return accented(name),
    })
}

/// `&eacute;`, `&Uuml;` and friends: a base letter plus one of five accents.
fn accented(name: &str) -> Option<char> {
    const TABLE: [(&str, &str, &str); 5] = [
        // accent, lowercase letters (a e i o u y), uppercase letters (A E I O U Y)
        ("grave", "àèìòù", "ÀÈÌÒÙ"),
        ("acute", "áéíóúý", "ÁÉÍÓÚÝ"),
        ("circ", "âêîôû", "ÂÊÎÔÛ"),
        ("uml", "äëïöüÿ", "ÄËÏÖÜŸ"),
        ("tilde", "ãõ", "ÃÕ"),
    ];
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let (_, lower, upper) = TABLE.iter().find(|(a, _, _)| *a == accent)?;
    let order: &[char] = match accent {
        "tilde" => &['a', 'o'],
        _ => &['a', 'e', 'i', 'o', 'u', 'y'],
    };
    let index = order.iter().position(|c| *c == base.to_ascii_lowercase())?;
    let letters = if base.is_ascii_uppercase() {
        upper
    } else {
        lower
    };
    letters.chars().nth(index)
}

#[cfg(test)]
mod tests {
    use super::{resolve, unescape};

    #[test]
    fn unescape_keeps_what_it_does_not_know() {
        assert_eq!(unescape("a &amp; b"), "a & b");
        assert_eq!(unescape("AT&T &nbsp;x"), "AT&T \u{A0}x");
        assert_eq!(unescape("&bogus; &#x41;&#66;"), "&bogus; AB");
        assert_eq!(unescape("&&amp;;"), "&&;");
        assert_eq!(unescape("tail &"), "tail &");
        assert_eq!(unescape("&#000000000065;"), "A");
        let long = format!("&#{};", "0".repeat(40));
        assert_eq!(unescape(&long), long);
        assert_eq!(unescape("é&eacute;"), "éé");
    }

    #[test]
    fn named_numeric_and_legacy() {
        assert_eq!(resolve("amp"), Some('&'));
        assert_eq!(resolve("mdash"), Some('—'));
        assert_eq!(resolve("#39"), Some('\''));
        assert_eq!(resolve("#x2014"), Some('—'));
        assert_eq!(resolve("#150"), Some('–'));
        assert_eq!(resolve("#0"), Some('\u{FFFD}'));
        assert_eq!(resolve("#xD800"), Some('\u{FFFD}'));
        assert_eq!(resolve("#99999999999999999999"), Some('\u{FFFD}'));
        assert_eq!(resolve("#x"), None);
        assert_eq!(resolve("bogus"), None);
    }

    #[test]
    fn accented_letters() {
        assert_eq!(resolve("eacute"), Some('é'));
        assert_eq!(resolve("Uuml"), Some('Ü'));
        assert_eq!(resolve("yuml"), Some('ÿ'));
        assert_eq!(resolve("otilde"), Some('õ'));
        assert_eq!(resolve("ycirc"), None);
        assert_eq!(resolve("etilde"), None);
    }
}
