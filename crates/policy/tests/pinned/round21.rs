//! Round 21 (blind batches 161–162, written after the engine of round 20 and first scored
//! on it: 91.1 %, 1 of 56 risky texts allowed): Hinglish function words and package names
//! that are no names, names ending at a comma, essential medicines on public-health advice,
//! sensitive words in a link's slug, titles inside names, drugs on sale "for sugar control",
//! dignitaries' tours, players addressed by number and numbered booths; each row failed
//! before its fix. Yes/no facts given as words ("marketing_consent": "unknown") are tested
//! in `src/request_wire.rs`.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_21() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // Hinglish function words ("dono yahi") are no name; ORS and zinc on WHO advice endorse nothing.
        (RulesAllow, "Bacchon mein dast ho toh ORS aur zinc dein — WHO aur IAP dono yahi recommend karte hain.", "x_post", "IN", None, r#"{}"#),
        // A name and "hiv" in a link's slug: sensitive care words count as the slug's health.
        (Rule("TRK-URLPHI"), "Please confirm your visit: https://clinic.example/c/john-doe-hiv-followup", "sms", "US", None, r#"{}"#),
        // A title inside a name ("Councilman Mark Diaz") is for the naming rules: directory information goes to review.
        (Review, "In response to inquiries: Councilman Mark Diaz is a patient here and is in good condition.", "press_statement", "US", None, r#"{}"#),
        // A drug on sale "for sugar control" claims to treat a scheduled disease.
        (Rule("IN-DMR"), "Januvia tablets ab hamari pharmacy mein available! Sugar control ke liye order karein WhatsApp par.", "instagram_post", "IN", None, r#"{}"#),
        // A governor who toured the pavilion is a guest, though the pavilion is behavioral health.
        (RulesAllow, "Governor Ana Ruiz toured our new Behavioral Health Pavilion on Monday, before it opens to patients.", "press_release", "US", None, r#"{}"#),
        // A player's number wished well, with the game and its day, names the player.
        (Block, "Get well soon, #23! Our ER team was glad to help after Friday's match. See you back on the field!", "x_post", "US", None, "{}"),
        // "at Booth #12" is a stall, not a person.
        (RulesAllow, "Join us at Booth #12 after the game tonight for free flu shots!", "x_post", "US", None, "{}"),
    ];
    check_pinned(cases);
}

/// Guards from the review of round 21.
#[test]
fn review_guards_hold_21() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A mayor who stopped by our ER for stitches is a patient, not a guest.
        (Block, "Mayor Tom Reyes stopped by our ER for stitches after his fall last night.", "facebook_post", "US", None, r#"{}"#),
        // "Wahi" is a surname, not a function word.
        (Block, "Rohit Wahi was admitted to our ICU after a stroke on Sunday.", "facebook_post", "IN", None, r#"{}"#),
        // A doctor recommending a branded ORS endorses it.
        (Rule("IN-ENDORSE"), "Dr. Mehta recommends Electral ORS for every child with loose motions.", "instagram_post", "IN", None, r#"{}"#),
        // "Keep your sugar normal, take your tablets on time" sells nothing.
        (RulesAllow, "In order to keep your sugar normal, take your tablets on time.", "facebook_post", "IN", None, r#"{}"#),
        // A name does not run through a comma and "and" into an institution.
        (Block, "Our patient Maria Lopez, and Sunrise Hospital, thank you for the flowers after her surgery.", "facebook_post", "US", None, r#"{}"#),
    ];
    check_pinned(cases);
}
