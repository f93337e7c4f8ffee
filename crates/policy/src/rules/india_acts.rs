//! India's statutes beyond the medical council's rules: PC&PNDT (prenatal sex
//! determination, including coded words and hints after a disclaimer) and the Drugs and
//! Magic Remedies Act (remedy claims for scheduled diseases).

use super::claims::claim_spans;
use super::{Eval, Findings, Fired, RuleId};
use crate::lexicon::Cue;
use crate::result::Verdict;
use crate::signals::ties::Span;
use crate::signals::Signals;

pub(super) fn pcpndt(ev: &Eval<'_>, out: &mut Findings, v: Verdict) {
    let sig = ev.sig;
    // "बेटा हो या बेटी, दोनों अनमोल हैं": the campaign against sex selection, not a hint.
    let equal = |s: usize| super::privacy_finish::equality_sentence(sig, s);
    let spans: Vec<Span> = sig
        .of(Cue::Pcpndt)
        .filter(|h| !sig.sentence_has(h.sentence, Cue::PcpndtDisclaimer) && !equal(h.sentence))
        .map(|h| (h.start, h.end))
        .collect();
    let spans = if spans.is_empty() {
        hinted_despite_disclaimer(ev)
    } else {
        spans
    };
    let spans = if spans.is_empty() {
        answered_sex_question(ev)
    } else {
        spans
    };
    if !spans.is_empty() {
        out.add(Fired::new(RuleId::InPcpndt, v).spans(spans));
    }
}

/// "Kya pata chal jata hai ladka hai ya ladki?" answered with "Ji, hamare yahan 4D
/// sonography hoti hai, inbox karein": a reply to a sex-determination question that offers
/// the scan without refusing signals that the answer is available.
fn answered_sex_question(ev: &Eval<'_>) -> Vec<Span> {
    let sig = ev.sig;
    let asked = ev.reply_to.is_some_and(|r| r.has(Cue::Pcpndt));
    if !asked || sig.has(Cue::PcpndtDisclaimer) {
        return Vec::new();
    }
    sig.of(Cue::PrenatalCtx)
        .filter(|h| sig.sentence_has(h.sentence, Cue::Procedure))
        .map(|h| (h.start, h.end))
        .collect()
}

/// "Kanoonan hum ling nahi bata sakte, lekin aapko ishaara toh de diya tha", "bata toh
/// nahi sakte, par nursery ka rang blue rakhna": the law forbids telling the sex "by
/// words, signs or in any other manner", so a hint after a disclaimer is a disclosure,
/// where a pregnancy or scan is the subject; without a disclaimer, a hint beside the scan.
fn hinted_despite_disclaimer(ev: &Eval<'_>) -> Vec<Span> {
    let sig = ev.sig;
    let prenatal =
        |s: &Signals<'_>| s.any(&[Cue::PrenatalCtx, Cue::SexMale, Cue::SexFemale, Cue::Pcpndt]);
    if !(prenatal(sig) || ev.reply_to.is_some_and(prenatal)) {
        return Vec::new();
    }
    let Some(d) = sig.of(Cue::PcpndtDisclaimer).next() else {
        // "Hamare 4D scan mein sab kuch dikhta hai 😉 — jo aap sach mein jaanna chahti
        // hain": a wink at the one thing a scan may not tell, in the scan's own sentence or
        // asked just before or after it ("गुलाबी या नीला? हमारे 4D स्कैन में…").
        return sig
            .of(Cue::Hint)
            .filter(|h| {
                sig.of(Cue::PrenatalCtx)
                    .any(|c| c.sentence.abs_diff(h.sentence) <= 1)
            })
            .map(|h| (h.start, h.end))
            .collect();
    };
    sig.of(Cue::Hint)
        .filter(|h| h.start > d.end && h.sentence <= d.sentence + 1)
        .map(|h| (h.start, h.end))
        .collect()
}

/// `v`: block for what we publish; review for a comment someone posts on our page (a
/// remedy seller's "jad se khatam" under our post is for moderation to hide).
pub(super) fn dmr(ev: &Eval<'_>, out: &mut Findings, v: Verdict) {
    let sig = ev.sig;
    let claims = claim_spans(sig);
    let mut spans = Vec::new();
    // "Rybelsus tablets ab hamari pharmacy mein available! Sugar control…, order karein": a
    // drug on sale, in the disease's sentence or the one before, for controlling it claims
    // to treat it ("take your tablets on time to keep sugar in control" sells nothing).
    const SALE: &[&str] = &[
        "order",
        "available",
        "delivery",
        "buy",
        "mangwao",
        "mangwayein",
        "kharidein",
        "खरीदें",
        "उपलब्ध",
    ];
    let sold_near = |s: usize| {
        (s.saturating_sub(1)..=s).any(|x| {
            sig.p.sentence_has_word(x, SALE)
                && [Cue::RxBrand, Cue::Remedy, Cue::ProductWord]
                    .iter()
                    .any(|&c| sig.sentence_has(x, c))
        })
    };
    for d in sig.of(Cue::DmrDisease) {
        // Ads are short: a claim in the same or a neighbouring sentence counts.
        let controls =
            sig.p.word_is(d.w1 + 1, &["control", "कंट्रोल", "नियंत्रण"]) && sold_near(d.sentence);
        let claimed = controls
            || claims
                .iter()
                .any(|&(s, _)| sig.p.sentence_of(s).abs_diff(d.sentence) <= 1);
        // Two different remedy words ("churna … vati"), not "दवा" said twice, nor the
        // name of the Act ("Drugs and Magic Remedies Act").
        let mut remedies: Vec<String> = sig
            .of(Cue::Remedy)
            .filter(|r| r.sentence == d.sentence)
            .filter(|r| !sig.p.word_is(r.w1 + 1, &["act", "अधिनियम"]))
            .map(|r| sig.text(r.start, r.end).to_lowercase())
            .collect();
        remedies.sort_unstable();
        remedies.dedup();
        if claimed || remedies.len() >= 2 {
            spans.push((d.start, d.end));
        }
    }
    if !spans.is_empty() {
        spans.extend(claims);
        out.add(Fired::new(RuleId::InDmr, v).spans(spans));
    }
}
