//! Run the simulator on its own (`cargo run -p sim --example sim -- --listen 127.0.0.1:9800`)
//! until `bedside sim` is wired into the binary.

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    sim: sim::SimArgs,
}

#[tokio::main]
async fn main() -> Result<(), sim::SimError> {
    sim::run(Cli::parse().sim).await
}
