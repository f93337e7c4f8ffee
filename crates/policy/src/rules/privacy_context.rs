//! PHI rules decided mostly by context: attached media, the audience list, the channel's
//! security, landing pages and links. Also inbound screening of self-disclosures.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::phrases::Phrases;
use crate::request::Shows;
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::{Span, HEALTH, SENSITIVE};
use crate::signals::EntityKind;

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    image(ev, out);
    purpose(ev, out);
    id_request(ev, out);
    super::privacy_channel::channel(ev, out);
    super::privacy_links::pixel(ev, out);
    super::privacy_links::url_phi(ev, out);
}

fn care_context(ev: &Eval<'_>) -> bool {
    ev.sig.any(HEALTH)
        || ev.sig.any(&[
            Cue::PatientWord,
            Cue::VisitWord,
            Cue::StoryMarker,
            Cue::Outcome,
            Cue::IndivAnchor,
        ])
}

fn image(ev: &Eval<'_>, out: &mut Findings) {
    let story = out.any(&[RuleId::PhiMkt, RuleId::PhiId, RuleId::PhiClin]);
    for m in &ev.ctx.media {
        let shows = m.shows.unwrap_or(Shows::Unknown);
        let blurred = m.faces_blurred == Some(true);
        let ids_kept = m.identifiers_removed == Some(false);
        let v = match shows {
            // Blurred faces with nothing else identifying (no story, no identifiers left
            // in) still need a look; anything more is a disclosure.
            Shows::Patients if blurred && !ids_kept && !story => Some(NeedsReview),
            Shows::Patients => Some(Block),
            Shows::People | Shows::Unknown if story => Some(Block),
            // Faces known to be visible where care happens are patients' faces until shown
            // otherwise (unknown blurring stays a review).
            Shows::People if m.faces_blurred == Some(false) && ev.sig.has(Cue::CareArea) => {
                Some(Block)
            }
            Shows::People if !blurred => Some(NeedsReview),
            Shows::Unknown if care_context(ev) => Some(NeedsReview),
            _ => None,
        };
        // A scan, chart or wound photo: identifiers left in block; unknown needs review.
        // A screen, whiteboard or wristband known to be legible blocks whatever else the
        // photo shows.
        let v = match (m.clinical_image == Some(true), m.identifiers_removed) {
            // (Staff photos keep their own name badges.)
            (_, Some(false)) if shows != Shows::Staff || m.clinical_image == Some(true) => {
                Some(Block)
            }
            (true, None) => v.max(Some(NeedsReview)),
            _ => v,
        };
        // Even de-identified, a clinical image of a rare case with a date can point at
        // one patient.
        let timed = ev.sig.any(&[Cue::TimeRef, Cue::Today])
            || ev
                .sig
                .entities
                .iter()
                .any(|e| matches!(e.kind, EntityKind::Date | EntityKind::Time) && !e.benign());
        if m.clinical_image == Some(true) && ev.sig.has(Cue::Unique) && timed {
            out.add(Fired::new(RuleId::PhiIndirect, NeedsReview));
        }
        if let Some(v) = v {
            out.add(Fired::new(RuleId::PhiImage, v));
        }
    }
}

