//! Word shapes the pair rules read: medicine nouns ("pain pills" are pills), ages
//! written as one word ("9-month-old"), and a guest's welcome ("Honored to welcome
//! Senator Ellen Marsh").

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

/// "Honored to welcome Senator Ellen Marsh", "Privileged to host the Hon'ble Health
/// Minister": the word at `w0` follows a welcome or a hosting, within five words.
pub(crate) fn hosted(p: &crate::text::Prepared<'_>, w0: usize) -> bool {
    const HOSTING: &[&str] = &[
        "welcome",
        "welcomed",
        "welcoming",
        "host",
        "hosted",
        "hosting",
        "swagat",
        "स्वागत",
    ];
    (w0.saturating_sub(5)..w0).any(|i| p.word_is(i, HOSTING))
}

/// The public figure we welcomed or hosted is our guest, not a unique patient, wherever
/// the text names them again ("Privileged to host the Health Minister … The Minister met
/// our nurses"): their title's hits as a unique person or an individual go.
pub(super) fn drop_hosted_guests(
    p: &crate::text::Prepared<'_>,
    hits: &mut Vec<crate::lexicon::Hit>,
) {
    use crate::lexicon::Cue;
    // Not "we welcomed the senator's grandson into the world": a relative of the figure,
    // or a birth, is somebody's care.
    const BIRTH: &[&str] = &["baby", "born", "birth", "delivered", "newborn", "world"];
    let guests: Vec<String> = hits
        .iter()
        .filter(|h| h.cue == Cue::Famous && hosted(p, h.w0))
        .filter(|h| {
            !p.norm[h.end..].starts_with("'s")
                && !hits
                    .iter()
                    .any(|f| f.cue == Cue::FamilyMember && f.sentence == h.sentence)
                && !p.sentence_has_word(h.sentence, BIRTH)
        })
        .map(|h| p.norm[h.start..h.end].to_lowercase())
        .collect();
    if guests.is_empty() {
        return;
    }
    hits.retain(|h| {
        !matches!(h.cue, Cue::Famous | Cue::Unique | Cue::IndivAnchor)
            || !guests
                .iter()
                .any(|g| p.norm[h.start..h.end].to_lowercase().contains(g.as_str()))
    });
}
