//! Professional conduct: tone towards reviewers, individual advice in public, crisis
//! escalation, staff posting about patients, and staff media consent.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::{Cue, Hit};
use crate::request::{Jurisdiction, Shows};
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::{Span, HEALTH};
use crate::signals::{EntityKind, Signals};

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    tone(ev, out);
    advice(ev, out);
    crisis_reply(ev, out);
    staff_post(ev, out);
    staff_consent(ev, out);
}

pub fn inbound(ev: &Eval<'_>, out: &mut Findings) {
    let spans = crisis_spans(ev.sig);
    if !spans.is_empty() {
        out.add(Fired::new(RuleId::ProCrisis, NeedsReview).spans(spans));
    }
}

fn crisis_spans(sig: &Signals<'_>) -> Vec<Span> {
    sig.of_any(&[Cue::CrisisSelfHarm, Cue::CrisisMedical])
        .filter(|h| h.cue == Cue::CrisisSelfHarm || !resolved(sig, h))
        .map(|h| (h.start, h.end))
        .collect()
}

/// "My jaw pain is finally gone": a symptom said, right after it, to be over is no
/// emergency ("it's not gone" still is, and so is "the fever is gone but he's gasping for
/// air": the gasping has no "gone" after it).
fn resolved(sig: &Signals<'_>, h: &crate::lexicon::Hit) -> bool {
    const OVER: &[&str] = &[
        "gone",
        "resolved",
        "disappeared",
        "healed",
        "vanished",
        "gayab",
        "गायब",
    ];
    const NOT: &[&str] = &[
        "not",
        "never",
        "hasn't",
        "isn't",
        "hasnt",
        "isnt",
        "nahi",
        "नहीं",
    ];
    (h.w1 + 1..=h.w1 + 3).any(|i| {
        sig.p.words.get(i).is_some_and(|w| w.sentence == h.sentence)
            && sig.p.word_is(i, OVER)
            && !(h.w1 + 1..i).any(|j| sig.p.word_is(j, NOT))
    })
}

