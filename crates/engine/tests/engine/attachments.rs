//! Images attached to a post go out with it; a post whose file is gone is not published
//! without it.

use domain::platform::Platform;
use domain::Role;
use engine::EngineConfig;
use service::review::ReviewAction;
use store::on_both_backends;
use store::testing::TestDb;

use crate::support::{config, World, MIN, T0};

on_both_backends!(attached_images_are_published_and_missing_files_fail_the_target);

async fn post_with_image(w: &World, media_id: i64, at: i64) -> i64 {
    let author = w.actor(Role::Author).await;
    let compliance = w.actor(Role::Compliance).await;
    let input = service::posts::PostInput {
        base_text: "Our new physiotherapy room is open.".into(),
        pillar: "behind_the_scenes".into(),
        targets: vec![service::posts::TargetInput {
            account_id: w.account(Platform::Mastodon),
            variant_text: None,
            scheduled_at: Some(at),
        }],
        ..Default::default()
    };
    let id = service::posts::create(w.deps(), &author, &input, T0)
        .await
        .unwrap();
    service::media::attach(&w.db, &author, id, media_id, T0)
        .await
        .unwrap();
    for (who, action) in [
        (&author, ReviewAction::Submit),
        (
            &compliance,
            ReviewAction::Approve {
                override_reason: None,
            },
        ),
    ] {
        let v = w.post(id).await.version;
        service::review::act(w.deps(), who, id, v, action, T0)
            .await
            .unwrap();
    }
    id
}

async fn attached_images_are_published_and_missing_files_fail_the_target(t: &TestDb) {
    let w = World::new(&t.db).await;
    let dir = tempfile::tempdir().unwrap();
    let author = w.actor(Role::Author).await;
    let png = media::testing::text_png(&["PHYSIO ROOM"]);
    let item = service::media::upload(
        w.deps(),
        dir.path(),
        &Default::default(),
        &author,
        "room.png",
        &png,
        T0,
    )
    .await
    .unwrap();
    service::media::describe(
        &w.db,
        &author,
        item.id,
        "An empty physiotherapy room with exercise bars",
        "",
        T0,
    )
    .await
    .unwrap();
    let at = T0 + MIN;
    let id = post_with_image(&w, item.id, at).await;
    let cfg = EngineConfig {
        data_dir: Some(dir.path().to_path_buf()),
        ..config()
    };
    let e = w.engine_with("a", cfg.clone());
    let r = e.tick(at).await.unwrap();
    assert_eq!(r.sent, 1, "{r:?}");
    let state = w.sim.state().await;
    let sent = state
        .posts
        .iter()
        .find(|p| p.platform == Platform::Mastodon)
        .unwrap();
    assert_eq!(sent.media.len(), 1, "the image went with the post");
    assert_eq!(w.post(id).await.status, "published");

    // The stored file disappears: the next post with it fails instead of going out bare.
    let path = service::media::file_path(dir.path(), &item.sha256, &item.kind);
    std::fs::remove_file(path).unwrap();
    let at2 = at + MIN;
    let second = post_with_image(&w, item.id, at2).await;
    let r = e.tick(at2).await.unwrap();
    assert_eq!((r.sent, r.failed), (0, 1), "{r:?}");
    let p = w.publication(second, Platform::Mastodon).await;
    assert_eq!(
        (p.status.as_str(), p.last_error.as_deref()),
        ("failed", Some("media:unreadable"))
    );
    assert_eq!(w.sim.state().await.posts.len(), 1, "nothing else was sent");
}
