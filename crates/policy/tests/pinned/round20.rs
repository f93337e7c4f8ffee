//! Round 20 (blind batches 150–153, written after the engine of round 19 and first scored
//! on it: 88.1 %, no risky text allowed): undisclosed influencer posts in India, media
//! descriptions that say what is absent, dignitaries at our ceremonies, DM deflections with
//! opening hours, Hindi product endorsements and doctor's-advice phrases, sensitive care
//! by SMS, guests we host, Devanagari school names and remedy sellers' comments; each row
//! failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_20() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // An influencer's undisclosed post in India: the endorsement rule applies there too.
        (Rule("FTC-CONNECT"), "Sirf 3 sessions mein meri skin glow karne lagi 😍 Pune ke @GlowDermaClinic ka laser magic! Sab log try karo", "instagram_post", "IN", None, r#"{"author":"influencer","connection_disclosed":false}"#),
        // What the media description says is absent ("no patients, screens or charts") is not shown.
        (RulesAllow, "Staff Spotlight: Maria Gomez, RN, has spent 15 years in our NICU. Thank you, Maria!", "linkedin_post", "US", None, r#"{"staff_consent":true,"media":[{"kind":"image","shows":"staff portrait in a hallway; no patients, screens or charts"}]}"#),
        // A mayor named at our ribbon-cutting is a guest, and the ceremony no unique patient.
        (RulesAllow, "Thank you, Mayor Tom Reyes, for cutting the ribbon on our new clinic this morning! Primary care and behavioral health, now under one roof.", "facebook_post", "US", None, r#"{}"#),
        // A DM deflection: "Monday–Friday 8:30–5" are opening hours, Messenger no name, the portal no patient.
        (RulesAllow, "For your privacy we can't discuss results over Messenger. Please call us at (608) 555-0117, Monday–Friday 8:30–5, or message your care team through the patient portal.", "facebook_messenger", "US", Some("can u tell me if my blood work was ok"), r#"{}"#),
        // A doctor recommending a quoted chyawanprash with a discount code.
        (Rule("IN-ENDORSE"), "एक डॉक्टर होने के नाते मैं अपने मरीज़ों को रोज़ 'स्वस्थ्यम च्यवनप्राश' की सलाह देती हूँ। कोड DRSHAH10 से 10% छूट।", "instagram_post", "IN", None, r#"{}"#),
        // "डॉक्टर की सलाह से ही दवा लें": take medicine as your doctor advises endorses nothing.
        (RulesAllow, "विश्व हृदय दिवस पर अपना बीपी जाँचें। डॉक्टर की सलाह से ही दवा लें।", "facebook_post", "IN", None, r#"{}"#),
        // An HIV viral-load draw by SMS: sensitive care in a non-secure message blocks.
        (Block, "Reminder from Harbor Clinic: your HIV viral load draw is tomorrow at 8 AM.", "sms", "US", None, r#"{}"#),
        // A senator we welcomed is our guest: the health wing is no patient of hers.
        (RulesAllow, "Honored to welcome Senator Ruth Vega to our hospital today! Our new behavioral health wing opens in May.", "x_post", "US", None, r#"{}"#),
        // "सरस्वती विद्यालय" is a school, not a person; the camp count is aggregate.
        (RulesAllow, "सरस्वती विद्यालय, रायसेन में आज हमारे नेत्र जाँच शिविर में 180 बच्चों की आँखों की जाँच हुई।", "facebook_post", "IN", None, r#"{}"#),
        // A minister we hosted, named again ("The Minister met our nurses"), is nobody's case.
        (RulesAllow, "Privileged to host the Hon'ble Health Minister at our cancer centre today. The Minister met our oncology nurses and opened the new chemotherapy day-care ward.", "linkedin_post", "IN", None, r#"{}"#),
        // A remedy seller's advert under our post: IN-DMR for moderation, and the number is the shop's.
        (Rule("IN-DMR"), "BP ki bimari 15 din mein jad se khatam!! Dawai chhodo, hamara Hriday-Amrit churan mangwao. WhatsApp karein 98930 22147", "facebook_comment_inbound", "IN", None, r#"{}"#),
        // Welcoming a public figure's grandson "into the world" is a birth at our hospital.
        (Block, "So honored to welcome the senator's grandson into the world at our hospital last night!", "x_post", "US", None, r#"{}"#),
    ];
    check_pinned(cases);
}

/// Guards from the review of round 20: guests, ceremonies, sellers, portals and
/// endorsements stay narrow.
#[test]
fn review_guards_hold_20() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A family's disclosure with a cure question is no seller's advert.
        (Review, "Our son has HIV – is there any cure? Call me at 555-201-3344", "facebook_comment_inbound", "US", None, r#"{}"#),
        // "Welcome home, little champion" is a patient's homecoming, not a guest.
        (Block, "Welcome home, little champion Aarav Sharma, after 40 days in our NICU!", "facebook_post", "IN", None, r#"{}"#),
        // A governor's ceremony in the sentence does not hide her chemo.
        (Block, "Governor Ellen Marsh, who cut the ribbon on our cancer centre last year, began chemo here this week.", "facebook_post", "US", None, r#"{}"#),
        // "New patients welcome." welcomes nobody in the next sentence.
        (Block, "New patients welcome. The famous cricketer is in our ICU tonight.", "facebook_post", "IN", None, r#"{}"#),
        // The senator we hosted; the senator's grandson born here is care.
        (Block, "Honored to host the Senator. The senator's grandson was born here last night.", "x_post", "US", None, r#"{}"#),
        // A ceremony word without a public figure keeps the unique case (TAVR on a 91-year-old).
        (Block, "Our newly inaugurated cath lab performed the state's first successful TAVR on a 91-year-old from Sehore.", "facebook_post", "IN", None, r#"{}"#),
        // "In the patient portal" does not excuse results named in public.
        (Block, "Maria, your biopsy results are in the patient portal.", "facebook_comment_reply", "US", None, r#"{}"#),
        // A named product on the doctor's advice ("ki salah se … Liv.52") is an endorsement.
        (Rule("IN-ENDORSE"), "Dr. Mehta ki salah se roz Liv.52 tablets lijiye!", "instagram_post", "IN", None, r#"{}"#),
    ];
    check_pinned(cases);
}
