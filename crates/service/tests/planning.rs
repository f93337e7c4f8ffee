//! Observances, the content mix and goals, on SQLite and PostgreSQL.

use domain::planning::GoalDraft;
use domain::workflow::PostStatus;
use jiff::civil::Date;
use service::observances::OwnInput;
use service::plans::AccountInput;
use service::posts::{Deps, PostInput, TargetInput};
use service::review::ReviewAction;
use service::{Actor, PasswordCost, Passwords, ServiceError};
use store::testing::TestDb;
use store::{on_both_backends, Db};

/// 2026-09-21 19:43 in Asia/Kolkata, the demo organisation's zone.
const T0: i64 = 1_790_000_000_000;
const DAY: i64 = 86_400_000;
const TEXT: &str = "Free blood pressure checks at all four clinics this week.";

struct Planning {
    db: Db,
    checker: service::checker::Checker,
    sealer: vault::Sealer,
    account: i64,
}

async fn signed_in(db: &Db, passwords: &Passwords, email: &str) -> Actor {
    let s = service::auth::sign_in(db, passwords, email, service::demo::DEMO_PASSWORD, "t", T0)
        .await
        .unwrap();
    service::auth::session(db, &s.secret, T0)
        .await
        .unwrap()
        .unwrap()
        .actor
}

struct People {
    manager: Actor,
    author: Actor,
    analyst: Actor,
}

async fn setup(t: &TestDb) -> (Planning, People) {
    let passwords = Passwords::new(PasswordCost::Low);
    service::demo::seed(&t.db, &passwords, T0).await.unwrap();
    let people = People {
        manager: signed_in(&t.db, &passwords, "manager@narmada.example").await,
        author: signed_in(&t.db, &passwords, "author@narmada.example").await,
        analyst: signed_in(&t.db, &passwords, "analyst@narmada.example").await,
    };
    let account = AccountInput {
        platform: "x".into(),
        name: "Narmada on X".into(),
        handle: "@narmadacare".into(),
        location_id: None,
    };
    let owner = signed_in(&t.db, &passwords, "owner@narmada.example").await;
    let account = service::plans::add_account(&t.db, &owner, &account, T0)
        .await
        .unwrap();
    let p = Planning {
        db: t.db.clone(),
        checker: Default::default(),
        sealer: vault::Sealer::new(&[7; 32]),
        account,
    };
    (p, people)
}

impl Planning {
    fn deps(&self) -> Deps<'_> {
        Deps {
            db: &self.db,
            sealer: &self.sealer,
            checker: &self.checker,
        }
    }

    /// A post of `pillar` due at `at`, taken as far as `until` (draft, scheduled or
    /// published).
    async fn post(&self, who: &People, pillar: &str, at: i64, until: PostStatus) -> i64 {
        let input = PostInput {
            base_text: TEXT.into(),
            pillar: pillar.into(),
            targets: vec![TargetInput {
                account_id: self.account,
                variant_text: None,
                scheduled_at: Some(at),
            }],
            ..Default::default()
        };
        let id = service::posts::create(self.deps(), &who.author, &input, T0)
            .await
            .unwrap();
        if until == PostStatus::Draft {
            return id;
        }
        let steps = [
            (&who.author, ReviewAction::Submit),
            (
                &who.manager,
                ReviewAction::Approve {
                    override_reason: None,
                },
            ),
        ];
        for (actor, action) in steps {
            let v = self.version(id).await;
            service::review::act(self.deps(), actor, id, v, action, T0)
                .await
                .unwrap();
        }
        if until == PostStatus::Published {
            let mut tx = self.db.begin().await.unwrap();
            assert!(store::posts::mark_published(&mut tx, id, at).await.unwrap());
            tx.commit().await.unwrap();
        }
        id
    }

    async fn version(&self, id: i64) -> i64 {
        let mut c = self.db.conn().await.unwrap();
        store::posts::get(&mut c, 1, id)
            .await
            .unwrap()
            .unwrap()
            .version
    }

    async fn audit(&self) -> Vec<String> {
        let mut c = self.db.conn().await.unwrap();
        let f = store::audit::Filter {
            org_id: 1,
            ..Default::default()
        };
        store::audit::list(&mut c, &f, 10_000, None)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn fields(e: ServiceError) -> Vec<&'static str> {
    match e {
        ServiceError::Invalid(f) => f.into_iter().map(|f| f.field).collect(),
        e => panic!("expected invalid input, got {e}"),
    }
}

async fn sept(db: &Db, a: &Actor) -> service::Result<Vec<service::observances::Suggestion>> {
    service::observances::suggestions(db, a, date("2026-09-01"), date("2026-10-01")).await
}

