//! Bluesky over XRPC on the account's PDS: `com.atproto.server.createSession` (app
//! password) and `refreshSession`; `com.atproto.repo.uploadBlob` for images;
//! `com.atproto.repo.createRecord` with an `app.bsky.feed.post` record; `getRecord` and
//! `deleteRecord`.
//!
//! The record key is derived from the idempotency key (see [`record_key`]), which makes
//! lookup exact and a repeated create harmless: the PDS refuses a second record with the
//! same key (today with a 500), and we then read the record back.

mod tid;

pub use tid::{is_tid, record_key};

use base64::Engine;
use domain::platform::Platform;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::config::{Endpoint, Settings};
use crate::connector::{impl_connector, Capabilities, LookupMethod};
use crate::error::PublishError;
use crate::http::{parse, BuildError, Http};
use crate::types::{AccountAuth, Deleted, Lookup, NewTokens, Outgoing, Probe, Published, Secret};

const COLLECTION: &str = "app.bsky.feed.post";

pub struct Bluesky {
    http: Http,
    ep: Endpoint,
}

/// A session from `createSession` or `refreshSession`.
#[derive(Debug, Clone)]
pub struct Session {
    pub did: String,
    pub handle: String,
    pub tokens: NewTokens,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionBody {
    access_jwt: String,
    refresh_jwt: String,
    did: String,
    #[serde(default)]
    handle: String,
}

impl Bluesky {
    pub fn new(ep: Endpoint, settings: &Settings) -> Result<Self, BuildError> {
        Ok(Bluesky {
            http: Http::new(Platform::Bluesky, settings)?,
            ep,
        })
    }

    fn xrpc(&self, server: Option<&str>, method: &str) -> String {
        let base = server.unwrap_or(&self.ep.api_base).trim_end_matches('/');
        format!("{base}/xrpc/{method}")
    }

    /// Sign in with an identifier (handle or DID) and an app password, when connecting an
    /// account or when the refresh token has expired.
    pub async fn create_session(
        &self,
        server: Option<&str>,
        identifier: &str,
        password: &Secret,
    ) -> Result<Session, PublishError> {
        let body = json!({ "identifier": identifier, "password": password.expose() });
        let req = self
            .http
            .client
            .post(self.xrpc(server, "com.atproto.server.createSession"))
            .json(&body);
        let reply = self.http.call(req, "createSession").await?;
        session(&parse(&reply, "createSession")?)
    }

    async fn publish(&self, a: &AccountAuth, post: &Outgoing) -> Result<Published, PublishError> {
        let server = a.server.as_deref();
        let mut images = Vec::new();
        for m in &post.media {
            let req = self
                .http
                .client
                .post(self.xrpc(server, "com.atproto.repo.uploadBlob"))
                .bearer_auth(a.access_token.expose())
                .header("Content-Type", &m.mime)
                .body(m.bytes.clone());
            let blob = async {
                let reply = self.http.call(req, "uploadBlob").await?;
                let v: Value = parse(&reply, "uploadBlob")?;
                v.get("blob")
                    .cloned()
                    .ok_or_else(|| PublishError::unknown("uploadBlob without blob"))
            }
            .await
            .map_err(PublishError::before_create)?;
            images.push(json!({ "alt": m.alt_text, "image": blob }));
        }
        let rkey = record_key(post.created_at, &post.idempotency_key);
        let mut record = json!({
            "$type": COLLECTION,
            "text": post.text,
            "createdAt": created_at(post.created_at),
        });
        let facets = link_facets(&post.text);
        if !facets.is_empty() {
            record["facets"] = json!(facets);
        }
        if let Some(lang) = &post.language {
            record["langs"] = json!([lang]);
        }
        if !images.is_empty() {
            record["embed"] = json!({ "$type": "app.bsky.embed.images", "images": images });
        }
        let body = json!({
            "repo": a.remote_account_id, "collection": COLLECTION, "rkey": rkey, "record": record,
        });
        let req = self
            .http
            .client
            .post(self.xrpc(server, "com.atproto.repo.createRecord"))
            .bearer_auth(a.access_token.expose())
            .json(&body);
        match self.http.call(req, "createRecord").await {
            Ok(reply) => {
                let v: Value = parse(&reply, "createRecord")?;
                let uri = super::field(&v, "/uri", "createRecord")?;
                Ok(published(a, uri, &rkey))
            }
            // Either the key already exists (our earlier attempt landed) or the reply was
            // lost: the record key answers which.
            Err(PublishError::Unknown { detail }) => match self.get_record(a, &rkey).await {
                Ok(Some(uri)) => Ok(published(a, uri, &rkey)),
                _ => Err(PublishError::Unknown { detail }),
            },
            Err(e) => Err(e),
        }
    }

