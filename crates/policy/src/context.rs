//! The request's context with every missing field resolved to a documented, cautious
//! default. Rules read only this, never the raw request.
//!
//! | field | default when missing | why |
//! |---|---|---|
//! | channel | public post | the most exposed surface |
//! | direction | outbound | only outbound text can be published by us |
//! | jurisdiction | the organisation's default, else US | |
//! | patient_authorization | not on file | consent must be shown, not assumed |
//! | guardian_consent (`parental_consent`) | not on file | |
//! | authorization_channels | every channel | when stated, an authorisation covers only the channels it names |
//! | authorization (a record: `signed_by`, `channels`, `status`, `covers`, `expires`) | none | read where the flat fields are missing; a revoked, withdrawn or expired record covers nothing (expired: `expires` before `publish_date`); with `covers`, only the kinds of detail it names are cleared |
//! | authorization_scope | none | a list of the details covered (`["name", "procedure"]`) or a record as above; read where `authorization` is missing, never as an authorisation by itself |
//! | patient_minor (`patient_is_minor`), authorization_signed_by | not a minor | a minor's authorisation signed by the child, or with guardian consent refused, covers nothing |
//! | material_connection | none stated | `true` or a description, with `connection_disclosed` missing, is an undisclosed connection |
//! | staff_consent (`staff_media_consent`) | unknown: named staff are fine, *shown* staff need review | names of clinicians are professional directory information; photos need media consent |
//! | account | personal if the channel name says so, else organisation | |
//! | author | staff on a personal account or an outbound review, else the organisation | |
//! | connection_disclosed | not disclosed (unless the text says so); an explicit `false` says a material connection exists and is not disclosed | |
//! | audience | patient list if the channel is an email/SMS list, else public | a DM sent to a public audience is treated as a post |
//! | media shows | unknown (treated as possibly showing people); free text is read by its words (`request_media`) | |
//! | landing page (`link`) trackers | unknown: booking/portal/intake pages need review | `landing_kind`/`link_lands` and `third_party_trackers` beside the other facts are read when `landing_page` does not say |
//! | marketing_consent | not stated: a promotion to a patient list needs review | `false` makes an Indian promotion to the list a DPDP block |
//! | secure channel | no: a private message is not secure unless its channel name says `portal`, `secure` or `mychart` | in a secure message to the patient, their own care details are no disclosure (the privacy rules stand down; advertising and purpose rules still apply) |
//! | purpose | not stated | with a patient list, a stated political, fundraising or partner purpose is a use patients never agreed to |

use crate::channel::ChannelFamily;
use crate::org::{OrgPolicy, Pack};
use crate::request::{Account, Audience, CheckRequest, Direction, Jurisdiction, Media, Shows};

#[derive(Debug, Clone)]
pub struct Ctx {
    pub family: ChannelFamily,
    pub inbound: bool,
    pub jurisdiction: Jurisdiction,
    pub packs: Vec<Pack>,
    pub has_reply_to: bool,
    /// Patient authorisation on file (and, for a minor, signed by a guardian).
    pub authorized: bool,
    pub guardian_consent: Option<bool>,
    pub staff_consent: Option<bool>,
    pub personal_account: bool,
    /// The author is an employee/agent writing as a person (not the organisation's voice).
    pub staff_author: bool,
    /// Lower-cased `facts.author` (empty when not stated).
    pub author: String,
    pub connection_disclosed: bool,
    /// `facts.connection_disclosed` is explicitly false: there is a connection to disclose.
    pub connection_undisclosed: bool,
    pub patient_list: bool,
    pub media: Vec<Media>,
    pub landing_kind: Option<String>,
    pub trackers: Option<Vec<String>>,
    /// Lower-cased `facts.purpose` (empty when not stated).
    pub purpose: String,
    /// `facts.marketing_consent`: the people on a list agreed (or did not) to promotions.
    pub marketing_consent: Option<bool>,
    /// What the authorisation record says may be shared, lower-cased (`None`: all of it).
    pub auth_covers: Option<Vec<String>>,
    /// The authorisation was signed by the patient, not a parent or guardian: it covers
    /// nothing if the text shows the patient is a child.
    pub signed_by_patient: bool,
    /// A private message through the organisation's secure channel ("patient_portal_message",
    /// "secure_message", "mychart_message"): where a patient's own results and bills belong.
    pub secure: bool,
}

