//! `cargo run -p batch --example compliance_eval -- FILE [ORG.json]`: score the compliance engine on a
//! labelled JSONL file (what `bedside eval --compliance` does).

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: eval FILE [ORG.json]");
        return std::process::ExitCode::from(2);
    };
    batch::run_compliance_eval(batch::CheckEvalArgs {
        file: file.into(),
        org: args.next().map(Into::into),
    })
}
