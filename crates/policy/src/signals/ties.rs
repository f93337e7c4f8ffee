//! Who the health words are about. A diagnosis in a public-health post is education; the
//! same word after "your" in a review reply, or next to a named patient in a success story,
//! is a disclosure. This module ties health, visit and money words to a person:
//! the addressee of a reply ("your surgery", "a cancer patient like you"), the author
//! ("my lithium", for inbound screening), or a third-person anchor ("Dorothy Jenkins, 82",
//! "the guy who rolled his pickup", continued by "she"/"he" in later sentences).

pub use super::generic::generic_health;
use super::generic::generic_visit;
pub(crate) use super::not_care::{contact_of, department, hurt_word, messaging, ours};
use super::not_care::{insurance_plan, invitation};
use super::{EntityKind, Signals};
use crate::lexicon::{Cue, Hit};

/// A normalised byte span.
pub type Span = (usize, usize);

pub const HEALTH: &[Cue] = &[
    Cue::Condition,
    Cue::Procedure,
    Cue::Medication,
    Cue::TestResult,
    Cue::SensMental,
    Cue::SensSubstance,
    Cue::SensHivSti,
    Cue::SensRepro,
    Cue::Mtp,
];

pub const SENSITIVE: &[Cue] = &[
    Cue::SensMental,
    Cue::SensSubstance,
    Cue::SensHivSti,
    Cue::SensRepro,
    Cue::SensDeath,
    Cue::Mtp,
];

const CARE: &[Cue] = &[
    Cue::Condition,
    Cue::Procedure,
    Cue::Medication,
    Cue::TestResult,
    Cue::SensMental,
    Cue::SensSubstance,
    Cue::SensHivSti,
    Cue::SensRepro,
    Cue::Mtp,
    Cue::CareNoun,
    Cue::Fin,
];

/// "you had", "you received": said after the care they refer to in a relative clause.
const RELATIVE_YOU: &[&str] = &[
    "you had",
    "you have had",
    "you've had",
    "you got",
    "you received",
    "you underwent",
    "you needed",
    "aapne",
];

const HEDGE_WORDS: &[&str] = &[
    "if",
    "when",
    "whenever",
    "whether",
    "unless",
    "any",
    "every",
    "anything",
    "agar",
    "अगर",
    "यदि",
    "jab",
];

#[derive(Debug, Default)]
pub struct Ties {
    /// Health words tied to the person addressed.
    pub addressed_health: Vec<Span>,
    /// "your visit", "your cleaning": the care relationship itself.
    pub addressed_care: Vec<Span>,
    /// Relationship phrases not hedged ("as we discussed at intake").
    pub rel: Vec<Span>,
    pub deny: Vec<Span>,
    /// Visit words, times and dates in a sentence about the addressee.
    pub addressed_visit: Vec<Span>,
    pub addressed_fin: Vec<Span>,
    /// Sentences that talk about the addressee's care.
    pub addressed_sentences: Vec<usize>,
    /// Health words the author discloses about themselves or their family.
    pub self_health: Vec<Span>,
    /// Third-person individuals: names, "the guy", ages.
    pub anchors: Vec<Span>,
    pub anchor_sentences: Vec<usize>,
    pub anchor_health: Vec<Span>,
    pub anchor_visit: Vec<Span>,
    pub anchor_outcome: Vec<Span>,
}

pub(super) fn push(v: &mut Vec<Span>, s: Span) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Authorities written in capitals ("CDC says…", "WHO recommends…") and words of general
/// guidance: with a hedge ("if you…") they make a sentence's "you" anyone.
const AUTHORITIES: &[&str] = &["CDC", "WHO", "NIH", "FDA", "AAP", "ICMR", "NHS", "AIIMS"];
const GENERAL_WORDS: &[&str] = &[
    "guidelines",
    "guideline",
    "experts",
    "studies",
    "research",
    "generally",
    "typically",
];

fn general_guidance(sig: &Signals<'_>, sentence: usize) -> bool {
    sig.sentence_has(sentence, Cue::Hedge)
        && (0..sig.p.words.len()).any(|i| {
            sig.p.words[i].sentence == sentence && {
                let t = sig.p.word_text(i);
                AUTHORITIES.contains(&t) || GENERAL_WORDS.iter().any(|g| t.eq_ignore_ascii_case(g))
            }
        })
}

