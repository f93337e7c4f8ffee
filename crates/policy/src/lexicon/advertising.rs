//! Advertising claims (FTC-SUBST, FTC-TYPICAL, FTC-CONNECT, FDA-BALANCE): cure and
//! guarantee language and its negations, testimonial disclaimers, connection disclosures,
//! prescription-drug brands, benefit claims and risk information.

use super::{Cue, Group};

#[rustfmt::skip]
pub(super) const GROUPS: &[Group] = &[
    (
        Cue::Subst,
        &[
            "no need for insulin", "no insulin ever", "never need insulin", "off insulin forever",
            "stopped insulin", "stop insulin", "quit insulin", "no more insulin", "insulin free",
            "insulin-free", "diabetes khatam", "sugar khatam", "डायबिटीज खत्म", "शुगर खत्म",
            "cures", "cure for", "cure your", "cured", "we cure", "permanent cure",
            "permanently cure", "permanently cures", "guaranteed cure", "miracle cure",
            "100% cure", "100 % cure", "100% success", "100 % success", "100% effective",
            "100% results", "100% guaranteed", "100% recovery", "100% relief",
            "guaranteed results", "guaranteed result", "results guaranteed",
            "guaranteed weight loss", "guaranteed to", "reverse diabetes", "reverses diabetes",
            "reverse your diabetes", "reverse aging", "reverses aging",
            "reverse heart disease", "cure cancer", "cures cancer", "cure diabetes",
            "cures diabetes", "cure arthritis", "cures arthritis", "cure autism",
            "prevents covid", "prevent covid", "prevent coronavirus", "prevents coronavirus", "protect against covid", "protects against covid", "protect you from covid", "protects you from covid", "kills covid", "prevent the flu", "prevents the flu", "covid-proof", "cure covid", "cures covid", "kills the virus",
            "no side effects", "zero side effects", "without any side effects", "100% safe",
            "proven to cure", "proven cure", "never come back", "never comes back",
            "pakka ilaj", "pakka ilaaj", "guaranteed ilaj", "jad se khatam", "jad se khatm",
            "jadd se", "पक्का इलाज", "स्थायी इलाज", "जड़ से खत्म", "जड से खत्म", "जड़ से",
            "जड से", "100% इलाज", "गारंटीड इलाज", "गारंटी से", "chamatkari", "चमत्कारी",
        ],
    ),
    (
        Cue::SubstWeak,
        &[
            "ever again", "forever", "for life",
            "reversed", "dropped",
            // Everyone helped, nobody failed: a 100 % claim without the number.
            "every patient who's tried", "every patient who has tried", "every patient who tried",
            "every single patient has", "every patient has been", "each patient who tried",
            "everyone who has tried", "everyone who's tried", "everyone who tried",
            "never had a failure", "not a single failure", "har mareez ko", "har patient ko",
            "हर मरीज को",
            "cure", "guarantee", "guaranteed", "guarantees", "miracle", "miraculous",
            "permanently", "eliminates", "eradicates", "get rid of", "risk-free", "risk free",
            "clinically proven", "scientifically proven", "instant relief", "boosts immunity",
            "boost immunity", "immunity booster", "immunity double", "double immunity", "boost your immune system", "boosts your immune system", "boosts the immune system", "immune-boosting", "reverses", "100%", "100 %",
            "completely safe", "gaaranti", "guarantee ke saath", "गारंटी", "चमत्कार",
            "chamatkar", "hamesha ke liye", "हमेशा के लिए", "khatam", "खत्म",
        ],
    ),
    (
        Cue::AskAbout,
        &[
            "ask about", "ask your doctor about", "ask your doctor if", "talk to your doctor about",
            "ask your provider about", "ask us about", "doctor se poochhiye", "doctor se puchiye",
        ],
    ),
    (
        Cue::ClaimVerb,
        &[
            "reverse", "reverses", "reversing", "heal", "heals", "regrow", "regrows",
            "regenerate", "regenerates", "eliminate", "eliminates", "eradicate", "eradicates",
            "erase", "erases", "melt away", "melts away", "dissolve", "dissolves", "get rid of", "gets rid of", "wipe out", "wipes out", "banish", "banishes", "cure",
            "cures", "permanently fix", "permanently fixes", "jad se khatam", "jad se mitaye",
            "jad se mita", "jad se theek", "जड़ से खत्म", "जड़ से मिटाए", "जड़ से ठीक", "hamesha ke liye theek",
            "हमेशा के लिए ठीक",
        ],
    ),
    (
        Cue::SubstNeg,
        &[
            "help heal", "helps heal", "help eliminate", "helps eliminate", "can't", "cannot", "can not", "won't", "doesn't", "does not", "don't", "do not", "myth",
            "no supplement", "no pill", "nothing can", "nahi kar sakta", "nahi kar sakti", "नहीं कर सकता",
            "help prevent", "helps prevent", "vaccine", "vaccines", "vaccination", "booster",
            "gopniyata ki guarantee", "confidentiality guaranteed", "guaranteed confidentiality",
            "privacy guaranteed", "guaranteed privacy", "100% confidential", "गोपनीयता की गारंटी",
            "no cure", "not a cure", "isn't a cure", "is no cure", "there is no cure",
            "without a cure", "no known cure", "no guarantee", "no guarantees",
            "not guaranteed", "cannot guarantee", "can't guarantee", "don't guarantee",
            "do not guarantee", "no miracle", "no miracles", "can be cured", "cannot be cured",
            "can't be cured", "not be cured", "never be cured", "not be reversed",
            "is curable", "are curable", "curable", "cure rate", "cure rates", "not 100%",
            "never 100%", "no treatment is 100%", "nothing is 100%", "इलाज संभव",
            "ilaj sambhav", "ilaaj sambhav", "theek ho sakta", "ठीक हो सकता",
            "no side effects are", "guarantee your privacy", "guaranteed appointment",
            "guarantee a response", "guarantee that your information", "100% of proceeds",
            "100% free",
        ],
    ),
    (
        Cue::Comparative,
        &[
            "than any other", "more than any other", "better than any", "better than all",
            "best in the state", "best in the country", "#1 in the state", "#1 in the nation",
            "number one in the state", "highest-rated", "highest rated", "the only hospital",
            "unlike other hospitals", "kisi aur hospital se zyada",
        ],
    ),
    (
        Cue::RemoteRx,
        &[
            "text us your symptoms", "dm us your symptoms", "send us your symptoms",
            "message us your symptoms", "send the prescription", "we'll send the prescription",
            "we will send the prescription", "prescription without an appointment",
            "without seeing a doctor", "no doctor visit needed", "no visit needed",
            "dawai likh denge", "online dawai", "prescription bhej denge", "apni problem dm",
        ],
    ),
    (
        Cue::ResultsClaim,
        &[
            "see results", "see visible results", "visible results", "results after just",
            "results in just", "results after one session", "results in one session",
            "results after the first session", "instant results", "patients lose",
            "patients lost", "patients see", "our patients lose", "lose up to",
            "results you can see", "nateeje", "नतीजे दिखें",
        ],
    ),
    (
        Cue::TypicalDisclaimer,
        &[
            // What patients generally achieve. "Results may vary" and "results not typical"
            // are not enough (FTC Endorsement Guides, 2009 revision of 255.2).
            "typical results", "typical patient", "typically", "most patients", "on average",
            "average patient", "generally expected", "the average result", "median",
        ],
    ),
    (
        Cue::Disclosure,
        &[
            "#ad", "#sponsored", "#partner", "#paid", "#employee", "#gifted",
            "#paidpartnership", "#advertisement", "#collab", "paid partnership", "sponsored",
            "partnering with", "partnered with", "in partnership with", "paid by", "i work at",
            "i work for", "i work here", "i'm an employee", "i am an employee", "employee of",
            "as an employee", "full disclosure", "disclosure", "i was paid", "received free",
            "in exchange for", "gifted", "brand ambassador", "i'm a nurse at",
            "i am a nurse at", "my employer", "where i work", "our hospital", "our clinic",
            "our practice", "our office", "our team", "my team", "my colleagues",
            "my workplace",
        ],
    ),
    (
        Cue::Endorse,
        &[
            "use my link", "my link", "link in my bio", "my affiliate link", "swipe up", "use link", "discount link",
            "highly recommend", "i recommend", "recommend", "best", "amazing", "awesome",
            "love this", "love them", "5 stars", "five stars", "5-star",
            "ask your doctor about", "use my code", "use code", "discount code", "link in bio",
            "go see", "check out", "must try", "game changer", "game-changer", "obsessed",
            "the greatest", "top notch", "top-notch", "fantastic", "incredible", "excellent",
            "wonderful", "go-to",
        ],
    ),
    (
        Cue::RxBrand,
        &[
            "ozempic", "wegovy", "mounjaro", "zepbound", "saxenda", "victoza", "trulicity",
            "rybelsus", "jardiance", "farxiga", "januvia", "humira", "enbrel", "remicade",
            "keytruda", "opdivo", "dupixent", "skyrizi", "stelara", "otezla", "rinvoq",
            "cosentyx", "taltz", "xeljanz", "eliquis", "xarelto", "entresto", "lipitor",
            "crestor", "plavix", "brilinta", "synthroid", "lexapro", "zoloft", "prozac",
            "wellbutrin", "abilify", "vraylar", "rexulti", "seroquel", "latuda", "adderall",
            "vyvanse", "ritalin", "xanax", "ambien", "lyrica", "neurontin", "viagra", "cialis",
            "botox", "juvederm", "accutane", "diclegis", "bonjesta", "clomid", "nurtec",
            "ubrelvy", "aimovig", "emgality", "qulipta", "biktarvy", "descovy", "truvada",
            "paxlovid", "tamiflu", "xofluza", "shingrix", "gardasil", "spiriva", "symbicort",
            "advair", "breo", "trelegy", "nucala", "xolair", "fasenra", "tepezza", "leqembi",
            "aduhelm", "qsymia", "contrave", "chantix", "suboxone", "vivitrol", "sublocade",
            "linzess", "trintellix", "caplyta", "auvelity", "zurzuvae", "veozah", "orilissa",
            "myfembree", "nexplanon", "mirena", "addyi", "vyleesi", "ocrevus", "tecfidera",
        ],
    ),
    (
        Cue::RxContext,
        &[
            "prescribed", "prescription", "prescribing", "ask your doctor about",
            "ask your doctor if", "talk to your doctor about", "rx", "rx-only", "rx only",
            "fda-approved", "fda approved", "prescribing information", "full prescribing",
        ],
    ),
    (
        Cue::Benefit,
        &[
            "lose", "lose up to", "lose weight", "shed pounds", "drop pounds", "lower your", "control your", "manage your",
            "for chronic", "weight management", "management of", "to help", "helps adults", "to reduce", "to lower", "to improve", "protects",
            "felt so much better", "feel so much better", "feel better", "feel great", "works",
            "worked", "effective", "relief", "helped me", "helps", "clears", "cleared",
            "clear skin", "reduces", "reduced", "lowers", "lowered", "controls", "controlled",
            "for the treatment of", "to treat", "treats", "indicated for", "approved for",
            "for moderate", "for moderate-to-severe", "for adults with", "for people with",
            "no increased risk", "safe for", "studied", "life-changing", "game changer",
            "lost", "weight loss", "so much better", "changed my life", "finally free",
            "struggling with", "suffering from", "say goodbye to", "tired of",
            "smooth those", "smooth your", "smooths", "smoother skin", "erase", "erases", "banish", "look younger", "younger-looking", "frown lines", "crow's feet", "wrinkle-free", "melt fat", "melts fat",
        ],
    ),
    (
        Cue::RiskInfo,
        &[
            "side effects", "side effect", "can cause", "may cause", "can occur", "may occur",
            "serious infections", "serious", "warning", "warnings", "boxed warning",
            "safety information", "safety info", "important safety", "prescribing information",
            "contraindicated", "do not take", "don't take", "risk of", "risks include",
            "risks", "adverse", "allergic reactions", "fatal", "liver injury",
            "thyroid tumors", "pancreatitis", "suicidal thoughts", "most common side",
        ],
    ),
];
