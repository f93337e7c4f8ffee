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
