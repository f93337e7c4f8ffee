//! Crisis and emergency language (PRO-CRISIS), emergency numbers, and the question/answer
//! shapes of individual medical advice (PRO-ADVICE). English, Hinglish, Hindi.
//!
//! Figures of speech ("this wait is killing me", "dying to try it") are deliberately absent:
//! only first-person intent or acute symptoms escalate.

use super::{Cue, Group};

#[rustfmt::skip]
pub(super) const GROUPS: &[Group] = &[
    (
        Cue::CrisisSelfHarm,
        &[
            "nahi jee sakta", "nahi jee sakti", "jee nahi sakta", "jee nahi sakti", "khatam karna chahta", "khatam karna chahti", "sab khatam karna",
            "keep cutting", "cutting again", "cut again", "started cutting", "burning myself", "scratching myself", "hitting myself", "starving myself", "purging", "throwing up on purpose", "i cant stop cutting", "can't stop cutting",
            "if i was gone", "if i were gone", "when i'm gone", "when im gone", "if i disappeared", "nobody would notice", "nobody would even notice", "no one would notice", "no one would even notice", "nobody would miss me", "no one would miss me", "nobody would care if i", "no one would care if i", "everyone would be better off", "main na rahun", "main na rahoon", "mere na rehne se", "मेरे न रहने से", "मैं न रहूं",
            "don't see the point", "dont see the point", "see the point anymore", "no point anymore", "what's the point anymore", "can't do this anymore", "cant do this anymore", "can't take it anymore", "cant take it anymore", "tired of living", "tired of life", "want it to end", "want it all to end", "end the pain", "saving up my pills", "saving up pills", "saving my pills", "stockpiling pills", "stockpiling my", "writing my note", "suicide note", "final goodbye", "won't be here tomorrow", "wont be here tomorrow", "better off without me", "no reason to wake up", "don't want to wake up", "dont want to wake up", "wish i could disappear", "disappear forever", "mar jaunga", "mar jaungi", "mar jaana hai", "zindagi se tang", "zindagi se thak", "jeena bekar", "jeene ka koi matlab", "jine ka koi matlab", "koi matlab nahi", "jine ka mann nahi", "khatam kar dena chahta", "khatam kar dena chahti", "neend ki goliyan", "zeher kha", "zehar kha", "jahar kha", "phansi", "fansi", "pankhe se", "जीने का कोई मतलब", "ज़िंदगी से तंग", "जिंदगी से तंग", "फांसी", "ज़हर खा", "जहर खा", "नींद की गोलियां", "मर जाऊंगा", "मर जाऊंगी",
            "suicide", "suicidal", "kill myself", "killing myself", "end my life",
            "ending my life", "end it all", "want to die", "wanna die", "wish i was dead",
            "wish i were dead", "better off dead", "don't want to live", "do not want to live",
            "dont want to live", "no reason to live", "no point living", "no point in living",
            "can't go on", "cannot go on", "hurt myself", "hurting myself", "harm myself",
            "self-harm", "self harm", "cut myself", "cutting myself", "take all my pills",
            "took all my pills", "overdose", "overdosed", "swallowed pills", "jump off",
            "hang myself", "goodbye forever", "not be around much longer",
            // Hinglish
            "marna chahta", "marna chahti", "mar jaana chahta", "mar jana chahta",
            "mar jaana chahti", "mar jana chahti", "jeena nahi chahta", "jeena nahi chahti",
            "jeene ka mann nahi", "jine ka man nahi", "khudkushi", "aatmhatya", "atmahatya",
            "suicide kar", "khud ko khatam", "zindagi khatam", "sab khatam kar",
            // Hindi
            "आत्महत्या", "खुदकुशी", "मरना चाहता", "मरना चाहती", "मर जाना चाहता",
            "मर जाना चाहती", "जीना नहीं चाहता", "जीना नहीं चाहती", "जीने का मन नहीं",
            "खुद को खत्म", "ज़िंदगी खत्म", "जिंदगी खत्म", "खुद को नुकसान",
        ],
    ),
    (
        Cue::CrisisMedical,
        &[
            "just collapsed", "has collapsed", "suddenly collapsed", "collapsed just now", "breathing weird", "breathing funny", "breathing strangely", "gasping for air", "gasping for breath", "choking", "no pulse", "isn't breathing", "is not breathing", "won't respond", "goliyan kha li", "goliya kha li", "goli kha li", "tablets kha li", "गोलियां खा ली", "गोलियाँ खा ली", "sari goliyan", "सारी गोलियां",
            "sweating and", "cold sweat", "पसीना आ रहा", "paseena aa raha", "saans nahi le", "साँस नहीं ले", "सांस नहीं ले", "बेहोश हो गए", "बेहोश हो गई", "behosh ho gaye", "behosh ho gayi", "hard to wake", "won't wake", "can't wake", "blue lips", "fits aa rahe", "दौरे पड़", "not responding",
            "took a bunch of", "took a handful of", "took too many", "took all her", "took all his", "took the whole bottle", "whole bottle of", "wont wake", "cant wake", "isnt breathing", "not waking", "cant breathe",
            "drank some of the", "swallowed some of the", "ate some of the", "dishwasher detergent", "laundry pod", "detergent pod", "drain cleaner", "button battery", "kerosene pi", "kerosene pee", "केरोसिन पी", "मिट्टी का तेल पी", "phenyl pi", "फिनाइल पी",
            "fell off the roof", "fell from the roof", "fell down the stairs", "fell from the balcony", "head is bleeding", "bleeding from his head", "bleeding from her head", "chhat se gir", "chat se gir", "sar se khoon", "sir se khoon", "छत से गिर", "सिर से खून", "सर से खून", "सीढ़ियों से गिर", "lakwa", "munh tedha", "मुंह टेढ़ा",
            "snake bit", "snakebite", "snake bite", "bitten by a snake", "bit by a snake", "stung by a scorpion", "scorpion sting", "swallowed a battery", "swallowed bleach", "drank bleach", "drank poison", "rat poison", "drank pesticide", "electric shock", "electrocuted", "badly burned", "severely burned", "hit his head and", "hit her head and",
            "saanp ne kaat", "saap ne kaat", "sanp ne kaat", "saanp ne kata", "sanp ne kata", "saap ne kata", "bichhu ne kaat", "bichhu ne dank", "bichhoo ne", "keetnashak pee", "keetnashak pi", "zeher pee", "zehar pee", "jahar pee", "current lag gaya", "current laga", "bijli ka jhatka", "bura jal gaya", "buri tarah jal",
            "चूहे मारने की दवा", "चूहा मारने की दवा", "chuhe marne ki dawa", "chuhe marne ki dawai", "chuha maar dawa", "ज़हर खा लिया", "जहर खा लिया", "zeher kha liya", "zehar kha liya", "jahar kha liya", "रैट किल",
            "सांप ने काट", "साँप ने काट", "सांप ने डस", "साँप ने डस", "सर्पदंश", "बिच्छू ने", "कीटनाशक पी", "ज़हर पी", "जहर पी", "करंट लग", "बुरी तरह जल",
            "chest pain", "chest hurts", "chest is hurting", "chest has been hurting",
            "chest has been tight", "chest tightness", "crushing chest", "pain in my chest",
            "pain in his chest", "pain in her chest", "arm is numb", "arm went numb",
            "can't breathe", "cannot breathe", "can't catch", "not breathing",
            "stopped breathing", "trouble breathing", "difficulty breathing",
            "struggling to breathe", "unconscious", "unresponsive", "passed out", "fainted",
            "won't wake up", "not waking up", "having a seizure", "seizing",
            "face is drooping", "face drooping", "slurred speech", "slurring",
            "sudden numbness", "worst headache", "bleeding heavily", "heavy bleeding",
            "won't stop bleeding", "severe bleeding", "coughing blood", "vomiting blood",
            "throat is closing", "throat closing", "lips are blue", "turning blue",
            "having a heart attack", "having a stroke", "poisoned", "overdose",
            "high fever and stiff neck", "baby is not breathing", "labour pain", "water broke",
            // Hinglish
            "seene mein dard", "seene me dard", "chhati mein dard", "chati me dard",
            "saans nahi", "saans nahin", "saans lene mein", "behosh", "hosh nahi", "khoon beh",
            "bahut khoon",
            // Hindi
            "सीने में दर्द", "छाती में दर्द", "सांस नहीं", "साँस नहीं", "सांस लेने में",
            "बेहोश", "होश नहीं", "खून बह", "बहुत खून", "लकवा मार",
        ],
    ),
    (
        Cue::EmergencyUs,
        &[
            "911", "988", "9-1-1", "9-8-8", "crisis lifeline", "crisis text line", "741741",
        ],
    ),
    (
        Cue::EmergencyIn,
        &[
            "112", "108", "102", "14416", "1-800-891-4416", "1800-891-4416", "1800 891 4416",
            "tele-manas", "tele manas", "telemanas", "kiran helpline", "1800-599-0019",
        ],
    ),
    (
        Cue::AdviceQ,
        &[
            "should i", "should she", "should he", "should we", "should my", "can i take",
            "can i give", "can she take", "can he take", "can my", "is it safe", "is it ok",
            "is it okay", "is it normal", "is this normal", "which medicine", "what medicine",
            "which tablet", "what tablet", "which medication", "what medication", "what dose",
            "what dosage", "how much should", "how many mg", "how many tablets",
            "what should i", "what can i take", "what do i take", "do i need", "will it help",
            "any medicine", "suggest medicine", "suggest a medicine", "recommend a medicine",
            "suggest some", "which cream", "what cream", "what to take", "what to do",
            "kya lena", "kya le", "kya lu", "kya loon", "kya dena", "kya de", "kaunsi dawai",
            "konsi dawai", "kaun si dawa", "kaunsi dawa", "konsi dawa", "konsi tablet",
            "kaunsi tablet", "kya karu", "kya karun", "kya karein", "dawai batao",
            "dawa batao", "tablet batao", "medicine batao", "कौन सी दवा", "कौनसी दवा",
            "क्या लें", "क्या दें", "क्या करूं", "क्या करें", "दवा बताएं", "दवाई बताइए",
        ],
    ),
    (
        Cue::AdviceA,
        &[
            "they can take", "can take it", "can take one", "can take up to",
            "she can take", "he can take", "you can give", "can give her", "can give him", "har 6 ghante", "har 8 ghante", "हर 6 घंटे", "हर 8 घंटे",
            "kijiye", "dete rahiye", "lete rahiye", "khate rahiye", "rahiye", "kam kijiye", "band kijiye", "band kar dijiye", "kar dijiye", "khaiye", "kam karein", "keep taking", "keep giving", "continue taking", "drink plenty", "rest at home", "cut down", "reduce salt", "apply ice", "ice it", "कीजिए", "देते रहिए", "बंद कर दीजिए",
            "just take", "you can take", "you should take", "try taking", "take it with",
            "take it", "take them", "take one", "take two", "take some", "take 1", "take 2",
            "that's fine", "that is fine", "it's fine", "it is fine", "it's safe",
            "it is safe", "it's ok", "it's okay", "it is ok", "perfectly safe", "totally safe",
            "no problem taking", "nothing to worry", "don't worry", "no need to worry",
            "no need to see", "you don't need", "you do not need", "give her", "give him",
            "give them", "give your", "start her on", "start him on", "start taking",
            "stop taking", "stop the", "increase the dose", "double the dose",
            "reduce the dose", "skip the", "apply it", "apply some", "sounds like",
            "probably just", "it's probably", "it is probably", "it's likely",
            "you probably have", "most likely", "for most people that's fine",
            "should be fine", "will be fine", "bring her for", "bring him for", "once daily",
            "twice daily", "twice a day", "three times a day", "thrice daily", "at bedtime",
            "before meals", "after meals", "with food", "empty stomach",
            // Hinglish / Hindi
            "le lijiye", "lijiye", "le lo", "le sakte", "le sakti", "dijiye", "de dijiye",
            "de do", "kha lijiye", "kha lo", "lagaiye", "laga lijiye", "chinta mat",
            "chinta ki koi baat nahi", "khali pet", "khane ke baad", "khane se pehle",
            "din mein do baar", "din mein teen baar", "roz ek", "दीजिए", "दे दीजिए", "लीजिए",
            "ले लीजिए", "खाइए", "खिलाइए", "लगाइए", "चिंता मत", "चिंता की कोई बात नहीं",
            "खाली पेट", "खाने के बाद", "दिन में दो बार", "दिन में तीन बार", "रोज़ एक",
            "रोज एक",
        ],
    ),
    (
        Cue::Deflect,
        &[
            "call the hospital", "hospital operator", "call the front desk", "call the office",
            "can't give medical advice", "cannot give medical advice",
            "can't offer medical advice", "cannot offer medical advice",
            "can't provide medical advice", "cannot provide medical advice",
            "not able to give medical advice", "unable to give medical advice",
            "can't give individual", "cannot give individual", "can't advise", "cannot advise",
            "not able to advise", "medical advice", "please consult", "consult your",
            "consult a", "consult with", "speak with your", "speak to your",
            "talk to your doctor", "talk with your doctor", "ask your doctor",
            "ask your pharmacist", "call our nurse", "nurse line", "see a doctor",
            "see your doctor", "visit a doctor", "book an appointment", "call us",
            "please call", "contact your", "contact us", "seek medical", "nearest emergency",
            "go to the emergency", "call 911", "call 112", "call 108", "doctor se milein",
            "doctor se mile", "doctor se sampark", "doctor ko dikhaye", "doctor ko dikhayein",
            "डॉक्टर से मिलें", "डॉक्टर से संपर्क", "डॉक्टर को दिखाएं", "डॉक्टर को दिखाइए",
            "हमसे संपर्क",
        ],
    ),
];
