//! The workflow rules of posts, consents and the calendar, on SQLite and PostgreSQL.

use domain::workflow::{PostStatus, Verdict};
use domain::Role;
use service::checker::Checker;
use service::consents::{ConsentInput, Document};
use service::plans::AccountInput;
use service::posts::{Deps, PostInput, TargetInput};
use service::review::ReviewAction;
use service::{Actor, PasswordCost, Passwords, ServiceError};
use store::testing::TestDb;
use store::{on_both_backends, Db};
use vault::Sealer;

const T0: i64 = 1_790_000_000_000;
const DAY: i64 = 86_400_000;
const PATIENT_STORY: &str =
    "Meet Sunita Sharma, who walked again six weeks after her knee replacement at our Bhopal clinic. Thank you for sharing your story, Sunita!";
const SAFE: &str =
    "World Heart Day is on 29 September. Free blood pressure checks at all four clinics this week.";

struct World {
    db: Db,
    sealer: Sealer,
    checker: Checker,
    dir: tempfile::TempDir,
    x: i64,
    fb: i64,
}

impl World {
    fn deps(&self) -> Deps<'_> {
        Deps {
            db: &self.db,
            sealer: &self.sealer,
            checker: &self.checker,
        }
    }

    async fn actor(&self, role: Role) -> Actor {
        let (email, _, _) = service::demo::DEMO_USERS
            .iter()
            .find(|(_, _, r)| *r == role)
            .unwrap();
        self.actor_by_email(email).await
    }

    async fn actor_by_email(&self, email: &str) -> Actor {
        let mut c = self.db.conn().await.unwrap();
        let u = store::users::find_by_email(&mut c, email)
            .await
            .unwrap()
            .unwrap();
        let (org_id, role) = store::users::primary_membership(&mut c, u.id)
            .await
            .unwrap()
            .unwrap();
        Actor {
            user_id: u.id,
            email: u.email,
            display_name: u.display_name,
            org_id,
            role: Role::parse(&role).unwrap(),
        }
    }

    async fn post(&self, id: i64) -> store::posts::Post {
        let mut c = self.db.conn().await.unwrap();
        store::posts::get(&mut c, 1, id).await.unwrap().unwrap()
    }

    async fn audit_count(&self) -> usize {
        let mut c = self.db.conn().await.unwrap();
        let f = store::audit::Filter {
            org_id: 1,
            ..Default::default()
        };
        store::audit::list(&mut c, &f, 100_000, None)
            .await
            .unwrap()
            .len()
    }

    async fn consent(&self, channels: &[&str], until: Option<i64>) -> i64 {
        let compliance = self.actor(Role::Compliance).await;
        let input = ConsentInput {
            kind: "patient".into(),
            reference: format!("AUTH-{}", channels.join("-")),
            subject_name: "Sunita Sharma".into(),
            signed_by: "patient".into(),
            covers_text: true,
            covers_images: false,
            channels: channels.iter().map(|s| s.to_string()).collect(),
            purpose: "Patient story on the clinic's social media".into(),
            valid_from_ms: T0 - DAY,
            valid_until_ms: until,
            ..Default::default()
        };
        let doc = Document {
            bytes: b"%PDF-1.4 signed authorisation",
        };
        service::consents::register(
            &self.db,
            &self.sealer,
            self.dir.path(),
            &compliance,
            &input,
            Some(doc),
            T0,
        )
        .await
        .unwrap()
    }
}

async fn world(t: &TestDb) -> World {
    let passwords = Passwords::new(PasswordCost::Low);
    service::demo::seed(&t.db, &passwords, T0).await.unwrap();
    let w = World {
        db: t.db.clone(),
        sealer: Sealer::new(&[9; 32]),
        checker: Checker::default(),
        dir: tempfile::tempdir().unwrap(),
        x: 0,
        fb: 0,
    };
    let owner = w.actor(Role::Owner).await;
    let add = |platform: &str, handle: &str| AccountInput {
        platform: platform.into(),
        name: format!("Narmada on {platform}"),
        handle: handle.into(),
        location_id: None,
    };
    let x = service::plans::add_account(&w.db, &owner, &add("x", "@narmadacare"), T0)
        .await
        .unwrap();
    let fb = service::plans::add_account(&w.db, &owner, &add("facebook", "narmadacare"), T0)
        .await
        .unwrap();
    World { x, fb, ..w }
}

