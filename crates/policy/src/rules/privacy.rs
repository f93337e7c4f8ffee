//! PHI rules about the words themselves: relationship, identifiers, clinical details,
//! visits, money, repeating a self-disclosure, sensitive
//! categories, marketing stories and press statements.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::result::Verdict::{self, Block, NeedsReview};
use crate::signals::ties::{generic_health, hurt_word, Span, HEALTH};
use crate::signals::{EntityKind, Signals};

/// Public channel: a PHI rule blocks. Private (DM): it needs review.
fn phi_verdict(ev: &Eval<'_>) -> Verdict {
    if ev.ctx.family.is_public() {
        Block
    } else {
        NeedsReview
    }
}

fn health_spans(sig: &Signals<'_>) -> Vec<Span> {
    sig.hits
        .iter()
        .filter(|h| HEALTH.contains(&h.cue))
        .map(|h| (h.start, h.end))
        .collect()
}

/// Identifiers that identify a person wherever they appear (SSN, MRN, Aadhaar…).
fn strong_ids(sig: &Signals<'_>) -> Vec<Span> {
    sig.personal_entities()
        .filter(|e| e.kind == EntityKind::Id && e.label != "IP_ADDRESS")
        .map(|e| (e.start, e.end))
        .collect()
}

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    let sev = phi_verdict(ev);
    let ids = strong_ids(ev.sig);
    if !ids.is_empty() {
        out.add(Fired::new(RuleId::PhiId, sev).phi("ID_NUMBER", ids));
    }
    if ev.ctx.family.is_addressed() {
        super::privacy_addressed::addressed(ev, sev, out);
    } else {
        about_others(ev, sev, out);
        public_address(ev, sev, out);
    }
    super::privacy_care::named_admission(ev, sev, out);
    super::privacy_care::served_when(ev, sev, out);
    super::privacy_indirect::indirect(ev, out);
}

/// A sentence that makes an anchor a specific, real person (not "a patient with diabetes
/// should…"): a name or age, or a time, outcome, our premises, an event or a story.
fn specific(ev: &Eval<'_>) -> bool {
    let sig = ev.sig;
    let named = sig.personal_entities().any(|e| {
        matches!(e.kind, EntityKind::Name | EntityKind::Age)
            && ev.ties.anchors.contains(&(e.start, e.end))
    });
    named
        || ev.ties.anchor_sentences.iter().any(|&s| {
            [
                Cue::TimeRef,
                Cue::Outcome,
                Cue::OurPlace,
                Cue::Event,
                Cue::Unique,
                Cue::VisitWord,
                Cue::Pron3,
            ]
            .iter()
            .any(|&c| sig.sentence_has(s, c))
        })
        || sig.has(Cue::StoryMarker)
}

