//! Addresses introduced by a cue ("my address is", "lives at", "moved to") whose shape
//! alone would not be recognised.

use super::{cap_word, extend, is_num};
use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{COMMON, ORG, PARTICLE, PLACE, STREET};
use crate::tokenize::{TokKind, NEWLINE_BEFORE};

/// Words that can start an address cue, for the lexicon's `CUE` bit.
pub const ADDRESS_CUE_WORDS: &[&str] = &[
    "address",
    "addresses",
    "residence",
    "resides",
    "at",
    "to",
    "on",
    "of",
    "by",
];

/// Words that announce an address ("my address is", "lives at", "moved to").
fn address_cue(ctx: &Ctx, i: usize) -> bool {
    if ctx.bits[i] & crate::lexicon::ADDRESS_CUE == 0 {
        return false;
    }
    let w = ctx.low(i);
    match w {
        "address" | "addresses" | "residence" | "resides" => true,
        "at" | "to" | "on" => {
            i > 0
                && matches!(
                    ctx.low(i - 1),
                    "lives"
                        | "live"
                        | "living"
                        | "located"
                        | "moved"
                        | "sent"
                        | "send"
                        | "stay"
                        | "staying"
                        | "me"
                        | "off"
                        | "return"
                        | "deliver"
                        | "delivered"
                        | "is"
                        | "situated"
                        | "taxi"
                        | "corner"
                )
        }
        "by" => i > 0 && ctx.low(i - 1) == "stop",
        _ => false,
    }
}

pub(super) fn cued(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    for i in 0..n {
        if !address_cue(ctx, i) {
            continue;
        }
        let mut j = i + 1;
        while j < n && (ctx.is_punct(j, b':') || matches!(ctx.low(j), "is" | "the" | "of")) {
            j += 1;
        }
        if j >= n || !(cap_word(ctx, j) || is_num(ctx, j)) {
            continue;
        }
        // A number glued to more digits is a phone number or a date, not an address.
        if is_num(ctx, j)
            && j + 1 < n
            && ctx.tok(j + 1).kind == TokKind::Punct
            && ctx.glued(j + 1)
            && is_num(ctx, j + 2)
            && ctx.glued(j + 2)
        {
            continue;
        }
        // Capitalised words and numbers up to the first lower-case word.
        let mut k = j;
        let mut has_num = is_num(ctx, j);
        while k + 1 < n {
            let nx = k + 1;
            let t = ctx.tok(nx);
            let ok = (cap_word(ctx, nx) && ctx.bits[nx] & (COMMON | ORG) == 0)
                || is_num(ctx, nx)
                || t.kind == TokKind::Alnum
                || ctx.bits[nx] & (PARTICLE | STREET) != 0;
            if !ok || (t.has(NEWLINE_BEFORE) && !has_num) {
                break;
            }
            has_num |= is_num(ctx, nx);
            k = nx;
        }
        if (cap_word(ctx, j) && ctx.bits[j] & COMMON != 0 && ctx.bits[j] & PLACE == 0) || k > j + 8
        {
            continue;
        }
        let end = extend(ctx, k);
        let conf = if has_num { 0.75 } else { 0.55 };
        let ev = Evidence {
            source: "context:address",
            context: vec!["address"],
            ..Evidence::default()
        };
        ctx.push(
            Kind::StreetAddress,
            ctx.tok(j).start,
            ctx.tok(end).end,
            conf,
            ev,
        );
    }
}