fn input(text: &str, targets: Vec<TargetInput>) -> PostInput {
    PostInput {
        base_text: text.into(),
        pillar: "patient_story".into(),
        targets,
        ..Default::default()
    }
}

fn target(account_id: i64, at: Option<i64>) -> TargetInput {
    TargetInput {
        account_id,
        variant_text: None,
        scheduled_at: at,
    }
}

async fn blocked_post_cannot_be_submitted_until_a_consent_covers_it(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(PATIENT_STORY, vec![target(w.fb, Some(T0 + DAY))]),
        T0,
    )
    .await
    .unwrap();
    let p = w.post(id).await;
    assert_eq!((p.status.as_str(), p.verdict.as_str()), ("draft", "block"));
    let err = service::review::act(w.deps(), &author, id, p.version, ReviewAction::Submit, T0)
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("compliance check blocks this post"),
        "{err}"
    );
    let consent = w.consent(&["post"], None).await;
    service::review::attach_consent(w.deps(), &author, id, p.version, consent, T0)
        .await
        .unwrap();
    let p = w.post(id).await;
    assert_ne!(
        p.verdict, "block",
        "a covering consent clears the PHI rules"
    );
    let next = service::review::act(w.deps(), &author, id, p.version, ReviewAction::Submit, T0)
        .await
        .unwrap();
    assert_eq!(next, PostStatus::InReview);
}

async fn approvals_follow_the_verdict(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let manager = w.actor(Role::Manager).await;
    let compliance = w.actor(Role::Compliance).await;
    // An allowed post: a manager may approve; the author may not approve their own.
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(SAFE, vec![target(w.x, Some(T0 + DAY))]),
        T0,
    )
    .await
    .unwrap();
    let v = w.post(id).await.version;
    assert_eq!(w.post(id).await.verdict, "allow");
    service::review::act(w.deps(), &author, id, v, ReviewAction::Submit, T0)
        .await
        .unwrap();
    let v = w.post(id).await.version;
    let own = service::review::act(
        w.deps(),
        &author,
        id,
        v,
        ReviewAction::Approve {
            override_reason: None,
        },
        T0,
    )
    .await;
    assert!(matches!(own, Err(ServiceError::Refused(_))));
    let next = service::review::act(
        w.deps(),
        &manager,
        id,
        v,
        ReviewAction::Approve {
            override_reason: None,
        },
        T0,
    )
    .await
    .unwrap();
    assert_eq!(
        next,
        PostStatus::Scheduled,
        "approved with every target timed goes straight to scheduled"
    );
    // A post the engine flags: the manager cannot approve it, compliance can.
    let consent = w.consent(&["post"], None).await;
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(PATIENT_STORY, vec![target(w.fb, None)]),
        T0,
    )
    .await
    .unwrap();
    service::review::attach_consent(w.deps(), &author, id, w.post(id).await.version, consent, T0)
        .await
        .unwrap();
    let p = w.post(id).await;
    assert_eq!(
        p.verdict, "needs_review",
        "India: patient stories with consent still need review (IN-NMC23)"
    );
    service::review::act(w.deps(), &author, id, p.version, ReviewAction::Submit, T0)
        .await
        .unwrap();
    let v = w.post(id).await.version;
    let err = service::review::act(
        w.deps(),
        &manager,
        id,
        v,
        ReviewAction::Approve {
            override_reason: None,
        },
        T0,
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("compliance officer must approve"),
        "{err}"
    );
    let next = service::review::act(
        w.deps(),
        &compliance,
        id,
        v,
        ReviewAction::Approve {
            override_reason: None,
        },
        T0,
    )
    .await
    .unwrap();
    assert_eq!(next, PostStatus::Approved, "no target time yet");
}

