//! The case exactly-once hinges on: the platform stored the post and the answer never
//! arrived. The client must say Unknown, and the lookup must find exactly that one post.

use std::time::Duration;

use platforms::{Lookup, Platform, PublishError, Settings};
use sim::{AfterAccept, Fault, FaultRule};

use crate::helpers::{env, env_with, post, probe, settings, stored};

#[tokio::test]
async fn timeout_after_accept_is_unknown_and_lookup_finds_exactly_one_post() {
    let env = env().await;
    // YouTube and Bluesky settle this inside publish; see the next test.
    let platforms = [
        Platform::Facebook,
        Platform::Instagram,
        Platform::X,
        Platform::Linkedin,
        Platform::GoogleBusiness,
        Platform::Mastodon,
    ];
    for p in platforms {
        let text = format!("Dropped answer on {}", p.as_str());
        let out = post(p, &text, &format!("drop-{}", p.as_str()));
        let rule = FaultRule::new(Fault::TimeoutAfterAccept {
            mode: AfterAccept::Drop,
        })
        .on(p)
        .once();
        env.sim.inject(rule).await;
        let r = env.conn(p).publish(&env.auth(p), &out).await;
        assert!(
            matches!(r, Err(PublishError::Unknown { .. })),
            "{p:?}: {r:?}"
        );

        let found = env
            .conn(p)
            .lookup(&env.auth(p), &probe(&out))
            .await
            .expect("lookup");
        let state = env.sim.state().await;
        let live = state.live_posts(p);
        assert_eq!(live.len(), 1, "{p:?}: the platform has exactly one post");
        assert_eq!(
            found,
            Lookup::Found(platforms::Published {
                remote_id: live[0].id.clone(),
                url: found_url(&found)
            }),
            "{p:?}"
        );
        assert_eq!(state.create_requests_to(p), 1, "{p:?}: nothing was re-sent");
    }
}

fn found_url(l: &Lookup) -> Option<String> {
    match l {
        Lookup::Found(p) => p.url.clone(),
        _ => None,
    }
}

#[tokio::test]
async fn youtube_and_bluesky_resolve_a_dropped_answer_inside_publish() {
    let env = env().await;
    for p in [Platform::Youtube, Platform::Bluesky] {
        let text = format!("Dropped answer on {}", p.as_str());
        let out = post(p, &text, &format!("drop-{}", p.as_str()));
        let rule = FaultRule::new(Fault::TimeoutAfterAccept {
            mode: AfterAccept::Drop,
        })
        .on(p)
        .once();
        env.sim.inject(rule).await;
        let published = env
            .conn(p)
            .publish(&env.auth(p), &out)
            .await
            .expect("settled in-line");
        let state = env.sim.state().await;
        assert_eq!(state.live_posts(p).len(), 1, "{p:?}");
        assert!(
            published.remote_id.ends_with(&state.live_posts(p)[0].id)
                || published.remote_id == state.live_posts(p)[0].id
        );
        assert_eq!(
            state.create_requests_to(p),
            1,
            "{p:?}: the bytes or record went once"
        );
    }
}

#[tokio::test]
async fn a_hanging_platform_times_out_as_unknown() {
    let env = env_with(Settings {
        request_timeout: Duration::from_millis(500),
        ..settings()
    })
    .await;
    let p = Platform::Mastodon;
    let out = post(p, "The answer never comes", "hang");
    let rule = FaultRule::new(Fault::TimeoutAfterAccept {
        mode: AfterAccept::Hang,
    })
    .on(p)
    .once();
    env.sim.inject(rule).await;
    let r = env.conn(p).publish(&env.auth(p), &out).await;
    assert!(matches!(r, Err(PublishError::Unknown { .. })), "{r:?}");
    assert_eq!(stored(&env, p, "The answer never comes").await, 1);
    let found = env
        .conn(p)
        .lookup(&env.auth(p), &probe(&out))
        .await
        .expect("lookup");
    assert!(matches!(found, Lookup::Found(_)), "{found:?}");
}

