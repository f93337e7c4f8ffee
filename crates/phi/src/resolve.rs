//! Overlap resolution and offsets. Identifier findings compete only with identifiers and
//! health findings only with health findings: "Parkinson" may be both a surname and a
//! condition, and the policy engine wants to know both.

use crate::finding::{Family, Finding};

/// Rank of a candidate: confidence first, a slight preference for longer spans, then
/// position and kind so that the order is total and the result deterministic.
fn better(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let score = |f: &Finding| f.confidence + ((f.end - f.start).min(60) as f32) / 600.0;
    score(b)
        .total_cmp(&score(a))
        .then(a.start.cmp(&b.start))
        .then(b.end.cmp(&a.end))
        .then(a.kind.cmp(&b.kind))
}

/// Keep a non-overlapping subset per family, chosen greedily by rank inside each cluster
/// of transitively overlapping candidates. Output is sorted by start.
pub fn resolve(mut cands: Vec<Finding>) -> Vec<Finding> {
    cands.sort_by(|a, b| {
        (a.kind.family() as u8, a.start, a.end).cmp(&(b.kind.family() as u8, b.start, b.end))
    });
    let mut out = Vec::with_capacity(cands.len());
    let mut i = 0;
    while i < cands.len() {
        let family: Family = cands[i].kind.family();
        let mut end = cands[i].end;
        let mut j = i + 1;
        while j < cands.len() && cands[j].kind.family() == family && cands[j].start < end {
            end = end.max(cands[j].end);
            j += 1;
        }
        if j == i + 1 {
            out.push(cands[i].clone());
        } else {
            let mut cluster: Vec<&Finding> = cands[i..j].iter().collect();
            cluster.sort_by(|a, b| better(a, b));
            let mut kept: Vec<&Finding> = Vec::new();
            for c in cluster {
                if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
                    kept.push(c);
                }
            }
            out.extend(kept.into_iter().cloned());
        }
        i = j;
    }
    out.sort_by(|a, b| (a.start, a.end, a.kind).cmp(&(b.start, b.end, b.kind)));
    out
}

/// Fill `char_start` / `char_end` (code points) in one pass over the text.
pub fn fill_char_offsets(text: &str, findings: &mut [Finding]) {
    let mut marks: Vec<(usize, usize, bool)> = Vec::with_capacity(findings.len() * 2);
    for (k, f) in findings.iter().enumerate() {
        marks.push((f.start, k, false));
        marks.push((f.end, k, true));
    }
    marks.sort_unstable();
    let (mut byte, mut chars) = (0usize, 0usize);
    for (off, k, is_end) in marks {
        if off > byte {
            chars += text.get(byte..off).map_or(0, |s| s.chars().count());
            byte = off;
        }
        if is_end {
            findings[k].char_end = chars;
        } else {
            findings[k].char_start = chars;
        }
    }
}
