//! Ties for people other than the addressee: what the author discloses about themselves
//! or their family (for inbound screening), and third-person anchors ("Dorothy Jenkins,
//! 82", "the guy who rolled his pickup") with the health, visit and outcome words in the
//! sentences that continue their story.

use super::ties::{department, generic_health, hedged, push, Ties, HEALTH};
use super::{EntityKind, Signals};
use crate::lexicon::Cue;

pub(super) fn self_disclosure(sig: &Signals<'_>, t: &mut Ties) {
    for h in sig.of(Cue::Poss1) {
        for c in sig.hits.iter().filter(|c| {
            let visit = matches!(c.cue, Cue::VisitWord | Cue::TimeRef) && c.w0 <= h.w1 + 6;
            (HEALTH.contains(&c.cue)
                || c.cue == Cue::CareNoun
                || c.cue == Cue::CrisisMedical
                || c.cue == Cue::Mishap
                || visit)
                && c.sentence == h.sentence
                && c.w0 > h.w1
                && c.w0 <= h.w1 + 5
        }) {
            push(&mut t.self_health, (c.start, c.end));
        }
    }
    // Sentence level: "My grandma is 94 and just got her cataract fixed here".
    for (i, _) in sig.p.sentences.iter().enumerate() {
        if sig.sentence_has(i, Cue::Poss1)
            || sig.sentence_has(i, Cue::FamilyMember)
            || sig.sentence_has(i, Cue::Pron3)
        {
            for c in sig
                .hits
                .iter()
                .filter(|c| c.sentence == i && HEALTH.contains(&c.cue))
            {
                push(&mut t.self_health, (c.start, c.end));
            }
        }
    }
}

fn anchor_ok_age(sig: &Signals<'_>, s: usize, e: usize) -> bool {
    // "Case of the week: 34M with thunderclap headache": the shorthand of a teaching case
    // is not, by itself, someone we can point at.
    if sig.text(s, e).ends_with(['M', 'F']) {
        return false;
    }
    let w0 = sig.p.word_at(s);
    let w1 = sig.p.word_at(e.saturating_sub(1));
    let prev = if w0 > 0 {
        sig.p.word_text(w0 - 1).to_lowercase()
    } else {
        String::new()
    };
    let next = sig.p.word_text(w1 + 1).to_lowercase();
    let bad_prev = [
        "to",
        "and",
        "from",
        "aged",
        "ages",
        "children",
        "kids",
        "adults",
        "under",
        "over",
        "above",
        "below",
        "upto",
        "up",
        "all",
        "ages",
        "age",
        "at",
        "between",
        "for",
        "in",
        "since",
        "past",
        "last",
        "next",
        "every",
        "within",
        "than",
        "से",
        "तक",
        // Hinglish ranges: "18 se 65 saal ke log", "60 ke upar".
        "se",
        "tak",
        // durations: "has spent 20 years", "nearly 30 years", "completed 25 years"
        "spent",
        "spend",
        "spending",
        "served",
        "serving",
        "worked",
        "working",
        "nearly",
        "almost",
        "about",
        "around",
        "completed",
        "completes",
        "completing",
        "marks",
        "celebrates",
        "celebrating",
        "those",
        "these",
        "many",
    ];
    let bad_next = [
        "to",
        "-",
        "plus",
        "of",
        "ago",
        "experience",
        "and",
        "or",
        "back",
        "later",
        "from",
        "se",
        "से",
        "तक",
        // "20 years caring for…", "25 years of service": a career, not an age
        "caring",
        "serving",
        "working",
        "practising",
        "practicing",
        "helping",
        "treating",
        "teaching",
        "service",
        "as",
        // "20 saal mein pehli baar": in twenty years
        "mein",
        "में",
    ];
    // "30 साल के बाद", "40 saal ke baad har saal": after an age, everyone.
    let next2 = sig.p.word_text(w1 + 2).to_lowercase();
    if ["के", "ke"].contains(&next.as_str())
        && ["बाद", "baad", "bad", "upar", "ऊपर", "पहले", "pehle"].contains(&next2.as_str())
    {
        return false;
    }
    // "a 15-year-old from Obaidullaganj" describes one person whatever follows.
    if sig.p.norm[s..e].to_ascii_lowercase().contains("old") {
        return !bad_prev.contains(&prev.as_str());
    }
    // "aged 0 to 5", "0-5 years", "18+": an age range describes a group, not a person.
    let range = sig.p.norm[e..].trim_start().starts_with(['+', '-', '–'])
        || sig.p.norm[..s].trim_end().ends_with(['-', '–']);
    !bad_prev.contains(&prev.as_str()) && !bad_next.contains(&next.as_str()) && !range
}

