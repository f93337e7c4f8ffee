//! India-specific rules: self-promotion by doctors (IMC 6.1 / NMC), endorsements (IMC 6.4),
//! PC&PNDT sex-determination advertising and its mandatory disclaimer, MTP, and the Drugs
//! and Magic Remedies Act schedule of diseases. English, Hinglish and Devanagari.

use super::{Cue, Group};

#[rustfmt::skip]
pub(super) const GROUPS: &[Group] = &[
    (
        Cue::Boast,
        &[
            "no. 1", "no.1", "no 1", "number 1", "number one", "#1", "nambar 1", "नंबर 1",
            "नं. 1", "नंबर वन", "top-rated", "top rated", "top 10", "most trusted",
            "most experienced", "most advanced", "most successful", "renowned", "world class",
            "world-class", "award-winning", "award winning", "highest success", "success rate",
            "success rates", "lowest cost", "lowest price", "lowest prices", "cheapest",
            "unmatched", "unbeatable", "india's leading", "leading hospital", "leading doctor",
            "leading surgeon", "leading clinic", "leading centre", "leading center",
            "best in town", "best in the city", "best in india", "सर्वश्रेष्ठ", "सबसे अच्छा",
            "सबसे अच्छे", "सबसे बड़ा", "सबसे भरोसेमंद", "प्रसिद्ध", "मशहूर", "sabse achha",
            "sabse accha", "sabse best", "sabse bada", "gold medalist", "gold medallist",
            "gold-medalist", "lowest fees", "lowest fee", "cheapest fees", "sabse kam fees",
            "सबसे कम फीस", "गोल्ड मेडलिस्ट",
        ],
    ),
    (
        Cue::BoastWord,
        &[
            "best", "top", "leading", "बेस्ट", "टॉप", "expert", "specialist in", "famous",
        ],
    ),
    (
        Cue::ProNoun,
        &[
            "doctor", "doctors", "surgeon", "surgeons", "hospital", "hospitals", "clinic",
            "clinics", "centre", "center", "dentist", "dentists", "dental", "specialist",
            "specialists", "physician", "gynaecologist", "gynecologist", "gynae",
            "cardiologist", "neurologist", "orthopaedic", "orthopedic", "ortho", "oncologist",
            "urologist", "dermatologist", "skin", "pediatrician", "paediatrician",
            "ophthalmologist", "eye", "ivf", "fertility", "diagnostic", "diagnostics", "lab",
            "pathology", "treatment", "care", "healthcare", "physiotherapist", "sexologist",
            "homeopath", "ayurvedic", "डॉक्टर", "अस्पताल", "क्लिनिक", "सर्जन", "इलाज",
            "हॉस्पिटल", "daktar",
        ],
    ),
    (
        Cue::SoftPromo,
        &[
            "just ₹", "only ₹", "for just", "at only", "this week only", "reply yes", "reply yes to book",
            "% off", "percent off", "off on", "off your", "discount", "discounted", "flat",
            "special offer", "offer valid", "limited offer", "festive offer", "offer price",
            "combo offer", "limited period", "limited time", "hurry", "book now", "cashback",
            "cash back", "package", "packages", "starting at", "starting from", "at just",
            "only rs", "just rs", "rs.", "refer a friend", "referral bonus",
            "free consultation", "free consult", "free opd", "first consultation free", "छूट",
            "ऑफर", "मुफ्त परामर्श", "muft salah", "muft consultation",
        ],
    ),
    (
        Cue::Pcpndt,
        &[
            "putra-prapti", "putrajeevak", "putrajivak", "gender selection", "choose the sex", "choose your baby's gender", "pick the gender", "select the gender", "family balancing", "beta paane", "beta pane", "ladka paane", "ladke ki dawa", "ladke ki dawai", "बेटा पाने", "पुत्रप्राप्ति",
            "gender reveal", "gender reveal package", "baby's sex", "sex of baby", "gender of baby", "gender check", "gender scan", "sex scan", "ling pata", "ling ki jaanch", "लिंग की जाँच", "लिंग की जांच", "लिंग पता", "भ्रूण लिंग", "भ्रूण के लिंग", "bhrun ling", "beta hoga ya beti", "ladka hoga ya ladki",
            "sex determination", "sex-determination", "sex selection", "sex-selection",
            "gender test", "gender determination", "gender detection", "gender prediction",
            "gender reveal scan", "know the sex", "know the gender", "know your baby's gender",
            "know your baby's sex", "baby's gender", "baby gender", "boy or girl",
            "girl or boy", "fetal sex", "foetal sex", "sex of the fetus", "sex of the foetus",
            "sex of your baby", "sex of the baby", "gender of the baby", "gender of your baby",
            "chinese gender", "son assured", "guaranteed son", "putra prapti", "beta hoga",
            "ladka hoga", "ladka ya ladki", "ladki ya ladka", "beta ya beti", "beti ya beta",
            "लिंग जांच", "लिंग जाँच", "लिंग परीक्षण", "लिंग निर्धारण", "लिंग चयन",
            "बेटा या बेटी", "बेटी या बेटा", "लड़का या लड़की", "लडका या लडकी", "पुत्र प्राप्ति",
            "बेटा होगा", "ling jaanch", "ling janch", "ling parikshan",
        ],
    ),
    (
        Cue::PcpndtDisclaimer,
        &[
            "not done", "is not done", "are not done", "not conducted", "not performed",
            "not disclosed", "not revealed", "will not be disclosed", "prohibited",
            "punishable", "illegal", "offence", "offense", "banned", "strictly prohibited",
            "we do not", "we don't", "does not", "नहीं किया जाता", "नहीं की जाती",
            "नहीं बताया जाता", "दंडनीय", "अपराध", "प्रतिबंधित", "वर्जित", "nahi kiya jata",
            "nahin kiya jata", "nahi ki jaati", "nahi bataya jata", "dandniya", "apradh",
            "pcpndt act", "pc&pndt", "pc-pndt", "pndt act",
        ],
    ),
    (
        Cue::Mtp,
        &[
            "mtp", "medical termination", "termination of pregnancy", "pregnancy termination",
            "abortion", "aborted", "garbhpat", "garbh samapan", "गर्भपात", "गर्भ समापन", "d&c",
        ],
    ),
    (
        Cue::DmrDisease,
        &[
            "knee pain", "joint pain", "jodon ka dard", "ghutno ka dard", "घुटनों के दर्द", "घुटने का दर्द", "जोड़ों का दर्द", "जोडों का दर्द", "back pain", "kamar dard", "कमर दर्द",
            "regrows hair", "hair regrowth", "regrow hair",
            "diabetes", "sugar", "cancer", "aids", "hiv", "asthma", "obesity", "weight loss",
            "fat loss", "baldness", "hair fall", "hair loss", "grey hair", "greying",
            "premature ageing", "premature aging", "fairness", "fair skin", "skin whitening",
            "height", "increase height", "impotence", "sexual power", "sexual performance",
            "erectile", "infertility", "sterility", "epilepsy", "fits", "paralysis",
            "arthritis", "rheumatism", "kidney stones", "kidney stone", "gall stones",
            "gallstones", "stones", "heart disease", "blood pressure", "bp", "hypertension",
            "cataract", "glaucoma", "blindness", "deafness", "leprosy", "leucoderma",
            "vitiligo", "tuberculosis", "tb", "piles", "thyroid", "tumour", "tumor", "ulcer",
            "ulcers", "insanity", "pcos", "pcod", "मधुमेह", "डायबिटीज", "शुगर", "कैंसर", "दमा",
            "मोटापा", "गंजापन", "नपुंसकता", "बांझपन", "पथरी", "लकवा", "मिर्गी", "गठिया",
            "सफेद दाग", "टीबी", "बवासीर", "थायराइड", "madhumeh", "motapa", "ganjapan",
            "napunsakta", "banjhpan", "pathri", "mirgi", "gathiya", "safed daag", "bawaseer",
        ],
    ),
    (
        Cue::Remedy,
        &[
            "tablets", "natural medicine", "natural cure", "no need for insulin", "insulin free", "insulin-free", "best medicine for",
            "remedy", "remedies", "medicine for", "capsule", "capsules", "tablet", "churna",
            "churan", "kadha", "tonic", "powder", "herbal", "ayurvedic", "homeopathic",
            "drops", "syrup", "juice", "oil", "desi", "nuskha", "jadi buti", "jadibuti", "दवा",
            "चूर्ण", "काढ़ा", "काढा", "नुस्खा", "जड़ी बूटी", "जडी बूटी", "आयुर्वेदिक", "cure",
            "cures", "treats", "reverse", "reverses", "get rid of", "ilaj", "ilaaj", "इलाज",
            "khatam", "खत्म", "bhagaye", "भगाए", "control kare", "no need of insulin",
            "stop insulin", "insulin band", "without surgery", "bina operation", "बिना ऑपरेशन",
        ],
    ),
    (
        Cue::EndorseIn,
        &[
            "explains why", "swears by", "trust only", "only serum i trust", "my go-to", "the best natural medicine", "best medicine",
            "i recommend", "i personally recommend", "i always recommend", "i suggest",
            "i prescribe", "i always prescribe", "recommended by", "doctor recommended",
            "doctor-recommended", "dermatologist recommended", "recommended by doctors",
            "i trust", "trusted by doctors", "my favourite", "my favorite", "i use",
            "use code", "buy now", "order now", "available on amazon", "shop now",
            "brand ambassador", "endorse", "endorsed", "recommends", "मैं सलाह", "मैं सुझाव",
            "इस्तेमाल करें", "use karein", "use karen", "kharidein", "खरीदें",
            "recommend karta", "recommend karti", "recommend karte", "sujhav deta",
            "use karti hoon", "use karta hoon", "use karte hain", "istemal karti", "istemal karta", "इस्तेमाल करती हूँ", "इस्तेमाल करता हूँ", "link bio mein", "bio mein link", "link in bio", "batati hoon", "batata hoon", "suggest karti", "suggest karta",
        ],
    ),
    (
        Cue::ProductWord,
        &[
            "brand", "tonic", "supplement", "supplements", "protein powder", "powder", "cream",
            "toothpaste", "sanitizer", "shampoo", "oil", "soap", "capsules", "syrup",
            "vitamin", "vitamins", "multivitamin", "immunity booster", "device", "glucometer",
            "kit", "product", "products", "drink", "health drink", "chyawanprash", "ointment",
            "lotion", "serum", "mouthwash", "sunscreen", "sunblock", "moisturizer", "moisturiser", "face wash", "facewash", "cleanser", "hair oil", "conditioner", "baby food", "infant formula", "diapers", "toothbrush",
        ],
    ),
];
