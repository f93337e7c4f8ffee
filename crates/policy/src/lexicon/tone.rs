//! Review-reply tone and review manipulation (TONE-RETAL, FTC-SUPPRESS, FTC-INCENT),
//! identifiability (PHI-INDIRECT), stories (PHI-MKT), list purposes (PHI-PURPOSE) and the
//! organisation's own contact and observance phrases that make look-alikes harmless.

use super::{Cue, Group};

#[rustfmt::skip]
pub(super) const GROUPS: &[Group] = &[
    (
        Cue::Retal,
        &[
            "a little gratitude", "gratitude would be nice", "should be grateful", "be thankful",
            "yells at", "shows up drunk", "frankly", "should expect to be", "deserved", "you got what",
            "review is false", "review is fake", "is false", "fake review", "false review",
            "false claims", "false accusations", "fake", "lying", "liar", "lies", "untrue",
            "not true", "blatantly", "you were rude", "you were abusive",
            "you were aggressive", "you were disrespectful", "you were the one", "you refused",
            "refused to follow", "non-compliant", "noncompliant", "did not follow",
            "didn't follow", "failed to follow", "you failed", "your own fault", "your fault",
            "drug-seeking", "drug seeking", "drug seeker", "difficult patient", "unreasonable",
            "ashamed", "shame on you", "troll", "competitor", "disgruntled",
            "attention-seeking", "you are wrong", "you're wrong", "ungrateful",
            "threatened our staff", "yelled at", "screamed at", "your behavior",
            "your behaviour", "your attitude", "you chose to", "you decided to ignore",
            "against medical advice", "made up", "fabricated", "झूठ", "झूठा", "झूठी", "बदतमीज",
            "jhooth", "jhoot", "jhootha", "jhoothi", "bakwas", "badtameez", "galat review",
            "fake review hai", "aapki galti", "आपकी गलती",
        ],
    ),
    (
        Cue::Suppress,
        &[
            "remove your review", "remove the review", "remove this review",
            "remove your post", "delete your review", "delete the review",
            "delete this review", "delete your post", "take down your review",
            "take down the review", "take your review down", "take this review down",
            "take it down", "retract your review", "retract the review",
            "withdraw your review", "legal action", "take legal", "sue you", "we will sue",
            "lawsuit", "defamation", "defamatory", "libel", "slander", "our attorney",
            "our attorneys", "our lawyer", "our lawyers", "cease and desist",
            "non-disparagement", "agree not to post", "agree not to review",
            "agree not to write", "not to post negative", "not to leave negative",
            "not post negative", "negative reviews are prohibited", "fee for negative",
            "charged for negative", "fine for negative", "report you to", "review hatao",
            "review hata do", "review hata dijiye", "review delete karo", "review delete kar",
            "रिव्यू हटा", "रिव्यू डिलीट", "कानूनी कार्रवाई", "kanooni karyavahi",
            "kanuni karwai", "kanooni karwai", "legal notice", "मानहानि", "manhani",
        ],
    ),
    (
        Cue::ReviewChangeAsk,
        &[
            "updating your review", "changing your review", "revising your review", "removing your review", "deleting your review", "taking down your review",
            "update your review", "change your review", "revise your review",
            "edit your review", "reconsider your review", "amend your review",
            "update your rating", "change your rating", "raise your rating",
            "review update kar", "rating badha",
        ],
    ),
    (
        Cue::ReviewWord,
        &[
            "review", "reviews", "rate us", "rating", "ratings", "stars", "star",
            "google review", "leave us", "write a review", "review us", "testimonial",
            "feedback", "रिव्यू", "रेटिंग",
        ],
    ),
    (
        Cue::PositiveOnly,
        &[
            "5 stars", "5-star", "5 star", "five star", "five stars", "five-star",
            "positive review", "positive reviews", "good review", "good reviews",
            "great review", "glowing review", "happy review", "happy reviews", "⭐⭐⭐⭐⭐",
            "update your review to", "change your review to", "raise your rating",
            "only positive", "4 or 5 stars", "4-5 stars", "achha review", "accha review",
            "achhi rating", "5 star rating",
        ],
    ),
    (
        Cue::Reward,
        &[
            "free", "for free", "on us", "on the house", "discount", "discounted", "% off",
            "percent off", "off your next", "off on", "gift card", "giftcard", "voucher",
            "coupon", "cashback", "cash back", "prize", "raffle", "giveaway", "enter to win",
            "chance to win", "entered into", "reward", "rewards", "complimentary", "waive",
            "waived", "rs", "rs.", "inr", "₹", "$", "muft", "मुफ्त", "छूट", "chhoot", "inaam",
            "इनाम", "gift", "offer",
        ],
    ),
    (
        Cue::IncentLink,
        &[
            "get", "when you", "just for",
            "entered", "be entered", "chance",
            "if you", "for every", "for each", "for a review", "for your review",
            "in exchange", "and get", "to get", "and receive", "to receive", "you'll get",
            "you will get", "you'll receive", "get a", "earn", "win", "enter", "on us",
            "and we'll", "we'll give", "we will give", "receive", "get rs", "get ₹", "get $",
            "paayein", "payein", "पाएं", "पाइए", "milega", "मिलेगा", "jeetein", "jeeto",
        ],
    ),
    (
        Cue::EngageAsk,
        &[
            "like, share", "like and share", "like share", "like & share", "follow us",
            "follow our", "follow and", "share and follow", "and follow", "subscribe",
            "tag a friend", "tag 3 friends", "tag your friends", "tag two friends",
            "10k followers", "followers", "likes", "like our page", "like karein",
            "share karein", "follow karein", "लाइक", "शेयर", "फॉलो",
        ],
    ),
    (
        Cue::Unique,
        &[
            "the only", "only set of", "first baby", "first patient", "first-ever",
            "first ever", "youngest", "oldest", "rare case", "rarest", "one of a kind",
            "one in a million", "one-in-a-million", "triplets", "quadruplets", "quintuplets",
            "conjoined", "celebrity", "famous", "well-known", "well known", "local cricketer",
            "cricketer", "actor", "actress", "mla", "mayor", "councillor", "councilman",
            "star player", "athlete", "influencer", "local teacher", "local shopkeeper",
            "local businessman", "local businesswoman", "coach", "the principal",
            "the teacher", "first baby of", "first in the state", "first in the region",
            "100th birthday", "101st", "102nd", "centenarian",
        ],
    ),
    (
        Cue::Event,
        &[
            "pileup", "pile-up", "multi-car", "wreck", "plane crash", "building collapse",
            "pulled from", "river", "lake", "pond",
            "crash", "car crash", "accident", "collision", "rolled his", "rolled her",
            "rolled over", "pickup", "truck", "motorcycle", "fire", "blaze", "shooting",
            "gunshot", "stabbing", "stabbed", "explosion", "blast", "collapse", "stampede",
            "flood", "drowning", "fell from", "route", "highway", "bar closed", "the bar",
            "game", "match", "festival", "marathon", "bus", "train", "derailment",
            "hit-and-run", "dui", "drunk driving", "fight", "brawl", "riot", "incident",
            "tornado", "earthquake", "हादसा", "दुर्घटना", "hadsa", "durghatna",
        ],
    ),
    (
        Cue::Locality,
        &[
            "from", "of", "resident of", "residents of", "living in", "lives in",
            "who lives in", "निवासी", "के रहने वाले", "की रहने वाली", "ke rehne wale",
            "ki rehne wali",
        ],
    ),
    (
        Cue::StoryMarker,
        &[
            "success story", "success stories", "patient story", "patient stories",
            "testimonial", "testimonials", "before and after", "before & after",
            "before/after", "transformation", "#successstory", "#patientstory", "#testimonial",
            "#beforeandafter", "#transformation", "#patientstories", "#recoverystory",
            "proud moment", "inspiring", "story of", "*'s story", "watch how", "see how",
            "congratulations to", "congrats to", "celebrates", "celebrating", "born at",
            "welcome baby", "patient of the month", "journey", "miracle baby",
            "सफलता की कहानी", "मरीज की कहानी", "kahani", "safalta",
        ],
    ),
    (
        Cue::Political,
        &[
            "vote", "voting", "election", "elect", "candidate", "ballot", "political party",
            "rally", "campaign for", "re-elect", "reelect", "mla", "councillor", "senator",
            "congressman", "proposition", "चुनाव", "वोट", "मतदान", "chunav", "matdan",
        ],
    ),
    (
        Cue::Fundraise,
        &[
            "donate", "donation", "donations", "fundraiser", "fundraising", "gala",
            "give today", "contribute", "sponsor a", "pledge", "दान", "चंदा", "daan", "chanda",
        ],
    ),
    (
        Cue::OptOut,
        &[
            "opt out", "opt-out", "unsubscribe", "reply stop", "text stop",
            "to stop receiving", "no longer wish", "manage preferences",
            "manage your preferences",
        ],
    ),
    (
        Cue::DirectoryCondition,
        &[
            "good condition", "fair condition", "serious condition", "critical condition",
            "stable condition", "condition is undetermined", "condition undetermined",
        ],
    ),
    (
        Cue::OrgContact,
        &[
            "call us", "call", "contact us", "reach us", "email us", "write to us",
            "our number", "our helpline", "helpline", "to book", "book at", "appointments",
            "whatsapp us", "dial", "phone", "ph", "tel", "mobile", "office", "front desk",
            "हमें कॉल", "संपर्क करें", "sampark karein", "call karein", "फोन",
        ],
    ),
    (
        Cue::Observance,
        &[
            "world health day", "world heart day", "world cancer day", "world diabetes day",
            "world aids day", "world tb day", "world mental health day", "world kidney day",
            "world hypertension day", "world no tobacco day", "world blood donor day",
            "world hepatitis day", "world alzheimer's day", "world suicide prevention day",
            "world immunization week", "world breastfeeding week", "world polio day",
            "world malaria day", "world sight day", "world stroke day", "world pneumonia day",
            "world arthritis day", "world osteoporosis day", "world obesity day",
            "world autism awareness day", "world down syndrome day", "world sickle cell day",
            "world thalassemia day", "world asthma day", "world hand hygiene day",
            "world patient safety day", "world physiotherapy day", "world population day",
            "world oral health day", "world hearing day", "world sleep day",
            "breast cancer awareness month", "mental health awareness month", "heart month",
            "national doctors' day", "national doctors day", "doctors' day", "doctors day",
            "nurses week", "national nurses day", "international nurses day",
            "international women's day", "international yoga day", "yoga day",
            "national cancer awareness day", "national nutrition week", "awareness month",
            "awareness week", "awareness day", "विश्व स्वास्थ्य दिवस", "विश्व हृदय दिवस",
            "विश्व मधुमेह दिवस", "डॉक्टर्स डे", "योग दिवस",
        ],
    ),
];
