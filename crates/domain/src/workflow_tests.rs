//! Property tests of the approval workflow: no sequence of actions publishes a post
//! without the approvals its verdict requires.

use proptest::prelude::*;

use crate::roles::{Permission, Role};
use crate::workflow::{transition, Action, PostFacts, PostStatus, Verdict, Who};

const AUTHOR: i64 = 1;

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

fn verdict() -> impl Strategy<Value = Verdict> {
    prop::sample::select(vec![Verdict::Allow, Verdict::NeedsReview, Verdict::Block])
}

fn who() -> impl Strategy<Value = Option<Who>> {
    prop_oneof![
        1 => Just(None),
        6 => (prop::sample::select(vec![1i64, 2, 3]), role()).prop_map(|(user_id, role)| Some(Who { user_id, role })),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Submit),
        prop::option::of(prop::sample::select(vec![
            "ok",
            "patient consented in writing on file"
        ]))
        .prop_map(|r| Action::Approve {
            override_reason: r.map(str::to_string)
        }),
        Just(Action::Reject),
        Just(Action::Withdraw),
        Just(Action::Edit),
        Just(Action::Schedule),
        Just(Action::MarkPublished),
        Just(Action::TakeDown),
        Just(Action::ConsentLost),
    ]
}

proptest! {
    #[test]
    fn published_only_with_required_approval(
        steps in prop::collection::vec((action(), who(), verdict(), any::<bool>()), 1..40)
    ) {
        let mut status = PostStatus::Draft;
        // The approval that covers the current text, if any: (approver, verdict at approval).
        let mut approval: Option<(Who, Verdict)> = None;
        for (a, w, v, timed) in steps {
            let accepted = approval.map(|a| a.1).unwrap_or(Verdict::Allow);
            let facts = PostFacts { status, author_id: AUTHOR, verdict: v, accepted, all_targets_timed: timed };
            let Ok(next) = transition(facts, &a, w) else { continue };
            match &a {
                Action::Approve { .. } => approval = Some((w.unwrap(), v)),
                Action::Edit | Action::Submit | Action::Reject | Action::Withdraw | Action::ConsentLost
                    if next != PostStatus::Published && next != PostStatus::TakenDown =>
                {
                    approval = None;
                }
                _ => {}
            }
            if next == PostStatus::InReview || next == PostStatus::Draft {
                approval = None;
            }
            if next == PostStatus::Scheduled && status == PostStatus::Approved {
                let (_, at) = approval.expect("scheduled without approval");
                prop_assert!(v <= at, "scheduled although the check got worse than what was approved");
            }
            if next == PostStatus::Published && status != PostStatus::Published {
                let (approver, at) = approval.expect("published without an approval of the current text");
                prop_assert_ne!(approver.user_id, AUTHOR, "self-approved");
                prop_assert!(approver.role.can(Permission::ApprovePosts));
                if at != Verdict::Allow {
                    prop_assert!(approver.role.can(Permission::ApproveFlagged), "flagged post approved without compliance");
                }
            }
            status = next;
        }
    }

    #[test]
    fn blocked_posts_cannot_be_submitted(w in who(), s in prop::sample::select(PostStatus::ALL.to_vec())) {
        let facts = PostFacts { status: s, author_id: AUTHOR, verdict: Verdict::Block, accepted: Verdict::Allow, all_targets_timed: true };
        prop_assert!(transition(facts, &Action::Submit, w).is_err());
    }

    #[test]
    fn edits_after_approval_go_back_to_review(r in role(), v in verdict()) {
        for s in [PostStatus::Approved, PostStatus::Scheduled] {
            let facts = PostFacts { status: s, author_id: AUTHOR, verdict: v, accepted: Verdict::Allow, all_targets_timed: true };
            if let Ok(next) = transition(facts, &Action::Edit, Some(Who { user_id: AUTHOR, role: r })) {
                prop_assert_eq!(next, PostStatus::InReview);
            }
        }
    }
}

#[test]
fn override_needs_compliance_and_reason() {
    let facts = PostFacts {
        status: PostStatus::InReview,
        author_id: AUTHOR,
        verdict: Verdict::Block,
        accepted: Verdict::Allow,
        all_targets_timed: false,
    };
    let manager = Some(Who {
        user_id: 2,
        role: Role::Manager,
    });
    let compliance = Some(Who {
        user_id: 3,
        role: Role::Compliance,
    });
    let with = |r: &str| Action::Approve {
        override_reason: Some(r.into()),
    };
    assert!(transition(facts, &with("the patient signed a release"), manager).is_err());
    assert!(transition(
        facts,
        &Action::Approve {
            override_reason: None
        },
        compliance
    )
    .is_err());
    assert!(transition(facts, &with("ok"), compliance).is_err());
    assert_eq!(
        transition(facts, &with("the patient signed a release"), compliance),
        Ok(PostStatus::Approved)
    );
}

#[test]
fn nobody_approves_their_own_post() {
    let facts = PostFacts {
        status: PostStatus::InReview,
        author_id: 3,
        verdict: Verdict::Allow,
        accepted: Verdict::Allow,
        all_targets_timed: true,
    };
    let own = Some(Who {
        user_id: 3,
        role: Role::Compliance,
    });
    assert_eq!(
        transition(
            facts,
            &Action::Approve {
                override_reason: None
            },
            own
        ),
        Err(crate::workflow::WorkflowError::OwnPost)
    );
}

#[test]
fn error_messages_read_well() {
    let facts = PostFacts {
        status: PostStatus::Published,
        author_id: 1,
        verdict: Verdict::Allow,
        accepted: Verdict::Allow,
        all_targets_timed: true,
    };
    let e = transition(
        facts,
        &Action::Submit,
        Some(Who {
            user_id: 1,
            role: Role::Author,
        }),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "a published post cannot be submitted");
}
