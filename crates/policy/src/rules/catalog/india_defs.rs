//! India rule definitions (IMC 2002, NMC 2023 guidance, DPDP 2023, PC&PNDT, MTP, MHCA, DMR).

use super::{ex, RuleDef, RuleId};
use crate::org::Pack;
use crate::result::Verdict::{Block, NeedsReview};

pub const IN_ADVERT: RuleDef = RuleDef {
    id: RuleId::InAdvert,
    code: "IN-ADVERT",
    packs: &[Pack::Imc],
    default: Block,
    default_note: "block for superlatives and volume claims; needs_review for discounts and promotional stories",
    catches: "Self-promotion or solicitation by doctors: \"No. 1\", \"best doctor in Bhopal\", \"10,000+ successful surgeries\", success rates, discounts for consultations.",
    why: "IMC Regulations 2002 (6.1) forbid doctors and institutions from soliciting patients or advertising themselves; announcing a clinic, its timings and services is allowed.",
    message: "This advertises the doctor or hospital in a way Indian professional rules forbid.",
    fix: "Keep to facts: name, qualifications, services, timings, address. Remove superlatives, counts, rates and offers.",
    blocked: ex("Dr. Mehta - No. 1 knee replacement surgeon in Bhopal, 10,000+ successful surgeries!", "facebook_post", "IN", "{}"),
    allowed: ex("Dr. Mehta (MS Ortho) is available at our Bhopal clinic, Monday to Saturday, 10 am to 2 pm.", "facebook_post", "IN", "{}"),
};

pub const IN_ENDORSE: RuleDef = RuleDef {
    id: RuleId::InEndorse,
    code: "IN-ENDORSE",
    packs: &[Pack::Imc],
    default: Block,
    default_note: "",
    catches: "A doctor or clinic endorsing a drug, supplement, device or other product.",
    why: "IMC Regulations 2002 (6.4) forbid physicians from endorsing drugs and products.",
    message: "This endorses a product or drug, which doctors in India may not do.",
    fix: "Remove the endorsement; discuss treatment options generically.",
    blocked: ex("I personally recommend VitaBoost immunity tonic to all my patients. Use code DRSHARMA for 20% off!", "instagram_post", "IN", "{}"),
    allowed: ex("Eat a balanced diet with seasonal fruits and vegetables to support immunity.", "instagram_post", "IN", "{}"),
};

pub const IN_CONFID: RuleDef = RuleDef {
    id: RuleId::InConfid,
    code: "IN-CONFID",
    packs: &[Pack::Imc],
    default: Block,
    default_note: "",
    catches: "Disclosing a patient's identity, condition or treatment.",
    why: "IMC Regulations 2002 (2.2, 7.14): a physician must not disclose the secrets of a patient learnt in practice.",
    message: "This discloses a patient's confidential information.",
    fix: "Remove the patient's details or obtain their written consent.",
    blocked: ex("Madam, you came to us for your delivery and the stitches were fine at discharge.", "google_review_reply", "IN", "{}"),
    allowed: ex("धन्यवाद! आपकी प्रतिक्रिया हमारी टीम के साथ साझा की जाएगी।", "google_review_reply", "IN", "{}"),
};

pub const IN_NMC23: RuleDef = RuleDef {
    id: RuleId::InNmc23,
    code: "IN-NMC23",
    packs: &[Pack::Nmc],
    default: NeedsReview,
    default_note: "",
    catches: "What NMC's 2023 guidance calls out: patient photos, scans and \"results\", testimonials, online consultation or prescribing in public, and buying likes or followers.",
    why: "NMC Professional Conduct Regulations 2023 (held in abeyance but the regulator's stated view).",
    message: "NMC guidance discourages this on social media.",
    fix: "Remove patient images, results and engagement rewards; keep to education.",
    blocked: ex("Help our clinic reach 10K followers! Like, share and follow to get Rs 200 off your next consultation.", "instagram_post", "IN", "{}"),
    allowed: ex("Dengue cases are rising in Bhopal this monsoon. Empty water from coolers every week.", "facebook_post", "IN", "{}"),
};

