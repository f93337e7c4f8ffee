//! Round 17 (blind batches 134–137): the person to call at our number, office hours
//! written as a dash, emoji pink-or-blue in Hindi, a preemie on a named storm's date, a
//! service's opening hours beside the PCPNDT notice, and a named person placed in our ICU
//! or a bed; each row failed before its fix. Then guards from the review of rounds 14–17.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_17() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "call Denise at …" is our contact; "weekdays 8–5" are hours, not a visit date.
        (RulesAllow, "Thank you for the feedback. Privacy laws keep us from discussing anyone's care in a public forum, but our patient experience team would like to hear more. Please call Denise at (614) 555-0190, weekdays 8–5.", "google_review_reply", "US", Some("Billing sent me to collections by mistake."), r#"{"staff_consent":true}"#),
        // Pink or blue in emoji, in a Hindi scan offer.
        (Rule("IN-PCPNDT"), "शुभ समाचार जल्दी जानिए! 💗 या 💙? 4D सोनोग्राफी पैकेज, रिपोर्ट उसी दिन।", "instagram_post", "IN", None, "{}"),
        // The "tiny fighter" of a dated storm, gone home today.
        (Block, "Shout-out to our NICU: the tiny fighter born at 25 weeks during the March 3 blizzard went home this morning!", "x_post", "US", None, "{}"),
        // The PCPNDT notice and a routine scan's opening hours.
        (RulesAllow, "हमारे केंद्र पर भ्रूण के लिंग की जाँच नहीं होती, यह दंडनीय अपराध है। नियमित अल्ट्रासाउंड जाँच सोमवार से शनिवार सुबह 9 से शाम 6 बजे तक होती है।", "facebook_comment_reply", "IN", Some("Gender batate ho kya?"), "{}"),
        // A named person in our ICU, or in a numbered bed.
        (Block, "Ramesh Verma is in our ICU.", "facebook_post", "IN", None, "{}"),
        (Block, "Our thoughts are with John Smith, who is in bed 12 on our cardiac ward.", "facebook_post", "US", None, "{}"),
    ];
    check_pinned(cases);
}

/// Texts the new exceptions of rounds 14–17 must not swallow: "famous" before a person,
/// prevention advice to a named person, a channel that calls itself insecure, a name after
/// "running for", a surname that is also a notice label, a bed number before an age, a
/// relative's result in the portal, fundraising words used for something else, and an age
/// for everyone of it.
#[test]
fn review_guards_hold_2() {
    use Expect::*;
    let cases: &[Pinned] = &[
        (
            Block,
            "A famous businessman was admitted to our ICU yesterday.",
            "facebook_post",
            "US",
            None,
            "{}",
        ),
        (
            Rule("PHI-CLIN"),
            "Priya, to prevent another asthma flare, keep using your inhaler twice a day.",
            "instagram_dm",
            "IN",
            None,
            "{}",
        ),
        (
            Rule("PHI-CLIN"),
            "Hi Maria, your HIV test came back positive. Please call us.",
            "insecure_sms",
            "US",
            None,
            "{}",
        ),
        (
            Block,
            "After running for 10 minutes, Priya Sharma collapsed and was brought to our ER.",
            "facebook_post",
            "IN",
            None,
            "{}",
        ),
        (
            Rule("PHI-ID"),
            "Sarah Booth was admitted to our ICU yesterday.",
            "facebook_post",
            "US",
            None,
            "{}",
        ),
        (
            Block,
            "Bed 4 - 72 year old male with chest pain, rough night.",
            "instagram_post",
            "US",
            None,
            r#"{"account":"personal","author":"nurse"}"#,
        ),
        (
            Block,
            "Hi Mr. Dean, your mother's biopsy came back benign.",
            "patient_portal_message",
            "US",
            None,
            "{}",
        ),
        (
            RulesAllow,
            "Please give at least 24 hours' notice if you need to cancel. Reply STOP to opt out.",
            "sms",
            "US",
            None,
            r#"{"audience":"patient_list"}"#,
        ),
        // An age for everyone of it ("har 40 saal ki mahila") is no one's age.
        (
            RulesAllow,
            "Har 40 saal ki mahila ko saal mein ek baar mammogram karwana chahiye.",
            "facebook_post",
            "IN",
            None,
            "{}",
        ),
    ];
    check_pinned(cases);
}