impl Ctx {
    pub fn new(req: &CheckRequest, org: &OrgPolicy) -> Ctx {
        let channel = req.channel.as_deref().unwrap_or("");
        let chan_has = |w: &str| {
            channel
                .as_bytes()
                .windows(w.len())
                .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        };
        let mut family = ChannelFamily::from_name(req.channel.as_deref());
        // "sms_patient_list": the channel names its audience ("whatsapp_broadcast" is a
        // list by its family already).
        let list_channel = req.facts.audience_kind().is_none()
            && (chan_has("patient_list") || chan_has("patients_list"));
        // A message to the whole patient list is a broadcast, not a conversation.
        if family == ChannelFamily::DirectMessage
            && (req.facts.audience_kind() == Some(Audience::PatientList) || list_channel)
        {
            family = ChannelFamily::Email;
        }
        // A "message" whose audience is the public is a post.
        if family == ChannelFamily::DirectMessage
            && req.facts.audience_kind() == Some(Audience::Public)
        {
            family = ChannelFamily::Post;
        }
        let secure = family == ChannelFamily::DirectMessage
            && (chan_has("portal") || chan_has("secure") || chan_has("mychart"))
            && ![
                "insecure",
                "unsecure",
                "non_secure",
                "nonsecure",
                "not_secure",
                "non-secure",
            ]
            .iter()
            .any(|w| chan_has(w));
        let inbound = req.direction == Some(Direction::Inbound)
            || req.direction.is_none() && (chan_has("inbound") || chan_has("received"));
        let jurisdiction = req
            .jurisdiction
            .or(org.default_jurisdiction)
            .unwrap_or(Jurisdiction::US);
        let f = &req.facts;
        let personal_account = match f.account {
            Some(Account::Personal) => true,
            Some(Account::Organization) => false,
            _ => chan_has("personal"),
        };
        let author = f.author.as_deref().unwrap_or("").to_ascii_lowercase();
        let org_author = matches!(
            author.as_str(),
            "organization" | "organisation" | "org" | "brand" | "clinic" | "hospital"
        );
        let patient_author = author.contains("patient") || author.contains("customer");
        let staff_author = !org_author
            && !patient_author
            && (!author.is_empty()
                || personal_account
                || family == ChannelFamily::Review && !inbound);
        Ctx {
            family,
            inbound,
            jurisdiction,
            packs: org.packs_for(jurisdiction),
            has_reply_to: req
                .in_reply_to
                .as_deref()
                .is_some_and(|s| !s.trim().is_empty()),
            authorized: f.authorization_on_file()
                && covers_channel(f.authorization_channels(), channel)
                && signed_for_minor(f),
            secure,
            guardian_consent: f.guardian_consent,
            signed_by_patient: signed_by(f).is_some_and(|by| {
                !guardian_signed(&by)
                    && ["patient", "self", "child", "himself", "herself"]
                        .iter()
                        .any(|w| by.contains(w))
            }),
            staff_consent: f.staff_consent,
            personal_account,
            staff_author,
            author,
            connection_disclosed: f.connection_disclosed == Some(true),
            connection_undisclosed: f.connection_disclosed == Some(false)
                || f.connection_disclosed.is_none() && material_connection(f),
            patient_list: f.audience_kind() == Some(Audience::PatientList)
                || f.audience_kind().is_none() && family == ChannelFamily::Email
                || list_channel,
            media: f.media.clone(),
            landing_kind: f
                .landing_page
                .as_ref()
                .and_then(|l| l.kind.clone())
                .or_else(|| f.landing_kind.clone()),
            trackers: f
                .landing_page
                .as_ref()
                .and_then(|l| l.trackers_found())
                .or_else(|| f.third_party_trackers.clone()),
            purpose: f.purpose.as_deref().unwrap_or("").to_ascii_lowercase(),
            marketing_consent: f.marketing_consent,
            auth_covers: f
                .record()
                .and_then(|a| a.covers.as_ref())
                .map(|c| c.iter().map(|x| x.to_lowercase()).collect()),
        }
    }

    pub fn pack(&self, p: Pack) -> bool {
        self.packs.contains(&p)
    }

    pub fn outbound(&self) -> bool {
        !self.inbound
    }

    pub fn media_shows(&self, s: Shows) -> bool {
        self.media
            .iter()
            .any(|m| m.shows.unwrap_or(Shows::Unknown) == s)
    }
}

/// An authorisation limited to some channels covers this one when an entry names it, its
/// platform (`instagram` covers `instagram_reel_caption`), or the same platform and family
/// (`instagram_post` covers `instagram_reel_caption`, not `instagram_dm`).
fn covers_channel(allowed: Option<&[String]>, channel: &str) -> bool {
    let Some(allowed) = allowed else {
        return true;
    };
    let c = channel.to_ascii_lowercase();
    let platform = |s: &str| s.split(['_', '-', ' ']).next().unwrap_or("").to_string();
    let family = ChannelFamily::from_name(Some(&c));
    allowed.iter().any(|e| {
        let e = e.to_ascii_lowercase();
        matches!(
            e.as_str(),
            "all" | "any" | "all_channels" | "social" | "social_media"
        ) || !e.is_empty() && c.contains(&e)
            || platform(&e) == platform(&c) && ChannelFamily::from_name(Some(&e)) == family
    })
}

