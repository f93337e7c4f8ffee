//! Train the residual model on the labelled cases and write `src/residual_weights.bin`.
//! `cargo run --release -p policy --example train_residual [-- OUT CASE_FILES…]`
//! Prints cross-validated figures: how many acceptable texts the rules allow would go to
//! review, and how many risky texts the model recognises on its own.

use policy::residual_train::{choose_threshold, cross_validate, examples, train};
use policy::{Engine, OrgPolicy, Verdict};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/src/residual_weights.bin").into());
    let mut files: Vec<String> = args.collect();
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
        let mut found: Vec<String> = std::fs::read_dir(dir)
            .expect("tests/cases")
            .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
            .filter(|p| p.ends_with(".jsonl"))
            .collect();
        found.sort();
        files = found;
    }
    let mut cases = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        let (mut c, errors) = policy::eval::parse_cases(&text);
        for (line, e) in errors {
            eprintln!("{f}:{line}: {e}");
        }
        cases.append(&mut c);
    }
    let engine = Engine::new(OrgPolicy::default());
    let data = examples(&engine, &cases);
    let oof = cross_validate(&data);
    let threshold = choose_threshold(&data, &oof);
    let count = |f: &dyn Fn(usize) -> bool| (0..data.len()).filter(|&i| f(i)).count();
    let acc_allowed = count(&|i| !data[i].risky && data[i].rules == Verdict::Allow);
    let acc_flagged =
        count(&|i| !data[i].risky && data[i].rules == Verdict::Allow && oof[i] > threshold);
    let risky = count(&|i| data[i].risky);
    let risky_seen = count(&|i| data[i].risky && oof[i] > threshold);
    println!(
        "cases: {} ({} risky) from {} files",
        data.len(),
        risky,
        files.len()
    );
    println!("threshold: {threshold:.3}");
    println!("cross-validated: acceptable texts the rules allow sent to review: {acc_flagged}/{acc_allowed}");
    println!("cross-validated: risky texts the model alone recognises: {risky_seen}/{risky}");
    let model = train(&data, threshold);
    std::fs::write(&out, model.to_bytes()).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!("wrote {out}");
}