fn purpose(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    // "You're receiving this because you're on our patient list", "aapke pichhle test ke
    // records ke hisaab se … offer": a message that says where the address came from.
    static FROM_RECORDS: Phrases = Phrases::new(&[
        "patient list",
        "patient register",
        "valued patient",
        "registered patient",
        "one of our valued",
        "graduate of our",
        "alumni of our",
        "alumnus of our",
        "our patients list",
        "our records",
        "your records",
        "records ke hisaab",
        "records ke hisab",
        "record ke hisaab",
        "record ke hisab",
        "record ke anusaar",
        "records ke anusaar",
        "report ke aadhaar",
        "report ke aadhar",
        "report ke adhaar",
        "report ke basis",
        "test ke basis",
        "based on your report",
        "based on your test",
        "based on your lab",
        "based on your last",
        "based on your recent",
        "based on your previous",
        "pichhli report",
        "pichli report",
        "पिछली रिपोर्ट",
        "रिपोर्ट के आधार",
        "रिकॉर्ड के अनुसार",
        "रिकॉर्ड के हिसाब",
    ]);
    // "Dear patient: as someone who relies on our dialysis unit…": a message that reaches
    // people as our patients; asking them for votes uses their care for politics.
    static AS_PATIENTS: Phrases = Phrases::new(&[
        "dear patient",
        "as our patient",
        "as one of our patients",
        "as someone who relies on our",
        "as someone who has been through treatment",
        "as someone who was treated",
        "as someone we cared for",
        "as a former patient",
        "as a patient of",
        "priya mareez",
        "प्रिय मरीज",
        "प्रिय रोगी",
    ]);
    // Off a patient list, only these make a purpose rule fire: the phrases are not read
    // for texts without them.
    let purposed = sig.any(&[
        Cue::SoftPromo,
        Cue::Reward,
        Cue::Political,
        Cue::DataSource,
        Cue::Fundraise,
    ]);
    if !ev.ctx.patient_list && !purposed {
        return;
    }
    let to_people = ev.ctx.family.is_addressed() || ev.ctx.family == ChannelFamily::Email;
    // Only outbound messages to people are read for these phrases.
    let low = (to_people && ev.ctx.outbound()).then(|| sig.p.lower());
    let says = |phrases: &Phrases| low.is_some_and(|l| phrases.in_text(l));
    let says_list = says(&FROM_RECORDS);
    if !ev.ctx.patient_list && !says_list && sig.has(Cue::Political) && says(&AS_PATIENTS) {
        let political: Vec<Span> = sig.of(Cue::Political).map(|h| (h.start, h.end)).collect();
        out.add(Fired::new(RuleId::PhiPurpose, Block).spans(political));
        return;
    }
    if !ev.ctx.patient_list && !says_list {
        return;
    }
    // An offer built from someone's test history is marketing with their records.
    if says_list && sig.any(&[Cue::SoftPromo, Cue::Reward]) && sig.any(HEALTH) {
        let spans: Vec<Span> = sig
            .of_any(&[Cue::SoftPromo, Cue::Reward])
            .map(|h| (h.start, h.end))
            .collect();
        out.add(Fired::new(RuleId::PhiPurpose, Block).spans(spans));
    }
    let political: Vec<Span> = sig.of(Cue::Political).map(|h| (h.start, h.end)).collect();
    if !political.is_empty() {
        out.add(Fired::new(RuleId::PhiPurpose, Block).spans(political));
    }
    // A purpose on record that patients never agreed to, for a list built from their care.
    const FOREIGN_PURPOSES: &[&str] = &[
        "politic", "election", "campaign", "fundrais", "donat", "partner", "third", "sponsor",
        "resale", "sale of", "brand",
    ];
    // HIPAA lets a hospital ask its patients for gifts if every appeal offers a way out.
    let fundraising = ["fundrais", "donat"]
        .iter()
        .any(|w| ev.ctx.purpose.contains(w));
    let permitted_appeal = fundraising && sig.has(Cue::OptOut);
    if ev.ctx.patient_list
        && !permitted_appeal
        && FOREIGN_PURPOSES.iter().any(|w| ev.ctx.purpose.contains(w))
    {
        out.add(Fired::new(RuleId::PhiPurpose, Block));
    }
    // "Hamare partner jeweller … code HOSPITAL10 se 10% discount": a partner's offer sent
    // to the patient list.
    let partner_offer: Vec<Span> = sig
        .of(Cue::ThirdParty)
        .filter(|h| {
            sig.sentence_has(h.sentence, Cue::Reward)
                || sig.sentence_has(h.sentence, Cue::SoftPromo)
        })
        .map(|h| (h.start, h.end))
        .collect();
    if ev.ctx.patient_list && !partner_offer.is_empty() {
        out.add(Fired::new(RuleId::PhiPurpose, Block).spans(partner_offer));
    }
    // Patients' data handed to a partner for its own offers is a use they never agreed to.
    let shared: Vec<Span> = sig.of(Cue::DataSource).map(|h| (h.start, h.end)).collect();
    if !shared.is_empty() {
        out.add(Fired::new(RuleId::PhiPurpose, Block).spans(shared));
    }
    if sig.has(Cue::Fundraise) && !sig.has(Cue::OptOut) {
        let spans: Vec<Span> = sig.of(Cue::Fundraise).map(|h| (h.start, h.end)).collect();
        out.add(Fired::new(RuleId::PhiPurpose, Block).spans(spans));
    }
}

