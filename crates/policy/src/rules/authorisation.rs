//! What a patient authorisation clears (only the PHI rules, only the details it names),
//! and the de-identified post that leaves nothing identifying.

use super::{Eval, RuleId};
use crate::lexicon::Cue;
use crate::signals::EntityKind;

/// Whether an authorisation limited to `covers` clears `rule`. Health details stay
/// uncovered only when every entry names an identity detail (`["first name", "quote"]`):
/// an entry such as "procedure" or "cardiac rehab participation" names care.
pub(super) fn covered(covers: Option<&[String]>, rule: RuleId) -> bool {
    let Some(covers) = covers else {
        return true;
    };
    let health_rule = matches!(
        rule,
        RuleId::PhiClin | RuleId::PhiSens | RuleId::PhiVisit | RuleId::InConfid | RuleId::InMhca
    );
    const IDENTITY: &[&str] = &[
        "first",
        "last",
        "full",
        "name",
        "initial",
        "and",
        "photo",
        "photos",
        "picture",
        "image",
        "video",
        "face",
        "quote",
        "quotes",
        "city",
        "town",
        "age",
        "occupation",
        "facility",
        "year",
        "only",
        "her",
        "his",
        "their",
    ];
    !health_rule
        || covers.iter().any(|c| {
            c.split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(|w| !IDENTITY.contains(&w))
        })
}

/// Disclosure rules that a de-identified post with nothing identifying left only sends to
/// review.
pub(super) const ANON_CAPPED: &[RuleId] = &[
    RuleId::PhiRel,
    RuleId::PhiClin,
    RuleId::PhiMkt,
    RuleId::PhiSens,
    RuleId::InConfid,
    RuleId::InDpdp,
];

/// "X-ray before and after our patient's hip replacement (patient details removed)": the
/// text says identities were removed and nothing identifying (a name, age, contact, date,
/// event, fame, a visible face) is left.
pub(super) fn anonymous(ev: &Eval<'_>) -> bool {
    let sig = ev.sig;
    sig.has(Cue::Deidentified)
        && !sig.any(&[Cue::TimeRef, Cue::Today, Cue::Unique, Cue::Event])
        && !sig
            .personal_entities()
            .any(|e| !matches!(e.kind, EntityKind::Url | EntityKind::Place))
        && !ev.ctx.media.iter().any(|m| {
            m.shows == Some(crate::request::Shows::Patients) && m.faces_blurred != Some(true)
        })
}

/// Rules a written patient authorisation clears. Advertising, tracking, professional and
/// MTP rules are not among them.
pub const AUTH_CLEARS: &[RuleId] = &[
    RuleId::PhiRel,
    RuleId::PhiId,
    RuleId::PhiClin,
    RuleId::PhiVisit,
    RuleId::PhiFin,
    RuleId::PhiIndirect,
    RuleId::PhiSelfdisc,
    RuleId::PhiSens,
    RuleId::PhiMedia,
    RuleId::PhiMkt,
    RuleId::PhiImage,
    RuleId::InConfid,
    RuleId::InDpdp,
    RuleId::InMhca,
];
