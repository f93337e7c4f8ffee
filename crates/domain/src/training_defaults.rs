//! What Bedside ships for training: a template social media policy and a quiz with one
//! question per family of the rule catalogue. An organisation edits both (the first quiz
//! edit copies these questions so nothing is lost).

use crate::training::Question;

/// (rule, prompt, options, index of the right option, explanation)
type Raw = (
    &'static str,
    &'static str,
    &'static [&'static str],
    usize,
    &'static str,
);

const DEFAULTS: &[Raw] = &[
    (
        "PHI-REL",
        "A patient leaves a 1-star Google review about a long wait. Which reply is safe?",
        &[
            "\"Sorry about your wait at your cleaning last Tuesday — we'll do better.\"",
            "\"Thank you for the feedback. Please call our office manager on our main number so we can look into it.\"",
            "\"We checked your file and you arrived 20 minutes late.\"",
        ],
        1,
        "Any reply that confirms someone is or was a patient discloses protected information, even without a name. Acknowledge, do not confirm, and move the conversation to a private channel.",
    ),
    (
        "PHI-SELFDISC",
        "A reviewer wrote \"my root canal here was painful\". May the reply mention the root canal?",
        &[
            "Yes, the patient made it public first",
            "No: repeating or confirming what a patient disclosed is still our disclosure",
            "Yes, if the reply is polite",
        ],
        1,
        "A patient's own post is not a waiver. Regulators fined practices for replies that confirmed details reviewers had already shared.",
    ),
    (
        "PHI-MKT",
        "A patient is happy with her knee surgery and agrees by phone that we can share her story. Can we post it?",
        &[
            "Yes, verbal agreement is enough",
            "Only with a signed written authorisation on file, attached to the post",
            "Yes, if we leave out her surname",
        ],
        1,
        "Testimonials and success stories need a written authorisation that covers the channel and purpose. Attach the consent record to the post so the check knows.",
    ),
    (
        "PHI-IMAGE",
        "Which photo can go on Instagram without a patient authorisation?",
        &[
            "The waiting room with patients' faces visible",
            "A nurse's station with a screen showing the ward list",
            "Our new MRI machine in an empty room, no screens or charts in view",
        ],
        2,
        "Patients, charts, screens, wristbands and whiteboards in the background all identify people. Photograph empty rooms or staff who gave media consent.",
    ),
    (
        "PHI-ID",
        "Which of these counts as identifying a patient?",
        &[
            "\"A 92-year-old from Raisen was discharged today\"",
            "\"We held 40 free eye camps this year\"",
            "\"World Heart Day is on 29 September\"",
        ],
        0,
        "Ages over 89, small places, dates and rare cases can identify a person without a name. Aggregate numbers and public-health dates are fine.",
    ),
    (
        "PRO-CRISIS",
        "Someone comments \"I can't go on anymore, I want to end it\" on our Facebook page. What do you do?",
        &[
            "Hide it and move on",
            "Escalate to a person at once and reply with the emergency numbers for the region (US 988 / 911; India Tele-MANAS 14416, 112)",
            "Reply asking for their date of birth to find their records",
        ],
        1,
        "Crisis language is escalated at once, and the reply gives region-correct emergency numbers without discussing care in public.",
    ),
    (
        "PRO-ADVICE",
        "A follower asks in the comments which antibiotic to take for a sore throat. What is the right response?",
        &[
            "Recommend a common antibiotic and dose",
            "Say that we cannot advise individuals in public and invite them to book a consultation",
            "Tell them to use a friend's leftover prescription",
        ],
        1,
        "Individual medical advice or prescribing in public is not allowed; general education is.",
    ),
    (
        "FTC-SUBST",
        "Which claim may appear in a post?",
        &[
            "\"Our treatment cures diabetes — 100% success\"",
            "\"Regular check-ups help catch high blood pressure early\"",
            "\"Guaranteed results or your money back\"",
        ],
        1,
        "Health claims need substantiation; cure and guarantee claims are blocked. General, evidence-based education is fine.",
    ),
    (
        "FTC-CONNECT",
        "A doctor on our staff reviews our clinic on her personal account. What must she do?",
        &[
            "Nothing, her opinion is her own",
            "Disclose that she works for us, and never post about patients from a personal account",
            "Post it anonymously",
        ],
        1,
        "Endorsements must disclose a material connection, and staff must not post about patients on personal accounts.",
    ),
    (
        "IN-ADVERT",
        "For a clinic in India, which line is acceptable in a post?",
        &[
            "\"Dr. Sharma — No. 1 cardiologist in Bhopal, 10,000 surgeries!\"",
            "\"Dr. Sharma, cardiologist, sees patients Monday to Friday, 10 am to 2 pm.\"",
            "\"Best IVF success rate in MP, guaranteed\"",
        ],
        1,
        "Doctors in India may not advertise themselves with superlatives or volume claims; announcing timings and services plainly is allowed.",
    ),
    (
        "IN-PCPNDT",
        "Which statement must never appear in an ultrasound centre's posts in India?",
        &[
            "\"Sex determination of the foetus is not done here; it is a punishable offence.\"",
            "\"Know your baby's gender at our centre.\"",
            "\"Ultrasound timings: 9 am to 5 pm.\"",
        ],
        1,
        "Advertising prenatal sex determination is illegal under the PCPNDT Act; the notice that it is not done is required and fine.",
    ),
    (
        "TRK-PIXEL",
        "Our booking page carries a Meta pixel. What does Bedside do with a post that links to it?",
        &[
            "Nothing, links are never checked",
            "Sends it for review: third-party trackers on booking or portal pages can disclose who seeks care",
            "Blocks every link to our website",
        ],
        1,
        "Regulators warned that tracking pixels on booking pages and patient portals can send health information to third parties.",
    ),
];

