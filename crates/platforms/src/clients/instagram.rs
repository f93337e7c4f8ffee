//! Instagram professional accounts (Instagram API with Facebook Login): create a media
//! container (`POST /{ig-user-id}/media`), poll `GET /{container-id}?fields=status_code`
//! until `FINISHED`, then `POST /{ig-user-id}/media_publish`. Only the last call creates
//! a post; a failure before it leaves at most an unpublished container, which expires.

use domain::platform::Platform;
use serde_json::{json, Value};

use super::graph::Graph;
use super::pause;
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::{PublishError, RejectKind};
use crate::http::{parse, BuildError, Http};
use crate::matching::decide;
use crate::types::{AccountAuth, Deleted, Lookup, Media, NewTokens, Outgoing, Probe, Published};

pub struct Instagram {
    graph: Graph,
    settings: Settings,
}

impl Instagram {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(Instagram {
            graph: Graph {
                http: Http::new(Platform::Instagram, settings)?,
                ep,
            },
            settings: settings.clone(),
        })
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let container = self
            .prepare(a, post)
            .await
            .map_err(PublishError::before_create)?;
        let user = &a.remote_account_id;
        let req = self
            .graph
            .http
            .client
            .post(self.graph.url(&format!("{user}/media_publish")))
            .bearer_auth(a.access_token.expose())
            .json(&json!({ "creation_id": container }));
        let reply = self.graph.http.call(req, "media_publish").await?;
        let v: Value = parse(&reply, "media_publish")?;
        let id = super::field(&v, "/id", "media_publish")?;
        let url = self.permalink(a, &id).await;
        Ok(Published { remote_id: id, url })
    }

    /// Containers for the items (and the carousel), then wait until it can be published.
    async fn prepare(&self, a: &AccountAuth, post: &Outgoing) -> Result<String, PublishError> {
        let container = if let [only] = post.media.as_slice() {
            let mut body = item_body(only, false);
            body["caption"] = json!(post.text);
            self.create_container(a, body).await?
        } else {
            let mut children = Vec::new();
            for m in &post.media {
                children.push(self.create_container(a, item_body(m, true)).await?);
            }
            let body = json!({
                "media_type": "CAROUSEL",
                "children": children.join(","),
                "caption": post.text,
            });
            self.create_container(a, body).await?
        };
        self.wait_until_ready(a, &container).await?;
        Ok(container)
    }

    async fn create_container(&self, a: &AccountAuth, body: Value) -> Result<String, PublishError> {
        let user = &a.remote_account_id;
        let req = self
            .graph
            .http
            .client
            .post(self.graph.url(&format!("{user}/media")))
            .bearer_auth(a.access_token.expose())
            .json(&body);
        let reply = self.graph.http.call(req, "create container").await?;
        let v: Value = parse(&reply, "create container")?;
        super::field(&v, "/id", "create container")
    }

    async fn wait_until_ready(&self, a: &AccountAuth, container: &str) -> Result<(), PublishError> {
        for poll in 0..self.settings.max_polls.max(1) {
            if poll > 0 {
                pause(self.settings.poll_interval).await;
            }
            let req = self
                .graph
                .http
                .client
                .get(self.graph.url(container))
                .query(&[("fields", "status_code")])
                .bearer_auth(a.access_token.expose());
            let reply = self.graph.http.call(req, "container status").await?;
            let v: Value = parse(&reply, "container status")?;
            match v.get("status_code").and_then(Value::as_str).unwrap_or("") {
                "FINISHED" => return Ok(()),
                "IN_PROGRESS" => continue,
                "ERROR" => {
                    return Err(PublishError::Rejected {
                        reason: "Instagram could not process the media".into(),
                        permanent: true,
                        kind: RejectKind::Invalid,
                    })
                }
                // EXPIRED (not published within 24 h) or PUBLISHED (someone else used
                // it): start over with a new container.
                other => {
                    return Err(PublishError::NotReceived {
                        retry_after: None,
                        detail: format!("container status {other}"),
                    })
                }
            }
        }
        Err(PublishError::NotReceived {
            retry_after: Some(self.settings.poll_interval),
            detail: "container still IN_PROGRESS after polling".into(),
        })
    }

    /// Best effort: the post exists whether or not we learn its link.
    async fn permalink(&self, a: &AccountAuth, id: &str) -> Option<String> {
        let req = self
            .graph
            .http
            .client
            .get(self.graph.url(id))
            .query(&[("fields", "permalink")])
            .bearer_auth(a.access_token.expose());
        let reply = self.graph.http.call(req, "permalink").await.ok()?;
        let v: Value = parse(&reply, "permalink").ok()?;
        v.get("permalink")?.as_str().map(String::from)
    }

    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let edge = format!("{}/media", a.remote_account_id);
        let (recent, covered) = self
            .graph
            .recent(a, &edge, ["caption", "timestamp", "permalink"], probe)
            .await?;
        Ok(decide(probe, &probe.text, recent, covered))
    }

    async fn delete(&self, a: &AccountAuth, id: &str) -> Result<Deleted, PublishError> {
        self.graph.delete(a, id).await
    }

    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        self.graph.exchange_token(a).await
    }

    async fn probe(&self, a: &AccountAuth) -> Result<(), PublishError> {
        self.graph.probe(a).await
    }
}

/// Instagram fetches media itself from `public_url` (checked before any call).
fn item_body(m: &Media, carousel_item: bool) -> Value {
    let url = m.public_url.clone().unwrap_or_default();
    let mut body = if m.is_video() {
        let kind = if carousel_item { "VIDEO" } else { "REELS" };
        json!({ "media_type": kind, "video_url": url })
    } else {
        json!({ "image_url": url, "alt_text": m.alt_text })
    };
    if carousel_item {
        body["is_carousel_item"] = json!(true);
    }
    body
}

impl_connector!(
    Instagram,
    Platform::Instagram,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: None,
    }
);