/// A minor's authorisation is a parent's or guardian's signature: one signed by the child,
/// or with guardian consent refused, covers nothing.
fn signed_for_minor(f: &crate::request::Facts) -> bool {
    if f.patient_minor != Some(true) {
        return true;
    }
    let by = signed_by(f).unwrap_or_default();
    let guardian_signed = guardian_signed(&by);
    match f.guardian_consent {
        Some(true) => true,
        Some(false) => guardian_signed,
        None => by.is_empty() || guardian_signed,
    }
}

/// Who signed the authorisation, lower-cased.
fn signed_by(f: &crate::request::Facts) -> Option<String> {
    f.authorization_signed_by().map(str::to_ascii_lowercase)
}

/// Whoever signed (lower-cased) is the patient's parent or guardian.
pub(crate) fn guardian_signed(by: &str) -> bool {
    ["guardian", "parent", "mother", "father", "mom", "dad"]
        .iter()
        .any(|w| by.contains(w))
}

/// `facts.material_connection` says there is one: `true`, or a description that is not
/// a denial.
fn material_connection(f: &crate::request::Facts) -> bool {
    match &f.material_connection {
        Some(serde_json::Value::Bool(b)) => *b,
        Some(serde_json::Value::String(s)) => {
            let s = s.trim().to_ascii_lowercase();
            !(s.is_empty()
                || matches!(s.as_str(), "none" | "no" | "false" | "n/a")
                || s.starts_with("no ")
                || s.starts_with("not ")
                || s.starts_with("none"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorisation_covers_only_what_it_names() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(covers_channel(None, "instagram_post"));
        assert!(covers_channel(
            Some(&list(&["instagram"])),
            "instagram_reel_caption"
        ));
        assert!(covers_channel(
            Some(&list(&["instagram_post"])),
            "instagram_reel_caption"
        ));
        assert!(covers_channel(
            Some(&list(&["website"])),
            "website_testimonial"
        ));
        assert!(!covers_channel(
            Some(&list(&["website_testimonial"])),
            "instagram_post"
        ));
        assert!(!covers_channel(
            Some(&list(&["instagram_post"])),
            "instagram_dm"
        ));
        assert!(!covers_channel(Some(&[]), "facebook_post"));
    }

    #[test]
    fn a_minor_cannot_sign_their_own_authorisation() {
        let facts = |json: &str| serde_json::from_str::<crate::request::Facts>(json).unwrap();
        assert!(signed_for_minor(&facts(
            r#"{"patient_authorization":true}"#
        )));
        assert!(!signed_for_minor(&facts(
            r#"{"patient_minor":true,"authorization_signed_by":"patient"}"#
        )));
        assert!(signed_for_minor(&facts(
            r#"{"patient_minor":true,"authorization_signed_by":"mother"}"#
        )));
        assert!(!signed_for_minor(&facts(
            r#"{"patient_minor":true,"guardian_consent":false}"#
        )));
        assert!(material_connection(&facts(
            r#"{"material_connection":"free treatment"}"#
        )));
        assert!(!material_connection(&facts(
            r#"{"material_connection":"none"}"#
        )));
    }

    #[test]
    fn an_authorisation_record_is_read_like_the_flat_fields() {
        let ctx = |facts: &str, channel: &str| {
            let req: CheckRequest = serde_json::from_str(&format!(
                r#"{{"text":"x","channel":"{channel}","facts":{facts}}}"#
            ))
            .unwrap();
            Ctx::new(&req, &OrgPolicy::default()).authorized
        };
        let website = r#"{"patient_authorization":true,"authorization":{"signed_by":"guardian (mother)","channels":["website"]}}"#;
        assert!(ctx(website, "website_case_study"));
        assert!(!ctx(website, "instagram_reel_caption"));
        assert!(ctx(
            r#"{"authorization":{"channels":["all"]}}"#,
            "facebook_post"
        ));
        assert!(!ctx(
            r#"{"patient_authorization":true,"authorization":{"status":"revoked"}}"#,
            "facebook_post"
        ));
        assert!(!ctx(
            r#"{"patient_minor":true,"authorization":{"signed_by":"patient"}}"#,
            "facebook_post"
        ));
        // Expiry is read against the publish date, when both are given.
        let dated = |expires: &str, publish: &str| {
            ctx(
                &format!(
                    r#"{{"patient_authorization":true,"authorization":{{"expires":"{expires}"}},"publish_date":"{publish}"}}"#
                ),
                "facebook_post",
            )
        };
        assert!(!dated("2025-06-30", "2025-09-15"));
        assert!(dated("2025-12-31", "2025-09-15T10:00:00Z"));
        assert!(dated("soon", "2025-09-15"));
    }
}
