//! `cargo run --release -p batch --example check_file -- FILE`: JSON-lines results for a
//! JSON-lines file of requests, the same code path as `bedside check FILE` (used to
//! confirm that a refactoring changes no result).

fn main() -> std::process::ExitCode {
    batch::run_check(batch::CheckArgs {
        file: std::env::args().nth(1).map(Into::into),
        ..Default::default()
    })
}
