//! Dates written with words ("July 18, 2014", "14 March", "Tuesday", "last Friday",
//! "yesterday") and clock times after a numeric date. Numeric dates are in `numbers`.

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{MONTH, RELATIVE_DAY, WEEKDAY};
use crate::tokenize::{TokKind, CAP, SPACE_BEFORE};

fn num_value(ctx: &Ctx, i: usize) -> Option<u32> {
    (i < ctx.toks.len() && ctx.tok(i).kind == TokKind::Num && ctx.tok(i).len() <= 4).then(|| {
        ctx.raw(i)
            .bytes()
            .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'))
    })
}

/// A day of month, optionally with an ordinal suffix ("18", "18th", "1st").
fn day_at(ctx: &Ctx, i: usize) -> bool {
    if i >= ctx.toks.len() || !matches!(ctx.tok(i).kind, TokKind::Num | TokKind::Alnum) {
        return false;
    }
    let s = ctx.low(i);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &s[digits..];
    let v: u32 = s[..digits].parse().unwrap_or(0);
    (1..=31).contains(&v) && matches!(rest, "" | "st" | "nd" | "rd" | "th")
}

fn year_at(ctx: &Ctx, i: usize) -> bool {
    num_value(ctx, i).is_some_and(|y| ctx.tok(i).len() == 4 && (1800..=2100).contains(&y))
}

/// After a date ending at token `last` (byte `end`), take a clock time such as
/// " 22:50:23", " 10:30 am". Returns the new end.
pub fn extend_time(ctx: &Ctx, last: usize, end: usize) -> usize {
    let mut j = last + 1;
    if j >= ctx.toks.len() || num_value(ctx, j).is_none() || ctx.tok(j).len() > 2 {
        return end;
    }
    let mut e = end;
    let mut parts = 0;
    while num_value(ctx, j).is_some() && ctx.tok(j).len() <= 2 {
        e = ctx.tok(j).end;
        parts += 1;
        if ctx.is_punct(j + 1, b':') && ctx.glued(j + 1) && num_value(ctx, j + 2).is_some() {
            j += 2;
        } else {
            break;
        }
    }
    if parts < 2 {
        return end;
    }
    // Fractional seconds: "05:17:40.054839".
    if parts >= 3
        && ctx.is_punct(j + 1, b'.')
        && ctx.glued(j + 1)
        && j + 2 < ctx.toks.len()
        && ctx.tok(j + 2).kind == TokKind::Num
        && ctx.glued(j + 2)
    {
        e = ctx.tok(j + 2).end;
        j += 2;
    }
    if j + 1 < ctx.toks.len() && matches!(ctx.low(j + 1), "am" | "pm") {
        e = ctx.tok(j + 1).end;
    }
    e
}

pub fn scan(ctx: &mut Ctx) {
    let mut i = 0;
    while i < ctx.toks.len() {
        let bits = ctx.bits[i];
        if bits & (MONTH | WEEKDAY | RELATIVE_DAY) == 0 && !day_at(ctx, i) {
            i += 1;
            continue;
        }
        i = match_at(ctx, i).unwrap_or(i + 1);
    }
}

