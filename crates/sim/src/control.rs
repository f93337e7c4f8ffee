//! Controlling the simulator: faults, accounts, state. The same operations back the
//! Rust API ([`crate::SimHandle`]) and the `/_sim/*` endpoints on the control port.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::platform::Platform;
use serde::Deserialize;
use serde_json::json;

use crate::faults::{Fault, FaultRule};
use crate::gate::Sim;
use crate::server::Server;
use crate::state::Snapshot;
use crate::world::Account;

pub(crate) struct Control {
    pub sim: Arc<Sim>,
    pub servers: tokio::sync::Mutex<HashMap<Platform, Server>>,
}

impl Control {
    pub async fn snapshot(&self) -> Snapshot {
        let refused = {
            let servers = self.servers.lock().await;
            let mut r: Vec<Platform> = servers
                .iter()
                .filter(|(_, s)| !s.is_running())
                .map(|(p, _)| *p)
                .collect();
            r.sort_by_key(|p| p.as_str());
            r
        };
        Snapshot::of(&self.sim.world(), refused)
    }

    /// State faults take effect now; per-request faults wait for their requests.
    pub async fn inject(&self, rule: FaultRule) {
        let platforms: Vec<Platform> = match rule.platform {
            Some(p) => vec![p],
            None => Platform::ALL.to_vec(),
        };
        tracing::info!(fault = ?rule.fault, platform = ?rule.platform, "sim: fault injected");
        match rule.fault {
            Fault::Refuse => {
                let mut servers = self.servers.lock().await;
                for p in platforms {
                    if let Some(s) = servers.get_mut(&p) {
                        s.stop().await;
                    }
                }
            }
            Fault::TokenExpired | Fault::Revoked => {
                let mut w = self.sim.world();
                for a in w.accounts.iter_mut() {
                    let hit = platforms.contains(&a.platform)
                        && rule.account.as_ref().is_none_or(|id| *id == a.id);
                    if hit && rule.fault == Fault::TokenExpired {
                        a.expired = true;
                    } else if hit {
                        a.revoked = true;
                    }
                }
            }
            Fault::VersionSunset => {
                let mut w = self.sim.world();
                for p in platforms {
                    if !w.sunset.contains(&p) {
                        w.sunset.push(p);
                    }
                }
            }
            _ => self.sim.world().faults.push(rule),
        }
    }

    /// Back to normal: no faults, every platform listening, no account expired or revoked.
    pub async fn clear_faults(&self) -> std::io::Result<()> {
        {
            let mut w = self.sim.world();
            w.faults.clear();
            w.sunset.clear();
            for a in w.accounts.iter_mut() {
                a.expired = false;
                a.revoked = false;
            }
        }
        let mut servers = self.servers.lock().await;
        for s in servers.values_mut() {
            s.start().await?;
        }
        Ok(())
    }

    pub fn add_account(&self, platform: Platform, id: &str) -> Account {
        self.sim.world().add_account(Account::new(platform, id))
    }
}

pub(crate) fn router(control: Arc<Control>) -> Router {
    Router::new()
        .route("/_sim/state", get(state))
        .route("/_sim/bases", get(bases))
        .route("/_sim/accounts", get(accounts).post(add_account))
        .route("/_sim/faults", post(inject).delete(clear))
        .route("/_sim/reset", post(reset))
        .with_state(control)
}

async fn state(State(c): State<Arc<Control>>) -> Json<Snapshot> {
    Json(c.snapshot().await)
}

async fn bases(State(c): State<Arc<Control>>) -> Response {
    let map: HashMap<&str, String> = Platform::ALL
        .iter()
        .map(|p| (p.as_str(), c.sim.base(*p)))
        .collect();
    Json(map).into_response()
}

/// With tokens: this is how `serve --demo` learns what to connect with.
async fn accounts(State(c): State<Arc<Control>>) -> Response {
    let w = c.sim.world();
    Json(json!(w.accounts)).into_response()
}

#[derive(Deserialize)]
struct NewAccount {
    platform: Platform,
    id: String,
}

async fn add_account(State(c): State<Arc<Control>>, Json(a): Json<NewAccount>) -> Response {
    Json(json!(c.add_account(a.platform, &a.id))).into_response()
}

/// One rule or a list of them.
async fn inject(State(c): State<Arc<Control>>, body: Bytes) -> Response {
    let rules: Vec<FaultRule> = match serde_json::from_slice::<FaultRule>(&body) {
        Ok(r) => vec![r],
        Err(_) => match serde_json::from_slice(&body) {
            Ok(rs) => rs,
            Err(e) => return (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()).into_response(),
        },
    };
    for r in rules {
        c.inject(r).await;
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn clear(State(c): State<Arc<Control>>) -> Response {
    match c.clear_faults().await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("could not listen again: {e}"),
        )
            .into_response(),
    }
}

async fn reset(State(c): State<Arc<Control>>) -> StatusCode {
    c.sim.world().reset_content();
    StatusCode::NO_CONTENT
}
