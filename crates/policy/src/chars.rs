//! Character-level helpers under [`crate::text::Prepared`]: how one character is
//! normalised for matching, what belongs to a word, and lower-casing that leaves
//! Devanagari alone.

/// Normalise one character for matching; `None` drops it.
pub fn norm_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' => '-',
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{093C}' => return None,
        // Precomposed nukta letters -> base letters (people type them both ways).
        '\u{0958}' => 'क',
        '\u{0959}' => 'ख',
        '\u{095A}' => 'ग',
        '\u{095B}' => 'ज',
        '\u{095C}' => 'ड',
        '\u{095D}' => 'ढ',
        '\u{095E}' => 'फ',
        '\u{095F}' => 'य',
        '\u{0901}' => 'ं',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Normalise a lexicon phrase the same way as text (lower-cased for readability).
pub fn norm_phrase(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for c in p.chars().filter_map(norm_char) {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c.to_ascii_lowercase());
    }
    out.trim_end().to_string()
}

/// A Devanagari code point (letters, signs, digits, dandas): decided by range, without the
/// Unicode tables.
#[inline]
pub fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

/// `str::to_lowercase`, with ASCII and caseless Devanagari copied without table lookups.
pub fn lower_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_devanagari(c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Letters, digits and combining marks. ASCII and Devanagari (most of every text) are
/// decided by range; the Unicode tables are consulted only for other scripts.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_devanagari(c) {
        // Every Devanagari code point is a letter, sign or digit except the dandas and
        // the abbreviation sign.
        return !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (Devanagari vowel signs, virama…) belong to the word they follow.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0300..=0x036F)
}