async fn observances_are_suggested_hidden_and_added(t: &TestDb) {
    let (p, who) = setup(t).await;
    let names = |s: Vec<service::observances::Suggestion>| -> Vec<(String, String)> {
        s.into_iter()
            .map(|s| (s.date.to_string(), s.name))
            .collect()
    };
    let before = names(sept(&p.db, &who.analyst).await.unwrap());
    assert!(before.contains(&("2026-09-29".into(), "World Heart Day".into())));
    assert!(
        before.contains(&(
            "2026-09-01".into(),
            "National Nutrition Week (India)".into()
        )),
        "India's observances show for an organisation in India"
    );
    // Hiding is for planners; the analyst may only look.
    assert!(matches!(
        service::observances::set_hidden(&p.db, &who.analyst, "world-heart-day", true, T0).await,
        Err(ServiceError::Forbidden(_))
    ));
    let e = service::observances::set_hidden(&p.db, &who.manager, "talk-like-a-pirate", true, T0)
        .await
        .unwrap_err();
    assert_eq!(fields(e), ["key"]);
    service::observances::set_hidden(&p.db, &who.manager, "world-heart-day", true, T0)
        .await
        .unwrap();
    let after = names(sept(&p.db, &who.analyst).await.unwrap());
    assert!(!after.iter().any(|(_, n)| n == "World Heart Day"));
    assert_eq!(after.len(), before.len() - 1);
    // Bad input writes nothing; good input adds a yearly observance of our own.
    let audit_before = p.audit().await.len();
    let bad = OwnInput {
        name: " ".into(),
        date: "2026-02-30".into(),
        yearly: true,
        note: "x".repeat(501),
    };
    let e = service::observances::add_own(&p.db, &who.manager, &bad, T0)
        .await
        .unwrap_err();
    assert_eq!(fields(e), ["name", "date", "note"]);
    assert_eq!(p.audit().await.len(), audit_before);
    let own = OwnInput {
        name: "Narmada Care founding day".into(),
        date: "2019-09-12".into(),
        yearly: true,
        note: "Thank the staff".into(),
    };
    let id = service::observances::add_own(&p.db, &who.manager, &own, T0)
        .await
        .unwrap();
    let s = sept(&p.db, &who.author).await.unwrap();
    let mine = s.iter().find(|s| s.own).unwrap();
    assert_eq!(
        (mine.date, mine.note.as_str()),
        (date("2026-09-12"), "Thank the staff")
    );
    service::observances::delete_own(&p.db, &who.manager, id, T0)
        .await
        .unwrap();
    assert!(matches!(
        service::observances::delete_own(&p.db, &who.manager, id, T0).await,
        Err(ServiceError::NotFound)
    ));
    service::observances::set_hidden(&p.db, &who.manager, "world-heart-day", false, T0)
        .await
        .unwrap();
    assert_eq!(names(sept(&p.db, &who.author).await.unwrap()), before);
    let audit = p.audit().await;
    for a in [
        "observance.hide",
        "observance.show",
        "observance.create",
        "observance.delete",
    ] {
        assert!(
            audit.iter().any(|x| x == a),
            "{a} missing from the audit log"
        );
    }
}

async fn content_mix_is_validated_and_compared(t: &TestDb) {
    let (p, who) = setup(t).await;
    let (from, to) = service::strategy::this_month(&p.db, &who.analyst, T0)
        .await
        .unwrap();
    assert_eq!((from, to), (date("2026-09-01"), date("2026-09-30")));
    p.post(&who, "education", T0 + DAY, PostStatus::Scheduled)
        .await;
    p.post(&who, "education", T0 + 2 * DAY, PostStatus::Published)
        .await;
    p.post(&who, "community", T0 + 3 * DAY, PostStatus::Published)
        .await;
    p.post(&who, "community", T0 + 3 * DAY, PostStatus::Draft)
        .await;
    p.post(&who, "community", T0 + 12 * DAY, PostStatus::Scheduled)
        .await;
    let r = service::strategy::mix_report(&p.db, &who.analyst, from, to)
        .await
        .unwrap();
    assert!(!r.mix_set);
    assert_eq!(r.total, 3, "drafts and next month's posts are not counted");
    let row = |r: &service::strategy::MixReport, pillar: &str| {
        r.rows
            .iter()
            .find(|x| x.pillar.as_str() == pillar)
            .map(|x| (x.intended_percent, x.planned, x.published, x.actual_percent))
            .unwrap()
    };
    assert_eq!(row(&r, "education"), (None, 1, 1, 66));
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let audit_before = p.audit().await.len();
    let e = service::strategy::set_content_mix(
        &p.db,
        &who.manager,
        &pairs(&[("education", "60"), ("community", "30")]),
        T0,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["total"]);
    let e = service::strategy::set_content_mix(
        &p.db,
        &who.manager,
        &pairs(&[("education", "160"), ("memes", "30")]),
        T0,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["education", "pillar"]);
    assert_eq!(p.audit().await.len(), audit_before, "nothing written");
    assert!(service::strategy::content_mix(&p.db, &who.analyst)
        .await
        .unwrap()
        .is_none());
    assert!(matches!(
        service::strategy::set_content_mix(&p.db, &who.author, &pairs(&[("education", "100")]), T0)
            .await,
        Err(ServiceError::Forbidden(_))
    ));
    service::strategy::set_content_mix(
        &p.db,
        &who.manager,
        &pairs(&[("education", "60"), ("community", "40")]),
        T0,
    )
    .await
    .unwrap();
    let r = service::strategy::mix_report(&p.db, &who.analyst, from, to)
        .await
        .unwrap();
    assert!(r.mix_set);
    assert_eq!(row(&r, "community"), (Some(40), 0, 1, 33));
    assert_eq!(row(&r, "qa_live"), (Some(0), 0, 0, 0));
    // October holds the last community post.
    let r =
        service::strategy::mix_report(&p.db, &who.analyst, date("2026-10-01"), date("2026-10-31"))
            .await
            .unwrap();
    assert_eq!(row(&r, "community"), (Some(40), 1, 0, 100));
    assert!(service::strategy::mix_report(&p.db, &who.analyst, to, from)
        .await
        .is_err());
}

