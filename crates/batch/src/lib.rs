//! Command-line front-ends over the pure engines (`bedside scan`, `bedside check`,
//! `bedside eval`). Each `run_*` returns the process exit code.

mod check;
mod error;
mod eval;
mod eval_report;
pub mod lines;
mod scan;
pub mod score;

pub use check::{
    check_lines, report, run_check, run_check_eval, run_compliance_eval, CheckArgs, CheckError,
    CheckEvalArgs,
};
pub use error::BatchError;
pub use eval::{run_eval, EvalArgs};
pub use lines::{run_lines, LineJob, LineOutcome, RunStats};
pub use scan::{run_scan, scan, ScanArgs, ScanFormat};
