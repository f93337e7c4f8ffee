//! The platform simulator behind `bedside sim`: the eight platform APIs Bedside publishes
//! to, served from memory on local ports, with fault injection and an inspectable state.
//!
//! Each platform listens on its own port, so a platform can refuse connections on its
//! own and the connectors' base URLs point at it unchanged. A control port serves
//! `/_sim/*`. In tests, [`spawn`] starts everything on port 0 and returns a [`SimHandle`].
//!
//! See `docs/platforms.md` for the endpoints, the faults, and what is not modelled.

mod api;
mod control;
mod errors;
mod faults;
mod gate;
mod server;
mod state;
mod world;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use domain::platform::Platform;

pub use faults::{AfterAccept, Fault, FaultRule, Scope};
pub use state::{AccountView, Snapshot};
pub use world::{Account, MediaItem, Post};

use control::Control;
use gate::Sim;
use server::Server;
use world::World;

#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("could not listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("waiting for Ctrl-C failed: {0}")]
    Signal(std::io::Error),
}

/// `bedside sim`
#[derive(Debug, Clone, clap::Args)]
pub struct SimArgs {
    /// The control address (`/_sim/*`). The eight platforms listen on the next eight
    /// ports (Facebook, Instagram, X, LinkedIn, YouTube, Google Business Profile,
    /// Mastodon, Bluesky), or on ephemeral ports when this port is 0.
    #[arg(long, default_value = "127.0.0.1:9800", env = "BEDSIDE_SIM_LISTEN")]
    pub listen: SocketAddr,
}

#[derive(Debug, Clone)]
pub struct SimConfig {
    pub host: IpAddr,
    /// 0 for an ephemeral port.
    pub control_port: u16,
    /// Each platform's port; `None` (or a missing platform) means ephemeral.
    pub platform_ports: HashMap<Platform, u16>,
    /// Accounts the simulator accepts; [`demo_accounts`] by default.
    pub accounts: Vec<Account>,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            control_port: 0,
            platform_ports: HashMap::new(),
            accounts: demo_accounts(),
        }
    }
}

impl SimConfig {
    /// The `bedside sim` layout: control at `listen`, platforms on the next eight ports.
    pub fn from_listen(listen: SocketAddr) -> Self {
        let base = listen.port();
        let platform_ports = Platform::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    *p,
                    if base == 0 {
                        0
                    } else {
                        base.saturating_add(i as u16 + 1)
                    },
                )
            })
            .collect();
        SimConfig {
            host: listen.ip(),
            control_port: base,
            platform_ports,
            accounts: demo_accounts(),
        }
    }
}

/// One account per platform, with the ids the platforms would use.
pub fn demo_accounts() -> Vec<Account> {
    let mut accounts = vec![
        Account::new(Platform::Facebook, "104857600000001"),
        Account::new(Platform::Instagram, "17841400000000001"),
        Account::new(Platform::X, "1500000000000000001"),
        Account::new(Platform::Linkedin, "urn:li:organization:1001"),
        Account::new(Platform::Youtube, "UCbedsideSimChannel0001"),
        Account::new(Platform::GoogleBusiness, "accounts/1001/locations/2002"),
        Account::new(Platform::Mastodon, "110000000000000001"),
        Account::new(Platform::Bluesky, "did:plc:bedsidesimdemo0001"),
    ];
    if let Some(b) = accounts
        .iter_mut()
        .find(|a| a.platform == Platform::Bluesky)
    {
        b.handle = "clinic.bsky.social".into();
    }
    accounts
}

/// A running simulator. Dropping it stops every listener.
pub struct SimHandle {
    control: Arc<Control>,
    control_server: Server,
}

/// Start the simulator in this process.
pub async fn spawn(config: SimConfig) -> Result<SimHandle, SimError> {
    let mut world = World::default();
    for a in config.accounts {
        world.add_account(a);
    }
    let sim = Sim::new(world);
    let mut servers = HashMap::new();
    for p in Platform::ALL {
        let port = config.platform_ports.get(&p).copied().unwrap_or(0);
        let addr = SocketAddr::new(config.host, port);
        let server = Server::bind(addr, api::router(sim.clone(), p))
            .await
            .map_err(|source| SimError::Listen { addr, source })?;
        sim.set_base(p, format!("http://{}", server.addr));
        servers.insert(p, server);
    }
    let control = Arc::new(Control {
        sim,
        servers: tokio::sync::Mutex::new(servers),
    });
    let addr = SocketAddr::new(config.host, config.control_port);
    let control_server = Server::bind(addr, control::router(control.clone()))
        .await
        .map_err(|source| SimError::Listen { addr, source })?;
    Ok(SimHandle {
        control,
        control_server,
    })
}

/// `bedside sim`: serve until Ctrl-C.
pub async fn run(args: SimArgs) -> Result<(), SimError> {
    let handle = spawn(SimConfig::from_listen(args.listen)).await?;
    println!("Bedside platform simulator");
    println!("  control            {}/_sim/state", handle.control_url());
    for p in Platform::ALL {
        println!("  {:<18} {}", p.as_str(), handle.base_url(p));
    }
    println!("Demo accounts: GET {}/_sim/accounts", handle.control_url());
    tokio::signal::ctrl_c().await.map_err(SimError::Signal)?;
    Ok(())
}

impl SimHandle {
    /// What to configure as the platform's base URL (API, auth and upload alike).
    pub fn base_url(&self, platform: Platform) -> String {
        self.control.sim.base(platform)
    }

    /// Every platform's base URL, in `Platform::ALL` order.
    pub fn base_urls(&self) -> Vec<(Platform, String)> {
        Platform::ALL
            .iter()
            .map(|p| (*p, self.base_url(*p)))
            .collect()
    }

    pub fn control_url(&self) -> String {
        format!("http://{}", self.control_server.addr)
    }

    pub async fn state(&self) -> Snapshot {
        self.control.snapshot().await
    }

    /// The first account on a platform (the demo account by default), with its tokens.
    pub fn account(&self, platform: Platform) -> Option<Account> {
        let w = self.control.sim.world();
        w.accounts.iter().find(|a| a.platform == platform).cloned()
    }

    /// An account as it is now (tokens change on refresh).
    pub fn account_by_id(&self, platform: Platform, id: &str) -> Option<Account> {
        self.control.sim.world().account(platform, id).cloned()
    }

    pub fn add_account(&self, platform: Platform, id: &str) -> Account {
        self.control.add_account(platform, id)
    }

    pub async fn inject(&self, rule: FaultRule) {
        self.control.inject(rule).await;
    }

    pub async fn clear_faults(&self) -> std::io::Result<()> {
        self.control.clear_faults().await
    }

    /// Forget posts, media and counters; keep accounts and faults.
    pub fn reset(&self) {
        self.control.sim.world().reset_content();
    }
}
