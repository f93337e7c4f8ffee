//! Round 22 (blind batches 167, 168 and 172, written after the engine of round 21 and
//! first scored on it: 87.5 %, 80.0 % and 82.5 %, 1 of 84 risky texts allowed): executive
//! and Hindi office titles before staff names, "Hon." as a form of address, one-token ages
//! ("29M", "97th birthday"), labels burned into scans, "humne aapko" that only says we
//! wrote, threats to make a record public, "part of our practice family", county
//! commissioners, a place's first, testimonials that promise the reader the same result,
//! averages beside a testimonial, care units' names, kin words after surnames and how
//! results reach the portal; each row failed before its fix. A guardian's consent given as
//! a record is tested in `src/request_wire.rs`, one-token ages in `phi`'s tests.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_22() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // An executive title before a consenting staff member's name makes her staff.
        (RulesAllow, "Thank you to Chief Nursing Officer Dana Whitfield for leading our Magnet journey this year.", "facebook_post", "US", None, r#"{"staff_consent":true}"#),
        // The same in Hindi: the PR officer named as the media contact.
        (RulesAllow, "विश्व हृदय दिवस पर निःशुल्क जाँच शिविर 29 सितंबर को। मीडिया संपर्क: जनसंपर्क अधिकारी श्री राकेश वर्मा, 0731-4056789", "press_release", "IN", None, r#"{"staff_consent":true}"#),
        // "Hon." neither ends the sentence nor is a name: the MLA we welcome is a guest.
        (RulesAllow, "We were honoured to welcome Hon. MLA Shri Arvind Patel to open our new dialysis wing in Sagar.", "linkedin_post", "IN", None, r#"{}"#),
        // A scan with its label burned in keeps an identifier.
        (Block, "Unusual one in our ER today: 29M cyclist with a rare aortic dissection. Look at this CT!", "x_post", "US", None, r#"{"media":[{"kind":"image","shows":"CT image, label burned in"}]}"#),
        // An age over 89 written as a birthday's ordinal is an identifier.
        (Block, "Happy 97th birthday to our oldest dialysis patient, who celebrated on our ward today!", "facebook_post", "US", None, r#"{}"#),
        // "Humne aapko DM kiya hai": we wrote to them, nothing about their care.
        (RulesAllow, "Humne aapko DM kiya hai, kripya wahan baat karein 🙏", "instagram_comment_reply", "IN", Some("Comment: 'Appointment kaise book karein?' (synthetic)"), r#"{}"#),
        // A threat to make the reviewer's records public is retaliation that blocks.
        (Block, "This review is false. Take it down or we will make your records public.", "google_review_reply", "US", Some("1-star review: 'Rude doctor, never again.' (synthetic)"), r#"{}"#),
        // "Part of our practice family" confirms the reviewer is a patient.
        (Block, "Priya, you've been part of our practice family for years and we're sorry about the wait.", "google_review_reply", "US", Some("2-star review: 'Long wait.' (synthetic)"), r#"{}"#),
        // A county or city commissioner in our ER tonight is one person to everyone.
        (Block, "lol the city commissioner was back in our ER again tonight 🙄 #nurselife", "personal_facebook_post", "US", None, r#"{"account":"personal","author":"staff"}"#),
        // "Bhopal's first" is as unique as "the state's first".
        (Block, "Bhopal's first in-utero heart repair was performed on Monday. The mother, a school teacher from Sehore, and baby are doing well.", "press_release", "IN", None, r#"{}"#),
        // A testimonial promising the reader the same result needs what is typical.
        (Rule("FTC-TYPICAL"), "“My knee pain was gone in two weeks — you will too!” — Rita, shared with her written permission.", "facebook_post", "US", None, r#"{"patient_authorization":true}"#),
        // "an average of 5 %" beside the testimonial says what is typical.
        (RulesAllow, "“I lost 30 lbs.” — Sam, shared with his written permission. Members of our program lose an average of 5% of body weight in 6 months.", "facebook_post", "US", None, r#"{"patient_authorization":true}"#),
        // "Cardiac Step-Down" is a unit's name, not a person's.
        (RulesAllow, "Congratulations to Maya Brooks, RN, who now leads our Cardiac Step-Down Unit!", "facebook_post", "US", None, r#"{"staff_consent":true}"#),
        // How results reach the portal, said of everyone, confirms nothing.
        (RulesAllow, "Lab results usually post to our patient portal within 3 business days. For help, call (555) 014-2211.", "facebook_comment_reply", "US", Some("Comment: 'where are my MRI results??'"), r#"{}"#),
        // "Verma aunty": a surname with a kin word of respect is a person.
        (Block, "Verma aunty toh humare Monday dialysis batch mein hain, unka creatinine ab better hai!", "facebook_comment_reply", "IN", Some("Comment: 'Meri mummy ka dialysis aapke yahan hota hai' (synthetic)"), r#"{}"#),
    ];
    check_pinned(cases);
}

/// What the fixes of round 22 must not take away.
#[test]
fn review_guards_hold_22() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A teaching case's "41F" alone is a judgment call, not a block.
        (Review, "Case of the week: 41F with sudden painless vision loss in one eye. What would you order first? #Ophthalmology", "linkedin_post", "IN", None, r#"{}"#),
        // "our 14 ORs" are operating rooms, not ORS.
        (RulesAllow, "Shoutout to the crew who keep our 14 ORs running every single day!", "linkedin_post", "US", None, r#"{}"#),
        // Results said to be the reader's are still theirs.
        (Block, "Your MRI results are in the portal now.", "facebook_comment_reply", "US", Some("Comment: 'where are my MRI results??'"), r#"{}"#),
        // Money and counts of millions are not ages.
        (RulesAllow, "Thanks to a $34M grant, 2M people in our district can now get free screening.", "facebook_post", "US", None, r#"{}"#),
        // From the review of round 22 (each failed on its first commit, 92a94f2):
        // a promise never to share records is no threat to share them;
        (RulesAllow, "We never share your records with anyone without your consent. Please call us at (555) 010-2200.", "google_review_reply", "US", Some("1-star review: 'They shared my info!' (synthetic)"), r#"{}"#),
        // a health commissioner's advisory is no public figure's care;
        (RulesAllow, "Our Health Commissioner says flu cases doubled this week; she urges everyone to get vaccinated.", "facebook_post", "IN", None, r#"{}"#),
        // a verb between a staff title and a name makes the name someone else;
        (Block, "Our PA saw Maria Lopez today for her chemo follow-up.", "facebook_post", "US", None, r#"{"staff_consent":true}"#),
        // "humne aapko operate kiya" still confirms the care;
        (Block, "Humne aapko pichhle hafte operate kiya tha, ab aap kaise hain?", "facebook_comment_reply", "IN", Some("Comment: 'Dr sahab bahut acche hain' (synthetic)"), r#"{}"#),
        // an average that is not the result's leaves the testimonial's promise to review;
        (Rule("FTC-TYPICAL"), "Meena lost 22 lbs in 3 months — you will too! Our dietitians see an average of 40 clients a week.", "facebook_post", "US", None, r#"{"patient_authorization":true}"#),
        // product labels are no patient's label;
        (RulesAllow, "Our new pharmacy is open! Photo: shelves of products with their labels.", "facebook_post", "US", None, r#"{"media":[{"kind":"image","shows":"pharmacy shelf with product labels"}]}"#),
        // and "Dr. Sen." ends its sentence: the next name is a patient's.
        (Block, "Welcome to our team, Dr. Sen. Ramesh Kumar was her first transplant patient here last week.", "facebook_post", "IN", None, r#"{"staff_consent":true}"#),
    ];
    check_pinned(cases);
}
