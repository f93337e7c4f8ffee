//! Everything the rules read about a text, computed once per check: lexicon hits, entities
//! (names, dates, ages, contact details, identifiers, links) from the engine's own scanners
//! and from the phi detector, and which of them belong to the organisation rather than to a
//! patient.

mod crisis;
mod entities;
mod generic;
mod hours;
mod masks;
mod name_words;
mod name_words_hi;
mod names;
mod not_care;
pub(crate) mod nouns;
mod observances;
mod owners;
mod owners_words;
mod pairs;
mod people;
mod scan;
mod third_person;
pub mod ties;

pub use entities::{Entity, EntityKind};
pub(crate) use masks::result_in_path;
pub use scan::Scanners;

use crate::lexicon::{Cue, CueSet, Hit, Lexicon};
use crate::org::OrgPolicy;
use crate::text::Prepared;

/// The phi detector in three configurations, so a text is tokenised once: identifiers
/// and health terms together when the text is already known to be about a person,
/// identifiers alone otherwise, and health terms alone when the identifiers pass is what
/// found the person.
pub struct Detectors {
    pub identifiers: phi::Detector,
    pub health: phi::Detector,
    pub both: phi::Detector,
}

impl Detectors {
    /// `base` is the organisation's detector configuration; its `identifiers` and
    /// `health` switches are overridden.
    pub fn new(base: phi::DetectorConfig) -> Detectors {
        let with = |identifiers, health| {
            phi::Detector::new(phi::DetectorConfig {
                identifiers,
                health,
                ..base.clone()
            })
        };
        Detectors {
            identifiers: with(true, false),
            health: with(false, true),
            both: with(true, true),
        }
    }
}

const PERSON_CUES: &[Cue] = &[
    Cue::Poss2,
    Cue::You2,
    Cue::Poss1,
    Cue::Pron3,
    Cue::IndivAnchor,
    Cue::FamilyMember,
    Cue::PatientWord,
    Cue::RelPhrase,
    Cue::StoryMarker,
];

fn cue_set(hits: &[Hit]) -> CueSet {
    let mut set = CueSet::default();
    for h in hits {
        set.insert(h.cue);
    }
    set
}

/// Room for every cue in the by-cue index (the `CueSet` holds 192).
const CUE_SLOTS: usize = 192;

pub struct Signals<'a> {
    pub p: Prepared<'a>,
    /// Every hit, in text order.
    pub hits: Vec<Hit>,
    /// The same hits grouped by cue; `cue_at[c]..cue_at[c + 1]` are cue `c`'s.
    by_cue: Vec<Hit>,
    cue_at: Vec<u32>,
    pub set: CueSet,
    pub sent_sets: Vec<CueSet>,
    pub entities: Vec<Entity>,
}

