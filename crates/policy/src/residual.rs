//! The residual-risk model: a second opinion for texts the rules let through.
//!
//! The rules recognise phrasings; new wordings of the same risk slip past them. This is a
//! logistic regression over hashed features of the text (words, word pairs, character
//! 4-grams — robust to Hinglish spellings), the engine's own cues and entities, and the
//! channel, trained on the labelled cases in `tests/cases` (risky = block or
//! needs_review). It never blocks: when the rules say allow and the model is confident
//! the text resembles risky ones, the text goes to a person (REVIEW-SIMILAR), with the
//! words that weighed most. Weights: `src/residual_weights.bin`, written by
//! `cargo run --release -p policy --example train_residual` (a test fails if stale).

use crate::context::Ctx;
use crate::signals::Signals;

/// 2^16 hashed feature slots.
pub const DIM_BITS: u32 = 16;
pub const DIM: usize = 1 << DIM_BITS;
const MAGIC: &[u8; 6] = b"BSRM1\n";

static WEIGHTS: &[u8] = include_bytes!("residual_weights.bin");

/// A model as stored: weights quantised to i16 with one scale.
pub struct Model {
    pub scale: f32,
    pub bias: f32,
    /// Scores above this send an allowed text for review.
    pub threshold: f32,
    pub weights: Vec<i16>,
}

impl Model {
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let f = |i: usize| -> Option<f32> {
            Some(f32::from_le_bytes(rest.get(i..i + 4)?.try_into().ok()?))
        };
        let (scale, bias, threshold) = (f(0)?, f(4)?, f(8)?);
        let body = rest.get(12..)?;
        if body.len() != DIM * 2 {
            return None;
        }
        let weights = body
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(Model {
            scale,
            bias,
            threshold,
            weights,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for v in [self.scale, self.bias, self.threshold] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The shipped model; `None` if the file is empty (a fresh checkout before training).
    pub fn shipped() -> Option<&'static Model> {
        static MODEL: std::sync::OnceLock<Option<Model>> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| Model::parse(WEIGHTS)).as_ref()
    }

    pub fn weight(&self, slot: u32) -> f32 {
        f32::from(self.weights[slot as usize]) * self.scale
    }

