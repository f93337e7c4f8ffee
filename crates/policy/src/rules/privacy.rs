//! PHI rules about the words themselves: relationship, identifiers, clinical details,
//! visits, money, indirect identification, repeating a self-disclosure, sensitive
//! categories, marketing stories and press statements.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::result::Verdict::{self, Block, NeedsReview};
use crate::signals::ties::{generic_health, Span, HEALTH};
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

/// Names, contact details and IDs that could belong to a patient.
fn personal_identifiers(sig: &Signals<'_>) -> Vec<(Span, &'static str)> {
    sig.personal_entities()
        .filter(|e| {
            matches!(
                e.kind,
                EntityKind::Name
                    | EntityKind::Phone
                    | EntityKind::Email
                    | EntityKind::Handle
                    | EntityKind::Id
                    | EntityKind::Address
            )
        })
        .map(|e| ((e.start, e.end), e.label))
        .collect()
}

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    let sev = phi_verdict(ev);
    let ids = strong_ids(ev.sig);
    if !ids.is_empty() {
        out.add(Fired::new(RuleId::PhiId, sev).phi("ID_NUMBER", ids));
    }
    if ev.ctx.family.is_addressed() {
        addressed(ev, sev, out);
    } else {
        about_others(ev, sev, out);
    }
    indirect(ev, out);
}

/// Replies and DMs: "you" is one identifiable person.
fn addressed(ev: &Eval<'_>, sev: Verdict, out: &mut Findings) {
    let t = ev.ties;
    let sig = ev.sig;
    let rel: Vec<Span> = t
        .rel
        .iter()
        .chain(&t.addressed_care)
        .chain(&t.deny)
        .copied()
        .collect();
    if !rel.is_empty() {
        out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", rel));
    }
    let mut clin = t.addressed_health.clone();
    if !t.rel.is_empty() || !t.addressed_care.is_empty() {
        // Once the reply places the person in our care, specific health words describe
        // them ("treatment" alone does not; a hedged sentence, "any individual's care", is
        // not a disclosure).
        clin.extend(
            sig.hits
                .iter()
                .filter(|h| {
                    HEALTH.contains(&h.cue)
                        && !generic_health(sig.text(h.start, h.end))
                        && !sig.sentence_has(h.sentence, Cue::Hedge)
                })
                .map(|h| (h.start, h.end)),
        );
    }
    // Third person in a reply ("a patient who shows up drunk…") aimed at the reviewer.
    // A named third person ("Ms. Alvarez was seen by…") is pointed by itself.
    let named = sig
        .personal_entities()
        .any(|e| e.kind == EntityKind::Name && t.anchors.contains(&(e.start, e.end)));
    let pointed = named || sig.any(&[Cue::Retal, Cue::RelPhrase, Cue::TimeRef]);
    if pointed && !t.anchor_health.is_empty() {
        clin.extend(t.anchor_health.iter().copied());
    }
    // "Emma was such a trooper during her ear tube placement on the 14th": a named
    // third person's care and dates in a reply (the reviewer's child, spouse, parent).
    if named
        && (!t.anchor_health.is_empty() || sig.has(Cue::RelPhrase))
        && !t.anchor_visit.is_empty()
    {
        out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", t.anchor_visit.clone()));
    }
    if !clin.is_empty() {
        out.add(Fired::new(RuleId::PhiClin, sev).phi("CLINICAL", clin));
    }
    if !t.addressed_visit.is_empty() {
        out.add(
            Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", t.addressed_visit.clone()),
        );
    }
    if !t.addressed_fin.is_empty() {
        out.add(Fired::new(RuleId::PhiFin, sev).phi("FINANCIAL", t.addressed_fin.clone()));
    }
    let disclosed = out.any(&[
        RuleId::PhiRel,
        RuleId::PhiClin,
        RuleId::PhiVisit,
        RuleId::PhiFin,
    ]);
    if disclosed {
        let ids = personal_identifiers(sig);
        if !ids.is_empty() {
            let mut f = Fired::new(RuleId::PhiId, sev);
            for (s, label) in ids {
                f = f.phi(label, [s]);
            }
            out.add(f);
        }
    }
    let is_reply = matches!(
        ev.ctx.family,
        ChannelFamily::ReviewReply | ChannelFamily::CommentReply
    );
    // "Sorry for the wait on Tuesday!": apologising for a dated visit confirms it.
    if is_reply && !out.has(RuleId::PhiRel) {
        let dated: Vec<Span> = sig
            .of(Cue::Apology)
            .filter(|a| {
                sig.near(a.sentence, a.w1 + 1, a.w1 + 1, Cue::VisitWord, 0, 2)
                    .is_some()
                    && (sig.sentence_has(a.sentence, Cue::TimeRef)
                        || sig.entities.iter().any(|x| {
                            x.sentence == a.sentence && x.kind == EntityKind::Date && !x.benign()
                        }))
            })
            .map(|a| (a.start, a.end))
            .collect();
        if !dated.is_empty() {
            out.add(Fired::new(RuleId::PhiRel, NeedsReview).phi("PATIENT_STATUS", dated));
        }
    }
    if is_reply
        && ev.ctx.has_reply_to
        && out.any(&[RuleId::PhiClin, RuleId::PhiVisit, RuleId::PhiFin])
    {
        let mut spans: Vec<Span> = Vec::new();
        if let Some(rt) = ev.reply_to {
            // Health words the reply shares with the message it answers.
            for h in sig
                .hits
                .iter()
                .filter(|h| HEALTH.contains(&h.cue) || h.cue == Cue::CareNoun)
            {
                let w = sig.text(h.start, h.end).to_lowercase();
                if rt.p.norm.to_lowercase().contains(&w) {
                    spans.push((h.start, h.end));
                }
            }
        }
        out.add(Fired::new(RuleId::PhiSelfdisc, sev).spans(spans));
    }
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
        if sig.has(Cue::StoryMarker) && sig.has(Cue::Pron3) && sig.any(HEALTH) {
            let spans: Vec<Span> = sig.of(Cue::StoryMarker).map(|h| (h.start, h.end)).collect();
            out.add(Fired::new(RuleId::PhiMkt, Block).spans(spans));
            out.add(Fired::new(RuleId::PhiClin, sev).phi("CLINICAL", health_spans(sig)));
        }
        return;
    }
    let story = sig.has(Cue::StoryMarker);
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
    if press
        && !has_health
        && t.anchor_outcome.is_empty()
        && t.anchor_visit.is_empty()
        && !story
        && sig.has(Cue::DirectoryCondition)
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

