//! `cargo run --release -p batch --example scan -- [ARGS]`: the same code path as
//! `bedside scan`, runnable before the binary wires it.

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: batch::ScanArgs,
}

fn main() -> std::process::ExitCode {
    batch::run_scan(Cli::parse().args)
}