/// The shipped questions, in order.
pub fn default_questions() -> Vec<Question> {
    DEFAULTS
        .iter()
        .map(|(rule, prompt, options, correct, explanation)| Question {
            prompt: (*prompt).into(),
            options: options.iter().map(|o| (*o).into()).collect(),
            correct: *correct,
            explanation: (*explanation).into(),
            rule: (*rule).into(),
        })
        .collect()
}

/// A starting point for an organisation's own policy (shown in the publish form).
pub const POLICY_TEMPLATE_TITLE: &str = "Social media policy";
pub const POLICY_TEMPLATE: &str = "\
1. Patients first. Never post, reply or message anything that identifies a patient or confirms that someone is, or was, our patient — not a name, photo, age, town, date, room or condition — unless a signed written authorisation covering that use is attached to the post.

2. Replies to reviews and comments. Thank the person, do not confirm or deny any relationship, do not repeat what they disclosed, and invite them to contact us privately on our main number or secure channel. A patient's own post is not permission for us to discuss their care.

3. Photos and video. Only people who signed a media consent may appear. Check backgrounds for screens, charts, whiteboards, wristbands and other patients before uploading. Bedside reads text inside images; fix what it finds.

4. Advice and emergencies. We do not give individual medical advice or prescribe in public. Anyone who writes about self-harm, suicide or an emergency is escalated to a person at once and given the emergency numbers for their region.

5. Claims and endorsements. No cure, guarantee or \"best\" claims. Testimonials need written authorisation and must not imply typical results. Anyone with a connection to us discloses it.

6. Personal accounts. Staff never post about patients on personal accounts, and do not speak for the organisation there.

7. Links. Link only to pages our organisation classified; booking and portal pages must not carry third-party trackers.

8. Every post is checked by Bedside and approved by a second person; anything the engine did not allow goes to the compliance team. Overrides need a written reason and are recorded in the audit log.

9. Report mistakes at once to the privacy officer. A post that discloses patient information is taken down everywhere, and the incident is assessed as a possible breach.";
