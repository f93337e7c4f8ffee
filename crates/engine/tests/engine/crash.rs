//! Crashes and stale workers: an unrecorded outcome is reconciled by looking, never by
//! sending again; a worker whose claim was taken over changes nothing.

use std::time::Duration;

use domain::platform::Platform;
use domain::Role;
use service::connections::Resolution;
use sim::{AfterAccept, Fault, FaultRule};
use store::on_both_backends;
use store::publications;
use store::testing::TestDb;

use crate::support::{config, World, MIN, T0};

on_both_backends!(
    a_worker_killed_while_sending_is_reconciled_without_a_second_request,
    a_timeout_after_the_platform_accepted_is_found_by_lookup,
    a_send_that_never_arrived_goes_to_a_person_who_decides,
    mastodon_resends_safely_within_its_idempotency_window,
    a_stale_workers_writes_change_nothing,
);

async fn a_worker_killed_while_sending_is_reconciled_without_a_second_request(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Blood donation drive at the Nagpur clinic on Saturday.";
    let id = w
        .scheduled_post(text, &[Platform::X, Platform::Facebook], at)
        .await;
    // The platform takes the posts and never answers; the worker dies mid-call.
    w.sim
        .inject(FaultRule::new(Fault::TimeoutAfterAccept {
            mode: AfterAccept::Hang,
        }))
        .await;
    let dying = w.engine("dying");
    let crashed = tokio::time::timeout(Duration::from_millis(700), dying.tick(at)).await;
    assert!(crashed.is_err(), "the tick was cut off mid-call");
    drop(dying);
    for p in w.pubs(id).await {
        assert_eq!(p.status, "sending", "the committed record before the call");
    }
    assert_eq!(w.copies(Platform::X, text).await, 1, "the platform has it");
    w.sim.clear_faults().await.unwrap();

    let e = w.engine("survivor");
    let r = e.tick(at + 1_000).await.unwrap();
    assert_eq!(
        r.claimed + r.unknown + r.reconciled,
        0,
        "the lease still protects the send"
    );
    let r = e.tick(at + config().lease_ms + 1).await.unwrap();
    assert_eq!((r.unknown, r.reconciled), (2, 2), "{r:?}");
    for p in [Platform::X, Platform::Facebook] {
        assert_eq!(w.copies(p, text).await, 1, "{p:?}: found, not sent again");
        assert_eq!(
            w.sim.state().await.create_requests_to(p),
            1,
            "{p:?}: one create request in all"
        );
        assert_eq!(w.publication(id, p).await.status, "sent");
    }
    assert_eq!(w.post(id).await.status, "published");
}

async fn a_timeout_after_the_platform_accepted_is_found_by_lookup(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Yoga for back pain: free session on Sunday morning.";
    let id = w
        .scheduled_post(
            text,
            &[
                Platform::Linkedin,
                Platform::GoogleBusiness,
                Platform::Bluesky,
            ],
            at,
        )
        .await;
    w.sim
        .inject(
            FaultRule::new(Fault::TimeoutAfterAccept {
                mode: AfterAccept::Drop,
            })
            .on(Platform::Linkedin)
            .once(),
        )
        .await;
    w.sim
        .inject(
            FaultRule::new(Fault::ErrorAfterAccept { status: 502 })
                .on(Platform::GoogleBusiness)
                .once(),
        )
        .await;
    w.sim
        .inject(
            FaultRule::new(Fault::ErrorAfterAccept { status: 500 })
                .on(Platform::Bluesky)
                .once(),
        )
        .await;
    let e = w.engine("a");
    let r = e.tick(at).await.unwrap();
    assert!(r.unknown >= 2, "{r:?}");
    let r2 = e.tick(at + config().reconcile_delay_ms).await.unwrap();
    assert_eq!(r.sent + r.reconciled + r2.reconciled, 3, "{r:?} {r2:?}");
    for p in [
        Platform::Linkedin,
        Platform::GoogleBusiness,
        Platform::Bluesky,
    ] {
        assert_eq!(w.copies(p, text).await, 1, "{p:?}");
        assert_eq!(w.publication(id, p).await.status, "sent", "{p:?}");
    }
    assert_eq!(
        w.sim.state().await.create_requests_to(Platform::Linkedin),
        1
    );
    assert_eq!(
        w.sim
            .state()
            .await
            .create_requests_to(Platform::GoogleBusiness),
        1
    );
}

