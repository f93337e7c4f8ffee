//! Care words that are not anyone's care: our own services ("our oncology desk"), the
//! patient-relations desk, invitations to a first visit, a department's number, the harm
//! an event did, an insurance plan.

use super::Signals;
use crate::lexicon::{Cue, Hit};

/// "Aap hamare psychiatry OPD mein aa sakti hain", "you can reach our oncology desk": a
/// health word right after "our" names our service, not the addressee's condition.
pub(crate) fn ours(sig: &Signals<'_>, c: &Hit) -> bool {
    const OUR: &[&str] = &[
        "our",
        "hamare",
        "humare",
        "hamara",
        "humara",
        "hamari",
        "humari",
        "हमारे",
        "हमारा",
        "हमारी",
    ];
    (1..=2).any(|d| {
        c.w0 >= d
            && sig.p.words[c.w0 - d].sentence == c.sentence
            && OUR
                .iter()
                .any(|w| w.eq_ignore_ascii_case(sig.p.word_text(c.w0 - d)))
    })
}

/// "our patient relations team", "the patient portal": a department, not a person.
pub(crate) fn department(sig: &Signals<'_>, h: &Hit) -> bool {
    const DEPARTMENTS: &[&str] = &[
        "relations",
        "desk",
        "helpdesk",
        "care",
        "portal",
        "services",
        "experience",
        "advocate",
        "advocacy",
        "line",
        "coordinator",
        "navigator",
        "safety",
        "satisfaction",
        "feedback",
        "support",
        "financial",
        "access",
        "information",
        "education",
        "rights",
        "lounge",
        "parking",
        "family",
        "app",
        "application",
        "login",
        "helpline",
        "registration",
        "card",
    ];
    let t = sig.text(h.start, h.end).to_ascii_lowercase();
    // The next word, whether after a space or a hyphen ("patient-relations desk").
    let next = sig.p.norm[h.end..]
        .trim_start_matches([' ', '-'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    t.ends_with("patient") && DEPARTMENTS.contains(&next.as_str())
}

/// "DM us to book your consult": an invitation to a first visit, not a visit on record
/// ("schedule your follow-up" still presumes one). "Hum aapko OPD ka number bhej denge":
/// a department's number sent to the person, not their care.
pub(super) fn invitation(sig: &Signals<'_>, your: &Hit, c: &Hit) -> bool {
    let booked = your.w0 > 0
        && c.w0 == your.w1 + 1
        && sig.p.word_is(
            your.w0 - 1,
            &["book", "schedule", "request", "reserve", "claim"],
        )
        && sig.p.word_is(
            c.w0,
            &[
                "consult",
                "consultation",
                "appointment",
                "visit",
                "slot",
                "check-up",
                "checkup",
            ],
        );
    booked || contact_of(sig, c)
}

/// "injured in Tuesday's crash": what the event did to someone, not yet their care.
pub(crate) fn hurt_word(w: &str) -> bool {
    ["injured", "hurt", "wounded", "घायल", "ghayal"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

/// "OPD ka number", "ward timings": the care word names where to call, not anyone's care.
pub(crate) fn contact_of(sig: &Signals<'_>, c: &Hit) -> bool {
    const CONTACT: &[&str] = &[
        "number", "timings", "timing", "phone", "helpline", "address",
    ];
    let linked = sig
        .p
        .word_is(c.w1 + 1, &["ka", "ki", "ke", "का", "की", "के"]);
    sig.p.word_is(c.w1 + 1, CONTACT) || linked && sig.p.word_is(c.w1 + 2, CONTACT)
}

/// "we accept Medicare Advantage … our billing team can check your specific plan": the
/// plan of a text about insurance is a policy, not a care plan.
pub(super) fn insurance_plan(sig: &Signals<'_>, c: &Hit) -> bool {
    let w = sig.text(c.start, c.end);
    (w.eq_ignore_ascii_case("plan") || w.eq_ignore_ascii_case("plans"))
        && c.w0 > 0
        && !sig.p.word_is(
            c.w0 - 1,
            &["treatment", "care", "diet", "birth", "meal", "exercise"],
        )
        && sig.of(Cue::Fin).any(|f| {
            let fw = sig.text(f.start, f.end).to_ascii_lowercase();
            [
                "medicare",
                "medicaid",
                "insurance",
                "insurer",
                "coverage",
                "tpa",
                "cghs",
                "ayushman",
            ]
            .iter()
            .any(|x| fw.contains(x))
        })
}

/// "हमने आपको निजी संदेश भेजा है", "हमने आपका फीडबैक टीम तक पहुँचाया": a Hindi "we … you"
/// about a message or feedback, not about care.
pub(crate) fn messaging(sig: &Signals<'_>, h: &Hit) -> bool {
    const ABOUT: &[&str] = &[
        "संदेश",
        "मैसेज",
        "मेसेज",
        "message",
        "dm",
        "ईमेल",
        "email",
        "कॉल",
        "call",
        "फीडबैक",
        "feedback",
        "प्रतिक्रिया",
        "सुझाव",
        "जवाब",
        "नंबर",
        "number",
        "रिव्यू",
        "review",
    ];
    sig.text(h.start, h.end).starts_with("हमने आप")
        && (h.w1 + 1..=h.w1 + 3).any(|i| sig.p.word_is(i, ABOUT))
}
