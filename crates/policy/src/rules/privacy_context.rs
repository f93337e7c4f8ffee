//! PHI rules decided mostly by context: attached media, the audience list, the channel's
//! security, landing pages and links. Also inbound screening of self-disclosures.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::request::Shows;
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::{Span, HEALTH, SENSITIVE};
use crate::signals::{EntityKind, Signals};

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    image(ev, out);
    purpose(ev, out);
    channel(ev, out);
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
    const FROM_RECORDS: &[&str] = &[
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
    ];
    // "Dear patient: as someone who relies on our dialysis unit…": a message that reaches
    // people as our patients; asking them for votes uses their care for politics.
    const AS_PATIENTS: &[&str] = &[
        "dear patient",
        "as our patient",
        "as one of our patients",
        "as someone who relies on our",
        "as a patient of",
        "priya mareez",
        "प्रिय मरीज",
        "प्रिय रोगी",
    ];
    let to_people = ev.ctx.family.is_addressed() || ev.ctx.family == ChannelFamily::Email;
    // Only outbound messages to people are read for these phrases.
    let low = (to_people && ev.ctx.outbound()).then(|| sig.p.lower());
    let says = |phrases: &[&str]| low.is_some_and(|l| phrases.iter().any(|w| l.contains(w)));
    let says_list = says(FROM_RECORDS);
    let as_patients = says(AS_PATIENTS);
    if as_patients && !ev.ctx.patient_list && !says_list && sig.has(Cue::Political) {
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

fn channel(ev: &Eval<'_>, out: &mut Findings) {
    id_request(ev, out);
    let fam = ev.ctx.family;
    let phi_rules = [
        RuleId::PhiRel,
        RuleId::PhiClin,
        RuleId::PhiVisit,
        RuleId::PhiFin,
        RuleId::PhiId,
    ];
    if fam == ChannelFamily::DirectMessage {
        let spans: Vec<Span> = out
            .fired
            .iter()
            .filter(|f| phi_rules.contains(&f.rule))
            .flat_map(|f| f.spans.clone())
            .collect();
        if !spans.is_empty() {
            // A message to the patient is theirs to read; the same details sent to an adult
            // relative ("aapki bahu ki sonography report") tell someone else.
            let relayed = relayed_to_relative(ev);
            let v = if relayed.is_empty() && !result_changes_treatment(ev.sig) {
                NeedsReview
            } else {
                Block
            };
            out.add(
                Fired::new(RuleId::PhiChannel, v)
                    .spans(spans)
                    .spans(relayed),
            );
        }
        return;
    }
    if fam.is_public_reply() {
        // Scheduling or results for this person in a public thread.
        let timed = ev.ties.addressed_visit.iter().any(|&(s, e)| {
            ev.sig.entities.iter().any(|x| {
                matches!(x.kind, EntityKind::Date | EntityKind::Time) && x.start == s && x.end == e
            }) || ev
                .sig
                .hits
                .iter()
                .any(|h| h.cue == Cue::TimeRef && h.start == s)
        });
        let results = ev
            .sig
            .of(Cue::TestResult)
            .any(|h| ev.ties.addressed_health.contains(&(h.start, h.end)));
        if timed && !ev.ties.addressed_care.is_empty() || results {
            let spans: Vec<Span> = ev.ties.addressed_care.clone();
            out.add(Fired::new(RuleId::PhiChannel, Block).spans(spans));
        }
    }
}

/// "Your A1C came back at 7.9, so Dr. Kim wants to raise your metformin to 1000 mg": a
/// result and the treatment it changes, in one message, is a clinical record in a DM
/// (a result alone, a refill or "restart your Thyronorm" stays a judgment call).
fn result_changes_treatment(sig: &Signals<'_>) -> bool {
    const CHANGE: &[&str] = &[
        "raise",
        "increase",
        "increasing",
        "start",
        "starting",
        "switch",
        "stop",
        "stopping",
        "lower",
        "reduce",
        "double",
        "add",
        "adding",
        "badhana",
        "badha",
        "shuru",
        "band",
        "बढ़ाना",
        "बढ़ा",
        "शुरू",
        "बंद",
    ];
    sig.of(Cue::TestResult).any(|r| {
        sig.of(Cue::Medication).any(|m| {
            m.sentence.abs_diff(r.sentence) <= 1 && sig.p.sentence_has_word(m.sentence, CHANGE)
        })
    })
}

/// Adults whose care is not their relative's to hear about. A parent may hear about a
/// child's ("your son", "aapki beti"), and a spouse is usually part of shared care (IVF,
/// maternity), so neither is here: those messages stay a review.
const ADULT_RELATIVES: &[&str] = &[
    "mother",
    "father",
    "mom",
    "dad",
    "mum",
    "brother",
    "sister",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "uncle",
    "aunt",
    "bahu",
    "saas",
    "sasur",
    "maa",
    "papa",
    "pitaji",
    "mummy",
    "bhai",
    "behen",
    "dadi",
    "nani",
    "dada",
    "nana",
    "devar",
    "nanad",
    "jija",
    "bhabhi",
    "बहू",
    "सास",
    "ससुर",
    "माँ",
    "मां",
    "पिता",
    "पिताजी",
    "भाई",
    "बहन",
    "दादी",
    "नानी",
    "भाभी",
];

/// Health words in a sentence that points them at the addressee's adult relative.
fn relayed_to_relative(ev: &Eval<'_>) -> Vec<Span> {
    let sig = ev.sig;
    let mut spans = Vec::new();
    for h in sig.of(Cue::Poss2) {
        let next = h.w1 + 1;
        if next >= sig.p.words.len() || sig.p.words[next].sentence != h.sentence {
            continue;
        }
        let w = sig.p.word_text(next);
        let w = w.strip_suffix("'s").unwrap_or(w);
        if !ADULT_RELATIVES.iter().any(|r| r.eq_ignore_ascii_case(w)) {
            continue;
        }
        spans.extend(
            sig.hits
                .iter()
                .filter(|c| HEALTH.contains(&c.cue) && c.sentence == h.sentence)
                .map(|c| (c.start, c.end)),
        );
    }
    // "Mummy ki biopsy report aayi kya? Main unka beta bol raha hoon": the message came
    // from an adult relative asking about someone else; a result in the answer tells them.
    let asked_for_relative = ev.reply_to.is_some_and(|r| {
        r.of(Cue::FamilyMember).any(|f| {
            let w = r.text(f.start, f.end);
            let w = w.strip_suffix("'s").unwrap_or(w);
            ADULT_RELATIVES.iter().any(|a| a.eq_ignore_ascii_case(w))
        })
    });
    if asked_for_relative {
        spans.extend(sig.of(Cue::TestResult).map(|c| (c.start, c.end)));
    }
    spans
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