async fn override_needs_reason_and_is_recorded(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let compliance = w.actor(Role::Compliance).await;
    // Submitted while allowed, then the text changes so the check blocks.
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(SAFE, vec![target(w.fb, None)]),
        T0,
    )
    .await
    .unwrap();
    service::review::act(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        ReviewAction::Submit,
        T0,
    )
    .await
    .unwrap();
    service::posts::update(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        &input(PATIENT_STORY, vec![target(w.fb, None)]),
        T0,
    )
    .await
    .unwrap();
    let p = w.post(id).await;
    assert_eq!(
        (p.status.as_str(), p.verdict.as_str()),
        ("in_review", "block")
    );
    let err = service::review::act(
        w.deps(),
        &compliance,
        id,
        p.version,
        ReviewAction::Approve {
            override_reason: Some("ok".into()),
        },
        T0,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("written reason"), "{err}");
    let before = w.audit_count().await;
    let reason = "Signed release is on paper file 2026-114; registry entry pending";
    service::review::act(
        w.deps(),
        &compliance,
        id,
        p.version,
        ReviewAction::Approve {
            override_reason: Some(reason.into()),
        },
        T0,
    )
    .await
    .unwrap();
    assert_eq!(
        w.audit_count().await,
        before + 1,
        "one audit entry per transition"
    );
    let mut c = w.db.conn().await.unwrap();
    let reviews = store::posts::reviews(&mut c, id).await.unwrap();
    let last = reviews.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.reason.as_deref()),
        ("override_approve", Some(reason))
    );
    let f = store::audit::Filter {
        org_id: 1,
        action: Some("post.override".into()),
        ..Default::default()
    };
    let entries = store::audit::list(&mut c, &f, 10, None).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert!(
        !entries[0].summary.contains("Signed release"),
        "the audit log holds field names, not the reason's text"
    );
}

async fn edits_after_approval_go_back_to_review(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let manager = w.actor(Role::Manager).await;
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(SAFE, vec![target(w.x, Some(T0 + DAY))]),
        T0,
    )
    .await
    .unwrap();
    service::review::act(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        ReviewAction::Submit,
        T0,
    )
    .await
    .unwrap();
    service::review::act(
        w.deps(),
        &manager,
        id,
        w.post(id).await.version,
        ReviewAction::Approve {
            override_reason: None,
        },
        T0,
    )
    .await
    .unwrap();
    assert_eq!(w.post(id).await.status, "scheduled");
    let edited = format!("{SAFE} Walk-ins welcome.");
    let next = service::posts::update(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        &input(&edited, vec![target(w.x, Some(T0 + DAY))]),
        T0,
    )
    .await
    .unwrap();
    assert_eq!(next, PostStatus::InReview);
}

async fn bad_input_changes_nothing(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let before = w.audit_count().await;
    let unknown = service::posts::create(
        w.deps(),
        &author,
        &input(SAFE, vec![target(9999, None)]),
        T0,
    )
    .await
    .unwrap_err();
    assert!(
        format!("{unknown:?}").contains("account 9999 is not one of this organisation's accounts")
    );
    let long = "Heart health matters. ".repeat(20);
    let over = service::posts::create(
        w.deps(),
        &author,
        &input(&long, vec![target(w.x, None)]),
        T0,
    )
    .await
    .unwrap_err();
    assert!(
        format!("{over:?}").contains("X allows 280 weighted characters; this text has"),
        "{over:?}"
    );
    let past = service::posts::create(
        w.deps(),
        &author,
        &input(SAFE, vec![target(w.x, Some(T0 - 1))]),
        T0,
    )
    .await
    .unwrap_err();
    assert!(format!("{past:?}").contains("the scheduled time is in the past"));
    let pillar = service::posts::create(
        w.deps(),
        &author,
        &PostInput {
            pillar: "memes".into(),
            ..input(SAFE, vec![])
        },
        T0,
    )
    .await
    .unwrap_err();
    assert!(format!("{pillar:?}").contains("content pillars"));
    assert_eq!(w.audit_count().await, before, "nothing was written");
    let mut c = w.db.conn().await.unwrap();
    assert!(store::posts::ids_with_status(&mut c, 1, "draft", 10)
        .await
        .unwrap()
        .is_empty());
}

async fn concurrent_edit_is_a_conflict(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let manager = w.actor(Role::Manager).await;
    let id = service::posts::create(w.deps(), &author, &input(SAFE, vec![]), T0)
        .await
        .unwrap();
    let v = w.post(id).await.version;
    service::posts::update(
        w.deps(),
        &author,
        id,
        v,
        &input("First editor's text about World Heart Day.", vec![]),
        T0,
    )
    .await
    .unwrap();
    let err = service::posts::update(
        w.deps(),
        &manager,
        id,
        v,
        &input("Second editor's text.", vec![]),
        T0,
    )
    .await
    .unwrap_err();
    assert!(matches!(err, ServiceError::Conflict(_)), "{err:?}");
    assert_eq!(
        w.post(id).await.base_text,
        "First editor's text about World Heart Day."
    );
}

