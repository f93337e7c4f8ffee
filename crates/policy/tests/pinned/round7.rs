//! Round 7 (blind batch 75, "subtle risk"): media said to show nobody or only backs,
//! permanence and doctors' paid posts, workplaces and greetings that look like names, a
//! next visit, and handles in story links; each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_7() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "no people" in the media description.
        (RulesAllow, "October is Breast Cancer Awareness Month. Our mobile mammography van screened 3,212 women last year.", "instagram_post", "US", None, r#"{"media": [{"kind": "image", "shows": "exterior of the van, no people"}]}"#),
        // Patients photographed from behind: a look, not a block.
        (Review, "Monday morning at our OPD — full house, full hearts!", "instagram_post", "IN", None, r#"{"patient_authorization": false, "media": [{"kind": "image", "shows": "waiting area with 20 patients photographed from behind; faces not visible"}]}"#),
        // "for good" is "permanently".
        (Rule("FTC-SUBST"), "The NAD+ drip that clears long-COVID brain fog for good. Book yours!", "instagram_reel_caption", "US", None, "{}"),
        // Where a new doctor worked before.
        (RulesAllow, "Dr. Aisha Rahman joins us from Johns Hopkins, where she led the breast cancer survivorship program.", "linkedin_post", "US", None, r#"{"staff_consent": true}"#),
        // "Public comments" and "we cannot give advice" are nobody and no retaliation.
        (RulesAllow, "Public comments mein hum kisi ki health par salah nahi de sakte. Chakkar ya saans mein takleef ho toh turant 108 dial karein.", "facebook_comment_reply", "IN", None, "{}"),
        // A doctor's paid post for a remedy.
        (Rule("IN-ENDORSE"), "Roz subah ek chammach Madhunashak Churna. — Dr. Kavita Joshi, MD #ad", "instagram_reel_caption", "IN", None, "{}"),
        // "Sugar normal ho jaata hai" is a cure claim for a listed disease.
        (Rule("IN-DMR"), "Is churna se sugar 3 mahine mein normal ho jaata hai!", "facebook_post", "IN", None, "{}"),
        // A next visit presumes a last one.
        (Review, "Feedback ke liye shukriya! Agli baar aap aayein toh basement parking use kijiye.", "google_review_reply", "IN", None, "{}"),
        // A handle in the campaign of a link to patients' stories.
        (Block, "More patient stories here: clinic.example/stories?utm_campaign=rmendez-hip-revision-may", "x_post", "US", None, "{}"),
    ];
    check_pinned(cases);
    // Where opening hours are is our street.
    let hours =
        policy::debug_signals("We'll post here the moment Saturday hours start at Elm Street.");
    assert!(
        !hours.contains("ENT Address \"Elm Street\" staff=false org=false"),
        "{hours}"
    );
}
