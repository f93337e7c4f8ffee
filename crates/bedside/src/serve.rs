//! `bedside serve`.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use service::clock::{Clock, SystemClock};
use service::{PasswordCost, Passwords};
use store::Db;

use crate::config::{Config, Flags};
use crate::logging;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Seed a demo clinic network (four locations, two users of every role) if the database is empty.
    #[arg(long)]
    demo: bool,
    /// Print the effective configuration (secrets masked) and exit.
    #[arg(long)]
    print_config: bool,
    /// Address to listen on, e.g. 127.0.0.1:8080 (also BEDSIDE_LISTEN).
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
    /// Log as JSON lines instead of human-readable text.
    #[arg(long)]
    json_logs: bool,
}

/// Open the database, creating the data directory for SQLite, and apply migrations.
pub async fn open_db(cfg: &Config) -> anyhow::Result<Db> {
    if cfg.is_sqlite() {
        std::fs::create_dir_all(&cfg.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                cfg.data_dir.display()
            )
        })?;
    }
    let db = Db::connect(&cfg.database_url).await?;
    db.migrate().await?;
    Ok(db)
}

pub async fn run(mut flags: Flags, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    flags.listen = args.listen.clone();
    flags.json_logs = args.json_logs;
    let cfg = Config::load(&flags)?;
    if args.print_config {
        print!("{}", cfg.masked_toml());
        return Ok(ExitCode::SUCCESS);
    }
    logging::init(&cfg.log_format);
    if cfg.is_sqlite() {
        std::fs::create_dir_all(&cfg.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                cfg.data_dir.display()
            )
        })?;
    }
    let sealer = crate::keys::load_sealer(&cfg.secret_key_file)?;
    let db = open_db(&cfg).await?;
    let listener = tokio::net::TcpListener::bind(&cfg.listen)
        .await
        .with_context(|| format!("cannot listen on {}", cfg.listen))?;
    let addr = listener
        .local_addr()
        .context("cannot read the listening address")?;

    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let passwords = Passwords::new(PasswordCost::Standard);
    if args.demo && service::demo::seed(&db, &passwords, clock.now_ms()).await? {
        let checker = service::checker::Checker::default();
        let deps = service::posts::Deps {
            db: &db,
            sealer: &sealer,
            checker: &checker,
        };
        service::demo::seed_content(deps, clock.now_ms()).await?;
        tracing::info!("seeded the demo organisation");
    }
    let public_url = cfg.public_url.trim_end_matches('/').to_string();
    println!("Bedside is running at {public_url}/ (listening on {addr})");
    if args.demo {
        println!(
            "Demo sign-in: {} / {}  (other roles: compliance@, manager@, author@, responder@, analyst@narmada.example, same password)",
            service::demo::DEMO_USERS[0].0,
            service::demo::DEMO_PASSWORD
        );
    }
    if let Some(token) = service::auth::create_setup_token(&db, clock.now_ms()).await? {
        println!("No users yet. Create the owner account (link works once, for 24 hours):");
        println!("  {public_url}/setup/{token}");
    }
    tracing::info!(
        backend = ?db.backend(),
        %addr,
        startup_ms = started.elapsed().as_millis() as u64,
        "ready"
    );
    let platforms = crate::publisher::Platforms::choose(&cfg, args.demo).await?;
    let connected = platforms
        .connect_demo_accounts(&db, &sealer, clock.now_ms())
        .await?;
    if connected > 0 {
        tracing::info!(
            accounts = connected,
            "connected accounts to the platform simulator"
        );
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let publisher = if cfg.publisher {
        // The publisher's periodic jobs include consent expiry, under a lease.
        let sealer = Arc::new(sealer.clone());
        Some(crate::publisher::spawn(
            db.clone(),
            sealer,
            platforms.connectors()?,
            clock.clone(),
            &cfg,
            stop_rx,
        ))
    } else {
        spawn_consent_expiry(db.clone(), clock.clone());
        None
    };
    let state = web::AppState::new(db.clone(), passwords, clock, cfg.web(), sealer);
    web::serve(listener, state, shutdown_signal())
        .await
        .context("the server stopped")?;
    let _ = stop_tx.send(true);
    if let Some(p) = publisher {
        // Sends in flight finish (or their leases expire and they are reconciled).
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), p).await;
    }
    drop(platforms);
    db.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Every minute, end consents whose validity ran out and flag the posts that relied on them.
/// The job is idempotent (a consent ends once), so several instances may run it.
fn spawn_consent_expiry(db: Db, clock: Arc<dyn Clock>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            match service::consents::expire_due(&db, clock.now_ms()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(expired = n, "consents expired"),
                Err(e) => tracing::error!(error = %e, "consent expiry job failed"),
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
