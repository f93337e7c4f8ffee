//! Round 8 (blind batches 76 and 79): both tracker keys at once, what an authorisation
//! record covers and until when, unnamed people at public events, an aged patient on a
//! staff's own post, a relative's care in a reply, and names that are phones or staff;
//! each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_8() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // `third_party_trackers` and `trackers` in one landing page.
        (Rule("TRK-PIXEL"), "Book your consultation online today!", "facebook_post", "US", None, r#"{"link": {"lands_on": "booking", "third_party_trackers": true, "trackers": ["meta_pixel"]}}"#),
        // An authorisation that covers a first name and a quote, not the condition.
        (Block, "“I finally sleep through the night.” — Gail, 61, treated for severe sleep apnea at our sleep center", "website_testimonial", "US", None, r#"{"patient_authorization": true, "authorization": {"covers": ["first name", "quote"], "signed_by": "patient"}}"#),
        // An authorisation that expired before the post goes out.
        (Block, "Gail, 61, was treated for severe sleep apnea at our sleep center.", "facebook_post", "US", None, r#"{"patient_authorization": true, "authorization": {"expires": "2025-06-30"}, "publish_date": "2025-09-15"}"#),
        // "the cyclist struck on …": one person at a public event, in our ICU.
        (Block, "Mercy Valley Medical Center confirms that the cyclist struck on Harmon Avenue on Saturday evening is in our surgical ICU following emergency spinal surgery.", "press_release", "US", None, "{}"),
        // A teenager in L&D at 2 am, on a nurse's own page.
        (Block, "Nothing prepares you for a 14-year-old from your own kid's middle school showing up in L&D at 2 am.", "personal_facebook_post", "US", None, r#"{"account": "personal", "author": "staff"}"#),
        // "his" is the son the comment named.
        (Block, "We're so happy his tonsillectomy recovery is going well!", "facebook_comment_reply", "US", Some("My son had his tonsils out at your Dublin campus last week!"), "{}"),
        // Our phone number next to the word "patient".
        (RulesAllow, "If you'd like to tell us more, our patient experience team is at (614) 555-0142, Monday to Friday.", "google_review_reply", "US", Some("Kept on hold 20 minutes."), "{}"),
        // A number "on Google" is the clinic's listed line.
        (RulesAllow, "Does the Cedar Park clinic still do sports physicals on Saturdays? The number on Google, (512) 555-0117, keeps going to voicemail.", "facebook_comment_inbound", "US", None, "{}"),
        // A given name that is no common word, opening a story.
        (Block, "Maria beat breast cancer with our oncology team!", "facebook_post", "US", None, "{}"),
        // Dismissive, not informative.
        (Rule("TONE-RETAL"), "Posting angry reviews at midnight isn't going to change anything.", "google_review_reply", "US", None, "{}"),
    ];
    check_pinned(cases);
    // A later mention of a staff member by first name is the same staff member.
    let later = policy::debug_signals(
        "Please welcome Priya Raman, RN, our new nurse manager! Priya brings 14 years of oncology nursing experience.",
    );
    assert!(later.contains("ENT Name \"Priya\" staff=true"), "{later}");
}
