//! Small hand-written word classes: months, honorifics, context cues. The large lexicons
//! (names, places, drugs) are generated data under `data/`; these are grammar.

#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
pub const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    // Hindi, in Latin letters and in Devanagari.
    "ravivaar", "ravivar", "itvaar", "itwar", "somvaar", "somvar", "mangalvaar", "mangalvar",
    "budhvaar", "budhvar", "guruvaar", "guruvar", "brihaspativar", "shukravaar", "shukravar",
    "shanivaar", "shanivar", "रविवार", "इतवार", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार",
    "बृहस्पतिवार", "शुक्रवार", "शनिवार",
];

/// Relative dates: weak identifiers on their own, but a visit date all the same.
pub const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tonight", "tomorrow", "tmrw"];

/// Honorifics precede a name and are not part of it (Presidio tags them TITLE).
#[rustfmt::skip]
pub const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "dame", "lord",
    "lady", "smt", "shri", "shrimati", "sri", "kumari", "km", "sushri", "pt", "pandit", "ustad",
    "hakim", "sr", "rev", "fr", "capt", "col", "gen", "sgt", "lt", "hon", "judge", "nurse",
    "doctor", "sister", "brother", "uncle", "aunt", "auntie", "aunty", "mister", "señor",
    "señora", "herr", "frau", "monsieur", "madame", "mme", "श्री", "श्रीमती", "डॉ", "कुमारी",
];

/// Generational and professional suffixes that belong to the name span
/// ("David Horton DVM", "John Smith Jr.").
#[rustfmt::skip]
pub const NAME_SUFFIXES: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "md", "dds", "dmd", "dvm", "phd", "rn", "np", "pa", "do",
    "mbbs", "ms", "esq",
];

/// Suffix words of an Indian name that are honorific ("Sharma ji").
pub const NAME_HONORIFIC_SUFFIXES: &[&str] = &["ji", "जी", "saab", "sahab", "sahib", "bhai", "ben"];

/// Lower-case particles allowed inside a multi-token name or place ("van der Berg").
#[rustfmt::skip]
pub const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
    "le", "bin", "binti", "bint", "al", "el", "ter", "ten", "y", "e", "af", "zu",
];

/// Words that mark the capitalised run before them as an organisation, not a person.
#[rustfmt::skip]
pub const ORG_WORDS: &[&str] = &[
    "inc", "llc", "ltd", "corp", "corporation", "company", "co", "group", "plc", "gmbh", "sons",
    "hospital", "hospitals", "clinic", "clinics", "center", "centre", "university", "college",
    "school", "institute", "foundation", "association", "society", "bank", "pharmacy",
    "laboratories", "labs", "health", "healthcare", "medical", "church", "orchestra", "band",
    "records", "club", "agency", "partners", "services", "solutions", "technologies", "systems",
    "trust", "council", "department", "ministry", "pvt", "limited",
];

/// Cues before a name. A `*` marks patient or family cues (PHI-REL territory).
#[rustfmt::skip]
const PERSON_CUES_BEFORE: &[&str] = &[
    "*patient", "*pt", "*son", "*daughter", "*mom", "*mum", "*mother", "*dad", "*father",
    "*wife", "*husband", "*brother", "*sister", "*grandma", "*grandpa", "*grandmother",
    "*grandfather", "*baby", "*child", "*kid", "*aunt", "*uncle", "*cousin", "*nephew",
    "*niece", "*partner", "*friend", "*neighbor", "*neighbour", "*boyfriend", "*girlfriend",
    "*fiance", "*grandson", "*granddaughter", "*beneficiary", "*guardian", "*resident",
    "*client", "*caller", "*member", "*mr", "*mrs", "*ms", "*miss", "*smt", "*shri", "*sri",
    "*kumari", "*mx", "*beta", "*beti", "name", "named", "called", "dear", "hi", "hello", "hey",
    "thanks", "thank", "dr", "doctor", "nurse", "prof", "professor", "sir", "madam", "by",
    "with", "to", "and", "met", "meet", "ask", "tell", "told", "cc", "attn", "from", "love",
    "congrats", "congratulations", "welcome", "wishing", "visiting", "user", "signed",
    "regards", "am", "i'm", "im", "me", "speak", "contact", "surname", "maiden", "sincerely",
    "recovery", "for", "of", "about", "see", "saw", "says", "said", "against", "wrote",
];

/// Cues after a name ("X says", "X's", "X lives at").
#[rustfmt::skip]
const PERSON_CUES_AFTER: &[&str] = &[
    "says", "said", "says:", "is", "was", "has", "had", "lives", "wrote", "writes", "told",
    "asked", "replied", "passed", "died", "who", "will", "and", "retired", "shouted", "went",
    "spent", "began", "explained", "agreed", "points", "employs", "listed", "called", "from",
    // What patients in stories did: "Maria beat breast cancer", "Gail finished her last…".
    "beat", "finished", "completed", "celebrated", "rang", "walked", "won", "survived",
    "underwent", "received", "got", "came", "lost", "gained", "graduated", "returned",
    "turned", "shared", "thanked", "visited", "fought", "overcame", "recovered", "delivered",
];

