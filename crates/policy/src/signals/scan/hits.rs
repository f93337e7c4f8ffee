//! Cue hits that need patterns rather than phrases: doses, volume claims, weight-loss
//! results, visit counts (in English and Hindi), drug names by shape.

use super::Scanners;
use crate::lexicon::{Cue, CueSet, Hit};
use crate::text::Prepared;

impl Scanners {
    /// Cue hits that need patterns: doses, volume claims, weight-loss results, drug names.
    pub fn extra_hits(&self, p: &Prepared<'_>, gates: &CueSet) -> Vec<Hit> {
        let t = p.norm.as_str();
        let mut hits = Vec::new();
        let mut add = |cue: Cue, s: usize, e: usize| hits.push(Hit::over(p, cue, s, e));
        if t.bytes().any(|b| b.is_ascii_digit()) {
            let dose = gates
                .contains(Cue::GateUnit)
                .then(|| self.dose.find_iter(t));
            for m in dose.into_iter().flatten() {
                add(Cue::Dose, m.start(), m.end());
            }
            let volume = gates
                .contains(Cue::GateVolume)
                .then(|| self.volume.captures_iter(t));
            for c in volume.into_iter().flatten() {
                let Some(m) = c.get(0) else { continue };
                // Group 1: the Latin-script shape; group 3: the Devanagari one.
                let n: u64 = c
                    .get(1)
                    .or_else(|| c.get(3))
                    .map(|g| g.as_str().replace(',', ""))
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                if n >= 100 || c.get(2).is_some() {
                    add(Cue::VolumeClaim, m.start(), m.end());
                }
            }
            let weight = gates
                .contains(Cue::GateUnit)
                .then(|| self.weight.find_iter(t));
            for m in weight.into_iter().flatten() {
                add(Cue::Outcome, m.start(), m.end());
            }
            let rel_time = gates
                .contains(Cue::GatePeriod)
                .then(|| self.rel_time.find_iter(t));
            for m in rel_time.into_iter().flatten() {
                add(Cue::TimeRef, m.start(), m.end());
            }
            for m in self.frequency.find_iter(t) {
                add(Cue::AdviceA, m.start(), m.end());
            }
            let overdose = gates
                .contains(Cue::GateUnit)
                .then(|| self.overdose.find_iter(t));
            for m in overdose.into_iter().flatten() {
                add(Cue::CrisisSelfHarm, m.start(), m.end());
            }
            // An abbreviation needs two capitals in a row somewhere: skip the regex otherwise.
            let caps = t.as_bytes().windows(2).any(|w| {
                w[0].is_ascii_uppercase() && (w[1].is_ascii_uppercase() || w[1].is_ascii_digit())
            });
            let test_value = caps.then(|| self.test_value.find_iter(t));
            for m in test_value.into_iter().flatten() {
                // "24/7", "10:30": a schedule, not a value.
                if !t[m.end()..].starts_with(['/', ':']) {
                    add(Cue::TestResult, m.start(), m.end());
                }
            }
            let room = gates
                .contains(Cue::GateRoom)
                .then(|| self.room.find_iter(t));
            for m in room.into_iter().flatten() {
                // "4 West" is a ward; "4 West Main St" is an address.
                let compass = ["West", "East", "North", "South"]
                    .iter()
                    .any(|d| m.as_str().ends_with(d));
                if compass {
                    // A unit of the building, like "the ICU": where someone is, not a visit.
                    let after = t[m.end()..].strip_prefix(' ').unwrap_or("");
                    if !after.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) {
                        add(Cue::CareArea, m.start(), m.end());
                    }
                    continue;
                }
                add(Cue::VisitCount, m.start(), m.end());
                add(Cue::VisitWord, m.start(), m.end());
            }
        }
        let numbered = gates.contains(Cue::GateOrdinal) || t.bytes().any(|b| b.is_ascii_digit());
        // "आप हमारे यहाँ तीन बार आए", "aap 3 baar aaye the", "दो फॉलो-अप": visits counted in
        // Hindi.
        // Devanagari words are looked for only in texts with Devanagari letters (the
        // block's UTF-8 lead byte is 0xE0).
        let times = t.contains("baar")
            || t.contains(" bar ")
            || t.as_bytes().contains(&0xE0)
                && ["बार", "दो ", "तीन ", "चार ", "पाँच ", "पांच ", "कई "]
                    .iter()
                    .any(|n| t.contains(n));
        let counted = (numbered
            && [Cue::VisitWord, Cue::CareNoun, Cue::GatePeriod]
                .iter()
                .any(|&c| gates.contains(c))
            || times)
            .then(|| self.visit_count.find_iter(t));
        for m in counted.into_iter().flatten() {
            add(Cue::VisitCount, m.start(), m.end());
            add(Cue::VisitWord, m.start(), m.end());
        }
        if t.contains('(') {
            for c in self.brand_generic.captures_iter(t) {
                if let Some(m) = c.get(0) {
                    add(Cue::RxBrand, m.start(), m.end());
                }
            }
        }
        for w in &p.words {
            let word = &t[w.start..w.end];
            // "Liv52", "Dolo650", "DiaboCure", "GlowMax": brand-shaped product names, and
            // anything marked ™ or ®.
            let b = word.as_bytes();
            let alnum = b.iter().all(u8::is_ascii_alphanumeric);
            let numbered = b.len() >= 4
                && b[0].is_ascii_uppercase()
                && b[1].is_ascii_lowercase()
                && b.last().is_some_and(u8::is_ascii_digit);
            let camel = b.len() >= 5
                && b[0].is_ascii_uppercase()
                && b.windows(2)
                    .skip(1)
                    .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
            let marked = t[w.end..].starts_with(['™', '®']);
            if alnum && (numbered || camel) || marked {
                add(Cue::ProductWord, w.start, w.end);
            }
        }
        hits
    }
}
