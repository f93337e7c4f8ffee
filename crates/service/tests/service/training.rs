//! The social media policy and training (COMPLY-7) on both backends: publishing versions,
//! accepting them, the quiz, editing it, and the gate on submitting posts.

use domain::training::{Missing, QuestionDraft, DAY_MS, TRAINING_VALID_DAYS};
use domain::training_defaults::default_questions;
use domain::Role;
use service::review::ReviewAction;
use service::training::Edit;
use service::{Actor, ServiceError};
use store::on_both_backends;
use store::testing::TestDb;

use super::{world, World, SAFE, T0};

on_both_backends!(
    training_gates_submission_until_policy_accepted_and_quiz_passed,
    policy_versions_and_attestations,
    quiz_edits_copy_the_shipped_quiz_and_keep_a_minimum,
);

fn right_answers() -> Vec<(i64, String)> {
    default_questions()
        .iter()
        .zip(1..)
        .map(|(q, k)| (k, q.correct.to_string()))
        .collect()
}

async fn draft(w: &World, author: &Actor) -> i64 {
    let input = service::posts::PostInput {
        base_text: SAFE.into(),
        pillar: "education".into(),
        targets: vec![service::posts::TargetInput {
            account_id: w.x,
            variant_text: None,
            scheduled_at: Some(T0 + DAY_MS),
        }],
        ..Default::default()
    };
    service::posts::create(w.deps(), author, &input, T0)
        .await
        .unwrap()
}

async fn submit(w: &World, author: &Actor, id: i64, now: i64) -> service::Result<()> {
    let v = w.post(id).await.version;
    service::review::act(w.deps(), author, id, v, ReviewAction::Submit, now)
        .await
        .map(|_| ())
}

async fn training_gates_submission_until_policy_accepted_and_quiz_passed(t: &TestDb) {
    let w = world(t).await;
    let compliance = w.actor(Role::Compliance).await;
    let author = w.actor(Role::Author).await;
    // No policy yet: nobody is held back.
    let first = draft(&w, &author).await;
    submit(&w, &author, first, T0).await.unwrap();

    let version =
        service::training::publish_policy(&w.db, &compliance, "Policy", "Be careful.", "", T0)
            .await
            .unwrap();
    assert_eq!(version, 1);
    let id = draft(&w, &author).await;
    let e = submit(&w, &author, id, T0).await.unwrap_err();
    let ServiceError::Refused(message) = e else {
        panic!("expected a refusal, got {e:?}")
    };
    assert!(
        message.contains("accept the current social media policy"),
        "{message}"
    );
    assert!(message.contains("pass the training quiz"), "{message}");
    assert_eq!(w.post(id).await.status, "draft", "nothing changed");

    service::training::attest(&w.db, &author, 1, T0)
        .await
        .unwrap();
    // A failed quiz does not count.
    let wrong: Vec<(i64, String)> = right_answers()
        .into_iter()
        .map(|(k, a)| (k, if a == "0" { "1" } else { "0" }.to_string()))
        .collect();
    let (_, g) = service::training::take_quiz(&w.db, &author, &wrong, T0)
        .await
        .unwrap();
    assert!(!g.passed);
    assert_eq!(g.correct, 0);
    assert!(submit(&w, &author, id, T0).await.is_err());
    let (_, g) = service::training::take_quiz(&w.db, &author, &right_answers(), T0)
        .await
        .unwrap();
    assert!(g.passed);
    submit(&w, &author, id, T0).await.unwrap();
    assert_eq!(w.post(id).await.status, "in_review");

    // A pass lasts a year; after that the quiz is due again.
    let later = T0 + (TRAINING_VALID_DAYS + 1) * DAY_MS;
    let s = service::training::my_standing(&w.db, &author, later)
        .await
        .unwrap();
    assert_eq!(s.missing, vec![Missing::QuizExpired]);
    let third = draft(&w, &author).await;
    assert!(submit(&w, &author, third, later).await.is_err());

    // The roster shows who is current; it is for compliance, not authors.
    let roster = service::training::roster(&w.db, &compliance, T0)
        .await
        .unwrap();
    let me = roster.iter().find(|s| s.user_id == author.user_id).unwrap();
    assert!(me.is_current());
    assert_eq!(me.attempts, 2);
    let publisher = roster
        .iter()
        .find(|s| s.user_id == compliance.user_id)
        .unwrap();
    assert_eq!(
        publisher.missing,
        vec![Missing::Quiz],
        "publishing counts as accepting"
    );
    assert!(matches!(
        service::training::roster(&w.db, &author, T0).await,
        Err(ServiceError::Forbidden(_))
    ));
}

