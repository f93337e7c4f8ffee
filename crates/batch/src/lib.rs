//! Command-line front-ends over the pure engines (`bedside scan`, `bedside check`,
//! `bedside eval`). Each `run_*` returns the process exit code.

use std::process::ExitCode;

mod check;
pub use check::{
    check_lines, report, run_check, run_check_eval, run_compliance_eval, CheckArgs, CheckError,
    CheckEvalArgs,
};

/// `bedside scan`: find PHI/PII in text.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// File to read (default: stdin).
    pub file: Option<std::path::PathBuf>,
}

pub fn run_scan(_args: ScanArgs) -> ExitCode {
    eprintln!("bedside scan: not built yet");
    ExitCode::from(2)
}

/// `bedside eval`: score the detector or the engine on labelled data.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {}

pub fn run_eval(_args: EvalArgs) -> ExitCode {
    eprintln!("bedside eval: not built yet");
    ExitCode::from(2)
}
