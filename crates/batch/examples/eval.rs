//! `cargo run --release -p batch --example eval -- [ARGS]`: the same code path as
//! `bedside eval`.

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: batch::EvalArgs,
}

fn main() -> std::process::ExitCode {
    batch::run_eval(Cli::parse().args)
}