/// Posts, press statements, emails, reviews: third-person patients.
fn about_others(ev: &Eval<'_>, sev: Verdict, out: &mut Findings) {
    let t = ev.ties;
    let sig = ev.sig;
    if t.anchors.is_empty() || !specific(ev) {
        // A story told with pronouns only ("reversed his prediabetes") is still a patient's.
        // …unless the pronoun is a named staff member's ("Congrats to Dr. Mills on her
        // talk about living with ADHD").
        let staff_pronoun = !sig.any(&[Cue::FamilyMember, Cue::IndivAnchor])
            && sig.of(Cue::Pron3).all(|p| {
                sig.entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Name && e.staff && e.sentence == p.sentence)
            });
        if sig.has(Cue::StoryMarker) && sig.has(Cue::Pron3) && sig.any(HEALTH) && !staff_pronoun {
            let spans: Vec<Span> = sig.of(Cue::StoryMarker).map(|h| (h.start, h.end)).collect();
            out.add(Fired::new(RuleId::PhiMkt, Block).spans(spans));
            out.add(Fired::new(RuleId::PhiClin, sev).phi("CLINICAL", health_spans(sig)));
        }
        return;
    }
    let story = sig.has(Cue::StoryMarker) || attributed_quote(sig);
    let press = ev.ctx.family == ChannelFamily::Press;
    let has_health = !t.anchor_health.is_empty();
    // "our patient Harold Brooks": naming someone as a patient is itself a disclosure.
    let patient_named = t
        .anchor_sentences
        .iter()
        .any(|&s| sig.sentence_has(s, Cue::PatientWord) || sig.sentence_has(s, Cue::RelPhrase));
    // A press answer with directory information only (name, "is a patient", a one-word
    // condition) is what HIPAA lets a hospital give to callers who ask by name, unless the
    // patient opted out: a human confirms that before release.
    // "the driver injured in Tuesday's crash … is in fair condition": being hurt in the
    // event and the event's day are what the caller asked about, not care details.
    let beyond_event = t
        .anchor_health
        .iter()
        .any(|&(s, e)| !hurt_word(sig.text(s, e)));
    let visit_beyond_event = t.anchor_visit.iter().any(|&(s, _)| {
        let sent = sig.p.sentence_of(s);
        !sig.sentence_has(sent, Cue::Event)
    });
    // Where they are ("in our burn unit", "in our ICU") and a child's condition say more.
    if press
        && !beyond_event
        && t.anchor_outcome.is_empty()
        && !visit_beyond_event
        && !story
        && sig.has(Cue::DirectoryCondition)
        && !sig.any(&[Cue::CareArea, Cue::SensMinor])
    {
        let rel: Vec<Span> = sig
            .of_any(&[Cue::PatientWord, Cue::RelPhrase])
            .map(|h| (h.start, h.end))
            .collect();
        out.add(Fired::new(RuleId::PhiRel, NeedsReview).phi("PATIENT_STATUS", rel));
        out.add(Fired::new(RuleId::PhiMedia, NeedsReview).spans(t.anchors.clone()));
        return;
    }
    let about_care = has_health || !t.anchor_outcome.is_empty() || story || press || patient_named;
    if has_health {
        out.add(Fired::new(RuleId::PhiClin, sev).phi("CLINICAL", t.anchor_health.clone()));
    }
    if about_care
        && (has_health || sig.has(Cue::OurPlace) || !t.anchor_outcome.is_empty())
        && !t.anchor_visit.is_empty()
    {
        out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", t.anchor_visit.clone()));
    }
    if about_care {
        let mut f = Fired::new(RuleId::PhiId, sev);
        let mut any = false;
        for e in sig.personal_entities() {
            let anchored = t.anchor_sentences.contains(&e.sentence);
            let is_id = matches!(
                e.kind,
                EntityKind::Name
                    | EntityKind::Phone
                    | EntityKind::Email
                    | EntityKind::Handle
                    | EntityKind::Address
            );
            // An age identifies only together with a name or a locality ("82, from Raisen").
            let age_with_place = e.kind == EntityKind::Age
                && (sig
                    .near(e.sentence, e.w0, e.w1, Cue::Locality, 1, 2)
                    .is_some()
                    || sig.entities.iter().any(|n| {
                        n.kind == EntityKind::Name && !n.benign() && n.sentence == e.sentence
                    })
                    || e.value.is_some_and(|v| v >= 90));
            if anchored && (is_id || age_with_place) {
                f = f.phi(e.label, [(e.start, e.end)]);
                any = true;
            }
        }
        if any {
            out.add(f);
            let rel: Vec<Span> = sig
                .of_any(&[Cue::OurPlace, Cue::RelPhrase])
                .map(|h| (h.start, h.end))
                .collect();
            if !rel.is_empty() && (has_health || !t.anchor_outcome.is_empty()) {
                out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", rel));
            }
        }
    }
    let patientish = has_health
        || !t.anchor_outcome.is_empty()
        || sig.has(Cue::PatientWord)
        || sig.has(Cue::VisitWord);
    if (story || !t.anchor_outcome.is_empty() && has_health)
        && patientish
        && !matches!(ev.ctx.family, ChannelFamily::Review)
    {
        let spans: Vec<Span> = sig.of(Cue::StoryMarker).map(|h| (h.start, h.end)).collect();
        // "A thank-you card from a patient's family (names hidden)": still publicity about
        // a patient, but with nothing identifying left it is a judgment call.
        let anonymous = sig.has(Cue::Deidentified)
            && !has_health
            && !sig.personal_entities().any(|e| {
                matches!(
                    e.kind,
                    EntityKind::Name | EntityKind::Age | EntityKind::Phone | EntityKind::Handle
                )
            });
        out.add(
            Fired::new(RuleId::PhiMkt, if anonymous { NeedsReview } else { Block })
                .spans(spans)
                .phi("OUTCOME", t.anchor_outcome.clone()),
        );
    }
    if press && (out.any(&[RuleId::PhiId, RuleId::PhiClin, RuleId::PhiVisit]) || has_health) {
        let directory_only =
            !has_health && t.anchor_outcome.is_empty() && sig.has(Cue::DirectoryCondition);
        let v = if directory_only { NeedsReview } else { Block };
        out.add(Fired::new(RuleId::PhiMedia, v).spans(t.anchors.clone()));
    }
}

