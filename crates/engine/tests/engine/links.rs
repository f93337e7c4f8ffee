//! Links in published posts become first-party short links (COMPOSE-5), the same ones on
//! every attempt, with campaign parameters from the platform and the campaign only.

use domain::platform::Platform;
use domain::Role;
use engine::EngineConfig;
use sim::{Fault, FaultRule};
use store::on_both_backends;
use store::testing::TestDb;

use crate::support::{config, World, MIN, T0};

on_both_backends!(published_links_are_short_links_reused_on_retry);

const BASE: &str = "https://social.narmada.example";

async fn published_links_are_short_links_reused_on_retry(t: &TestDb) {
    let w = World::new(&t.db).await;
    let owner = w.actor(Role::Owner).await;
    let campaign = service::plans::CampaignInput {
        name: "World Heart Day 2026".into(),
        goal: "Screenings".into(),
        hashtags: "#HeartHealth".into(),
        starts_on: "2026-09-20".into(),
        ends_on: "2026-09-30".into(),
    };
    let campaign = service::plans::add_campaign(&w.db, &owner, &campaign, T0)
        .await
        .unwrap();
    let at = T0 + MIN;
    let text = "Heart checks all week: https://narmada.example/heart-week. Read more at https://www.who.int/news.";
    let id = w
        .scheduled_post_in(text, &[Platform::Mastodon, Platform::X], at, Some(campaign))
        .await;
    // X fails once without receiving anything; the retry must carry the same links.
    w.sim
        .inject(
            FaultRule::new(Fault::ServerError { status: 503 })
                .on(Platform::X)
                .times(1),
        )
        .await;
    let e = w.engine_with(
        "a",
        EngineConfig {
            link_base: Some(BASE.into()),
            ..config()
        },
    );
    e.tick(at).await.unwrap();
    e.tick(at + 10 * MIN).await.unwrap();
    let state = w.sim.state().await;
    let sent: Vec<&str> = state.posts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(sent.len(), 2, "{sent:?}");
    for t in &sent {
        assert!(!t.contains("narmada.example/heart-week"), "{t}");
        assert!(
            t.starts_with("Heart checks all week: https://social.narmada.example/l/"),
            "{t}"
        );
        assert!(
            t.ends_with('.'),
            "sentence punctuation stays outside the link: {t}"
        );
    }
    let mut c = w.db.conn().await.unwrap();
    let links = store::links::clicks_for_post(&mut c, 1, id).await.unwrap();
    drop(c);
    assert_eq!(links.len(), 4, "two links for each of two targets");
    let heart: Vec<_> = links
        .iter()
        .filter(|l| l.original == "https://narmada.example/heart-week")
        .collect();
    assert_eq!(heart.len(), 2);
    assert_ne!(heart[0].code, heart[1].code, "one short link per target");
    let dest = &heart
        .iter()
        .find(|l| l.account_id == w.account(Platform::X))
        .unwrap()
        .destination;
    assert_eq!(
        dest,
        "https://narmada.example/heart-week?utm_source=x&utm_medium=social&utm_campaign=world-heart-day-2026"
    );
    // Every short link in what the platforms received exists.
    for t in &sent {
        for u in domain::links::find_urls(t) {
            let code = u.url.rsplit('/').next().unwrap();
            let mut c = w.db.conn().await.unwrap();
            assert!(
                store::links::by_code(&mut c, code).await.unwrap().is_some(),
                "{code}"
            );
        }
    }
}
