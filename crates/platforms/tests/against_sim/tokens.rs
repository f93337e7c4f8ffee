//! Token expiry → refresh → success, and the platforms where refresh cannot help.

use platforms::{AccountAuth, Platform, PublishError};
use sim::{Fault, FaultRule};

use crate::helpers::{env, post};

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_post_goes_out() {
    let env = env().await;
    let refreshable = [
        Platform::X,
        Platform::Linkedin,
        Platform::Youtube,
        Platform::GoogleBusiness,
        Platform::Mastodon,
        Platform::Bluesky,
    ];
    for p in refreshable {
        let auth = env.auth(p);
        env.sim
            .inject(FaultRule::new(Fault::TokenExpired).on(p))
            .await;
        let out = post(p, &format!("After a refresh on {}", p.as_str()), "refresh");
        let first = env.conn(p).publish(&auth, &out).await;
        assert!(
            matches!(first, Err(PublishError::AuthExpired { .. })),
            "{p:?}: {first:?}"
        );

        let tokens = env
            .conn(p)
            .refresh(&auth)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));
        assert_ne!(
            tokens.access_token, auth.access_token,
            "{p:?}: a new access token"
        );
        let renewed = auth.refreshed(&tokens);
        env.conn(p)
            .publish(&renewed, &out)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));

        // The old token is dead; the new one is what the simulator now holds.
        let now = env.sim.account(p).expect("account");
        assert_eq!(now.access_token, renewed.access_token.expose(), "{p:?}");
        assert_eq!(env.sim.state().await.live_posts(p).len(), 1, "{p:?}");
        let stale = env
            .conn(p)
            .publish(&auth, &post(p, "stale token", "stale"))
            .await;
        assert!(stale.is_err(), "{p:?}: the old token no longer works");
    }
}

#[tokio::test]
async fn graph_tokens_are_exchanged_while_valid_and_need_a_reconnect_once_expired() {
    let env = env().await;
    for p in [Platform::Facebook, Platform::Instagram] {
        let auth = env.auth(p);
        let tokens = env.conn(p).refresh(&auth).await.expect("exchange");
        assert!(tokens.expires_at.is_some());
        let renewed = auth.refreshed(&tokens);
        env.conn(p)
            .publish(&renewed, &post(p, "Exchanged token", "exchanged"))
            .await
            .expect("works with the new token");

        env.sim
            .inject(FaultRule::new(Fault::TokenExpired).on(p))
            .await;
        let err = env
            .conn(p)
            .refresh(&renewed)
            .await
            .expect_err("expired cannot be exchanged");
        assert!(
            matches!(err, PublishError::Revoked { .. }),
            "{p:?}: {err:?}"
        );
    }
}

#[tokio::test]
async fn bluesky_opens_a_new_session_with_the_app_password_when_refresh_fails() {
    let env = env().await;
    let p = Platform::Bluesky;
    let mut auth = env.auth(p);
    auth.refresh_token = Some("a-refresh-token-that-expired".into());
    let tokens = env.conn(p).refresh(&auth).await.expect("new session");
    let renewed = auth.refreshed(&tokens);
    env.conn(p)
        .publish(&renewed, &post(p, "New session", "session"))
        .await
        .expect("posted");

    let no_password = AccountAuth {
        app_password: None,
        ..auth
    };
    let err = env
        .conn(p)
        .refresh(&no_password)
        .await
        .expect_err("nothing left to try");
    assert!(matches!(err, PublishError::Revoked { .. }), "{err:?}");
}

#[tokio::test]
async fn refresh_without_app_credentials_is_not_supported() {
    let env = env().await;
    let bare = platforms::build(
        Platform::X,
        platforms::Endpoint::at(Platform::X, &env.sim.base_url(Platform::X)),
        &crate::helpers::settings(),
    )
    .expect("client");
    let err = bare
        .refresh(&env.auth(Platform::X))
        .await
        .expect_err("no app");
    assert!(matches!(err, PublishError::NotSupported { .. }), "{err:?}");
    assert_eq!(env.sim.state().await.requests_to(Platform::X), 0);
}
