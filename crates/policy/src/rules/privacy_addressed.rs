//! PHI rules for replies and direct messages, where "you" is one identifiable person:
//! relationship, the addressee's care, visits and money, their identifiers, and repeating
//! what they disclosed.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::Cue;
use crate::result::Verdict;
use crate::result::Verdict::NeedsReview;
use crate::signals::ties::{generic_health, Span, HEALTH};
use crate::signals::{EntityKind, Signals};

/// Names, contact details and IDs that could belong to a patient.
pub(super) fn personal_identifiers(sig: &Signals<'_>) -> Vec<(Span, &'static str)> {
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

/// Words of a named condition too common to count as repeating it.
const ECHO_STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "my",
    "your",
    "our",
    "care",
    "treatment",
    "visit",
    "doctor",
    "pain",
    "appointment",
    "check",
    "test",
    "tests",
    "ka",
    "ki",
    "ke",
];

/// Visit words that name a booked visit.
const SCHEDULED: &[&str] = &[
    "session",
    "appointment",
    "follow-up",
    "check-up",
    "checkup",
    "visit",
    "consultation",
    "reline",
];

pub fn addressed(ev: &Eval<'_>, sev: Verdict, out: &mut Findings) {
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
    // "Had my vasectomy here" answered with "Glad the procedure itself went smoothly":
    // once the reply confirms the relationship, "the procedure" is the one the reviewer
    // named, and the reply confirms it.
    let named_care = ev.reply_to.is_some_and(|r| {
        r.hits
            .iter()
            .any(|h| HEALTH.contains(&h.cue) && !generic_health(r.text(h.start, h.end)))
    });
    // "We hope your little one's ear is feeling better" to "a toddler with an ear
    // infection": once the relationship is confirmed, a word of the condition the person
    // named, repeated, confirms the condition.
    if let Some(r) = ev.reply_to.filter(|_| !t.rel.is_empty()) {
        let named: Vec<String> = r
            .hits
            .iter()
            .filter(|h| HEALTH.contains(&h.cue) && !generic_health(r.text(h.start, h.end)))
            .flat_map(|h| {
                r.text(h.start, h.end)
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .filter(|w| w.chars().count() >= 3 && !ECHO_STOP.contains(&w.as_str()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (i, w) in sig.p.words.iter().enumerate() {
            if named
                .iter()
                .any(|n| sig.p.word_text(i).eq_ignore_ascii_case(n))
            {
                clin.push((w.start, w.end));
            }
        }
    }
    // "Pooja ji ka procedure pichhle mahine humare yahan hua tha": the person the commenter
    // asked about, confirmed as treated here.
    let here = sig.any(&[Cue::OurPlace, Cue::RelPhrase]);
    if (!t.rel.is_empty() || here) && named_care {
        clin.extend(
            sig.hits
                .iter()
                .filter(|h| {
                    let before = sig.p.word_before(h.w0);
                    // "Pooja ji ka procedure": a named person's, in Hindi.
                    let named_ka = ["ka", "ki", "ke", "का", "की", "के"].contains(&before)
                        && sig
                            .personal_entities()
                            .any(|e| e.kind == EntityKind::Name && e.w1 + 3 >= h.w0 && e.w1 < h.w0);
                    HEALTH.contains(&h.cue)
                        && (named_ka
                            || !t.rel.is_empty()
                                && ["the", "your", "that", "this", "aapka", "aapki", "aapke"]
                                    .iter()
                                    .any(|d| before.eq_ignore_ascii_case(d)))
                })
                .map(|h| (h.start, h.end)),
        );
    }
    // Third person in a reply ("a patient who shows up drunk…") aimed at the reviewer.
    // A named third person ("Ms. Alvarez was seen by…") is pointed by itself.
    let named = sig
        .personal_entities()
        .any(|e| e.kind == EntityKind::Name && t.anchors.contains(&(e.start, e.end)));
    // "Hi Tom! Glad the new hearing aids are working": a name in the greeting is the
    // person the whole reply is about.
    // The greeting may close the sentence too: "…that sprained ankle, Mike!".
    // "Thank you Kaur aunty ji!": or just after the thanks that opens the reply.
    const THANKS: &[&str] = &[
        "thank",
        "thanks",
        "thx",
        "dhanyavaad",
        "dhanyawad",
        "shukriya",
    ];
    let first = sig.p.words.first().map_or("", |_| sig.p.word_text(0));
    let thanks_open = THANKS.iter().any(|w| first.eq_ignore_ascii_case(w))
        || ["धन्यवाद", "शुक्रिया"].contains(&first);
    let vocative = sig.personal_entities().any(|e| {
        e.kind == EntityKind::Name
            && (e.w0 <= 1
                || e.sentence == 0 && e.w0 <= 3 && thanks_open
                || sig.p.norm[..e.start].trim_end().ends_with(',')
                    && sig.p.norm[e.end..]
                        .trim_start()
                        .starts_with(['!', '.', '?', '—', '–']))
    });
    if vocative {
        clin.extend(
            sig.hits
                .iter()
                .filter(|h| {
                    HEALTH.contains(&h.cue)
                        && !generic_health(sig.text(h.start, h.end))
                        && !sig.sentence_has(h.sentence, Cue::Hedge)
                        && !sig.sentence_has(h.sentence, Cue::Deflect)
                })
                .map(|h| (h.start, h.end)),
        );
    }
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
    // "This reviewer was discharged from our practice for missing appointments": once the
    // reply places the person in our care, how their care ended or was missed is a visit
    // detail.
    const VISIT_EVENTS: &[&str] = &[
        "discharged",
        "admitted",
        "missed",
        "missing",
        "no-show",
        "no-showed",
        "dismissed",
    ];
    // "…called you twice before the appointment was cancelled": what became of their
    // booking is a visit detail too.
    const CHANGED: &[&str] = &[
        "cancelled",
        "canceled",
        "cancellation",
        "rescheduled",
        "postponed",
    ];
    if !t.rel.is_empty() || !t.addressed_care.is_empty() {
        let events: Vec<Span> = sig
            .of(Cue::VisitWord)
            .filter(|h| {
                let w = sig.text(h.start, h.end).to_ascii_lowercase();
                VISIT_EVENTS.iter().any(|v| w.starts_with(v))
                    || SCHEDULED.iter().any(|v| w.starts_with(v))
                        && sig.p.sentence_has_word(h.sentence, CHANGED)
            })
            .map(|h| (h.start, h.end))
            .collect();
        if !events.is_empty() {
            out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", events));
        }
    }
    // "Marisol!!! We still talk about Leo and Luca — and those 42 days in Pod B": a reply
    // to a named person that counts their visits or days, or names their room, says
    // they were ours and when.
    if vocative || named {
        // The count must be about someone ("those 42 days" next to the twins' names), not a
        // description of a service ("our class runs 12 sessions").
        let about_someone = |s: usize| {
            [Cue::Pron3, Cue::FamilyMember, Cue::Poss2, Cue::You2]
                .iter()
                .any(|&c| sig.sentence_has(s, c))
                || sig
                    .personal_entities()
                    .any(|e| e.kind == EntityKind::Name && e.sentence == s)
        };
        let counted: Vec<Span> = sig
            .of(Cue::VisitCount)
            .filter(|h| about_someone(h.sentence))
            .map(|h| (h.start, h.end))
            .collect();
        if !counted.is_empty() {
            out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", counted.clone()));
            out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", counted));
        }
    }
    // "Congratulations, Ashley! Everyone on 4 West is so proud of you": the ward of the
    // person the reply greets.
    if vocative || named {
        let wards: Vec<Span> = sig
            .of(Cue::CareArea)
            .filter(|h| super::privacy_care::one_patients_ward(sig, h))
            .map(|h| (h.start, h.end))
            .collect();
        if !wards.is_empty() {
            out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", wards.clone()));
            out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", wards));
        }
    }
    // "Next session Thursday 5 baje", "see you at the 3 pm follow-up": a reply to a named
    // person that schedules a visit says when they are seen ("no appointment needed" is
    // not a visit).
    if vocative || named {
        let timed = |s: usize| {
            sig.sentence_has(s, Cue::TimeRef)
                || sig.entities.iter().any(|e| {
                    matches!(e.kind, EntityKind::Date | EntityKind::Time)
                        && e.sentence == s
                        && !e.benign()
                })
        };
        let scheduled: Vec<Span> = sig
            .of(Cue::VisitWord)
            .filter(|h| {
                let w = sig.text(h.start, h.end).to_ascii_lowercase();
                let before = sig.p.word_before(h.w0);
                SCHEDULED.iter().any(|v| w.starts_with(v))
                    && !["no", "without", "any"]
                        .iter()
                        .any(|n| before.eq_ignore_ascii_case(n))
                    && timed(h.sentence)
            })
            .map(|h| (h.start, h.end))
            .collect();
        if !scheduled.is_empty() {
            out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", scheduled.clone()));
            out.add(Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", scheduled));
        }
    }
    if !t.addressed_visit.is_empty() {
        out.add(
            Fired::new(RuleId::PhiVisit, sev).phi("DATE_OF_SERVICE", t.addressed_visit.clone()),
        );
    }
    if !t.addressed_fin.is_empty() {
        out.add(Fired::new(RuleId::PhiFin, sev).phi("FINANCIAL", t.addressed_fin.clone()));
    }
    // "My son had his tonsils out at your Dublin campus" answered with "so happy his
    // tonsillectomy recovery is going well": "his" is the relative the message named.
    let relative_care = super::privacy_care::relatives_care(ev);
    if !relative_care.is_empty() {
        out.add(Fired::new(RuleId::PhiRel, sev).phi("PATIENT_STATUS", relative_care.clone()));
        out.add(Fired::new(RuleId::PhiClin, sev).phi("CLINICAL", relative_care));
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
                if rt.p.lower().contains(&w) {
                    spans.push((h.start, h.end));
                }
            }
        }
        out.add(Fired::new(RuleId::PhiSelfdisc, sev).spans(spans));
    }
}
