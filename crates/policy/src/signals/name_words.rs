//! Word lists behind the name heuristics: honorifics, greetings, capitalised words that
//! are not names, and the words that make a capitalised word a place or an institution.

use crate::text::FastSet;

pub(super) use super::name_words_hi::{deva_business_tail, word_name, DEVA_TITLES};

#[rustfmt::skip]
pub(super) const HONORIFICS: &[&str] = &[
    "dr", "doctor", "prof", "nurse", "डॉ",
    "mr", "mrs", "ms", "miss", "mx", "smt", "shri", "sri", "shrimati", "kumari", "km",
    "master", "sir", "madam", "baby", "श्री", "श्रीमती", "सुश्री", "कुमारी",
];

#[rustfmt::skip]
pub(super) const GREETINGS: &[&str] = &[
    "hi", "hello", "hey", "dear", "thanks", "thank", "namaste", "congratulations", "congrats",
    "welcome", "go", "नमस्ते", "प्रिय",
];

/// Capitalised words that start sentences or titles but are not names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    // AP state abbreviations in datelines: "ROCHESTER, Minn. —".
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ill", "ind", "kan", "mass",
    "mich", "minn", "mont", "neb", "nev", "okla", "ore", "tenn", "wis", "wyo",
    // Insurance programmes: "Original Medicare", "Medicare Advantage".
    "medicare", "medicaid", "tricare", "advantage", "obamacare", "marketplace", "cghs", "ayushman",
    // Tracking and platform products: "Meta Pixel", "Google Analytics".
    "pixel", "meta", "analytics", "tag", "manager", "facebook", "instagram", "whatsapp", "youtube",
    "tiktok", "linkedin", "hotjar", "clarity", "messenger", "telegram", "signal", "snapchat",
    "mychart", "portal", "zoom", "teams",
    "public", "private", "hall", "road", "marg", "nagar", "chowk", "bazaar", "market", "colony", "sector", "plaza", "mall",
    "tower", "building", "complex", "station", "airport", "temple", "church", "mosque", "citizens",
    // Labels of a Hindi notice that are never names ("Samay", "Booth" and "Tithi" can
    // be, and are read as labels only before a colon: `entities::plausible_person`).
    "sthan", "pata", "sampark", "jaankari", "har",
    // The BE FAST stroke signs: "Balance, Eyes, Face, Arms, Speech, Time".
    "time", "speech", "balance",
    // Documents: "our Patient Privacy Agreement".
    "agreement", "policy",
    // Units named for their care: "our Cardiac Step-Down Unit", "Neuro ICU".
    "cardiac", "stepdown", "telemetry", "surgical", "neuro",
    "cardio", "pulmonary", "renal", "vascular", "critical", "intensive", "progressive",
    // Forms of address for office-holders: "welcome Hon. MLA Shri …".
    "hon", "honble", "hon'ble", "honourable", "honorable",
    "ravivaar", "ravivar", "somvaar", "somvar", "mangalvaar", "mangalvar", "budhvaar", "budhvar",
    "guruvaar", "guruvar", "shukravaar", "shukravar", "shanivaar", "shanivar",
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
    "namaste", "स्वागत", "आज", "ही", "अभी", "कल", "sir", "ji", "bhaiya", "didi", "beta", "behen", "maa", "papa", "maine", "main",
    "kya", "hai", "hain", "li", "liya", "kar", "karo", "karun", "ab", "aur", "ya", "nahi",
    "mujhe", "tha", "thi", "ho", "raha", "rahi", "gaya", "gayi", "kal", "aaj", "abhi", "sab",
    "koi", "kuch", "kaise", "kab", "kahan", "kyun", "yeh", "woh", "wo", "ye", "bhi", "toh",
    "se", "ko", "ka", "ki", "ke", "mein", "me", "par", "pe", "ne", "lekin", "phir", "agar",
    "dono", "yahi", "yehi", "isi", "usi", "sabhi", "turant", "zaroor", "jaldi",
    // Service and package names: "Full Body Checkup", "Annual Screening Package".
    "body", "checkup", "package", "packages", "screening", "screenings",
    "guide", "officer", "lake", "mount", "mt", "fort", "port", "river", "bay", "beach",
    "island", "creek", "falls", "springs", "harbor", "harbour", "valley", "hills", "commission",
    "joint", "authority", "ministry", "agency", "bureau", "network", "alliance", "federation",
    // Devanagari function words, numbers and country names the detector can mistake.
    "एक", "दो", "तीन", "चार", "पांच", "भारत", "इंडिया", "आप", "आपका", "आपकी", "आपके",
    "हम", "हमारे", "हमारा", "यह", "वह", "ये", "वे", "और", "या", "में", "से", "को", "का",
    "की", "के", "है", "हैं", "था", "थी", "पर", "लिए", "साल", "दिन", "कृपया", "धन्यवाद",
    "साथ", "लोग", "लोगों", "बहुत", "सभी", "सब", "लगभग", "करोड़", "लाख", "हजार", "हज़ार",
    "नमस्ते", "डॉक्टर", "अस्पताल", "मरीज", "विश्व", "दिवस", "राष्ट्रीय",
    "आए", "आई", "आया", "आये", "गए", "गई", "गया", "हुए", "हुई", "हुआ",
    // Organisations, events and groups that the detector's name list knows as names.
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    "cross", "army", "rotary", "lions", "women", "men", "children", "kids", "fair", "expo",
    "summit", "conference", "seminar", "workshop",
    "neighbors", "neighbours", "neighbor", "neighbour", "friends", "folks", "parents",
    "yojana", "yojna", "abhiyan", "abhiyaan", "mission", "scheme", "programme", "program",
    "karyakram", "bima", "card", "campaign",
    // Romanised Hindi words that the name lists also hold ("kaat", "wali", "jagah"): Hinglish
    // advice and status posts are full of them.
    "diye", "karna", "karein",
    "kijiye", "karte", "karti", "karta", "kiye", "hota", "hoti", "hote",
    "hona", "hua", "hue", "rahe", "rakhein", "rakhe", "rakho", "jaye", "jaaye",
    "jaana", "jaata", "jaati", "jaate", "jao", "aana", "aata", "aati", "aate",
    "aaya", "aayi", "aaye", "milta", "milti", "milte", "mile", "milega",
    "milegi", "lagta", "lagti", "lage", "laga", "lagi", "chahiye", "sakta",
    "sakte", "pata", "dekho", "dekhein", "suno", "bolo", "bataiye", "batayein", "kaat",
    "kaatna", "kaatne", "choosna", "hilne", "piyein", "khayein", "khana", "peena",
    "chalein", "chalo", "rukiye", "daalein", "lagayein", "dhoyein", "jagah", "marij",
    "mareez", "mariz", "मन", "दिल", "club", "lions", "rotary", "advocacy", "relations", "gold", "silver", "platinum", "bronze", "plus", "guidelines", "har", "ravivar", "somvar", "mangalvar", "budhvar", "guruvar", "shukravar", "shanivar", "रविवार", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "kanoon", "kanun", "qanoon", "anusaar", "anusar", "adhiniyam", "niyam", "sarkari", "aspataal", "aspatal", "dawai", "dawa", "dawaai",
    "ilaaj", "ilaj", "jaanch", "janch", "bimari", "bimaari", "rog", "bukhar", "khaansi",
    "khansi", "zukam", "paani", "pani", "doodh", "ghar", "gaon", "shahar", "raat",
    "subah", "shaam", "hafte", "hafta", "mahina", "mahine", "umar", "umr", "logon",
    "aadmi", "aurat", "mahila", "mahilaon", "bachcha", "bachche", "bacche", "bachchon",
    "beti", "parivaar", "sehat", "swasthya", "seva", "sewa", "suvidha", "muft", "paisa",
    "paise", "rupaye", "kharcha", "shivir", "takleef", "taklif", "pareshani", "madad",
    "sawaal", "jawab", "salah", "dhyan", "khayal", "khyal", "zaroor", "zaroori", "turant",
    "jaldi", "shaant", "haath", "pair", "aankh", "daant", "khoon", "accha", "achha",
    "acchi", "achhi", "bura", "bada", "badi", "chhota", "chhoti", "nayi", "purana",
    "zyada", "jyada", "sirf", "bas", "bilkul", "hamesha", "kabhi", "rozana",
    "pehle", "baad", "saath", "bina", "upar", "neeche", "andar", "bahar", "yahan", "wahan",
    "kaafi", "thoda", "thodi", "sabhi", "kisi", "kaun", "kyunki", "isliye", "jab",
    "tak", "wali", "wala", "wale", "waali", "waala", "waale", "haan",
    "tum", "unka", "unki", "unke", "uska", "uski", "uske", "iska", "hamein",
    "humein", "apna", "apni", "apne", "khud", "jeene", "nahin", "kuchh", "din", "kami",
    "saal", "kam", "sabzi", "sabziyan", "dob", "mrn", "uhid", "dos", "sabji", "goliyan", "goli", "mukt", "garmi", "sardi",
    // Devanagari words the name lists hold that are ordinary words ("दवा" medicine,
    // "सरकार" government, "काम" work).
    "दवा", "दवाई", "दवाओं", "काम", "दिल", "सरकार", "सरकारी", "लेखक", "मुसलमान", "नेपाल",
    "नेपाली", "नाती", "योजना", "अभियान", "सेवा", "सेवाओं", "सूचना", "नियम", "केंद्र",
    "जिला", "ज़िला", "गाँव", "गांव", "शहर", "लोग", "लोगों", "बच्चे", "बच्चों", "महिला",
    "महिलाओं", "मुफ्त", "मुफ़्त", "इलाज", "जाँच", "जांच", "सलाह", "हिंदी", "अंग्रेज़ी",
    // Hindi pronouns and determiners: "अपने परिवार" is "your own family", nobody's name.
    "अपने", "अपना", "अपनी", "आपकी", "हमारी", "उनके", "उनका", "उनकी", "मेरे", "मेरा", "मेरी",
    "इस", "उस", "सभी", "सब", "हर", "किसी", "पूरे", "पूरा", "पूरी", "हमें", "आपको", "इनके", "उन",
    // Broadcast words: "Good Morning Cincinnati" is a show.
    "morning", "evening", "afternoon", "tonight", "live", "radio", "podcast", "episode",
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
    "lines", "library", "museum", "stadium", "auditorium", "grounds", "maidan", "bhawan",
    "bhavan", "hall", "mandir", "masjid", "gurudwara", "panchayat", "dharamshala", "रोड",
    "मार्ग", "नगर", "भवन", "चौक", "कॉलोनी", "गली", "बाज़ार", "बाजार", "अस्पताल",
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
        "dentistry",
        "pavilion",
        "wing",
        "auditorium",
        "annex",
        "children's",
        "childrens",
        "women's",
        "pediatrics",
        "paediatrics",
        "orthopedics",
        "fund",
        "high",
        "school",
        "academy",
        "club",
        "society",
        "association",
        "fair",
        "expo",
        "summit",
        "library",
        "museum",
        "stadium",
        "care",
        "therapy",
        "method",
        "technique",
        "protocol",
        "syndrome",
        "disease",
        "bharat",
        "yojana",
        "yojna",
        "abhiyan",
        "mission",
        "scheme",
        "programme",
        "program",
        "center",
        "centre",
        "associates",
        "partners",
        "specialists",
        "wellness",
        "imaging",
        "physicians",
        "hospice",
        "diagnostic",
        "nursing",
        "vision",
        "medicine",
        "township",
        "fire",
        "police",
        "rescue",
        "ems",
        "department",
        "netralaya",
        "vidyalaya",
        "mahavidyalaya",
        "chikitsalaya",
        "aspatal",
        "sansthan",
        "kendra",
        "medspa",
        "spa",
        "aesthetics",
        "studio",
        // Civic bodies and companies: "Bhopal Municipal Corporation", "Indore Nagar Nigam".
        "corporation",
        "municipality",
        "municipal",
        "nigam",
        "parishad",
        "samiti",
        "council",
        "committee",
        "commission",
        "authority",
        "ministry",
        "government",
        "administration",
        "university",
        "college",
        "bank",
        "limited",
        "ltd",
        "inc",
        "company",
        "coalition",
        "league",
        "alliance",
        "network",
        // Remedies and products: "Madhunashak Churna", "Liv Tablets".
        "churna",
        "churan",
        "vati",
        "bhasma",
        "kadha",
        "tablets",
        "capsules",
        "syrup",
        "tonic",
        // Documents and laws: "Notice of Privacy Practices", "Clinical Establishments Act".
        "practice",
        "practices",
        "policy",
        "notice",
        "rule",
        "rules",
        "act",
        "regulations",
    ];
    // Specialties: "Northgate Endocrinology", "Lakeside Psychiatry", "Metro Orthopaedics".
    const SPECIALTY_ENDINGS: &[&str] = &["ology", "iatry", "iatrics", "pedics", "paedics"];
    w.chars().next().is_some_and(char::is_uppercase)
        && (in_list(TAILS, w)
            || w.len() > 6
                && SPECIALTY_ENDINGS.iter().any(|s| {
                    w.get(w.len() - s.len()..)
                        .is_some_and(|t| t.eq_ignore_ascii_case(s))
                }))
}

/// Case-insensitive membership without allocating (lists are lower-case).
pub(super) fn in_list(list: &[&str], w: &str) -> bool {
    list.iter()
        .any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
}

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
        const DAYS: &[&str] = &[
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        ];
        return w
            .split('-')
            .filter(|x| !x.is_empty())
            .all(|x| crate::text::in_set(set, x) || in_list(DAYS, x));
    }
    crate::text::in_set(set, w)
}
