//! The OAuth 2.0 refresh grant (RFC 6749 §6) as X, LinkedIn, Google and Mastodon speak
//! it, differing only in where the token endpoint is and how the client authenticates.

use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

use crate::config::OAuthApp;
use crate::error::PublishError;
use crate::http::{parse, Http};
use crate::types::{AccountAuth, NewTokens, Secret};

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    refresh_token: Option<String>,
    expires_in: Option<i64>,
}

/// How our app proves who it is at the token endpoint.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClientAuth {
    /// `client_id` and `client_secret` in the form (Google, LinkedIn, Mastodon).
    InBody,
    /// HTTP Basic with id and secret when there is a secret, else `client_id` in the form
    /// (X: confidential and public clients).
    BasicOrPublic,
}

pub(crate) async fn refresh_grant(
    http: &Http,
    token_url: &str,
    app: Option<&OAuthApp>,
    account: &AccountAuth,
    auth: ClientAuth,
) -> Result<NewTokens, PublishError> {
    let Some(app) = app else {
        return Err(PublishError::NotSupported {
            what: "token refresh without OAuth app credentials",
        });
    };
    let Some(refresh) = &account.refresh_token else {
        return Err(PublishError::Revoked {
            detail: "no refresh token stored; reconnect the account".into(),
        });
    };
    let mut form = vec![
        ("grant_type", "refresh_token".to_string()),
        ("refresh_token", refresh.expose().to_string()),
    ];
    let mut req = http.client.post(token_url);
    match (auth, &app.client_secret) {
        (ClientAuth::BasicOrPublic, Some(secret)) => {
            req = req.basic_auth(&app.client_id, Some(secret.expose()));
        }
        (ClientAuth::BasicOrPublic, None) => form.push(("client_id", app.client_id.clone())),
        (ClientAuth::InBody, secret) => {
            form.push(("client_id", app.client_id.clone()));
            if let Some(s) = secret {
                form.push(("client_secret", s.expose().to_string()));
            }
        }
    }
    let reply = http.call(req.form(&form), "oauth refresh").await?;
    let t: TokenResponse = parse(&reply, "oauth refresh")?;
    Ok(NewTokens {
        access_token: Secret::new(t.access_token),
        refresh_token: t.refresh_token.map(Secret::new),
        expires_at: t.expires_in.and_then(|s| expires_in(s, Timestamp::now())),
    })
}

pub(crate) fn expires_in(secs: i64, now: Timestamp) -> Option<Timestamp> {
    if secs <= 0 {
        return None;
    }
    now.checked_add(SignedDuration::from_secs(secs)).ok()
}
