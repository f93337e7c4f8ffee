//! Facebook Pages: `POST /{version}/{page-id}/feed`, photos uploaded unpublished to
//! `/{page-id}/photos` and attached by id, one video to `/{page-id}/videos` on the video
//! host.

use domain::platform::Platform;
use reqwest::multipart::{Form, Part};
use serde_json::json;

use super::graph::Graph;
use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::PublishError;
use crate::http::{parse, BuildError, Http};
use crate::matching::decide;
use crate::types::{AccountAuth, Deleted, Lookup, Media, NewTokens, Outgoing, Probe, Published};

pub struct Facebook {
    graph: Graph,
}

impl Facebook {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(Facebook {
            graph: Graph {
                http: Http::new(Platform::Facebook, settings)?,
                ep,
            },
        })
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let page = &a.remote_account_id;
        if let Some(video) = post.media.iter().find(|m| m.is_video()) {
            return self.publish_video(a, post, video).await;
        }
        let mut attached = Vec::new();
        for image in post.media.iter().filter(|m| m.is_image()) {
            let id = self
                .upload_photo(a, image)
                .await
                .map_err(PublishError::before_create)?;
            attached.push(json!({ "media_fbid": id }));
        }
        let mut body = json!({ "message": post.text, "published": true });
        if !attached.is_empty() {
            body["attached_media"] = json!(attached);
        }
        let req = self
            .graph
            .http
            .client
            .post(self.graph.url(&format!("{page}/feed")))
            .bearer_auth(a.access_token.expose())
            .json(&body);
        let reply = self.graph.http.call(req, "feed post").await?;
        let v: serde_json::Value = parse(&reply, "feed post")?;
        let id = super::field(&v, "/id", "feed post")?;
        Ok(Published {
            url: Some(format!("https://www.facebook.com/{id}")),
            remote_id: id,
        })
    }

    /// Unpublished, so the photo only appears as part of the feed post.
    async fn upload_photo(&self, a: &AccountAuth, image: &Media) -> Result<String, PublishError> {
        let page = &a.remote_account_id;
        let part = Part::bytes(image.bytes.to_vec())
            .file_name("photo")
            .mime_str(&image.mime)
            .map_err(|_| PublishError::local("invalid image MIME type"))?;
        let form = Form::new()
            .text("published", "false")
            .text("alt_text_custom", image.alt_text.clone())
            .part("source", part);
        let req = self
            .graph
            .http
            .client
            .post(self.graph.url(&format!("{page}/photos")))
            .bearer_auth(a.access_token.expose())
            .multipart(form);
        let reply = self.graph.http.call(req, "photo upload").await?;
        let v: serde_json::Value = parse(&reply, "photo upload")?;
        super::field(&v, "/id", "photo upload")
    }

    /// The video upload creates the post itself, so it is the create call.
    async fn publish_video(
        &self,
        a: &AccountAuth,
        post: &Outgoing,
        video: &Media,
    ) -> Result<Published, PublishError> {
        let page = &a.remote_account_id;
        let part = Part::bytes(video.bytes.to_vec())
            .file_name("video")
            .mime_str(&video.mime)
            .map_err(|_| PublishError::local("invalid video MIME type"))?;
        let mut form = Form::new()
            .text("description", post.text.clone())
            .part("source", part);
        if let Some(t) = &post.title {
            form = form.text("title", t.clone());
        }
        let req = self
            .graph
            .http
            .client
            .post(self.graph.upload_url(&format!("{page}/videos")))
            .bearer_auth(a.access_token.expose())
            .multipart(form);
        let reply = self.graph.http.call(req, "video post").await?;
        let v: serde_json::Value = parse(&reply, "video post")?;
        let id = super::field(&v, "/id", "video post")?;
        Ok(Published {
            url: Some(format!("https://www.facebook.com/{page}/videos/{id}")),
            remote_id: id,
        })
    }

    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let edge = format!("{}/published_posts", a.remote_account_id);
        let (recent, covered) = self
            .graph
            .recent(
                a,
                &edge,
                ["message", "created_time", "permalink_url"],
                probe,
            )
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

impl_connector!(
    Facebook,
    Platform::Facebook,
    Capabilities {
        lookup: LookupMethod::RecentPosts,
        refresh: true,
        idempotent_resend: None,
    }
);
