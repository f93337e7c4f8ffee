//! Training the residual model (see [`crate::residual`]): logistic regression with
//! Adagrad over the labelled cases, deterministic (a fixed shuffle), and the threshold
//! chosen by cross-validation so that few acceptable texts are sent for review.

use crate::eval::LabelledCase as Case;
use crate::residual::{Model, DIM};
use crate::{Engine, Verdict};

const EPOCHS: usize = 30;
const RATE: f32 = 0.03;
const L2: f32 = 1e-3;
const FOLDS: usize = 5;
/// At most this share of acceptable texts (that the rules allow) may be sent for review,
/// in cross-validation.
pub const MAX_FALSE_REVIEWS: f32 = 0.08;

pub struct Example {
    pub slots: Vec<u32>,
    pub risky: bool,
    /// What the rules alone said.
    pub rules: Verdict,
    /// Cross-validation fold: cases of one batch (id prefix, "FR19" of "FR19-004") stay
    /// together, so near-duplicates never sit on both sides.
    pub fold: usize,
}

pub fn examples(engine: &Engine, cases: &[Case]) -> Vec<Example> {
    let group = |c: &Case| -> String {
        let id = c
            .request
            .id
            .as_ref()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        id.rsplit_once('-')
            .map(|(g, _)| g.to_string())
            .unwrap_or(id)
    };
    let mut groups: Vec<String> = cases.iter().map(group).collect();
    groups.sort();
    groups.dedup();
    cases
        .iter()
        .map(|c| {
            let fold = groups.binary_search(&group(c)).unwrap_or(0) % FOLDS;
            let mut slots: Vec<u32> = engine
                .residual_features(&c.request)
                .into_iter()
                .map(|f| f.slot)
                .collect();
            slots.sort_unstable();
            Example {
                slots,
                risky: c.expected.verdict != Verdict::Allow,
                rules: engine.check_rules_only(&c.request).verdict,
                fold,
            }
        })
        .collect()
}

/// A fixed permutation per epoch (an LCG), so training gives the same bytes every time.
fn order(n: usize, epoch: usize) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut state = 0x2545_f491_u64 ^ (epoch as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (state >> 33) as usize % (i + 1);
        idx.swap(i, j);
    }
    idx
}

/// (weights, bias) trained on `data` (only the examples whose index passes `keep`).
pub fn fit(data: &[Example], keep: impl Fn(usize) -> bool) -> (Vec<f32>, f32) {
    let mut w = vec![0f32; DIM];
    let mut g2 = vec![1e-6f32; DIM];
    let (mut b, mut gb) = (0f32, 1e-6f32);
    let risky = data
        .iter()
        .enumerate()
        .filter(|(i, e)| keep(*i) && e.risky)
        .count();
    let total = data.iter().enumerate().filter(|(i, _)| keep(*i)).count();
    // Balance the classes: each side counts as half.
    let pos_w = total as f32 / (2.0 * risky.max(1) as f32);
    let neg_w = total as f32 / (2.0 * (total - risky).max(1) as f32);
    for epoch in 0..EPOCHS {
        for i in order(data.len(), epoch) {
            if !keep(i) {
                continue;
            }
            let e = &data[i];
            let z = b + e.slots.iter().map(|&s| w[s as usize]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if e.risky { 1.0 } else { 0.0 };
            let g = (p - y) * if e.risky { pos_w } else { neg_w };
            for &s in &e.slots {
                let s = s as usize;
                let gs = g + L2 * w[s];
                g2[s] += gs * gs;
                w[s] -= RATE * gs / g2[s].sqrt();
            }
            gb += g * g;
            b -= RATE * g / gb.sqrt();
        }
    }
    (w, b)
}

fn score(w: &[f32], b: f32, e: &Example) -> f32 {
    let z = b + e.slots.iter().map(|&s| w[s as usize]).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Out-of-fold scores for every example.
pub fn cross_validate(data: &[Example]) -> Vec<f32> {
    let mut out = vec![0f32; data.len()];
    for fold in 0..FOLDS {
        let (w, b) = fit(data, |i| data[i].fold != fold);
        for (i, e) in data.iter().enumerate().filter(|(_, e)| e.fold == fold) {
            out[i] = score(&w, b, e);
        }
    }
    out
}

/// The lowest threshold at which at most [`MAX_FALSE_REVIEWS`] of the acceptable texts
/// the rules allow would be sent for review.
pub fn choose_threshold(data: &[Example], oof: &[f32]) -> f32 {
    let mut acceptable: Vec<f32> = data
        .iter()
        .zip(oof)
        .filter(|(e, _)| !e.risky && e.rules == Verdict::Allow)
        .map(|(_, s)| *s)
        .collect();
    if acceptable.is_empty() {
        return 0.99;
    }
    acceptable.sort_by(|a, b| b.total_cmp(a));
    let allowed = (acceptable.len() as f32 * MAX_FALSE_REVIEWS).floor() as usize;
    let t = acceptable.get(allowed).copied().unwrap_or(0.5);
    // Never below an even chance.
    t.max(0.5)
}

/// Train on everything and quantise.
pub fn train(data: &[Example], threshold: f32) -> Model {
    let (w, bias) = fit(data, |_| true);
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
    let scale = max / f32::from(i16::MAX);
    let weights = w
        .iter()
        .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    Model {
        scale,
        bias,
        threshold,
        weights,
    }
}
