//! Text preparation shared by every rule: a normalised copy for matching (curly quotes
//! straightened, whitespace runs collapsed, Devanagari nukta and zero-width joiners removed)
//! with a map back to the original bytes, word and sentence boundaries, and the language.

/// Normalised text plus the map back to the original.
#[derive(Debug)]
pub struct Prepared<'a> {
    pub original: &'a str,
    /// Normalised text; case is preserved (names need it), matching is case-insensitive.
    pub norm: String,
    /// For every byte offset of `norm` (and one past the end): the original byte offset.
    to_orig: Vec<u32>,
    pub words: Vec<Word>,
    /// For every byte offset of `norm` (and one past the end): the index of the first
    /// word that ends after it, so `word_at` is a lookup (the lexicon asks per match).
    word_idx: Vec<u32>,
    /// Sentence spans in `norm` byte offsets.
    pub sentences: Vec<(usize, usize)>,
    /// `norm` lower-cased, made the first time a rule asks (see `lower`).
    lower: std::cell::OnceCell<String>,
}

/// A run of letters, digits, marks, apostrophes or hyphens inside a word.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

pub use crate::chars::{is_devanagari, is_word_char, lower_case, norm_char, norm_phrase};

impl<'a> Prepared<'a> {
    pub fn new(original: &'a str) -> Prepared<'a> {
        let mut norm = String::with_capacity(original.len());
        let mut to_orig: Vec<u32> = Vec::with_capacity(original.len() + 1);
        // Collapse whitespace runs (and drop leading whitespace) as we go.
        let mut last_space = true;
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // A run of printable ASCII other than the backtick is copied as it is.
            if (0x21..0x7F).contains(&b) && b != b'`' {
                let run = bytes[i..]
                    .iter()
                    .position(|&c| !(0x21..0x7F).contains(&c) || c == b'`')
                    .map_or(bytes.len(), |n| i + n);
                norm.push_str(&original[i..run]);
                to_orig.extend(i as u32..run as u32);
                last_space = false;
                i = run;
                continue;
            }
            // Other ASCII: one byte in, at most one byte out.
            if b < 0x80 {
                let n = match b {
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => b' ',
                    b'`' => b'\'',
                    _ => b,
                };
                if !(n == b' ' && last_space) {
                    norm.push(n as char);
                    to_orig.push(i as u32);
                    last_space = n == b' ';
                }
                i += 1;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if let Some(n) = norm_char(c) {
                if !(n == ' ' && last_space) {
                    norm.push(n);
                    for _ in 0..n.len_utf8() {
                        to_orig.push(i as u32);
                    }
                    last_space = n == ' ';
                }
            }
            i += len;
        }
        to_orig.push(original.len() as u32);
        let mut p = Prepared {
            original,
            words: Vec::with_capacity(norm.len() / 5 + 4),
            word_idx: Vec::new(),
            sentences: Vec::with_capacity(norm.len() / 60 + 2),
            norm,
            to_orig,
            lower: std::cell::OnceCell::new(),
        };
        p.split();
        p
    }

    /// The normalised text lower-cased, computed once per text however many rules ask.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| lower_case(&self.norm))
    }

