//! Scoring the engine on labelled cases (the `compliance-dev.jsonl` format: a check request
//! plus `expected: {verdict, rules, phi_spans, decoy_spans, note}`). Used by the case-file
//! test and by `bedside eval --compliance`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{CheckRequest, CheckResult, Engine, Verdict};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SpanRef {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Expected {
    pub verdict: Verdict,
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub decoy_spans: Vec<SpanRef>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LabelledCase {
    #[serde(flatten)]
    pub request: CheckRequest,
    pub expected: Expected,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RuleTally {
    pub expected: usize,
    pub hit: usize,
    /// Fired without being expected.
    pub extra: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    pub id: String,
    pub expected: Verdict,
    pub got: Verdict,
    pub expected_rules: Vec<String>,
    pub got_rules: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub cases: usize,
    pub correct: usize,
    pub unsafe_allowed: usize,
    pub expected_allow: usize,
    pub false_blocks: usize,
    pub decoys: usize,
    pub decoys_flagged: usize,
    /// "id: text" of each decoy span reported as PHI.
    pub flagged_decoys: Vec<String>,
    /// confusion[expected][got]
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub rules: BTreeMap<String, RuleTally>,
    pub mismatches: Vec<Mismatch>,
}

impl Score {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.cases.max(1) as f64
    }

    pub fn false_block_rate(&self) -> f64 {
        self.false_blocks as f64 / self.expected_allow.max(1) as f64
    }

    pub fn add(&mut self, case: &LabelledCase, got: &CheckResult) {
        let exp = case.expected.verdict;
        self.cases += 1;
        if got.verdict == exp {
            self.correct += 1;
        }
        if exp != Verdict::Allow && got.verdict == Verdict::Allow {
            self.unsafe_allowed += 1;
        }
        if exp == Verdict::Allow {
            self.expected_allow += 1;
            if got.verdict == Verdict::Block {
                self.false_blocks += 1;
            }
        }
        for d in &case.expected.decoy_spans {
            self.decoys += 1;
            if got.phi.iter().any(|p| p.start < d.end && d.start < p.end) {
                self.decoys_flagged += 1;
                let text: String = case
                    .request
                    .text
                    .chars()
                    .skip(d.start)
                    .take(d.end.saturating_sub(d.start))
                    .collect();
                let id = case
                    .request
                    .id
                    .as_ref()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string));
                self.flagged_decoys
                    .push(format!("{}: {text:?}", id.unwrap_or_default()));
            }
        }
        *self
            .confusion
            .entry(exp.as_str().to_string())
            .or_default()
            .entry(got.verdict.as_str().to_string())
            .or_default() += 1;
        let fired: Vec<String> = got.rule_ids().into_iter().map(str::to_string).collect();
        for r in &case.expected.rules {
            let t = self.rules.entry(r.clone()).or_default();
            t.expected += 1;
            if fired.contains(r) {
                t.hit += 1;
            }
        }
        for r in &fired {
            if !case.expected.rules.contains(r) {
                self.rules.entry(r.clone()).or_default().extra += 1;
            }
        }
        if got.verdict != exp {
            self.mismatches.push(Mismatch {
                id: case
                    .request
                    .id
                    .as_ref()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .unwrap_or_default(),
                expected: exp,
                got: got.verdict,
                expected_rules: case.expected.rules.clone(),
                got_rules: fired,
            });
        }
    }

    /// A plain-text report for people.
    pub fn render(&self) -> String {
        let mut s = format!(
            "cases: {}\nverdict accuracy: {:.1}% ({}/{})\nunsafe allowed: {}\nfalse blocks: {}/{} acceptable ({:.1}%)\ndecoy spans reported as PHI: {}/{}\n",
            self.cases,
            100.0 * self.accuracy(),
            self.correct,
            self.cases,
            self.unsafe_allowed,
            self.false_blocks,
            self.expected_allow,
            100.0 * self.false_block_rate(),
            self.decoys_flagged,
            self.decoys
        );
        s.push_str("\nconfusion (expected -> got):\n");
        for (e, row) in &self.confusion {
            let cells: Vec<String> = row.iter().map(|(g, n)| format!("{g}={n}")).collect();
            s.push_str(&format!("  {e:<13} {}\n", cells.join("  ")));
        }
        s.push_str("\nper rule (expected: hit/miss, extra firings):\n");
        for (r, t) in &self.rules {
            s.push_str(&format!(
                "  {r:<17} {}/{} hit, {} missed, {} extra\n",
                t.hit,
                t.expected,
                t.expected - t.hit,
                t.extra
            ));
        }
        if !self.flagged_decoys.is_empty() {
            s.push_str("\ndecoys reported as PHI:\n");
            for d in &self.flagged_decoys {
                s.push_str(&format!("  {d}\n"));
            }
        }
        if !self.mismatches.is_empty() {
            s.push_str("\nverdict mismatches:\n");
            for m in &self.mismatches {
                s.push_str(&format!(
                    "  {}: expected {} got {} (expected rules {:?}, fired {:?})\n",
                    m.id, m.expected, m.got, m.expected_rules, m.got_rules
                ));
            }
        }
        s
    }
}

/// Parse a JSONL file's contents into cases; returns (line number, error) for bad lines.
pub fn parse_cases(text: &str) -> (Vec<LabelledCase>, Vec<(usize, String)>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<LabelledCase>(line) {
            Ok(c) => cases.push(c),
            Err(e) => errors.push((i + 1, e.to_string())),
        }
    }
    (cases, errors)
}

pub fn score(engine: &Engine, cases: &[LabelledCase]) -> Score {
    let mut s = Score::default();
    for c in cases {
        let got = engine.check(&c.request);
        s.add(c, &got);
    }
    s
}
