//! Printing evaluation results and error listings.

use std::path::Path;

use crate::eval::Sample;
use crate::score::{Span, Tally, IGNORED_TYPES};

pub fn print(path: &Path, t: &Tally, texts_per_sec: f64, json: bool) {
    if json {
        let per_type: serde_json::Map<String, serde_json::Value> = t
            .gold
            .iter()
            .map(|(k, v)| {
                let r = if v.chars == 0 {
                    0.0
                } else {
                    v.chars_hit as f64 / v.chars as f64
                };
                let sr = if v.spans == 0 {
                    0.0
                } else {
                    v.spans_hit as f64 / v.spans as f64
                };
                (
                    k.clone(),
                    serde_json::json!({ "char_recall": r, "span_recall": sr, "spans": v.spans }),
                )
            })
            .collect();
        let v = serde_json::json!({
            "dataset": path.display().to_string(),
            "texts": t.texts,
            "precision": t.precision(),
            "recall": t.recall(),
            "f2": t.f_beta(2.0),
            "span_recall": t.span_recall(),
            "texts_per_sec": texts_per_sec,
            "per_type": per_type,
        });
        println!("{v}");
        return;
    }
    println!("== {} ({} texts)", path.display(), t.texts);
    println!(
        "character  P {:.3}  R {:.3}  F2 {:.3}   span recall {:.3}   {:.0} texts/s (1 thread)",
        t.precision(),
        t.recall(),
        t.f_beta(2.0),
        t.span_recall(),
        texts_per_sec
    );
    println!(
        "  {:<18} {:>7} {:>9} {:>8}",
        "gold type", "spans", "char R", "span R"
    );
    for (k, v) in &t.gold {
        let r = if v.chars == 0 {
            0.0
        } else {
            v.chars_hit as f64 / v.chars as f64
        };
        let sr = if v.spans == 0 {
            0.0
        } else {
            v.spans_hit as f64 / v.spans as f64
        };
        println!("  {k:<18} {:>7} {r:>9.3} {sr:>8.3}", v.spans);
    }
    println!(
        "  {:<18} {:>9} {:>9} {:>6}",
        "predicted type", "TP chars", "FP chars", "P"
    );
    for (k, (tp, fp)) in &t.pred {
        let p = if tp + fp == 0 {
            0.0
        } else {
            *tp as f64 / (tp + fp) as f64
        };
        println!("  {k:<18} {tp:>9} {fp:>9} {p:>6.3}");
    }
}

fn slice(text: &str, s: &Span) -> String {
    text.chars()
        .skip(s.start)
        .take(s.end - s.start)
        .collect::<String>()
        .replace('\n', "⏎")
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

pub fn collect_errors(
    s: &Sample,
    pred: &[Span],
    misses: &mut Vec<String>,
    spurious: &mut Vec<String>,
) {
    for g in s
        .spans
        .iter()
        .filter(|g| !IGNORED_TYPES.contains(&g.label.as_str()))
    {
        let hit: Vec<String> = pred
            .iter()
            .filter(|p| overlaps(p, g))
            .map(|p| slice(&s.text, p))
            .collect();
        let exact = pred.iter().any(|p| p.start <= g.start && p.end >= g.end);
        if !exact {
            misses.push(format!(
                "{:<15} {:?} got {:?}   in: {}",
                g.label,
                slice(&s.text, g),
                hit,
                s.text.replace('\n', "⏎")
            ));
        }
    }
    for p in pred {
        let inside = s.spans.iter().any(|g| overlaps(p, g));
        if !inside {
            spurious.push(format!(
                "{:<15} {:?}   in: {}",
                p.label,
                slice(&s.text, p),
                s.text.replace('\n', "⏎")
            ));
        }
    }
}

pub fn print_errors(misses: &[String], spurious: &[String], n: usize) {
    println!("-- missed or partial ({}):", misses.len());
    for m in misses.iter().take(n) {
        println!("  {m}");
    }
    println!("-- spurious ({}):", spurious.len());
    for m in spurious.iter().take(n) {
        println!("  {m}");
    }
}