/// "Sending strength to @CoachDaveM, who came through surgery…": a handle followed by
/// "who", or one that holds a name the text also uses ("…Dave, we're rooting for you"),
/// is a person's account; an agency's or an organisation's (@WHO, @CDCgov,
/// @CityHospital) is not.
fn handle_person(sig: &Signals<'_>, h: &super::Entity) -> bool {
    const ORGS: &[&str] = &[
        "gov",
        "org",
        "health",
        "hospital",
        "clinic",
        "official",
        "news",
        "who",
        "cdc",
        "care",
        "foundation",
        "medical",
        "ministry",
        "council",
        "india",
        "usa",
    ];
    let handle = sig.p.norm[h.start..h.end].to_lowercase();
    if ORGS.iter().any(|w| handle.contains(w)) {
        return false;
    }
    let next = h.w1 + 1;
    if next < sig.p.words.len() && sig.p.word_is(next, &["who", "jinhe", "जिन्हें"]) {
        return true;
    }
    // A name elsewhere in the text, word by word ("Dave" of "Dave Martin"), four letters
    // or more so "Ann" is not found in every handle.
    sig.personal_entities().any(|n| {
        n.kind == EntityKind::Name
            && !n.staff
            && (n.end <= h.start || n.start >= h.end)
            && sig.p.norm[n.start..n.end]
                .split_whitespace()
                .any(|w| w.chars().count() >= 4 && handle.contains(&w.to_lowercase()))
    })
}

pub(super) fn anchors(sig: &Signals<'_>, t: &mut Ties) {
    for e in sig.personal_entities() {
        let ok = match e.kind {
            EntityKind::Name => true,
            EntityKind::Age => anchor_ok_age(sig, e.start, e.end),
            EntityKind::Handle => handle_person(sig, e),
            _ => false,
        };
        if ok {
            push(&mut t.anchors, (e.start, e.end));
            t.anchor_sentences.push(e.sentence);
        }
    }
    for h in sig.of(Cue::IndivAnchor) {
        if !hedged(sig, h) && !department(sig, h) {
            push(&mut t.anchors, (h.start, h.end));
            t.anchor_sentences.push(h.sentence);
        }
    }
    t.anchor_sentences.sort_unstable();
    t.anchor_sentences.dedup();
    if t.anchor_sentences.is_empty() {
        return;
    }
    // A sentence continues the anchor's story if it is the anchor's sentence, or uses a
    // third-person pronoun within two sentences after one.
    let nsent = sig.p.sentences.len();
    let mut about = vec![false; nsent.max(1)];
    for &s in &t.anchor_sentences {
        if let Some(a) = about.get_mut(s) {
            *a = true;
        }
        for d in 1..=2 {
            if s + d < nsent
                && (sig.sentence_has(s + d, Cue::Pron3)
                    || sig.sentence_has(s + d, Cue::FamilyMember))
            {
                about[s + d] = true;
            }
        }
        // "After her stroke in March, Dorothy…": a pronoun before the name, same sentence.
    }
    for h in &sig.hits {
        if !about.get(h.sentence).copied().unwrap_or(false) {
            continue;
        }
        if (HEALTH.contains(&h.cue) && !generic_health(sig.text(h.start, h.end)))
            || h.cue == Cue::SensDeath
        {
            push(&mut t.anchor_health, (h.start, h.end));
        } else if matches!(h.cue, Cue::VisitWord | Cue::TimeRef) {
            push(&mut t.anchor_visit, (h.start, h.end));
        } else if h.cue == Cue::Outcome {
            push(&mut t.anchor_outcome, (h.start, h.end));
        }
    }
    for e in &sig.entities {
        if matches!(e.kind, EntityKind::Date | EntityKind::Time)
            && !e.benign()
            && about.get(e.sentence).copied().unwrap_or(false)
        {
            push(&mut t.anchor_visit, (e.start, e.end));
        }
    }
}
