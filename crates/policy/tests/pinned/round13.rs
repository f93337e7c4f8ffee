//! Round 13 (blind batches 104–105): wards of a greeted person, outcomes and visits
//! confirmed in replies, final weeks, sex-determination questions answered with the scan,
//! records behind offers on broadcast channels, Hindi counts of missed care, signage, and
//! greetings that are not names; each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_13() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A numbered ward of the person the reply greets by name.
        (Block, "Congratulations, Priya! Everyone on 5 East is so proud of you for finishing treatment.", "facebook_comment_reply", "US", Some("Last radiation session DONE today!!"), "{}"),
        // A greeting that is its own sentence is no name; a PCPNDT notice and a booking line are not care.
        (RulesAllow, "Namaste! Garbh mein ling ki jaanch karna kanooni apradh hai aur hamare centre par yeh nahi hota. Pregnancy scan ki booking ke liye 0755-2000111 par call karein.", "instagram_comment_reply", "IN", Some("Sonography mein gender bata dete ho kya?"), "{}"),
        // "sleeping better": an outcome, confirmed to the reviewer.
        (Rule("PHI-REL"), "So glad to hear you're sleeping better these days!", "yelp_review_reply", "US", Some("My back pain is finally gone and I sleep through the night now!"), "{}"),
        // "We appreciate you coming in" confirms a visit.
        (Rule("PHI-REL"), "We appreciate you coming in, and we're sorry the lobby was so crowded.", "yelp_review_reply", "US", Some("Parking was a nightmare."), "{}"),
        // "letting us care for your father in his final weeks".
        (Block, "Thank you for letting us care for your father in his final weeks. Our nurses will always remember him.", "google_review_reply", "US", Some("The hospice nurses were kind to Dad."), "{}"),
        // A sex-determination question answered with the scan and an invitation to DM.
        (Rule("IN-PCPNDT"), "Ji, hamare yahan 3D/4D sonography hoti hai, details ke liye DM karein 😊", "facebook_comment_reply", "IN", Some("Kya aapke yahan pata chalta hai ladka hai ya ladki?"), "{}"),
        // A child's vaccination record behind a paid offer, on a broadcast channel.
        (Block, "Namaste! Aapke bachche ke vaccination record ke hisaab se hum aapko hamare Summer Fitness Camp (₹3,999) mein invite kar rahe hain.", "whatsapp_broadcast", "IN", None, "{}"),
        // Missed doses and follow-ups counted, in Hindi.
        (Block, "आप खुद समय पर दवाइयाँ नहीं लेते थे और तीन फॉलो-अप भी छोड़ दिए।", "google_review_reply", "IN", Some("इलाज से कोई फायदा नहीं हुआ।"), "{}"),
        // Signage is no person in the picture.
        (RulesAllow, "हमारे केंद्र पर भ्रूण के लिंग की जाँच नहीं की जाती; यह PCPNDT अधिनियम के तहत दंडनीय अपराध है।", "instagram_post", "IN", None, r#"{"media":[{"kind":"image","shows":"signage"}]}"#),
        // The unit and the night of a delivery.
        (Block, "Thank you for the kind words about our Labor & Delivery team! So glad the night of the 9th went smoothly for your family.", "google_review_reply", "US", Some("The nurses were wonderful."), "{}"),
    ];
    check_pinned(cases);
}

/// Guards from the review of rounds 10–13: texts those rounds' new exceptions must not
/// swallow (a symptom "gone" beside one that is not, "many" opening a disclosure, a business
/// word after a patient's Hindi name, a live stream that is no patient list).
#[test]
fn review_guards_hold() {
    use Expect::*;
    let cases: &[Pinned] = &[
        (
            Crisis,
            "Dad's fever is gone but he's gasping for air and won't respond",
            "facebook_comment_inbound",
            "US",
            None,
            "{}",
        ),
        (
            Block,
            "Many thanks, Priya, your biopsy showed carcinoma.",
            "facebook_comment_reply",
            "US",
            Some("Any news on my results?"),
            "{}",
        ),
        (
            Rule("PHI-ID"),
            "श्रीमती सुनीता अस्पताल में भर्ती हैं, उनका ऑपरेशन कल हुआ।",
            "facebook_post",
            "IN",
            None,
            "{}",
        ),
        (
            RulesAllow,
            "Tune in tonight: our partner sponsor explains heart health.",
            "youtube_live_broadcast",
            "US",
            None,
            r#"{"purpose":"sponsor"}"#,
        ),
    ];
    check_pinned(cases);
}
