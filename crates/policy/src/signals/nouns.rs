//! Word shapes the pair rules read: medicine nouns ("pain pills" are pills) and ages
//! written as one word ("9-month-old").

/// What one takes or throws away: "pain pills" are pills ("get rid of leftover pain pills"
/// is disposal, not a cure).
pub(crate) const MED_NOUNS: &[&str] = &[
    "pills",
    "pill",
    "tablets",
    "medicine",
    "medicines",
    "meds",
    "medication",
    "medications",
    "drugs",
    "goli",
    "goliyan",
];

/// "9-month-old", "34-year-old", "2-week-old": an age written as one word.
pub(super) fn age_noun(w: &str) -> bool {
    let mut parts = w.split('-');
    let (Some(n), Some(unit), Some(old), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !n.is_empty()
        && n.len() <= 3
        && n.bytes().all(|b| b.is_ascii_digit())
        && old.eq_ignore_ascii_case("old")
        && ["day", "week", "month", "year"]
            .iter()
            .any(|u| unit.eq_ignore_ascii_case(u))
}
