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
/// of transitively overlapping candidates. Output is sorted by start. Works on indices:
/// findings are large and are moved once, at the end.
pub fn resolve(cands: Vec<Finding>) -> Vec<Finding> {
    // Sort packed integer keys rather than calling back into the findings: the keys
    // order by (family, start, end, kind) and carry the index in their low bits.
    let pack = |f: &Finding, k: usize, with_family: bool| -> u128 {
        let family = if with_family {
            f.kind.family() as u128
        } else {
            0
        };
        (family << 127)
            | ((f.start as u128) << 80)
            | ((f.end as u128) << 40)
            | ((f.kind as u128) << 32)
            | k as u128
    };
    let mut keys: Vec<u128> = cands
        .iter()
        .enumerate()
        .map(|(k, f)| pack(f, k, true))
        .collect();
    keys.sort_unstable();
    let idx: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
    let mut keep: Vec<u32> = Vec::with_capacity(cands.len());
    let mut cluster: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < idx.len() {
        let first = &cands[idx[i] as usize];
        let family: Family = first.kind.family();
        let mut end = first.end;
        let mut j = i + 1;
        while j < idx.len() {
            let c = &cands[idx[j] as usize];
            if c.kind.family() != family || c.start >= end {
                break;
            }
            end = end.max(c.end);
            j += 1;
        }
        if j == i + 1 {
            keep.push(idx[i]);
        } else {
            choose(&cands, &idx[i..j], &mut cluster);
            keep.extend_from_slice(&cluster);
        }
        i = j;
    }
    let mut keys: Vec<u128> = keep
        .iter()
        .map(|&k| pack(&cands[k as usize], k as usize, false))
        .collect();
    keys.sort_unstable();
    keep.clear();
    keep.extend(keys.iter().map(|&k| k as u32));
    let mut slots: Vec<Option<Finding>> = cands.into_iter().map(Some).collect();
    keep.iter()
        .filter_map(|&k| slots[k as usize].take())
        .collect()
}

/// The kept members of one cluster of overlapping candidates, into `kept`.
fn choose(cands: &[Finding], members: &[u32], kept: &mut Vec<u32>) {
    kept.clear();
    let mut order: Vec<u32> = members.to_vec();
    // A part of a larger finding ("04336" inside a whole address) yields to it when the
    // larger one is nearly as confident: they tell the same story.
    if order.len() <= 64 {
        order.retain(|&c| {
            let c = &cands[c as usize];
            !members.iter().any(|&o| {
                let o = &cands[o as usize];
                o.start <= c.start
                    && c.end <= o.end
                    && (o.end - o.start) > (c.end - c.start)
                    && o.confidence >= 0.5
                    && o.confidence + 0.15 >= c.confidence
            })
        });
    }
    order.sort_by(|&a, &b| better(&cands[a as usize], &cands[b as usize]));
    for c in order {
        let f = &cands[c as usize];
        if kept.iter().all(|&k| {
            let k = &cands[k as usize];
            f.end <= k.start || f.start >= k.end
        }) {
            kept.push(c);
        }
    }
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