/// Identifiable without a name: a unique person or event plus care details.
fn indirect(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    if ev.ctx.family.is_addressed() {
        return;
    }
    let referent = sig.any(&[Cue::IndivAnchor, Cue::FamilyMember, Cue::Pron3])
        || sig.personal_entities().any(|e| e.kind == EntityKind::Name);
    // "the neighbours on Birchwood Lane … last night's medical emergency": a street and a
    // time point at one household even without a person word.
    let located: Vec<Span> = sig
        .personal_entities()
        .filter(|e| e.kind == EntityKind::Address)
        .map(|e| (e.start, e.end))
        .collect();
    let timed_event = sig.has(Cue::TimeRef) && sig.has(Cue::Event);
    if !located.is_empty() && timed_event && !sig.has(Cue::Observance) {
        out.add(Fired::new(RuleId::PhiIndirect, NeedsReview).phi("EVENT_DETAIL", located));
    }
    let unique: Vec<Span> = sig
        .of_any(&[Cue::Unique, Cue::Event])
        .map(|h| (h.start, h.end))
        .collect();
    let care = sig.any(HEALTH) || sig.any(&[Cue::Outcome, Cue::VisitWord]);
    let timed = sig.has(Cue::TimeRef)
        || sig
            .entities
            .iter()
            .any(|e| matches!(e.kind, EntityKind::Date | EntityKind::Time) && !e.benign());
    // "five patients from this morning's pileup": a small group from a public event,
    // dated, is a judgment call even without a person word.
    let status = sig.any(&[Cue::DirectoryCondition, Cue::Outcome]);
    if !referent && sig.has(Cue::PatientWord) && sig.has(Cue::Event) && timed && status {
        let spans: Vec<Span> = sig.of(Cue::Event).map(|h| (h.start, h.end)).collect();
        out.add(Fired::new(RuleId::PhiIndirect, NeedsReview).phi("EVENT_DETAIL", spans));
        return;
    }
    if !referent || unique.is_empty() || !care {
        return;
    }
    let single = sig.any(&[Cue::IndivAnchor, Cue::Unique]);
    // Who it was plus what they had is a disclosure; who it was plus "an emergency" is a
    // judgment call.
    let clinical = sig.has(Cue::Unique)
        || sig
            .hits
            .iter()
            .any(|h| HEALTH.contains(&h.cue) && !generic_health(sig.text(h.start, h.end)))
        || sig.has(Cue::Outcome);
    let v = if (timed || single) && clinical {
        Block
    } else {
        NeedsReview
    };
    out.add(Fired::new(RuleId::PhiIndirect, v).phi("EVENT_DETAIL", unique));
}