    /// The lower-cased text at the normalised text's byte offsets: [`Prepared::lower`] when
    /// lower-casing kept every length (always for ASCII and Devanagari), else an ASCII copy.
    pub fn lower_aligned(&self) -> std::borrow::Cow<'_, str> {
        let lower = self.lower();
        if lower.len() == self.norm.len() {
            std::borrow::Cow::Borrowed(lower)
        } else {
            std::borrow::Cow::Owned(self.norm.to_ascii_lowercase())
        }
    }

    /// Original byte offset of a normalised byte offset (a span end maps past its last char).
    pub fn orig(&self, norm_off: usize) -> usize {
        self.to_orig
            .get(norm_off)
            .copied()
            .unwrap_or(self.original.len() as u32) as usize
    }

    /// Map a normalised span to an original byte span that lies on char boundaries.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig(start);
        let e = if end == 0 {
            s
        } else {
            // End: one past the original char that produced the last normalised byte.
            let last = self.orig(end - 1);
            let len = self.original[last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            (last + len).max(s)
        };
        (s, e)
    }

    /// Normalised offset for an original byte offset (first normalised byte at or after it).
    pub fn norm_of(&self, orig_off: usize) -> usize {
        self.to_orig.partition_point(|&o| (o as usize) < orig_off)
    }

    fn split(&mut self) {
        let text = self.norm.as_str();
        let bytes = text.as_bytes();
        let mut sentence = 0usize;
        let mut sent_start = 0usize;
        let mut word_start: Option<usize> = None;
        let char_at = |i: usize| -> Option<char> {
            match bytes.get(i) {
                Some(&b) if b < 0x80 => Some(b as char),
                Some(_) => text[i..].chars().next(),
                None => None,
            }
        };
        let mut i = 0;
        while i < bytes.len() {
            // Most characters are ASCII letters inside a word: skip the run at once.
            if bytes[i].is_ascii_alphanumeric() {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                continue;
            }
            let Some(c) = char_at(i) else { break };
            let len = c.len_utf8();
            let inner = (c == '\'' || c == '-' || c == '.' || c == ',')
                && word_start.is_some()
                && char_at(i + len).is_some_and(is_word_char)
                && (c != '.' && c != ',' || i > 0 && bytes[i - 1].is_ascii_digit());
            if is_word_char(c) || inner {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                i += len;
                continue;
            }
            if let Some(ws) = word_start.take() {
                self.words.push(Word {
                    start: ws,
                    end: i,
                    sentence,
                });
            }
            if matches!(c, '.' | '!' | '?' | '।' | '\n' | ';' | '|') && self.ends_sentence(i, c) {
                let end = i + len;
                if end > sent_start {
                    self.sentences.push((sent_start, end));
                    sentence += 1;
                }
                sent_start = end;
            }
            i += len;
        }
        if let Some(ws) = word_start {
            self.words.push(Word {
                start: ws,
                end: text.len(),
                sentence,
            });
        }
        if sent_start < text.len() || self.sentences.is_empty() {
            self.sentences.push((sent_start, text.len()));
        }
        let mut idx = Vec::with_capacity(text.len() + 1);
        for (k, w) in self.words.iter().enumerate() {
            idx.resize(w.end, k as u32);
        }
        idx.resize(text.len() + 1, self.words.len() as u32);
        self.word_idx = idx;
    }

    /// A full stop ends a sentence unless it follows an abbreviation or an initial, or the
    /// next word starts in lower case.
    fn ends_sentence(&self, i: usize, c: char) -> bool {
        if c != '.' {
            return true;
        }
        let rest = &self.norm[i + 1..];
        let next = rest
            .trim_start_matches([' ', '"', '\'', ')'])
            .chars()
            .next();
        if next.is_some_and(|n| n.is_lowercase() || n.is_ascii_digit()) {
            return false;
        }
        if let Some(w) = self.words.last() {
            if w.end == i {
                let word = &self.norm[w.start..w.end];
                #[rustfmt::skip]
                const ABBREV: &[&str] = &[
                    "dr", "mr", "mrs", "ms", "st", "no", "vs", "prof", "smt", "jr", "sr", "mt",
                    "rd", "ave", "dept", "approx", "etc", "e.g", "i.e", "ft", "lt", "col",
                    "hon",
                    "डॉ", "श्री", "श्रीमती", "कु",
                ];
                // "आर. के. शर्मा": Devanagari has no capitals; a letter or two before the
                // stop, with Devanagari after it, is an initial.
                let deva_initial = word.chars().count() <= 2
                    && word.chars().all(is_devanagari)
                    && next.is_some_and(is_devanagari);
                if ABBREV.iter().any(|a| word.eq_ignore_ascii_case(a))
                    || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
                    || deva_initial
                {
                    return false;
                }
            }
        }
        true
    }

    /// Index of the first word that starts at or after `off`.
    pub fn word_at(&self, off: usize) -> usize {
        self.word_idx
            .get(off)
            .map_or(self.words.len(), |&i| i as usize)
    }

    pub fn sentence_of(&self, off: usize) -> usize {
        self.sentences
            .partition_point(|&(_, e)| e <= off)
            .min(self.sentences.len().saturating_sub(1))
    }

    pub fn word_text(&self, idx: usize) -> &str {
        self.words
            .get(idx)
            .map_or("", |w| &self.norm[w.start..w.end])
    }

    /// The word before word `idx` ("" at the start).
    pub fn word_before(&self, idx: usize) -> &str {
        idx.checked_sub(1).map_or("", |i| self.word_text(i))
    }

    /// Whether word `idx` is one of `list` (ASCII letters compared case-insensitively).
    pub fn word_is(&self, idx: usize, list: &[&str]) -> bool {
        let t = self.word_text(idx);
        !t.is_empty() && list.iter().any(|w| t.eq_ignore_ascii_case(w))
    }

    /// Whether sentence `s` holds a word of `list`.
    pub fn sentence_has_word(&self, s: usize, list: &[&str]) -> bool {
        (0..self.words.len()).any(|i| self.words[i].sentence == s && self.word_is(i, list))
    }

    /// Whether the text holds a word of `list`.
    pub fn has_word(&self, list: &[&str]) -> bool {
        (0..self.words.len()).any(|i| self.word_is(i, list))
    }
}

pub use crate::lang::{detect_lang, in_set, FastSet, Lang};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_through_quotes_and_spaces() {
        let t = "We\u{2019}re  sorry,\n\nDr. Rao said. Next";
        let p = Prepared::new(t);
        assert_eq!(p.norm, "We're sorry, Dr. Rao said. Next");
        let i = p.norm.find("sorry").unwrap();
        let (s, e) = p.orig_span(i, i + 5);
        assert_eq!(&t[s..e], "sorry");
        let i = p.norm.find("re").unwrap();
        let (s, _) = p.orig_span(i - 1, i + 2);
        assert_eq!(&t[s..s + 3], "\u{2019}");
        assert_eq!(p.sentences.len(), 2);
    }

    #[test]
    fn hindi_nukta_and_words() {
        let p = Prepared::new("आपका इलाज़ सफल रहा।");
        assert_eq!(p.norm, "आपका इलाज सफल रहा।");
        assert_eq!(p.words.len(), 4);
        assert_eq!(detect_lang("आपका इलाज सफल रहा"), Lang::Hindi);
        assert_eq!(
            detect_lang("Aapka feedback ke liye dhanyavaad, hum jaldi sampark karenge"),
            Lang::Hinglish
        );
        assert_eq!(detect_lang("Thanks for your kind words"), Lang::English);
    }
}
