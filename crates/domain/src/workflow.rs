//! The approval workflow (COMPLY-5) as a pure state machine.
//!
//! draft → in_review → approved → scheduled → published, plus rejected, withdrawn and
//! taken_down. The compliance verdict of the latest check decides who may approve:
//! `allow` needs anyone who may approve posts; `needs_review` needs a compliance approver;
//! `block` can only be approved by a compliance approver overriding it with a reason.
//! Nobody approves their own post.

use serde::{Deserialize, Serialize};

use crate::roles::{Permission, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Draft,
    InReview,
    Approved,
    Scheduled,
    Published,
    Rejected,
    Withdrawn,
    TakenDown,
}

impl PostStatus {
    pub const ALL: [PostStatus; 8] = [
        PostStatus::Draft,
        PostStatus::InReview,
        PostStatus::Approved,
        PostStatus::Scheduled,
        PostStatus::Published,
        PostStatus::Rejected,
        PostStatus::Withdrawn,
        PostStatus::TakenDown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Draft => "draft",
            PostStatus::InReview => "in_review",
            PostStatus::Approved => "approved",
            PostStatus::Scheduled => "scheduled",
            PostStatus::Published => "published",
            PostStatus::Rejected => "rejected",
            PostStatus::Withdrawn => "withdrawn",
            PostStatus::TakenDown => "taken_down",
        }
    }

    pub fn parse(s: &str) -> Option<PostStatus> {
        PostStatus::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            PostStatus::Draft => "Draft",
            PostStatus::InReview => "In review",
            PostStatus::Approved => "Approved",
            PostStatus::Scheduled => "Scheduled",
            PostStatus::Published => "Published",
            PostStatus::Rejected => "Rejected",
            PostStatus::Withdrawn => "Withdrawn",
            PostStatus::TakenDown => "Taken down",
        }
    }

    /// Text and targets may change (an edit of an approved post sends it back to review).
    pub fn editable(self) -> bool {
        !matches!(self, PostStatus::Published | PostStatus::TakenDown)
    }
}

/// The compliance engine's verdict, as the workflow sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    pub fn parse(s: &str) -> Option<Verdict> {
        [Verdict::Allow, Verdict::NeedsReview, Verdict::Block]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// What someone (or the system) asks to do to a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Submit,
    /// `override_reason` is required when the verdict is `block`.
    Approve {
        override_reason: Option<String>,
    },
    Reject,
    Withdraw,
    /// Text, targets or attachments changed.
    Edit,
    /// Approved → scheduled, once every target has a time.
    Schedule,
    /// The publisher confirmed delivery (system only).
    MarkPublished,
    TakeDown,
    /// A consent the post relied on was revoked or expired.
    ConsentLost,
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Approve {
                override_reason: Some(_),
            } => "override_approve",
            Action::Approve { .. } => "approve",
            Action::Reject => "reject",
            Action::Withdraw => "withdraw",
            Action::Edit => "edit",
            Action::Schedule => "schedule",
            Action::MarkPublished => "publish",
            Action::TakeDown => "take_down",
            Action::ConsentLost => "consent_lost",
        }
    }
}

/// Who acts. `None` is the system (scheduler, consent expiry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who {
    pub user_id: i64,
    pub role: Role,
}

/// Facts about the post that decide a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostFacts {
    pub status: PostStatus,
    pub author_id: i64,
    /// The verdict of the check that ran for this transition.
    pub verdict: Verdict,
    /// The verdict the approver accepted (for approved posts); a later check that comes out
    /// worse sends the post back to review.
    pub accepted: Verdict,
    pub all_targets_timed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("a {status} post cannot be {action}", status = .0.label().to_lowercase(), action = past(.1))]
    NotFrom(PostStatus, &'static str),
    #[error("the compliance check blocks this post; fix the findings or attach a consent that covers them")]
    Blocked,
    #[error("you cannot approve your own post; another person must review it")]
    OwnPost,
    #[error("the compliance check flagged this post, so a compliance officer must approve it")]
    NeedsCompliance,
    #[error("overriding a blocked post needs the compliance role and a written reason")]
    OverrideNeedsReason,
    #[error("your role does not allow this")]
    NotPermitted,
    #[error("every target needs a date and time before the post can be scheduled")]
    Untimed,
    #[error("only Bedside itself can do this")]
    SystemOnly,
}

fn past(action: &str) -> &'static str {
    match action {
        "submit" => "submitted",
        "approve" | "override_approve" => "approved",
        "reject" => "rejected",
        "withdraw" => "withdrawn",
        "edit" => "edited",
        "schedule" => "scheduled",
        "publish" => "published",
        "take_down" => "taken down",
        _ => "changed",
    }
}

