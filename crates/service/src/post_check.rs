//! Checking a post: every target's text (variant or base) on its platform's channel, with
//! the facts its attached consents establish, plus each platform's length rules; and its
//! attached media — the alt text checked like any other text, the text read inside the
//! image (its screening verdict). The post's verdict is the worst of all of them.

use domain::content::{family_of_channel, ConsentScope};
use domain::links::UrlClass;
use domain::platform::Platform;
use domain::workflow::Verdict;
use policy::{CheckRequest, CheckResult, Direction, Engine, Facts};
use serde::{Deserialize, Serialize};
use store::consents::Consent;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TargetCheck {
    pub account_id: i64,
    pub platform: Platform,
    pub channel: String,
    pub text: String,
    pub count: usize,
    pub limit: usize,
    pub unit: String,
    /// Platform rule violations (length, hashtags, forbidden characters).
    pub problems: Vec<String>,
    pub result: CheckResult,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PostCheck {
    pub verdict: Verdict,
    /// The base text checked as a generic post (what the composer shows while typing).
    pub base: CheckResult,
    pub targets: Vec<TargetCheck>,
    /// Consents that covered something in this check.
    pub consents_used: Vec<i64>,
    /// One per attached image or video.
    #[serde(default)]
    pub media: Vec<MediaCheck>,
}

/// What a post carries besides its text, for the check.
pub struct Attached<'a> {
    pub consents: &'a [Consent],
    /// The organisation's page classes (landing-page facts of links).
    pub classes: &'a [UrlClass],
    pub media: &'a [AttachedMedia],
}

/// An attached image or video as the check needs it.
#[derive(Debug, Clone)]
pub struct AttachedMedia {
    pub media_id: i64,
    pub alt_text: String,
    /// The screening verdict of the text read inside it (upload time).
    pub screened: Verdict,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MediaCheck {
    pub media_id: i64,
    /// The image's own screening (text inside it).
    pub screened: Verdict,
    /// The alt text, checked as outbound text.
    pub alt: CheckResult,
}

impl MediaCheck {
    pub fn verdict(&self) -> Verdict {
        self.screened.max(verdict_of(self.alt.verdict))
    }
}

impl PostCheck {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    pub fn from_json(s: &str) -> Option<PostCheck> {
        serde_json::from_str(s).ok()
    }
}

pub fn verdict_of(v: policy::Verdict) -> Verdict {
    match v {
        policy::Verdict::Allow => Verdict::Allow,
        policy::Verdict::NeedsReview => Verdict::NeedsReview,
        policy::Verdict::Block => Verdict::Block,
    }
}

pub fn scope_of(c: &Consent) -> ConsentScope {
    ConsentScope {
        text: c.covers_text,
        images: c.covers_images,
        video: c.covers_video,
        channels: c
            .channels
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        valid_from_ms: c.valid_from,
        valid_until_ms: c.valid_until,
    }
}

/// What the attached consents establish for one channel at `now_ms`, and which were used.
pub fn facts_for(channel: &str, consents: &[Consent], now_ms: i64) -> (Facts, Vec<i64>) {
    let family = family_of_channel(channel);
    let mut facts = Facts::default();
    let mut used = Vec::new();
    for c in consents {
        let scope = scope_of(c);
        if c.status != "active"
            || !scope.valid_at(now_ms)
            || !scope.covers_channel(family)
            || !scope.text
        {
            continue;
        }
        used.push(c.id);
        match c.kind.as_str() {
            "patient" => {
                facts.patient_authorization = Some(true);
                if c.signed_by == "guardian" {
                    facts.guardian_consent = Some(true);
                }
            }
            "staff" => facts.staff_consent = Some(true),
            _ => {}
        }
    }
    (facts, used)
}

/// One target to check: its account's platform and its text.
pub struct TargetText<'a> {
    pub account_id: i64,
    pub platform: Platform,
    pub text: &'a str,
}

pub fn check_post(
    engine: &Engine,
    base_text: &str,
    targets: &[TargetText<'_>],
    attached: &Attached<'_>,
    now_ms: i64,
) -> PostCheck {
    let (consents, classes) = (attached.consents, attached.classes);
    // Where the text's links land comes from the organisation's classification of its pages.
    let request = |text: &str, channel: &str, facts: Facts| CheckRequest {
        text: text.to_string(),
        channel: Some(channel.to_string()),
        direction: Some(Direction::Outbound),
        facts: Facts {
            landing_page: crate::links::landing_for(classes, text),
            ..facts
        },
        ..CheckRequest::default()
    };
    let (base_facts, mut consents_used) = facts_for("post", consents, now_ms);
    let base = engine.check(&request(base_text, "post", base_facts));
    let mut verdict = verdict_of(base.verdict);
    let mut checks = Vec::new();
    for t in targets {
        let channel = t.platform.post_channel();
        let (facts, used) = facts_for(channel, consents, now_ms);
        consents_used.extend(used);
        let result = engine.check(&request(t.text, channel, facts));
        verdict = verdict.max(verdict_of(result.verdict));
        checks.push(TargetCheck {
            account_id: t.account_id,
            platform: t.platform,
            channel: channel.to_string(),
            text: t.text.to_string(),
            count: t.platform.count(t.text),
            limit: t.platform.limit(),
            unit: t.platform.unit().to_string(),
            problems: t.platform.problems(t.text),
            result,
        });
    }
    if !targets.is_empty() {
        // With targets, their checks decide; the base text alone is advisory.
        verdict = checks
            .iter()
            .map(|c| verdict_of(c.result.verdict))
            .max()
            .unwrap_or(Verdict::Allow);
    }
    let (media_facts, used) = facts_for("post", consents, now_ms);
    let media: Vec<MediaCheck> = attached
        .media
        .iter()
        .map(|m| MediaCheck {
            media_id: m.media_id,
            screened: m.screened,
            alt: engine.check(&request(&m.alt_text, "post", media_facts.clone())),
        })
        .collect();
    if !media.is_empty() {
        consents_used.extend(used);
    }
    verdict = media
        .iter()
        .map(MediaCheck::verdict)
        .fold(verdict, Verdict::max);
    consents_used.sort_unstable();
    consents_used.dedup();
    PostCheck {
        verdict,
        base,
        targets: checks,
        consents_used,
        media,
    }
}
