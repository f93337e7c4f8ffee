//! Person-name heuristics for the shapes that matter in healthcare social posts: honorifics
//! ("Mrs. Kamala Devi", "Smt. Rekha", "Sunita ji", "श्री रमेश"), greetings ("Hi Dana,"),
//! full names in running text ("Dorothy Jenkins", "Rahul S."), and names followed by an age
//! ("Dorothy Jenkins, 82"). The phi detector's PERSON findings are added on top.

use super::entities::{Entity, EntityKind};
use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "dr", "doctor", "prof", "nurse", "डॉ",
    "mr", "mrs", "ms", "miss", "mx", "smt", "shri", "sri", "shrimati", "kumari", "km",
    "master", "sir", "madam", "baby", "श्री", "श्रीमती", "सुश्री", "कुमारी",
];

#[rustfmt::skip]
const GREETINGS: &[&str] = &[
    "hi", "hello", "hey", "dear", "thanks", "thank", "namaste", "congratulations", "congrats",
    "welcome", "go", "नमस्ते", "प्रिय",
];

/// Capitalised words that start sentences or titles but are not names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "hall", "road", "marg", "nagar", "chowk", "bazaar", "market", "colony", "sector", "plaza", "mall",
    "tower", "building", "complex", "station", "airport", "temple", "church", "mosque", "citizens",
    "senior", "pharmacy", "ward", "wing", "block", "floor", "gate", "campus", "square", "bridge",
    "the", "a", "an", "we", "our", "your", "you", "i", "it", "this", "that", "these", "those",
    "thank", "thanks", "please", "call", "book", "visit", "happy", "world", "national",
    "international", "day", "health", "hospital", "clinic", "center", "centre", "team",
    "staff", "patient", "patients", "success", "story", "stories", "watch", "meet", "proud",
    "moment", "congratulations", "welcome", "dear", "hi", "hello", "great", "good", "best",
    "new", "free", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "under", "after", "before", "as", "if",
    "when", "all", "every", "anyone", "everyone", "there", "here", "sorry", "yes", "no", "not",
    "omg", "brutal", "full", "prescribing", "safety", "info", "information", "federal",
    "hipaa", "covid", "mri", "ct", "icu", "er", "opd", "ivf", "mtp", "sir", "madam", "doctor",
    "dr", "nurse", "community", "family", "families", "local", "state", "city", "county",
    "street", "road", "lane", "avenue", "office", "rehab", "imaging", "medical", "dental",
    "care", "lab", "labs", "pharmacy", "institute", "university", "college", "school",
    "foundation", "trust", "group", "department", "unit", "ward", "week", "month", "awareness",
    "heart", "cancer", "diabetes", "vaccine", "flu", "dengue", "measles", "emergency",
    "google", "facebook", "instagram", "yelp", "twitter", "linkedin", "youtube", "whatsapp",
    "india", "indian", "american", "us", "usa", "english", "hindi", "god", "ji", "and", "or",
    "to", "of", "in", "on", "at", "for", "with", "from", "by", "is", "are", "was", "be",
    "zelvora", "serious", "severe", "help", "like", "follow", "share", "hurry", "offer", "get",
    "join", "learn", "read", "click", "link", "bio", "no", "number", "top", "leading", "tele",
    "manas", "lifeline", "crisis", "text", "dial", "suicide", "prevention", "mental",
    "wellness", "fitness", "yoga", "nutrition", "sex", "determination", "pcpndt", "act",
    "ayushman", "bharat", "ngo", "camp", "drive", "walk", "run", "marathon", "season",
    "monsoon", "summer", "winter", "diwali", "holi", "eid", "christmas", "new year",
    "president", "chairman", "chairperson", "director", "head", "chief", "dean", "chapter",
    "society", "association", "council", "board", "committee", "anaesthesia", "anesthesia",
    "surgery", "medicine", "cardiology", "neurology", "oncology", "radiology", "paediatrics",
    "pediatrics", "orthopaedics", "orthopedics", "dermatology", "psychiatry", "gynaecology",
    "obstetrics", "urology", "nephrology", "pathology", "emergency", "trauma", "spotlight",
    "polio", "pulse", "giveaway", "stories", "reminder", "holiday", "hours", "breaking",
    // Hinglish pronouns and function words that start sentences in title case.
    "aap", "aapka", "aapki", "aapke", "aapko", "apka", "apki", "apke", "hum", "hamare",
    "humare", "hamara", "mera", "meri", "mere", "bahut", "kripya", "dhanyavaad", "shukriya",
    "namaste", "sir", "ji", "bhaiya", "didi", "beta", "behen", "maa", "papa", "maine", "main",
    "kya", "hai", "hain", "li", "liya", "kar", "karo", "karun", "ab", "aur", "ya", "nahi",
    "mujhe", "tha", "thi", "ho", "raha", "rahi", "gaya", "gayi", "kal", "aaj", "abhi", "sab",
    "koi", "kuch", "kaise", "kab", "kahan", "kyun", "yeh", "woh", "wo", "ye", "bhi", "toh",
    "se", "ko", "ka", "ki", "ke", "mein", "me", "par", "pe", "ne", "lekin", "phir", "agar",
    "guide", "officer", "lake", "mount", "mt", "fort", "port", "river", "bay", "beach",
    "island", "creek", "falls", "springs", "harbor", "harbour", "valley", "hills", "commission",
    "joint", "authority", "ministry", "agency", "bureau", "network", "alliance", "federation",
    // Devanagari function words, numbers and country names the detector can mistake.
    "एक", "दो", "तीन", "चार", "पांच", "भारत", "इंडिया", "आप", "आपका", "आपकी", "आपके",
    "हम", "हमारे", "हमारा", "यह", "वह", "ये", "वे", "और", "या", "में", "से", "को", "का",
    "की", "के", "है", "हैं", "था", "थी", "पर", "लिए", "साल", "दिन", "कृपया", "धन्यवाद",
    "नमस्ते", "डॉक्टर", "अस्पताल", "मरीज", "विश्व", "दिवस", "राष्ट्रीय",
];

