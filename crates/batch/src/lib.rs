//! Command-line front-ends over the pure engines (`bedside scan`, `bedside check`,
//! `bedside eval`). Each `run_*` returns the process exit code.

use std::process::ExitCode;

mod error;
mod eval;
mod eval_report;
pub mod lines;
mod scan;
pub mod score;

pub use error::BatchError;
pub use eval::{run_eval, EvalArgs};
pub use lines::{run_lines, LineJob, LineOutcome, RunStats};
pub use scan::{run_scan, scan, ScanArgs, ScanFormat};

/// `bedside check`: run the compliance engine over check requests.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// File of JSON-lines check requests (default: stdin).
    pub file: Option<std::path::PathBuf>,
}

pub fn run_check(_args: CheckArgs) -> ExitCode {
    eprintln!("bedside check: not built yet");
    ExitCode::from(2)
}