async fn goals_show_progress_from_published_posts(t: &TestDb) {
    let (p, who) = setup(t).await;
    p.post(&who, "education", T0 + DAY, PostStatus::Published)
        .await;
    p.post(&who, "education", T0 + 2 * DAY, PostStatus::Published)
        .await;
    p.post(&who, "community", T0 + 2 * DAY, PostStatus::Published)
        .await;
    p.post(&who, "education", T0 + 3 * DAY, PostStatus::Scheduled)
        .await;
    let draft = |metric: &str, pillar: Option<&str>, target: &str| GoalDraft {
        name: format!("{metric} in September"),
        metric: metric.into(),
        pillar: pillar.map(str::to_string),
        target: target.into(),
        starts_on: "2026-09-01".into(),
        ends_on: "2026-09-30".into(),
    };
    let audit_before = p.audit().await.len();
    let e = service::strategy::add_goal(
        &p.db,
        &who.manager,
        &draft("posts_published_per_pillar", None, "-1"),
        T0,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), ["pillar", "target"]);
    assert_eq!(p.audit().await.len(), audit_before);
    assert!(matches!(
        service::strategy::add_goal(&p.db, &who.author, &draft("posts_published", None, "4"), T0)
            .await,
        Err(ServiceError::Forbidden(_))
    ));
    let all = service::strategy::add_goal(
        &p.db,
        &who.manager,
        &draft("posts_published", None, "4"),
        T0,
    )
    .await
    .unwrap();
    service::strategy::add_goal(
        &p.db,
        &who.manager,
        &draft("posts_published_per_pillar", Some("education"), "10"),
        T0,
    )
    .await
    .unwrap();
    service::strategy::add_goal(&p.db, &who.manager, &draft("posts_planned", None, "4"), T0)
        .await
        .unwrap();
    service::strategy::add_goal(&p.db, &who.manager, &draft("engagements", None, "500"), T0)
        .await
        .unwrap();
    let goals = service::strategy::goals(&p.db, &who.analyst).await.unwrap();
    let progress: Vec<(&str, Option<i64>, Option<i64>)> = goals
        .iter()
        .map(|g| (g.metric.as_str(), g.value, g.percent))
        .collect();
    assert_eq!(
        progress,
        [
            ("engagements", None, None),
            ("posts_planned", Some(4), Some(100)),
            ("posts_published_per_pillar", Some(2), Some(20)),
            ("posts_published", Some(3), Some(75)),
        ]
    );
    service::strategy::delete_goal(&p.db, &who.manager, all, T0)
        .await
        .unwrap();
    assert!(matches!(
        service::strategy::delete_goal(&p.db, &who.manager, all, T0).await,
        Err(ServiceError::NotFound)
    ));
    assert_eq!(
        service::strategy::goals(&p.db, &who.analyst)
            .await
            .unwrap()
            .len(),
        3
    );
    let audit = p.audit().await;
    assert!(audit.iter().any(|a| a == "goal.create") && audit.iter().any(|a| a == "goal.delete"));
}

on_both_backends!(
    observances_are_suggested_hidden_and_added,
    content_mix_is_validated_and_compared,
    goals_show_progress_from_published_posts,
);
