//! Round 6 (blind batches 66, 67, 69, 70): facts given as records and lists, names that
//! are bodies, documents or titles, words hidden in hashtags and links, and Hindi care
//! words; each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_6() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // Staff consent as a list of people, one of whom refused.
        (Rule("PRO-STAFFCONSENT"), "Meet Hannah Cho and Miguel Santos from our imaging team!", "facebook_post", "US", None, r#"{"staff_consent": [{"name": "Hannah Cho", "consent": true}, {"name": "Miguel Santos", "consent": false}], "media": [{"kind": "image", "shows": "staff"}]}"#),
        // An authorisation record that names only the website.
        (Block, "Watch Pari's first smile after her cleft lip surgery! Thank you Dr. Anjali Mehta and team.", "instagram_reel_caption", "IN", None, r#"{"patient_authorization": true, "authorization": {"signed_by": "guardian (mother)", "channels": ["website"]}, "media": [{"kind": "video", "shows": "child's full face"}]}"#),
        // A unit whiteboard behind the staff, with patients' names on it.
        (Block, "Pizza Friday for our amazing night crew! 🍕", "instagram_post", "US", None, r#"{"staff_consent": true, "patient_authorization": false, "media": [{"kind": "image", "shows": "staff in front of the unit whiteboard; OCR reads 'Rm 412 HALVERSON - NPO'"}]}"#),
        // A municipal corporation is no person.
        (RulesAllow, "Narmada Hospital, with Bhopal Municipal Corporation, will hold a free cervical-cancer screening camp on 8 March at the Arera Colony community hall.", "press_release", "IN", None, "{}"),
        // The person asked about is not the press contact; a directory condition.
        (Review, "In response to media inquiries about Ms. Karen Walsh: she is a patient at Mercy General and her condition is good.", "press_release", "US", None, "{}"),
        // A fertility lab's words make a confirmed relationship sensitive.
        (Block, "We're sorry for the long week. Our embryology team takes every cycle seriously, and we'd like to review your file with you.", "google_review_reply", "US", None, "{}"),
        // A disease inside a hashtag; stopping insulin is a cure claim.
        (Rule("IN-DMR"), "Dr. Rao explains our kit. Watch how patients stopped insulin in 90 days! #DiabetesKhatam", "facebook_post", "IN", None, "{}"),
        // Words of an observance's name.
        (RulesAllow, "Join us for National Blood Donor Month: a blood drive on January 14, 8 am to 4 pm, in the main lobby.", "facebook_post", "US", None, "{}"),
        // A document's name.
        (RulesAllow, "We've updated our Notice of Privacy Practices, including how we protect substance use disorder records.", "facebook_post", "US", None, "{}"),
        // A nursing title before the name; the operation theatre is a place.
        (RulesAllow, "Meet our OT heroes! Sister Reena Thomas and Sister Kavita Yadav keep Operation Theatre 2 running.", "instagram_post", "IN", None, r#"{"staff_consent": true}"#),
        // A given name and a surname as parts of a campaign value.
        (Block, "Our diabetes support group meets Thursday! Register: https://clinic.example/events?utm_content=maria_lopez_type2", "facebook_post", "US", None, "{}"),
        // Promotions to a patient list that refused them.
        (Block, "Diwali offer! Full body check-up sirf Rs 999, offer 31 October tak.", "whatsapp_broadcast", "IN", None, r#"{"audience": "patient_list", "marketing_consent": false}"#),
        // "pt=" names the patient in a link.
        (Block, "@tbecker_77 here's your link to reschedule: clinic.example/book?pt=thomas-becker", "x_reply", "US", None, "{}"),
        // A dateline's state abbreviation.
        (RulesAllow, "ROCHESTER, Minn. — Pinecrest Regional Medical Center opens its new cardiac unit on June 2.", "press_release", "US", None, "{}"),
        // Insurance programmes and an insurance plan.
        (RulesAllow, "Yes, all our offices accept Original Medicare and most Medicare Advantage plans. Our billing team can check your specific plan.", "facebook_comment_reply", "US", None, "{}"),
        // A political ask to people reached as our patients.
        (Block, "Dear patient: as someone who relies on our dialysis unit, please vote for Ray Ortiz for county commissioner.", "facebook_dm", "US", None, "{}"),
        // Counselling and a dose, in Hindi.
        (Block, "प्रिय कविता जी, अब काउंसलिंग सेशन समय पर शुरू होंगे, और डॉ. भार्गव ने दवा की खुराक के बारे में आपका संदेश देख लिया है।", "google_review_reply", "IN", None, "{}"),
        // A wink at what the scan shows.
        (Rule("IN-PCPNDT"), "Hamare 4D scan mein sab kuch dikhta hai 😉 jo aap sach mein jaanna chahti hain, woh bhi!", "google_review_reply", "IN", None, "{}"),
        // "स्वागत" is a greeting.
        (RulesAllow, "स्वागत है! हर मंगलवार डिप्रेशन और एंग्जायटी के लिए विशेष ओपीडी।", "facebook_post", "IN", None, "{}"),
    ];
    check_pinned(cases);
}
