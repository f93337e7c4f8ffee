//! Round 19 (blind batches 142–145, written after the engine of the 4 December night and
//! first scored on it: 91.9 %, no risky text allowed): review incentives in India and
//! sweepstakes entries, a person's handle, Hindi thalassaemia and transfusions, a public
//! figure's relative with her gestational age, "walk alongside you", tenures "for 11
//! years", staff who greet patients, technologists, and pointers to general material; each
//! row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_19() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A discount for a 5-star rating, in Hinglish ("paaiye"): bought reviews in India too.
        (Rule("FTC-INCENT"), "Google par 5 star rating dijiye aur agli visit par 15% chhoot paaiye!", "instagram_post", "IN", None, r#"{}"#),
        // A sweepstakes entry for a 5-star review ("entered to win").
        (Rule("FTC-INCENT"), "Leave us a 5-star Google review this month and you'll be entered to win an electric toothbrush!", "sms", "US", None, r#"{}"#),
        // A handle followed by "who" is a person's account: their surgery with our team.
        (Block, "Get well soon @JennaR_runs, who had her appendix removed by our surgical team last night!", "x_post", "US", None, r#"{}"#),
        // Thalassaemia and a transfusion in Hindi, of a child from a named town.
        (Block, "रीवा की 8 साल की बच्ची, जिसे थैलेसीमिया है, आज हमारे अस्पताल में खून चढ़वाने आई।", "facebook_post", "IN", None, r#"{}"#),
        // A public figure's relative on L&D with her gestational age, undated.
        (Block, "Only nurse on L&D when the senator's wife shows up at 36 weeks 😳 #nurselife", "personal_instagram_post", "US", None, r#"{"account":"personal","author":"staff"}"#),
        // "Walk alongside you" confirms the relationship; "the new dosing" is care.
        (Rule("PHI-REL"), "It has been a privilege to walk alongside you this year, and we are glad the new dosing is helping.", "google_review_reply", "US", Some("5 stars. Kind people."), r#"{}"#),
        // A name that has welcomed every patient is staff: consent missing, not a patient named.
        (Review, "Meet the voice of our front desk! Carla Diaz has welcomed every patient at our Main Street office for 9 years.", "linkedin_post", "US", None, r#"{"staff_consent":false}"#),
        // "MRI technologist" after a name is a staff title.
        (Review, "Congratulations to Priya Shah, RN, and Mark Olsen, MRI technologist, on five years with our imaging team!", "linkedin_post", "US", None, r#"{"staff_consent":false}"#),
        // A topic of our general video, pointed to, is nobody's diagnosis.
        (RulesAllow, "Har vyakti alag hota hai, isliye apne doctor se milein. PCOS par hamari general video ka link description mein hai.", "youtube_comment_reply", "IN", Some("Mujhe PCOS hai, kya karun?"), r#"{}"#),
    ];
    check_pinned(cases);
}

/// Guards from the review of round 19: the new mechanisms stay narrow.
#[test]
fn review_guards_hold_19() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // Fame that describes our team is nobody's pregnancy.
        (
            RulesAllow,
            "Our well-known NICU team cares for babies born as early as 24 weeks.",
            "facebook_post",
            "US",
            None,
            "{}",
        ),
        // An agency's handle before "who" is no person.
        (
            RulesAllow,
            "Great explainer from @WHO who covers dengue warning signs. #nurselife",
            "personal_instagram_post",
            "US",
            None,
            r#"{"account":"personal","author":"staff"}"#,
        ),
    ];
    check_pinned(cases);
}
