//! The simulator over plain HTTP, as `bedside sim` users and other tests see it: the
//! control endpoints, platform-shaped errors, and the layout of `--listen`.

use std::net::SocketAddr;

use domain::platform::Platform;
use serde_json::{json, Value};
use sim::{SimConfig, SimHandle};

async fn start() -> SimHandle {
    sim::spawn(SimConfig::default())
        .await
        .expect("simulator starts")
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client")
}

async fn mastodon_post(
    sim: &SimHandle,
    key: &str,
    text: &str,
) -> reqwest::Result<reqwest::Response> {
    let token = sim.account(Platform::Mastodon).expect("demo").access_token;
    client()
        .post(format!(
            "{}/api/v1/statuses",
            sim.base_url(Platform::Mastodon)
        ))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({ "status": text }))
        .send()
        .await
}

#[tokio::test]
async fn state_and_accounts_endpoints() {
    let sim = start().await;
    mastodon_post(&sim, "k1", "Hello").await.expect("sent");
    let state: Value = client()
        .get(format!("{}/_sim/state", sim.control_url()))
        .send()
        .await
        .expect("state")
        .json()
        .await
        .expect("json");
    assert_eq!(state["posts"][0]["text"], "Hello");
    assert_eq!(state["requests"]["mastodon"], 1);
    assert!(
        state["accounts"][0].get("access_token").is_none(),
        "no tokens in the state view"
    );

    let accounts: Value = client()
        .get(format!("{}/_sim/accounts", sim.control_url()))
        .send()
        .await
        .expect("accounts")
        .json()
        .await
        .expect("json");
    assert_eq!(
        accounts.as_array().map(Vec::len),
        Some(8),
        "one demo account per platform"
    );
    assert!(accounts[0]["access_token"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));

    let added: Value = client()
        .post(format!("{}/_sim/accounts", sim.control_url()))
        .json(&json!({ "platform": "x", "id": "42" }))
        .send()
        .await
        .expect("add")
        .json()
        .await
        .expect("json");
    assert_eq!(added["id"], "42");
    assert!(sim.account_by_id(Platform::X, "42").is_some());

    let reset = client()
        .post(format!("{}/_sim/reset", sim.control_url()))
        .send()
        .await
        .expect("reset");
    assert_eq!(reset.status(), 204);
    assert!(sim.state().await.posts.is_empty());
}

#[tokio::test]
async fn faults_through_the_control_endpoint() {
    let sim = start().await;
    let inject = client()
        .post(format!("{}/_sim/faults", sim.control_url()))
        .json(&json!([{ "platform": "mastodon", "fault": { "kind": "server_error", "status": 503 }, "times": 1 }]))
        .send()
        .await
        .expect("inject");
    assert_eq!(inject.status(), 204);
    let refused = mastodon_post(&sim, "k", "Hi").await.expect("answered");
    assert_eq!(refused.status(), 503);
    let ok = mastodon_post(&sim, "k", "Hi").await.expect("answered");
    assert_eq!(ok.status(), 200, "the fault was used up");

    let bad = client()
        .post(format!("{}/_sim/faults", sim.control_url()))
        .json(&json!({ "fault": { "kind": "no_such_fault" } }))
        .send()
        .await
        .expect("answered");
    assert_eq!(bad.status(), 422);
}

#[tokio::test]
async fn refusing_stops_the_listener_and_clearing_brings_it_back() {
    let sim = start().await;
    client()
        .post(format!("{}/_sim/faults", sim.control_url()))
        .json(&json!({ "platform": "mastodon", "fault": { "kind": "refuse" } }))
        .send()
        .await
        .expect("inject");
    let err = mastodon_post(&sim, "k", "Hi").await.expect_err("refused");
    assert!(err.is_connect(), "{err:?}");
    assert_eq!(sim.state().await.refused, vec![Platform::Mastodon]);
    // Other platforms still listen.
    let x = client()
        .get(format!("{}/2/users/me", sim.base_url(Platform::X)))
        .send()
        .await
        .expect("X still up");
    assert_eq!(x.status(), 401, "no token: X's own 401");

    let cleared = client()
        .delete(format!("{}/_sim/faults", sim.control_url()))
        .send()
        .await
        .expect("clear");
    assert_eq!(cleared.status(), 204);
    assert_eq!(
        mastodon_post(&sim, "k", "Hi").await.expect("back").status(),
        200
    );
}

#[tokio::test]
async fn mastodon_idempotency_key_over_http() {
    let sim = start().await;
    let a: Value = mastodon_post(&sim, "same", "Once")
        .await
        .expect("a")
        .json()
        .await
        .expect("json");
    let b: Value = mastodon_post(&sim, "same", "Once")
        .await
        .expect("b")
        .json()
        .await
        .expect("json");
    assert_eq!(a["id"], b["id"]);
    let state = sim.state().await;
    assert_eq!(state.posts.len(), 1);
    assert_eq!(state.posts[0].key_hits, 2);
    assert_eq!(state.create_requests_to(Platform::Mastodon), 2);
    assert!(state.duplicate_texts().is_empty());

    // Without the key, the same text is a second status: a duplicate the state reports.
    mastodon_post(&sim, "other", "Once").await.expect("c");
    let dups = sim.state().await.duplicate_texts();
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0].3, 2);
    assert_eq!(
        sim.state()
            .await
            .posts_containing(Platform::Mastodon, "Onc"),
        2
    );
}

#[tokio::test]
async fn errors_come_in_each_platforms_own_shape() {
    let sim = start().await;
    let no_version = client()
        .get(format!(
            "{}/rest/posts?q=author&author=x",
            sim.base_url(Platform::Linkedin)
        ))
        .bearer_auth(sim.account(Platform::Linkedin).expect("demo").access_token)
        .send()
        .await
        .expect("answered");
    assert_eq!(no_version.status(), 400);
    let body: Value = no_version.json().await.expect("json");
    assert_eq!(body["code"], "VERSION_MISSING");

    let graph: Value = client()
        .get(format!("{}/v23.0/me", sim.base_url(Platform::Facebook)))
        .bearer_auth("not-a-token")
        .send()
        .await
        .expect("answered")
        .json()
        .await
        .expect("json");
    assert_eq!(graph["error"]["code"], 190);

    let xrpc = client()
        .get(format!(
            "{}/xrpc/com.atproto.server.getSession",
            sim.base_url(Platform::Bluesky)
        ))
        .send()
        .await
        .expect("answered");
    assert_eq!(xrpc.status(), 401);
    assert_eq!(
        xrpc.json::<Value>().await.expect("json")["error"],
        "InvalidToken"
    );
}

#[test]
fn listen_puts_the_platforms_on_the_next_eight_ports() {
    let addr: SocketAddr = "127.0.0.1:9800".parse().expect("addr");
    let config = SimConfig::from_listen(addr);
    assert_eq!(config.control_port, 9800);
    assert_eq!(config.platform_ports[&Platform::Facebook], 9801);
    assert_eq!(config.platform_ports[&Platform::Bluesky], 9808);
    let ephemeral = SimConfig::from_listen("127.0.0.1:0".parse().expect("addr"));
    assert!(ephemeral.platform_ports.values().all(|p| *p == 0));
}
