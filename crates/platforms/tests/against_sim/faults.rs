//! Every injected fault reaches the publisher as the right class of error.

use platforms::{Lookup, Platform, PublishError, Settings};
use sim::{Fault, FaultRule};

use crate::helpers::{connectors_for, env, post, probe, settings, stored, Env};

async fn publish_with(
    env: &Env,
    p: Platform,
    fault: Fault,
    text: &str,
) -> Result<platforms::Published, PublishError> {
    env.sim.clear_faults().await.expect("listening");
    env.sim.inject(FaultRule::new(fault).on(p)).await;
    env.conn(p)
        .publish(&env.auth(p), &post(p, text, text))
        .await
}

#[tokio::test]
async fn a_503_is_not_received_and_nothing_is_stored() {
    let env = env().await;
    for p in Platform::ALL {
        let r = publish_with(&env, p, Fault::ServerError { status: 503 }, "five oh three").await;
        assert!(
            matches!(r, Err(PublishError::NotReceived { .. })),
            "{p:?}: {r:?}"
        );
        assert_eq!(stored(&env, p, "five oh three").await, 0, "{p:?}");
    }
}

#[tokio::test]
async fn a_500_is_unknown_and_the_lookup_settles_it() {
    let env = env().await;
    for p in Platform::ALL {
        let text = format!("five hundred {}", p.as_str());
        let r = publish_with(&env, p, Fault::ServerError { status: 500 }, &text).await;
        assert!(
            matches!(r, Err(PublishError::Unknown { .. })),
            "{p:?}: {r:?}"
        );
        let found = env
            .conn(p)
            .lookup(&env.auth(p), &probe(&post(p, &text, &text)))
            .await;
        assert_eq!(
            found,
            Ok(Lookup::NotFound),
            "{p:?}: the 500 came before anything was stored"
        );
    }
}

#[tokio::test]
async fn rate_limits_are_never_unknown_and_say_when_to_come_back() {
    let env = env().await;
    for p in Platform::ALL {
        let r = publish_with(
            &env,
            p,
            Fault::RateLimit {
                retry_after_secs: Some(30),
            },
            "limited",
        )
        .await;
        match r {
            Err(PublishError::NotReceived {
                retry_after: Some(d),
                ..
            }) => assert_eq!(d.as_secs(), 30, "{p:?}"),
            // Platforms with their own reset headers or quota codes.
            Err(PublishError::RateLimited { until, .. }) => {
                assert!(until.is_some(), "{p:?} gives a reset time")
            }
            other => panic!("{p:?}: {other:?}"),
        }
        assert_eq!(stored(&env, p, "limited").await, 0, "{p:?}");
    }
}

#[tokio::test]
async fn a_retired_api_version_is_version_sunset() {
    let env = env().await;
    for p in Platform::ALL {
        let r = publish_with(&env, p, Fault::VersionSunset, "sunset").await;
        assert!(
            matches!(r, Err(PublishError::VersionSunset { .. })),
            "{p:?}: {r:?}"
        );
    }
}

#[tokio::test]
async fn an_expired_token_is_auth_expired() {
    let env = env().await;
    for p in Platform::ALL {
        let r = publish_with(&env, p, Fault::TokenExpired, "expired").await;
        assert!(
            matches!(r, Err(PublishError::AuthExpired { .. })),
            "{p:?}: {r:?}"
        );
    }
}

/// Some platforms say "revoked" outright; others answer a plain 401 and only the
/// refresh reveals it. Either way the publisher ends at Revoked.
#[tokio::test]
async fn revoked_access_ends_at_revoked() {
    let env = env().await;
    for p in Platform::ALL {
        let r = publish_with(&env, p, Fault::Revoked, "revoked").await;
        let verdict = match r {
            Err(PublishError::AuthExpired { .. }) => {
                env.conn(p).refresh(&env.auth(p)).await.map(|_| ())
            }
            Err(e) => Err(e),
            Ok(_) => Ok(()),
        };
        assert!(
            matches!(verdict, Err(PublishError::Revoked { .. })),
            "{p:?}: {verdict:?}"
        );
        assert_eq!(stored(&env, p, "revoked").await, 0);
    }
}

#[tokio::test]
async fn a_platform_that_stopped_listening_is_not_received() {
    let env = env().await;
    // Fresh clients without pooled connections: a refused connect, not a stale socket.
    let fresh = connectors_for(
        &env.sim,
        &Settings {
            pool_idle: false,
            ..settings()
        },
    );
    for p in Platform::ALL {
        env.sim.inject(FaultRule::new(Fault::Refuse).on(p)).await;
        let r = fresh
            .get(p)
            .publish(&env.auth(p), &post(p, "refused", "refused"))
            .await;
        assert!(
            matches!(r, Err(PublishError::NotReceived { .. })),
            "{p:?}: {r:?}"
        );
        env.sim.clear_faults().await.expect("listening again");
        let again = fresh
            .get(p)
            .publish(&env.auth(p), &post(p, "refused", "refused"))
            .await;
        assert!(
            again.is_ok(),
            "{p:?} works once it listens again: {again:?}"
        );
    }
}

#[tokio::test]
async fn latency_slows_but_does_not_break() {
    let env = env().await;
    for p in [Platform::X, Platform::Mastodon] {
        let r = publish_with(&env, p, Fault::Latency { ms: 20 }, "slow but sure").await;
        assert!(r.is_ok(), "{p:?}: {r:?}");
    }
}

#[tokio::test]
async fn health_reports_each_state() {
    use platforms::HealthState;
    let env = env().await;
    for p in Platform::ALL {
        let h = env.conn(p).health(&env.auth(p)).await;
        assert_eq!(h.state, HealthState::Connected, "{p:?}");
        env.sim
            .inject(FaultRule::new(Fault::VersionSunset).on(p))
            .await;
        let h = env.conn(p).health(&env.auth(p)).await;
        assert!(
            matches!(h.state, HealthState::VersionSunset { .. }),
            "{p:?}: {h:?}"
        );
        env.sim.clear_faults().await.expect("listening");
        env.sim
            .inject(FaultRule::new(Fault::TokenExpired).on(p))
            .await;
        let h = env.conn(p).health(&env.auth(p)).await;
        assert_eq!(h.state, HealthState::Expired, "{p:?}");
        assert!(h.needs_attention());
        env.sim.clear_faults().await.expect("listening");
    }
}
