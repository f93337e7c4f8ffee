//! Round 23 (blind batches 175 and 177, written after the engine of round 22 and first
//! scored on it: 90.0 % and 95.0 %, no risky text allowed): a named person placed in our
//! care in a reply, prematurity ("the 24-weeker in bed 6"), what a cost depends on,
//! trademarked products taken as doses, comparisons of how well care works, Devanagari
//! initials in a doctor's name and "thousands of satisfied patients"; each row failed
//! before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_23() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A named person discharged from our clinic, in a review reply, is the reviewer placed in our care.
        (Block, "Mr. Dawson was discharged from our clinic after he missed four appointments.", "google_review_reply", "US", Some("1-star review: 'They kicked me out.' (synthetic)"), r#"{}"#),
        // A premature baby in a numbered bed on a night is one patient to everyone on the unit.
        (Block, "So proud of nurse Lena Ortiz, who sang to the 26-weeker in bed 4 all Saturday night until his mom arrived from Akron.", "linkedin_post", "US", None, r#"{"staff_consent":true}"#),
        // What a procedure's cost depends on, said of no one, confirms nothing.
        (RulesAllow, "Hip replacement ka kharcha implant aur hospital stay par depend karta hai; sahi estimate consultation ke baad milega.", "instagram_comment_reply", "IN", Some("Comment: 'Hip replacement ka kitna kharcha hai?' (synthetic)"), r#"{}"#),
        // A trademarked pill for a condition, with its benefit and no risks, is drug promotion.
        (Block, "Ask us about Relvexa™ — one pill a day for fewer migraines! Book today.", "x_post", "US", None, r#"{}"#),
        // "More effective than any other clinic" claims efficacy without proof.
        (Block, "Our LASIK results are faster and more effective than any other clinic in Austin!", "instagram_post", "US", None, r#"{}"#),
        // "Thousands of satisfied patients" is a doctor's self-promotion; "आज ही" is no name.
        (Rule("IN-ADVERT"), "डॉ. मेहता — हज़ारों संतुष्ट मरीज़, आज ही परामर्श लें!", "facebook_post", "IN", None, r#"{}"#),
        // Devanagari initials run on into the surname: the doctor's name, no patient's.
        (Review, "डॉ. पी. एन. गुप्ता — 10,000+ सफल मोतियाबिंद ऑपरेशन! आज ही अपॉइंटमेंट लें: +91 98270 33445", "facebook_post", "IN", None, r#"{}"#),
    ];
    check_pinned(cases);
}

/// What the fixes of round 23 must not take away.
#[test]
fn review_guards_hold_23() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A comparison of volume, not of how well care works, stays a review.
        (Review, "More heart procedures than any other hospital in the state.", "facebook_post", "US", None, r#"{}"#),
        // A trademarked device that nobody takes as a dose is no drug.
        (RulesAllow, "Invisalign® clear aligners now available at our Elm Street office!", "facebook_post", "US", None, r#"{}"#),
        // From the review of round 23 (each failed on its first commit, 601612d):
        // a postposition is no initial: the patient after "सर्जन ने" is not staff;
        (Block, "हमारे सर्जन ने सुनीता (45) का घुटना प्रत्यारोपण किया।", "facebook_post", "IN", None, r#"{}"#),
        // what next steps depend on, after a result, is someone's care;
        (Rule("PHI-CLIN"), "The biopsy came back benign, and next steps depend on Friday's scan.", "instagram_dm", "US", None, r#"{}"#),
        // results that "you'll see" are yours, however usually they post;
        (Rule("PHI-CLIN"), "The HIV panel results usually post to MyChart within 48 hours, so you'll see them soon.", "google_review_reply", "US", Some("1-star review: 'Still waiting on my labs.' (synthetic)"), r#"{}"#),
        // a listed over-the-counter medicine and a clinic's name are no unlisted drugs;
        (RulesAllow, "Tylenol® tablets for fever and pain relief — now in our pharmacy.", "facebook_post", "US", None, r#"{}"#),
        (RulesAllow, "Flu shots now available at MinuteClinic® — walk in today!", "facebook_post", "US", None, r#"{}"#),
        // a comparison of how much we treat is not of how well;
        (Review, "Our team treats more trauma patients than any other hospital in the region.", "facebook_post", "US", None, r#"{}"#),
        // and a successful operation in an education post boasts of nothing.
        (RulesAllow, "सफल ऑपरेशन के बाद भी फिजियोथेरेपी ज़रूरी है।", "facebook_post", "IN", None, r#"{}"#),
        // Her recovery depends on something: still hers.
        (Block, "Her recovery after the knee replacement depends on physio; Mrs. Rao is in our ward till Friday.", "facebook_comment_reply", "IN", Some("Comment: 'Meri mummy ka operation kaisa raha?' (synthetic)"), r#"{}"#),
    ];
    check_pinned(cases);
}
