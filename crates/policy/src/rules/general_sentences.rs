//! Sentences about a service, our material or how things work, said of no one: a booking
//! invitation, a pointer to our general videos, how results reach the portal. Their care
//! words are nobody's care.

use crate::lexicon::Cue;
use crate::signals::{EntityKind, Signals};

/// Sentence `s` speaks to nobody ("your", "you had") and names nobody of ours to protect.
pub(super) fn unaddressed(sig: &Signals<'_>, s: usize) -> bool {
    !sig.sentence_has(s, Cue::Poss2)
        && !sig.sentence_has(s, Cue::You2)
        && !sig
            .personal_entities()
            .any(|e| e.kind == EntityKind::Name && e.sentence == s)
}

/// "Pregnancy scan ki booking ke liye … call karein": an invitation to book with us.
pub(super) fn booking_invite(sig: &Signals<'_>, s: usize) -> bool {
    sig.sentence_has(s, Cue::OrgContact)
        && !sig.sentence_has(s, Cue::Poss2)
        && sig
            .p
            .sentence_has_word(s, &["booking", "book", "appointment", "appointments"])
}

/// "Thyroid aur poshan par hamari general video ka link description mein hai": a topic
/// of our general material, pointed to, is nobody's diagnosis.
pub(super) fn resource(sig: &Signals<'_>, s: usize) -> bool {
    unaddressed(sig, s)
        && (sig.sentence_has(s, Cue::Poss1) || sig.p.sentence_has_word(s, &["general"]))
        && sig.p.sentence_has_word(
            s,
            &[
                "video",
                "videos",
                "article",
                "articles",
                "blog",
                "guide",
                "webinar",
                "leaflet",
                "booklet",
                "factsheet",
                "infographic",
                "playlist",
            ],
        )
}

/// "Lab results post securely to our patient portal, usually within 2 business days",
/// "Knee replacement ka kharcha implant aur hospital stay par depend karta hai": how things
/// work or what a cost depends on, for everyone, said of no one.
/// Never for sensitive care, an outcome, a result or a time ("the biopsy came back benign,
/// next steps depend on Friday's scan" is someone's).
pub(super) fn how_it_works(sig: &Signals<'_>, s: usize) -> bool {
    let has = |c: &Cue| sig.sentence_has(s, *c);
    // (A result is what reaches the portal: "Lab results usually post…" keeps that word.)
    // The word tests come first: most sentences name neither a portal nor a cost.
    let portal = || {
        sig.p.sentence_has_word(s, &["portal", "mychart", "app"])
            && sig
                .p
                .sentence_has_word(s, &["usually", "typically", "generally", "normally"])
    };
    // What a cost depends on: "Knee replacement ka kharcha … par depend karta hai".
    #[rustfmt::skip]
    const COST: &[&str] = &[
        "cost", "costs", "price", "prices", "fee", "fees", "estimate", "charges", "kharcha",
        "kharch", "खर्च", "खर्चा", "फीस",
    ];
    let cost = || {
        sig.p.sentence_has_word(s, COST)
            && sig.p.sentence_has_word(
                s,
                &["depends", "depend", "varies", "vary", "nirbhar", "निर्भर"],
            )
            && ![Cue::TestResult, Cue::TimeRef, Cue::Today].iter().any(has)
    };
    let of_no_one = || {
        unaddressed(sig, s)
            && ![Cue::Pron3, Cue::FamilyMember, Cue::Outcome]
                .iter()
                .chain(crate::signals::ties::SENSITIVE)
                .any(has)
            && !sig.p.sentence_has_word(
                s,
                &[
                    "you", "you'll", "u", "they", "them", "their", "aap", "aapka", "aapki", "आप",
                ],
            )
    };
    (portal() || cost()) && of_no_one()
}
