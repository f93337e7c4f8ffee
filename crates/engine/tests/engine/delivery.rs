//! Due posts go out once per target; failures stay per target and are visible.

use domain::platform::Platform;
use domain::Role;
use sim::{Fault, FaultRule};
use store::on_both_backends;
use store::testing::TestDb;

use crate::support::{status_of, World, MIN, T0, TEXT_PLATFORMS};

on_both_backends!(
    due_targets_go_out_once_and_the_post_is_published,
    one_failing_account_does_not_fail_the_others_and_retry_sends_only_it,
    rate_limits_wait_and_show_on_the_account,
    expired_tokens_are_refreshed_and_stored_sealed,
    edits_before_the_due_time_cancel_the_queue,
    periodic_jobs_run_on_one_instance_at_a_time,
);

async fn due_targets_go_out_once_and_the_post_is_published(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + 10 * MIN;
    let text = "Free blood pressure checks at all four clinics this Saturday.";
    let id = w.scheduled_post(text, &TEXT_PLATFORMS, at).await;
    assert_eq!(
        status_of(&w.pubs(id).await),
        vec!["scheduled"; 6],
        "approval enqueues one per target"
    );

    let e = w.engine("a");
    let r = e.tick(at - 1).await.unwrap();
    assert_eq!(r.claimed, 0, "nothing before its time");
    let r = e.tick(at).await.unwrap();
    assert_eq!((r.claimed, r.sent), (6, 6));
    for p in TEXT_PLATFORMS {
        assert_eq!(w.copies(p, text).await, 1, "{p:?} received it once");
        let publication = w.publication(id, p).await;
        assert_eq!(publication.status, "sent");
        assert!(publication.remote_id.is_some());
        assert_eq!(publication.sent_at, Some(at));
    }
    assert_eq!(w.post(id).await.status, "published");
    assert!(w
        .notifications(Role::Author)
        .await
        .iter()
        .any(|n| n.kind == "published"));
    // Later ticks change nothing and send nothing.
    let before = w.sim.state().await.create_requests.values().sum::<u64>();
    let r = e.tick(at + 10 * MIN).await.unwrap();
    assert_eq!(r, engine::TickReport::default());
    assert_eq!(
        w.sim.state().await.create_requests.values().sum::<u64>(),
        before
    );
}

async fn one_failing_account_does_not_fail_the_others_and_retry_sends_only_it(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Our Indore clinic now opens at 8 am on weekdays.";
    let id = w
        .scheduled_post(
            text,
            &[Platform::X, Platform::Mastodon, Platform::Linkedin],
            at,
        )
        .await;
    w.sim
        .inject(FaultRule::new(Fault::Revoked).on(Platform::X))
        .await;
    let e = w.engine("a");
    let r = e.tick(at).await.unwrap();
    assert_eq!((r.sent, r.failed), (2, 1));
    let x = w.publication(id, Platform::X).await;
    assert_eq!(
        (x.status.as_str(), x.last_error.as_deref()),
        ("failed", Some("revoked"))
    );
    let post = w.post(id).await;
    assert_eq!(
        post.status, "scheduled",
        "partly published: not published, not failed as a whole"
    );
    // Visible on the post's author and on the account.
    assert!(w
        .notifications(Role::Author)
        .await
        .iter()
        .any(|n| n.kind == "publish_failed" && n.post_id == Some(id)));
    assert!(w
        .notifications(Role::Owner)
        .await
        .iter()
        .any(|n| n.kind == "account_health"));
    let owner = w.actor(Role::Owner).await;
    let health = service::connections::health(&w.db, &owner, at)
        .await
        .unwrap();
    let xh = health
        .iter()
        .find(|h| h.account_id == w.account(Platform::X))
        .unwrap();
    assert_eq!((xh.state.as_str(), xh.failing), ("revoked", 1));
    assert!(xh.summary.contains("reconnect"), "{}", xh.summary);

    // The account is fixed; the failed target alone goes again.
    w.sim.clear_faults().await.unwrap();
    let manager = w.actor(Role::Manager).await;
    let author = w.actor(Role::Author).await;
    assert!(
        service::connections::retry_failed(&w.db, &author, id, at)
            .await
            .is_err(),
        "authors cannot retry"
    );
    assert_eq!(
        service::connections::retry_failed(&w.db, &manager, id, at + MIN)
            .await
            .unwrap(),
        1
    );
    let r = e.tick(at + MIN).await.unwrap();
    assert_eq!(r.sent, 1);
    for p in [Platform::X, Platform::Mastodon, Platform::Linkedin] {
        assert_eq!(w.copies(p, text).await, 1, "{p:?}");
    }
    assert_eq!(w.post(id).await.status, "published");
    let err = service::connections::retry_failed(&w.db, &manager, id, at + 2 * MIN)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no target"), "{err}");
}