/// The "sending" record is committed but the request never left: lookups find nothing,
/// and where the platform cannot deduplicate a re-send, a person decides.
async fn a_send_that_never_arrived_goes_to_a_person_who_decides(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Our pharmacy is open late on Thursdays.";
    let id = w.scheduled_post(text, &[Platform::X], at).await;
    let claimed = publications::claim_due(&w.db, "dying", at, at + 1_000, 10)
        .await
        .unwrap();
    let p = &claimed[0];
    let mut tx = w.db.begin().await.unwrap();
    assert!(publications::transition(
        &mut tx,
        p.id,
        p.fence,
        "claimed",
        "sending",
        Some(at + 1_000),
        at
    )
    .await
    .unwrap());
    tx.commit().await.unwrap();
    // ... and the process dies before the request.
    let e = w.engine("b");
    let cfg = config();
    let mut now = at + 2_000;
    let mut reviewed = 0;
    for _ in 0..cfg.reconcile_tries + 1 {
        reviewed += e.tick(now).await.unwrap().to_review;
        now += cfg.reconcile_delay_ms;
    }
    assert_eq!(reviewed, 1);
    assert_eq!(w.publication(id, Platform::X).await.status, "review");
    assert_eq!(
        w.sim.state().await.create_requests_to(Platform::X),
        0,
        "never sent blindly"
    );
    assert!(w
        .notifications(Role::Author)
        .await
        .iter()
        .any(|n| n.kind == "publish_review"));
    // The manager looks on X, finds nothing, and asks Bedside to send it.
    let manager = w.actor(Role::Manager).await;
    let pid = w.publication(id, Platform::X).await.id;
    service::connections::resolve(&w.db, &manager, pid, &Resolution::Resend, now)
        .await
        .unwrap();
    let err = service::connections::resolve(&w.db, &manager, pid, &Resolution::Resend, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not waiting"), "{err}");
    let r = e.tick(now).await.unwrap();
    assert_eq!(r.sent, 1);
    assert_eq!(w.copies(Platform::X, text).await, 1);
    assert_eq!(w.post(id).await.status, "published");
}

async fn mastodon_resends_safely_within_its_idempotency_window(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Cataract screening this Friday at the Bhopal eye clinic.";
    let id = w.scheduled_post(text, &[Platform::Mastodon], at).await;
    // The "sending" record is committed and the worker dies before the request.
    let claimed = publications::claim_due(&w.db, "dying", at, at + 1_000, 10)
        .await
        .unwrap();
    let p = &claimed[0];
    let mut tx = w.db.begin().await.unwrap();
    assert!(publications::transition(
        &mut tx,
        p.id,
        p.fence,
        "claimed",
        "sending",
        Some(at + 1_000),
        at
    )
    .await
    .unwrap());
    tx.commit().await.unwrap();
    // Lookup finds nothing; Mastodon deduplicates by Idempotency-Key, so re-sending is safe
    // and no person is needed.
    let r = w.engine("b").tick(at + 2_000).await.unwrap();
    assert_eq!((r.unknown, r.reconciled, r.to_review), (1, 1, 0), "{r:?}");
    let state = w.sim.state().await;
    let posts: Vec<_> = state
        .posts
        .iter()
        .filter(|p| p.platform == Platform::Mastodon && p.text.contains(text))
        .collect();
    assert_eq!(posts.len(), 1, "one status, whatever was re-sent");
    assert_eq!(w.publication(id, Platform::Mastodon).await.status, "sent");
    assert_eq!(
        w.publication(id, Platform::Mastodon)
            .await
            .remote_id
            .as_deref(),
        Some(posts[0].id.as_str())
    );
}

async fn a_stale_workers_writes_change_nothing(t: &TestDb) {
    let w = World::new(&t.db).await;
    let at = T0 + MIN;
    let text = "Ask our dietitians: live session on Wednesday.";
    let id = w.scheduled_post(text, &[Platform::Bluesky], at).await;
    // Worker A claims and stalls (a long GC pause, a frozen VM) past its lease.
    let stale = publications::claim_due(&w.db, "a", at, at + 1_000, 10)
        .await
        .unwrap()
        .remove(0);
    let e = w.engine("b");
    let r = e.tick(at + 5_000).await.unwrap();
    assert_eq!((r.requeued, r.sent), (1, 1), "{r:?}");
    let fresh = w.publication(id, Platform::Bluesky).await;
    assert_eq!(fresh.status, "sent");
    // A wakes up and tries to carry on: every fenced write is refused.
    let mut tx = w.db.begin().await.unwrap();
    assert!(!publications::transition(
        &mut tx,
        stale.id,
        stale.fence,
        "claimed",
        "sending",
        Some(at + 99_000),
        at + 6_000
    )
    .await
    .unwrap());
    assert!(!publications::mark_sent(
        &mut tx,
        stale.id,
        stale.fence,
        "sent",
        "stale-remote-id",
        None,
        at + 6_000
    )
    .await
    .unwrap());
    assert!(!publications::mark_outcome(
        &mut tx,
        stale.id,
        stale.fence,
        "sent",
        "failed",
        None,
        "stale",
        at + 6_000
    )
    .await
    .unwrap());
    assert!(
        !publications::renew_lease(&mut tx, stale.id, stale.fence, at + 99_000)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    let after = w.publication(id, Platform::Bluesky).await;
    assert_eq!(
        (
            after.status.as_str(),
            after.remote_id.as_deref(),
            after.fence
        ),
        ("sent", fresh.remote_id.as_deref(), fresh.fence)
    );
    assert_eq!(w.copies(Platform::Bluesky, text).await, 1);
}