/// "To the patient who left a 1-star review: we refunded your $85 copay": a post that
/// speaks to one patient tells everyone what it tells them.
fn public_address(ev: &Eval<'_>, sev: Verdict, out: &mut Findings) {
    let sig = ev.sig;
    let addressed: Vec<usize> = sig
        .of(Cue::IndivAnchor)
        .filter(|h| {
            // "To the patient who…", "Dear patient that…": spoken to, not about.
            let word = |i: usize| sig.p.words.get(i).map_or("", |_| sig.p.word_text(i));
            let before = h.w0 > 0
                && ["to", "dear"]
                    .iter()
                    .any(|w| word(h.w0 - 1).eq_ignore_ascii_case(w));
            let after = ["who", "that"]
                .iter()
                .any(|w| word(h.w1 + 1).eq_ignore_ascii_case(w));
            sig.sentence_has(h.sentence, Cue::PatientWord)
                && (before || after)
                && sig.any(&[Cue::Poss2, Cue::You2])
                && !generic_person_anchor(sig, h)
        })
        .map(|h| h.sentence)
        .collect();
    if addressed.is_empty() {
        return;
    }
    let first = addressed[0];
    let fin: Vec<Span> = sig
        .of(Cue::Fin)
        .filter(|h| h.sentence >= first)
        .map(|h| (h.start, h.end))
        .collect();
    let clin: Vec<Span> = sig
        .hits
        .iter()
        .filter(|h| {
            h.sentence >= first
                && HEALTH.contains(&h.cue)
                && !generic_health(sig.text(h.start, h.end))
        })
        .map(|h| (h.start, h.end))
        .collect();
    if fin.is_empty() && clin.is_empty() {
        return;
    }
    let rel: Vec<Span> = sig.of(Cue::IndivAnchor).map(|h| (h.start, h.end)).collect();
    out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", rel));
    if !fin.is_empty() {
        out.add(Fired::new(RuleId::PhiFin, sev).phi("FINANCIAL", fin));
    }
    if !clin.is_empty() {
        out.add(Fired::new(RuleId::PhiClin, sev).phi("CLINICAL", clin));
    }
}

/// "A patient who…" in a hedge ("patients who") is everyone, not one person.
fn generic_person_anchor(sig: &Signals<'_>, h: &crate::lexicon::Hit) -> bool {
    sig.overlapped_by(h, Cue::Hedge) || super::privacy_finish::generic_person(sig, h.w0)
}

/// "“…made my colonoscopy feel like nothing.” — Marcus T., Cedar Rapids": a first-person
/// quote signed with a name is a testimonial.
fn attributed_quote(sig: &Signals<'_>) -> bool {
    let t = &sig.p.norm;
    let Some(close) = t.rfind(['\u{201d}', '"']) else {
        return false;
    };
    let after = t[close..].trim_start_matches(['\u{201d}', '"', ' ']);
    let signed = after.starts_with(['\u{2014}', '\u{2013}', '-', '~']);
    signed
        && sig.of(Cue::Poss1).any(|h| h.end <= close)
        && sig
            .personal_entities()
            .any(|e| e.kind == EntityKind::Name && e.start > close)
}
