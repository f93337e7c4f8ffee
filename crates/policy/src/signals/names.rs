//! Person-name heuristics for the shapes that matter in healthcare social posts: honorifics
//! ("Mrs. Kamala Devi", "Smt. Rekha", "Sunita ji", "श्री रमेश"), greetings ("Hi Dana,"),
//! full names in running text ("Dorothy Jenkins", "Rahul S."), and names followed by an age
//! ("Dorothy Jenkins, 82"). The phi detector's PERSON findings are added on top.

use super::entities::{Entity, EntityKind};
use super::name_words::{in_list, not_name, place_word, DEVA_TITLES, GREETINGS, HONORIFICS};
use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

pub(super) fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && cs.clone().any(|c| c.is_lowercase())
        || w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
}

fn is_deva(w: &str) -> bool {
    w.chars().next().is_some_and(crate::text::is_devanagari)
}

/// Cues that name things, not people: a word our lexicons know as a drug, a procedure or
/// a product ("Medication Guide", "Botox Cosmetic") is not part of a name.
const THING_CUES: &[Cue] = &[
    Cue::Condition,
    Cue::Procedure,
    Cue::Medication,
    Cue::TestResult,
    Cue::RxBrand,
    Cue::ProductWord,
    Cue::Observance,
    Cue::ProNoun,
    Cue::RiskInfo,
];