/// Words that make the capitalised word before them a place or an organisation, not a
/// person: "Maple Avenue", "Harris Family Medicine", "Shanti Mind Hospital".
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "avenue", "ave", "street", "st", "road", "rd", "lane", "ln", "marg", "nagar", "colony",
    "vihar", "enclave", "layout", "chowk", "bazaar", "market", "sector", "block", "plaza",
    "mall", "tower", "towers", "building", "square", "park", "boulevard", "blvd", "drive",
    "highway", "hwy", "clinic", "clinics", "hospital", "hospitals", "centre", "center",
    "campus", "branch", "office", "institute", "university", "college", "school", "church",
    "temple", "mosque", "station", "airport", "district", "county", "city", "town",
    "village", "pharmacy", "lab", "labs", "diagnostics", "diagnostic", "foundation",
    "trust", "regional", "memorial", "healthcare", "dental", "medical", "family", "health",
    "general", "surgical", "eye", "heart", "mind", "valley", "heights", "hills", "fund",
    "society", "association", "program", "programme", "network", "services", "associates",
];

/// The word after a capitalised word makes it a place or an organisation. Ambiguous words
/// ("family", "health", "heart") count only capitalised, as part of a proper name.
pub(super) fn place_word(w: &str) -> bool {
    const AMBIGUOUS: &[&str] = &[
        "family",
        "health",
        "general",
        "heart",
        "mind",
        "eye",
        "medical",
        "dental",
        "regional",
        "memorial",
        "surgical",
        "valley",
        "heights",
        "hills",
        "park",
        "st",
        "block",
        "square",
        "city",
        "town",
        "drive",
        "fund",
        "program",
        "network",
        "services",
        "associates",
    ];
    if !in_list(PLACE_WORDS, w) {
        return false;
    }
    w.chars().next().is_some_and(char::is_uppercase) || !in_list(AMBIGUOUS, w)
}

