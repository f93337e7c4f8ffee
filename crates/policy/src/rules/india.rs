//! India: IMC 2002 advertising, endorsement and confidentiality; NMC 2023 guidance; DPDP;
//! MTP; MHCA. PC&PNDT and the Drugs and Magic Remedies Act are in `india_acts`.

use super::claims::{banned_spans, claim_spans};
use super::privacy_finish::generic_person;
use super::{Eval, Findings, Fired, RuleId, DISCLOSURE};
use crate::lexicon::Cue;
use crate::request::Shows;
use crate::result::Verdict::{self, Block, NeedsReview};
use crate::signals::ties::Span;
use crate::signals::EntityKind;

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    advert(ev, out);
    super::india_endorse::endorse(ev, out);
    confidentiality(ev, out);
    nmc(ev, out);
    dpdp(ev, out);
    super::india_acts::pcpndt(ev, out, Block);
    super::india_acts::dmr(ev, out, Block);
}

pub fn inbound(ev: &Eval<'_>, out: &mut Findings) {
    super::india_acts::pcpndt(ev, out, NeedsReview);
    super::india_acts::dmr(ev, out, NeedsReview);
}

fn spans_of(ev: &Eval<'_>, cues: &[Cue]) -> Vec<Span> {
    ev.sig.of_any(cues).map(|h| (h.start, h.end)).collect()
}

/// "our 500th knee replacement": a milestone ordinal is a volume boast.
fn ordinal(t: &str) -> bool {
    let b = t.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i - 1].is_ascii_digit()
            && matches!(
                &b[i..i + 2].to_ascii_lowercase()[..],
                b"th" | b"st" | b"nd" | b"rd"
            )
    })
}

fn advert(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let mut strong: Vec<Span> = spans_of(ev, &[Cue::Boast, Cue::Comparative]);
    // Cure and guarantee claims are prohibited self-promotion for Indian doctors.
    strong.extend(claim_spans(sig));
    strong.extend(banned_spans(ev));
    // "best knee surgeon", "top doctors", "expert gynaecologist"; inside the name of an
    // award someone else gave ("'Best Doctor Award' from the IMA") it is a judgment call.
    let mut awarded: Vec<Span> = Vec::new();
    for b in sig.of(Cue::BoastWord) {
        if let Some(n) = sig.near(b.sentence, b.w1 + 1, b.w1 + 1, Cue::ProNoun, 0, 2) {
            if sig.sentence_has(b.sentence, Cue::AwardWord) {
                awarded.push((b.start, n.end));
            } else {
                strong.push((b.start, n.end));
            }
        }
    }
    // "over 2 lakh dengue cases": disease statistics, not our volume, unless the sentence
    // is about us.
    // "Sehore zile mein TB ke 1,412 naye mareez notify hue (District TB Cell)": a count
    // from a public register is a statistic too.
    const REGISTER: &[&str] = &[
        "district",
        "zile",
        "zila",
        "जिले",
        "जिला",
        "state",
        "rajya",
        "राज्य",
        "national",
        "notified",
        "notify",
        "notification",
        "survey",
        "census",
        "icmr",
        "nfhs",
        "government",
        "govt",
        "sarkari",
        "सरकारी",
        "ministry",
        "mantralaya",
    ];
    let registered = |s: usize| {
        sig.sentence_has(s, Cue::Condition)
            && (sig.p.sentence_has_word(s, REGISTER)
                // "WHO" in capitals only: "patients who…" is no register.
                || (0..sig.p.words.len())
                    .any(|i| sig.p.words[i].sentence == s && sig.p.word_text(i) == "WHO"))
    };
    let volume: Vec<&crate::lexicon::Hit> = sig
        .of(Cue::VolumeClaim)
        .filter(|v| {
            let counted_cases = sig.text(v.start, v.end).ends_with("cases")
                && sig
                    .of(Cue::Condition)
                    .any(|c| c.start >= v.start && c.end <= v.end);
            !((counted_cases || registered(v.sentence))
                && ![Cue::OurPlace, Cue::StaffTitle, Cue::ProNoun]
                    .iter()
                    .any(|&c| sig.sentence_has(v.sentence, c)))
        })
        .collect();
    for v in &volume {
        let s = v.sentence;
        let boastful = [Cue::Boast, Cue::BoastWord, Cue::OurPlace, Cue::StaffTitle]
            .iter()
            .any(|&c| sig.sentence_has(s, c))
            || sig.text(v.start, v.end).contains('+')
            || ordinal(sig.text(v.start, v.end))
            || [
                "successful",
                "happy",
                "satisfied",
                "safe",
                "painless",
                "over",
                "more than",
                "treated",
                "performed",
                "se zyada",
                "se jyada",
                "se adhik",
                "sabse zyada",
                "safal",
            ]
            .iter()
            .any(|w| {
                sig.p.norm[sig.p.sentences[s].0..sig.p.sentences[s].1]
                    .to_lowercase()
                    .contains(w)
            });
        if boastful {
            strong.push((v.start, v.end));
        }
    }
    if !strong.is_empty() {
        out.add(Fired::new(RuleId::InAdvert, Block).spans(strong));
        return;
    }
    // "Yahan share na karein — humein DM karein": a reply that moves someone to a private
    // channel is what a reply should do, not solicitation; offers and prices still count.
    // "Monsoon health package ₹999: HbA1c, lipid profile…": a lab's priced list of tests,
    // with no doctor in it, is a price list, not a doctor soliciting patients.
    let lab_list = !sig.has(Cue::StaffTitle) && sig.any(&[Cue::CareNoun, Cue::TestResult]);
    let mut soft: Vec<Span> = spans_of(ev, &[Cue::SoftPromo])
        .into_iter()
        .filter(|&(a, b)| {
            let t = sig.text(a, b).to_ascii_lowercase();
            !(ev.ctx.family.is_addressed() && (t.starts_with("dm ") || t.starts_with("message ")))
                && !(lab_list && t.starts_with("package"))
        })
        .collect();
    soft.extend(awarded);
    // A count in an awareness post ("road safety week: 3,200 accident patients") informs.
    if !sig.has(Cue::Observance) {
        soft.extend(volume.iter().map(|v| (v.start, v.end)));
    }
    if sig.has(Cue::EngageAsk) && sig.has(Cue::Reward) {
        soft.extend(spans_of(ev, &[Cue::EngageAsk]));
    }
    let story =
        sig.has(Cue::StoryMarker) && (!ev.ties.anchors.is_empty() || sig.has(Cue::PatientWord));
    if story {
        soft.extend(spans_of(ev, &[Cue::StoryMarker]));
    }
    if !soft.is_empty() {
        out.add(Fired::new(RuleId::InAdvert, NeedsReview).spans(soft));
    }
}

