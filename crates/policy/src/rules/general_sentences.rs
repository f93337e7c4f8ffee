//! Sentences about a service, our material or how things work, said of no one: a booking
//! invitation, a pointer to our general videos, how results reach the portal. Their care
//! words are nobody's care.

use crate::lexicon::Cue;
use crate::signals::{EntityKind, Signals};

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
    !sig.sentence_has(s, Cue::Poss2)
        && !sig.sentence_has(s, Cue::You2)
        && !sig
            .personal_entities()
            .any(|e| e.kind == EntityKind::Name && e.sentence == s)
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

/// "Lab results post securely to our patient portal, usually within 2 business days": how
/// results reach everyone, said of no one.
pub(super) fn how_it_works(sig: &Signals<'_>, s: usize) -> bool {
    !sig.sentence_has(s, Cue::Poss2)
        && !sig.sentence_has(s, Cue::You2)
        && !sig
            .personal_entities()
            .any(|e| e.kind == EntityKind::Name && e.sentence == s)
        && sig.p.sentence_has_word(s, &["portal", "mychart", "app"])
        && sig
            .p
            .sentence_has_word(s, &["usually", "typically", "generally", "normally", "all"])
}