async fn policy_versions_and_attestations(t: &TestDb) {
    let w = world(t).await;
    let compliance = w.actor(Role::Compliance).await;
    let manager = w.actor(Role::Manager).await;
    let author = w.actor(Role::Author).await;
    // Only compliance and owners publish; bad input writes nothing.
    assert!(matches!(
        service::training::publish_policy(&w.db, &manager, "P", "B", "", T0).await,
        Err(ServiceError::Forbidden(_))
    ));
    let before = w.audit_count().await;
    let e = service::training::publish_policy(&w.db, &compliance, "", " ", "", T0)
        .await
        .unwrap_err();
    assert!(
        matches!(&e, ServiceError::Invalid(f) if f.len() == 2),
        "{e:?}"
    );
    assert_eq!(w.audit_count().await, before);
    assert!(matches!(
        service::training::attest(&w.db, &author, 1, T0).await,
        Err(ServiceError::Refused(_))
    ));

    service::training::publish_policy(&w.db, &compliance, "Policy", "v1", "", T0)
        .await
        .unwrap();
    service::training::attest(&w.db, &author, 1, T0)
        .await
        .unwrap();
    // Accepting twice is harmless and recorded once.
    let n = w.audit_count().await;
    service::training::attest(&w.db, &author, 1, T0)
        .await
        .unwrap();
    assert_eq!(w.audit_count().await, n);
    let v2 = service::training::publish_policy(
        &w.db,
        &compliance,
        "Policy",
        "v2",
        "Added links",
        T0 + 1,
    )
    .await
    .unwrap();
    assert_eq!(v2, 2);
    let s = service::training::my_standing(&w.db, &author, T0)
        .await
        .unwrap();
    assert_eq!(s.attested_version, Some(1));
    assert!(s.missing.contains(&Missing::Attestation));
    // Accepting an old version is refused with the current number named.
    let e = service::training::attest(&w.db, &author, 1, T0)
        .await
        .unwrap_err();
    let ServiceError::Invalid(f) = e else {
        panic!()
    };
    assert!(f[0].message.contains("version 2"), "{}", f[0].message);
    service::training::attest(&w.db, &author, 2, T0)
        .await
        .unwrap();
    let versions = service::training::policy_versions(&w.db, &author)
        .await
        .unwrap();
    assert_eq!(
        versions.iter().map(|p| p.version).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(versions[0].change_note, "Added links");
}

async fn quiz_edits_copy_the_shipped_quiz_and_keep_a_minimum(t: &TestDb) {
    let w = world(t).await;
    let compliance = w.actor(Role::Compliance).await;
    let author = w.actor(Role::Author).await;
    let shipped = service::training::quiz(&w.db, &author).await.unwrap();
    assert!(shipped.shipped);
    let n = shipped.questions.len();
    assert!(matches!(
        service::training::edit_quiz(&w.db, &author, Edit::Reset, T0).await,
        Err(ServiceError::Forbidden(_))
    ));
    // Editing the second shipped question copies all of them first.
    let changed = QuestionDraft {
        prompt: "Can we post a patient's X-ray if the name is cropped?".into(),
        options: vec!["Yes".into(), "Only with written authorisation".into()],
        correct: "2".into(),
        explanation: "Images of a person's body are health information.".into(),
        rule: "PHI-IMAGE".into(),
    };
    let id = service::training::edit_quiz(&w.db, &compliance, Edit::Update(2, changed.clone()), T0)
        .await
        .unwrap()
        .unwrap();
    let own = service::training::quiz(&w.db, &author).await.unwrap();
    assert!(!own.shipped);
    assert_eq!(own.questions.len(), n);
    assert_eq!(own.questions[1].key, id);
    assert_eq!(own.questions[1].question.correct, 1);
    assert_eq!(
        own.questions[0].question.prompt,
        shipped.questions[0].question.prompt
    );
    // Answers are sent under the new keys; an unknown key is a clear error.
    let e = service::training::take_quiz(&w.db, &author, &[(999_999, "0".into())], T0)
        .await
        .unwrap_err();
    assert!(matches!(e, ServiceError::Invalid(_)));
    let bad = QuestionDraft {
        correct: "7".into(),
        ..changed.clone()
    };
    assert!(matches!(
        service::training::edit_quiz(&w.db, &compliance, Edit::Add(bad), T0).await,
        Err(ServiceError::Invalid(_))
    ));
    // Remove down to the minimum, then the next removal is refused.
    let keys: Vec<i64> = own.questions.iter().map(|q| q.key).collect();
    for key in &keys[..n - 3] {
        service::training::edit_quiz(&w.db, &compliance, Edit::Delete(*key), T0)
            .await
            .unwrap();
    }
    assert!(matches!(
        service::training::edit_quiz(&w.db, &compliance, Edit::Delete(keys[n - 1]), T0).await,
        Err(ServiceError::Refused(_))
    ));
    let left = service::training::quiz(&w.db, &author).await.unwrap();
    assert_eq!(left.questions.len(), 3);
    // Back to the shipped quiz.
    service::training::edit_quiz(&w.db, &compliance, Edit::Reset, T0)
        .await
        .unwrap();
    let back = service::training::quiz(&w.db, &author).await.unwrap();
    assert!(back.shipped);
    assert_eq!(back.questions.len(), n);
}
