//! Google Business Profile local posts: `POST /v4/{location}/localPosts` where
//! `{location}` is `accounts/{a}/locations/{l}`. A photo is referenced by `sourceUrl`
//! (Google fetches it), never uploaded. Refresh through Google's token endpoint.

use domain::platform::Platform;
use serde_json::{json, Value};

use super::deletion;
use super::oauth::{refresh_grant, ClientAuth};
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::PublishError;
use crate::http::{parse, BuildError, Http};
use crate::matching::{parse_time, pick, Candidate};
use crate::types::{AccountAuth, Deleted, Lookup, NewTokens, Outgoing, Probe, Published};

pub struct GoogleBusiness {
    http: Http,
    ep: Endpoint,
}

impl GoogleBusiness {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(GoogleBusiness {
            http: Http::new(Platform::GoogleBusiness, settings)?,
            ep,
        })
    }

    fn posts_url(&self, a: &AccountAuth) -> String {
        format!("{}/v4/{}/localPosts", self.ep.api_base, a.remote_account_id)
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let media: Vec<Value> = post
            .media
            .iter()
            .map(|m| {
                let format = if m.is_video() { "VIDEO" } else { "PHOTO" };
                json!({ "mediaFormat": format, "sourceUrl": m.public_url })
            })
            .collect();
        let mut body = json!({
            "languageCode": post.language.as_deref().unwrap_or("en"),
            "summary": post.text,
            "topicType": "STANDARD",
        });
        if !media.is_empty() {
            body["media"] = json!(media);
        }
        let req = self
            .http
            .client
            .post(self.posts_url(a))
            .bearer_auth(a.access_token.expose())
            .json(&body);
        let reply = self.http.call(req, "create local post").await?;
        let v: Value = parse(&reply, "create local post")?;
        let name = super::field(&v, "/name", "create local post")?;
        Ok(Published {
            remote_id: name,
            url: v.get("searchUrl").and_then(Value::as_str).map(String::from),
        })
    }

    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let req = self
            .http
            .client
            .get(self.posts_url(a))
            .query(&[("pageSize", "100")])
            .bearer_auth(a.access_token.expose());
        let v: Value = parse(
            &self.http.call(req, "list local posts").await?,
            "list local posts",
        )?;
        let posts = v
            .get("localPosts")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let candidates = posts
            .iter()
            .filter_map(|p| {
                Some(Candidate {
                    remote_id: p.get("name")?.as_str()?.to_string(),
                    url: p.get("searchUrl").and_then(Value::as_str).map(String::from),
                    text: p
                        .get("summary")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    links: vec![],
                    created_at: p
                        .get("createTime")
                        .and_then(Value::as_str)
                        .and_then(parse_time),
                })
            })
            .collect();
        Ok(pick(probe, &probe.text, candidates))
    }

    /// `name` is the full resource name the create call returned.
    async fn delete(&self, a: &AccountAuth, name: &str) -> Result<Deleted, PublishError> {
        let url = format!("{}/v4/{name}", self.ep.api_base);
        let req = self
            .http
            .client
            .delete(url)
            .bearer_auth(a.access_token.expose());
        let reply = self.http.exchange(req, "delete").await?;
        deletion(Platform::GoogleBusiness, &reply)
    }

    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        let url = format!("{}/token", self.ep.auth_base);
        refresh_grant(
            &self.http,
            &url,
            self.ep.app.as_ref(),
            a,
            ClientAuth::InBody,
        )
        .await
    }

    async fn probe(&self, a: &AccountAuth) -> Result<(), PublishError> {
        let req = self
            .http
            .client
            .get(self.posts_url(a))
            .query(&[("pageSize", "1")])
            .bearer_auth(a.access_token.expose());
        self.http.call(req, "probe").await.map(|_| ())
    }
}

impl_connector!(
    GoogleBusiness,
    Platform::GoogleBusiness,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: None,
    }
);
