//! Industry news feeds (PLAN-8) read from a test server: good feeds are stored as plain
//! text, broken, huge, slow and hostile ones are reported and never stop the job.

use std::time::Duration;

use domain::Role;
use engine::news::NewsConfig;
use engine::EngineConfig;
use store::on_both_backends;
use store::testing::TestDb;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{config, World, T0};

on_both_backends!(feeds_are_read_sanitised_and_failures_reported);

const GOOD: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Public Health Notes</title><link>https://health.example/</link>
<item><title>Dengue season &amp; you</title><link>https://health.example/dengue</link><guid>d-1</guid>
<pubDate>Tue, 01 Sep 2026 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Empty standing water.</p><script>alert('x')</script><a href="javascript:alert(1)">click</a>]]></description></item>
<item><title>World Heart Day</title><link>javascript:alert(2)</link><guid>h-1</guid><description>Checks on 29 September.</description></item>
</channel></rss>"#;

/// Answers by path: /good (with an ETag; 304 when it is sent back), /broken, /huge,
/// /slow, /html.
async fn serve() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, body) = match path.as_str() {
                    "/good" if req.to_ascii_lowercase().contains("if-none-match: \"v1\"") => {
                        ("304 Not Modified", String::new())
                    }
                    "/good" => ("200 OK", GOOD.to_string()),
                    "/broken" => ("200 OK", "<rss><channel><title>Oops</channel>".to_string()),
                    "/huge" => ("200 OK", format!("<rss>{}</rss>", "x".repeat(50_000))),
                    "/html" => (
                        "200 OK",
                        "<!doctype html><html><body>Hi</body></html>".to_string(),
                    ),
                    "/slow" => {
                        tokio::time::sleep(Duration::from_secs(3)).await;
                        ("200 OK", GOOD.to_string())
                    }
                    _ => ("404 Not Found", String::new()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: application/rss+xml\r\nETag: \"v1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(body.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}")
}

async fn feeds_are_read_sanitised_and_failures_reported(t: &TestDb) {
    let w = World::new(&t.db).await;
    let base = serve().await;
    let manager = w.actor(Role::Manager).await;
    let mut ids = Vec::new();
    for path in ["good", "broken", "huge", "slow", "html", "missing"] {
        let id = service::news::follow(&w.db, &manager, &format!("{base}/{path}"), T0)
            .await
            .unwrap();
        ids.push((path, id));
    }
    assert!(matches!(
        service::news::follow(&w.db, &manager, &format!("{base}/good"), T0).await,
        Err(service::ServiceError::Conflict(_))
    ));
    let news = NewsConfig {
        timeout: Duration::from_secs(1),
        limits: feeds::Limits {
            max_bytes: 20_000,
            ..Default::default()
        },
        allow_private: true,
        per_run: 25,
    };
    let e = w.engine_with(
        "a",
        EngineConfig {
            news: news.clone(),
            ..config()
        },
    );
    let r = e.fetch_news(T0).await.unwrap();
    assert_eq!((r.fetched, r.failed, r.new_items), (1, 5, 2), "{r:?}");

    let analyst = w.actor(Role::Analyst).await;
    let feeds = service::news::feeds(&w.db, &analyst).await.unwrap();
    let by = |path: &str| {
        let id = ids.iter().find(|(p, _)| *p == path).unwrap().1;
        feeds.iter().find(|f| f.id == id).unwrap().clone()
    };
    let good = by("good");
    assert_eq!(
        (good.status.as_str(), good.title.as_str()),
        ("ok", "Public Health Notes")
    );
    assert_eq!(good.next_fetch_at, T0 + domain::news::FETCH_EVERY_MS);
    for (path, words) in [
        ("broken", "line"),
        ("huge", "limit"),
        ("slow", "did not answer within 1 s"),
        ("html", "HTML page"),
        ("missing", "404"),
    ] {
        let f = by(path);
        assert_eq!(f.status, "error", "{path}");
        assert!(f.last_error.contains(words), "{path}: {}", f.last_error);
        assert_eq!(
            f.next_fetch_at,
            T0 + 2 * domain::news::FETCH_EVERY_MS,
            "{path} backs off"
        );
    }
    let items = service::news::items(&w.db, &analyst, None, 50)
        .await
        .unwrap();
    assert_eq!(items.len(), 2);
    let dengue = items
        .iter()
        .find(|i| i.title == "Dengue season & you")
        .unwrap();
    assert_eq!(dengue.summary, "Empty standing water. click");
    assert_eq!(
        dengue.link.as_deref(),
        Some("https://health.example/dengue")
    );
    assert!(dengue.published_at.is_some());
    let heart = items.iter().find(|i| i.title == "World Heart Day").unwrap();
    assert_eq!(heart.link, None, "javascript: links are dropped");

    // Next hour: the good feed answers 304 to its ETag; nothing is duplicated.
    let later = T0 + domain::news::FETCH_EVERY_MS;
    let r = e.fetch_news(later).await.unwrap();
    assert_eq!((r.fetched, r.new_items), (1, 0), "{r:?}");
    assert_eq!(
        service::news::items(&w.db, &analyst, None, 50)
            .await
            .unwrap()
            .len(),
        2
    );

    // Without the test's permission, loopback addresses are refused before any request.
    service::news::refresh(&w.db, &manager, good.id, later)
        .await
        .unwrap();
    let strict = w.engine_with("b", config());
    let r = strict.fetch_news(later).await.unwrap();
    assert_eq!(r.failed, 1);
    let f = service::news::feeds(&w.db, &analyst)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.id == good.id)
        .unwrap();
    assert!(
        f.last_error.contains("private or local address"),
        "{}",
        f.last_error
    );

    // Unfollowing removes the feed and its items.
    service::news::unfollow(&w.db, &manager, good.id, later)
        .await
        .unwrap();
    assert!(service::news::items(&w.db, &analyst, None, 50)
        .await
        .unwrap()
        .is_empty());
    assert!(matches!(
        service::news::follow(&w.db, &analyst, "https://x.example/feed", T0).await,
        Err(service::ServiceError::Forbidden(_))
    ));
}
