//! Patient-privacy rule definitions (PHI-*, TRK-*).

use super::{ex, Example, RuleDef, RuleId};
use crate::org::Pack;
use crate::result::Verdict::{Block, NeedsReview};

const P: &[Pack] = &[Pack::Privacy];

pub const PHI_REL: RuleDef = RuleDef {
    id: RuleId::PhiRel,
    code: "PHI-REL",
    packs: P,
    default: Block,
    default_note: "block; needs_review when nothing else is disclosed",
    catches: "Words that confirm or deny that a person is or was a patient: \"when you visited us\", \"your procedure\", \"thank you for trusting us with your care\", \"we have no record of this person\", \"आपका इलाज\", \"aapka operation\".",
    why: "Whether someone is a patient is itself protected health information. Practices have been fined for review replies that only confirmed a reviewer was a patient; a denial is also a statement about patient status.",
    message: "This confirms (or denies) that the person is a patient. That fact alone is private.",
    fix: "Reply without saying whether they are a patient: thank them, say you cannot discuss anyone's care in public, and give a phone number or email to continue privately.",
    blocked: Example {
        in_reply_to: Some("5 stars, great dentist!"),
        ..ex("Thank you for trusting us with your care, we loved seeing you at your last cleaning on Tuesday!", "google_review_reply", "US", "{}")
    },
    allowed: ex("Thank you for taking the time to share this. We'll pass your kind words along to our team.", "google_review_reply", "US", "{}"),
};

pub const PHI_ID: RuleDef = RuleDef {
    id: RuleId::PhiId,
    code: "PHI-ID",
    packs: P,
    default: Block,
    default_note: "",
    catches: "A patient's name, unmasked alias, contact detail, ID number (SSN, MRN, Aadhaar, ABHA…), address, or age together with locality.",
    why: "Direct identifiers turn any health detail into a disclosure about a specific person (HIPAA Safe Harbor identifiers; IMC 7.14 and DPDP in India).",
    message: "This names or identifies a patient.",
    fix: "Remove the name, contact details, ID numbers and age/locality, or attach the patient's written authorisation for this use.",
    blocked: ex("Get well soon to Mrs. Kamala Devi, 91, from Raisen, recovering in our ICU after her bypass.", "facebook_post", "IN", "{}"),
    allowed: ex("Welcome Dr. Samuel Reyes, board-certified cardiologist, now seeing new patients at our Oak Street office. Call (312) 555-0199 to book.", "facebook_post", "US", "{}"),
};

pub const PHI_CLIN: RuleDef = RuleDef {
    id: RuleId::PhiClin,
    code: "PHI-CLIN",
    packs: P,
    default: Block,
    default_note: "",
    catches: "A diagnosis, procedure, medicine, test result or treatment plan tied to a person: the addressee of a reply (\"your MRI\", \"a cancer patient like you\") or a named or described patient.",
    why: "Health details about an identifiable person are the core of PHI; review replies that discussed a reviewer's diagnosis and medication led to HIPAA settlements (2019-2023).",
    message: "This tells the public about a person's health or treatment.",
    fix: "Remove the clinical details. Talk about services in general terms, never about this person's care.",
    blocked: Example {
        in_reply_to: Some("1 star. The meds made me worse."),
        ..ex("As we discussed at intake, bipolar disorder often needs medication adjustment, and stopping lithium on your own makes symptoms worse.", "google_review_reply", "US", "{}")
    },
    allowed: ex("Dengue cases are rising this monsoon. Empty standing water every week and see a doctor if you have fever with body ache.", "facebook_post", "IN", "{}"),
};

pub const PHI_VISIT: RuleDef = RuleDef {
    id: RuleId::PhiVisit,
    code: "PHI-VISIT",
    packs: P,
    default: Block,
    default_note: "",
    catches: "Visit dates and times, visit counts, missed appointments, ward, room or bed of a person.",
    why: "Dates of service are HIPAA identifiers and confirm the relationship; \"you missed three appointments\" is a common retaliatory disclosure.",
    message: "This reveals when or where a person received care.",
    fix: "Remove dates, times, appointment history and locations of care.",
    blocked: ex("We're sorry you waited two hours in our infusion center last Thursday.", "google_review_reply", "US", "{}"),
    allowed: ex("Our infusion center is open 7am-7pm Monday to Saturday. Call us to book.", "facebook_post", "US", "{}"),
};

pub const PHI_FIN: RuleDef = RuleDef {
    id: RuleId::PhiFin,
    code: "PHI-FIN",
    packs: P,
    default: Block,
    default_note: "",
    catches: "Insurance, prior authorisation, bills, balances or the cost of a person's care.",
    why: "Payment information about an individual is PHI, and often appears in replies to billing complaints.",
    message: "This discusses a person's bill or insurance in public.",
    fix: "Invite the person to contact the billing office privately; do not mention amounts, insurers or claims.",
    blocked: ex("Your insurance denied the claim, which is why your balance is $450.", "yelp_review_reply", "US", "{}"),
    allowed: ex("We accept most major insurance plans. Questions about a bill? Call our billing office.", "facebook_post", "US", "{}"),
};

