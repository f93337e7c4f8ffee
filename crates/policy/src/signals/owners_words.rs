//! Word-level tests behind [`super::owners`]: whether the words around an entity make
//! it the organisation's (a contact after "our"), a workplace, a guest, one of our staff
//! (serving patients, titled), or the subject of a question rather than the person
//! answering it.

use super::entities::Entity;
use crate::text::Prepared;

pub(super) fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// "our nurse line is (470) 555-0118", "our draw station at 1180 Whitaker Ave", "hamare
/// Indore centre ka number": "our" at most five words before a contact or address in the
/// same sentence, with no "you"/"your" between, makes it the organisation's.
pub(super) fn our_before(p: &Prepared<'_>, e: &Entity) -> bool {
    const OUR: &[&str] = &[
        "our",
        "hamare",
        "humare",
        "hamara",
        "hamari",
        "हमारे",
        "हमारा",
        "हमारी",
    ];
    const YOU: &[&str] = &[
        "you",
        "your",
        "aap",
        "aapke",
        "aapka",
        "aapki",
        "आप",
        "आपके",
        "आपका",
        "आपकी",
        "my",
        "mera",
        "meri",
        "mere",
    ];
    for back in 1..=5 {
        let Some(i) = e.w0.checked_sub(back) else {
            break;
        };
        if p.words[i].sentence != e.sentence {
            break;
        }
        let w = p.word_text(i);
        if YOU.iter().any(|y| w.eq_ignore_ascii_case(y)) {
            return false;
        }
        if OUR.iter().any(|o| w.eq_ignore_ascii_case(o)) {
            return true;
        }
    }
    false
}

/// "inquiries about Mr. David Ortiz": the person asked about is the subject, not the
/// press contact the role in the sentence names.
pub(super) fn asked_about(p: &Prepared<'_>, e: &Entity) -> bool {
    (e.w0.saturating_sub(2)..e.w0).any(|i| {
        p.word_is(
            i,
            &[
                "about",
                "regarding",
                "concerning",
                "re",
                "ke",
                "baare",
                "bare",
            ],
        )
    })
}

/// "Dr. Rahman joins us from Johns Hopkins", "trained at Tata Memorial": where a
/// clinician worked or trained is an institution, whatever its name looks like.
pub(super) fn former_workplace(p: &Prepared<'_>, e: &Entity) -> bool {
    e.w0 > 0
        && p.word_is(e.w0 - 1, &["from", "at"])
        && (e.w0.saturating_sub(5)..e.w0 - 1).any(|i| {
            p.word_is(
                i,
                &[
                    "joins",
                    "joined",
                    "joining",
                    "trained",
                    "training",
                    "worked",
                    "working",
                    "served",
                    "comes",
                    "came",
                    "moves",
                    "moved",
                    "fellowship",
                    "residency",
                    "graduated",
                    "graduate",
                    "practised",
                    "practiced",
                ],
            )
        })
}

/// "Chiefs tight end Marcus Bell stopped by to sign footballs": a public figure, named by
/// their role, visiting as the organisation's guest or at its ceremony, is not a patient.
pub(super) fn guest(p: &Prepared<'_>, e: &Entity, hits: &[crate::lexicon::Hit]) -> bool {
    // Offices and fame first: those alone count for a welcome or a ceremony ("star" and
    // "champion" are also what a ward calls its patients: "Welcome home, little champion").
    const ROLES: &[&str] = &[
        "mayor",
        "governor",
        "senator",
        "mla",
        "mp",
        "minister",
        "singer",
        "actor",
        "actress",
        "rapper",
        "cricketer",
        "author",
        "chef",
        "anchor",
        "end",
        "quarterback",
        "pitcher",
        "captain",
        "coach",
        "player",
        "star",
        "batsman",
        "bowler",
        "goalkeeper",
        "striker",
        "forward",
        "guard",
        "champion",
        "olympian",
        "rockstar",
        "legend",
    ];
    const OFFICES: &[&str] = ROLES.split_at(14).0;
    const VISITS: &[&str] = &[
        "stopped by",
        "dropped by",
        "came by",
        "paid a visit",
        "paid us a visit",
        "stopped in",
        "visited our",
        "surprised our",
        "toured our",
        "toured the",
    ];
    let role = (e.w0.saturating_sub(3)..e.w0).any(|i| p.word_is(i, ROLES));
    let after = p.norm[e.end..].trim_start().as_bytes();
    let visiting = VISITS
        .iter()
        .any(|v| after.len() >= v.len() && after[..v.len()].eq_ignore_ascii_case(v.as_bytes()));
    // The office may open the name itself ("Mayor Tom Reyes"); the sentence must say
    // nothing of care ("Governor Ellen Marsh, who cut the ribbon, began chemo here").
    let office = (e.w0.saturating_sub(3)..=e.w0).any(|i| p.word_is(i, OFFICES));
    // Care of their own close after the name ("Mayor Tom Reyes stopped by our ER for
    // stitches"), not a unit's name ("toured the new Pediatric Behavioral Health Pavilion")
    // nor another person's care further on ("…with our kids, including Ava, who finished
    // her chemo").
    let no_care = !hits.iter().any(|h| {
        let unit_name = p.word_text(h.w0).starts_with(char::is_uppercase)
            && (h.w1 + 1..=h.w1 + 2).any(|i| super::name_words::institution_tail(p.word_text(i)));
        h.sentence == e.sentence
            && crate::signals::ties::HEALTH.contains(&h.cue)
            && h.w0 > e.w1
            && h.w0 <= e.w1 + 8
            && !unit_name
    });
    // "Thank you, Mayor Tom Reyes, for cutting the ribbon…": a ceremony in the sentence.
    let hosted = (p.sentence_has_word(e.sentence, super::nouns::CEREMONY)
        || super::nouns::hosted(p, e.w0))
        && !p.norm[e.end..].starts_with("'s");
    (role || office) && visiting && no_care || office && no_care && hosted
}

/// Words that may stand between a staff title and the name it belongs to.
#[rustfmt::skip]
pub(super) const BETWEEN_TITLE_AND_NAME: &[&str] = &[
    "dr", "doctor", "mr", "mrs", "ms", "miss", "shri", "sri", "smt", "prof", "nurse", "sister",
    "श्री", "श्रीमती", "डॉ", "डॉ.", "सुश्री", "practitioner", "assistant", "specialist",
    "educator", "midwife", "navigator", "coordinator", "of", "nursing", "at",
];

/// "Tanya Brooks has greeted every patient at our clinic": a name that greets, treats or
/// serves the patients (actively, not "was treated") is one of us.
pub(super) fn serves_patients(p: &Prepared<'_>, e: &Entity) -> bool {
    const VERBS: &[&str] = &[
        "greeted", "greets", "welcomed", "welcomes", "served", "serves", "treated", "treats",
        "helped", "helps", "cared", "cares",
    ];
    let mut i = e.w1 + 1;
    if p.word_is(i, &["has", "had", "have"]) {
        i += 1;
    }
    p.word_is(i, VERBS)
        && (i + 1..=i + 3)
            .filter(|&j| j < p.words.len() && p.words[j].sentence == e.sentence)
            .any(|j| p.word_is(j, &["patient", "patients", "patient's", "patients'"]))
}
