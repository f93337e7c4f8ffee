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
    cands.sort_unstable_by_key(|f| (f.kind.family() as u8, f.start, f.end, f.kind));
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
            // A part of a larger finding ("04336" inside a whole address) yields to it
            // when the larger one is nearly as confident: they tell the same story.
            if cluster.len() <= 64 {
                let all = cluster.clone();
                cluster.retain(|c| {
                    !all.iter().any(|o| {
                        o.start <= c.start
                            && c.end <= o.end
                            && (o.end - o.start) > (c.end - c.start)
                            && o.confidence >= 0.5
                            && o.confidence + 0.15 >= c.confidence
                    })
                });
            }
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
    out.sort_unstable_by_key(|f| (f.start, f.end, f.kind));
    out
}

/// Fill `char_start` / `char_end` (code points). `findings` is sorted by start, so one
/// forward cursor serves the starts; each end counts the characters of its own span.
pub fn fill_char_offsets(text: &str, findings: &mut [Finding]) {
    let (mut byte, mut chars) = (0usize, 0usize);
    for f in findings.iter_mut() {
        if f.start >= byte {
            chars += text.get(byte..f.start).map_or(0, |s| s.chars().count());
        } else {
            // Not sorted (cannot happen after `resolve`): count from the beginning.
            chars = text.get(..f.start).map_or(0, |s| s.chars().count());
        }
        byte = f.start;
        f.char_start = chars;
        f.char_end = chars + text.get(f.start..f.end).map_or(0, |s| s.chars().count());
    }
}
