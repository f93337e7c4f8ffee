//! Growing an address from its anchor: units, cities, states, postal codes and countries
//! after it; the house-number part before an Indian "City-PIN".

use super::{cap_word, is_num, num_len, street_run, MAX_PIECES};
use crate::ctx::Ctx;
use crate::lexicon::{COMMON, MONTH, ORG, PARTICLE, PLACE, UNIT, WEEKDAY};
use crate::tokenize::{TokKind, CAP, NEWLINE_BEFORE, UPPER};
use crate::vocab::US_STATES;

/// After an address piece ending at `end`, take units, cities, states, postal codes and
/// countries. Returns the new last token.
pub(super) fn extend(ctx: &Ctx, mut end: usize) -> usize {
    let n = ctx.toks.len();
    let mut pieces = 0;
    let mut last_was_words = false;
    // One postal code per address: a number on the next line after it is a phone.
    let mut have_postcode = false;
    while pieces < MAX_PIECES {
        let mut j = end + 1;
        let mut sep_comma = false;
        while j < n && ctx.is_punct(j, b',') {
            sep_comma = true;
            j += 1;
        }
        // Quoting or list marks at a line start: "> ", "}}", "??? ".
        if j < n && ctx.tok(j).has(NEWLINE_BEFORE) && ctx.tok(j).kind == TokKind::Punct {
            let mut k = j;
            while k < n && ctx.tok(k).kind == TokKind::Punct && !ctx.is_punct(k, b'(') && k < j + 4
            {
                k += 1;
            }
            if k < n && k > j {
                sep_comma = true;
                j = k;
            }
        }
        if j >= n {
            break;
        }
        let newline =
            ctx.tok(j).has(NEWLINE_BEFORE) || (j > end + 1 && ctx.tok(end + 1).has(NEWLINE_BEFORE));
        let separated = sep_comma || newline;
        // The postal code ends an address: the next line is something else.
        if have_postcode && newline {
            break;
        }
        // Indian "City-462001": a glued hyphen and a PIN code.
        if ctx.is_punct(j, b'-') && ctx.glued(j) && num_len(ctx, j + 1) == 6 {
            end = j + 1;
            pieces += 1;
            continue;
        }
        if ctx.is_punct(j, b'#') && is_num(ctx, j + 1) {
            end = j + 1;
            pieces += 1;
            continue;
        }
        // Spreadsheet exports print a missing field as "nan" inside address blocks.
        if ctx.raw(j) == "nan" && pieces > 0 {
            end = j;
            pieces += 1;
            continue;
        }
        let t = *ctx.tok(j);
        // Intersections: "Kuusiku 7 and Alexander Flat".
        if !separated && ctx.low(j) == "and" && pieces == 0 {
            if let Some(e) = street_run(ctx, j + 1) {
                end = e;
                pieces += 1;
                continue;
            }
        }
        // Units: "Apt. 809", "Suite 222", "Flat 3B".
        if ctx.bits[j] & UNIT != 0 && t.has(CAP) {
            let mut k = j + 1;
            if ctx.is_punct(k, b'.') {
                k += 1;
            }
            if k < n && matches!(ctx.tok(k).kind, TokKind::Num | TokKind::Alnum) {
                end = k;
                pieces += 1;
                last_was_words = false;
                continue;
            }
        }
        // State abbreviation, optionally with its ZIP.
        if t.kind == TokKind::Word && t.len() == 2 && US_STATES.contains(&ctx.raw(j)) {
            end = j;
            if num_len(ctx, j + 1) == 5 {
                end = j + 1;
                if ctx.is_punct(j + 2, b'-') && num_len(ctx, j + 3) == 4 {
                    end = j + 3;
                }
            }
            pieces += 1;
            last_was_words = false;
            continue;
        }
        // Postal codes: 4–6 digits, "340 12", "53-320", "B0J 2H0", "7412 SL".
        if is_num(ctx, j) && (3..=6).contains(&num_len(ctx, j)) && !(have_postcode && newline) {
            have_postcode = true;
            end = j;
            if ctx.is_punct(j + 1, b'-') && ctx.glued(j + 1) && is_num(ctx, j + 2) {
                end = j + 2;
            } else {
                // "340 12" or "7412 SL": a short second part on the same line.
                let next_short_num = (2..=3).contains(&num_len(ctx, j + 1));
                let next_letters =
                    j + 1 < n && ctx.tok(j + 1).has(UPPER) && ctx.tok(j + 1).len() == 2;
                if (next_short_num || next_letters) && !ctx.tok(j + 1).has(NEWLINE_BEFORE) {
                    end = j + 1;
                }
            }
            pieces += 1;
            last_was_words = false;
            continue;
        }
        if t.kind == TokKind::Alnum
            && !(have_postcode && newline)
            && t.len() <= 4
            && ctx
                .raw(j)
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            end = j;
            if j + 1 < n && ctx.tok(j + 1).kind == TokKind::Alnum && ctx.tok(j + 1).len() <= 4 {
                end = j + 1;
            }
            have_postcode = true;
            pieces += 1;
            continue;
        }
        // City / region / country words.
        if cap_word(ctx, j) && (separated || !last_was_words) {
            let bits = ctx.bits[j];
            let head = bits & crate::lexicon::PLACE_HEAD != 0; // "North Dumdum"
            let weak = bits & (ORG | MONTH | WEEKDAY) != 0
                || (bits & COMMON != 0 && bits & PLACE == 0 && !head && !ctx.tok(j).has(UPPER));
            if weak {
                break;
            }
            let mut k = j;
            while k + 1 < n
                && !ctx.tok(k + 1).has(NEWLINE_BEFORE)
                && (cap_word(ctx, k + 1)
                    || (ctx.bits[k + 1] & PARTICLE != 0 && cap_word(ctx, k + 2)))
                && ctx.bits[k + 1] & (ORG | MONTH | WEEKDAY) == 0
                && k < j + 3
            {
                k += 1;
            }
            end = k;
            pieces += 1;
            last_was_words = true;
            continue;
        }
        break;
    }
    end
}

/// Left part of an Indian address before "City-PIN" / "City PIN": "98/64, Madan, ".
pub(super) fn extend_left(ctx: &Ctx, first: usize) -> usize {
    let mut start = first;
    let mut j = first;
    let mut steps = 0;
    while j > 0 && steps < 10 {
        let p = j - 1;
        let t = ctx.tok(p);
        let ok = cap_word(ctx, p) && ctx.bits[p] & (COMMON | ORG) == 0
            || t.kind == TokKind::Num
            || t.kind == TokKind::Alnum
            || ctx.is_punct(p, b',')
            || ctx.is_punct(p, b'/');
        if !ok {
            break;
        }
        j = p;
        steps += 1;
        if !ctx.is_punct(p, b',') && !ctx.is_punct(p, b'/') {
            start = p;
        }
    }
    start
}
