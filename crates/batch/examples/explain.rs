//! Development aid: `cargo run --release -p batch --example explain -- FILE [ID…]` prints,
//! for the named cases (or every case whose verdict is wrong), the expected and actual
//! verdicts, each finding with its words, and the cues and entities the engine saw.

use std::fmt::Write as _;
use std::io::Write as _;

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap_or_default();
    let ids: Vec<String> = args.collect();
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let (cases, errors) = policy::eval::parse_cases(&text);
    for (line, e) in errors {
        eprintln!("line {line}: {e}");
    }
    let engine = policy::Engine::new(policy::OrgPolicy::default());
    let mut stdout = std::io::stdout().lock();
    for c in cases {
        let id = c
            .request
            .id
            .as_ref()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .unwrap_or_default();
        let got = engine.check(&c.request);
        let wanted = ids.contains(&id);
        if !wanted && (!ids.is_empty() || got.verdict == c.expected.verdict) {
            continue;
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "== {id} [{:?}] expected {} {:?}",
            c.request.channel, c.expected.verdict, c.expected.rules
        );
        let _ = writeln!(out, "   got {} {:?}", got.verdict, got.rule_ids());
        let _ = writeln!(out, "   text: {}", c.request.text);
        for f in &got.findings {
            let _ = writeln!(out, "   {} {} {:?}", f.rule, f.verdict, f.text);
        }
        for p in &got.phi {
            let t: String = c
                .request
                .text
                .chars()
                .skip(p.start)
                .take(p.end - p.start)
                .collect();
            let _ = writeln!(out, "   phi {} {:?}", p.kind, t);
        }
        for line in policy::debug_signals(&c.request.text).lines() {
            let _ = writeln!(out, "   | {line}");
        }
        // A closed pipe (`| head`) ends the listing instead of panicking.
        if stdout.write_all(out.as_bytes()).is_err() {
            return;
        }
    }
}
