//! Word sets with a fast hash, and the language of a text (for suggestions in the same
//! language).

use crate::text::is_word_char;

/// FNV-1a: a few instructions per byte, where the default SipHash costs hundreds per
/// lookup of a short word (word lists are probed for every word).
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of static words with a fast hash.
pub type FastSet = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

/// Is `w` (any case) in `set` (lower-case words)? Lower-cases on the stack.
pub fn in_set(set: &FastSet, w: &str) -> bool {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return set.contains(w);
    }
    let mut buf = [0u8; 32];
    let Some(dst) = buf.get_mut(..w.len()) else {
        return false;
    };
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).is_ok_and(|l| set.contains(l))
}

/// Language of a text, for suggestions in the same language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
    Hindi,
    Hinglish,
}

pub fn detect_lang(text: &str) -> Lang {
    let (mut deva, mut letters) = (0usize, 0usize);
    for c in text.chars() {
        if crate::text::is_devanagari(c) {
            deva += 1;
            letters += 1;
        } else if c.is_ascii_alphabetic() || !c.is_ascii() && c.is_alphabetic() {
            letters += 1;
        }
    }
    let letters = letters.max(1);
    if deva * 3 >= letters {
        return Lang::Hindi;
    }
    const HINGLISH: &[&str] = &[
        "aap",
        "aapka",
        "aapki",
        "aapke",
        "aapko",
        "hai",
        "hain",
        "ka",
        "ki",
        "ke",
        "hum",
        "hamare",
        "humare",
        "nahi",
        "nahin",
        "kya",
        "mein",
        "dhanyavaad",
        "dhanyawad",
        "shukriya",
        "kripya",
        "kar",
        "karein",
        "liye",
        "se",
        "ko",
        "tha",
        "thi",
        "ji",
        "bahut",
        "achha",
        "accha",
        "ilaaj",
        "ilaj",
        "sakte",
        "jaldi",
    ];
    static SET: std::sync::OnceLock<FastSet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| HINGLISH.iter().copied().collect());
    let mut hits = 0;
    let mut words = 0;
    for w in text
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if in_set(set, w) {
            hits += 1;
        }
    }
    if words > 0 && hits * 6 >= words && hits >= 2 {
        Lang::Hinglish
    } else {
        Lang::English
    }
}
