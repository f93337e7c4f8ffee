//! IN-ENDORSE: a doctor endorsing a drug, remedy or product (the IMC Regulations of 2002,
//! 6.8.1(g): a medical practitioner shall not publicly endorse any drug or product).

use super::{Eval, Findings, Fired, RuleId};
use crate::lexicon::Cue;
use crate::result::Verdict::Block;
use crate::signals::ties::Span;

pub(super) fn endorse(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    if ev.ctx.family.is_addressed() {
        return;
    }
    let mut spans = Vec::new();
    for e in sig.of(Cue::EndorseIn) {
        // "डॉक्टर की सलाह के बिना दवा न लें", "without your doctor's advice": a warning to
        // ask a doctor endorses nothing.
        let after = sig.p.norm[e.end..].trim_start();
        let before = sig.p.word_before(e.w0);
        let without = ["के बिना", "ke bina", "bina", "बिना"]
            .iter()
            .any(|w| after.starts_with(w))
            || before.eq_ignore_ascii_case("without")
            || before == "बिना";
        if without {
            continue;
        }
        // "डॉक्टर की सलाह से ही दवा लें": medicine as your doctor advises names no product,
        // so the generic words are none ("Dr. Mehta ki salah se roz Liv.52 lijiye" is).
        const GENERIC: &[&str] = &["दवा", "दवाई", "dawa", "dawai", "medicine", "medicines"];
        // Nor is advice credited to a public-health body ("ORS aur zinc dein — WHO aur IAP
        // dono yahi recommend karte hain"); a doctor's own pick of a brand still is.
        const AGENCIES: &[&str] = &[
            "who",
            "iap",
            "icmr",
            "cdc",
            "unicef",
            "mohfw",
            "nhm",
            "ministry",
            "government",
            "sarkar",
            "सरकार",
            "मंत्रालय",
        ];
        if sig.p.sentence_has_word(e.sentence, AGENCIES) {
            continue;
        }
        let product = sig.hits.iter().any(|h| {
            h.sentence == e.sentence
                && matches!(h.cue, Cue::ProductWord | Cue::Medication | Cue::RxBrand)
                && !GENERIC
                    .iter()
                    .any(|g| sig.text(h.start, h.end).eq_ignore_ascii_case(g))
        }) || sig.text(e.start, e.end).to_lowercase().contains("code");
        if product {
            spans.push((e.start, e.end));
        }
    }
    // A doctor praising a named product in the same sentence ("Dr. Joshi explains why
    // DiaboCure tablets are the best natural medicine"), whatever the verb.
    let doctor = sig.has(Cue::StaffTitle) || sig.entities.iter().any(|e| e.staff);
    // "Dr. Mehra's pick: Liv.52 … Buy now": a doctor's recommendation and a sales call,
    // whatever the product is called.
    if doctor && sig.of(Cue::EndorseIn).count() >= 2 {
        spans.extend(sig.of(Cue::EndorseIn).map(|h| (h.start, h.end)));
    }
    // "ek chammach Madhunashak Churna … — Dr. Kavita Joshi, MD #ad": a doctor's paid post
    // for a remedy or product is an endorsement, however it is worded.
    if doctor && sig.has(Cue::Disclosure) {
        let paid_for: Vec<Span> = sig
            .of_any(&[Cue::Remedy, Cue::ProductWord])
            .map(|h| (h.start, h.end))
            .collect();
        if !paid_for.is_empty() {
            spans.extend(paid_for);
            spans.extend(sig.of(Cue::Disclosure).map(|h| (h.start, h.end)));
        }
    }
    if doctor {
        for p in sig.of(Cue::ProductWord) {
            // …or telling parents to give it ("roz subah NutriGrow dijiye"), or selling it
            // with the doctor's own discount code.
            let coded = sig.p.lower().contains("code") && sig.has(Cue::Reward);
            let praised = coded
                || [
                    Cue::Endorse,
                    Cue::BoastWord,
                    Cue::Boast,
                    Cue::Benefit,
                    Cue::AdviceA,
                ]
                .iter()
                .any(|&c| sig.sentence_has(p.sentence, c));
            if praised {
                spans.push((p.start, p.end));
            }
        }
    }
    if !spans.is_empty() {
        out.add(Fired::new(RuleId::InEndorse, Block).spans(spans));
    }
}
