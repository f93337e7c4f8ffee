//! PHI-CHANNEL: care details where the channel is the problem — scheduling or results in
//! a public thread, and in a DM the details that tell someone other than the patient (an
//! adult relative) or that make the message a clinical record (a result with the treatment
//! it changes).

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::{Span, HEALTH};
use crate::signals::{EntityKind, Signals};

pub(super) fn channel(ev: &Eval<'_>, out: &mut Findings) {
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
            // Methadone dosing, an HIV result, an IVF injection: care whose very existence
            // is the secret does not go by SMS or an ordinary DM (42 CFR Part 2, HIV laws),
            // whoever reads it.
            // (The reader's own care, "your methadone dosing", not an offer of IVF.)
            let secret =
                ev.sig.of_any(crate::signals::ties::SENSITIVE).any(|h| {
                    h.cue != Cue::SensDeath
                        && !ev.sig.entities.iter().any(|e| {
                            e.kind == EntityKind::Url && e.start <= h.start && h.end <= e.end
                        })
                        && (ev.sig.sentence_has(h.sentence, Cue::Poss2)
                            || ev.sig.sentence_has(h.sentence, Cue::You2))
                });
            let v = if relayed.is_empty() && !result_changes_treatment(ev.sig) && !secret {
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
