//! A fixed list of phrases looked for as substrings of a text in one pass: one
//! Aho–Corasick automaton, built the first time the list is searched, in place of one
//! `str::contains` per phrase (lists of thirty phrases were read phrase by phrase per check).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use std::sync::OnceLock;

pub struct Phrases {
    list: &'static [&'static str],
    ac: OnceLock<Option<AhoCorasick>>,
}

impl Phrases {
    pub const fn new(list: &'static [&'static str]) -> Phrases {
        Phrases {
            list,
            ac: OnceLock::new(),
        }
    }

    /// Whether `hay` contains any of the phrases (exactly as `str::contains` would say).
    pub fn in_text(&self, hay: &str) -> bool {
        // A full DFA without a prefilter: the lists hold spaces and Devanagari lead bytes,
        // which a prefilter would stop at on every word.
        let build = || {
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false)
                .build(self.list)
                .ok()
        };
        match self.ac.get_or_init(build) {
            Some(ac) => ac.is_match(hay),
            // An automaton that cannot be built (never for short lists) falls back to
            // reading phrase by phrase.
            None => self.list.iter().any(|w| hay.contains(w)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Phrases;

    static P: Phrases = Phrases::new(&["our records", "प्रिय मरीज", "dear patient"]);

    #[test]
    fn finds_substrings_like_contains() {
        for hay in [
            "as per our records you are due",
            "प्रिय मरीज, नमस्ते",
            "dear patients of ward 4",
            "no phrase here",
            "",
        ] {
            let want = ["our records", "प्रिय मरीज", "dear patient"]
                .iter()
                .any(|w| hay.contains(w));
            assert_eq!(P.in_text(hay), want, "{hay}");
        }
    }
}
