//! Care confirmed by when and where: a named person's admission or stay, dated or placed
//! in a ward, a reply that says we helped the person it answers on a given day, and a
//! reply that confirms the care of the relative a message named.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::result::Verdict;
use crate::signals::ties::{generic_health, Span, HEALTH};
use crate::signals::{EntityKind, Signals};

/// "Mr. Ramesh Yadav was admitted on 4 March. He is in the ICU now": a named person's
/// admission or discharge, dated or placed in a ward, says they are a patient and when,
/// whoever the text answers.
pub fn named_admission(ev: &Eval<'_>, sev: Verdict, out: &mut Findings) {
    const STATUS: &[&str] = &["admitted", "discharged", "bharti", "भर्ती", "डिस्चार्ज"];
    let sig = ev.sig;
    let names: Vec<usize> = sig
        .personal_entities()
        .filter(|e| e.kind == EntityKind::Name && !e.staff)
        .map(|e| e.sentence)
        .collect();
    let nsent = sig.p.sentences.len();
    let dated = |s: usize| {
        sig.entities.iter().any(|e| {
            matches!(e.kind, EntityKind::Date | EntityKind::Time) && e.sentence == s && !e.benign()
        }) || sig.sentence_has(s, Cue::TimeRef)
    };
    // The ward may follow in the next sentence, through a pronoun ("He is in the ICU",
    // "He's in good spirits up on 4 West").
    let ward = |s: usize| sig.sentence_has(s, Cue::CareArea);
    let placed =
        |s: usize| ward(s) || s + 1 < nsent && sig.sentence_has(s + 1, Cue::Pron3) && ward(s + 1);
    let status: Vec<Span> = sig
        .of(Cue::VisitWord)
        .filter(|h| {
            let w = sig.text(h.start, h.end).to_lowercase();
            STATUS.iter().any(|v| w.starts_with(v))
                && names.contains(&h.sentence)
                && !sig.sentence_has(h.sentence, Cue::Hedge)
                && (dated(h.sentence) || placed(h.sentence))
        })
        .map(|h| (h.start, h.end))
        .collect();
    // "Great to have Coach Dan Riley with us this week! He's … up on 4 West": a stay
    // with us, dated, and a ward.
    let status = if status.is_empty() {
        sig.of(Cue::WithUs)
            .filter(|h| names.contains(&h.sentence) && dated(h.sentence) && placed(h.sentence))
            .map(|h| (h.start, h.end))
            .collect()
    } else {
        status
    };
    // "Our thoughts are with Ramesh Verma, who is in our ICU", "John Smith is in bed 12":
    // a named person placed in an intensive-care unit, a numbered ward or a bed.
    let located = |h: &crate::lexicon::Hit| {
        let mut i = h.w0;
        if i > 0 && sig.p.word_is(i - 1, &["our", "the", "hamare", "हमारे"]) {
            i -= 1;
        }
        i > 0 && sig.p.word_is(i - 1, &["in", "on", "mein", "में"])
    };
    let status = if status.is_empty() {
        sig.hits
            .iter()
            .filter(|h| names.contains(&h.sentence) && !sig.sentence_has(h.sentence, Cue::Hedge))
            .filter(|h| {
                let w = sig.text(h.start, h.end);
                let bed = h.cue == Cue::VisitCount
                    && w.chars().any(|c| c.is_ascii_digit())
                    && sig.p.word_is(h.w0, &["bed", "room", "ward", "cabin"]);
                (one_patients_ward(sig, h) || bed) && located(h)
            })
            .map(|h| (h.start, h.end))
            .collect()
    } else {
        status
    };
    if status.is_empty() {
        return;
    }
    out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", status.clone()));
    out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", status));
    let ids: Vec<(Span, &str)> = super::privacy_addressed::personal_identifiers(sig)
        .into_iter()
        .filter(|(_, l)| *l == "PERSON")
        .collect();
    if !ids.is_empty() {
        let mut f = Fired::new(RuleId::PhiId, sev);
        for (s, label) in ids {
            f = f.phi(label, [s]);
        }
        out.add(f);
    }
}