pub const IN_DPDP: RuleDef = RuleDef {
    id: RuleId::InDpdp,
    code: "IN-DPDP",
    packs: &[Pack::Dpdp],
    default: Block,
    default_note: "",
    catches: "A person's data (name, photo, health) published or used without specific consent; children's data without verifiable parental consent; patient lists used for promotion.",
    why: "Digital Personal Data Protection Act 2023 (s. 6 consent, s. 9 children).",
    message: "This uses a person's data without the consent the DPDP Act requires.",
    fix: "Record specific consent (a parent's for anyone under 18) or remove the person's data.",
    blocked: ex("Watch how Sunita ji from Vidisha is walking again after her knee replacement at our hospital!", "instagram_reel_caption", "IN", r#"{"patient_authorization":false}"#),
    allowed: ex("Knee pain? Our physiotherapy department runs a free joint-care workshop on Sunday.", "instagram_post", "IN", "{}"),
};

pub const IN_PCPNDT: RuleDef = RuleDef {
    id: RuleId::InPcpndt,
    code: "IN-PCPNDT",
    packs: &[Pack::Pcpndt],
    default: Block,
    default_note: "block outbound; needs_review for inbound enquiries",
    catches: "Anything advertising or hinting at prenatal sex determination (\"boy or girl?\", \"लिंग जांच\", \"beta hoga ya beti\"). The mandatory notice that it is not done is allowed.",
    why: "PC&PNDT Act 1994, s. 22: advertising sex determination is a criminal offence.",
    message: "This could be read as offering prenatal sex determination, which is a crime in India.",
    fix: "Remove it. Only the legal notice (\"sex determination is not done here and is punishable\") may appear.",
    blocked: ex("Curious whether it's a boy or girl? Advanced 4D ultrasound at our centre!", "facebook_post", "IN", "{}"),
    allowed: ex("यहाँ भ्रूण का लिंग परीक्षण नहीं किया जाता है। यह दंडनीय अपराध है।", "facebook_post", "IN", "{}"),
};

pub const IN_MTP: RuleDef = RuleDef {
    id: RuleId::InMtp,
    code: "IN-MTP",
    packs: &[Pack::Mtp],
    default: Block,
    default_note: "",
    catches: "Revealing that a person had a medical termination of pregnancy.",
    why: "MTP Act 1971, s. 5A: revealing the name or particulars of a woman who underwent termination is punishable.",
    message: "This reveals that a person had a pregnancy termination.",
    fix: "Remove it entirely. Never confirm or discuss a termination in public.",
    blocked: ex("Madam, you came to us for MTP at 9 weeks and the procedure was complete.", "google_review_reply", "IN", "{}"),
    allowed: ex("Safe, confidential reproductive health services by registered practitioners. Call for an appointment.", "facebook_post", "IN", "{}"),
};

pub const IN_MHCA: RuleDef = RuleDef {
    id: RuleId::InMhca,
    code: "IN-MHCA",
    packs: &[Pack::Mhca],
    default: Block,
    default_note: "",
    catches: "Mental-health or addiction-treatment information about a person given to the public or media.",
    why: "Mental Healthcare Act 2017, s. 23: information about a person's mental-health treatment must not be released to the media without consent.",
    message: "This discloses someone's mental-health or addiction treatment.",
    fix: "Remove it. Recovery stories need the person's specific written consent.",
    blocked: ex("Proud moment! Local cricketer Rahul S. has completed de-addiction treatment at our centre.", "facebook_post", "IN", "{}"),
    allowed: ex("Tele-MANAS 14416 offers free mental-health support in Indian languages, 24x7.", "facebook_post", "IN", "{}"),
};

pub const IN_DMR: RuleDef = RuleDef {
    id: RuleId::InDmr,
    code: "IN-DMR",
    packs: &[Pack::Dmr],
    default: Block,
    default_note: "",
    catches: "Claims that a drug or remedy treats or cures a scheduled disease (diabetes, cancer, obesity, infertility, baldness…): \"sugar ka pakka ilaj\", \"cures diabetes permanently\".",
    why: "Drugs and Magic Remedies (Objectionable Advertisements) Act 1954 bans such advertisements.",
    message: "This advertises a cure for a disease the Drugs and Magic Remedies Act covers.",
    fix: "Remove cure and remedy claims; describe services and encourage medical consultation.",
    blocked: ex("Diabetes ka pakka ilaj! Our herbal churna ends sugar permanently, no need of insulin.", "facebook_post", "IN", "{}"),
    allowed: ex("World Diabetes Day, 14 November: free blood sugar screening at our clinic.", "facebook_post", "IN", "{}"),
};
