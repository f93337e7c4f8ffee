//! What Facebook Pages and Instagram share: the Graph API's versioned paths, its token
//! exchange, deletes, and listing recent posts.

use serde::Deserialize;

use super::{deletion, oauth::expires_in};
use crate::config::Endpoint;
use crate::error::PublishError;
use crate::http::{parse, Http};
use crate::matching::{parse_time, reached_back, Candidate, MAX_LOOKUP_PAGES};
use crate::types::{AccountAuth, Deleted, NewTokens, Probe, Secret};

pub(crate) struct Graph {
    pub http: Http,
    pub ep: Endpoint,
}

#[derive(Deserialize)]
struct Listing {
    #[serde(default)]
    data: Vec<serde_json::Value>,
    #[serde(default)]
    paging: Option<serde_json::Value>,
}

impl Graph {
    /// `{api_base}/{version}/{path}`: the version is part of every Graph path.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}/{}", self.ep.api_base, self.ep.version, path)
    }

    pub fn upload_url(&self, path: &str) -> String {
        format!("{}/{}/{}", self.ep.upload_base, self.ep.version, path)
    }

    /// Graph has no refresh token. A still-valid long-lived token can be exchanged for a
    /// fresh one (`fb_exchange_token`); an expired one cannot, and the exchange fails with
    /// 190, which classifies as needing a reconnect.
    pub async fn exchange_token(&self, account: &AccountAuth) -> Result<NewTokens, PublishError> {
        let Some(app) = &self.ep.app else {
            return Err(PublishError::NotSupported {
                what: "token exchange without Meta app credentials",
            });
        };
        let secret = app.client_secret.as_ref().map(|s| s.expose()).unwrap_or("");
        let req = self
            .http
            .client
            .get(self.url("oauth/access_token"))
            .query(&[
                ("grant_type", "fb_exchange_token"),
                ("client_id", app.client_id.as_str()),
                ("client_secret", secret),
                ("fb_exchange_token", account.access_token.expose()),
            ]);
        let reply = match self.http.call(req, "token exchange").await {
            // The exchange refuses an expired token: only a new login helps now.
            Err(PublishError::AuthExpired { detail }) => {
                return Err(PublishError::Revoked {
                    detail: format!("{detail}; the token cannot be exchanged once expired"),
                })
            }
            other => other?,
        };
        let v: serde_json::Value = parse(&reply, "token exchange")?;
        let token = super::field(&v, "/access_token", "token exchange")?;
        Ok(NewTokens {
            access_token: Secret::new(token),
            refresh_token: None,
            expires_at: v
                .get("expires_in")
                .and_then(serde_json::Value::as_i64)
                .and_then(|s| expires_in(s, jiff::Timestamp::now())),
        })
    }

    pub async fn delete(&self, account: &AccountAuth, id: &str) -> Result<Deleted, PublishError> {
        let req = self
            .http
            .client
            .delete(self.url(id))
            .bearer_auth(account.access_token.expose());
        let reply = self.http.exchange(req, "delete").await?;
        deletion(self.http.platform, &reply)
    }

    /// A cheap read of the page or Instagram user itself.
    pub async fn probe(&self, account: &AccountAuth) -> Result<(), PublishError> {
        let req = self
            .http
            .client
            .get(self.url(&account.remote_account_id))
            .query(&[("fields", "id")])
            .bearer_auth(account.access_token.expose());
        self.http.call(req, "probe").await.map(|_| ())
    }

    /// The posts of an edge such as `{page}/published_posts` or `{ig-user}/media`, newest
    /// first, following the `after` cursor until a page reaches back before
    /// `probe.not_before` (or [`MAX_LOOKUP_PAGES`] pages). Returns the posts and whether the
    /// window since `not_before` was covered.
    pub async fn recent(
        &self,
        account: &AccountAuth,
        edge: &str,
        fields: [&str; 3],
        probe: &Probe,
    ) -> Result<(Vec<Candidate>, bool), PublishError> {
        let [text_field, time_field, link_field] = fields;
        let field_list = format!("id,{text_field},{time_field},{link_field}");
        let mut out = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..MAX_LOOKUP_PAGES {
            let mut query = vec![("fields", field_list.clone()), ("limit", "100".to_string())];
            if let Some(a) = &after {
                query.push(("after", a.clone()));
            }
            let req = self
                .http
                .client
                .get(self.url(edge))
                .query(&query)
                .bearer_auth(account.access_token.expose());
            let reply = self.http.call(req, "list recent").await?;
            let listing: Listing = parse(&reply, "list recent")?;
            let page: Vec<Candidate> = listing
                .data
                .iter()
                .filter_map(|p| candidate(p, text_field, time_field, link_field))
                .collect();
            let back = reached_back(probe, &page);
            out.extend(page);
            let paging = listing.paging.unwrap_or_default();
            after = paging
                .pointer("/cursors/after")
                .and_then(|v| v.as_str())
                .filter(|_| paging.get("next").is_some())
                .map(String::from);
            if back || after.is_none() {
                return Ok((out, true));
            }
        }
        Ok((out, false))
    }
}

fn candidate(
    p: &serde_json::Value,
    text_field: &str,
    time_field: &str,
    link_field: &str,
) -> Option<Candidate> {
    Some(Candidate {
        remote_id: p.get("id")?.as_str()?.to_string(),
        url: p.get(link_field).and_then(|u| u.as_str()).map(String::from),
        text: p
            .get(text_field)
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string(),
        links: vec![],
        created_at: p
            .get(time_field)
            .and_then(|t| t.as_str())
            .and_then(parse_time),
    })
}
