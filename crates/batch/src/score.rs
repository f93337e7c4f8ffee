//! Character-level scoring of span predictions against gold spans, the convention of the
//! evaluation data: a character is PHI when any gold PHI span covers it; ORGANIZATION,
//! TITLE and NRP spans are neither credited nor penalised; whitespace is ignored. Type
//! labels do not have to match (a street address labelled GPE is still PHI). Span recall
//! counts gold spans that any prediction overlaps. `bench/presidio/score.py` implements
//! the same rules for Presidio.

use std::collections::BTreeMap;

/// Gold types whose characters are ignored.
pub const IGNORED_TYPES: &[&str] = &["ORGANIZATION", "TITLE", "NRP"];

/// A span in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct TypeTally {
    pub chars: u64,
    pub chars_hit: u64,
    pub spans: u64,
    pub spans_hit: u64,
}

#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub texts: u64,
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
    pub spans: u64,
    pub spans_hit: u64,
    /// Recall by gold type.
    pub gold: BTreeMap<String, TypeTally>,
    /// (true positive, false positive) characters by predicted type.
    pub pred: BTreeMap<String, (u64, u64)>,
}

const NONE: u8 = 0;
const PHI: u8 = 1;
const IGNORED: u8 = 2;

impl Tally {
    /// Score one text.
    pub fn add(&mut self, text: &str, gold: &[Span], pred: &[Span]) {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut g = vec![NONE; n];
        for s in gold
            .iter()
            .filter(|s| IGNORED_TYPES.contains(&s.label.as_str()))
        {
            for c in g.iter_mut().take(s.end.min(n)).skip(s.start) {
                *c = IGNORED;
            }
        }
        for s in gold
            .iter()
            .filter(|s| !IGNORED_TYPES.contains(&s.label.as_str()))
        {
            for c in g.iter_mut().take(s.end.min(n)).skip(s.start) {
                *c = PHI;
            }
        }
        let mut p: Vec<Option<usize>> = vec![None; n];
        for (k, s) in pred.iter().enumerate() {
            for c in p.iter_mut().take(s.end.min(n)).skip(s.start) {
                c.get_or_insert(k);
            }
        }
        for i in 0..n {
            if chars[i].is_whitespace() {
                continue;
            }
            match (g[i], p[i]) {
                (PHI, Some(k)) => {
                    self.tp += 1;
                    self.pred.entry(pred[k].label.clone()).or_default().0 += 1;
                }
                (PHI, None) => self.fn_ += 1,
                (NONE, Some(k)) => {
                    self.fp += 1;
                    self.pred.entry(pred[k].label.clone()).or_default().1 += 1;
                }
                _ => {}
            }
        }
        for s in gold
            .iter()
            .filter(|s| !IGNORED_TYPES.contains(&s.label.as_str()))
        {
            let t = self.gold.entry(s.label.clone()).or_default();
            let range = s.start.min(n)..s.end.min(n);
            let hit_chars = range
                .clone()
                .filter(|&i| !chars[i].is_whitespace() && p[i].is_some())
                .count() as u64;
            t.chars += range.clone().filter(|&i| !chars[i].is_whitespace()).count() as u64;
            t.chars_hit += hit_chars;
            t.spans += 1;
            self.spans += 1;
            if range.clone().any(|i| p[i].is_some()) {
                t.spans_hit += 1;
                self.spans_hit += 1;
            }
        }
        self.texts += 1;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F-beta; β = 2 weighs recall four times as much as precision.
    pub fn f_beta(&self, beta: f64) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        let b2 = beta * beta;
        if p + r == 0.0 {
            0.0
        } else {
            (1.0 + b2) * p * r / (b2 * p + r)
        }
    }

    pub fn span_recall(&self) -> f64 {
        ratio(self.spans_hit, self.spans)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize, label: &str) -> Span {
        Span {
            start,
            end,
            label: label.into(),
        }
    }

    #[test]
    fn ignores_whitespace_and_org() {
        let mut t = Tally::default();
        // "Ann Lee at Acme": gold PERSON 0..7, ORG 11..15; prediction covers "Lee at Acme".
        t.add(
            "Ann Lee at Acme",
            &[sp(0, 7, "PERSON"), sp(11, 15, "ORGANIZATION")],
            &[sp(4, 15, "PERSON")],
        );
        assert_eq!((t.tp, t.fp, t.fn_), (3, 2, 3));
        assert_eq!(t.span_recall(), 1.0);
        assert!((t.f_beta(2.0) - (5.0 * 0.6 * 0.5 / (4.0 * 0.6 + 0.5))).abs() < 1e-9);
    }
}
