//! Round 18 (blind batches 138–141, written after the engine of the 4 December evening and
//! first scored on it): a staff member's years with a team, the BE FAST stroke signs, the
//! PCPNDT notice in Hindi, a name with its desk, a gag clause claiming reviews as the
//! practice's copyright, a dietitian by title, and a sensitive campaign tag in an email to a
//! patient list; each row but the last failed before its fix (the last blocked already, by
//! another path, and pins the new one).

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_18() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "15 years with our oncology nursing team" is a tenure, not an age.
        (RulesAllow, "Please join us in congratulating Arjun Mehta, RN, on 15 years with our oncology nursing team. Arjun still takes the Friday night shift.", "linkedin_post", "US", None, r#"{"staff_consent":true}"#),
        // "…Speech, Time": the stroke signs, not a person.
        (RulesAllow, "Dr. Sara Kim explains the BE FAST signs of stroke: Balance, Eyes, Face, Arms, Speech, Time. If you notice them, call 911.", "youtube_description", "US", None, r#"{"staff_consent":true}"#),
        // The PCPNDT notice: "…का पता नहीं लगाया जाता है".
        (RulesAllow, "सूचना: इस केंद्र पर भ्रूण के लिंग का पता नहीं लगाया जाता है। यह PCPNDT अधिनियम के अंतर्गत दंडनीय अपराध है।", "youtube_description", "IN", None, "{}"),
        // "Rosa at the front desk" is staff: the reply only confirms the visit.
        (Review, "Thanks for choosing us, and for the kind words about Rosa at the front desk!", "google_review_reply", "US", Some("5-star review: Rosa at check-in was so welcoming"), "{}"),
        // Reviews claimed as the practice's copyright, then taken down.
        (Rule("FTC-SUPPRESS"), "Every patient signs an agreement that assigns copyright in any online review to the practice, and we have filed a takedown notice for this review.", "yelp_review_reply", "US", Some("Worst dentist ever."), "{}"),
        // "Registered dietitian Anna Berg" is staff.
        (RulesAllow, "Registered dietitian Anna Berg explains portion sizes for people with prediabetes. General education, not medical advice.", "youtube_description", "US", None, r#"{"staff_consent":true}"#),
        // A sensitive procedure in the campaign tag of an email to the patient list.
        (Rule("TRK-URLPHI"), "Considering IVF? Learn more: clinic.example/ivf?utm_source=email&utm_campaign=recall_mpatel_ivf_cycle3", "email_newsletter", "US", None, r#"{"audience":"patient_list"}"#),
    ];
    check_pinned(cases);
}
