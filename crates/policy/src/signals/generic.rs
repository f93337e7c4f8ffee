//! Health and visit words too general to say anything about one person on their own.

/// Words too general to suggest a specific person's care on their own.
const GENERIC_HEALTH: &[&str] = &[
    "medication",
    "medications",
    "medicine",
    "medicines",
    "meds",
    "pills",
    "tablets",
    "tablet",
    "treatment",
    "treated",
    "therapy",
    "condition",
    "disease",
    "illness",
    "symptoms",
    "diagnosis",
    "results",
    "result",
    "report",
    "reports",
    "procedure",
    "surgery",
    "scan",
    "scans",
    "injection",
    "vaccination",
    "vaccine",
    "vaccines",
    "admitted",
    "discharged",
    "दवा",
    "दवाई",
    "इलाज",
    "ilaj",
    "ilaaj",
    "dawa",
    "dawai",
];

/// A word too general to say anything about a person's health ("treatment", "ilaj").
pub fn generic_health(w: &str) -> bool {
    GENERIC_HEALTH
        .iter()
        .any(|g| g.len() == w.len() && g.eq_ignore_ascii_case(w))
}

/// Visit words that confirm a visit without saying anything about it; with a date, a
/// time or a count they become visit details.
#[rustfmt::skip]
const GENERIC_VISIT: &[&str] = &[
    "visit", "visits", "appointment", "appointments", "consultation", "session", "sessions",
    "check-up", "checkup", "follow-up", "came in", "visited", "visiting", "came", "stopped by",
    "wait",
    "अपॉइंटमेंट", "विजिट",
];

pub(super) fn generic_visit(w: &str) -> bool {
    GENERIC_VISIT
        .iter()
        .any(|g| g.len() == w.len() && g.eq_ignore_ascii_case(w))
}