/// Cues before a place ("from Bhopal", "near Raisen").
#[rustfmt::skip]
pub const PLACE_CUES: &[&str] = &[
    "in", "from", "near", "to", "at", "of", "visit", "visiting", "lives", "live", "living",
    "moved", "born", "around", "outside", "downtown", "city", "town", "village", "district",
];

/// Every cue word with its lexicon cue bits.
pub fn cue_words() -> impl Iterator<Item = (&'static str, u32)> {
    use crate::lexicon::{
        ADDRESS_CUE, ID_CUE, PATIENT, PERSON_AFTER, PERSON_BEFORE, PLACE_CUE, PLACE_HEAD,
        TEST_WORD, VISIT_WORD,
    };
    let before = PERSON_CUES_BEFORE
        .iter()
        .map(|c| match c.strip_prefix('*') {
            Some(w) => (w, PERSON_BEFORE | PATIENT),
            None => (*c, PERSON_BEFORE),
        });
    let tag = |list: &'static [&'static str], bits: u32| list.iter().map(move |w| (*w, bits));
    before
        .chain(tag(PERSON_CUES_AFTER, PERSON_AFTER))
        .chain(tag(PLACE_CUES, PLACE_CUE))
        .chain(crate::cues::cue_words().map(|w| (w, ID_CUE)))
        .chain(tag(crate::health::TESTS, TEST_WORD))
        .chain(tag(crate::health::VISIT_WORDS, VISIT_WORD))
        .chain(tag(crate::places::PLACE_HEADS, PLACE_HEAD))
        .chain(tag(crate::address::ADDRESS_CUE_WORDS, ADDRESS_CUE))
}

/// Whether `cue` (as recorded in evidence) is a patient or family cue.
pub fn is_patient_cue(cue: &str) -> bool {
    PERSON_CUES_BEFORE
        .iter()
        .any(|c| c.strip_prefix('*') == Some(cue))
}

/// US state and territory postal abbreviations (upper case in text).
#[rustfmt::skip]
pub const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP",
];

/// Secondary-unit designators inside an address ("Apt. 809", "Suite 222", "H.No. 54").
#[rustfmt::skip]
pub const UNIT_WORDS: &[&str] = &[
    "apt", "apartment", "route", "highway", "interstate", "suite", "ste", "unit", "flat", "floor", "fl", "box", "po", "psc",
    "unit", "bldg", "building", "house", "h.no", "hno", "plot", "no", "door", "block", "sector",
    "lane", "dept", "room", "rm", "wing", "tower", "phase", "pob", "postfach", "bus",
];

/// Facility units that identify where a patient is ("room 412", "bed 3", "ward 5").
#[rustfmt::skip]
pub const FACILITY_UNITS: &[&str] = &[
    "room", "rm", "bed", "ward", "cabin", "bay", "icu", "nicu", "picu", "cubicle", "unit",
    "floor",
];

/// Street-type abbreviations (the data lists spell types out).
#[rustfmt::skip]
pub const STREET_ABBREVS: &[&str] = &[
    "st", "ave", "av", "rd", "blvd", "ln", "hwy", "pkwy", "ct", "cir", "pl", "sq", "ter", "trl",
    "dr", "cres", "crt", "expy", "fwy", "mg", "marg", "nagar", "colony", "layout", "enclave",
    "vihar", "bagh", "chowk", "gali", "mohalla", "sector", "extension", "extn",
];

/// Endings of compound street names in European languages ("Friedhofstrasse", "Koskikatu").
#[rustfmt::skip]
pub const STREET_ENDINGS: &[&str] = &[
    "strasse", "straße", "gasse", "weg", "katu", "tie", "vej", "gade", "gatan", "vägen", "väg",
    "laan", "straat", "plein", "allee", "platz", "utca", "polku", "kuja", "veien", "vegen",
    "gata", "ring", "steig", "dijk", "kade", "singel", "torget", "stræde",
];

/// Hyphenated everyday words the frequency list cannot hold (it splits at hyphens).
#[rustfmt::skip]
pub const COMMON_COMPOUNDS: &[&str] = &[
    "e-mail", "follow-up", "check-up", "x-ray", "t-shirt", "co-op", "covid-19", "well-being",
    "long-term", "short-term", "full-time", "part-time", "up-to-date", "self-care", "walk-in",
    "drive-through", "log-in", "sign-up", "set-up", "make-up", "re-entry", "pre-op", "post-op",
];