async fn rate_limits_wait_and_show_on_the_account(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Walk-in vaccination hours this week: 9 to 5.";
    let id = w.scheduled_post(text, &[Platform::Mastodon], at).await;
    w.sim
        .inject(
            FaultRule::new(Fault::RateLimit {
                retry_after_secs: None,
            })
            .on(Platform::Mastodon)
            .once(),
        )
        .await;
    let e = w.engine("a");
    let r = e.tick(at).await.unwrap();
    assert_eq!(r.retried, 1);
    let p = w.publication(id, Platform::Mastodon).await;
    assert_eq!(p.status, "scheduled");
    assert!(
        p.next_attempt_at > at + 60_000,
        "waits for the platform's reset: {}",
        p.next_attempt_at - at
    );
    let owner = w.actor(Role::Owner).await;
    let h = service::connections::health(&w.db, &owner, at)
        .await
        .unwrap();
    let mh = h
        .iter()
        .find(|h| h.account_id == w.account(Platform::Mastodon))
        .unwrap();
    assert_eq!(mh.state, "rate_limited");
    assert_eq!(
        e.tick(at + 60_000).await.unwrap().claimed,
        0,
        "not before the reset"
    );
    let r = e.tick(p.next_attempt_at).await.unwrap();
    assert_eq!(r.sent, 1);
    assert_eq!(w.copies(Platform::Mastodon, text).await, 1);
    let h = service::connections::health(&w.db, &owner, at)
        .await
        .unwrap();
    assert_eq!(
        h.iter()
            .find(|h| h.account_id == w.account(Platform::Mastodon))
            .unwrap()
            .state,
        "connected"
    );
}

async fn expired_tokens_are_refreshed_and_stored_sealed(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Diabetes screening camp on Sunday at the Bhopal clinic.";
    let id = w
        .scheduled_post(text, &[Platform::X, Platform::Linkedin], at)
        .await;
    w.sim
        .inject(FaultRule::new(Fault::TokenExpired).on(Platform::X))
        .await;
    let e = w.engine("a");
    let r = e.tick(at).await.unwrap();
    assert_eq!(r.sent, 2, "{r:?}");
    assert_eq!(w.copies(Platform::X, text).await, 1);
    let x = w.account(Platform::X);
    let stored = service::connections::load(&w.db, &w.sealer, x)
        .await
        .unwrap()
        .unwrap();
    let now = w.sim.account(Platform::X).unwrap();
    assert_eq!(
        stored.access_token, now.access_token,
        "the refreshed token is what is stored"
    );
    let mut c = w.db.conn().await.unwrap();
    let (sealed, _) = store::credentials::load(&mut c, x).await.unwrap().unwrap();
    assert!(
        !sealed.contains(&now.access_token),
        "tokens are sealed at rest"
    );
    assert!(sealed.starts_with("v1."));
    let _ = id;
}

async fn edits_before_the_due_time_cancel_the_queue(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + 30 * MIN;
    let text = "Heart health talk on Friday evening at the Pune centre.";
    let id = w
        .scheduled_post(text, &[Platform::Facebook, Platform::Bluesky], at)
        .await;
    let author = w.actor(Role::Author).await;
    let v = w.post(id).await.version;
    service::review::act(
        w.deps(),
        &author,
        id,
        v,
        service::review::ReviewAction::Withdraw,
        T0 + MIN,
    )
    .await
    .unwrap();
    assert_eq!(status_of(&w.pubs(id).await), vec!["cancelled"; 2]);
    let r = w.engine("a").tick(at).await.unwrap();
    assert_eq!(r.claimed, 0);
    assert_eq!(w.copies(Platform::Facebook, text).await, 0);
}

async fn periodic_jobs_run_on_one_instance_at_a_time(t: &TestDb) {
    let w = World::new(&t.db).await;
    let (a, b) = (w.engine("a"), w.engine("b"));
    let ran_a = a
        .with_lease("test_job", T0, 60_000, || async { Ok(()) })
        .await
        .unwrap();
    let ran_b = b
        .with_lease("test_job", T0 + 1_000, 60_000, || async { Ok(()) })
        .await
        .unwrap();
    assert!(ran_a && !ran_b, "the lease holder runs; the other waits");
    let ran_b = b
        .with_lease("test_job", T0 + 61_000, 60_000, || async { Ok(()) })
        .await
        .unwrap();
    assert!(ran_b, "after the lease expires another instance takes over");
    // Health checks record every connected account.
    a.check_health(T0).await.unwrap();
    let owner = w.actor(Role::Owner).await;
    let h = service::connections::health(&w.db, &owner, T0)
        .await
        .unwrap();
    assert!(h.iter().all(|h| h.state == "connected"), "{h:?}");
}
