//! The social media policy and training (COMPLY-7): policy documents, quiz questions, how
//! a quiz is graded and whether a person is current. Pure: the service decides when to ask.
//!
//! A person is *current* when the organisation has published a policy and they have
//! accepted its latest version and passed the quiz within [`TRAINING_VALID_DAYS`]. Until an
//! organisation publishes a policy nobody is held back: there is nothing to accept yet.

use serde::{Deserialize, Serialize};

use crate::FieldError;

/// A quiz passes at this share of correct answers or more.
pub const PASS_PERCENT: usize = 80;
/// Training is renewed every year (HIPAA expects periodic training; a year is common).
pub const TRAINING_VALID_DAYS: i64 = 365;
pub use crate::DAY_MS;
pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 100_000;
pub const MAX_NOTE: usize = 500;
pub const MAX_PROMPT: usize = 500;
pub const MAX_OPTION: usize = 300;
pub const MAX_EXPLANATION: usize = 1_000;
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 6;
/// An organisation may edit the quiz but not shrink it below this.
pub const MIN_QUESTIONS: usize = 3;
pub const MAX_QUESTIONS: usize = 50;

fn text(field: &'static str, raw: &str, max: usize, multiline: bool) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "is required"));
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(FieldError::new(
            field,
            format!("must be at most {max} characters (it has {chars})"),
        ));
    }
    let bad = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
    if value.chars().any(bad) {
        let what = if multiline {
            "must not contain control characters"
        } else {
            "must be a single line of text"
        };
        return Err(FieldError::new(field, what));
    }
    Ok(value.replace("\r\n", "\n"))
}

/// A version of the policy as it is about to be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyDocument {
    pub title: String,
    pub body: String,
    /// What changed since the last version ("" for the first).
    pub change_note: String,
}

impl PolicyDocument {
    pub fn parse(title: &str, body: &str, change_note: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = text("title", title, MAX_TITLE, false).map_err(|e| errors.push(e));
        let body = text("body", body, MAX_BODY, true).map_err(|e| errors.push(e));
        let note = if change_note.trim().is_empty() {
            Ok(String::new())
        } else {
            text("change_note", change_note, MAX_NOTE, true).map_err(|e| errors.push(e))
        };
        match (title, body, note) {
            (Ok(title), Ok(body), Ok(change_note)) => Ok(PolicyDocument {
                title,
                body,
                change_note,
            }),
            _ => Err(errors),
        }
    }
}

/// One multiple-choice question with exactly one right answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub prompt: String,
    pub options: Vec<String>,
    /// Index into `options`.
    pub correct: usize,
    /// Shown after the quiz for a question answered wrongly.
    pub explanation: String,
    /// The rule of the catalogue it teaches ("PHI-REL"), or "".
    pub rule: String,
}

/// A question as typed into a form: options one per line, the right one by number (1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionDraft {
    pub prompt: String,
    pub options: Vec<String>,
    /// "1" for the first option.
    pub correct: String,
    pub explanation: String,
    pub rule: String,
}

impl QuestionDraft {
    pub fn of(q: &Question) -> Self {
        QuestionDraft {
            prompt: q.prompt.clone(),
            options: q.options.clone(),
            correct: (q.correct + 1).to_string(),
            explanation: q.explanation.clone(),
            rule: q.rule.clone(),
        }
    }
}

