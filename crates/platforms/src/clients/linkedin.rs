//! LinkedIn organisation pages through the versioned REST API: `POST /rest/posts` with
//! `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`; images and video uploaded
//! first (`/rest/images`, `/rest/videos` `initializeUpload`, then PUT to the upload URL);
//! refresh at `www.linkedin.com/oauth/v2/accessToken`.

mod little_text;

pub use little_text::escape_little_text;

use domain::platform::Platform;
use reqwest::RequestBuilder;
use serde_json::{json, Value};

use super::deletion;
use super::oauth::{refresh_grant, ClientAuth};
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::PublishError;
use crate::http::{parse, BuildError, Http};
use crate::matching::{pick, Candidate};
use crate::types::{AccountAuth, Deleted, Lookup, Media, NewTokens, Outgoing, Probe, Published};

pub struct Linkedin {
    http: Http,
    ep: Endpoint,
}

impl Linkedin {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(Linkedin {
            http: Http::new(Platform::Linkedin, settings)?,
            ep,
        })
    }

    /// Every `/rest` call names the API version; LinkedIn answers 426 once it is retired.
    fn rest(&self, req: RequestBuilder, a: &AccountAuth) -> RequestBuilder {
        req.bearer_auth(a.access_token.expose())
            .header("LinkedIn-Version", &self.ep.version)
            .header("X-Restli-Protocol-Version", "2.0.0")
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.ep.api_base)
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let mut content = None;
        let mut images = Vec::new();
        for m in &post.media {
            let urn = if m.is_video() {
                self.upload_video(a, m).await
            } else {
                self.upload_image(a, m).await
            }
            .map_err(PublishError::before_create)?;
            images.push(json!({ "id": urn, "altText": m.alt_text }));
        }
        if let [single] = images.as_slice() {
            content = Some(json!({ "media": single }));
        } else if !images.is_empty() {
            content = Some(json!({ "multiImage": { "images": images } }));
        }
        let mut body = json!({
            "author": a.remote_account_id,
            "commentary": escape_little_text(&post.text),
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": []
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": false
        });
        if let Some(c) = content {
            body["content"] = c;
        }
        let req = self
            .rest(self.http.client.post(self.url("/rest/posts")), a)
            .json(&body);
        let reply = self.http.call(req, "create post").await?;
        // 201 with the new post's URN in a header and an empty body.
        let urn = reply
            .header("x-restli-id")
            .or_else(|| reply.header("x-linkedin-id"))
            .map(String::from)
            .ok_or_else(|| PublishError::unknown("create post: 201 without x-restli-id"))?;
        Ok(Published {
            url: Some(format!("https://www.linkedin.com/feed/update/{urn}")),
            remote_id: urn,
        })
    }

    async fn upload_image(&self, a: &AccountAuth, m: &Media) -> Result<String, PublishError> {
        let body = json!({ "initializeUploadRequest": { "owner": a.remote_account_id } });
        let req = self.rest(
            self.http
                .client
                .post(self.url("/rest/images?action=initializeUpload")),
            a,
        );
        let reply = self.http.call(req.json(&body), "image initialize").await?;
        let v: Value = parse(&reply, "image initialize")?;
        let upload_url = super::field(&v, "/value/uploadUrl", "image initialize")?;
        let urn = super::field(&v, "/value/image", "image initialize")?;
        let req = self
            .http
            .client
            .put(upload_url)
            .bearer_auth(a.access_token.expose())
            .header("Content-Type", &m.mime)
            .body(m.bytes.clone());
        self.http.call(req, "image upload").await?;
        Ok(urn)
    }

    async fn upload_video(&self, a: &AccountAuth, m: &Media) -> Result<String, PublishError> {
        let body = json!({ "initializeUploadRequest": {
            "owner": a.remote_account_id,
            "fileSizeBytes": m.bytes.len(),
            "uploadCaptions": false,
            "uploadThumbnail": false
        }});
        let req = self.rest(
            self.http
                .client
                .post(self.url("/rest/videos?action=initializeUpload")),
            a,
        );
        let reply = self.http.call(req.json(&body), "video initialize").await?;
        let v: Value = parse(&reply, "video initialize")?;
        let urn = super::field(&v, "/value/video", "video initialize")?;
        let token = v
            .pointer("/value/uploadToken")
            .and_then(Value::as_str)
            .unwrap_or("");
        let parts = v
            .pointer("/value/uploadInstructions")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut etags = Vec::new();
        for part in &parts {
            let url = super::field(part, "/uploadUrl", "video instructions")?;
            let first = part.get("firstByte").and_then(Value::as_u64).unwrap_or(0) as usize;
            let last = part
                .get("lastByte")
                .and_then(Value::as_u64)
                .map(|l| l as usize);
            let end = last.map_or(m.bytes.len(), |l| (l + 1).min(m.bytes.len()));
            let bytes = m.bytes.slice(first.min(end)..end);
            let req = self
                .http
                .client
                .put(url)
                .bearer_auth(a.access_token.expose())
                .body(bytes);
            let reply = self.http.call(req, "video part").await?;
            etags.push(reply.header("etag").unwrap_or("").to_string());
        }
        let body = json!({ "finalizeUploadRequest": {
            "video": urn, "uploadToken": token, "uploadedPartIds": etags
        }});
        let req = self.rest(
            self.http
                .client
                .post(self.url("/rest/videos?action=finalizeUpload")),
            a,
        );
        self.http.call(req.json(&body), "video finalize").await?;
        Ok(urn)
    }

    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let reply = self.list(a, 50).await?;
        let v: Value = parse(&reply, "list posts")?;
        let elements = v
            .get("elements")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let candidates = elements
            .iter()
            .filter_map(|e| {
                let id = e.get("id")?.as_str()?.to_string();
                Some(Candidate {
                    url: Some(format!("https://www.linkedin.com/feed/update/{id}")),
                    remote_id: id,
                    text: little_text::unescape(e.get("commentary")?.as_str()?),
                    links: vec![],
                    created_at: e
                        .get("createdAt")
                        .and_then(Value::as_i64)
                        .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok()),
                })
            })
            .collect();
        Ok(pick(probe, &probe.text, candidates))
    }

    async fn list(
        &self,
        a: &AccountAuth,
        count: u32,
    ) -> Result<crate::classify::Reply, PublishError> {
        let req = self
            .rest(self.http.client.get(self.url("/rest/posts")), a)
            .query(&[
                ("author", a.remote_account_id.as_str()),
                ("q", "author"),
                ("count", &count.to_string()),
                ("sortBy", "LAST_MODIFIED"),
            ]);
        self.http.call(req, "list posts").await
    }

    async fn delete(&self, a: &AccountAuth, urn: &str) -> Result<Deleted, PublishError> {
        let url = self.url(&format!("/rest/posts/{}", urlencoding::encode(urn)));
        let reply = self
            .http
            .exchange(self.rest(self.http.client.delete(url), a), "delete")
            .await?;
        deletion(Platform::Linkedin, &reply)
    }

    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        let url = format!("{}/oauth/v2/accessToken", self.ep.auth_base);
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
        self.list(a, 1).await.map(|_| ())
    }
}

impl_connector!(
    Linkedin,
    Platform::Linkedin,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: None,
    }
);
