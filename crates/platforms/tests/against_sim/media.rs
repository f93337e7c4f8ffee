//! Multi-step publishing: Instagram containers, YouTube resumable uploads, video
//! processing on X and Mastodon, and failures in the steps before the create call.

use platforms::{Platform, PublishError, Settings};
use sim::{Fault, FaultRule, Scope};

use crate::helpers::{env, env_with, image, post, settings, video};

#[tokio::test]
async fn instagram_waits_for_an_in_progress_container() {
    let env = env().await;
    let p = Platform::Instagram;
    env.sim
        .inject(
            FaultRule::new(Fault::ContainerInProgress { polls: 3 })
                .on(p)
                .once(),
        )
        .await;
    env.conn(p)
        .publish(&env.auth(p), &post(p, "Processed in the end", "ig-slow"))
        .await
        .expect("published after polling");
    let state = env.sim.state().await;
    assert_eq!(state.live_posts(p).len(), 1);
    // container + 4 status polls + media_publish + permalink
    assert_eq!(
        state.requests_to(p),
        7,
        "three IN_PROGRESS answers, then FINISHED"
    );
}

#[tokio::test]
async fn instagram_gives_up_on_a_container_that_stays_in_progress_without_posting() {
    let env = env_with(Settings {
        max_polls: 2,
        ..settings()
    })
    .await;
    let p = Platform::Instagram;
    env.sim
        .inject(
            FaultRule::new(Fault::ContainerInProgress { polls: 10 })
                .on(p)
                .once(),
        )
        .await;
    let r = env
        .conn(p)
        .publish(&env.auth(p), &post(p, "Still processing", "ig-stuck"))
        .await;
    assert!(matches!(r, Err(PublishError::NotReceived { .. })), "{r:?}");
    let state = env.sim.state().await;
    assert!(state.live_posts(p).is_empty());
    assert_eq!(
        state.create_requests_to(p),
        0,
        "media_publish was never called"
    );
}

#[tokio::test]
async fn instagram_carousel() {
    let env = env().await;
    let p = Platform::Instagram;
    let mut out = post(p, "Three views of the new ward", "ig-carousel");
    out.media = vec![image(), image(), video()];
    env.conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("carousel");
    let state = env.sim.state().await;
    assert_eq!(state.live_posts(p)[0].media.len(), 3);
}

#[tokio::test]
async fn youtube_resumable_upload_carries_title_description_and_bytes() {
    let env = env().await;
    let p = Platform::Youtube;
    let out = post(p, "A tour of the Vidisha diagnostic centre", "yt");
    let published = env
        .conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("uploaded");
    assert!(published
        .url
        .as_deref()
        .is_some_and(|u| u.contains(&published.remote_id)));
    let state = env.sim.state().await;
    let v = &state.live_posts(p)[0];
    assert_eq!(v.title.as_deref(), Some("Clinic news"));
    assert_eq!(v.text, "A tour of the Vidisha diagnostic centre");
    assert_eq!(v.extra["status"]["privacyStatus"], "public");
    // open session + one PUT
    assert_eq!(state.requests_to(p), 2);
}

#[tokio::test]
async fn videos_on_x_linkedin_mastodon_and_facebook() {
    let env = env().await;
    for p in [
        Platform::X,
        Platform::Linkedin,
        Platform::Mastodon,
        Platform::Facebook,
    ] {
        let mut out = post(p, &format!("Video on {}", p.as_str()), "video");
        out.media = vec![video()];
        env.conn(p)
            .publish(&env.auth(p), &out)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));
        let state = env.sim.state().await;
        assert_eq!(state.live_posts(p).len(), 1, "{p:?}");
        let size = state
            .media
            .iter()
            .filter(|m| m.platform == p)
            .map(|m| m.size)
            .max();
        assert_eq!(size, Some(video().bytes.len()), "{p:?}: every byte arrived");
    }
}

#[tokio::test]
async fn a_failed_media_upload_means_the_post_was_not_created() {
    let env = env().await;
    for p in [
        Platform::X,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Linkedin,
    ] {
        // A 500 on the upload is ambiguous for the upload, never for the post.
        env.sim
            .inject(
                FaultRule::new(Fault::ServerError { status: 500 })
                    .on(p)
                    .scope(Scope::Any)
                    .once(),
            )
            .await;
        let mut out = post(p, "With a picture", "upload-fails");
        out.media = vec![image()];
        let r = env.conn(p).publish(&env.auth(p), &out).await;
        assert!(
            matches!(r, Err(PublishError::NotReceived { .. })),
            "{p:?}: {r:?}"
        );
        assert_eq!(env.sim.state().await.create_requests_to(p), 0, "{p:?}");
    }
}

#[tokio::test]
async fn alt_text_reaches_the_platform() {
    let env = env().await;
    for p in [Platform::X, Platform::Mastodon, Platform::Facebook] {
        let mut out = post(p, "Alt text matters", "alt");
        out.media = vec![image()];
        env.conn(p)
            .publish(&env.auth(p), &out)
            .await
            .unwrap_or_else(|e| panic!("{p:?}: {e}"));
        let state = env.sim.state().await;
        assert!(
            state
                .media
                .iter()
                .any(|m| m.platform == p && m.alt_text == image().alt_text),
            "{p:?}"
        );
    }
    let p = Platform::Bluesky;
    let mut out = post(p, "Alt text matters", "alt");
    out.media = vec![image()];
    env.conn(p)
        .publish(&env.auth(p), &out)
        .await
        .expect("bluesky");
    let state = env.sim.state().await;
    assert_eq!(
        state.live_posts(p)[0].extra["embed"]["images"][0]["alt"],
        image().alt_text.as_str()
    );
}