impl Question {
    pub fn parse(d: &QuestionDraft) -> Result<Question, Vec<FieldError>> {
        let mut errors = Vec::new();
        let prompt = text("prompt", &d.prompt, MAX_PROMPT, true).map_err(|e| errors.push(e));
        let mut options = Vec::new();
        for raw in d.options.iter().filter(|o| !o.trim().is_empty()) {
            match text("options", raw, MAX_OPTION, false) {
                Ok(o) if options.contains(&o) => errors.push(FieldError::new(
                    "options",
                    format!("{o:?} is listed twice; every answer must differ"),
                )),
                Ok(o) => options.push(o),
                Err(e) => errors.push(e),
            }
        }
        if options.len() < MIN_OPTIONS || options.len() > MAX_OPTIONS {
            errors.push(FieldError::new(
                "options",
                format!(
                    "needs {MIN_OPTIONS} to {MAX_OPTIONS} answers, one per line (it has {})",
                    options.len()
                ),
            ));
        }
        let correct = match d.correct.trim().parse::<usize>() {
            Ok(n) if n >= 1 && n <= options.len() => Some(n - 1),
            _ => {
                errors.push(FieldError::new(
                    "correct",
                    format!(
                        "must be the number of the right answer, 1 to {}",
                        options.len().max(1)
                    ),
                ));
                None
            }
        };
        let explanation =
            text("explanation", &d.explanation, MAX_EXPLANATION, true).map_err(|e| errors.push(e));
        let rule = d.rule.trim().to_ascii_uppercase();
        let rule_ok = rule.is_empty()
            || (rule.len() <= 20 && rule.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        if !rule_ok {
            errors.push(FieldError::new(
                "rule",
                "must be a rule id such as PHI-REL, or empty",
            ));
        }
        match (prompt, correct, explanation) {
            (Ok(prompt), Some(correct), Ok(explanation)) if errors.is_empty() => Ok(Question {
                prompt,
                options,
                correct,
                explanation,
                rule,
            }),
            _ => Err(errors),
        }
    }
}

/// How a set of answers scored. `answers[i]` is the option chosen for question `i`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grade {
    pub correct: usize,
    pub total: usize,
    pub passed: bool,
    /// Indices of the questions answered wrongly or not at all.
    pub missed: Vec<usize>,
}

impl Grade {
    pub fn percent(&self) -> usize {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }
}

pub fn grade(questions: &[Question], answers: &[Option<usize>]) -> Grade {
    let missed: Vec<usize> = questions
        .iter()
        .enumerate()
        .filter(|(i, q)| answers.get(*i).copied().flatten() != Some(q.correct))
        .map(|(i, _)| i)
        .collect();
    let total = questions.len();
    let correct = total - missed.len();
    // Integer comparison: 4 of 5 is exactly 80 %.
    let passed = total > 0 && correct * 100 >= PASS_PERCENT * total;
    Grade {
        correct,
        total,
        passed,
        missed,
    }
}

/// What stands between a person and posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// They have not accepted the current version of the policy.
    Attestation,
    /// They never passed the quiz.
    Quiz,
    /// Their last pass is older than [`TRAINING_VALID_DAYS`].
    QuizExpired,
}

impl Missing {
    pub fn describe(self) -> &'static str {
        match self {
            Missing::Attestation => "accept the current social media policy",
            Missing::Quiz => "pass the training quiz",
            Missing::QuizExpired => "retake the training quiz (a pass lasts a year)",
        }
    }
}

/// One person's training record, as far as it matters for posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Record {
    /// The latest published policy version, if any.
    pub current_version: Option<i64>,
    /// The newest version this person accepted.
    pub attested_version: Option<i64>,
    /// When they last passed the quiz.
    pub passed_at_ms: Option<i64>,
}

impl Record {
    /// What is missing at `now_ms`; empty when the person may post.
    pub fn missing(&self, now_ms: i64) -> Vec<Missing> {
        let Some(current) = self.current_version else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if self.attested_version.is_none_or(|v| v < current) {
            out.push(Missing::Attestation);
        }
        match self.passed_at_ms {
            None => out.push(Missing::Quiz),
            Some(t) if now_ms - t > TRAINING_VALID_DAYS * DAY_MS => out.push(Missing::QuizExpired),
            Some(_) => {}
        }
        out
    }

    /// When the quiz pass runs out, if there is one.
    pub fn quiz_valid_until_ms(&self) -> Option<i64> {
        self.passed_at_ms.map(|t| t + TRAINING_VALID_DAYS * DAY_MS)
    }
}

/// The sentence a refused submission shows: "Before you submit posts, accept … and pass …".
pub fn refusal(action: &str, missing: &[Missing]) -> String {
    let parts: Vec<&str> = missing.iter().map(|m| m.describe()).collect();
    let list = match parts.as_slice() {
        [] => return String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("Before you {action}, {list} on the Training page (/training).")
}

#[cfg(test)]
#[path = "training_tests.rs"]
mod tests;
