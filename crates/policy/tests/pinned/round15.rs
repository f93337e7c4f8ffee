//! Round 15 (blind batches 122–125): dental appliances as care, jabs at "the writer",
//! cohorts counted in a clinician's post, claims quoted only to warn against them, advice on
//! staying well in a broadcast, a few of a named school's team seen in our clinic, Hindi
//! mental-health and recovery words, a relative's progress in a reply, a public figure in
//! our emergency room, secure portal messages, and what we explained at a past visit; each
//! row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_15() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A night guard for grinding, to the reviewer by name.
        (Block, "Thanks for the kind words, Dana! Hope the new night guard is stopping the grinding.", "yelp_review_reply", "US", Some("Lovely front desk!"), "{}"),
        // "say more about the writer": a jab at the reviewer.
        (Rule("TONE-RETAL"), "We welcome fair criticism. Personal attacks on our nurses say more about the writer than about them.", "google_review_reply", "US", Some("Rude nurses, terrible place."), "{}"),
        // A counted cohort in a clinician's own post is statistics.
        (RulesAllow, "Registry update: of 980 patients treated across 11 centres, 79% were free of symptoms at one year. I consult for the device maker, Velor Medical.", "linkedin_post", "US", None, r#"{"account":"personal","author":"clinician","connection_disclosed":true,"staff_consent":true}"#),
        // A banned claim quoted to warn against it; the Act's name is no remedy.
        (RulesAllow, "Aise kisi bhi vigyapan par bharosa na karein jo 'sugar jad se khatam' ka daawa kare — yeh Drugs and Magic Remedies Act ke tahat gair-kaanooni hai.", "facebook_comment_reply", "IN", Some("Kya koi dawa sugar jad se khatam karti hai?"), "{}"),
        // Heat-stroke prevention, for whoever reads it.
        (RulesAllow, "Loo se bachne ke liye dopahar mein bahar na niklein aur ORS peete rahein.", "whatsapp_message", "IN", None, "{}"),
        // Two of a named school's team, in our urgent care, on a day.
        (Rule("PHI-INDIRECT"), "Go Riverside High! Two of your varsity soccer players were seen in our urgent care last Friday and both were cleared to play.", "facebook_post", "US", None, "{}"),
        // A child of a town, her schizophrenia and her discharge, in Hindi.
        (Block, "अलवर की 12 वर्षीय बिटिया, जिसे सिज़ोफ्रेनिया था, आज स्वस्थ होकर घर लौटी।", "facebook_post", "IN", None, "{}"),
        // How the reviewer's newborn is doing.
        (Block, "So happy for your family, and we hope the little one is sleeping through the night now!", "google_review_reply", "US", Some("The maternity ward nurses were amazing during my delivery."), "{}"),
        // A public figure in our ER after a public event.
        (Rule("PHI-INDIRECT"), "A certain Oscar-winning actor trusted our ER team after Friday night's premiere. Get well soon!", "x_post", "US", None, "{}"),
        // A result in the secure portal, to the patient.
        (RulesAllow, "Hi Mr. Dean, your biopsy came back benign. Dr. Patel will review the report with you at your visit on May 3.", "patient_portal_message", "US", None, "{}"),
        // "as we explained last Tuesday": the visit and its day.
        (Rule("PHI-VISIT"), "Sir, jaisa humne pichhle Mangalvar ko samjhaya tha, dawa khane ke baad halka chakkar normal hai.", "facebook_comment_reply", "IN", Some("I got dizzy after the tablets you gave me last week"), "{}"),
    ];
    check_pinned(cases);
}
