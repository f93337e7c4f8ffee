//! Whose an entity is: the organisation's (its phone numbers, addresses, handles, opening
//! hours, an offer's deadline), a staff member's, a public observance's, or possibly a
//! patient's. Only the last is ever reported as patient information.

use super::entities::{Entity, EntityKind};
use crate::lexicon::{Cue, Hit};
use crate::org::OrgPolicy;
use crate::text::Prepared;

use super::owners_words::{
    asked_about, digits, former_workplace, guest, our_before, serves_patients,
    BETWEEN_TITLE_AND_NAME,
};

/// Mark entities that belong to the organisation, its staff, or an observance.
pub fn classify(p: &Prepared<'_>, hits: &[Hit], org: &OrgPolicy, ents: &mut [Entity]) {
    let org_phones = org.phone_digits();
    // "Dr. Heller, Tanya from Broken Arrow": a comma between separates the title's person
    // from the next one.
    let hit_near = |c: Cue, e: &Entity, before: usize, after: usize| {
        hits.iter().any(|h| {
            h.cue == c
                && h.sentence == e.sentence
                && h.w1 + before >= e.w0
                && h.w0 <= e.w1 + after
                && !(h.start >= e.start && h.end <= e.end)
                && !(c == Cue::StaffTitle
                    && h.end <= e.start
                    && (p.norm[h.end..e.start].contains(',')
                        // "our PA saw Maria Lopez", "प्रवक्ता ने रमेश शर्मा…": a verb or a
                        // postposition between makes the name someone else; only a
                        // title may stand there ("our cardiologist Dr. Rao").
                        || (h.w1 + 1..e.w0).any(|i| {
                            let w = p.word_text(i);
                            // An initial is a letter or two with its full stop ("R. K.",
                                // "आर. के."), never a postposition ("ने", "को").
                            let initial = w.chars().count() <= 2
                                && p.norm[p.words[i].end..].starts_with('.')
                                && w.starts_with(|c: char| {
                                    c.is_ascii_uppercase() || crate::text::is_devanagari(c)
                                });
                            !initial && !p.word_is(i, BETWEEN_TITLE_AND_NAME)
                        })))
        })
    };
    // Where contact details start, by word: "call Renée at (614) 555-0172".
    let contacts: Vec<usize> = ents
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Phone | EntityKind::Email))
        .map(|e| e.w0)
        .collect();
    for e in ents.iter_mut() {
        let text = &p.norm[e.start..e.end];
        let our_before = our_before(p, e);
        match e.kind {
            EntityKind::Name => {
                let lower = text.to_lowercase();
                if let Some(m) = org.staff.iter().find(|m| {
                    let n = m.name.to_lowercase();
                    !n.is_empty() && (lower.contains(&n) || n.contains(lower.trim()))
                }) {
                    e.staff = true;
                    e.staff_consent = Some(m.consent);
                }
                // "Dr. Rao", "Nurse Kelly", "Samuel Reyes, MD", "our cardiologist Dr. X",
                // "Sister Lalitha Nair, who joins our ICU as nursing supervisor".
                const TITLES: &[&str] = &["Sister", "Matron", "Nurse", "Sr.", "Sr", "Brother"];
                let titled = text
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| TITLES.contains(&w))
                    || e.w0 > 0 && TITLES.contains(&p.word_text(e.w0 - 1).trim_end_matches('.'));
                // The title may be inside the detector's span: "said CEO Lynn Park".
                let title_inside = hits
                    .iter()
                    .any(|h| h.cue == Cue::StaffTitle && h.start == e.start && h.end < e.end);
                // "Meet Rosa Delgado, our lab lead": "X, our …" names one of us, unless
                // the apposition is "our patient".
                // Read by words, never by copying the rest of the text for each name.
                let next = e.w1 + 1;
                let ours_apposed = next < p.words.len()
                    && p.norm[e.end..p.words[next].start].trim() == ","
                    && p.word_is(next, &["our", "hamare", "hamari", "humare", "humari"])
                    && !(next + 1..(next + 7).min(p.words.len())).any(|i| {
                        let w = p.word_text(i).to_ascii_lowercase();
                        ["patient", "mareez", "client"]
                            .iter()
                            .any(|x| w.starts_with(x))
                    });
                // "Please call Renée at (614) 555-0172": the person to call is ours.
                let to_call = e.w0 > 0
                    && p.word_is(e.w0 - 1, &["call", "contact", "reach", "text", "email"])
                    && p.word_is(e.w1 + 1, &["at", "on", "par"])
                    && contacts.iter().any(|&c| c > e.w1 && c <= e.w1 + 3);
                // "Maria at the front desk", "Sunil from billing": a name with its desk.
                let at_desk = p.word_is(e.w1 + 1, &["at", "from", "in", "on"])
                    && (e.w1 + 2..=e.w1 + 4).any(|i| {
                        p.word_is(
                            i,
                            &[
                                "desk",
                                "reception",
                                "check-in",
                                "checkin",
                                "billing",
                                "registration",
                            ],
                        )
                    });
                if titled
                    || to_call
                    || at_desk
                    || serves_patients(p, e)
                    || ours_apposed
                    || title_inside
                    || hit_near(Cue::StaffTitle, e, 2, 0)
                    || hits
                        .iter()
                        .any(|h| h.cue == Cue::StaffRole && h.sentence == e.sentence)
                        && !asked_about(p, e)
                    || hits.iter().any(|h| {
                        h.cue == Cue::StaffTitle
                            && h.sentence == e.sentence
                            && h.w0 > e.w1
                            && h.w0 <= e.w1 + 3
                            && p.norm[e.end..h.start].trim_start().starts_with([',', '('])
                    })
                {
                    e.staff = true;
                }
                // "vote for my friend Greg Larson for County Commissioner": a candidate is
                // a public figure, not a patient.
                let candidate = hits.iter().any(|h| {
                    h.cue == Cue::Political
                        && h.sentence == e.sentence
                        && h.w1 < e.w0
                        && e.w0 <= h.w1 + 4
                });
                if guest(p, e, hits) || candidate || former_workplace(p, e) {
                    e.org = true;
                }
                // "National Blood Donor Month": words of an observance's name.
                e.observance = hits
                    .iter()
                    .any(|h| h.cue == Cue::Observance && h.start <= e.start && h.end >= e.end);
            }
            EntityKind::Phone => {
                let d = digits(text);
                let ours = org_phones
                    .iter()
                    .any(|o| d.len() >= 7 && (o.ends_with(&d) || d.ends_with(o.as_str())));
                // "The number on Google, (512) 555-0117, keeps going to voicemail": a listed
                // number is the clinic's, whoever quotes it.
                let listed = (e.w0.saturating_sub(6)..e.w0).any(|i| {
                    p.word_is(
                        i,
                        &[
                            "google",
                            "website",
                            "listed",
                            "clinic's",
                            "hospital's",
                            "justdial",
                        ],
                    )
                });
                // "call our patient advocate at 555-0162": a call-to-action a few words before.
                if ours
                    || listed
                    || our_before
                    || hit_near(Cue::OrgContact, e, 6, 0)
                    || hit_near(Cue::OrgContact, e, 0, 2)
                {
                    e.org = true;
                }
            }
            EntityKind::Email | EntityKind::Url | EntityKind::Handle => {
                let lower = text.to_lowercase();
                let ours = org.emails.iter().any(|x| x.eq_ignore_ascii_case(&lower))
                    || org.handles.iter().any(|x| {
                        x.trim_start_matches('@')
                            .eq_ignore_ascii_case(lower.trim_start_matches('@'))
                    })
                    || org
                        .domains
                        .iter()
                        .any(|d| !d.is_empty() && lower.contains(&d.to_lowercase()));
                // A business-domain address in our own outbound text is ours; patients use
                // free-mail providers.
                const FREE_MAIL: &[&str] = &[
                    "gmail.",
                    "yahoo.",
                    "hotmail.",
                    "outlook.",
                    "live.",
                    "aol.",
                    "icloud.",
                    "proton",
                    "rediffmail.",
                    "ymail.",
                    "msn.",
                    "mail.com",
                ];
                let business =
                    e.kind == EntityKind::Email && !FREE_MAIL.iter().any(|f| lower.contains(f));
                // "@VidishaSamachar", "@TOIIndiaNews": a news outlet's account, the
                // journalist a statement answers, is nobody's health record.
                const PRESS: &[&str] = &[
                    "news", "samachar", "khabar", "times", "tribune", "herald", "express",
                    "gazette", "reporter", "dainik", "newsroom", "patrika", "bhaskar",
                ];
                let press = e.kind == EntityKind::Handle && PRESS.iter().any(|w| lower.contains(w));
                if ours
                    || business
                    || press
                    || e.kind == EntityKind::Email && hit_near(Cue::OrgContact, e, 4, 0)
                {
                    e.org = true;
                }
            }
            // "World Health Day, 7 April": the date belongs to the observance.
            EntityKind::Date | EntityKind::Time => {
                e.observance = hit_near(Cue::Observance, e, 8, 8);
                // "Book by May 31 for 20% off", "vote on November 4": the offer's deadline or
                // the election's date, not anyone's visit.
                let in_sentence = |cues: &[Cue]| {
                    hits.iter()
                        .any(|h| h.sentence == e.sentence && cues.contains(&h.cue))
                };
                let deadline = e.w0 > 0
                    && ["by", "until", "till", "thru", "through", "before"]
                        .iter()
                        .any(|w| p.word_text(e.w0 - 1).eq_ignore_ascii_case(w));
                // "Tune in Tuesday at 7:40 am": when a broadcast airs, not a visit.
                const BROADCAST: &[&str] = &[
                    "tune",
                    "airs",
                    "airing",
                    "broadcast",
                    "livestream",
                    "webinar",
                    "podcast",
                    "episode",
                    "telecast",
                ];
                if deadline && in_sentence(&[Cue::Reward, Cue::SoftPromo])
                    || in_sentence(&[Cue::Political])
                    || p.sentence_has_word(e.sentence, BROADCAST)
                {
                    e.org = true;
                }
                // "9am–5pm", "subah 10 se 4 baje": a range of times is opening hours.
                if e.kind == EntityKind::Time && super::hours::in_time_range(p, e.start, e.end) {
                    e.org = true;
                }
                // "weekdays 8–5", "daily 9-6": hours, not a day of the year.
                let hours_word = e.w0 > 0
                    && p.word_is(
                        e.w0 - 1,
                        &[
                            "weekdays", "weekends", "daily", "hours", "timings", "open", "roz",
                        ],
                    );
                if hours_word && text.contains(['-', '–']) {
                    e.org = true;
                }
            }
            EntityKind::Place | EntityKind::Address => {
                let lower = text.to_lowercase();
                let ours = org.addresses.iter().any(|a| {
                    let a = a.to_lowercase();
                    !a.is_empty() && (a.contains(&lower) || lower.contains(&a))
                });
                let our_word = e.w0 > 0 && {
                    let prev = p.word_text(e.w0 - 1);
                    let prev2 = if e.w0 > 1 { p.word_text(e.w0 - 2) } else { "" };
                    ["our", "at", "visit"]
                        .iter()
                        .any(|w| prev.eq_ignore_ascii_case(w))
                        && (prev.eq_ignore_ascii_case("our") || prev2.eq_ignore_ascii_case("our"))
                };
                // "… opens the Whitaker Imaging Pavilion on Monday at 4400 Canal Street": a
                // facility's address, the facility named before it in the sentence.
                let facility = e.kind == EntityKind::Address
                    && (0..e.w0)
                        .rev()
                        .take_while(|&i| p.words[i].sentence == e.sentence)
                        .any(|i| {
                            super::name_words::institution_tail(p.word_text(i))
                                && !p.word_is(i, &["care", "family", "high", "school"])
                        });
                // "Saturday hours start at Elm Street", "our new branch opens at MG Road":
                // where opening hours are, not where someone lives.
                let opening_at = e.w0 > 0
                    && p.word_is(e.w0 - 1, &["at", "on", "par"])
                    && (0..e.w0)
                        .rev()
                        .take_while(|&i| p.words[i].sentence == e.sentence)
                        .any(|i| {
                            p.word_is(
                                i,
                                &[
                                    "hours", "open", "opens", "opening", "timings", "branch",
                                    "location", "office", "clinic", "camp",
                                ],
                            )
                        });
                // "the Elm Street team", "the MG Road branch": a site of ours, named by its
                // street.
                let site = p.word_is(
                    e.w1 + 1,
                    &[
                        "team", "er", "clinic", "office", "location", "branch", "campus", "staff",
                        "site", "centre", "center",
                    ],
                ) && e.w0 > 0
                    && p.word_is(e.w0 - 1, &["the", "our", "your"]);
                if ours || our_word || our_before || facility || opening_at || site {
                    e.org = true;
                }
            }
            _ => {}
        }
    }
    // "Please welcome Priya Raman, RN … Priya brings 14 years…": a later mention of one of
    // our staff by a part of the name is the same person.
    let staff_words: Vec<(String, Option<bool>)> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Name && e.staff)
        .flat_map(|e| {
            p.norm[e.start..e.end]
                .split_whitespace()
                .filter(|w| w.chars().count() >= 3 && !w.ends_with('.'))
                .map(|w| (w.to_lowercase(), e.staff_consent))
                .collect::<Vec<_>>()
        })
        .collect();
    if !staff_words.is_empty() {
        for e in ents
            .iter_mut()
            .filter(|e| e.kind == EntityKind::Name && !e.staff)
        {
            let lower = p.norm[e.start..e.end].trim_end_matches("'s").to_lowercase();
            if let Some((_, consent)) = staff_words.iter().find(|(w, _)| *w == lower) {
                e.staff = true;
                e.staff_consent = e.staff_consent.or(*consent);
            }
        }
    }
    // "ABHA address (jaise naam@abdm)", "e.g. 1234-5678": a format shown as an example.
    // The last one or two whole words before it decide ("Call Greg 555-0134" is no "eg").
    for e in ents.iter_mut().filter(|e| {
        matches!(
            e.kind,
            EntityKind::Id | EntityKind::Email | EntityKind::Handle | EntityKind::Phone
        )
    }) {
        let (w1, w2) = (p.word_before(e.w0), p.word_before(e.w0.saturating_sub(1)));
        let pair = |a: &str, b: &str| w2.eq_ignore_ascii_case(a) && w1.eq_ignore_ascii_case(b);
        if e.w0 > 0 && p.word_is(e.w0 - 1, &["jaise", "eg", "example", "जैसे", "like"])
            || pair("e", "g")
            || pair("for", "example")
            || pair("such", "as")
        {
            e.org = true;
        }
    }
    // "Dr. Ananya Kulkarni, MMC Reg. No. 2011/04/1873": a doctor's public registration.
    let staff_sentences: Vec<usize> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Name && e.staff)
        .map(|e| e.sentence)
        .collect();
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Id) {
        let registration = (e.w0.saturating_sub(4)..e.w0)
            .any(|i| p.word_is(i, &["reg", "registration", "licence", "license", "npi"]));
        // ("Reg." may end a sentence for the splitter.)
        if registration && staff_sentences.iter().any(|&s| s.abs_diff(e.sentence) <= 2) {
            e.org = true;
        }
    }
    super::people::same_as_staff(p, ents);
    // The detector may read our own number as an ID too ("patient advocate at 555-0162").
    let org_phones: Vec<(usize, usize)> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Phone && e.org)
        .map(|e| (e.start, e.end))
        .collect();
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Id) {
        if org_phones.iter().any(|&(s, x)| s < e.end && e.start < x) {
            e.org = true;
        }
    }
}
