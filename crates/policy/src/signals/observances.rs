//! Awareness days the lexicon does not list: "World Prematurity Day", "National Nurses
//! Week", "Breast Cancer Awareness Month", "Rashtriya Poshan Diwas". A run of capitalised
//! words ending in Day, Week or Month (or Diwas/दिवस) that starts with World,
//! International, National or Global, or ends in "Awareness …", is an observance; a date
//! next to it is the observance's date, never somebody's visit.

use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

const STARTS: &[&str] = &[
    "world",
    "international",
    "national",
    "global",
    "rashtriya",
    "vishwa",
    "विश्व",
    "राष्ट्रीय",
];
const ENDS: &[&str] = &[
    "day",
    "week",
    "month",
    "diwas",
    "divas",
    "saptah",
    "दिवस",
    "सप्ताह",
    "माह",
];

/// Capitalised, or in a script without case (Devanagari).
fn capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase())
}

/// Add an `Observance` hit for every such name.
pub fn find(p: &Prepared<'_>, hits: &mut Vec<Hit>) {
    let n = p.words.len();
    for end in 0..n {
        // Cheapest test first: most words are not Day/Week/Month.
        if !p.word_is(end, ENDS) {
            continue;
        }
        let sentence = p.words[end].sentence;
        // Walk back over capitalised words of the same sentence (at most six) to the
        // nearest World/National/…; or the name ends in "Awareness Day/Week/Month".
        let mut start = end;
        let mut found = None;
        while start > 0
            && end - start < 6
            && p.words[start - 1].sentence == sentence
            && capitalised(p.word_text(start - 1))
        {
            start -= 1;
            if p.word_is(start, STARTS) {
                found = Some(start);
                break;
            }
        }
        let awareness = end >= 2 && p.word_text(end - 1).eq_ignore_ascii_case("awareness");
        let start = found.or(awareness.then(|| end - 1));
        if let Some(start) = start.filter(|s| *s < end) {
            hits.push(Hit {
                cue: Cue::Observance,
                start: p.words[start].start,
                end: p.words[end].end,
                w0: start,
                w1: end,
                sentence,
            });
        }
    }
}
