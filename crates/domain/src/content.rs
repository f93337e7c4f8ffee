//! Posts, pillars, campaigns, consents: the value types of planning and composing.

use serde::{Deserialize, Serialize};

use crate::fields::FieldError;

/// The content pillar every post carries (PLAN-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    Education,
    BehindTheScenes,
    PatientStory,
    Community,
    WellnessCampaign,
    ServiceAnnouncement,
    QaLive,
}

impl Pillar {
    pub const ALL: [Pillar; 7] = [
        Pillar::Education,
        Pillar::BehindTheScenes,
        Pillar::PatientStory,
        Pillar::Community,
        Pillar::WellnessCampaign,
        Pillar::ServiceAnnouncement,
        Pillar::QaLive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Pillar::Education => "education",
            Pillar::BehindTheScenes => "behind_the_scenes",
            Pillar::PatientStory => "patient_story",
            Pillar::Community => "community",
            Pillar::WellnessCampaign => "wellness_campaign",
            Pillar::ServiceAnnouncement => "service_announcement",
            Pillar::QaLive => "qa_live",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Pillar::Education => "Education",
            Pillar::BehindTheScenes => "Behind the scenes",
            Pillar::PatientStory => "Patient story",
            Pillar::Community => "Community",
            Pillar::WellnessCampaign => "Wellness campaign",
            Pillar::ServiceAnnouncement => "Service announcement",
            Pillar::QaLive => "Q&A / live",
        }
    }

    pub fn parse(s: &str) -> Result<Pillar, FieldError> {
        Pillar::ALL
            .into_iter()
            .find(|p| p.as_str() == s.trim())
            .ok_or_else(|| FieldError::new("pillar", "must be one of the content pillars"))
    }
}

/// The text of a post or variant: not empty, at most the largest platform limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostText(String);

impl PostText {
    pub const MAX_CHARS: usize = 63_206;

    pub fn parse(field: &'static str, raw: &str) -> Result<PostText, FieldError> {
        let v = raw.replace("\r\n", "\n");
        if v.trim().is_empty() {
            return Err(FieldError::new(field, "is required"));
        }
        let n = v.chars().count();
        if n > Self::MAX_CHARS {
            return Err(FieldError::new(
                field,
                format!(
                    "must be at most {} characters (it has {n})",
                    Self::MAX_CHARS
                ),
            ));
        }
        Ok(PostText(v))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Who signed a consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    Patient,
    Guardian,
    Staff,
}

impl Signer {
    pub fn as_str(self) -> &'static str {
        match self {
            Signer::Patient => "patient",
            Signer::Guardian => "guardian",
            Signer::Staff => "staff",
        }
    }
    pub fn parse(s: &str) -> Result<Signer, FieldError> {
        match s.trim() {
            "patient" => Ok(Signer::Patient),
            "guardian" => Ok(Signer::Guardian),
            "staff" => Ok(Signer::Staff),
            _ => Err(FieldError::new(
                "signed_by",
                "must be patient, guardian or staff",
            )),
        }
    }
}

/// What a consent covers. A post relying on it may only use what is ticked, on the
/// channels listed, between the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentScope {
    pub text: bool,
    pub images: bool,
    pub video: bool,
    /// Channel families ("post", "review_reply", "comment", "dm", "press", "broadcast") or
    /// "any".
    pub channels: Vec<String>,
    pub valid_from_ms: i64,
    pub valid_until_ms: Option<i64>,
}

pub const CHANNEL_FAMILIES: [&str; 6] = [
    "post",
    "review_reply",
    "comment",
    "dm",
    "press",
    "broadcast",
];

impl ConsentScope {
    pub fn covers_channel(&self, family: &str) -> bool {
        self.channels.iter().any(|c| c == "any" || c == family)
    }

    pub fn valid_at(&self, now_ms: i64) -> bool {
        now_ms >= self.valid_from_ms && self.valid_until_ms.is_none_or(|u| now_ms < u)
    }
}

/// The channel family of a platform's post channel name, for consent scopes.
pub fn family_of_channel(channel: &str) -> &'static str {
    let c = channel.to_ascii_lowercase();
    if c.contains("review") {
        "review_reply"
    } else if c.contains("comment") || c.contains("reply") {
        "comment"
    } else if c.contains("dm") || c.contains("message") {
        "dm"
    } else if c.contains("press") || c.contains("media_statement") {
        "press"
    } else if c.contains("sms") || c.contains("email") || c.contains("newsletter") {
        "broadcast"
    } else {
        "post"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pillars_round_trip() {
        for p in Pillar::ALL {
            assert_eq!(Pillar::parse(p.as_str()).unwrap(), p);
        }
        assert!(Pillar::parse("memes").is_err());
    }

    #[test]
    fn post_text_rules() {
        assert!(PostText::parse("text", "  ").is_err());
        assert_eq!(PostText::parse("text", "a\r\nb").unwrap().as_str(), "a\nb");
        assert!(PostText::parse("text", &"x".repeat(63_207)).is_err());
    }

    #[test]
    fn scope_dates_and_channels() {
        let s = ConsentScope {
            text: true,
            images: false,
            video: false,
            channels: vec!["post".into()],
            valid_from_ms: 100,
            valid_until_ms: Some(200),
        };
        assert!(s.valid_at(100) && s.valid_at(199) && !s.valid_at(200) && !s.valid_at(99));
        assert!(s.covers_channel("post") && !s.covers_channel("press"));
        assert_eq!(family_of_channel("x_post"), "post");
        assert_eq!(family_of_channel("google_review_reply"), "review_reply");
    }
}