/// The last word of an institution's name: "Mercy General", "St. Luke's Memorial".
pub(super) fn institution_tail(w: &str) -> bool {
    const TAILS: &[&str] = &[
        "general",
        "memorial",
        "regional",
        "medical",
        "hospital",
        "clinic",
        "health",
        "healthcare",
        "dental",
        "surgical",
        "diagnostics",
        "labs",
        "pharmacy",
        "institute",
        "foundation",
        "trust",
        "dermatology",
        "pediatrics",
        "paediatrics",
        "orthopedics",
    ];
    w.chars().next().is_some_and(char::is_uppercase) && in_list(TAILS, w)
}

fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && cs.clone().any(|c| c.is_lowercase())
        || w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Case-insensitive membership without allocating (lists are lower-case).
fn in_list(list: &[&str], w: &str) -> bool {
    list.iter()
        .any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
}

use crate::text::FastSet;

pub(super) fn not_name(w: &str) -> bool {
    static SET: std::sync::OnceLock<FastSet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| NOT_NAMES.iter().copied().collect());
    // "Saturday's", "Diwali's": the possessive does not make a name.
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("'S"))
        .unwrap_or(w);
    // "Monday-Friday", "Mon-Sat": a range of non-names is not a name.
    if w.contains('-') {
        return w
            .split('-')
            .filter(|x| !x.is_empty())
            .all(|x| crate::text::in_set(set, x));
    }
    crate::text::in_set(set, w)
}

fn is_deva(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| ('\u{0900}'..='\u{097F}').contains(&c))
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
        let hon = next_marked(i) && w.len() <= 8 && in_list(HONORIFICS, w);
        if hon
            && i + 1 < n
            && (p.words[i + 1].sentence == p.words[i].sentence
                || p.norm[p.words[i].end..].starts_with(". "))
        {
            let j = i + 1;
            let nw = word(j);
            if (is_cap(nw) && !bad(j)) || is_deva(nw) {
                let mut k = j;
                while k + 1 < n && is_cap(word(k + 1)) && !bad(k + 1) && k < j + 2 {
                    k += 1;
                }
                spans.push((j, k));
                i = k + 1;
                continue;
            }
        }
        // Greeting + name at the start of a sentence: "Hi Dana,", "Dear Mr Rao".
        if sent_start && next_marked(i) && in_list(GREETINGS, w) && i + 1 < n {
            let nw = word(i + 1);
            if is_cap(nw) && !bad(i + 1) && !in_list(HONORIFICS, nw) {
                let mut k = i + 1;
                if k + 1 < n && is_cap(word(k + 1)) && !bad(k + 1) {
                    k += 1;
                }
                spans.push((i + 1, k));
                i = k + 1;
                continue;
            }
        }
        // "Sunita ji", "Ramesh जी".
        if i + 1 < n
            && (word(i + 1).eq_ignore_ascii_case("ji") || word(i + 1) == "जी")
            && (is_cap(w) && !bad(i) || is_deva(w))
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
        // Vocative at the end of a sentence: "Congrats on finishing chemo, Linda!"
        if is_cap(w) && !bad(i) && !sent_start && w.chars().count() > 2 {
            let before = &p.norm[..p.words[i].start];
            let after = p.norm[p.words[i].end..].trim_start();
            if before.trim_end().ends_with(',') && after.starts_with(['!', '?', '.']) {
                spans.push((i, i));
                i += 1;
                continue;
            }
        }
        // Devanagari after a title or "patient": "मरीज सुनीता देवी", "श्री रमेश".
        const DEVA_TITLES: &[&str] = &["मरीज", "श्रीमती", "श्री", "सुश्री", "रोगी"];
        if is_deva(w) && i > 0 && DEVA_TITLES.contains(&word(i - 1)) {
            let next_ok = i + 1 < n
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
        if b > a && place_word(last) || place_word(p.word_text(b + 1)) && is_cap(p.word_text(b + 1))
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
    }
}
