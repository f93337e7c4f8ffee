//! The check request: one text plus the context that decides what it may say.
//!
//! Every field except `text` may be missing; [`crate::context`] documents the cautious
//! default used for each. Unknown enum values deserialize to an `Unknown`/`Other` variant
//! instead of failing, so a new channel or tracker name never breaks a client.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// One text to check, with its context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CheckRequest {
    /// Any string; echoed in the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub text: String,
    /// Platform surface, e.g. `google_review_reply`, `facebook_post`, `instagram_dm`,
    /// `press_release`. Unknown names are mapped to a family by the words they contain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// `US` or `IN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Jurisdiction>,
    /// The review, comment or message being answered, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    #[serde(default, deserialize_with = "crate::request_auth::facts")]
    pub facts: Facts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Outbound,
    Inbound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub enum Jurisdiction {
    #[serde(alias = "us", alias = "USA")]
    US,
    #[serde(alias = "in", alias = "IND", alias = "India")]
    IN,
}

/// What the organisation has on record for this text. `None` means "not stated".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Facts {
    /// A written patient authorisation covering this use is on file. Also read as a yes/no
    /// word, or as a record (`{"signed": true, "status": "active"}`): on file if signed and
    /// not revoked, and in a request it also serves as the `authorization` record.
    #[serde(
        default,
        alias = "patient_authorisation",
        deserialize_with = "crate::request_auth::authorization_flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub patient_authorization: Option<bool>,
    /// Every staff member named or shown has given media consent. Also read as a map of
    /// names to yes/no (`{"Maria Lopez": true, "Jamal Wright": false}`): true only if all are.
    #[serde(
        default,
        alias = "staff_media_consent",
        deserialize_with = "crate::request_wire::all_consented",
        skip_serializing_if = "Option::is_none"
    )]
    pub staff_consent: Option<bool>,
    /// A parent or guardian signed for a minor who is named or shown. Also read as a yes/no
    /// word or as the signed record (`{"signed_by": "mother", "expires": "2027-01-31"}`).
    #[serde(
        default,
        alias = "parental_consent",
        alias = "parent_consent",
        deserialize_with = "crate::request_auth::guardian_flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub guardian_consent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    /// Who wrote the text, e.g. `staff`, `patient`, `influencer`, `agency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// A material connection (employment, payment, free service) is disclosed.
    #[serde(
        default,
        deserialize_with = "crate::request_wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub connection_disclosed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// Where the audience came from, when sent beside `audience` (both may be given; a
    /// patient list in either is a patient list). Also read as `recipients`.
    #[serde(default, alias = "recipients", skip_serializing_if = "Option::is_none")]
    pub audience_source: Option<Audience>,
    /// Where the patient authorisation allows use (`instagram`, `facebook_post`,
    /// `website`); when stated, channels not listed are not covered.
    #[serde(
        default,
        alias = "consent_channels",
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization_channels: Option<Vec<String>>,
    /// Who signed the authorisation (`patient`, `guardian`, `parent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_signed_by: Option<String>,
    /// The authorisation as one record (`{"signed_by": …, "channels": […], "status": …}`),
    /// read where the flat fields above are not given.
    #[serde(
        default,
        alias = "authorisation",
        alias = "consent_record",
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization: Option<AuthorizationRecord>,
    /// What the authorisation covers, as a list of details (`["name", "procedure"]`) or
    /// as a record like `authorization`; read for its channels, signer and scope where
    /// `authorization` is not given. It never says by itself that an authorisation exists.
    #[serde(
        default,
        deserialize_with = "crate::request_auth::authorization_scope",
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization_scope: Option<AuthorizationRecord>,
    /// The patient in the text or media is a minor.
    #[serde(
        default,
        alias = "patient_is_minor",
        deserialize_with = "crate::request_wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub patient_minor: Option<bool>,
    /// A material connection exists (true, or a description such as "free treatment").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material_connection: Option<serde_json::Value>,
    #[serde(default)]
    pub media: Vec<Media>,
    /// Also read as `link` or `landing`, and as a string naming the kind (`"booking"`).
    #[serde(
        default,
        alias = "link",
        alias = "landing",
        alias = "link_landing",
        deserialize_with = "crate::request_wire::landing",
        skip_serializing_if = "Option::is_none"
    )]
    pub landing_page: Option<LandingPage>,
    /// The landing page's kind given beside the other facts (`link_lands`, `lands_on`)
    /// instead of inside `landing_page`; read only when `landing_page` has none.
    #[serde(
        default,
        alias = "link_lands",
        alias = "lands_on",
        alias = "landing_type",
        skip_serializing_if = "Option::is_none"
    )]
    pub landing_kind: Option<String>,
    /// The landing page's trackers given beside the other facts; read only when
    /// `landing_page` lists none.
    #[serde(
        default,
        alias = "trackers",
        deserialize_with = "crate::request_wire::trackers",
        skip_serializing_if = "Option::is_none"
    )]
    pub third_party_trackers: Option<Vec<String>>,
    /// What a message to a list is for, in words (`"political"`, `"partner promotion"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The people on the list consented to promotional messages.
    #[serde(
        default,
        alias = "consent_to_marketing",
        alias = "marketing_opt_in",
        deserialize_with = "crate::request_wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub marketing_consent: Option<bool>,
    /// When the text goes out (`YYYY-MM-DD…`); an authorisation that expired before it
    /// covers nothing.
    #[serde(
        default,
        alias = "publish_at",
        alias = "scheduled_for",
        alias = "post_date",
        alias = "published_on",
        skip_serializing_if = "Option::is_none"
    )]
    pub publish_date: Option<String>,
}

