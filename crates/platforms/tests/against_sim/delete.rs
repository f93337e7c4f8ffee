//! Take-down (PUBLISH-4): delete on every platform, and deleting twice is harmless.

use platforms::{Deleted, Platform};

use crate::helpers::{env, post};

#[tokio::test]
async fn delete_on_every_platform_then_again() {
    let env = env().await;
    for p in Platform::ALL {
        let out = post(
            p,
            &format!("To be taken down from {}", p.as_str()),
            "takedown",
        );
        let published = env
            .conn(p)
            .publish(&env.auth(p), &out)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));
        let first = env.conn(p).delete(&env.auth(p), &published.remote_id).await;
        assert_eq!(first, Ok(Deleted::Removed), "{p:?}");
        let state = env.sim.state().await;
        assert!(
            state.live_posts(p).is_empty(),
            "{p:?}: gone from the platform"
        );
        assert!(
            state.posts.iter().any(|x| x.platform == p && x.deleted),
            "{p:?}"
        );

        let second = env.conn(p).delete(&env.auth(p), &published.remote_id).await;
        // Bluesky's deleteRecord succeeds either way; the others say it is gone.
        assert!(
            matches!(second, Ok(Deleted::AlreadyGone | Deleted::Removed)),
            "{p:?}: {second:?}"
        );
        if p != Platform::Bluesky {
            assert_eq!(second, Ok(Deleted::AlreadyGone), "{p:?}");
        }
    }
}