/// "We're so glad the team could help you last Tuesday", "पिछले सोमवार आपके पिताजी की
/// देखभाल में हमारी टीम मदद कर सकी": a reply that says we served the person it answers
/// (or their family) on a past day confirms the visit and its date.
pub fn served_when(ev: &Eval<'_>, sev: Verdict, out: &mut Findings) {
    if !ev.ctx.family.is_addressed() || ev.ctx.inbound {
        return;
    }
    let sig = ev.sig;
    const PAST_MARKS: &[&str] = &[
        "last",
        "past",
        "pichhle",
        "pichhli",
        "pichle",
        "पिछले",
        "पिछली",
    ];
    const PAST: &[&str] = &[
        "yesterday",
        "last night",
        "last week",
        "last month",
        "this morning",
        "earlier today",
        "over the weekend",
        "last weekend",
        "pichhle hafte",
    ];
    let past: Vec<Span> = sig
        .of(Cue::TimeRef)
        .filter(|h| {
            let w = sig.text(h.start, h.end);
            PAST.iter().any(|p| w.eq_ignore_ascii_case(p))
                || sig.p.word_is(h.w0.wrapping_sub(1), PAST_MARKS)
        })
        .filter(|h| {
            sig.sentence_has(h.sentence, Cue::ServedYou)
                && !sig.sentence_has(h.sentence, Cue::Hedge)
        })
        .map(|h| (h.start, h.end))
        .collect();
    if past.is_empty() {
        return;
    }
    let served: Vec<Span> = sig.of(Cue::ServedYou).map(|h| (h.start, h.end)).collect();
    out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", served));
    out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", past));
}

/// Health words after "his"/"her"/"unka" in a reply to a message that named the writer's
/// relative: that relative's care, confirmed in public.
pub(super) fn relatives_care(ev: &Eval<'_>) -> Vec<Span> {
    let sig = ev.sig;
    let replying = matches!(
        ev.ctx.family,
        ChannelFamily::ReviewReply | ChannelFamily::CommentReply
    );
    if !replying {
        return Vec::new();
    }
    // "…and we hope the little one is finally sleeping through the night": how the
    // reviewer's relative is doing, said in public.
    let doing: Vec<Span> = sig
        .of(Cue::FamilyMember)
        .flat_map(|f| {
            sig.of(Cue::Outcome)
                .filter(move |o| o.sentence == f.sentence && o.w0 > f.w1 && o.w0 <= f.w1 + 5)
        })
        .map(|o| (o.start, o.end))
        .collect();
    if !ev.reply_to.is_some_and(|rt| rt.has(Cue::FamilyMember)) {
        return doing;
    }
    // "Please tell her everyone up on 3 North is cheering her on": the ward she is on.
    // A numbered ward or an intensive-care unit, not the OPD everyone visits.
    let ward = |p: &crate::lexicon::Hit, h: &crate::lexicon::Hit| {
        h.sentence == p.sentence && one_patients_ward(sig, h)
    };
    // "her …", or the relative named again: "baby in NICU bed 12 is feeding better".
    let mut spans: Vec<Span> = sig
        .of_any(&[Cue::Pron3, Cue::FamilyMember])
        .flat_map(|p| {
            sig.hits.iter().filter(move |h| {
                HEALTH.contains(&h.cue)
                    && h.sentence == p.sentence
                    && h.w0 > p.w1
                    && h.w0 <= p.w1 + 2
                    && !generic_health(sig.text(h.start, h.end))
                    || ward(p, h)
            })
        })
        .map(|h| (h.start, h.end))
        .collect();
    // "My husband Jim has been in your ICU" answered with "everyone is rooting for Jim":
    // the reply names the relative the message placed in care.
    if let Some(rt) = ev.reply_to {
        spans.extend(
            sig.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Name && !e.staff && !e.org)
                .filter(|e| named_relative(rt, sig.text(e.start, e.end)))
                .map(|e| (e.start, e.end)),
        );
    }
    spans.extend(doing);
    spans
}

/// Whether the message names `name` right after a relative ("my husband Jim", "meri beti
/// Priya", "my mom, Linda").
fn named_relative(rt: &Signals<'_>, name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    first.chars().count() > 1
        && rt
            .of(Cue::FamilyMember)
            .any(|f| (f.w1 + 1..=f.w1 + 2).any(|i| rt.p.word_text(i).eq_ignore_ascii_case(first)))
}

/// A numbered ward ("4 West", "ward 3") or an intensive-care unit: where one person lies,
/// not the OPD everyone visits.
pub(super) fn one_patients_ward(sig: &Signals<'_>, h: &crate::lexicon::Hit) -> bool {
    let w = sig.text(h.start, h.end);
    h.cue == Cue::CareArea
        && (w.chars().any(|c| c.is_ascii_digit())
            || ["icu", "nicu", "picu", "ccu", "intensive care"]
                .iter()
                .any(|u| w.eq_ignore_ascii_case(u)))
}
