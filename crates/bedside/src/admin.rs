//! Administrative subcommands: migrate, user add, audit verify, backup.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use service::clock::{Clock, SystemClock};
use service::{PasswordCost, Passwords};

use crate::config::{Config, Flags};
use crate::serve::open_db;

#[derive(clap::Subcommand)]
pub enum UserCommand {
    /// Add a member to an organisation. The password is read from the first line of stdin.
    Add {
        #[arg(long)]
        email: String,
        /// Display name
        #[arg(long)]
        name: String,
        /// owner, compliance, manager, author, responder or analyst
        #[arg(long)]
        role: String,
        /// Organisation id (default: the first organisation)
        #[arg(long)]
        org: Option<i64>,
    },
}

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain and report the first altered, inserted or deleted entry.
    Verify,
}

pub async fn migrate(flags: Flags) -> anyhow::Result<ExitCode> {
    let cfg = Config::load(&flags)?;
    let db = open_db(&cfg).await?;
    println!("migrations applied ({:?})", db.backend());
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

pub async fn user(flags: Flags, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    let UserCommand::Add {
        email,
        name,
        role,
        org,
    } = cmd;
    let cfg = Config::load(&flags)?;
    let db = open_db(&cfg).await?;
    let org_id = match org {
        Some(id) => id,
        None => {
            let mut c = db.conn().await?;
            store::orgs::first_id(&mut c).await?.context(
                "there is no organisation yet; run `bedside serve` and complete setup first",
            )?
        }
    };
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("cannot read the password from stdin")?;
    let password = password.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        bail!("give the password on stdin, e.g. `printf '%s\\n' \"$PW\" | bedside user add …`");
    }
    let passwords = Passwords::new(PasswordCost::Standard);
    let new = service::accounts::NewUser {
        email: &email,
        display_name: &name,
        role: &role,
        password,
    };
    let id = service::accounts::add_user_cli(&db, &passwords, org_id, &new, SystemClock.now_ms())
        .await
        .map_err(describe)?;
    println!("user {id} added to organisation {org_id} as {role}");
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

fn describe(e: service::ServiceError) -> anyhow::Error {
    match e {
        service::ServiceError::Invalid(fields) => anyhow::anyhow!(
            "{}",
            fields
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        e => anyhow::anyhow!("{e}"),
    }
}

pub async fn audit(flags: Flags, cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify = cmd;
    let cfg = Config::load(&flags)?;
    let db = open_db(&cfg).await?;
    let r = store::audit::verify(&db).await?;
    db.close().await;
    match r.problem {
        None => {
            println!(
                "audit log intact: {} entries verified; head {} {}",
                r.checked, r.head_seq, r.head_hash
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(p) => {
            println!(
                "AUDIT LOG TAMPERED: {p} ({} entries verified before it)",
                r.checked
            );
            Ok(ExitCode::from(1))
        }
    }
}

pub async fn backup(flags: Flags, file: PathBuf) -> anyhow::Result<ExitCode> {
    let cfg = Config::load(&flags)?;
    let db = open_db(&cfg).await?;
    let size = store::backup::sqlite_backup(&db, &file).await?;
    db.close().await;
    println!("backup written to {} ({size} bytes)", file.display());
    Ok(ExitCode::SUCCESS)
}