fn disclosure_spans(out: &Findings) -> Vec<Span> {
    out.fired
        .iter()
        .filter(|f| DISCLOSURE.contains(&f.rule) || f.rule == RuleId::PhiRel)
        .flat_map(|f| f.spans.clone())
        .collect()
}

/// The disclosure's own verdict: block in public, needs_review in a private message.
fn disclosure_verdict(out: &Findings) -> Verdict {
    out.fired
        .iter()
        .filter(|f| DISCLOSURE.contains(&f.rule))
        .map(|f| f.verdict)
        .max()
        .unwrap_or(Block)
}

fn confidentiality(ev: &Eval<'_>, out: &mut Findings) {
    let disclosed = out.any(DISCLOSURE);
    let spans = disclosure_spans(out);
    let v = if ev.ctx.family.is_public() {
        disclosure_verdict(out)
    } else {
        NeedsReview
    };
    if disclosed {
        out.add(Fired::new(RuleId::InConfid, v).spans(spans.clone()));
    }
    let about_person = disclosed || out.has(RuleId::PhiRel);
    if disclosed {
        let mh = spans_of(ev, &[Cue::SensMental, Cue::SensSubstance]);
        if !mh.is_empty() {
            out.add(Fired::new(RuleId::InMhca, v).spans(mh));
        }
    }
    let mtp = spans_of(ev, &[Cue::Mtp]);
    if !mtp.is_empty()
        && (about_person || ev.ctx.family.is_addressed() || !ev.ties.anchors.is_empty())
    {
        out.add(Fired::new(RuleId::InMtp, v).spans(mtp));
    }
}

