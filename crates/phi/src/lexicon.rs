//! The embedded word lists, loaded once into one hash map from lower-cased word (or
//! space-joined phrase) to a set of class bits. Keys borrow the embedded text, so building
//! the map allocates only its table.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::vocab;

pub const FIRST: u32 = 1 << 0;
pub const LAST: u32 = 1 << 1;
pub const COMMON: u32 = 1 << 2;
pub const PLACE: u32 = 1 << 3;
pub const STREET: u32 = 1 << 4;
pub const CITY_AFFIX: u32 = 1 << 5;
pub const CONDITION: u32 = 1 << 6;
pub const MEDICATION: u32 = 1 << 7;
/// First word of a multi-word place / condition phrase: try the longer lookup.
pub const PLACE_PREFIX: u32 = 1 << 8;
pub const CONDITION_PREFIX: u32 = 1 << 9;
pub const MONTH: u32 = 1 << 10;
pub const WEEKDAY: u32 = 1 << 11;
pub const HONORIFIC: u32 = 1 << 12;
pub const NAME_SUFFIX: u32 = 1 << 13;
pub const PARTICLE: u32 = 1 << 14;
pub const ORG: u32 = 1 << 15;
pub const UNIT: u32 = 1 << 16;
pub const RELATIVE_DAY: u32 = 1 << 17;
pub const FACILITY: u32 = 1 << 18;
pub const NAME_HONORIFIC_SUFFIX: u32 = 1 << 19;
pub const PROCEDURE: u32 = 1 << 20;
/// In some context-cue list (person, place, identifier, test, visit): worth the slower
/// exact lookup in that list.
pub const CUE: u32 = 1 << 21;
/// Context cue classes (see `vocab`): each bit answers "is this word such a cue" in O(1).
pub const PERSON_BEFORE: u32 = 1 << 22;
pub const PATIENT: u32 = 1 << 23;
pub const PERSON_AFTER: u32 = 1 << 24;
pub const PLACE_CUE: u32 = 1 << 25;
pub const TEST_WORD: u32 = 1 << 26;
pub const VISIT_WORD: u32 = 1 << 27;
pub const PLACE_HEAD: u32 = 1 << 28;
pub const ADDRESS_CUE: u32 = 1 << 29;
pub const ID_CUE: u32 = 1 << 30;

/// Longest phrase (in words) stored in the map.
pub const MAX_PHRASE_WORDS: usize = 5;

/// FxHash-style multiplicative hasher: the keys are short words, SipHash's DoS resistance
/// buys nothing here and costs most of the lookup time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Keys are 64-bit fingerprints of the words, not the words: a lookup then touches one
/// table slot instead of also fetching and comparing the key text, which matters with
/// a quarter of a million entries that do not fit in cache. With 2^64 fingerprints a
/// false hit is astronomically unlikely (about 1 in 10^14 per lookup).
type Map = HashMap<u64, u32, BuildHasherDefault<PassThrough>>;