pub const PHI_INDIRECT: RuleDef = RuleDef {
    id: RuleId::PhiIndirect,
    code: "PHI-INDIRECT",
    packs: P,
    default: Block,
    default_note: "block when one person is recognisable; needs_review for small groups",
    catches: "No name, but identifiable: a rare case, a unique event, a public incident, a small group, a local celebrity, plus a date or place.",
    why: "Neighbours, colleagues and reporters can recognise \"the guy who rolled his pickup on Route 12\" or \"the only triplets born here this year\".",
    message: "Even without a name, people could recognise who this is about.",
    fix: "Remove the event, the date, the place and anything unique; or get written authorisation.",
    blocked: ex("Congratulations to the only set of triplets born at our hospital this year! They arrived Tuesday and mom is doing great.", "facebook_post", "US", "{}"),
    allowed: ex("Our maternity unit welcomed 1,200 babies last year. Tour the unit any Saturday.", "facebook_post", "US", "{}"),
};

pub const PHI_SELFDISC: RuleDef = RuleDef {
    id: RuleId::PhiSelfdisc,
    code: "PHI-SELFDISC",
    packs: P,
    default: Block,
    default_note: "",
    catches: "A reply that repeats or confirms what the patient, family or press already disclosed.",
    why: "A patient's own public post is not a waiver: confirming it adds the organisation's authority and the fact of the relationship.",
    message: "This repeats or confirms health details the person shared. Their own post does not allow us to.",
    fix: "Do not repeat their details. Acknowledge, and move the conversation to a private channel.",
    blocked: Example {
        in_reply_to: Some("Had my knee replacement with Dr. Rao in March and I'm walking again!"),
        ..ex("So glad your knee replacement went well and you're walking again!", "facebook_comment_reply", "US", "{}")
    },
    allowed: Example {
        in_reply_to: Some("Had my knee replacement with Dr. Rao in March and I'm walking again!"),
        ..ex("Thank you for the kind words! We'll share them with the team.", "facebook_comment_reply", "US", "{}")
    },
};

pub const PHI_SENS: RuleDef = RuleDef {
    id: RuleId::PhiSens,
    code: "PHI-SENS",
    packs: P,
    default: Block,
    default_note: "raises the severity of another PHI finding",
    catches: "Sensitive categories alongside a disclosure: mental health, substance use, HIV/STI, reproductive care, minors, deceased patients, hospice.",
    why: "These categories carry extra legal protection (42 CFR Part 2, state laws, MHCA, MTP Act) and the greatest harm.",
    message: "The disclosure involves especially sensitive information.",
    fix: "Remove it entirely; this category needs specific written consent even where other details might be shared.",
    blocked: ex("Proud moment! Local cricketer Rahul S. has completed de-addiction treatment at our centre.", "facebook_post", "IN", "{}"),
    allowed: ex("September is Suicide Prevention Month. If you are struggling, call or text 988.", "facebook_post", "US", "{}"),
};

pub const PHI_MEDIA: RuleDef = RuleDef {
    id: RuleId::PhiMedia,
    code: "PHI-MEDIA",
    packs: P,
    default: Block,
    default_note: "",
    catches: "Statements to the press about a patient beyond directory information (name and one-word condition, on request, for patients who did not opt out).",
    why: "A hospital was fined for naming a patient in a press release; TV filming of patients without authorisation led to settlements.",
    message: "This press statement discloses information about a patient.",
    fix: "Confirm nothing beyond what the patient authorised; use \"we cannot share information about any patient\".",
    blocked: ex("Memorial Hospital confirms that John Doe, 45, was treated for gunshot wounds after Saturday's shooting and remains in critical condition.", "press_release", "US", "{}"),
    allowed: ex("We are caring for people injured in today's incident. Out of respect for their privacy we will not share details.", "press_release", "US", "{}"),
};

