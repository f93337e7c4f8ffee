//! Advertising, professional-conduct and India rule definitions.

use super::{ex, Example, RuleDef, RuleId};
use crate::org::Pack;
use crate::result::Verdict::{Block, NeedsReview};

pub const TONE_RETAL: RuleDef = RuleDef {
    id: RuleId::ToneRetal,
    code: "TONE-RETAL",
    packs: &[Pack::Professional],
    default: NeedsReview,
    default_note: "needs_review; block together with any PHI finding",
    catches: "Derogatory, accusing or retaliatory language towards a reviewer: \"this review is false\", \"you were rude\", \"you refused to follow instructions\".",
    why: "Retaliatory replies are where most review-reply disclosures happened, and they damage trust even without PHI.",
    message: "This reply argues with or blames the reviewer.",
    fix: "Stay neutral: thank them, acknowledge the concern, offer to talk privately.",
    blocked: ex("This review is false. You were rude to our staff.", "google_review_reply", "US", "{}"),
    allowed: ex("We're sorry to hear this. Please call our office manager so we can look into it.", "google_review_reply", "US", "{}"),
};

pub const FTC_TYPICAL: RuleDef = RuleDef {
    id: RuleId::FtcTypical,
    code: "FTC-TYPICAL",
    packs: &[Pack::Ftc],
    default: NeedsReview,
    default_note: "",
    catches: "A testimonial or success story with specific results and no statement of the results people can generally expect.",
    why: "FTC Endorsement Guides (16 CFR 255.2): testimonials imply typical results unless the typical results are disclosed.",
    message: "This testimonial suggests everyone gets these results.",
    fix: "Add what results patients can generally expect (e.g. \"most patients walk with support after 6-8 weeks; results vary\").",
    blocked: ex("I lost 40 pounds in 3 months with the Slim Clinic program! #testimonial", "instagram_post", "US", r#"{"patient_authorization":true}"#),
    allowed: ex("I lost 40 pounds in 12 months with the Slim Clinic program! #testimonial Most patients lose 5-10% of body weight in a year; results vary.", "instagram_post", "US", r#"{"patient_authorization":true}"#),
};

pub const FTC_SUBST: RuleDef = RuleDef {
    id: RuleId::FtcSubst,
    code: "FTC-SUBST",
    packs: &[Pack::Ftc],
    default: Block,
    default_note: "",
    catches: "Health claims without substantiation: \"cures\", \"100% success\", \"guaranteed results\", \"reverses diabetes\", \"no side effects\", plus the organisation's own banned claims.",
    why: "FTC Act s.5 and the Health Products Compliance Guidance require competent and reliable scientific evidence for health claims.",
    message: "This makes a health claim that needs scientific proof.",
    fix: "Describe what the service does without promising cures or guaranteed outcomes.",
    blocked: ex("Our stem cell therapy cures arthritis with a 100% success rate!", "facebook_post", "US", "{}"),
    allowed: ex("There is no cure for osteoarthritis, but physical therapy can ease pain and improve movement.", "facebook_post", "US", "{}"),
};

pub const FTC_CONNECT: RuleDef = RuleDef {
    id: RuleId::FtcConnect,
    code: "FTC-CONNECT",
    packs: &[Pack::Ftc, Pack::Professional],
    default: Block,
    default_note: "",
    catches: "An endorsement or review by someone connected to the organisation (staff, paid influencer, relative) without disclosing the connection.",
    why: "FTC Endorsement Guides and the 2024 rule on fake reviews: undisclosed employee reviews and paid endorsements are deceptive; India's endorsement guidelines for influencers (Department of Consumer Affairs, 2023) and ASCI's influencer rules require the same disclosure.",
    message: "The writer's connection to the organisation is not disclosed.",
    fix: "Disclose the connection clearly (\"I work here\", \"#ad\", \"paid partnership\"), or do not post it.",
    blocked: ex("Best dental office in Plano!!! Dr. Patel and the whole team are amazing. 5 stars!", "google_review", "US", r#"{"author":"staff","connection_disclosed":false}"#),
    allowed: ex("I work at Plano Family Dental, and I'm proud of our team's new Saturday hours.", "personal_facebook_post", "US", r#"{"account":"personal","author":"staff"}"#),
};

pub const FTC_INCENT: RuleDef = RuleDef {
    id: RuleId::FtcIncent,
    code: "FTC-INCENT",
    packs: &[Pack::Ftc, Pack::Nmc],
    default: NeedsReview,
    default_note: "block when the reward depends on a positive review; needs_review for any other incentive",
    catches: "Rewards for reviews, ratings, likes or follows; rewards conditioned on positive reviews.",
    why: "The FTC rule on consumer reviews (2024) bans incentives conditioned on sentiment and buying indicators of social influence; in India the NMC's 2023 guidance bars doctors from paying for reviews, ratings or likes.",
    message: "This offers a reward for a review or for social engagement.",
    fix: "Ask for honest reviews without any reward.",
    blocked: ex("We'd love to make this right! If you update your review to 5 stars, your next cleaning is on us.", "google_review_reply", "US", "{}"),
    allowed: ex("Thanks for your feedback. We'd welcome an honest review of your experience any time.", "google_review_reply", "US", "{}"),
};

pub const FTC_SUPPRESS: RuleDef = RuleDef {
    id: RuleId::FtcSuppress,
    code: "FTC-SUPPRESS",
    packs: &[Pack::Ftc, Pack::Professional],
    default: Block,
    default_note: "",
    catches: "Threats, legal pressure or contract terms to remove or prevent reviews.",
    why: "Consumer Review Fairness Act and the FTC review rule ban review suppression by threats or gag clauses.",
    message: "This pressures someone to remove or not post a review.",
    fix: "Never threaten reviewers. Reply neutrally and offer to talk privately.",
    blocked: ex("Remove this review within 48 hours or our attorney will file a defamation lawsuit.", "yelp_review_reply", "US", "{}"),
    allowed: ex("We're sorry about your experience. Please contact our practice manager so we can help.", "yelp_review_reply", "US", "{}"),
};

pub const FDA_BALANCE: RuleDef = RuleDef {
    id: RuleId::FdaBalance,
    code: "FDA-BALANCE",
    packs: &[Pack::Fda],
    default: NeedsReview,
    default_note: "needs_review; block when benefits are claimed with no risk information at all",
    catches: "Promotion of a prescription drug with benefit claims but without its most serious risks in the post itself.",
    why: "FDA fair-balance rules (21 CFR 202.1) apply to social media; a link to safety information does not suffice (2015 Diclegis warning letter).",
    message: "This promotes a prescription drug without balanced risk information.",
    fix: "Include the most serious risks in the post and route it to regulatory review.",
    blocked: ex("My doctor prescribed #Diclegis and I felt so much better! Ask your doctor about it.", "instagram_post", "US", "{}"),
    allowed: ex("Morning sickness is common. Talk to your doctor about treatment options.", "instagram_post", "US", "{}"),
};

pub const PRO_ADVICE: RuleDef = RuleDef {
    id: RuleId::ProAdvice,
    code: "PRO-ADVICE",
    packs: &[Pack::Professional],
    default: Block,
    default_note: "block in public; needs_review in a DM or a general post with doses",
    catches: "Individual medical advice or prescribing in public: answering \"should I take…\" with a yes, a dose or a drug.",
    why: "Advice without examination creates a care relationship and liability; NMC and state boards discourage it; other readers will apply it to themselves.",
    message: "This gives individual medical advice in public.",
    fix: "Do not advise in comments. Invite the person to call or book a visit; in an emergency give the emergency number.",
    blocked: Example {
        in_reply_to: Some("Is it safe to take 800 mg ibuprofen with my lisinopril?"),
        ..ex("Great question! For most people that's fine, just take it with food.", "facebook_comment_reply", "US", "{}")
    },
    allowed: Example {
        in_reply_to: Some("Is it safe to take 800 mg ibuprofen with my lisinopril?"),
        ..ex("Good question, but we can't give medical advice here. Please call our nurse line so a clinician can help.", "facebook_comment_reply", "US", "{}")
    },
};

pub const PRO_CRISIS: RuleDef = RuleDef {
    id: RuleId::ProCrisis,
    code: "PRO-CRISIS",
    packs: &[Pack::Professional],
    default: NeedsReview,
    default_note: "needs_review and escalate",
    catches: "Inbound suicide, self-harm or medical-emergency language (English, Hinglish, Hindi); replies to it that lack the jurisdiction's emergency numbers.",
    why: "A person in danger needs a human now and the right number: US 911 / 988, India 112 / 108 / Tele-MANAS 14416.",
    message: "This message suggests an emergency or a risk of self-harm. A person must respond now.",
    fix: "Escalate immediately; reply with the emergency numbers for the person's location.",
    blocked: Example {
        direction: "inbound",
        ..ex("My dad's chest has been hurting for an hour and his left arm is numb. Should I give him aspirin?", "facebook_comment_inbound", "US", "{}")
    },
    allowed: Example {
        direction: "inbound",
        ..ex("What are your hours on Saturday?", "facebook_comment_inbound", "US", "{}")
    },
};

pub const PRO_STAFFPOST: RuleDef = RuleDef {
    id: RuleId::ProStaffpost,
    code: "PRO-STAFFPOST",
    packs: &[Pack::Professional],
    default: Block,
    default_note: "",
    catches: "Staff posting about patients or their cases on personal accounts.",
    why: "Most staff social-media breaches are anecdotes from a shift; details identify the patient to locals.",
    message: "This personal post talks about a patient.",
    fix: "Do not post about patients, even without names.",
    blocked: ex("Brutal night shift. Patched up the guy who rolled his pickup on Route 12. Blood alcohol through the roof.", "personal_facebook_post", "US", r#"{"account":"personal","author":"staff"}"#),
    allowed: ex("Proud to be a nurse! Happy Nurses Week to my amazing colleagues.", "personal_facebook_post", "US", r#"{"account":"personal","author":"staff"}"#),
};

pub const PRO_STAFFCONSENT: RuleDef = RuleDef {
    id: RuleId::ProStaffconsent,
    code: "PRO-STAFFCONSENT",
    packs: &[Pack::Professional],
    default: NeedsReview,
    default_note: "",
    catches: "Staff named or shown without their media consent on file.",
    why: "Staff have privacy and safety interests too; many organisations require written media consent.",
    message: "A staff member is named or shown without media consent on file.",
    fix: "Record the staff member's media consent, or remove them.",
    blocked: ex("Meet Nurse Kelly Brown from our night team!", "facebook_post", "US", r#"{"staff_consent":false}"#),
    allowed: ex("Meet Nurse Kelly Brown from our night team!", "facebook_post", "US", r#"{"staff_consent":true}"#),
};

pub const REVIEW_SIMILAR: RuleDef = RuleDef {
    id: RuleId::ReviewSimilar,
    code: "REVIEW-SIMILAR",
    packs: &[Pack::Privacy],
    default: NeedsReview,
    default_note: "needs_review, only when no other rule fired",
    catches: "Texts no specific rule matched that read like ones that disclosed patient information or needed a person: a second opinion from a model trained on Bedside's labelled cases (words, spellings, the engine's cues and the channel).",
    why: "Rules recognise known phrasings; the same risk is written in endless new ways (quiet confirmations in replies, crisis hints, Hinglish spellings). Sending a close call to a person is safer than letting it through.",
    message: "No rule matched, but this reads like texts that needed a person to check them (patient details, confirmations of care, distress). The highlighted words weighed most.",
    fix: "Read it as a compliance officer would: does it confirm someone is a patient, repeat what they disclosed, or describe anyone's care? If not, approve it.",
    blocked: ex("So glad the little one is back to her old self!", "google_review_reply", "US", "{}"),
    allowed: ex("Thank you for the kind words! We have shared them with the whole team.", "google_review_reply", "US", "{}"),
};
