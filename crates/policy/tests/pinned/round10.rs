//! Round 10 (blind batches 92–94): named relatives and visit histories in replies, Hindi
//! visit counts, invitations and department numbers that are not care, minors who signed
//! their own authorisation, directory answers about an event, and channels that name the
//! patient list; each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_10() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // The reply names the relative the comment placed in our care.
        (Block, "Maria, thank you so much! Everyone on 5 West is cheering for Tom.", "facebook_comment_reply", "US", Some("My dad Tom has been on your cardiac floor since Friday after his stroke. The nurses are wonderful."), "{}"),
        // What became of the reviewer's booking, from their chart.
        (Block, "We checked your chart: our scheduler left you two voicemails before the appointment was cancelled.", "google_review_reply", "US", Some("Nobody told me my appointment was cancelled!"), "{}"),
        // Visits counted in Hindi.
        (Block, "आप हमारे यहाँ चार बार आए और हर बार पूरी जानकारी दी गई थी।", "justdial_review_reply", "IN", Some("यहाँ कोई कुछ नहीं बताता।"), "{}"),
        // A hint at the foetus's sex, "by gesture".
        (Rule("IN-PCPNDT"), "Scan ke baad madam ishaare se samjha deti hain, aap bas Saturday aa jaiye.", "instagram_dm", "IN", Some("Ladka hai ya ladki, scan mein pata chalega?"), "{}"),
        // "दवा" twice is one remedy word, not a remedy advertisement.
        (RulesAllow, "टीबी की जाँच और दवा सरकारी अस्पताल में मुफ़्त है, दवा का पूरा कोर्स ज़रूर लें।", "x_post", "IN", None, "{}"),
        // "book your consult" invites a first visit.
        (RulesAllow, "Great question! Our dietitians run a 12-week nutrition program. Message us to book your consult.", "instagram_comment_reply", "US", Some("Do you have anyone who helps with meal planning?"), "{}"),
        // Lab results as the reason for a partner's offer.
        (Rule("PHI-PURPOSE"), "Dear patient, aapki sugar report ke basis par aap hamare partner ke health plan par 20% discount ke liye eligible hain.", "sms_patient_list", "IN", None, "{}"),
        // A department's number sent to the commenter.
        (RulesAllow, "Ji, hum aapko OPD ka number bhej denge.", "facebook_comment_reply", "IN", Some("Appointment kaise milega?"), "{}"),
        // Advice about children in general, in a reply.
        (RulesAllow, "Bachchon mein khansi ki dawai umar aur vajan ke hisaab se di jaati hai, doctor se poochh kar hi dein.", "facebook_comment_reply", "IN", Some("Mere bete ko 3 din se khansi hai, kaunsa syrup doon?"), "{}"),
        // A "ward boy" is staff, not a child.
        (Review, "Shukriya ward boy Ramesh aur Sister Anita ka, jo raat bhar duty par rahe!", "instagram_post", "IN", None, "{}"),
        // An authorisation the 15-year-old signed himself.
        (Block, "Meet Kabir, 15, back on the football field after his shoulder surgery!", "instagram_post", "IN", None, r#"{"patient_authorization":true,"authorization_signed_by":"patient"}"#),
        // The same, with the minor given as `patient_is_minor`.
        (Block, "Meet Kabir, back on the football field after his shoulder surgery!", "instagram_post", "IN", None, r#"{"patient_authorization":true,"authorization_signed_by":"patient","patient_is_minor":true}"#),
        // Directory information about someone hurt in a named event.
        (Review, "Regarding media inquiries about the cyclist injured in Monday's collision on Route 3: the patient is in good condition.", "press_release", "US", None, "{}"),
        // "के साथ जी रहे हैं" (living with) is no name.
        (RulesAllow, "भारत में करोड़ों लोग उच्च रक्तचाप के साथ जी रहे हैं। इस शनिवार हमारे केंद्र पर मुफ़्त बीपी जाँच।", "facebook_post", "IN", None, "{}"),
        // A campaign message on a channel named for the patient list.
        (Block, "Riverside Clinic: Dr. Moss is running for school board. Vote Moss on Nov 3!", "sms_patient_list", "US", None, "{}"),
        // Volume claims: families served and joint replacements.
        (Block, "Trusted by 5,000+ families in Indore. Dr. S. Jain: 2,000+ joint replacements. Book now!", "instagram_post", "IN", None, "{}"),
        // A counted few from a dated event, with their condition, in Hindi.
        (Rule("PHI-INDIRECT"), "कल शाम हाईवे पर हुई दुर्घटना के चार घायल यात्रियों में से तीन की हालत स्थिर है।", "facebook_post", "IN", None, "{}"),
        // "Keep the family in your prayers" answers "is she ok?".
        (Review, "We can't share details, but please keep the family in your prayers.", "facebook_comment_reply", "US", Some("Was that the kid hurt at the school bus stop this morning? Is she ok?"), "{}"),
        // "An honor to be part of your big day" confirms the delivery.
        (Rule("PHI-REL"), "Congratulations! It was an honor to be part of your big day. 💕", "instagram_comment_reply", "US", Some("Thank you for delivering our daughter on Sunday!"), "{}"),
        // "Stop writing fake reviews", in Hindi.
        (Rule("TONE-RETAL"), "कृपया झूठे रिव्यू न लिखें।", "google_review_reply", "IN", Some("बहुत खराब सेवा।"), "{}"),
    ];
    check_pinned(cases);
}
