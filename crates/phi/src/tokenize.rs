//! One-pass tokeniser: words, numbers, mixed alphanumerics and single punctuation marks,
//! with byte offsets and shape flags. Whitespace is not a token; whether a token follows
//! a space or a line break is recorded in its flags.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    Alnum,
    Punct,
}

/// First letter upper case.
pub const CAP: u16 = 1 << 0;
/// Every letter upper case (and at least two letters).
pub const UPPER: u16 = 1 << 1;
/// Every letter lower case.
pub const LOWER: u16 = 1 << 2;
pub const NON_ASCII: u16 = 1 << 3;
pub const SPACE_BEFORE: u16 = 1 << 4;
pub const NEWLINE_BEFORE: u16 = 1 << 5;
/// Contains a hyphen or apostrophe joining two letter runs.
pub const JOINED: u16 = 1 << 6;
/// Starts a sentence: first token, or after `.`, `!`, `?`, `:` or a line break.
pub const SENT_START: u16 = 1 << 7;

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub flags: u16,
}

impl Token {
    #[inline]
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Devanagari is decided by range before the Unicode tables are consulted: Hindi text is
/// a third of what Indian organisations post, and the table lookup dominated its cost.
#[inline]
fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_devanagari(c) || c == '\u{200C}' || c == '\u{200D}' || c.is_alphanumeric()
}

/// Tokenise `text` into `out` (cleared first). Linear in the text length.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut pending: u16 = SENT_START;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            pending |= SPACE_BEFORE;
            i += 1;
            continue;
        }
        if b == b'\n' {
            pending |= SPACE_BEFORE | NEWLINE_BEFORE | SENT_START;
            i += 1;
            continue;
        }
        // Text that went through an escaping layer twice carries a literal "\n": read it
        // as the line break it stood for (and "\t", "\r" as spaces).
        if b == b'\\'
            && i + 1 < bytes.len()
            && matches!(bytes[i + 1], b'n' | b'r' | b't')
            && (i == 0 || bytes[i - 1] != b'\\')
        {
            pending |= SPACE_BEFORE;
            if bytes[i + 1] == b'n' {
                pending |= NEWLINE_BEFORE | SENT_START;
            }
            i += 2;
            continue;
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            pending |= SPACE_BEFORE;
            i += c.len_utf8();
            continue;
        }
        if !is_word_char(c) {
            let end = i + c.len_utf8();
            out.push(Token {
                start: i,
                end,
                kind: TokKind::Punct,
                flags: pending,
            });
            pending = if matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '(' | '>' | '•' | '|')
            {
                SENT_START
            } else {
                0
            };
            i = end;
            continue;
        }
        let (end, kind, shape) = scan_word(text, i);
        out.push(Token {
            start: i,
            end,
            kind,
            flags: pending | shape,
        });
        pending = 0;
        i = end;
    }
}

/// The common case: an ASCII alphanumeric run ended by a byte that cannot join it.
/// Returns `None` to defer to the general scanner.
fn scan_ascii_word(bytes: &[u8], start: usize) -> Option<(usize, TokKind, u16)> {
    let (mut digits, mut uppers, mut lowers) = (0usize, 0usize, 0usize);
    let mut first_upper = false;
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            digits += 1;
        } else if b.is_ascii_uppercase() {
            first_upper |= uppers + lowers == 0;
            uppers += 1;
        } else if b.is_ascii_lowercase() {
            lowers += 1;
        } else if b >= 0x80 || b == b'-' || b == b'\'' {
            return None;
        } else {
            break;
        }
        end += 1;
    }
    let letters = uppers + lowers;
    let kind = match (letters > 0, digits > 0) {
        (true, true) => TokKind::Alnum,
        (false, _) => TokKind::Num,
        (true, false) => TokKind::Word,
    };
    let mut flags = 0;
    if first_upper {
        flags |= CAP;
    }
    if uppers >= 2 && lowers == 0 {
        flags |= UPPER;
    }
    if lowers > 0 && uppers == 0 {
        flags |= LOWER;
    }
    Some((end, kind, flags))
}

/// Scan one word-like token from `start`; returns (end, kind, shape flags).
fn scan_word(text: &str, start: usize) -> (usize, TokKind, u16) {
    if let Some(fast) = scan_ascii_word(text.as_bytes(), start) {
        return fast;
    }
    let mut end = start;
    let (mut digits, mut letters, mut uppers, mut lowers) = (0usize, 0usize, 0usize, 0usize);
    let mut first_upper = false;
    let mut non_ascii = false;
    let mut joined = false;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if is_word_char(c) {
            if c.is_ascii_digit() {
                digits += 1;
            } else if !c.is_ascii() || c.is_alphabetic() {
                letters += 1;
                if is_devanagari(c) {
                    // caseless script: neither upper nor lower
                } else if c.is_uppercase() {
                    uppers += 1;
                    if letters == 1 {
                        first_upper = true;
                    }
                } else if c.is_lowercase() {
                    lowers += 1;
                }
                non_ascii |= !c.is_ascii();
            } else {
                digits += 1; // other numeric characters
            }
            end = start + off + c.len_utf8();
            continue;
        }
        // Join "O'Brien", "Evans-Bonilla", "D’Costa" but split the possessive "'s".
        let joiner = matches!(c, '-' | '\'' | '’') && letters > 0 && digits == 0;
        if joiner {
            if let Some(&(_, next)) = chars.peek() {
                if next.is_alphabetic() {
                    let after = text[start + off + c.len_utf8()..].chars().nth(1);
                    let possessive = c != '-'
                        && (next == 's' || next == 'S')
                        && !after.is_some_and(|a| a.is_alphabetic());
                    if !possessive {
                        joined = true;
                        continue;
                    }
                }
            }
        }
        break;
    }
    let kind = match (letters > 0, digits > 0) {
        (true, true) => TokKind::Alnum,
        (false, _) => TokKind::Num,
        (true, false) => TokKind::Word,
    };
    let mut flags = 0;
    if first_upper {
        flags |= CAP;
    }
    if uppers >= 2 && lowers == 0 {
        flags |= UPPER;
    }
    if lowers > 0 && uppers == 0 {
        flags |= LOWER;
    }
    if non_ascii {
        flags |= NON_ASCII;
    }
    if joined {
        flags |= JOINED;
    }
    (end, kind, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_words_numbers_punct() {
        assert_eq!(
            toks("Mr. O'Brien, 412-B"),
            vec!["Mr", ".", "O'Brien", ",", "412", "-", "B"]
        );
        assert_eq!(
            toks("Hannah's MRN CWZ405363722"),
            vec!["Hannah", "'", "s", "MRN", "CWZ405363722"]
        );
        assert_eq!(
            toks("Evans-Bonilla राम जी"),
            vec!["Evans-Bonilla", "राम", "जी"]
        );
    }

    #[test]
    fn literal_escaped_newline_is_a_break() {
        let mut v = Vec::new();
        tokenize("Phone:\\n0676 233", &mut v);
        assert_eq!(v[2].text("Phone:\\n0676 233"), "0676");
        assert!(v[2].has(NEWLINE_BEFORE));
    }

    #[test]
    fn flags_shape() {
        let mut v = Vec::new();
        tokenize("Hi JOHN smith\nX", &mut v);
        assert!(v[0].has(CAP) && v[0].has(SENT_START));
        assert!(v[1].has(UPPER));
        assert!(v[2].has(LOWER));
        assert!(v[3].has(NEWLINE_BEFORE));
    }
}
