//! Take-down (PUBLISH-4): from one place, and from a revoked consent.

use domain::platform::Platform;
use domain::Role;
use service::consents::{ConsentInput, Document};
use service::posts::{PostInput, TargetInput};
use service::review::ReviewAction;
use store::on_both_backends;
use store::testing::TestDb;

use crate::support::{status_of, World, MIN, T0};

on_both_backends!(
    a_person_takes_a_post_down_everywhere,
    a_revoked_consent_takes_down_every_copy,
);

async fn a_person_takes_a_post_down_everywhere(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Free eye tests for schoolchildren all week in Indore.";
    let platforms = [
        Platform::Facebook,
        Platform::X,
        Platform::Mastodon,
        Platform::Bluesky,
    ];
    let id = w.scheduled_post(text, &platforms, at).await;
    let e = w.engine("a");
    assert_eq!(e.tick(at).await.unwrap().sent, 4);
    let manager = w.actor(Role::Manager).await;
    let author = w.actor(Role::Author).await;
    assert!(
        service::connections::request_takedown(&w.db, &author, id, "wrong date", at)
            .await
            .is_err()
    );
    let err = service::connections::request_takedown(&w.db, &manager, id, "  ", at)
        .await
        .unwrap_err();
    assert!(matches!(err, service::ServiceError::Invalid(_)), "{err}");
    let req = service::connections::request_takedown(&w.db, &manager, id, "wrong date", at + MIN)
        .await
        .unwrap();
    assert_eq!(
        service::connections::request_takedown(&w.db, &manager, id, "again", at + MIN)
            .await
            .unwrap(),
        req,
        "one open request per post"
    );
    let r = e.tick(at + MIN).await.unwrap();
    assert_eq!(r.taken_down, 1);
    let state = w.sim.state().await;
    for p in platforms {
        let copies: Vec<_> = state
            .posts
            .iter()
            .filter(|x| x.platform == p && x.text.contains(text))
            .collect();
        assert_eq!(copies.len(), 1);
        assert!(copies[0].deleted, "{p:?} copy deleted");
    }
    assert_eq!(status_of(&w.pubs(id).await), vec!["deleted"; 4]);
    assert_eq!(w.post(id).await.status, "taken_down");
    assert_eq!(
        e.tick(at + 2 * MIN).await.unwrap().taken_down,
        0,
        "the request is closed"
    );
}

async fn a_revoked_consent_takes_down_every_copy(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Meet Sunita Sharma, who walked again six weeks after her knee replacement at our Bhopal clinic.";
    let compliance = w.actor(Role::Compliance).await;
    let author = w.actor(Role::Author).await;
    let dir = tempfile::tempdir().unwrap();
    let consent = ConsentInput {
        kind: "patient".into(),
        reference: "AUTH-77".into(),
        subject_name: "Sunita Sharma".into(),
        signed_by: "patient".into(),
        covers_text: true,
        channels: vec!["post".into()],
        purpose: "Patient story on the clinic's social media".into(),
        valid_from_ms: T0 - 86_400_000,
        ..Default::default()
    };
    let cid = service::consents::register(
        &w.db,
        &w.sealer,
        dir.path(),
        &compliance,
        &consent,
        Some(Document {
            bytes: b"%PDF-1.4 signed",
        }),
        T0,
    )
    .await
    .unwrap();
    let input = PostInput {
        base_text: text.into(),
        pillar: "patient_story".into(),
        targets: [Platform::Facebook, Platform::Linkedin]
            .iter()
            .map(|p| TargetInput {
                account_id: w.account(*p),
                variant_text: None,
                scheduled_at: Some(at),
            })
            .collect(),
        ..Default::default()
    };
    let id = service::posts::create(w.deps(), &author, &input, T0)
        .await
        .unwrap();
    let v = w.post(id).await.version;
    service::review::attach_consent(w.deps(), &author, id, v, cid, T0)
        .await
        .unwrap();
    let v = w.post(id).await.version;
    service::review::act(w.deps(), &author, id, v, ReviewAction::Submit, T0)
        .await
        .unwrap();
    let v = w.post(id).await.version;
    service::review::act(
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
    let e = w.engine("a");
    assert_eq!(e.tick(at).await.unwrap().sent, 2);
    assert_eq!(w.post(id).await.status, "published");

    let loss = service::consents::revoke(&w.db, &compliance, cid, at + MIN)
        .await
        .unwrap();
    assert_eq!(loss.takedown_requested, vec![id]);
    assert_eq!(e.tick(at + MIN).await.unwrap().taken_down, 1);
    assert_eq!(w.copies(Platform::Facebook, "Sunita").await, 1);
    let state = w.sim.state().await;
    assert!(state
        .posts
        .iter()
        .filter(|p| p.text.contains("Sunita"))
        .all(|p| p.deleted));
    assert_eq!(w.post(id).await.status, "taken_down");
}