pub fn find_names(p: &Prepared<'_>, hits: &[Hit], out: &mut Vec<Entity>) {
    let n = p.words.len();
    let word = |i: usize| p.word_text(i);
    let mut thing = vec![false; n];
    for h in hits.iter().filter(|h| THING_CUES.contains(&h.cue)) {
        for t in thing.iter_mut().take(h.w1 + 1).skip(h.w0) {
            *t = true;
        }
    }
    // Every shape below starts at or just before a capitalised or Devanagari word.
    let marked: Vec<bool> = (0..n)
        .map(|k| is_cap(word(k)) || is_deva(word(k)))
        .collect();
    // Only marked words are ever asked about; answer each once.
    let not_names: Vec<bool> = (0..n)
        .map(|k| marked[k] && (thing[k] || not_name(word(k))))
        .collect();
    let bad = |i: usize| not_names.get(i).copied().unwrap_or(false);
    let next_marked = |i: usize| marked.get(i + 1).copied().unwrap_or(false);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !marked[i] && !marked.get(i + 1).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let w = word(i);
        let sent_start = i == 0 || p.words[i - 1].sentence != p.words[i].sentence;
        // Honorific + name: "Mrs. Kamala Devi", "Smt Rekha", "श्री रमेश".
        // "MS, Vascular Surgery" is a degree: an honorific runs straight into its name.
        let hon = next_marked(i)
            && w.len() <= 8
            && in_list(HONORIFICS, w)
            && i + 1 < n
            && matches!(
                &p.norm[p.words[i].end..p.words[i + 1].start],
                " " | ". " | "."
            );
        if hon
            && i + 1 < n
            && (p.words[i + 1].sentence == p.words[i].sentence
                || p.norm[p.words[i].end..].starts_with(". "))
        {
            let j = i + 1;
            let nw = word(j);
            if (is_cap(nw) && !bad(j)) || is_deva(nw) {
                // "Dr. Heller, Tanya from…": a comma ends the name.
                let mut k = j;
                // "डॉ. आर. के. शर्मा": Devanagari initials run on into the surname.
                let deva_initial = |k: usize| {
                    !bad(k + 1)
                        && is_deva(word(k))
                        && word(k).chars().count() <= 2
                        && is_deva(word(k + 1))
                        && matches!(&p.norm[p.words[k].end..p.words[k + 1].start], ". " | ".")
                };
                while k + 1 < n
                    && (is_cap(word(k + 1))
                        && !bad(k + 1)
                        && &p.norm[p.words[k].end..p.words[k + 1].start] == " "
                        || deva_initial(k))
                    && k < j + 2
                {
                    k += 1;
                }
                spans.push((j, k));
                i = k + 1;
                continue;
            }
        }
        // Greeting + name at the start of a sentence: "Hi Dana,", "Dear Mr Rao".
        // ("Namaste! Garbh mein…": the greeting is a sentence of its own.)
        if sent_start
            && next_marked(i)
            && in_list(GREETINGS, w)
            && i + 1 < n
            && p.words[i + 1].sentence == p.words[i].sentence
        {
            let nw = word(i + 1);
            if is_cap(nw) && !bad(i + 1) && !in_list(HONORIFICS, nw) {
                let mut k = i + 1;
                if k + 1 < n
                    && p.words[k + 1].sentence == p.words[k].sentence
                    && is_cap(word(k + 1))
                    && !bad(k + 1)
                {
                    k += 1;
                }
                spans.push((i + 1, k));
                i = k + 1;
                continue;
            }
        }
        // "Sharma parivar", "the Reyes family": a household is identified by its name.
        if i + 1 < n
            && p.words[i + 1].sentence == p.words[i].sentence
            && ["family", "parivar", "परिवार"].contains(&word(i + 1))
            && (is_cap(w) && !bad(i) || is_deva(w) && !bad(i))
        {
            spans.push((i, i));
            i += 2;
            continue;
        }
        // "Sunita ji", "Ramesh जी" (not "मधुमेह के साथ जी रहे हैं", living with it).
        let living =
            || ["रहे", "रही", "रहा", "सकते", "सकती", "सकें", "पाते", "लेते"].contains(&word(i + 2));
        // "Sharma uncle", "Meena aunty", "Raju bhaiya": a name with a kin word of respect.
        // ("Dadi Nani ke nuskhe", "Police uncle", "Collector Sahab": no name before it.)
        const KIN: &[&str] = &[
            "ji", "uncle", "aunty", "auntie", "bhaiya", "didi", "bhabhi", "sahab", "saheb",
        ];
        const NOT_BEFORE_KIN: &[&str] = &[
            "dadi",
            "nani",
            "dada",
            "nana",
            "chacha",
            "chachi",
            "mama",
            "mami",
            "bua",
            "mausi",
            "police",
            "collector",
            "doctor",
            "daktar",
            "master",
            "teacher",
            "driver",
            "guard",
        ];
        if i + 1 < n
            && (in_list(KIN, word(i + 1)) && !in_list(NOT_BEFORE_KIN, w) || word(i + 1) == "जी")
            && (is_cap(w) || is_deva(w))
            && !bad(i)
            && !living()
        {
            spans.push((i, i));
            i += 2;
            continue;
        }
        // Two or three capitalised words in running text: "Dorothy Jenkins", "Rahul S.".
        if !sent_start && is_cap(w) && !bad(i) && w.chars().count() > 1 && i + 1 < n {
            let nw = word(i + 1);
            let adjacent = |a: usize| &p.norm[p.words[a].end..p.words[a + 1].start] == " ";
            if p.words[i + 1].sentence == p.words[i].sentence
                && is_cap(nw)
                && !bad(i + 1)
                && adjacent(i)
            {
                let mut k = i + 1;
                if k + 1 < n && is_cap(word(k + 1)) && !bad(k + 1) && adjacent(k) {
                    k += 1;
                }
                spans.push((i, k));
                i = k + 1;
                continue;
            }
        }
        // "Big thanks to Rohan for…", "Meet Priya,": a lone capitalised word after a word
        // that introduces a person.
        if !sent_start && is_cap(w) && !bad(i) && w.chars().count() > 2 && i > 0 {
            const INTRO: &[&str] = &[
                "to",
                "meet",
                "welcome",
                "thanks",
                "congratulations",
                "congrats",
                "with",
                "by",
                "for",
                "patient",
                "mareez",
            ];
            let prev = word(i - 1).to_lowercase();
            let next_org = i + 1 < n && is_cap(word(i + 1));
            if INTRO.contains(&prev.as_str()) && !next_org {
                spans.push((i, i));
                i += 1;
                continue;
            }
        }
        // Vocative at the end of a clause: "Congrats on finishing chemo, Linda!", "so happy
        // the new uppers feel right, Faith — no more glue".
        if is_cap(w) && !bad(i) && !sent_start && w.chars().count() > 2 {
            let before = &p.norm[..p.words[i].start];
            let after = p.norm[p.words[i].end..].trim_start();
            if before.trim_end().ends_with(',') && after.starts_with(['!', '?', '.', '—', '–'])
            {
                spans.push((i, i));
                i += 1;
                continue;
            }
        }
        // Devanagari after a title or "patient": "मरीज सुनीता देवी", "श्री रमेश".
        if is_deva(w) && i > 0 && DEVA_TITLES.contains(&word(i - 1)) && !bad(i) {
            let next_ok = i + 1 < n
                && p.words[i + 1].sentence == p.words[i].sentence
                && is_deva(word(i + 1))
                && !["की", "का", "के", "ने", "को"].contains(&word(i + 1));
            let k = if next_ok { i + 1 } else { i };
            spans.push((i, k));
            i = k + 1;
            continue;
        }
        // "Aarav (4)": a capitalised word followed by an age in brackets.
        if (is_cap(w) && !bad(i) || is_deva(w)) && w.chars().count() > 2 {
            let rest = &p.norm[p.words[i].end..];
            if let Some(r) = rest.strip_prefix(" (") {
                let d = r.bytes().take_while(u8::is_ascii_digit).count();
                if (1..=3).contains(&d) && r[d..].starts_with(')') {
                    spans.push((i, i));
                    i += 1;
                    continue;
                }
            }
        }
        // A capitalised word followed by ", 82," is a name with an age.
        if is_cap(w) && !bad(i) && !sent_start {
            let rest = &p.norm[p.words[i].end..];
            let digits = rest
                .strip_prefix(", ")
                .map(|r| r.bytes().take_while(u8::is_ascii_digit).count());
            if digits.is_some_and(|d| (1..=3).contains(&d)) {
                spans.push((i, i));
            }
        }
        i += 1;
    }
    for (a, b) in spans {
        // "Riverside Park", "Maple Avenue clinic": a place, not a person.
        let last = p.word_text(b);
        let last = last.strip_suffix("'s").unwrap_or(last);
        let business = super::name_words::deva_business_tail(last, &p.norm[p.words[b].end..]);
        if b > a && (place_word(last) || super::name_words::institution_tail(last) || business)
            || place_word(p.word_text(b + 1)) && is_cap(p.word_text(b + 1))
        {
            continue;
        }
        let (s, mut e) = (p.words[a].start, p.words[b].end);
        // Keep an initial's full stop: "Rahul S."
        if p.norm[e..].starts_with('.') && p.words[b].end - p.words[b].start == 1 {
            e += 1;
        }
        if !out.iter().any(|x| x.start < e && s < x.end) {
            out.push(Entity::new(p, EntityKind::Name, s, e, "PERSON"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<String> {
        let p = Prepared::new(t);
        let mut out = Vec::new();
        find_names(&p, &[], &mut out);
        out.iter()
            .map(|e| p.norm[e.start..e.end].to_string())
            .collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(names("Hi Dana, your MRI is now Friday."), vec!["Dana"]);
        assert_eq!(
            names("After her stroke, Dorothy Jenkins, 82, arrived."),
            vec!["Dorothy Jenkins"]
        );
        assert_eq!(
            names("Watch how Sunita ji from Vidisha walks"),
            vec!["Sunita"]
        );
        assert_eq!(
            names("Local cricketer Rahul S. has completed"),
            vec!["Rahul S."]
        );
        assert_eq!(
            names("Happy birthday Mrs. Kamala Devi!"),
            vec!["Kamala Devi"]
        );
        assert!(names("Welcome to World Health Day at Lakeside Hospital").is_empty());
        assert!(!names("Dr. Imran Qureshi (MS, Vascular Surgery) aayenge")
            .contains(&"Vascular".to_string()));
    }
}