pub(super) fn hedged(sig: &Signals<'_>, h: &Hit) -> bool {
    if sig.overlapped_by(h, Cue::Hedge) || general_guidance(sig, h.sentence) {
        return true;
    }
    // "your report … with anyone": the promise follows what it protects.
    if sig
        .near(h.sentence, h.w1 + 1, h.w1 + 1, Cue::NoShare, 0, 6)
        .is_some()
    {
        return true;
    }
    (1..=2).any(|d| {
        h.w0 >= d
            && sig.p.words[h.w0 - d].sentence == h.sentence
            && HEDGE_WORDS
                .iter()
                .any(|w| sig.p.word_text(h.w0 - d).eq_ignore_ascii_case(w))
    })
}

/// Compute ties. `addressed`: the channel is a reply or DM, so "you" is one person.
pub fn compute(sig: &Signals<'_>, addressed: bool) -> Ties {
    let mut t = Ties::default();
    let care_after = |h: &Hit, max: usize| -> Vec<&Hit> {
        sig.hits
            .iter()
            .filter(|c| {
                CARE.contains(&c.cue)
                    && c.sentence == h.sentence
                    && c.w0 > h.w1
                    && c.w0 <= h.w1 + max
            })
            .collect()
    };
    if addressed {
        for h in sig.hits.iter().filter(|h| h.cue == Cue::Poss2) {
            // "Please talk with your care team": a referral to their own clinicians.
            if hedged(sig, h) || sig.overlapped_by(h, Cue::Deflect) {
                continue;
            }
            // Hindi and Hinglish possessives run longer ("aapki bitiya ki vaccine ki dose").
            let ascii_en = sig.text(h.start, h.end).eq_ignore_ascii_case("your");
            for c in care_after(h, if ascii_en { 4 } else { 6 }) {
                if insurance_plan(sig, c) || invitation(sig, h, c) {
                    continue;
                }
                push(&mut t.addressed_care, (h.start, c.end));
                // "your treatment" confirms the relationship; "your hernia" says what it was.
                if HEALTH.contains(&c.cue) && !generic_health(sig.text(c.start, c.end)) {
                    push(&mut t.addressed_health, (c.start, c.end));
                }
                if c.cue == Cue::Fin {
                    push(&mut t.addressed_fin, (c.start, c.end));
                }
                t.addressed_sentences.push(h.sentence);
            }
        }
        for h in sig.hits.iter().filter(|h| h.cue == Cue::You2) {
            if hedged(sig, h) {
                continue;
            }
            let you = sig.text(h.start, h.end);
            let like_you = you.eq_ignore_ascii_case("like you");
            // "the Botox you had on March 12": a relative clause makes the thing before it
            // the addressee's.
            let relative = RELATIVE_YOU.iter().any(|r| r.eq_ignore_ascii_case(you));
            for c in sig
                .hits
                .iter()
                .filter(|c| HEALTH.contains(&c.cue) && c.sentence == h.sentence)
            {
                let after = c.w0 > h.w1 && c.w0 <= h.w1 + 5;
                let before = (like_you || relative) && c.w1 < h.w0 && c.w1 + 4 >= h.w0;
                // "you have never been treated": a denial, and a generic word.
                if generic_health(sig.text(c.start, c.end))
                    || sig.overlapped_by(c, Cue::RelDeny)
                    || ours(sig, c)
                {
                    continue;
                }
                if after || before {
                    push(&mut t.addressed_health, (c.start, c.end));
                    t.addressed_sentences.push(h.sentence);
                }
            }
        }
        for h in sig.hits.iter().filter(|h| h.cue == Cue::RelPhrase) {
            if !hedged(sig, h) && !department(sig, h) && !messaging(sig, h) {
                push(&mut t.rel, (h.start, h.end));
                t.addressed_sentences.push(h.sentence);
            }
        }
        // "your son … His stitches": the addressee's family member, continued by pronouns.
        let nsent = sig.p.sentences.len();
        for h in sig.of(Cue::Poss2) {
            if hedged(sig, h)
                || sig
                    .near(h.sentence, h.w1 + 1, h.w1 + 1, Cue::FamilyMember, 0, 0)
                    .is_none()
            {
                continue;
            }
            let mut sents = vec![h.sentence];
            for d in 1..=2 {
                if h.sentence + d < nsent && sig.sentence_has(h.sentence + d, Cue::Pron3) {
                    sents.push(h.sentence + d);
                }
            }
            // A symptom counts too: "your daughter … struggling to breathe"; so does a
            // death in our care ("with your father in his final days").
            for c in sig.hits.iter().filter(|c| {
                (HEALTH.contains(&c.cue) || matches!(c.cue, Cue::CrisisMedical | Cue::SensDeath))
                    && sents.contains(&c.sentence)
            }) {
                push(&mut t.addressed_health, (c.start, c.end));
                t.addressed_sentences.push(c.sentence);
            }
            // "आपके पिताजी के आईसीयू में 6 दिन का कुल बिल": their bill and their ward.
            for c in sig.hits.iter().filter(|c| sents.contains(&c.sentence)) {
                match c.cue {
                    Cue::Fin => push(&mut t.addressed_fin, (c.start, c.end)),
                    Cue::CareArea => push(&mut t.addressed_visit, (c.start, c.end)),
                    _ => continue,
                }
                t.addressed_sentences.push(c.sentence);
            }
        }
        for h in sig.of(Cue::RelDeny) {
            push(&mut t.deny, (h.start, h.end));
        }
        // "you waited two hours in our infusion center last Thursday": a visit of the
        // addressee even without a possessive.
        for (i, &(s, e)) in sig.p.sentences.iter().enumerate() {
            let you = sig.p.words.iter().any(|w| {
                w.sentence == i && {
                    let t = &sig.p.norm[w.start..w.end];
                    t.eq_ignore_ascii_case("you")
                        || t.eq_ignore_ascii_case("your")
                        || t == "आप"
                        || t.eq_ignore_ascii_case("aap")
                }
            })
                // "Ms. Alvarez was discharged from our practice after three no-shows": a
                // named person in the reply, with what our care did to them, as much as
                // "you" ("Hi Maria — Saturday appointments fill up fast" is not).
                || sig
                    .personal_entities()
                    .any(|x| x.kind == EntityKind::Name && x.sentence == i)
                    && sig.p.sentence_has_word(
                        i,
                        &[
                            "discharged", "admitted", "seen", "treated", "missed", "waited",
                            "operated", "dismissed", "no-shows", "no-show", "examined", "ward",
                            "icu", "bed", "recovering", "stayed",
                        ],
                    );
            let hedge = sig.sentence_has(i, Cue::Hedge);
            let visit = sig.sentence_has(i, Cue::VisitWord);
            let when = sig.sentence_has(i, Cue::TimeRef)
                || sig.sentence_has(i, Cue::OurPlace)
                || sig.sentence_has(i, Cue::VisitCount)
                || sig.entities.iter().any(|x| {
                    x.sentence == i
                        && matches!(x.kind, EntityKind::Date | EntityKind::Time)
                        && !x.benign()
                });
            if you && visit && when && !hedge {
                t.addressed_sentences.push(i);
                for h in sig
                    .of(Cue::VisitWord)
                    .filter(|h| h.start >= s && h.end <= e)
                {
                    push(&mut t.rel, (h.start, h.end));
                }
            }
        }
        // Once the reply places the person in our care, a later "Next cleaning in 6
        // months" or "अगली जांच 15 दिन बाद" is their visit, even without "you".
        if !t.rel.is_empty() || !t.addressed_care.is_empty() {
            for i in 0..sig.p.sentences.len() {
                let care = [Cue::CareNoun, Cue::VisitWord, Cue::Procedure]
                    .iter()
                    .any(|&c| sig.sentence_has(i, c));
                let when = sig.sentence_has(i, Cue::TimeRef)
                    || sig.entities.iter().any(|x| {
                        x.sentence == i
                            && matches!(x.kind, EntityKind::Date | EntityKind::Time)
                            && !x.benign()
                    });
                if care && when && !sig.sentence_has(i, Cue::Hedge) {
                    t.addressed_sentences.push(i);
                }
            }
        }
        t.addressed_sentences.sort_unstable();
        t.addressed_sentences.dedup();
        let timed = |s: usize| {
            sig.sentence_has(s, Cue::TimeRef)
                || sig.entities.iter().any(|x| {
                    x.sentence == s
                        && matches!(x.kind, EntityKind::Date | EntityKind::Time)
                        && !x.benign()
                })
        };
        for h in &sig.hits {
            let detail = h.cue == Cue::TimeRef
                || h.cue == Cue::VisitCount
                || h.cue == Cue::VisitWord
                    && (!generic_visit(sig.text(h.start, h.end)) || timed(h.sentence));
            if detail && t.addressed_sentences.contains(&h.sentence) {
                push(&mut t.addressed_visit, (h.start, h.end));
            }
            if h.cue == Cue::Fin && t.addressed_sentences.contains(&h.sentence) {
                push(&mut t.addressed_fin, (h.start, h.end));
            }
        }
        for e in &sig.entities {
            if matches!(e.kind, EntityKind::Date | EntityKind::Time)
                && !e.benign()
                && t.addressed_sentences.contains(&e.sentence)
            {
                push(&mut t.addressed_visit, (e.start, e.end));
            }
        }
    }
    super::third_person::self_disclosure(sig, &mut t);
    super::third_person::anchors(sig, &mut t);
    t
}
