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

/// A ceremony or tour a public figure performs ("cutting the ribbon on our new centre",
/// "toured the new pavilion"): the sentence is about the event, not about anyone's care.
pub(crate) const CEREMONY: &[&str] = &[
    "ribbon",
    "ribbon-cutting",
    "inauguration",
    "inaugurated",
    "inaugurate",
    "unveiled",
    "toured",
];

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
    // In the figure's own sentence, and not "welcome home" or "welcome back" (a patient's
    // homecoming).
    let sentence = p.words.get(w0).map(|w| w.sentence);
    (w0.saturating_sub(5)..w0).any(|i| {
        p.words[i].sentence == sentence.unwrap_or(usize::MAX)
            && p.word_is(i, HOSTING)
            && !p.word_is(i + 1, &["home", "back"])
    })
}

/// The public figure we welcomed or hosted is our guest, not a unique patient: their
/// title's hits as a unique person or an individual go, in the sentence that welcomes them
/// and where the text names them again doing a guest's things ("Privileged to host the
/// Health Minister … The Minister met our nurses").
pub(super) fn drop_hosted_guests(
    p: &crate::text::Prepared<'_>,
    hits: &mut Vec<crate::lexicon::Hit>,
) {
    use crate::lexicon::Cue;
    // Not "we welcomed the senator's grandson into the world": a relative of the figure,
    // or a birth, is somebody's care.
    const BIRTH: &[&str] = &["baby", "born", "birth", "delivered", "newborn", "world"];
    const GUEST_VERBS: &[&str] = &[
        "met",
        "meets",
        "visited",
        "toured",
        "opened",
        "inaugurated",
        "thanked",
        "addressed",
        "interacted",
        "greeted",
        "cut",
        "unveiled",
        "praised",
        "spoke",
    ];
    let cared = |h: &crate::lexicon::Hit| {
        p.norm[h.end..].starts_with("'s")
            || hits
                .iter()
                .any(|f| f.cue == Cue::FamilyMember && f.sentence == h.sentence)
            || p.sentence_has_word(h.sentence, BIRTH)
    };
    let hosted_at: Vec<(usize, String)> = hits
        .iter()
        .filter(|h| h.cue == Cue::Famous && hosted(p, h.w0) && !cared(h))
        .map(|h| (h.sentence, p.norm[h.start..h.end].to_lowercase()))
        .collect();
    if hosted_at.is_empty() {
        return;
    }
    let drop: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| matches!(h.cue, Cue::Famous | Cue::Unique | Cue::IndivAnchor) && !cared(h))
        .filter(|h| {
            let words: Vec<String> = (h.w0..=h.w1)
                .map(|i| p.word_text(i).to_lowercase())
                .collect();
            let text = words.join(" ");
            hosted_at.iter().any(|(s, g)| {
                (words.iter().any(|w| w == g) || g.contains(' ') && text.contains(g.as_str()))
                    && (*s == h.sentence
                        || (h.w1 + 1..=h.w1 + 2).any(|i| {
                            i < p.words.len()
                                && p.words[i].sentence == h.sentence
                                && p.word_is(i, GUEST_VERBS)
                        }))
            })
        })
        .map(|h| (h.start, h.end))
        .collect();
    hits.retain(|h| {
        !matches!(h.cue, Cue::Famous | Cue::Unique | Cue::IndivAnchor)
            || !drop.contains(&(h.start, h.end))
    });
}