fn tone(ev: &Eval<'_>, out: &mut Findings) {
    if !matches!(
        ev.ctx.family,
        ChannelFamily::ReviewReply | ChannelFamily::CommentReply
    ) {
        return;
    }
    let mut spans: Vec<Span> = ev.sig.of(Cue::Retal).map(|h| (h.start, h.end)).collect();
    // "… warna aapki file ki saari details sabke saamne rakh denge": a threat to make the
    // patient's record public is retaliation with a disclosure in it.
    // Only as a threat (with "or else", "warna", a demand to take the review down, or
    // the retaliation itself), and not "we never share your records with anyone".
    let sig = ev.sig;
    let framed = sig.any(&[Cue::Consequence, Cue::Retal, Cue::Suppress, Cue::RemovalAsk]);
    let lower = sig.p.lower_aligned();
    let found: Vec<Span> = if framed && EXPOSE.in_text(&lower) {
        EXPOSE_LIST
            .iter()
            .filter_map(|w| lower.find(w).map(|s| (s, s + w.len())))
            .filter(|&(s, _)| {
                let w0 = sig.p.word_at(s);
                !(w0.saturating_sub(3)..w0).any(|i| {
                    sig.p.word_is(
                        i,
                        &[
                            "never",
                            "not",
                            "don't",
                            "won't",
                            "cannot",
                            "can't",
                            "nahi",
                            "नहीं",
                        ],
                    )
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let threat = !found.is_empty();
    spans.extend(found);
    if !spans.is_empty() {
        let v = if threat { Block } else { NeedsReview };
        out.add(Fired::new(RuleId::ToneRetal, v).spans(spans));
    }
}

const EXPOSE_LIST: &[&str] = &[
    "sabke saamne rakh",
    "sabke samne rakh",
    "sab ke saamne rakh",
    "sab ke samne rakh",
    "सबके सामने रख",
    "सार्वजनिक कर देंगे",
    "public kar denge",
    "make your records public",
    "make your chart public",
    "make your file public",
    "post your records",
    "post your chart",
    "publish your records",
    "publish your chart",
    "release your records",
    "share your records with",
    "details of your visit public",
];
static EXPOSE: crate::phrases::Phrases = crate::phrases::Phrases::new(EXPOSE_LIST);

/// An advice phrase that is really a referral ("you should call us") does not count.
fn real_advice<'s>(sig: &'s Signals<'_>) -> Vec<&'s Hit> {
    sig.hits
        .iter()
        .filter(|h| h.cue == Cue::AdviceA || h.cue == Cue::Dose)
        .filter(|h| {
            !sig.of(Cue::Deflect)
                .any(|d| d.sentence == h.sentence && d.w0 + 1 >= h.w0 && d.w0 <= h.w1 + 5)
        })
        .collect()
}

fn advice(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    // "Text us your symptoms and we'll send the prescription": prescribing without seeing
    // the patient, offered to everyone.
    if sig.has(Cue::RemoteRx)
        && sig.any(&[Cue::Medication, Cue::RxContext, Cue::RxBrand])
        && !ev.ctx.family.is_addressed()
    {
        let spans: Vec<Span> = sig.of(Cue::RemoteRx).map(|h| (h.start, h.end)).collect();
        out.add(Fired::new(RuleId::ProAdvice, NeedsReview).spans(spans));
    }
    let answers = real_advice(sig);
    if answers.is_empty() {
        return;
    }
    let spans: Vec<Span> = answers.iter().map(|h| (h.start, h.end)).collect();
    // Someone reporting an emergency ("meri behen ne phenyl pi liya") is asking for help
    // whether or not they typed a question mark.
    let asked = ev.reply_to.is_some_and(|rt| {
        rt.has(Cue::AdviceQ)
            || rt.has(Cue::CrisisMedical)
            || rt.p.norm.contains('?') && rt.any(HEALTH)
    });
    let addressed = ev.ctx.family.is_addressed() || ev.ctx.has_reply_to;
    // A dose alone can be a record of what was given ("the 40 units you had"); telling
    // someone what to take needs an instruction or a schedule.
    let prescribing = sig.has(Cue::Medication) && answers.iter().any(|h| h.cue == Cue::AdviceA);
    if addressed && (asked || prescribing) {
        let v = if ev.ctx.family.is_public() {
            Block
        } else {
            NeedsReview
        };
        out.add(Fired::new(RuleId::ProAdvice, v).spans(spans));
    } else if !addressed
        && sig.has(Cue::Medication)
        && sig.has(Cue::Dose)
        && answers.iter().any(|h| h.cue == Cue::AdviceA)
    {
        out.add(Fired::new(RuleId::ProAdvice, NeedsReview).spans(spans));
    }
}

/// A reply to someone in crisis must carry the emergency numbers for their jurisdiction.
fn crisis_reply(ev: &Eval<'_>, out: &mut Findings) {
    let Some(rt) = ev.reply_to else { return };
    if crisis_spans(rt).is_empty() {
        return;
    }
    let numbers = match ev.ctx.jurisdiction {
        Jurisdiction::US => Cue::EmergencyUs,
        Jurisdiction::IN => Cue::EmergencyIn,
    };
    let org_numbers = ev
        .org
        .emergency_numbers
        .iter()
        .flat_map(|e| e.numbers.iter())
        .any(|n| !n.is_empty() && ev.sig.p.norm.contains(n.as_str()));
    if !ev.sig.has(numbers) && !org_numbers {
        out.add(Fired::new(RuleId::ProCrisis, NeedsReview));
    }
}

fn staff_post(ev: &Eval<'_>, out: &mut Findings) {
    if !ev.ctx.personal_account {
        return;
    }
    let sig = ev.sig;
    let t = ev.ties;
    // "my mom", "meri behen": the author's own family, not a patient.
    let own = |h: &&crate::lexicon::Hit| {
        sig.hits.iter().any(|q| {
            q.cue == Cue::Poss1 && q.sentence == h.sentence && (q.w0 == h.w0 || q.w1 + 1 == h.w0)
        })
    };
    // "Tell your mom friends!": the reader's people are no one in particular.
    // "ek aur bhai ghar gaya … relapse": a "brother" who is not the author's own, with
    // his care, is a patient too.
    let someone_else = sig
        .of(Cue::IndivAnchor)
        .chain(sig.of(Cue::FamilyMember).filter(|_| sig.any(HEALTH)))
        .any(|h| !own(&h) && !super::privacy_finish::generic_person(sig, h.w0));
    // "a 14-year-old … showing up in L&D at 2 am": someone of an age, where care happens,
    // at a time, is one patient to everyone on the unit.
    let aged_in_care = sig.has(Cue::CareArea)
        && sig.personal_entities().any(|e| {
            // "a 14-year-old", not "12 years as an ICU nurse".
            let t = sig.text(e.start, e.end).to_lowercase();
            e.kind == EntityKind::Age
                && !e.benign()
                && ["old", "yo", "y/o", "aged", "saal", "साल", "वर्ष"]
                    .iter()
                    .any(|w| t.contains(w))
        })
        && (sig.any(&[Cue::TimeRef, Cue::Today])
            || sig
                .personal_entities()
                .any(|e| matches!(e.kind, EntityKind::Date | EntityKind::Time)));
    let about_patient = !t.anchor_health.is_empty()
        || !t.anchor_outcome.is_empty()
        || someone_else
        || aged_in_care
        // "registry data on 1,240 patients": a counted cohort is statistics, not a patient.
        || sig
            .of(Cue::PatientWord)
            .any(|h| !sig.overlapped_by(h, Cue::VolumeClaim))
            && (sig.any(HEALTH) || sig.any(&[Cue::Event, Cue::VisitWord, Cue::SensDeath]))
        || sig.any(&[Cue::Event, Cue::Unique]) && sig.any(HEALTH)
        // "a certain Bengals linebacker won't be suiting up Sunday. His knee is a mess."
        || sig.has(Cue::Famous)
            && sig.has(Cue::Pron3)
            && (sig.any(HEALTH) || sig.has(Cue::CareNoun))
        || t.anchors
            .iter()
            .any(|&(s, _)| !super::privacy_finish::generic_person(sig, sig.p.word_at(s)))
            && (sig.any(HEALTH) || sig.any(&[Cue::VisitWord, Cue::SensDeath, Cue::Outcome]))
        || ev.ctx.media_shows(Shows::Patients)
        // "POV: bed 12 in step-down just hit his call light": a bed or room, with a
        // pronoun or a time, is one patient to everyone on the unit.
        || sig.of(Cue::VisitCount).any(|h| {
            sig.text(h.start, h.end).chars().any(|c| c.is_ascii_digit())
                && [Cue::Pron3, Cue::TimeRef, Cue::Today]
                    .iter()
                    .any(|&c| sig.sentence_has(h.sentence, c))
        });
    // "Years ago, a patient taught me…": an undated, unplaced vignette with nothing
    // clinical points at no one.
    let specific = sig.any(&[
        Cue::TimeRef,
        Cue::Today,
        Cue::Event,
        Cue::Unique,
        Cue::CareArea,
        Cue::VisitWord,
        Cue::SensDeath,
        Cue::Outcome,
    ]) || sig.hits.iter().any(|h| {
        HEALTH.contains(&h.cue) && !crate::signals::ties::generic_health(sig.text(h.start, h.end))
    }) || sig
        .personal_entities()
        .any(|e| matches!(e.kind, EntityKind::Name | EntityKind::Age))
        || ev.ctx.media_shows(Shows::Patients);
    let about_patient = about_patient && specific;
    // "Can't believe who I saw at the clinic today 👀 #famous": a public figure at our
    // premises, no care details: a human decides.
    let famous_visit = sig.has(Cue::Unique)
        && sig.any(&[Cue::ProNoun, Cue::OurPlace, Cue::VisitWord, Cue::CareArea])
        && sig.any(&[Cue::Today, Cue::TimeRef]);
    if !about_patient && famous_visit {
        // "Guess who was in our ER last night… get well soon, champ!": where care happens,
        // or with a get-well wish, the visit was for care.
        let cared = sig.any(&[Cue::CareArea, Cue::RelPhrase, Cue::Outcome]) || sig.any(HEALTH);
        let spans: Vec<Span> = sig.of(Cue::Unique).map(|h| (h.start, h.end)).collect();
        out.add(
            Fired::new(
                RuleId::ProStaffpost,
                if cared { Block } else { NeedsReview },
            )
            .spans(spans),
        );
    }
    if about_patient {
        let mut spans: Vec<Span> = t.anchors.clone();
        spans.extend(
            sig.of_any(&[Cue::IndivAnchor, Cue::PatientWord])
                .map(|h| (h.start, h.end)),
        );
        out.add(Fired::new(RuleId::ProStaffpost, Block).spans(spans));
    }
}

fn staff_consent(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let consent = ev.ctx.staff_consent;
    if consent == Some(true) {
        return;
    }
    let named: Vec<Span> = sig
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Name && (e.staff || consent == Some(false)))
        .filter(|e| consent == Some(false) || e.staff_consent == Some(false))
        .map(|e| (e.start, e.end))
        .collect();
    let shown = ev.ctx.media_shows(Shows::Staff);
    if !named.is_empty() || shown {
        out.add(Fired::new(RuleId::ProStaffconsent, NeedsReview).spans(named));
    }
}
