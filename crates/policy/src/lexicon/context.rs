//! Building blocks that mean little alone and much in combination (see
//! `signals::pairs`): the two sexes and "or" (prenatal sex determination is "boy or girl"
//! in any phrasing), prenatal context, chest and pain words (an emergency however many
//! intensifiers sit between them), work-shift context on personal accounts, and staff roles.

use super::{Cue, Group};

#[rustfmt::skip]
pub(super) const GROUPS: &[Group] = &[
    (
        Cue::SexMale,
        &[
            "boy", "a boy", "son", "prince", "ladka", "ladkaa", "larka", "beta", "putra",
            "लड़का", "लडका", "बेटा", "पुत्र", "male child", "baba",
            // Codes used by clinics caught in PCPNDT decoy operations.
            "jai shri krishna", "jai shree krishna", "जय श्री कृष्ण", "jai shri ram", "laddoo", "laddu",
            "लड्डू", "blue", "krishna", "nanha krishna", "kanha", "nanhe kanha", "कान्हा", "कृष्ण", "laddoo gopal", "rajkumar", "राजकुमार", "kanhaiya", "kanhaiyya", "कन्हैया", "bal gopal", "बाल गोपाल", "chhota bheem", "वारिस", "waris", "kul ka deepak", "कुल का दीपक",
        ],
    ),
    (
        Cue::SexFemale,
        &[
            "girl", "a girl", "daughter", "princess", "ladki", "ladkee", "larki", "beti",
            "putri", "लड़की", "लडकी", "बेटी", "पुत्री", "female child", "baby girl",
            "jai mata di", "जय माता दी", "jalebi", "जलेबी", "barfi", "बर्फी", "pink", "pari", "nanhi pari", "नन्ही परी", "परी", "gudiya", "गुड़िया", "lakshmi", "लक्ष्मी", "radha", "radha rani", "राधा", "राधा रानी", "sita", "सीता",
        ],
    ),
    (Cue::OrWord, &["or", "ya", "या", "/", "or a", "ya phir", "या फिर", "vs", "versus"]),
    (
        Cue::PrenatalCtx,
        &[
            "conception", "conceive", "conceiving", "before conception", "garbhdharan", "गर्भधारण",
            "scan", "scans", "sonography", "ultrasound", "usg", "4d", "3d", "anomaly scan",
            "baby", "pregnancy", "pregnant", "expecting", "mom-to-be", "mother-to-be",
            "bump", "trimester", "womb", "foetus", "fetus", "foetal", "fetal", "embryo",
            "hafte", "weeks", "mahine", "months", "garbh", "garbhvati", "pet mein", "गर्भ",
            "गर्भवती", "भ्रूण", "पेट में", "सोनोग्राफी", "अल्ट्रासाउंड", "जांच", "जाँच",
            "jaanch", "janch", "pata chal", "pata karo", "pata lagao", "पता चल", "reveal",
            "ling", "लिंग", "gender",
        ],
    ),
    (
        Cue::ChestWord,
        &[
            "chest", "seene", "seena", "sine", "chhati", "chati", "chhaati", "सीने", "सीना",
            "छाती", "left arm", "बाएं हाथ", "jaw", "jabda", "जबड़े", "जबड़ा",
        ],
    ),
    (
        Cue::PainWord,
        &[
            "heavy", "tingling", "numb", "numbness", "burning", "aching", "sore",
            "pain", "pains", "hurt", "hurts", "hurting", "ache", "aches", "tightness", "tight", "pressure",
            "heaviness", "squeezing", "crushing", "dard", "dardh", "दर्द", "जकड़न", "भारीपन",
            "ghabrahat", "घबराहट",
        ],
    ),
    (
        Cue::WorkContext,
        &[
            "#nightshift", "#dayshift", "#erlife", "#ernurse", "#icunurse", "#icu",
            "#nurselife", "#nursing", "#nurses", "#nurse", "#doctorlife", "#residentlife",
            "#medlife", "#medstudent", "#medschool", "#scrublife", "#codeblue", "#trauma",
            "#traumalife", "#emslife", "#ems", "#paramedic", "#paramediclife", "#hospitallife",
            "#healthcareworker", "#healthcareheroes", "#frontline", "#frontlineworkers",
            "#doctorsofinstagram", "#nursesofinstagram", "#medtwitter", "#whitecoat",
            "#ward", "#ot", "#otlife", "#casualty", "#dutyhours", "#mbbslife", "#internlife",
            "night shift", "day shift", "my shift", "on shift", "on duty", "at work today",
            "at work tonight", "at the hospital today", "in the er", "in the icu", "in casualty",
            "in the ot", "in the ward", "during rounds", "on rounds", "my patient", "my patients",
            "duty pe", "duty par", "ड्यूटी",
        ],
    ),
    (
        Cue::StaffRole,
        &[
            "joins our", "joined our", "has joined", "have joined", "welcome aboard",
            "and our whole", "and our entire", "and the rest of our", "and the whole team", "and our team", "and our crew",
            "welcomes", "new joinee", "new hire", "nursing supervisor", "nursing superintendent",
            "head nurse", "charge nurse", "staff nurse", "ward sister", "sister in charge",
            "sister-in-charge", "matron", "our head of", "head of department", "hod",
            "medical director", "medical superintendent", "clinical lead", "practice manager",
            "office manager", "patient advocate", "team member", "team lead", "our physician",
            "staff spotlight", "employee of the month", "years of service", "mentors",
            "has worked", "worked in our", "works in our", "serves as", "elected president",
            "appointed as", "promoted to",
        ],
    ),
    (
        Cue::DataSource,
        &[
            "got your number from", "got your contact from", "got your details from",
            "your number from", "your contact details from", "your details from",
            "received your number", "shared your number", "shared your details",
            "from our partner", "from our partners", "purchased list", "customer list of",
            "pre-approved for", "preapproved for", "pre-qualified for", "prequalified for", "offer from our partner", "partner offer", "hamare partner ki", "हमारे पार्टनर",
            "aapka number", "आपका नंबर", "aapka number hume", "aapki details",
            "shared your data", "shared your health data", "shared your information with",
            "sold your data", "data share kiya", "ke saath share kiya", "ke sath share kiya",
            "के साथ साझा किया",
            "shared with our partner*", "shared with our sponsor*", "passed on to our partner*",
        ],
    ),
    (
        Cue::ThirdParty,
        &[
            "partner", "partners", "sponsor", "sponsors", "brand", "company", "third party",
            "third-party", "insurer", "pharma", "पार्टनर", "कंपनी", "प्रायोजक",
        ],
    ),
    (
        Cue::ShareVerb,
        &[
            "share*", "shared", "sold", "passed on", "handed over", "given to", "saajha", "sajha",
            "साझा", "शेयर", "बेच", "de di", "de diya", "bhej di", "bhej diya",
        ],
    ),
    (
        Cue::SexWish,
        &[
            "longing for", "wish for", "want a", "wanting a", "desire for", "hoping for",
            "guaranteed", "guarantee", "assured", "sure-shot", "pakka", "paane ke liye",
            "prapti", "चाहिए", "chahiye", "for a",
        ],
    ),
    (
        Cue::IdWord,
        &[
            "date of birth", "dob", "social security", "social security number", "ssn",
            "member id", "insurance id", "insurance member id", "policy number", "mrn",
            "medical record number", "aadhaar", "aadhar", "aadhaar number", "pan card",
            "pan number", "abha", "card number", "bank details", "account number", "cvv",
            "otp", "password", "uhid", "patient id", "जन्म तिथि", "आधार", "janm tithi",
        ],
    ),
    (
        Cue::ShareAsk,
        &[
            "reply with", "reply here with", "send us", "send me", "share your", "provide your",
            "please provide", "dm us your", "message us your", "text us your", "comment your",
            "post your", "type your", "enter your", "bhejiye", "bhejein", "bhej do", "bhej dijiye",
            "share karein", "share kijiye", "batayein", "bataiye", "भेजें", "भेजिए", "बताएं",
            "बताइए",
        ],
    ),
    (
        Cue::Deidentified,
        &[
            "names hidden", "name hidden", "names removed", "name removed", "names withheld",
            "name withheld", "identity withheld", "identity hidden", "identities hidden",
            "details changed", "details removed", "anonymised", "anonymized", "de-identified",
            "deidentified", "identifying details removed", "patient details have been removed",
            "identifiers removed", "face cropped", "faces blurred", "naam chhupaya", "नाम छिपाया",
            "नाम हटाया",
        ],
    ),
    (
        Cue::PersonNoun,
        &[
            "lady", "man", "woman", "guy", "gentleman", "boy", "girl", "kid", "child", "baby", "twins",
            "triplets",
            "patient", "mother", "father", "mom", "dad", "grandmother", "grandfather", "granny",
            "teen", "teenager", "toddler", "infant", "newborn", "aunty", "auntie", "uncle",
            "bhaiya", "didi", "chacha", "chachi", "amma", "dadi", "nani", "mareez", "marij",
            "aadmi", "aurat", "mahila", "ladka", "ladki", "bachcha", "bachchi", "महिला", "मरीज",
            "आदमी", "औरत", "लड़का", "लड़की", "बच्चा", "बच्ची",
        ],
    ),
    (
        Cue::Today,
        &[
            "today", "this morning", "tonight", "just now", "right now", "aaj", "abhi",
            "आज", "अभी", "aaj subah", "aaj raat",
        ],
    ),
    // Gates: a scanner runs only if one of its keywords occurs. Units may be glued to
    // the number ("10mg"), so they have no left word boundary.
    (Cue::GateTime, &["*am", "*pm", "*a.m", "*p.m", "*baje", "*बजे"]),
    (
        Cue::GateUnit,
        &[
            "*mg", "*mcg", "*µg", "*ml", "*gm", "*iu", "*unit*", "*tablet*", "*tab", "*tabs",
            "*cap", "*caps", "*capsule*", "*puff*", "*drop*", "*lb", "*lbs", "*pound*", "*kg",
            "*kgs", "*kilo*", "*pill*", "*goli*", "*गोली*", "*गोलि*",
        ],
    ),
    (
        Cue::GatePeriod,
        &[
            "दिन", "हफ्ते", "हफ़्ते", "महीने",
            "aged", "age", "old",
            "*day*", "*week*", "*month*", "*hour*", "*year*", "*yr*", "din", "hafte", "mahine",
            "*hrs", "saal", "साल", "वर्ष", "वर्षीय",
        ],
    ),
    (
        Cue::GateVolume,
        &[
            "surgeries", "operations", "deliveries", "procedures", "patients", "transplants",
            "cases", "replacements", "implants", "cycles", "babies", "smiles", "angioplasties",
            "surgery", "operation", "replacement", "transplant", "muskurahatein", "muskaanein",
            "mareez", "marij", "mareezon", "pratyaropan", "pratyarpan", "sarjari", "प्रत्यारोपण",
            "सर्जरी", "ऑपरेशन", "मरीज़", "डिलीवरी", "families", "angioplasty", "bypasses",
            "stents", "c-sections", "एंजियोप्लास्टी", "ट्रांसप्लांट", "रिप्लेसमेंट", "बायपास", "केस",
        ],
    ),
    (
        Cue::GateOrdinal,
        &[
            "second", "third", "fourth", "fifth", "sixth", "doosri", "dusri", "teesri", "tisri",
            "chauthi", "paanchvi", "dusra", "teesra", "chautha",
        ],
    ),
    (
        Cue::GateRoom,
        &[ "pod",
            "*rm", "*room", "*bed", "*ward", "*cabin", "*bay", "*cubicle", "*बेड", "*कमरा",
            "*वार्ड", "west", "east", "north", "south",
        ],
    ),
    // Word endings (no left boundary; `signals::pairs` keeps them only on whole words of
    // seven letters or more): generic-name stems of prescription drug classes (-pril ACE
    // inhibitors, -sartan ARBs…) and surgical and endoscopic procedures.
    (
        Cue::DrugSuffix,
        &[
            "*pril", "*sartan", "*olol", "*statin", "*dipine", "*prazole", "*oxacin",
            "*cycline", "*cillin", "*mycin", "*mab", "*tinib", "*gliptin", "*gliflozin",
            "*glutide", "*parin", "*xaban", "*azepam", "*zolam", "*oxetine", "*triptan",
            "*tidine", "*pramine", "*olone", "*formin", "*profen", "*fenac", "*idone",
            "*apine", "*azole", "*vir",
        ],
    ),
    (
        Cue::ProcSuffix,
        &["*ectomy", "*ostomy", "*otomy", "*plasty", "*oscopy", "*opexy", "*orrhaphy"],
    ),
    (
        Cue::CondSuffix,
        &[
            "*oma", "*omas", "*itis", "*osis", "*emia", "*aemia", "*pathy", "*plasia", "*trophy",
            "*algia", "*penia", "*megaly", "*rrhea", "*rrhoea",
        ],
    ),
    (Cue::RareWord, &["rare", "rarest", "unusual", "extremely rare", "very rare", "durlabh", "दुर्लभ"]),
    (
        Cue::Routine,
        &[
            "blood test", "blood tests", "a test", "tests", "checkup", "check-up",
            "full body checkup", "full body check-up", "flu shot", "flu shots", "flu vaccine",
            "vaccine", "vaccines", "vaccination", "cleaning", "consultation", "appointment",
            "walk-ins", "physical", "eye test", "jaanch", "जांच", "जाँच", "टीका", "teeka",
        ],
    ),
    (
        Cue::Intensifier,
        &[
            "bahut", "zyada", "jyada", "bahut zyada", "heavy", "heavily", "lots of",
            "a lot of", "so much", "too much", "nonstop", "बहुत", "ज़्यादा", "ज्यादा",
        ],
    ),
    (
        Cue::CareArea,
        &[
            "er", "emergency room", "emergency department", "icu", "nicu", "picu", "ccu",
            "intensive care", "ward", "wards", "trauma bay", "operating room", "operating theatre",
            "burn unit", "burns unit", "burn ward", "burn centre", "burn center", "trauma unit",
            "labor & delivery", "labour & delivery", "l & d", "labor and delivery unit",
            "operation theatre", "operation theater", "operating theater",
            "ot", "labor and delivery", "labour ward", "l&d", "recovery room", "pre-op", "post-op",
            "bedside", "patient room", "patient rooms", "exam room", "labour room", "labor room",
            "delivery room", "लेबर रूम", "infusion center",
            "infusion centre", "dialysis unit", "casualty", "opd", "वार्ड", "आईसीयू",
            "in the chair", "in our chair", "dental chair", "dentist's chair", "treatment chair",
        ],
    ),
    (
        Cue::StaffRole,
        &[
            "from the front desk", "from our front desk", "at the front desk", "our receptionist",
            "media inquiries", "media enquiries", "media contact", "press contact", "press inquiries",
            "press enquiries", "media relations", "our spokesperson", "hospital spokesperson",
            "from our billing team", "our office manager", "our hygienist", "our dental hygienist",
            "our medical assistant", "our nurse practitioner", "from our team", "of our team",
        ],
    ),
    (
        Cue::NotHealth,
        &[
            "give me a heart attack", "gave me a heart attack", "giving me a heart attack",
            // Screening camps anyone may walk into: "is Ravivaar free sugar camp hai".
            "sugar camp", "diabetes camp", "bp camp", "eye camp", "dental camp",
            "screening camp", "checkup camp", "check-up camp", "sugar jaanch shivir",
            "शुगर कैंप", "शुगर जांच शिविर", "मधुमेह जांच शिविर",
            "operation theatre", "operation theater", "operation theatres", "operation theaters",
            "going to give me a heart attack", "gonna give me a heart attack", "heart attack waiting",
            "a pain in the neck", "pain in the neck", "gives me a headache", "giving me a headache",
            "gave me a headache", "sick and tired", "sick of waiting", "makes me sick",
            "reports on social media", "media reports", "news reports", "reports in the media",
            "reports of", "reports that", "press reports", "जान ले लेंगे", "jaan le lenge",
            "sar dard bana", "सिरदर्द बन",
        ],
    ),
    (
        Cue::Overcame,
        &["beat", "beats", "defeated", "overcame", "overcome", "conquered", "survived", "fought off"],
    ),
    (
        Cue::Apology,
        &[
            "sorry for the", "sorry about the", "apologize for the", "apologise for the",
            "apologies for the", "we regret the", "maafi chahte", "माफ़ी चाहते", "खेद है",
        ],
    ),
    (
        Cue::Mishap,
        &[
            "fell", "fallen", "has fallen", "swallowed", "drank", "choked", "choking on", "bit him",
            "bit her", "bitten", "stung", "burned", "burnt", "scalded", "electrocuted", "hit his head",
            "hit her head", "collapsed", "fainted", "seizure", "fits",
            "can't move", "cannot move", "not moving", "can't feel", "gir gaya", "gir gayi",
            "gir gaye", "gir pada", "gir padi", "kha liya", "kha li", "pee liya", "pee li", "pi liya",
            "pi li", "pee gaya", "pee gayi", "pi gaya", "pi gayi", "kha gaya", "kha gayi",
            "nigal liya", "nigal gaya", "nigal gayi", "निगल लिया", "निगल गया", "पी गया", "पी गई",
            "खा गया", "खा गई", "kaat liya", "kaat liya hai", "dank mara", "jal gaya", "jal gayi", "behosh",
            "hil nahi", "गिर गया", "गिर गई", "गिर गए", "गिर पड़ा", "खा लिया",
            "खा ली", "पी लिया", "पी ली", "काट लिया", "डंक मारा", "जल गया", "जल गई",
            "हिल नहीं",
        ],
    ),
    (
        Cue::Urgent,
        &[
            "just", "just now", "right now", "suddenly", "all of a sudden", "please help", "help me",
            "help!", "urgent", "urgently", "emergency", "asap", "achanak", "abhi abhi", "jaldi",
            "madad", "madad karo", "madad karein", "turant", "galti se", "गलती से", "accidentally", "अचानक", "अभी अभी", "जल्दी", "मदद",
            "तुरंत",
        ],
    ),
    (Cue::EndWord, &["end", "ending", "finish", "khatam", "khatm", "khtm", "खत्म", "ख़त्म", "समाप्त"]),
    (
        Cue::LifeWord,
        &[
            "it all", "everything", "my life", "myself", "sab", "sab kuch", "zindagi", "jindagi",
            "khud", "khud ko", "apne aap", "सब", "सब कुछ", "ज़िंदगी", "जिंदगी", "खुद", "अपने आप",
        ],
    ),
    (
        Cue::BleedWord,
        &["bleed", "khoon", "खून", "blood loss", "losing blood", "रक्तस्राव"],
    ),
];