pub const PHI_IMAGE: RuleDef = RuleDef {
    id: RuleId::PhiImage,
    code: "PHI-IMAGE",
    packs: P,
    default: Block,
    default_note: "block when patients are shown without authorisation; needs_review when who is shown is unknown",
    catches: "Attached media showing patients, care areas, screens, charts, wristbands, or clinical images (X-rays, scans, wounds) with identifiers.",
    why: "Full-face photos are HIPAA identifiers; screens and whiteboards in the background are a classic leak.",
    message: "The attached media may show a patient or patient information.",
    fix: "Use a photo without patients, blur faces and screens and remove identifiers, or attach the patient's written authorisation.",
    blocked: ex("A day in the life of our ER team!", "instagram_post", "US", r#"{"media":[{"kind":"video","shows":"patients","faces_blurred":false}]}"#),
    allowed: ex("Our new lobby is open!", "instagram_post", "US", r#"{"media":[{"kind":"image","shows":"none"}]}"#),
};

pub const PHI_MKT: RuleDef = RuleDef {
    id: RuleId::PhiMkt,
    code: "PHI-MKT",
    packs: P,
    default: Block,
    default_note: "",
    catches: "Testimonials, success stories, before/after posts and birth or recovery announcements about a patient without written authorisation.",
    why: "Using PHI for marketing needs a signed authorisation (45 CFR 164.508); a 2025 settlement concerned success stories published without one.",
    message: "This uses a patient's story for promotion without a written authorisation on file.",
    fix: "Attach the patient's signed marketing authorisation (a guardian's for a minor), or remove the patient.",
    blocked: ex("Success Story: After her stroke in March, Dorothy Jenkins, 82, arrived unable to walk. Six weeks of therapy later, she walked out on her own.", "website_testimonial", "US", r#"{"patient_authorization":false}"#),
    allowed: ex("Our stroke rehabilitation program offers physical, occupational and speech therapy six days a week.", "website", "US", "{}"),
};

pub const PHI_PURPOSE: RuleDef = RuleDef {
    id: RuleId::PhiPurpose,
    code: "PHI-PURPOSE",
    packs: P,
    default: Block,
    default_note: "",
    catches: "Messages to a patient list for an unrelated purpose: politics, fundraising without an opt-out, third-party promotion.",
    why: "Patient contact lists are PHI; using them for campaigns or fundraising without the required notices is a disclosure for a purpose patients never agreed to.",
    message: "This uses the patient list for a purpose unrelated to their care.",
    fix: "Do not send political messages to patients; for fundraising include a clear opt-out.",
    blocked: ex("Our patients know Dr. Shah cares. Vote for him for city council on Tuesday!", "patient_sms", "US", r#"{"audience":"patient_list"}"#),
    allowed: ex("Flu shots are now available for all patients. Reply STOP to opt out of reminders.", "patient_sms", "US", r#"{"audience":"patient_list"}"#),
};

pub const PHI_CHANNEL: RuleDef = RuleDef {
    id: RuleId::PhiChannel,
    code: "PHI-CHANNEL",
    packs: P,
    default: Block,
    default_note: "block in public threads; needs_review in a platform DM or when a patient discloses their own details inbound",
    catches: "Scheduling, results or care details in a public thread or a non-secure platform DM; patients posting their own details publicly (inbound).",
    why: "Platform messages are not a secure channel and can be seen by page admins and the platform; public threads are public.",
    message: "Care details should not travel over this channel.",
    fix: "Move to a secure channel: ask the person to call, or use the patient portal.",
    blocked: ex("Hi Dana, your MRI is now Friday at 10 am at Westside Imaging.", "instagram_dm", "US", "{}"),
    allowed: ex("Thanks for reaching out! Please call us at 555-0100 and our front desk will help.", "instagram_dm", "US", "{}"),
};

pub const TRK_PIXEL: RuleDef = RuleDef {
    id: RuleId::TrkPixel,
    code: "TRK-PIXEL",
    packs: P,
    default: NeedsReview,
    default_note: "",
    catches: "A link that lands on a booking, portal or intake page carrying third-party trackers (Meta Pixel, Google Analytics, TikTok…), or whose trackers are unknown.",
    why: "HHS guidance (2022-2024) and enforcement: trackers on booking pages and portals send health information to third parties.",
    message: "The link leads to a booking, portal or intake page that carries third-party trackers.",
    fix: "Link to a page without third-party trackers, or remove the trackers from that page.",
    blocked: ex("Book your fertility consultation online today!", "facebook_post", "US", r#"{"landing_page":{"kind":"booking","third_party_trackers":["meta_pixel"]}}"#),
    allowed: ex("Read our guide to heart-healthy eating.", "facebook_post", "US", r#"{"landing_page":{"kind":"public_info","third_party_trackers":["google_analytics"]}}"#),
};

pub const TRK_URLPHI: RuleDef = RuleDef {
    id: RuleId::TrkUrlphi,
    code: "TRK-URLPHI",
    packs: P,
    default: Block,
    default_note: "",
    catches: "Names, contact details, record numbers or conditions of a person inside a URL, slug or UTM value.",
    why: "URLs are logged by analytics, ad platforms and browsers; a condition in a UTM tag tells them who has it.",
    message: "This link carries personal or health information in the address.",
    fix: "Use a neutral link: no names, emails, IDs or conditions in the path or query.",
    blocked: ex("Your results are ready: https://portal.example.com/results?patient=jane.doe&dx=hiv", "facebook_post", "US", "{}"),
    allowed: ex("Learn about diabetes care: https://clinic.example.com/services/diabetes?utm_source=facebook", "facebook_post", "US", "{}"),
};