async fn consents_must_cover_the_channel_and_be_in_date(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let press_only = w.consent(&["press"], None).await;
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(PATIENT_STORY, vec![target(w.fb, None)]),
        T0,
    )
    .await
    .unwrap();
    let err = service::review::attach_consent(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        press_only,
        T0,
    )
    .await
    .unwrap_err();
    assert!(
        format!("{err:?}").contains("does not cover the channel post"),
        "{err:?}"
    );
    let short = w.consent(&["post"], Some(T0 + DAY)).await;
    let err = service::review::attach_consent(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        short,
        T0 + 2 * DAY,
    )
    .await
    .unwrap_err();
    assert!(format!("{err:?}").contains("is not valid now"), "{err:?}");
}

async fn revoking_a_consent_moves_posts_back_and_lists_takedowns(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let compliance = w.actor(Role::Compliance).await;
    let consent = w.consent(&["post"], None).await;
    let mut ids = Vec::new();
    for _ in 0..2 {
        let id = service::posts::create(
            w.deps(),
            &author,
            &input(PATIENT_STORY, vec![target(w.fb, Some(T0 + DAY))]),
            T0,
        )
        .await
        .unwrap();
        service::review::attach_consent(
            w.deps(),
            &author,
            id,
            w.post(id).await.version,
            consent,
            T0,
        )
        .await
        .unwrap();
        service::review::act(
            w.deps(),
            &author,
            id,
            w.post(id).await.version,
            ReviewAction::Submit,
            T0,
        )
        .await
        .unwrap();
        service::review::act(
            w.deps(),
            &compliance,
            id,
            w.post(id).await.version,
            ReviewAction::Approve {
                override_reason: None,
            },
            T0,
        )
        .await
        .unwrap();
        assert_eq!(w.post(id).await.status, "scheduled");
        ids.push(id);
    }
    // Pretend the second went out.
    let p = w.post(ids[1]).await;
    let mut tx = w.db.begin().await.unwrap();
    let state = store::posts::PostState {
        status: "published",
        verdict: &p.verdict,
        accepted_verdict: &p.accepted_verdict,
        check_json: &p.check_json,
    };
    store::posts::set_state(&mut tx, p.id, p.version, &state, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let loss = service::consents::revoke(&w.db, &compliance, consent, T0 + 1)
        .await
        .unwrap();
    assert_eq!(loss.moved_to_draft, vec![ids[0]]);
    assert_eq!(loss.takedown_requested, vec![ids[1]]);
    assert_eq!(w.post(ids[0]).await.status, "draft");
    let takedowns = service::consents::takedowns(&w.db, &compliance)
        .await
        .unwrap();
    assert_eq!(
        takedowns.iter().map(|t| t.post_id).collect::<Vec<_>>(),
        vec![ids[1]]
    );
    let notes = service::plans::notifications(&w.db, &author).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "consent_lost"));
    assert!(
        service::consents::revoke(&w.db, &compliance, consent, T0 + 2)
            .await
            .is_err(),
        "only once"
    );
}

async fn expiry_job_flags_posts(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let consent = w.consent(&["post"], Some(T0 + 3 * DAY)).await;
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(PATIENT_STORY, vec![target(w.fb, None)]),
        T0,
    )
    .await
    .unwrap();
    service::review::attach_consent(w.deps(), &author, id, w.post(id).await.version, consent, T0)
        .await
        .unwrap();
    service::review::act(
        w.deps(),
        &author,
        id,
        w.post(id).await.version,
        ReviewAction::Submit,
        T0,
    )
    .await
    .unwrap();
    assert_eq!(
        service::consents::expire_due(&w.db, T0 + DAY)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        service::consents::expire_due(&w.db, T0 + 3 * DAY)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        service::consents::expire_due(&w.db, T0 + 4 * DAY)
            .await
            .unwrap(),
        0,
        "idempotent"
    );
    assert_eq!(w.post(id).await.status, "draft");
}

