//! Rough single-thread throughput of `Engine::check` over a JSONL file of requests:
//! `cargo run --release -p batch --example throughput -- FILE [ROUNDS]`.

use std::time::Instant;

/// Nanoseconds this process has spent on a CPU (Linux), so a busy shared machine does not
/// distort the per-core figure.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap_or_default();
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let reqs: Vec<policy::CheckRequest> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let engine = policy::Engine::new(policy::OrgPolicy::default());
    let cpu0 = cpu_ns();
    let start = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for r in &reqs {
            std::hint::black_box(engine.check(r));
            n += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} checks in {secs:.2}s wall: {:.0} checks/s",
        n as f64 / secs
    );
    if let (Some(a), Some(b)) = (cpu0, cpu_ns()) {
        let cpu = (b - a) as f64 / 1e9;
        println!("on-CPU {cpu:.2}s: {:.0} checks/s/core", n as f64 / cpu);
    }
}
