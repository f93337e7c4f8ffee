//! `cargo run -p batch --example check_text -- "TEXT" CHANNEL JURISDICTION [inbound] [IN_REPLY_TO]`:
//! the readable report `bedside check --text` prints.

fn main() -> std::process::ExitCode {
    let a: Vec<String> = std::env::args().skip(1).collect();
    batch::run_check(batch::CheckArgs {
        text: a.first().cloned(),
        channel: a.get(1).cloned(),
        jurisdiction: a.get(2).cloned(),
        direction: a.get(3).cloned(),
        in_reply_to: a.get(4).cloned(),
        ..Default::default()
    })
}