/// A patient authorisation on record, as the consent registry describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AuthorizationRecord {
    /// Where it allows use; channels not listed are not covered.
    #[serde(
        default,
        alias = "covers_channels",
        alias = "platforms",
        skip_serializing_if = "Option::is_none"
    )]
    pub channels: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// `active`, `revoked`, `expired`, `withdrawn`: anything but active covers nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// What it allows to be shared (`["first name", "quote"]`); when stated, what it does
    /// not name stays uncovered.
    #[serde(
        default,
        alias = "scope",
        alias = "may_share",
        alias = "items",
        skip_serializing_if = "Option::is_none"
    )]
    pub covers: Option<Vec<String>>,
    /// Last day it is valid (`YYYY-MM-DD`); compared with `facts.publish_date`.
    #[serde(
        default,
        alias = "expiry",
        alias = "valid_until",
        alias = "expires_on",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires: Option<String>,
}

impl Facts {
    /// The authorisation record: `authorization`, else `authorization_scope`.
    pub fn record(&self) -> Option<&AuthorizationRecord> {
        self.authorization
            .as_ref()
            .or(self.authorization_scope.as_ref())
    }

    /// Channels the authorisation covers, from the flat field or the record.
    pub fn authorization_channels(&self) -> Option<&[String]> {
        self.authorization_channels
            .as_deref()
            .or_else(|| self.record()?.channels.as_deref())
    }

    /// Who signed the authorisation, from the flat field or the record.
    pub fn authorization_signed_by(&self) -> Option<&str> {
        self.authorization_signed_by
            .as_deref()
            .or_else(|| self.record()?.signed_by.as_deref())
    }

    /// An authorisation is on file: stated, or given as a record that is not revoked,
    /// withdrawn or expired (an explicit `patient_authorization` wins).
    pub fn authorization_on_file(&self) -> bool {
        let when = self.publish_date.as_deref();
        match (self.patient_authorization, self.authorization.as_ref()) {
            (Some(b), rec) => b && rec.as_ref().is_none_or(|r| r.active(when)),
            (None, Some(rec)) => rec.active(when),
            (None, None) => false,
        }
    }

    /// The audience from `audience` and `audience_source` together: a patient list if
    /// either says so.
    pub fn audience_kind(&self) -> Option<Audience> {
        let both = [self.audience, self.audience_source];
        if both.contains(&Some(Audience::PatientList)) {
            Some(Audience::PatientList)
        } else {
            self.audience.or(self.audience_source)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Account {
    #[serde(alias = "organisation", alias = "org", alias = "official")]
    Organization,
    Personal,
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case", from = "serde_json::Value")]
pub enum Audience {
    Public,
    PatientList,
    Unknown,
}

/// One attached image or video, as described by the uploader or the media library.
///
/// Read leniently (see [`crate::request_media`]): a free-text `shows` such as
/// `"x-ray, de-identified"` also sets `clinical_image` and `identifiers_removed`, and a
/// `visible` list naming a whiteboard, wristband or screen marks identifiers as kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(from = "crate::request_media::RawMedia")]
pub struct Media {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shows: Option<Shows>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faces_blurred: Option<bool>,
    /// An X-ray, scan, wound, chart, screen or other clinical image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_image: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifiers_removed: Option<bool>,
}

/// Who can be seen. Besides the four names, a description such as `children_faces`,
/// `patient_before_after` or `text_only` is read by the words it contains (see
/// [`Shows::from_description`]); anything else is `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase", from = "String")]
pub enum Shows {
    None,
    Staff,
    Patients,
    People,
    Unknown,
}

/// Where a link in the text lands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LandingPage {
    /// `public_info`, `booking`, `portal`, `intake`, or another name (also read as
    /// `lands_on` or `type`).
    #[serde(
        default,
        alias = "lands_on",
        alias = "type",
        alias = "landing",
        alias = "page",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<String>,
    /// Third-party trackers on that page (`meta_pixel`, `google_analytics`, …). `None` means
    /// nobody checked. `true` means "some, not listed" and `false` means none.
    #[serde(
        default,
        deserialize_with = "crate::request_wire::trackers",
        skip_serializing_if = "Option::is_none"
    )]
    pub third_party_trackers: Option<Vec<String>>,
    /// The same under its short name; both may be sent and are read together
    /// ([`LandingPage::trackers_found`]).
    #[serde(
        default,
        deserialize_with = "crate::request_wire::trackers",
        skip_serializing_if = "Option::is_none"
    )]
    pub trackers: Option<Vec<String>>,
}

impl LandingPage {
    /// Trackers from `third_party_trackers` and `trackers` together: named ones over a
    /// bare "yes", `None` only when neither says.
    pub fn trackers_found(&self) -> Option<Vec<String>> {
        match (&self.third_party_trackers, &self.trackers) {
            (None, None) => None,
            (a, b) => {
                let unnamed = crate::request_wire::UNNAMED_TRACKER;
                let mut all: Vec<String> = a.iter().chain(b).flatten().cloned().collect();
                if all.iter().any(|t| t != unnamed) {
                    all.retain(|t| t != unnamed);
                }
                all.sort();
                all.dedup();
                Some(all)
            }
        }
    }
}
