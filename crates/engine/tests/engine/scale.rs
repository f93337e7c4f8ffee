//! Several publishers over one queue: 2,000 due targets, faults on the way, every target
//! received exactly once. Four instances on PostgreSQL; one on SQLite.

use std::sync::Arc;
use std::time::Instant;

use domain::platform::Platform;
use sim::{Fault, FaultRule};
use store::testing::TestDb;
use store::Backend;

use crate::support::{World, T0, TEXT_PLATFORMS};

const TARGETS: usize = 2_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_instances_on_postgres_deliver_2000_targets_exactly_once() {
    if let Some(t) = TestDb::fresh(Backend::Postgres).await {
        run(&t, 4).await;
        t.finish(concat!(module_path!(), "::postgres")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_instance_on_sqlite_delivers_2000_targets_exactly_once() {
    if let Some(t) = TestDb::fresh(Backend::Sqlite).await {
        run(&t, 1).await;
        t.finish(concat!(module_path!(), "::sqlite")).await;
    }
}

async fn run(t: &TestDb, instances: usize) {
    let w = Arc::new(World::new(&t.db).await);
    let at = T0 + 60_000;
    let posts = TARGETS.div_ceil(TEXT_PLATFORMS.len());
    let mut texts = Vec::new();
    let mut made = 0;
    for i in 0..posts {
        let n = (TARGETS - made).min(TEXT_PLATFORMS.len());
        let text =
            format!("Health camp {i} of the season: free check-ups at the Bhopal clinic this week");
        w.scheduled_post(&text, &TEXT_PLATFORMS[..n], at).await;
        texts.push((text, n));
        made += n;
    }
    // Faults on the way: refusals before acting (retried), answers lost after acting
    // (reconciled), slow answers.
    w.sim
        .inject(
            FaultRule::new(Fault::ServerError { status: 503 })
                .on(Platform::X)
                .times(40),
        )
        .await;
    w.sim
        .inject(
            FaultRule::new(Fault::ServerError { status: 503 })
                .on(Platform::Facebook)
                .times(40),
        )
        .await;
    w.sim
        .inject(
            FaultRule::new(Fault::ErrorAfterAccept { status: 500 })
                .on(Platform::Bluesky)
                .times(25),
        )
        .await;
    w.sim
        .inject(
            FaultRule::new(Fault::Latency { ms: 20 })
                .on(Platform::Linkedin)
                .times(200),
        )
        .await;

    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..instances {
        let w = w.clone();
        tasks.push(tokio::spawn(async move {
            let mut cfg = crate::support::config();
            cfg.retry_base_ms = 50;
            cfg.reconcile_delay_ms = 50;
            let e = w.engine_with(&format!("instance-{i}"), cfg);
            // Time moves with the wall clock from the due time on.
            let begin = Instant::now();
            loop {
                let now = at + begin.elapsed().as_millis() as i64;
                e.tick(now).await.unwrap();
                let active = {
                    let mut c = w.db.conn().await.unwrap();
                    store::publications::active_count(&mut c).await.unwrap()
                };
                if active == 0 {
                    break;
                }
                assert!(begin.elapsed().as_secs() < 240, "publishers did not finish");
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let took = started.elapsed();
    let counts = w.counts().await;
    assert_eq!(
        counts,
        vec![("sent".to_string(), TARGETS as i64)],
        "every target sent"
    );
    let state = w.sim.state().await;
    for (text, n) in &texts {
        let copies = state
            .posts
            .iter()
            .filter(|p| p.text.contains(text.as_str()))
            .count();
        assert_eq!(copies, *n, "{text}: once per target");
    }
    assert!(
        state.duplicate_texts().is_empty(),
        "{:?}",
        state.duplicate_texts()
    );
    let published = {
        let mut c = w.db.conn().await.unwrap();
        store::posts::ids_with_status(&mut c, 1, "published", 1_000_000)
            .await
            .unwrap()
            .len()
    };
    assert_eq!(published, posts);
    eprintln!(
        "{instances} instance(s), {TARGETS} targets: {:.0} ms, {:.0} publications/s",
        took.as_secs_f64() * 1000.0,
        TARGETS as f64 / took.as_secs_f64()
    );
}