/// The fingerprint is already well mixed: hash it no further.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// 64-bit fingerprint of a word: the multiplicative hash above, finished with the
/// MurmurHash3 avalanche so that every output bit depends on every input bit.
#[inline]
pub fn fingerprint(word: &str) -> u64 {
    let mut h = FastHasher(word.len() as u64);
    h.write(word.as_bytes());
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

pub struct Lexicon {
    map: Map,
    /// The cue words themselves, for evidence that names the word (small, stays cached).
    cue_words: HashMap<&'static str, (), BuildHasherDefault<FastHasher>>,
}

static FIRST_NAMES: &str = include_str!("../data/names_first.txt");
static LAST_NAMES: &str = include_str!("../data/names_last.txt");
static COMMON_WORDS: &str = include_str!("../data/common_words.txt");
static PLACES: &str = include_str!("../data/places.txt");
static STREET_WORDS: &str = include_str!("../data/street_words.txt");
static CITY_AFFIXES: &str = include_str!("../data/city_affixes.txt");
static CONDITIONS: &str = include_str!("../data/conditions.txt");
static MEDICATIONS: &str = include_str!("../data/medications.txt");
static HEALTH_TERMS: &str = include_str!("../data/health_terms.txt");

impl Lexicon {
    /// The process-wide lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut map = Map::with_capacity_and_hasher(260_000, Default::default());
        let mut cue_words = HashMap::default();
        let mut add = |word: &'static str, bits: u32| {
            *map.entry(fingerprint(word)).or_insert(0) |= bits;
        };
        let lines = |s: &'static str| s.lines().map(str::trim).filter(|l| !l.is_empty());
        for w in lines(FIRST_NAMES) {
            add(w, FIRST);
        }
        for w in lines(LAST_NAMES) {
            add(w, LAST);
        }
        for w in lines(COMMON_WORDS) {
            add(w, COMMON);
        }
        for w in lines(STREET_WORDS) {
            add(w, STREET);
        }
        for w in lines(CITY_AFFIXES) {
            add(w, CITY_AFFIX);
        }
        for w in lines(MEDICATIONS) {
            add(w, MEDICATION);
        }
        let phrases: [(&'static str, u32, u32); 3] = [
            (PLACES, PLACE, PLACE_PREFIX),
            (CONDITIONS, CONDITION, CONDITION_PREFIX),
            (HEALTH_TERMS, 0, CONDITION_PREFIX),
        ];
        for (src, bits, prefix_bit) in phrases {
            for line in lines(src) {
                // health_terms.txt lines are "class<TAB>phrase".
                let (bits, phrase) = match line.split_once('\t') {
                    Some((class, p)) => (health_class_bits(class), p),
                    None => (bits, line),
                };
                let words = phrase.split(' ').count();
                if words > MAX_PHRASE_WORDS {
                    continue;
                }
                add(phrase, bits);
                if words > 1 {
                    if let Some((head, _)) = phrase.split_once(' ') {
                        add(head, prefix_bit);
                    }
                }
            }
        }
        let static_lists: [(&[&'static str], u32); 12] = [
            (vocab::MONTHS, MONTH),
            (vocab::WEEKDAYS, WEEKDAY),
            (vocab::HONORIFICS, HONORIFIC),
            (vocab::NAME_SUFFIXES, NAME_SUFFIX),
            (vocab::PARTICLES, PARTICLE),
            (vocab::ORG_WORDS, ORG),
            (vocab::UNIT_WORDS, UNIT),
            (vocab::RELATIVE_DAYS, RELATIVE_DAY),
            (vocab::FACILITY_UNITS, FACILITY),
            (vocab::NAME_HONORIFIC_SUFFIXES, NAME_HONORIFIC_SUFFIX),
            (vocab::STREET_ABBREVS, STREET),
            (vocab::COMMON_COMPOUNDS, COMMON),
        ];
        for (list, bits) in static_lists {
            for w in list {
                add(w, bits);
            }
        }
        for (w, bits) in crate::vocab::cue_words() {
            add(w, bits | CUE);
        }
        for list in [crate::vocab::HONORIFICS] {
            for w in list {
                cue_words.insert(*w, ());
            }
        }
        for (w, _) in crate::vocab::cue_words() {
            cue_words.insert(w, ());
        }
        Lexicon { map, cue_words }
    }

    /// The lexicon's own `'static` spelling of a word, for evidence without allocation.
    pub fn static_word(&self, lower: &str) -> Option<&'static str> {
        self.cue_words.get_key_value(lower).map(|(k, _)| *k)
    }

    /// Class bits of a lower-cased word or space-joined phrase (0 when unknown).
    #[inline]
    pub fn bits(&self, lower: &str) -> u32 {
        self.map.get(&fingerprint(lower)).copied().unwrap_or(0)
    }
}

fn health_class_bits(class: &str) -> u32 {
    match class {
        "procedure" => PROCEDURE,
        "medication" => MEDICATION,
        _ => CONDITION,
    }
}