/// "Please reply here with your date of birth and SSN": asking for identifiers over a
/// channel that is not secure. A warning ("never share your SSN") is not a request.
fn id_request(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let fam = ev.ctx.family;
    if !(fam.is_addressed() || fam == ChannelFamily::Comment) {
        return;
    }
    const NEGATIONS: &[&str] = &["never", "don't", "dont", "not", "mat", "na", "न", "मत"];
    let spans: Vec<Span> = sig
        .of(Cue::IdWord)
        .filter(|h| {
            sig.of(Cue::ShareAsk).any(|a| {
                a.sentence == h.sentence
                    && !(1..=2).any(|d| {
                        a.w0 >= d
                            && NEGATIONS
                                .iter()
                                .any(|n| n.eq_ignore_ascii_case(sig.p.word_text(a.w0 - d)))
                    })
            })
        })
        .map(|h| (h.start, h.end))
        .collect();
    if !spans.is_empty() {
        let v = if fam.is_public() { Block } else { NeedsReview };
        out.add(Fired::new(RuleId::PhiChannel, v).spans(spans));
    }
}

/// Inbound: a person posting their own (or someone else's) health details where others can
/// see them, or over a non-secure DM, is flagged so a human hides it and replies privately.
pub fn inbound(ev: &Eval<'_>, out: &mut Findings) {
    let t = ev.ties;
    let sig = ev.sig;
    // Services anyone books ("a blood test for my dad", "flu shots for my kids"):
    // asking about them discloses nothing about anyone's health.
    // "call me back about my bill": an errand, not a disclosure.
    const ERRANDS: &[&str] = &[
        "bill",
        "bills",
        "billing",
        "invoice",
        "receipt",
        "refund",
        "payment",
        "appointment",
        "appointments",
        "report",
        "reports",
        "records",
        "waiting room",
        "room",
    ];
    let routine = |&(s, e): &Span| {
        sig.of(Cue::Routine).any(|r| r.start <= s && r.end >= e)
            || ERRANDS
                .iter()
                .any(|w| sig.text(s, e).eq_ignore_ascii_case(w))
    };
    // "Sugar jad se khatam! hamara churan mangwao, WhatsApp karein 73890…": a seller's
    // advert under our post, whose number is the seller's shop, not anyone's health.
    // (A sales call is what makes it an advert: "Our son has HIV, is there any cure? Call
    // me at…" is a family's disclosure.)
    let selling = sig.any(&[Cue::Subst, Cue::ClaimVerb])
        && sig.any(&[Cue::Remedy, Cue::ProductWord])
        && !sig.any(&[Cue::FamilyMember, Cue::AdviceQ])
        && sig.p.has_word(&[
            "our",
            "hamara",
            "hamari",
            "hamare",
            "humara",
            "humari",
            "humare",
            "हमारा",
            "हमारी",
            "हमारे",
        ])
        && sig.p.has_word(&[
            "mangwao",
            "mangwaye",
            "mangwayein",
            "mangaye",
            "mangayein",
            "order",
            "buy",
            "cod",
            "kharidein",
            "खरीदें",
            "मंगवाएं",
            "मंगवाएँ",
            "मँगवाएँ",
        ]);
    if selling {
        return;
    }
    let mut spans: Vec<Span> = t
        .self_health
        .iter()
        .copied()
        .filter(|s| !routine(s))
        .collect();
    spans.extend(t.anchor_health.iter().copied().filter(|s| !routine(s)));
    // "Dawai khane ke baad ulti jaisa lag raha hai, kya normal hai?": asking about a
    // symptom is about oneself even without "my".
    if spans.is_empty() && sig.has(Cue::AdviceQ) {
        spans.extend(
            sig.hits
                .iter()
                .filter(|h| {
                    HEALTH.contains(&h.cue)
                        && !crate::signals::ties::generic_health(sig.text(h.start, h.end))
                })
                .map(|h| (h.start, h.end))
                .filter(|s| !routine(s)),
        );
    }
    let ids: Vec<Span> = sig
        .personal_entities()
        .filter(|e| {
            matches!(
                e.kind,
                EntityKind::Id | EntityKind::Phone | EntityKind::Email
            )
        })
        .map(|e| (e.start, e.end))
        .collect();
    spans.extend(ids.iter().copied());
    if !spans.is_empty() {
        out.add(Fired::new(RuleId::PhiChannel, NeedsReview).phi("SELF_DISCLOSED", spans));
        let sens: Vec<Span> = sig.of_any(SENSITIVE).map(|h| (h.start, h.end)).collect();
        if !sens.is_empty() {
            out.add(Fired::new(RuleId::PhiSens, NeedsReview).spans(sens));
        }
    }
}
