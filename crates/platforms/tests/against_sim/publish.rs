use platforms::{clients, Lookup, Platform, PublishError, RejectKind};

use crate::helpers::{env, image, post, probe, stored};

#[tokio::test]
async fn publishes_on_all_eight_platforms_with_media() {
    let env = env().await;
    for p in Platform::ALL {
        let text = format!(
            "Free flu shots this Saturday at the Raisen clinic ({})",
            p.as_str()
        );
        let mut out = post(p, &text, &format!("pub-{}", p.as_str()));
        if !matches!(p, Platform::Youtube) && out.media.is_empty() {
            out.media.push(image());
        }
        let published = env
            .conn(p)
            .publish(&env.auth(p), &out)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));
        assert!(!published.remote_id.is_empty(), "{p:?}");
        assert!(published.url.is_some(), "{p:?} gives a link");

        let state = env.sim.state().await;
        let live = state.live_posts(p);
        assert_eq!(live.len(), 1, "{p:?}: exactly one post");
        assert_eq!(live[0].media.len(), 1, "{p:?}: the attachment went with it");
        assert_eq!(state.create_requests_to(p), 1, "{p:?}: one create call");
        if p != Platform::Linkedin {
            assert_eq!(live[0].text, text, "{p:?} stored the text as sent");
        }
        let found = env.conn(p).lookup(&env.auth(p), &probe(&out)).await;
        assert!(
            matches!(found, Ok(Lookup::Found(ref f)) if f.remote_id == published.remote_id),
            "{p:?}: {found:?}"
        );
    }
}

#[tokio::test]
async fn over_limit_text_is_refused_before_any_request() {
    let env = env().await;
    for p in Platform::ALL {
        let text = "A".repeat(p.limit() + 1);
        let err = env
            .conn(p)
            .publish(&env.auth(p), &post(p, &text, "too-long"))
            .await
            .expect_err("over the limit");
        assert!(
            matches!(
                err,
                PublishError::Rejected {
                    kind: RejectKind::Local,
                    permanent: true,
                    ..
                }
            ),
            "{p:?}: {err:?}"
        );
        assert_eq!(
            env.sim.state().await.requests_to(p),
            0,
            "{p:?}: the simulator saw no request"
        );
    }
    // Platform rules beyond length are local too.
    let ig = env
        .conn(Platform::Instagram)
        .publish(&env.auth(Platform::Instagram), &{
            let mut o = post(Platform::Instagram, "No picture", "ig-none");
            o.media.clear();
            o
        })
        .await;
    assert!(matches!(
        ig,
        Err(PublishError::Rejected {
            kind: RejectKind::Local,
            ..
        })
    ));
    assert_eq!(env.sim.state().await.requests_to(Platform::Instagram), 0);
}

#[tokio::test]
async fn linkedin_escapes_reserved_characters_and_finds_the_post_again() {
    let env = env().await;
    let p = Platform::Linkedin;
    let text = "Walk-in hours (Mon-Fri) for the #WorldHeartDay screening *free*";
    let out = post(p, text, "li-escape");
    env.conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("published");
    let state = env.sim.state().await;
    assert_eq!(
        state.live_posts(p)[0].text,
        clients::escape_little_text(text)
    );
    assert!(state.live_posts(p)[0]
        .text
        .contains("{hashtag|\\#|WorldHeartDay}"));
    let found = env
        .conn(p)
        .lookup(&env.auth(p), &probe(&out))
        .await
        .expect("lookup");
    assert!(matches!(found, Lookup::Found(_)), "{found:?}");
}

#[tokio::test]
async fn bluesky_uses_a_record_key_derived_from_the_idempotency_key() {
    let env = env().await;
    let p = Platform::Bluesky;
    let out = post(
        p,
        "Vaccination drive details at https://clinic.example/drive",
        "bsky-rkey",
    );
    let published = env
        .conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("published");
    let rkey = clients::record_key(out.created_at, &out.idempotency_key);
    assert!(clients::is_tid(&rkey));
    assert!(
        published.remote_id.ends_with(&rkey),
        "{}",
        published.remote_id
    );
    let state = env.sim.state().await;
    let record = &state.live_posts(p)[0].extra;
    assert_eq!(
        record["facets"][0]["features"][0]["uri"],
        "https://clinic.example/drive"
    );
    assert_eq!(record["langs"][0], "en");
}

#[tokio::test]
async fn lookups_find_nothing_before_anything_was_posted() {
    let env = env().await;
    for p in Platform::ALL {
        let out = post(p, "Never sent", "never");
        let found = env.conn(p).lookup(&env.auth(p), &probe(&out)).await;
        assert_eq!(found, Ok(Lookup::NotFound), "{p:?}");
        assert_eq!(stored(&env, p, "Never sent").await, 0);
    }
}

#[tokio::test]
async fn two_posts_with_the_same_text_make_a_text_lookup_ambiguous() {
    let env = env().await;
    let p = Platform::Facebook;
    let a = post(p, "Same words twice", "first");
    let b = post(p, "Same words twice", "second");
    env.conn(p).publish(&env.auth(p), &a).await.expect("first");
    env.conn(p).publish(&env.auth(p), &b).await.expect("second");
    let found = env
        .conn(p)
        .lookup(&env.auth(p), &probe(&a))
        .await
        .expect("lookup");
    assert!(
        matches!(found, Lookup::Ambiguous { ref remote_ids } if remote_ids.len() == 2),
        "{found:?}"
    );

    // A marker (the post's own short link) tells them apart.
    let mut c = post(p, "Book at https://bdsd.link/a1 today", "third");
    c.marker = Some("bdsd.link/a1".into());
    let d = post(p, "Book at https://bdsd.link/b2 today", "fourth");
    let pc = env.conn(p).publish(&env.auth(p), &c).await.expect("third");
    env.conn(p).publish(&env.auth(p), &d).await.expect("fourth");
    let found = env
        .conn(p)
        .lookup(&env.auth(p), &probe(&c))
        .await
        .expect("lookup");
    assert_eq!(found, Lookup::Found(pc));
}

#[tokio::test]
async fn federated_accounts_use_their_own_server() {
    let env = env().await;
    // The connectors' fallback bases point nowhere; the accounts name the simulator.
    let nowhere = crate::helpers::connectors_for_bases(|_| "http://127.0.0.1:9".to_string());
    for p in [Platform::Mastodon, Platform::Bluesky] {
        let mut auth = env.auth(p);
        auth.server = Some(env.sim.base_url(p));
        let out = post(p, "From our own instance", "federated");
        nowhere
            .get(p)
            .publish(&auth, &out)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));
        assert_eq!(stored(&env, p, "From our own instance").await, 1, "{p:?}");
    }
}