    async fn get_record(
        &self,
        a: &AccountAuth,
        rkey: &str,
    ) -> Result<Option<String>, PublishError> {
        let req = self
            .http
            .client
            .get(self.xrpc(a.server.as_deref(), "com.atproto.repo.getRecord"))
            .query(&[
                ("repo", a.remote_account_id.as_str()),
                ("collection", COLLECTION),
                ("rkey", rkey),
            ])
            .bearer_auth(a.access_token.expose());
        match self.http.call(req, "getRecord").await {
            Ok(reply) => {
                let v: Value = parse(&reply, "getRecord")?;
                Ok(Some(super::field(&v, "/uri", "getRecord")?))
            }
            Err(PublishError::Rejected {
                kind: crate::error::RejectKind::NotFound,
                ..
            }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn lookup(&self, a: &AccountAuth, probe: &Probe) -> Result<Lookup, PublishError> {
        let rkey = record_key(probe.created_at, &probe.idempotency_key);
        Ok(match self.get_record(a, &rkey).await? {
            Some(uri) => Lookup::Found(published(a, uri, &rkey)),
            None => Lookup::NotFound,
        })
    }

    /// `deleteRecord` succeeds whether or not the record exists.
    async fn delete(&self, a: &AccountAuth, uri: &str) -> Result<Deleted, PublishError> {
        let rkey = uri.rsplit('/').next().unwrap_or(uri);
        let body = json!({ "repo": a.remote_account_id, "collection": COLLECTION, "rkey": rkey });
        let req = self
            .http
            .client
            .post(self.xrpc(a.server.as_deref(), "com.atproto.repo.deleteRecord"))
            .bearer_auth(a.access_token.expose())
            .json(&body);
        let reply = self.http.exchange(req, "deleteRecord").await?;
        super::deletion(Platform::Bluesky, &reply)
    }

    async fn refresh(&self, a: &AccountAuth) -> Result<NewTokens, PublishError> {
        let server = a.server.as_deref();
        let refreshed = match &a.refresh_token {
            Some(refresh) => {
                let req = self
                    .http
                    .client
                    .post(self.xrpc(server, "com.atproto.server.refreshSession"))
                    .bearer_auth(refresh.expose());
                match self.http.call(req, "refreshSession").await {
                    Ok(reply) => session(&parse(&reply, "refreshSession")?).map(|s| s.tokens),
                    Err(e) => Err(e),
                }
            }
            None => Err(PublishError::Revoked {
                detail: "no refresh token stored".into(),
            }),
        };
        match (refreshed, &a.app_password) {
            // The refresh token lives longer than the access token but not for ever;
            // with the app password we can open a new session instead of bothering anyone.
            (Err(PublishError::AuthExpired { .. } | PublishError::Revoked { .. }), Some(pw)) => {
                let s = self
                    .create_session(server, &a.remote_account_id, pw)
                    .await?;
                Ok(s.tokens)
            }
            (Err(PublishError::AuthExpired { detail }), None) => {
                Err(PublishError::Revoked { detail })
            }
            (other, _) => other,
        }
    }

    async fn probe(&self, a: &AccountAuth) -> Result<(), PublishError> {
        let req = self
            .http
            .client
            .get(self.xrpc(a.server.as_deref(), "com.atproto.server.getSession"))
            .bearer_auth(a.access_token.expose());
        self.http.call(req, "probe").await.map(|_| ())
    }
}

fn published(a: &AccountAuth, uri: String, rkey: &str) -> Published {
    Published {
        url: Some(format!(
            "https://bsky.app/profile/{}/post/{rkey}",
            a.remote_account_id
        )),
        remote_id: uri,
    }
}

fn session(v: &SessionBody) -> Result<Session, PublishError> {
    Ok(Session {
        did: v.did.clone(),
        handle: v.handle.clone(),
        tokens: NewTokens {
            access_token: Secret::new(v.access_jwt.clone()),
            refresh_token: Some(Secret::new(v.refresh_jwt.clone())),
            expires_at: jwt_expiry(&v.access_jwt),
        },
    })
}

/// The `exp` claim, read without verifying the signature: it only schedules a refresh.
fn jwt_expiry(jwt: &str) -> Option<jiff::Timestamp> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    jiff::Timestamp::from_second(v.get("exp")?.as_i64()?).ok()
}

fn created_at(t: jiff::Timestamp) -> String {
    format!(
        "{}.{:03}Z",
        t.strftime("%Y-%m-%dT%H:%M:%S"),
        t.subsec_millisecond()
    )
}

/// Links are plain text in a record; a facet over their UTF-8 byte range makes them links.
fn link_facets(text: &str) -> Vec<Value> {
    domain::platform::url_ranges(text)
        .into_iter()
        .map(|(start, end)| {
            let raw = &text[start..end];
            let uri = if raw.to_ascii_lowercase().starts_with("www.") {
                format!("https://{raw}")
            } else {
                raw.to_string()
            };
            json!({
                "index": { "byteStart": start, "byteEnd": end },
                "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": uri }],
            })
        })
        .collect()
}

impl_connector!(
    Bluesky,
    Platform::Bluesky,
    Capabilities {
        lookup: LookupMethod::RecordKey,
        refresh: true,
        idempotent_resend: None,
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_cover_links_by_byte_offset() {
        let f = link_facets("नमस्ते www.clinic.example/flu now");
        let start = "नमस्ते ".len();
        assert_eq!(f[0]["index"]["byteStart"], json!(start));
        assert_eq!(
            f[0]["features"][0]["uri"],
            json!("https://www.clinic.example/flu")
        );
    }

    #[test]
    fn jwt_expiry_reads_exp() {
        let payload =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"exp":1750000000}"#);
        let jwt = format!("h.{payload}.s");
        assert_eq!(
            jwt_expiry(&jwt),
            jiff::Timestamp::from_second(1_750_000_000).ok()
        );
        assert_eq!(jwt_expiry("garbage"), None);
    }
}
