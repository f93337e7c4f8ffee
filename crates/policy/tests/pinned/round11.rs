//! Round 11 (blind batches 96–97): Hindi words and business names that are not people,
//! credentials that mark staff, messages that are not care, Hindi relatives, results sent
//! to an adult relative who asked, services that are not conditions, and a scan sold with
//! the baby's sex; each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_11() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "विकास" (development) is a word here, not a name.
        (RulesAllow, "अच्छे स्वास्थ्य के लिए बच्चों के शारीरिक विकास की नियमित जाँच ज़रूरी है। हमारे केंद्र पर हर शनिवार मुफ़्त जाँच।", "facebook_post", "IN", None, "{}"),
        // "Lakeview Memorial's" is a hospital, possessive or not.
        (RulesAllow, "Last year, Lakeview Memorial's cardiac team treated 1,200 patients with a median door-to-balloon time of 61 minutes.", "press_release", "US", None, "{}"),
        // "हमने आपको निजी संदेश भेजा" is about a message, not care.
        (RulesAllow, "अभी 112 पर कॉल करें। हमने आपको निजी संदेश भी भेजा है।", "facebook_comment_reply", "IN", Some("मेरा भाई बहुत परेशान है, कुछ भी कर सकता है।"), "{}"),
        // A credential after a name ("Priya Nair, RDN, our dietitian") marks staff.
        (RulesAllow, "Managing diabetes at home? In this video, Priya Nair, RDN, our outpatient dietitian, explains how to read food labels.", "youtube_description", "US", None, "{}"),
        // "आपकी माताजी": the reviewer's mother, with her dialysis days.
        (Block, "आपकी माताजी हर सोमवार और गुरुवार को डायलिसिस के लिए आती हैं, हम उनका स्लॉट सुबह 9 बजे का ही रखेंगे।", "google_review_reply", "IN", Some("मेरी माँ का डायलिसिस यहीं होता है, इंतज़ार बहुत करना पड़ता है।"), "{}"),
        // A result sent to the adult son who asked for his mother's report.
        (Block, "Ji, Savitri ji ki biopsy report aa gayi hai, malignancy confirm hui hai. Dr. Rao kal OPD mein milenge.", "instagram_dm", "IN", Some("Mummy ki biopsy report aayi kya? Main unka beta hoon."), "{}"),
        // "Flu shots" is a service, not a condition; `recipients` names the list.
        (RulesAllow, "Sunrise Family Clinic: flu shots are here! Walk in Mon–Fri 9–5, ages 6 months and up. Reply STOP to opt out.", "sms_campaign", "US", None, r#"{"recipients":"patient_list"}"#),
        // "…gender bhi!" offered with the scan.
        (Rule("IN-PCPNDT"), "Apne baby ke baare mein sab jaaniye, gender bhi! 4D sonography, same-day report.", "instagram_post", "IN", None, "{}"),
        // A diagnostic centre's Devanagari name after "श्री" is a business.
        (RulesAllow, "श्री गणेश डायग्नोस्टिक्स, कोलार रोड — डिजिटल एक्स-रे और सोनोग्राफी। यहाँ भ्रूण के लिंग की जाँच नहीं की जाती है। संपर्क: 0755-4001234", "facebook_post", "IN", None, "{}"),
    ];
    check_pinned(cases);
}
