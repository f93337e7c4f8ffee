//! Turning check findings (code-point offsets) into highlighted text segments.

use policy::CheckResult;

/// A run of text, marked when a finding covers it.
pub struct Segment {
    pub text: String,
    /// The rule ids covering this run, joined by spaces (empty when unmarked).
    pub rules: String,
    pub marked: bool,
}

/// Split `text` into marked and unmarked runs by the findings' spans and PHI spans.
pub fn segments(text: &str, result: &CheckResult) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut cover: Vec<Vec<&str>> = vec![Vec::new(); n];
    for f in &result.findings {
        for slot in cover.iter_mut().take(f.end.min(n)).skip(f.start) {
            if !slot.contains(&f.rule.as_ref()) {
                slot.push(f.rule.as_ref());
            }
        }
    }
    for p in &result.phi {
        for slot in cover.iter_mut().take(p.end.min(n)).skip(p.start) {
            if slot.is_empty() {
                slot.push("PHI");
            }
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < n {
        let key = cover[i].join(" ");
        let mut j = i;
        while j < n && cover[j].join(" ") == key {
            j += 1;
        }
        out.push(Segment {
            text: chars[i..j].iter().collect(),
            marked: !key.is_empty(),
            rules: key,
        });
        i = j;
    }
    out
}

/// The text with every PHI span replaced by a placeholder such as `[PERSON]`.
pub fn redact(text: &str, result: &CheckResult) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(usize, usize, &str)> = result
        .phi
        .iter()
        .map(|p| (p.start, p.end.min(chars.len()), p.kind.as_str()))
        .collect();
    spans.sort_unstable();
    let mut out = String::new();
    let mut i = 0;
    for (s, e, kind) in spans {
        if s < i || s >= e {
            continue;
        }
        out.extend(&chars[i..s]);
        out.push('[');
        out.push_str(kind);
        out.push(']');
        i = e;
    }
    out.extend(&chars[i.min(chars.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy::{PhiSpan, RuleFinding, Verdict};

    #[test]
    fn marks_by_code_points() {
        let r = CheckResult {
            id: None,
            verdict: Verdict::Block,
            findings: vec![RuleFinding {
                rule: "PHI-ID".into(),
                verdict: Verdict::Block,
                start: 3,
                end: 9,
                text: "सुनीता".into(),
                message: "".into(),
                fix: "".into(),
            }],
            phi: vec![PhiSpan {
                kind: "PERSON".into(),
                start: 3,
                end: 9,
            }],
            escalate: false,
            suggestion: None,
        };
        let s = segments("Hi सुनीता!", &r);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].text, "सुनीता");
        assert!(s[1].marked && !s[0].marked);
        assert_eq!(s[1].rules, "PHI-ID");
    }
}