/// The status after `action`, or why it is refused. Pure: the caller runs the compliance
/// check first and passes its verdict in `post.verdict`.
pub fn transition(
    post: PostFacts,
    action: &Action,
    who: Option<Who>,
) -> Result<PostStatus, WorkflowError> {
    use PostStatus as S;
    let refuse = || WorkflowError::NotFrom(post.status, action.name());
    let can = |p: Permission| who.is_some_and(|w| w.role.can(p));
    match action {
        Action::Submit => {
            let is_author = who.is_some_and(|w| w.user_id == post.author_id);
            if !(is_author || can(Permission::ApprovePosts)) || !can(Permission::Compose) {
                return Err(WorkflowError::NotPermitted);
            }
            if !matches!(post.status, S::Draft | S::Rejected | S::Withdrawn) {
                return Err(refuse());
            }
            if post.verdict == Verdict::Block {
                return Err(WorkflowError::Blocked);
            }
            Ok(S::InReview)
        }
        Action::Approve { override_reason } => {
            let Some(w) = who else {
                return Err(WorkflowError::SystemOnly);
            };
            if post.status != S::InReview {
                return Err(refuse());
            }
            if !w.role.can(Permission::ApprovePosts) {
                return Err(WorkflowError::NotPermitted);
            }
            if w.user_id == post.author_id {
                return Err(WorkflowError::OwnPost);
            }
            let compliance = w.role.can(Permission::ApproveFlagged);
            match post.verdict {
                Verdict::Allow => {}
                Verdict::NeedsReview if !compliance => return Err(WorkflowError::NeedsCompliance),
                Verdict::NeedsReview => {}
                Verdict::Block => {
                    let reason_ok = override_reason
                        .as_deref()
                        .is_some_and(|r| r.trim().chars().count() >= 10);
                    if !compliance || !reason_ok {
                        return Err(WorkflowError::OverrideNeedsReason);
                    }
                }
            }
            Ok(if post.all_targets_timed {
                S::Scheduled
            } else {
                S::Approved
            })
        }
        Action::Reject => {
            if !can(Permission::ApprovePosts) {
                return Err(WorkflowError::NotPermitted);
            }
            match post.status {
                S::InReview | S::Approved | S::Scheduled => Ok(S::Rejected),
                _ => Err(refuse()),
            }
        }
        Action::Withdraw => {
            let is_author = who.is_some_and(|w| w.user_id == post.author_id);
            if !(is_author || can(Permission::ApprovePosts)) {
                return Err(WorkflowError::NotPermitted);
            }
            match post.status {
                S::InReview | S::Approved | S::Scheduled => Ok(S::Withdrawn),
                _ => Err(refuse()),
            }
        }
        Action::Edit => {
            if !can(Permission::Compose) {
                return Err(WorkflowError::NotPermitted);
            }
            match post.status {
                S::Draft | S::Rejected | S::Withdrawn => Ok(post.status),
                // Any approval was for the old text: review again.
                S::InReview | S::Approved | S::Scheduled => Ok(S::InReview),
                S::Published | S::TakenDown => Err(refuse()),
            }
        }
        Action::Schedule => {
            if post.status != S::Approved {
                return Err(refuse());
            }
            if !post.all_targets_timed {
                return Err(WorkflowError::Untimed);
            }
            if who.is_some() && !can(Permission::ApprovePosts) {
                return Err(WorkflowError::NotPermitted);
            }
            // The check runs again right before scheduling: a worse verdict than the one the
            // approver accepted sends the post back to review.
            if post.verdict > post.accepted {
                return Ok(S::InReview);
            }
            Ok(S::Scheduled)
        }
        Action::MarkPublished => {
            if who.is_some() {
                return Err(WorkflowError::SystemOnly);
            }
            match post.status {
                S::Scheduled | S::Published => Ok(S::Published),
                _ => Err(refuse()),
            }
        }
        Action::TakeDown => {
            if who.is_some() && !can(Permission::ApprovePosts) {
                return Err(WorkflowError::NotPermitted);
            }
            match post.status {
                S::Published => Ok(S::TakenDown),
                _ => Err(refuse()),
            }
        }
        Action::ConsentLost => {
            if who.is_some() && !can(Permission::ManageConsents) {
                return Err(WorkflowError::NotPermitted);
            }
            match post.status {
                S::InReview | S::Approved | S::Scheduled => Ok(S::Draft),
                // Published posts stay published and go on the take-down list.
                s => Ok(s),
            }
        }
    }
}
