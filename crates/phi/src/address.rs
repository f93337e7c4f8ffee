//! Street addresses in US, European and Indian formats. An address starts at an anchor
//! (number + street words, street word + number, "H.No. 54", "PSC 3294", a city followed
//! by a PIN code, or an address cue) and extends over the units, cities, states, postal
//! codes and countries that follow it on the same or the next lines.

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{COMMON, MONTH, PARTICLE, PLACE, STREET, UNIT, WEEKDAY};
use crate::tokenize::{TokKind, CAP, NEWLINE_BEFORE, SPACE_BEFORE, UPPER};
use crate::vocab::STREET_ENDINGS;

const MAX_PIECES: usize = 10;

fn is_num(ctx: &Ctx, i: usize) -> bool {
    i < ctx.toks.len() && ctx.tok(i).kind == TokKind::Num
}

fn num_len(ctx: &Ctx, i: usize) -> usize {
    if is_num(ctx, i) {
        ctx.tok(i).len()
    } else {
        0
    }
}

fn cap_word(ctx: &Ctx, i: usize) -> bool {
    i < ctx.toks.len()
        && ctx.tok(i).kind == TokKind::Word
        && (ctx.tok(i).has(CAP) || ctx.tok(i).has(UPPER))
}

fn street_word(ctx: &Ctx, i: usize) -> bool {
    if !cap_word(ctx, i) {
        return false;
    }
    if ctx.bits[i] & STREET != 0 {
        return true;
    }
    if ctx.bits[i] & (crate::lexicon::FIRST | crate::lexicon::LAST | COMMON | PLACE) != 0 {
        return false;
    }
    let w = ctx.low(i);
    STREET_ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// "12", "12B", "175th", "54/212": a building number; returns its last token.
fn building_number(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.tok(i);
    let ok = match t.kind {
        TokKind::Num => t.len() <= 6,
        // "8pm CT", "10am ET" are times, not "12B Main St".
        TokKind::Alnum => {
            let w = ctx.low(i);
            let time = (w.ends_with("am") || w.ends_with("pm"))
                && w[..w.len() - 2].bytes().all(|b| b.is_ascii_digit());
            t.len() <= 6 && ctx.raw(i).as_bytes()[0].is_ascii_digit() && !time
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    if ctx.is_punct(i + 1, b'/') && ctx.glued(i + 1) && is_num(ctx, i + 2) && ctx.glued(i + 2) {
        return Some(i + 2);
    }
    Some(i)
}

/// Street words after a building number: up to six words containing a street type
/// ("Sullivan Garden", "Rue de Virton", "Kálmán Imre u.") or, European style, a name then
/// a house number ("Koskikatu 25"). Returns the last token.
fn street_run(ctx: &Ctx, mut j: usize) -> Option<usize> {
    let n = ctx.toks.len();
    let mut seen_street = None;
    let mut last_word = None;
    let mut words = 0;
    while j < n && words < 6 {
        let t = ctx.tok(j);
        if words > 0 && t.has(NEWLINE_BEFORE) {
            break;
        }
        if cap_word(ctx, j) && ctx.bits[j] & (MONTH | WEEKDAY | UNIT) == 0 {
            if street_word(ctx, j) {
                seen_street = Some(j);
            }
            last_word = Some(j);
        } else if t.kind == TokKind::Word && ctx.bits[j] & STREET != 0 && words > 0 {
            seen_street = Some(j); // lower-case types: "tér", "u.", "str"
        } else if ctx.is_punct(j, b'.') && ctx.glued(j) && words > 0 {
            j += 1;
            continue;
        } else if t.kind == TokKind::Alnum
            || (is_num(ctx, j) && words == 0)
            || (ctx.bits[j] & PARTICLE != 0 && words > 0)
        {
            // "175th", a second number, "Rue de Virton"
        } else {
            break;
        }
        words += 1;
        j += 1;
    }
    let mut end = match seen_street {
        // "Via Roma", "Rua do Arenque": the type comes first, the name after it.
        Some(s) => last_word.filter(|&w| w > s).unwrap_or(s),
        None => {
            let w = last_word?;
            let house = num_len(ctx, w + 1);
            // Not an acronym or an identifier cue ("SSN 392", "MRN 4851").
            if ctx.bits[w] & (COMMON | crate::lexicon::ID_CUE) != 0
                || ctx.tok(w).has(UPPER)
                || !(1..=5).contains(&house)
                || ctx.tok(w + 1).has(NEWLINE_BEFORE)
            {
                return None;
            }
            w
        }
    };
    if ctx.is_punct(end + 1, b'.') && ctx.glued(end + 1) {
        end += 1;
    }
    // A house number after the street name ("Koskikatu 25", "tér 19.").
    let h = num_len(ctx, end + 1);
    if (1..=5).contains(&h) && !ctx.tok(end + 1).has(NEWLINE_BEFORE) && !ctx.is_punct(end + 2, b'-')
    {
        end += 1;
        if ctx.is_punct(end + 1, b'.') && ctx.glued(end + 1) {
            end += 1;
        }
    }
    Some(end)
}

/// An address anchor at token `i`: (first token, last token, confidence, source).
fn anchor_at(ctx: &Ctx, i: usize) -> Option<(usize, usize, f32, &'static str)> {
    let n = ctx.toks.len();
    let capital = ctx.tok(i).kind == TokKind::Word && ctx.tok(i).has(UPPER | CAP);
    let w = if capital { ctx.low(i) } else { "" };
    // PO boxes and military addresses.
    if matches!(w, "psc" | "box" | "po" | "p" | "unit" | "cmr") && ctx.tok(i).has(UPPER | CAP) {
        let mut j = i + 1;
        if w == "p" {
            // "P.O. Box"
            if !(ctx.is_punct(j, b'.') && j + 2 < n && ctx.low(j + 1) == "o") {
                return None;
            }
            j += 2;
            if ctx.is_punct(j, b'.') {
                j += 1;
            }
        }
        if matches!(w, "po" | "p") && j < n && ctx.low(j) == "box" {
            j += 1;
        }
        let unit_box = w == "unit" && j + 1 < n && ctx.low(j + 1) == "box";
        if is_num(ctx, j) && (w != "unit" || unit_box) {
            return Some((i, j, 0.85, "pattern:po_box"));
        }
    }
    // US military ships: "USNS Sekerková\nFPO AA 65728"
    if matches!(w, "usns" | "uss" | "usnv" | "uscgc") && cap_word(ctx, i + 1) {
        return Some((i, i + 1, 0.85, "pattern:military_address"));
    }
    // "H.No. 54", "House No 7", "Flat No. 3B", "Plot 12"
    if matches!(w, "h" | "house" | "flat" | "plot" | "door" | "shop") && ctx.tok(i).has(CAP) {
        let mut j = i + 1;
        while j < n
            && j <= i + 4
            && (ctx.is_punct(j, b'.') || matches!(ctx.low(j), "no" | "number"))
        {
            j += 1;
        }
        if j > i + 1 && j < n && building_number(ctx, j).is_some() {
            let b = building_number(ctx, j)?;
            let mut k = b + 1;
            if ctx.is_punct(k, b',') {
                k += 1;
            }
            let end = if cap_word(ctx, k) {
                street_run(ctx, k).unwrap_or(b)
            } else {
                b
            };
            return Some((i, end, 0.9, "pattern:house_number"));
        }
    }
    if let Some(b) = building_number(ctx, i) {
        // Not the tail of a larger number or date.
        let numeric_tail = i > 1
            && ctx.glued(i)
            && (ctx.is_punct(i - 1, b'-')
                || ctx.is_punct(i - 1, b'.')
                || ctx.is_punct(i - 1, b'/')
                || ctx.is_punct(i - 1, b':'))
            && is_num(ctx, i - 2);
        if numeric_tail {
            return None;
        }
        let mut k = b + 1;
        if ctx.is_punct(k, b',') {
            k += 1;
        }
        if k < n && (ctx.tok(k).has(SPACE_BEFORE) || ctx.tok(k).has(NEWLINE_BEFORE)) {
            if let Some(end) = street_run(ctx, k) {
                return Some((i, end, 0.9, "pattern:street_address"));
            }
        }
        // Indian "88/395, Choudhry, Firozabad": a slashed house number, a comma, a name.
        if b == i + 2
            && ctx.is_punct(b + 1, b',')
            && cap_word(ctx, b + 2)
            && ctx.bits[b + 2] & COMMON == 0
        {
            return Some((i, b + 2, 0.75, "pattern:house_number"));
        }
    }
    // "Friedhofstrasse 33", "Via Roma 131", "Rua Diadema 1903"
    if street_word(ctx, i) {
        let mut j = i + 1;
        while j < n
            && j <= i + 3
            && (cap_word(ctx, j) || (ctx.bits[j] & PARTICLE != 0))
            && !ctx.tok(j).has(NEWLINE_BEFORE)
        {
            j += 1;
        }
        if j < n
            && num_len(ctx, j) > 0
            && num_len(ctx, j) <= 5
            && !ctx.tok(j).has(NEWLINE_BEFORE)
            && ctx.bits[i] & COMMON == 0
        {
            return Some((i, j, 0.85, "pattern:street_number"));
        }
    }
    None
}

pub fn scan(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if let Some((mut first, last, conf, source)) = anchor_at(ctx, i) {
            // A building number before "P.O. Box" or a street name on the same line.
            if first > 0
                && num_len(ctx, first - 1) > 0
                && num_len(ctx, first - 1) <= 6
                && !ctx.tok(first).has(NEWLINE_BEFORE)
                && (first < 2 || !ctx.glued(first - 1))
            {
                first -= 1;
            }
            let end = extend(ctx, last);
            let ev = Evidence {
                source,
                ..Evidence::default()
            };
            ctx.push(
                Kind::StreetAddress,
                ctx.tok(first).start,
                ctx.tok(end).end,
                conf,
                ev,
            );
            i = end + 1;
            continue;
        }
        // "Nashik 986039", "Chapra-036426": a place word then a six-digit PIN code.
        if cap_word(ctx, i) && ctx.bits[i] & COMMON == 0 {
            let mut j = i + 1;
            let glued_dash = ctx.is_punct(j, b'-') && ctx.glued(j);
            if glued_dash {
                j += 1;
            }
            if num_len(ctx, j) == 6
                && (glued_dash || ctx.tok(j).has(SPACE_BEFORE))
                && !ctx.tok(j).has(NEWLINE_BEFORE)
            {
                let start = extend_left(ctx, i);
                let ev = Evidence {
                    source: "pattern:city_pin",
                    ..Evidence::default()
                };
                ctx.push(
                    Kind::StreetAddress,
                    ctx.tok(start).start,
                    ctx.tok(j).end,
                    0.8,
                    ev,
                );
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    cued(ctx);
}

mod cued;
mod extend;
use cued::cued;
pub use cued::ADDRESS_CUE_WORDS;
use extend::{extend, extend_left};
