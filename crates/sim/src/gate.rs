//! What every simulated request goes through before its handler acts: counting, faults,
//! authentication; and what happens after it acted (the after-accept faults).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::http::HeaderMap;
use axum::response::Response;
use bytes::Bytes;
use domain::platform::Platform;

use crate::errors::{respond, Problem};
use crate::faults::{take, AfterAccept, Fault};
use crate::world::World;

/// How long a rate-limit reset lies ahead when the fault does not say.
const DEFAULT_RESET_SECS: u64 = 900;

/// The shared simulator state behind every platform's routes.
#[derive(Default)]
pub struct Sim {
    world: Mutex<World>,
    bases: RwLock<HashMap<Platform, String>>,
}

/// A request that passed the gate.
pub(crate) struct Caller {
    pub account: String,
    /// What to do after the handler stored its result.
    pub after: Option<Fault>,
}

impl Sim {
    pub fn new(world: World) -> Arc<Self> {
        Arc::new(Sim {
            world: Mutex::new(world),
            bases: RwLock::new(HashMap::new()),
        })
    }

    /// The state, for reading or changing. A poisoned lock (a panicking handler) still
    /// holds consistent data for a simulator, so it is used as is.
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_base(&self, platform: Platform, base: String) {
        let mut b = self.bases.write().unwrap_or_else(|e| e.into_inner());
        b.insert(platform, base);
    }

    pub fn base(&self, platform: Platform) -> String {
        let b = self.bases.read().unwrap_or_else(|e| e.into_inner());
        b.get(&platform).cloned().unwrap_or_default()
    }

    /// Count the request, apply faults, then check the bearer token.
    pub(crate) async fn enter(
        &self,
        platform: Platform,
        headers: &HeaderMap,
        create: bool,
    ) -> Result<Caller, Response> {
        let token = bearer(headers);
        let (faults, account, sunset) = {
            let mut w = self.world();
            w.count_request(platform, create);
            let account = token.and_then(|t| w.by_access_token(platform, t)).cloned();
            let id = account.as_ref().map(|a| a.id.clone());
            let faults = take(&mut w.faults, platform, id.as_deref(), create);
            (faults, account, w.sunset.contains(&platform))
        };
        let after = pre_faults(platform, &faults, sunset).await?;
        match account {
            None => Err(respond(platform, Problem::InvalidToken)),
            Some(a) if a.revoked => Err(respond(platform, Problem::Revoked)),
            Some(a) if a.expired => Err(respond(platform, Problem::ExpiredToken)),
            Some(a) => Ok(Caller {
                account: a.id,
                after,
            }),
        }
    }

    /// For calls without a bearer token (token refresh, createSession): counting and
    /// faults only.
    pub(crate) async fn enter_open(&self, platform: Platform) -> Result<(), Response> {
        let (faults, sunset) = {
            let mut w = self.world();
            w.count_request(platform, false);
            (
                take(&mut w.faults, platform, None, false),
                w.sunset.contains(&platform),
            )
        };
        pre_faults(platform, &faults, sunset).await.map(|_| ())
    }
}

/// Latency, then refusals that happen before the platform does anything. Returns the
/// after-accept fault, if any, for the handler to apply once it has stored its result.
async fn pre_faults(
    platform: Platform,
    faults: &[Fault],
    sunset: bool,
) -> Result<Option<Fault>, Response> {
    let delay: u64 = faults
        .iter()
        .map(|f| match f {
            Fault::Latency { ms } => *ms,
            _ => 0,
        })
        .sum();
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if sunset {
        return Err(respond(platform, Problem::Sunset));
    }
    let mut after = None;
    for f in faults {
        match f {
            Fault::ServerError { status } => {
                return Err(respond(platform, Problem::Server(*status)))
            }
            Fault::RateLimit { retry_after_secs } => {
                let problem = Problem::RateLimited {
                    retry_after: *retry_after_secs,
                    reset_in: retry_after_secs.unwrap_or(DEFAULT_RESET_SECS),
                };
                return Err(respond(platform, problem));
            }
            Fault::TimeoutAfterAccept { .. } | Fault::ErrorAfterAccept { .. } => {
                after = Some(f.clone())
            }
            _ => {}
        }
    }
    Ok(after)
}

/// Apply an after-accept fault to a handler's success response.
pub(crate) async fn finish(platform: Platform, after: Option<Fault>, ok: Response) -> Response {
    match after {
        Some(Fault::TimeoutAfterAccept {
            mode: AfterAccept::Drop,
        }) => {
            tracing::info!(
                platform = platform.as_str(),
                "sim: dropping the connection after accepting"
            );
            broken()
        }
        Some(Fault::TimeoutAfterAccept {
            mode: AfterAccept::Hang,
        }) => {
            tracing::info!(platform = platform.as_str(), "sim: hanging after accepting");
            std::future::pending::<()>().await;
            ok
        }
        Some(Fault::ErrorAfterAccept { status }) => respond(platform, Problem::Server(status)),
        _ => ok,
    }
}

/// A response whose body fails at once: hyper aborts the connection, so the client
/// sees the request go out and no complete answer come back.
fn broken() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other("simulated connection drop"))
    });
    Response::new(Body::from_stream(failing))
}

pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get("authorization")?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("oauth"))
        .then_some(token.trim())
}
