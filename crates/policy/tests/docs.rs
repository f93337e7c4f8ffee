//! `docs/rules.md` must match the rule definitions, and every documented example must
//! behave as documented. Regenerate with `UPDATE_DOCS=1 cargo test -p policy --test docs`.

use policy::{docs, Engine, OrgPolicy, Verdict};

fn docs_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md")
}

#[test]
fn rules_md_is_current() {
    let want = docs::rules_markdown();
    let path = docs_path();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).expect("write docs/rules.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test -p policy --test docs`"
    );
}

#[test]
fn examples_behave_as_documented() {
    let engine = Engine::new(OrgPolicy::default());
    let mut failures = Vec::new();
    for (code, flagged, allowed) in docs::examples() {
        let r = engine.check(&flagged);
        if r.verdict == Verdict::Allow || !r.rule_ids().contains(&code) {
            failures.push(format!(
                "{code} flagged example: {:?} {:?}",
                r.verdict,
                r.rule_ids()
            ));
        }
        let r = engine.check(&allowed);
        if r.verdict != Verdict::Allow {
            failures.push(format!(
                "{code} allowed example: {:?} {:?}",
                r.verdict,
                r.rule_ids()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The residual model's weights are what training on today's cases gives (training is
/// deterministic). Regenerate with `cargo run --release -p policy --example train_residual`.
#[test]
fn residual_weights_are_current() {
    use policy::residual_train::{choose_threshold, cross_validate, examples, train};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for f in &files {
        let (mut c, errors) = policy::eval::parse_cases(&std::fs::read_to_string(f).unwrap());
        assert!(errors.is_empty(), "{f:?}: {errors:?}");
        cases.append(&mut c);
    }
    let engine = Engine::new(OrgPolicy::default());
    let data = examples(&engine, &cases);
    let threshold = choose_threshold(&data, &cross_validate(&data));
    let want = train(&data, threshold).to_bytes();
    let have = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/residual_weights.bin"),
    )
    .unwrap_or_default();
    assert!(
        have == want,
        "src/residual_weights.bin is stale: run `cargo run --release -p policy --example train_residual`"
    );
}
