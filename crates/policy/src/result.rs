//! The check result: a verdict, the rules that fired with their spans, and suggestions.
//! All offsets are Unicode code points into the request text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Ordered from least to most severe so the combined verdict is the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Allow,
    NeedsReview,
    Block,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::NeedsReview => "needs_review",
            Verdict::Block => "block",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RuleFinding {
    /// Rule id from the catalogue, e.g. `PHI-REL`.
    pub rule: Cow<'static, str>,
    /// What this finding contributes to the overall verdict.
    pub verdict: Verdict,
    /// Span of the words that triggered it (0..0 when the trigger is context, not text).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Plain-language explanation for the author.
    pub message: Cow<'static, str>,
    /// What to change.
    pub fix: Cow<'static, str>,
}

/// A span of the text treated as patient information in this context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PhiSpan {
    #[serde(rename = "type")]
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CheckResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub verdict: Verdict,
    pub findings: Vec<RuleFinding>,
    pub phi: Vec<PhiSpan>,
    /// A human must look now (crisis or emergency language).
    pub escalate: bool,
    /// A compliant rewrite: a safe reply template, a crisis reply with the right numbers,
    /// or the text with patient information removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl CheckResult {
    /// Ids of the rules that fired, in catalogue order, without duplicates.
    pub fn rule_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for f in &self.findings {
            if !ids.contains(&f.rule.as_ref()) {
                ids.push(f.rule.as_ref());
            }
        }
        ids
    }
}