/// Try a worded date at token `i`; returns the index after it when one was pushed.
fn match_at(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let bits = ctx.bits[i];
    let t = *ctx.tok(i);
    let cap = t.has(CAP);
    let mut start = t.start;
    let modifier = i > 0 && matches!(ctx.low(i - 1), "last" | "next" | "this" | "coming" | "past");
    if modifier {
        start = ctx.tok(i - 1).start;
    }

    // "Tuesday, March 3, 2020" → continue from the month.
    if bits & WEEKDAY != 0 && cap {
        let mut j = i + 1;
        if ctx.is_punct(j, b',') {
            j += 1;
        }
        if j < ctx.toks.len() && ctx.bits[j] & MONTH != 0 {
            if let Some(end_tok) = month_date(ctx, j) {
                let end = ctx.tok(end_tok).end;
                ctx.push_simple(Kind::Date, start, end, 0.9, "pattern:worded_date");
                return Some(end_tok + 1);
            }
        }
        let conf = if modifier { 0.6 } else { 0.55 };
        ctx.push_simple(Kind::Date, start, t.end, conf, "lexicon:weekday");
        return Some(i + 1);
    }
    if bits & MONTH != 0 {
        let month_ok = cap || t.len() > 3;
        // "may" is a verb unless capitalised and followed by a day or year.
        let modal = ctx.low(i) == "may" && !cap;
        if month_ok && !modal {
            if let Some(end_tok) = month_date(ctx, i) {
                let end = extend_time(ctx, end_tok, ctx.tok(end_tok).end);
                ctx.push_simple(Kind::Date, t.start, end, 0.9, "pattern:worded_date");
                return Some(end_tok + 1);
            }
        }
    }
    // "12-Jan-2024", "05-Mar-21"
    if bits & MONTH != 0
        && i >= 2
        && ctx.is_punct(i - 1, b'-')
        && ctx.glued(i)
        && day_at(ctx, i - 2)
        && ctx.is_punct(i + 1, b'-')
        && ctx.glued(i + 1)
        && i + 2 < ctx.toks.len()
        && ctx.tok(i + 2).kind == TokKind::Num
        && matches!(ctx.tok(i + 2).len(), 2 | 4)
    {
        let start = ctx.tok(i - 2).start;
        let end = ctx.tok(i + 2).end;
        ctx.push_simple(Kind::Date, start, end, 0.9, "pattern:day_month_year");
        return Some(i + 3);
    }
    // "in March", "since June": the month of an event.
    if bits & MONTH != 0
        && cap
        && t.len() > 3
        && i > 0
        && matches!(
            ctx.low(i - 1),
            "in" | "since"
                | "during"
                | "until"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
        )
    {
        ctx.push_simple(Kind::Date, start, t.end, 0.5, "pattern:month");
        return Some(i + 1);
    }
    // "14 March 2020", "3rd of June"
    if day_at(ctx, i) {
        let mut j = i + 1;
        if j < ctx.toks.len() && ctx.low(j) == "of" {
            j += 1;
        }
        if j < ctx.toks.len()
            && ctx.bits[j] & MONTH != 0
            && (ctx.tok(j).has(CAP) || ctx.tok(j).len() > 3)
            && ctx.low(j) != "may"
            || (j < ctx.toks.len() && ctx.raw(j) == "May")
        {
            let mut end_tok = j;
            if ctx.is_punct(j + 1, b'.') && ctx.glued(j + 1) {
                end_tok = j + 1;
            }
            let mut k = end_tok + 1;
            if ctx.is_punct(k, b',') {
                k += 1;
            }
            if year_at(ctx, k) {
                end_tok = k;
            }
            let end = ctx.tok(end_tok).end;
            ctx.push_simple(Kind::Date, t.start, end, 0.9, "pattern:worded_date");
            return Some(end_tok + 1);
        }
        return None;
    }
    if bits & RELATIVE_DAY != 0 {
        // Relative dates date a visit but are not Safe Harbor dates: low confidence.
        ctx.push(
            Kind::Date,
            t.start,
            t.end,
            0.3,
            Evidence {
                source: "lexicon:relative_date",
                ..Evidence::default()
            },
        );
        return Some(i + 1);
    }
    None
}

/// Month name at `i` followed by a day and/or year: "July 18, 2014", "Jan. 5", "March 2020".
/// Returns the last token of the date.
fn month_date(ctx: &Ctx, i: usize) -> Option<usize> {
    let mut j = i + 1;
    if ctx.is_punct(j, b'.') && ctx.glued(j) {
        j += 1;
    }
    if day_at(ctx, j) && ctx.tok(j).has(SPACE_BEFORE) {
        let mut end = j;
        let mut k = j + 1;
        if ctx.is_punct(k, b',') {
            k += 1;
        }
        if year_at(ctx, k) {
            end = k;
        }
        return Some(end);
    }
    if year_at(ctx, j) {
        return Some(j);
    }
    None
}