impl<'a> Signals<'a> {
    pub fn new(
        text: &'a str,
        lex: &Lexicon,
        scanners: &Scanners,
        detectors: &Detectors,
        org: &OrgPolicy,
    ) -> Signals<'a> {
        let p = Prepared::new(text);
        let mut hits = lex.scan(&p);
        let gates = cue_set(&hits);
        let mut entities = scanners.scan(&p, &gates);
        names::find_names(&p, &hits, &mut entities);
        // The detector's (large) health vocabulary matters only when the text is about a
        // person; education without one is left to the engine's own lexicons.
        let person = |hits: &[Hit], entities: &[Entity]| {
            hits.iter().any(|h| PERSON_CUES.contains(&h.cue))
                || entities
                    .iter()
                    .any(|e| matches!(e.kind, EntityKind::Name | EntityKind::Age) && !e.benign())
        };
        if person(&hits, &entities) {
            entities::merge_phi(&p, detectors.both.detect(text), &mut entities, &mut hits);
        } else {
            entities::merge_phi(
                &p,
                detectors.identifiers.detect(text),
                &mut entities,
                &mut hits,
            );
            if person(&hits, &entities) {
                entities::merge_phi(&p, detectors.health.detect(text), &mut entities, &mut hits);
            }
        }
        people::drop_non_people(&p, &mut entities);
        observances::find(&p, &mut hits);
        owners::classify(&p, &hits, org, &mut entities);
        // A month inside an observance's date ("June" of "June 14 is World Blood Donor
        // Day"), an offer's deadline or an election day dates that, not a visit.
        hits.retain(|h| {
            h.cue != Cue::TimeRef
                || !entities.iter().any(|e| {
                    matches!(e.kind, EntityKind::Date | EntityKind::Time)
                        && e.benign()
                        && e.start <= h.start
                        && h.end <= e.end
                })
        });
        hits.extend(scanners.extra_hits(&p, &gates));
        entities::drop_drug_names(&p, &hits, &mut entities);
        let derived = pairs::derive(&p, &hits);
        hits.extend(derived);
        masks::apply(&p, &mut hits);
        nouns::drop_hosted_guests(&p, &mut hits);
        hours::hours(&p, &mut hits, &mut entities);
        masks::slug_people(&p, &hits, &detectors.identifiers, &mut entities);
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.cue));
        Signals::assemble(p, hits, entities)
    }

    fn assemble(p: Prepared<'a>, hits: Vec<Hit>, entities: Vec<Entity>) -> Signals<'a> {
        let mut set = CueSet::default();
        let mut sent_sets = vec![CueSet::default(); p.sentences.len().max(1)];
        // Counting sort by cue (stable, so each cue's hits stay in text order): rules
        // ask for one cue's hits dozens of times per check.
        let mut cue_at = vec![0u32; CUE_SLOTS + 1];
        for h in &hits {
            set.insert(h.cue);
            if let Some(s) = sent_sets.get_mut(h.sentence) {
                s.insert(h.cue);
            }
            cue_at[h.cue as usize + 1] += 1;
        }
        for i in 1..cue_at.len() {
            cue_at[i] += cue_at[i - 1];
        }
        let mut next = cue_at.clone();
        let mut by_cue = hits.clone();
        for h in &hits {
            let slot = &mut next[h.cue as usize];
            by_cue[*slot as usize] = *h;
            *slot += 1;
        }
        Signals {
            p,
            hits,
            by_cue,
            cue_at,
            set,
            sent_sets,
            entities,
        }
    }

    /// Cue hits only (no entities, no detector): enough for the message being answered.
    pub fn light(text: &'a str, lex: &Lexicon, scanners: &Scanners) -> Signals<'a> {
        let p = Prepared::new(text);
        let mut hits = lex.scan(&p);
        let gates = cue_set(&hits);
        hits.extend(scanners.extra_hits(&p, &gates));
        let derived = pairs::derive(&p, &hits);
        hits.extend(derived);
        Signals::assemble(p, hits, Vec::new())
    }

    pub fn has(&self, c: Cue) -> bool {
        self.set.contains(c)
    }

    pub fn any(&self, cs: &[Cue]) -> bool {
        self.set.any(cs)
    }

    /// Hits of one cue, in text order.
    pub fn of(&self, c: Cue) -> impl Iterator<Item = &Hit> + '_ {
        let i = c as usize;
        self.by_cue[self.cue_at[i] as usize..self.cue_at[i + 1] as usize].iter()
    }

    /// Hits of any of the cues, grouped by cue (text order within a cue).
    pub fn of_any<'s>(&'s self, cs: &'s [Cue]) -> impl Iterator<Item = &'s Hit> + 's {
        cs.iter().flat_map(move |&c| self.of(c))
    }

    pub fn sentence_has(&self, sentence: usize, c: Cue) -> bool {
        self.sent_sets.get(sentence).is_some_and(|s| s.contains(c))
    }

    /// A hit of `c` overlapping words `w0 - before ..= w1 + after` in the same sentence.
    pub fn near(
        &self,
        sentence: usize,
        w0: usize,
        w1: usize,
        c: Cue,
        before: usize,
        after: usize,
    ) -> Option<&Hit> {
        let lo = w0.saturating_sub(before);
        let hi = w1 + after;
        self.of(c)
            .find(|h| h.sentence == sentence && h.w1 >= lo && h.w0 <= hi)
    }

    /// Text of a normalised span.
    pub fn text(&self, start: usize, end: usize) -> &str {
        self.p.norm.get(start..end).unwrap_or("")
    }

    /// Is the hit overlapped by any hit of `c`?
    pub fn overlapped_by(&self, h: &Hit, c: Cue) -> bool {
        self.of(c).any(|o| o.start < h.end && h.start < o.end)
    }

    pub fn entities_of(&self, k: EntityKind) -> impl Iterator<Item = &Entity> + '_ {
        self.entities.iter().filter(move |e| e.kind == k)
    }

    /// Entities that may belong to a patient (not the organisation's, staff's or an
    /// observance's).
    pub fn personal_entities(&self) -> impl Iterator<Item = &Entity> + '_ {
        self.entities.iter().filter(|e| !e.benign())
    }
}