async fn names_are_sealed_and_documents_kept(t: &TestDb) {
    let w = world(t).await;
    let id = w.consent(&["post"], None).await;
    let mut c = w.db.conn().await.unwrap();
    let stored = store::consents::get(&mut c, 1, id).await.unwrap().unwrap();
    assert!(!stored.subject_name_sealed.contains("Sunita"));
    assert_eq!(
        w.sealer.open(&stored.subject_name_sealed).unwrap(),
        "Sunita Sharma"
    );
    let path = w.dir.path().join(stored.document_path.unwrap());
    assert_eq!(
        std::fs::read(path).unwrap(),
        b"%PDF-1.4 signed authorisation"
    );
    let compliance = w.actor(Role::Compliance).await;
    let bad = ConsentInput {
        kind: "patient".into(),
        reference: "X".into(),
        subject_name: "A".into(),
        signed_by: "guardian".into(),
        channels: vec!["post".into()],
        covers_text: true,
        purpose: "p".into(),
        ..Default::default()
    };
    let err = service::consents::register(
        &w.db,
        &w.sealer,
        w.dir.path(),
        &compliance,
        &bad,
        Some(Document {
            bytes: b"MZ not a pdf",
        }),
        T0,
    )
    .await
    .unwrap_err();
    assert!(
        format!("{err:?}").contains("is required when a guardian signed"),
        "{err:?}"
    );
    let ok_fields = ConsentInput {
        guardian_name: Some("Ramesh Sharma".into()),
        ..bad
    };
    let err = service::consents::register(
        &w.db,
        &w.sealer,
        w.dir.path(),
        &compliance,
        &ok_fields,
        Some(Document {
            bytes: b"MZ not a pdf",
        }),
        T0,
    )
    .await
    .unwrap_err();
    assert!(
        format!("{err:?}").contains("must be a PDF, PNG or JPEG file"),
        "{err:?}"
    );
    let author = w.actor(Role::Author).await;
    assert!(service::consents::list(&w.db, &w.sealer, &author)
        .await
        .unwrap()
        .iter()
        .all(|c| c.subject_name == "(hidden)"));
}

async fn mentions_notify_and_calendar_shows_targets(t: &TestDb) {
    let w = world(t).await;
    let author = w.actor(Role::Author).await;
    let id = service::posts::create(
        w.deps(),
        &author,
        &input(SAFE, vec![target(w.x, Some(T0 + DAY)), target(w.fb, None)]),
        T0,
    )
    .await
    .unwrap();
    service::review::comment(
        &w.db,
        &author,
        id,
        "@Farah could you look at the claim wording?",
        T0,
    )
    .await
    .unwrap();
    let farah = w.actor(Role::Compliance).await;
    let notes = service::plans::notifications(&w.db, &farah).await.unwrap();
    assert_eq!(notes[0].kind, "mention");
    let mut c = w.db.conn().await.unwrap();
    let items = store::calendar::items(&mut c, 1, T0, T0 + 2 * DAY, &Default::default())
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].platform, "x");
    let f = store::calendar::Filter {
        platform: Some("facebook".into()),
        ..Default::default()
    };
    assert!(store::calendar::items(&mut c, 1, T0, T0 + 2 * DAY, &f)
        .await
        .unwrap()
        .is_empty());
    drop(c);
    let target_id = {
        let mut c = w.db.conn().await.unwrap();
        store::posts::targets(&mut c, id).await.unwrap()[0].id
    };
    let v = w.post(id).await.version;
    assert!(
        service::review::reschedule(w.deps(), &author, id, v, target_id, T0 - 5, T0)
            .await
            .is_err()
    );
    service::review::reschedule(w.deps(), &author, id, v, target_id, T0 + 5 * DAY, T0)
        .await
        .unwrap();
    assert!(
        service::review::reschedule(w.deps(), &author, id, v, target_id, T0 + 6 * DAY, T0)
            .await
            .is_err(),
        "stale version"
    );
    let mut c = w.db.conn().await.unwrap();
    let unscheduled = store::calendar::unscheduled(&mut c, 1, 10).await.unwrap();
    assert!(unscheduled.is_empty(), "the post has a timed target");
    assert_eq!(w.post(id).await.verdict, Verdict::Allow.as_str());
}

on_both_backends!(
    blocked_post_cannot_be_submitted_until_a_consent_covers_it,
    approvals_follow_the_verdict,
    override_needs_reason_and_is_recorded,
    edits_after_approval_go_back_to_review,
    bad_input_changes_nothing,
    concurrent_edit_is_a_conflict,
    consents_must_cover_the_channel_and_be_in_date,
    revoking_a_consent_moves_posts_back_and_lists_takedowns,
    expiry_job_flags_posts,
    names_are_sealed_and_documents_kept,
    mentions_notify_and_calendar_shows_targets,
);

#[path = "service/media.rs"]
mod media_library;

#[path = "service/keys.rs"]
mod keys;

#[path = "service/training.rs"]
mod training;
