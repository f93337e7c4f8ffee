//! `bedside`: the one binary. Subcommands run the server and administer it.

mod admin;
mod config;
mod keys;
mod logging;
mod publisher;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "bedside",
    version,
    about = "Bedside: social media for healthcare organisations, with patient privacy built in."
)]
struct Cli {
    /// TOML configuration file (also BEDSIDE_CONFIG).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB (also BEDSIDE_DATABASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application (applies migrations first).
    Serve(serve::ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Manage users from the server's shell.
    #[command(subcommand)]
    User(admin::UserCommand),
    /// Inspect the tamper-evident audit log.
    #[command(subcommand)]
    Audit(admin::AuditCommand),
    /// Write a consistent online copy of the SQLite database to FILE.
    Backup {
        /// Destination file (must not exist).
        file: PathBuf,
    },
    /// Find patient and personal information in text (PHI/PII detector).
    Scan(batch::ScanArgs),
    /// Run the compliance engine over check requests.
    Check(batch::CheckArgs),
    /// Score the PHI detector on labelled data sets (character-level P/R/F2, texts/s).
    Eval(batch::EvalArgs),
    /// Score the compliance engine on labelled check cases (compliance-dev.jsonl format).
    EvalCompliance(batch::CheckEvalArgs),
    /// Serve the eight platform APIs from memory for tests and demos (platform simulator).
    Sim(sim::SimArgs),
    /// Manage the installation key that seals platform tokens and patient names.
    #[command(subcommand)]
    Keys(KeysCommand),
}

#[derive(clap::Subcommand)]
enum KeysCommand {
    /// Generate a new key and re-seal every stored secret under it.
    Rotate,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let flags = config::Flags {
        config_file: cli.config.clone(),
        database_url: cli.database_url.clone(),
        ..Default::default()
    };
    // The pure text tools need neither configuration nor a runtime.
    let command = match cli.command {
        Command::Scan(a) => return batch::run_scan(a),
        Command::Check(a) => return batch::run_check(a),
        Command::Eval(a) => return batch::run_eval(a),
        Command::EvalCompliance(a) => return batch::run_compliance_eval(a),
        other => other,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let result = runtime.block_on(async move {
        match command {
            Command::Serve(a) => serve::run(flags, a).await,
            Command::Migrate => admin::migrate(flags).await,
            Command::User(c) => admin::user(flags, c).await,
            Command::Audit(c) => admin::audit(flags, c).await,
            Command::Backup { file } => admin::backup(flags, file).await,
            Command::Sim(a) => {
                logging::init("pretty");
                sim::run(a).await?;
                Ok(ExitCode::SUCCESS)
            }
            Command::Keys(KeysCommand::Rotate) => {
                let cfg = config::Config::load(&flags)?;
                keys::rotate(&cfg).await?;
                Ok(ExitCode::SUCCESS)
            }
            Command::Scan(_)
            | Command::Check(_)
            | Command::Eval(_)
            | Command::EvalCompliance(_) => {
                unreachable!("handled above")
            }
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