fn nmc(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let mut spans: Vec<Span> = Vec::new();
    let mut fired = false;
    if sig.has(Cue::EngageAsk) && (sig.has(Cue::Reward) || sig.has(Cue::SoftPromo)) {
        spans.extend(spans_of(ev, &[Cue::EngageAsk]));
        fired = true;
    }
    // Buying ratings: a reward in the sentence that asks for a review or stars.
    for r in sig.of(Cue::Reward) {
        if [Cue::ReviewWord, Cue::PositiveOnly, Cue::ReviewChangeAsk]
            .iter()
            .any(|&c| sig.sentence_has(r.sentence, c))
        {
            spans.push((r.start, r.end));
            fired = true;
        }
    }
    let media = ev
        .ctx
        .media
        .iter()
        .any(|m| m.clinical_image == Some(true) || m.shows == Some(Shows::Patients));
    // "Case discussion: 52M, frozen shoulder … flexion improved": a case's results, even
    // de-identified, are what NMC asks doctors not to post.
    let testimonial = sig.has(Cue::StoryMarker)
        && (!ev.ties.anchors.is_empty()
            || sig.has(Cue::PatientWord)
            || sig.any(crate::signals::ties::HEALTH))
        || !ev.ties.anchor_outcome.is_empty()
        // "MRI of a knee … image anonymised": a patient's scan, de-identified, is still one.
        || sig.has(Cue::Deidentified) && sig.any(crate::signals::ties::HEALTH);
    if media || testimonial || out.has(RuleId::ProAdvice) {
        spans.extend(spans_of(ev, &[Cue::StoryMarker]));
        fired = true;
    }
    if fired {
        out.add(Fired::new(RuleId::InNmc23, NeedsReview).spans(spans));
    }
}

fn dpdp(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let ctx = ev.ctx;
    let blocked = |r: RuleId| out.get(r).is_some_and(|f| f.verdict == Block);
    let personal = blocked(RuleId::PhiId)
        || blocked(RuleId::PhiIndirect)
        || blocked(RuleId::PhiMkt)
        || out
            .get(RuleId::PhiImage)
            .is_some_and(|f| f.verdict == Block);
    // "…see the photos!": pictures the text itself points to, of whoever it describes.
    let pictured = ctx.media_shows(Shows::Unknown) && {
        let low = sig.p.lower();
        ["photo", "picture", "pics", "tasveer", "तस्वीर", "फोटो"]
            .iter()
            .any(|w| low.contains(w))
    };
    let people_shown =
        ctx.media_shows(Shows::People) || ctx.media_shows(Shows::Patients) || pictured;
    // A particular child: a minor word not addressed to everyone ("every child", "your
    // kids"), near a name that is not staff, or shown in the media.
    let minor = ctx.guardian_consent != Some(true)
        && sig.of(Cue::SensMinor).any(|h| {
            // "Sai Child Clinic", "Rainbow Children's Hospital": part of a name.
            let in_name = sig.text(h.start, h.end).starts_with(char::is_uppercase)
                && sig
                    .of(Cue::ProNoun)
                    .any(|n| n.sentence == h.sentence && n.w0 == h.w1 + 1);
            !in_name
                && !generic_person(sig, h.w0)
                && (people_shown
                    || sig.personal_entities().any(|e| {
                        e.kind == EntityKind::Name && e.sentence.abs_diff(h.sentence) <= 1
                    }))
        });
    // A free camp or a price told to the list is news to patients, unless they refused
    // promotions.
    let list_promo = ctx.patient_list
        && (sig.any(&[Cue::SoftPromo, Cue::Political, Cue::Fundraise, Cue::Boast])
            || ctx.marketing_consent == Some(false) && sig.has(Cue::Reward));
    // "We got your number from Sunrise Pharmacy": someone else's data reused; a patient's
    // report messaged to a relative is handed to someone else too.
    let borrowed = sig.has(Cue::DataSource)
        || ctx.family == crate::channel::ChannelFamily::DirectMessage
            && out
                .get(RuleId::PhiChannel)
                .is_some_and(|f| f.verdict == Block);
    // Promoting our own services to our own patient list is a judgment call (marketing
    // consent may be on file); someone else's data, a child's, or identifiable patient
    // data used without consent is not.
    // Marketing consent recorded as refused (or never given) settles it.
    if list_promo && !(personal && !ctx.authorized || minor || borrowed) {
        let v = if ctx.marketing_consent == Some(false) {
            Block
        } else {
            NeedsReview
        };
        out.add(Fired::new(RuleId::InDpdp, v));
        return;
    }
    if (personal && !ctx.authorized) || minor || borrowed {
        let spans: Vec<Span> = sig
            .personal_entities()
            .filter(|e| e.kind == EntityKind::Name)
            .map(|e| (e.start, e.end))
            .collect();
        let v = if ctx.family.is_public() {
            Block
        } else {
            NeedsReview
        };
        out.add(Fired::new(RuleId::InDpdp, v).spans(spans));
    }
}
