//! Which capitalised words are people, and which people are staff: corrections applied
//! after every name finder has run, before entities are classified.

use super::entities::{Entity, EntityKind};
use crate::text::Prepared;

/// Capitalised words that are not people after all: part of a street address ("4410
/// Briarwood Pkwy"), or a saint in an institution's name ("St. Vincent's", "Saint Mary's").
pub(super) fn drop_non_people(p: &Prepared<'_>, ents: &mut Vec<Entity>) {
    let addresses: Vec<(usize, usize)> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Address)
        .map(|e| (e.start, e.end))
        .collect();
    // Sentences that say "… is not a real patient/person": the names they mention are
    // characters wherever they appear ("Meet Sam, … Sam is not a real patient").
    let n = p.words.len();
    let unreal: Vec<usize> = (0..n.saturating_sub(2))
        .filter(|&i| {
            p.word_is(i, &["not"]) && p.word_is(i + 1, &["a"]) && p.word_is(i + 2, &["real"])
        })
        .map(|i| p.words[i].sentence)
        .collect();
    let named_unreal = |e: &Entity| {
        let first = p.word_text(e.w0);
        (0..n).any(|i| unreal.contains(&p.words[i].sentence) && p.word_text(i) == first)
    };
    ents.retain(|e| {
        if e.kind != EntityKind::Name {
            return true;
        }
        let in_address = addresses.iter().any(|&(s, x)| e.start < x && s < e.end);
        let before = p.norm[..e.start]
            .trim_end()
            .trim_end_matches('.')
            .rsplit(|c: char| !crate::text::is_word_char(c))
            .next()
            .unwrap_or("");
        let saint = ["st", "saint", "ste"]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w));
        // "Hartwell Cancer Institute": a capitalised run from the name that ends in an
        // institution word names the institution.
        // "the Harold and June Whitaker Imaging Pavilion": donors' names through "and".
        let mut last = e.w1;
        loop {
            let next = last + 1;
            let and = next + 1 < p.words.len()
                && p.word_is(next, &["and"])
                && super::names::is_cap(p.word_text(next + 1));
            // A comma or a dash ends the name: "Shree Sai Imaging, Station Road, Morena" is
            // an imaging centre, then its address.
            let joined = |a: usize, b: usize| {
                !p.norm[p.words[a].end..p.words[b].start].contains([',', ':', '-', '(', ')'])
            };
            if next < p.words.len()
                && p.words[next].sentence == e.sentence
                && super::names::is_cap(p.word_text(next))
                && joined(last, next)
            {
                last = next;
            } else if and && p.words[next + 1].sentence == e.sentence && joined(last, next) {
                last = next + 1;
            } else {
                break;
            }
        }
        let institution = last > e.w1 && super::name_words::institution_tail(p.word_text(last));
        let text = &p.norm[e.start..e.end];
        // "RNs", "CNAs": a plural of an acronym is a job title.
        let acronyms = text.len() <= 6
            && text
                .strip_suffix('s')
                .is_some_and(|a| a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase()));
        // "our Dayton and Kettering home-care teams": places naming a team or branch.
        let mut after = e.w1 + 1;
        while after + 1 < p.words.len()
            && p.word_text(after).eq_ignore_ascii_case("and")
            && super::names::is_cap(p.word_text(after + 1))
        {
            after += 2;
        }
        const UNITS: &[&str] = &[
            "team",
            "teams",
            "office",
            "offices",
            "location",
            "locations",
            "branch",
            "branches",
            "campus",
            "campuses",
            "site",
            "sites",
            "home-care",
            "region",
            "chapter",
            "outlet",
        ];
        let unit = !text.ends_with("'s")
            && after < p.words.len()
            && p.words[after].sentence == e.sentence
            && p.word_is(after, UNITS);
        // "Meet Sam, a cartoon character … Sam is not a real patient": nobody real.
        const FICTION: &[&str] = &[
            "cartoon",
            "fictional",
            "animated",
            "mascot",
            "hypothetical",
            "imaginary",
            "kaalpanik",
            "काल्पनिक",
        ];
        let fiction =
            p.sentence_has_word(e.sentence, FICTION) || !unreal.is_empty() && named_unreal(e);
        !in_address && !saint && !institution && !acronyms && !unit && !fiction
    });
}

/// A first or last name repeated from a staff member's full name ("Dr. Aaliyah Brooks …
/// Aaliyah leads our clinic") is the same staff member.
pub(super) fn same_as_staff(p: &Prepared<'_>, ents: &mut [Entity]) {
    let staff: Vec<(String, Option<bool>)> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Name && e.staff)
        .map(|e| (p.norm[e.start..e.end].to_lowercase(), e.staff_consent))
        .collect();
    if staff.is_empty() {
        return;
    }
    for e in ents
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Name && !e.staff)
    {
        let text = p.norm[e.start..e.end].to_lowercase();
        let found = staff.iter().find(|(full, _)| {
            full.split_whitespace().count() > 1
                && text
                    .split_whitespace()
                    .all(|w| w.chars().count() >= 3 && full.split_whitespace().any(|f| f == w))
        });
        if let Some((_, consent)) = found {
            e.staff = true;
            e.staff_consent = *consent;
        }
    }
}
