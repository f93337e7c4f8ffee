//! Round 16 (blind batches 126–129): "famous" before a thing, Hindi weekdays and notice
//! labels, age bands, the town that closes an address, pills thrown away, a doctor's
//! "recommended choice", emoji sex-determination hints, a site named by its street, staff
//! credentials, a Hindi village woman's hip replacement, a relative's recovery in a reply,
//! a council run announced to patients, freedom from insulin, and a course of medicine;
//! each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_16() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "a famous homemade chai" is no celebrity.
        (RulesAllow, "Please welcome Maria Lopez, RN, CWCN, to our wound care team! Maria brings eleven years of experience and a famous homemade chai.", "facebook_post", "US", None, r#"{"staff_consent":true}"#),
        // A campaign day, an age band for everyone and a public booth.
        (RulesAllow, "Pulse Polio Ravivaar, 10 March: 0–5 saal ke sabhi bachchon ko polio ki do boond pilayein. Booth: Zila Aspatal, Raisen.", "facebook_post", "IN", None, "{}"),
        // A camp notice: its labels and the town of the clinic's address are no people.
        (RulesAllow, "World Heart Day (29 September) par free sugar aur BP jaanch shivir. Sthan: Jeevan Clinic, Station Road, Sagar | Samay: subah 9 se 1 baje.", "facebook_post", "IN", None, r#"{"staff_consent":true}"#),
        // Disposal of pills, not a claim to get rid of pain.
        (RulesAllow, "How to safely get rid of unused pain pills: use a drug take-back kiosk or a mail-back envelope. General education, not medical advice.", "youtube_description", "US", None, "{}"),
        // A doctor's "recommended choice" of a product sold at our counter.
        (Rule("IN-ENDORSE"), "Is video mein Dr. Meera Joshi bachchon ke poshan par baat karti hain. SmartKid Protein: Dr. Joshi ka recommended choice, hamare counter par.", "youtube_description", "IN", None, r#"{"staff_consent":true}"#),
        // Pink or blue, in emoji, beside a scan.
        (Rule("IN-PCPNDT"), "Growth scan at 20 weeks 👶 See those tiny toes, and we'll help you plan the nursery: 💗 or 💙? DM to book.", "instagram_post", "IN", None, "{}"),
        // "the Oak Street team" is our site, not an address of the commenter.
        (Review, "Thank you for trusting us with your care! We'll make sure the Oak Street team sees this.", "facebook_comment_reply", "US", Some("Shoutout to the staff at your Oak Street ER!"), "{}"),
        // ", RRT" makes him staff: his name needs consent, not a patient's protection.
        (Review, "Congratulations to Tom Reyes, RRT, on 15 years as a respiratory therapist here! Stop by the 2nd-floor lounge Friday for cake.", "linkedin_post", "US", None, r#"{"staff_consent":false}"#),
        // A village, an age, a woman and her hip replacement, in Hindi.
        (Block, "ग्राम बड़ोदिया की 72 वर्षीय महिला का हमारे अस्पताल में सफल हिप रिप्लेसमेंट हुआ और वे दूसरे दिन ही चलने लगीं।", "facebook_post", "IN", None, "{}"),
        // How the reviewer's mother is doing, which the review never said.
        (Block, "Dhanyavaad Suresh ji! Mummy ji ab chal-phir rahe hain, yeh sunkar team bahut khush hai.", "google_review_reply", "IN", Some("Staff ne achhe se dekhbhaal ki."), "{}"),
        // A council run, to the patient list.
        (Rule("PHI-PURPOSE"), "Maple Family Clinic: our own Dr. Ana Ruiz is running for city council! Your support means the world. Reply STOP to opt out", "sms", "US", None, r#"{"audience":"patient_list"}"#),
        // "Freedom from insulin in 60 days" for a remedy.
        (Rule("IN-DMR"), "हमारी 'शुगर मुक्ति' आयुर्वेदिक किट अब उपलब्ध — 60 दिनों में इंसुलिन से छुटकारा।", "whatsapp_message", "IN", None, r#"{"audience":"patient_list"}"#),
        // The commenter's course of antibiotics, by name, in public.
        (Block, "So glad you're on the mend, Sam! Remember to finish the whole course, even once you feel fine.", "facebook_comment_reply", "US", Some("Thanks Dr. Lee, the antibiotics are working!"), "{}"),
    ];
    check_pinned(cases);
}
