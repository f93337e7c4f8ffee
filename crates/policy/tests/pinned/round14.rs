//! Round 14 (blind batches 113–114): a surname that is a test ("Pap") and opening days
//! ("Mon-Sat") read as no names, fundraising appeals to a patient list in plain words,
//! Hindi wishes that are also given names, coded sex-determination questions next to the
//! scan, organ donation and a hole in the heart as care, a relative's baby located by bed,
//! Devanagari volume claims, insulin claims for remedies, and an age used as the noun;
//! each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_14() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "Pap" and "Mon-Sat" are no people, so the HPV test is nobody's.
        (RulesAllow, "January is Cervical Health Awareness Month. Ask your clinician about Pap and HPV tests, and call (419) 555-0100, Mon-Sat 8am-6pm, to book.", "facebook_post", "US", None, "{}"),
        // A gift asked of former patients, without a way out.
        (Rule("PHI-PURPOSE"), "As someone we cared for, you know what our nurses mean to families. Help us build a new wing by giving to the Hope Fund: example.org/hope", "email_newsletter", "US", None, r#"{"audience":"patient_list"}"#),
        // "…की कामना करते हैं" is a wish, not a person: the reply only confirms care.
        (Review, "हमें खुशी है कि आपको हमारे अस्पताल में अच्छा इलाज मिला। आपके अच्छे स्वास्थ्य की कामना करते हैं!", "google_review_reply", "IN", Some("Staff bahut achha tha."), "{}"),
        // "Blue or pink?" asked just before the scan is offered.
        (Rule("IN-PCPNDT"), "Neela ya gulabi? Hamare naye 4D scan se pehli jhalak dekhiye!", "instagram_post", "IN", None, "{}"),
        // A named, aged, placed donor.
        (Block, "Today we remember Mark Doyle, 41, of Toledo, whose family chose organ donation after his accident.", "facebook_post", "US", None, "{}"),
        // A named child's heart defect, in Hinglish.
        (Block, "Dr. Verma ne pichhle mahine Bhopal ki 6 saal ki Riya ke dil ka chhed band kiya.", "facebook_post", "IN", None, "{}"),
        // The relative's baby, by bed, with its care, in a public reply.
        (Block, "The baby in NICU bed 7 is feeding well today and off the ventilator.", "facebook_comment_reply", "US", Some("Any update on my brother Sam's newborn in your NICU?"), "{}"),
        // A count of successful operations, in Devanagari.
        (Rule("IN-ADVERT"), "डॉ. सुरेश मेहता — 3000+ सफल बायपास का अनुभव।", "instagram_post", "IN", None, "{}"),
        // "Less insulin needed" is a diabetes claim for a remedy.
        (Rule("IN-DMR"), "Hamara Ayur-Shakti churan roz lene se insulin ki zarurat kam ho jaati hai.", "facebook_post", "IN", None, "{}"),
        // "the bravest 3-year-old" is one child, and the record case identifies her.
        (Rule("PHI-INDIRECT"), "Cheers for the bravest 3-year-old we know, our youngest liver transplant patient ever, who went home yesterday!", "x_post", "US", None, "{}"),
    ];
    check_pinned(cases);
}