#[tokio::test]
async fn a_500_after_acting_is_unknown_and_found() {
    let env = env().await;
    for p in [Platform::Facebook, Platform::X, Platform::GoogleBusiness] {
        let text = format!("Acted then failed on {}", p.as_str());
        let out = post(p, &text, &text);
        env.sim
            .inject(
                FaultRule::new(Fault::ErrorAfterAccept { status: 500 })
                    .on(p)
                    .once(),
            )
            .await;
        let r = env.conn(p).publish(&env.auth(p), &out).await;
        assert!(
            matches!(r, Err(PublishError::Unknown { .. })),
            "{p:?}: {r:?}"
        );
        let found = env
            .conn(p)
            .lookup(&env.auth(p), &probe(&out))
            .await
            .expect("lookup");
        assert!(matches!(found, Lookup::Found(_)), "{p:?}: {found:?}");
    }
}

#[tokio::test]
async fn mastodon_answers_a_repeated_idempotency_key_with_the_same_status() {
    let env = env().await;
    let p = Platform::Mastodon;
    let out = post(p, "Idempotent hello from Sehore", "mastodon-key-1");
    env.sim
        .inject(
            FaultRule::new(Fault::TimeoutAfterAccept {
                mode: AfterAccept::Drop,
            })
            .on(p)
            .once(),
        )
        .await;
    let first = env.conn(p).publish(&env.auth(p), &out).await;
    assert!(
        matches!(first, Err(PublishError::Unknown { .. })),
        "{first:?}"
    );
    assert!(env.conn(p).capabilities().idempotent_resend.is_some());

    // Within the window the publisher may re-send: same key, same status.
    let again = env
        .conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("re-send");
    let state = env.sim.state().await;
    assert_eq!(state.live_posts(p).len(), 1, "no duplicate");
    assert_eq!(state.live_posts(p)[0].id, again.remote_id);
    assert_eq!(state.live_posts(p)[0].key_hits, 2, "the key arrived twice");
    assert_eq!(state.create_requests_to(p), 2);
}

#[tokio::test]
async fn bluesky_never_writes_the_same_target_twice() {
    let env = env().await;
    let p = Platform::Bluesky;
    let out = post(p, "Once only", "bsky-once");
    let first = env
        .conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("first");
    // A blind re-send hits the same record key; the client reads the record back.
    let second = env
        .conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("second");
    assert_eq!(first.remote_id, second.remote_id);
    let state = env.sim.state().await;
    assert_eq!(state.live_posts(p).len(), 1);
    assert_eq!(state.live_posts(p)[0].key_hits, 2);
}

/// A busy account: the lost post is buried under more than one page of newer posts. The
/// lookup pages back (X `pagination_token`, Graph `after`, Mastodon `max_id`) until it
/// passes `not_before`, and still finds exactly that one post.
#[tokio::test]
async fn lookup_pages_back_through_a_busy_account() {
    let env = env().await;
    for p in [Platform::Facebook, Platform::X, Platform::Mastodon] {
        let lost = post(
            p,
            &format!("The post whose answer was lost on {}", p.as_str()),
            &format!("lost-{}", p.as_str()),
        );
        env.conn(p)
            .publish(&env.auth(p), &lost)
            .await
            .expect("publish");
        for i in 0..130 {
            let newer = post(
                p,
                &format!("Newer post {i} on {}", p.as_str()),
                &format!("newer-{}-{i}", p.as_str()),
            );
            env.conn(p)
                .publish(&env.auth(p), &newer)
                .await
                .expect("publish newer");
        }
        let found = env
            .conn(p)
            .lookup(&env.auth(p), &probe(&lost))
            .await
            .expect("lookup");
        let state = env.sim.state().await;
        let want = state
            .live_posts(p)
            .into_iter()
            .find(|x| x.text.contains("answer was lost"))
            .expect("stored")
            .id
            .clone();
        assert!(
            matches!(&found, Lookup::Found(f) if f.remote_id == want),
            "{p:?}: {found:?}"
        );
        // Not there at all: after paging through everything, a clean "not found".
        let absent = post(p, "Never sent", "absent");
        let r = env
            .conn(p)
            .lookup(&env.auth(p), &probe(&absent))
            .await
            .expect("lookup");
        assert_eq!(r, Lookup::NotFound, "{p:?}");
    }
}