    /// Probability-like score in 0..1.
    pub fn score(&self, features: &[Feature]) -> f32 {
        let z: f32 = self.bias + features.iter().map(|f| self.weight(f.slot)).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// One hashed feature; `span` is the normalised byte span of a word feature (for showing
/// which words weighed most), empty otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    pub slot: u32,
    pub span: (usize, usize),
}

/// FNV-1a, 32 bits: stable across builds and platforms.
fn fnv(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for p in parts {
        for b in *p {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    }
    h >> (32 - DIM_BITS)
}

/// The features of a text in its context. `reply_to` is the text being answered.
pub fn features(ctx: &Ctx, sig: &Signals<'_>, reply_to: Option<&Signals<'_>>) -> Vec<Feature> {
    let family = format!("{:?}", ctx.family);
    let dir: &[u8] = if ctx.inbound { b"in" } else { b"out" };
    let fam = family.as_bytes();
    let mut out = Vec::with_capacity(sig.p.words.len() * 6 + sig.hits.len() * 2 + 8);
    let none = (0, 0);
    let mut push = |parts: &[&[u8]], span| {
        out.push(Feature {
            slot: fnv(parts),
            span,
        })
    };
    push(&[b"f", fam], none);
    push(&[b"d", dir], none);
    push(&[b"fd", fam, dir], none);
    if ctx.has_reply_to {
        push(&[b"r", fam], none);
    }
    // What the organisation has on record: an authorised story reads like a risky one.
    if ctx.authorized {
        push(&[b"x", b"authorized"], none);
        push(&[b"xf", b"authorized", fam], none);
    }
    if ctx.personal_account {
        push(&[b"x", b"personal"], none);
    }
    if ctx.patient_list {
        push(&[b"x", b"patient_list"], none);
    }
    // Where a link lands and what it carries is on record: the words "book yours at" are
    // not the risk, the trackers on the booking page are.
    if let Some(kind) = &ctx.landing_kind {
        push(&[b"lp", kind.to_ascii_lowercase().as_bytes()], none);
        let tracked = ctx.trackers.as_ref().is_none_or(|t| !t.is_empty());
        push(&[b"lpt", if tracked { b"yes" } else { b"no" }], none);
    }
    for m in &ctx.media {
        let shows = format!("{:?}", m.shows.unwrap_or(crate::request::Shows::Unknown));
        push(&[b"m", shows.as_bytes()], none);
    }
    let lower = sig.p.lower();
    // Lower-casing can change lengths (rare letters); fall back to the words as they are.
    let text = if lower.len() == sig.p.norm.len() {
        lower
    } else {
        sig.p.norm.as_str()
    };
    // A link is one token: its host and path words ("example", "book") are for the link
    // rules to read, not evidence that the text is risky.
    let urls: Vec<(usize, usize)> = sig
        .entities
        .iter()
        .filter(|e| e.kind == crate::signals::EntityKind::Url)
        .map(|e| (e.start, e.end))
        .collect();
    let in_url = |w: &crate::text::Word| urls.iter().any(|&(s, e)| w.start >= s && w.end <= e);
    let words: Vec<(&str, (usize, usize))> = sig
        .p
        .words
        .iter()
        .filter(|w| !in_url(w))
        .filter_map(|w| text.get(w.start..w.end).map(|s| (s, (w.start, w.end))))
        .collect();
    if !urls.is_empty() {
        push(&[b"w", b"<url>"], none);
    }
    let mut chars: Vec<char> = Vec::with_capacity(32);
    let mut gram = [0u8; 16];
    for (i, (w, span)) in words.iter().enumerate() {
        push(&[b"w", w.as_bytes()], *span);
        if let Some((next, _)) = words.get(i + 1) {
            push(&[b"b", w.as_bytes(), next.as_bytes()], none);
        }
        // Character 4-grams of " word " (words of four letters or more).
        chars.clear();
        chars.push(' ');
        chars.extend(w.chars());
        chars.push(' ');
        if chars.len() >= 6 {
            for g in chars.windows(4) {
                let mut n = 0;
                for c in g {
                    n += c.encode_utf8(&mut gram[n..]).len();
                }
                push(&[b"c", &gram[..n]], none);
            }
        }
    }
    let mut cues: Vec<u32> = sig.hits.iter().map(|h| h.cue as u32).collect();
    cues.sort_unstable();
    cues.dedup();
    for c in cues {
        let c = c.to_le_bytes();
        push(&[b"q", &c], none);
        push(&[b"qf", &c, fam, dir], none);
    }
    let mut kinds: Vec<String> = sig
        .entities
        .iter()
        .filter(|e| !e.benign())
        .map(|e| format!("{:?}", e.kind))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    for k in kinds {
        push(&[b"e", k.as_bytes()], none);
        push(&[b"ef", k.as_bytes(), fam, dir], none);
    }
    if let Some(r) = reply_to {
        let mut cues: Vec<u32> = r.hits.iter().map(|h| h.cue as u32).collect();
        cues.sort_unstable();
        cues.dedup();
        for c in cues {
            push(&[b"rq", &c.to_le_bytes()], none);
        }
    }
    out
}

/// The words that pushed the score up most (at most three), as normalised spans.
pub fn top_words(model: &Model, features: &[Feature]) -> Vec<(usize, usize)> {
    let mut words: Vec<(f32, (usize, usize))> = features
        .iter()
        .filter(|f| f.span.1 > f.span.0)
        .map(|f| (model.weight(f.slot), f.span))
        .filter(|(w, _)| *w > 0.0)
        .collect();
    words.sort_by(|a, b| b.0.total_cmp(&a.0));
    words.into_iter().take(3).map(|(_, s)| s).collect()
}
