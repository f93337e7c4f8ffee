//! Building blocks of indirect crisis language. Each is ordinary on its own ("goodbye",
//! "the roof", "doesn't matter anyway"); `signals::crisis` escalates only their
//! combinations, so a retirement card or a roof repair never does. Word families in
//! English, Hinglish (several transliterations) and Hindi.

use super::{Cue, Group};

#[rustfmt::skip]
pub(super) const GROUPS: &[Group] = &[
    (
        Cue::Farewell,
        &[
            "goodbye", "good bye", "good-bye", "farewell", "say bye", "bye everyone", "bye all",
            "final message", "last message", "goodbye message", "goodbye note", "farewell note",
            "goodbye letter", "last letter", "final letter",
            "alvida", "alvidaa", "aakhri message", "akhri message", "aakhiri message",
            "aakhri khat", "antim sandesh", "sab ko bata dena", "sabko bata dena", "tell everyone i love",
            "tell them i love", "tell my family i", "सबको बता देना", "aakhri baar likh", "akhri baar likh", "आखिरी बार लिख",
            "last time i'm writing", "writing this for the last time", "for the last time,", "अलविदा", "आखिरी मैसेज", "आख़िरी मैसेज", "आखिरी संदेश",
            "अंतिम संदेश", "आखिरी खत", "आख़िरी ख़त",
        ],
    ),
    (
        Cue::Futility,
        &[
            "doesn't matter anyway", "doesnt matter anyway", "does not matter anyway",
            "doesn't matter anymore", "doesnt matter anymore", "nothing matters", "none of it matters",
            "what's the point", "whats the point", "what is the point", "no point", "pointless",
            "no one will care", "nobody will care", "no one cares", "nobody cares",
            "no one will notice", "nobody will notice", "won't make a difference",
            "tired of all of it", "tired of it all", "tired of everything", "so tired of all",
            "sick of everything", "sick of it all", "done with everything", "done with it all",
            "koi wajah nahi", "koi wajah nahin", "कोई वजह नहीं", "nahi sah sakti", "nahi sah sakta", "sah nahi sakti", "sah nahi sakta", "सह नहीं सकती",
            "सह नहीं सकता", "नहीं सह सकती", "नहीं सह सकता", "bardasht nahi kar sakti",
            "bardasht nahi kar sakta", "i'm done", "im done", "i am done", "can't face", "cant face", "can't face my", "nothing left", "i can't anymore",
            "i cant anymore", "ab aur nahi", "ab aur nahin", "अब और नहीं",
            "koi fark nahi", "koi farak nahi", "koi fark nahin", "kisi ko fark", "kisi ko farak",
            "fark nahi padega", "farak nahi padega", "fark nahi padta", "farak nahi padta",
            "kya fayda", "kya faayda", "kya fayada", "munh nahi dikha", "muh nahi dikha",
            "mooh nahi dikha", "thak gaya hoon", "thak gayi hoon", "thak gaya hu", "thak gayi hu",
            "thak chuka", "thak chuki", "haar gaya hoon", "haar gayi hoon", "kuch nahi bacha",
            "फर्क नहीं पड़ेगा", "फर्क नहीं पड़ता", "कोई फर्क नहीं", "किसी को फर्क",
            "क्या फायदा", "मुंह नहीं दिखा", "मुँह नहीं दिखा", "थक गया हूं", "थक गई हूं",
            "थक चुका", "थक चुकी", "हार गया हूं", "हार गई हूं", "कुछ नहीं बचा",
        ],
    ),
    (
        Cue::Absence,
        &[
            "won't be needing", "wont be needing", "will not be needing", "won't need doctors",
            "won't need a doctor", "won't be around", "wont be around", "won't be here",
            "wont be here", "will not be here", "not be here", "won't bother anyone",
            "kisi ko pareshan nahi", "pareshan nahi karunga", "pareshan nahi karungi",
            "tang nahi karunga", "tang nahi karungi", "परेशान नहीं करूंगा", "परेशान नहीं करूंगी",
            "बोझ नहीं बनूंगा", "बोझ नहीं बनूंगी", "bojh nahi banunga", "bojh nahi banungi",
            "won't bother you again", "you won't hear from me", "last time you'll hear",
            "nahi rahunga", "nahi rahungi", "nahin rahunga", "nahin rahungi", "nahi rahoonga",
            "nahi rahoongi", "nahi milunga", "nahi milungi", "kabhi nahi milenge",
            "नहीं रहूंगा", "नहीं रहूंगी", "नहीं रहूँगा", "नहीं रहूँगी", "नहीं मिलूंगा",
            "नहीं मिलूंगी", "कभी नहीं मिलेंगे",
        ],
    ),
    (
        Cue::Height,
        &[
            "roof", "rooftop", "terrace", "ledge", "bridge", "railway track", "railway tracks",
            "train tracks", "train track", "railway line", "top floor", "balcony railing",
            "chhat", "chhath", "chat ke upar", "pul par", "pul pe", "patri", "patriyon",
            "छत", "पुल", "पटरी", "पटरियों", "इमारत की",
        ],
    ),
    (
        Cue::OnEdge,
        &[
            "standing on", "standing at", "sitting on the", "sitting at the", "up on the", "i'm at the", "i'm on the", "im on the", "i am on the", "sitting on the edge",
            "on the edge", "about to jump", "going to jump", "gonna jump",
            "kood*", "kud jaun*", "कूद*", "jump from", "khada hoon", "khadi hoon", "khada hu", "khadi hu", "khada hun", "khadi hun",
            "baitha hoon", "baithi hoon", "kood jaunga", "kood jaungi", "koodne", "kudne",
            "खड़ा हूं", "खड़ी हूं", "खड़ा हूँ", "खड़ी हूँ", "खडा हूं", "खडी हूं", "बैठा हूं", "बैठी हूं",
            "कूद जाऊंगा", "कूद जाऊंगी", "कूदने",
        ],
    ),
    (
        Cue::OverdoseQ,
        &[
            "too many", "too much of", "lethal dose", "fatal dose", "lethal amount", "deadly dose",
            "how many would it take", "how many it takes", "how many does it take",
            "kitni goliyan", "kitni goli", "kitni tablets", "kitni tablet", "zyada goliyan",
            "कितनी गोलियां", "कितनी गोली", "कितनी टैबलेट", "ज्यादा गोलियां", "ज़्यादा गोलियां",
        ],
    ),
];
