//! Ages ("54 year old", "aged 91", "turned 40", "34M", "104th birthday") and facility units ("room 412", "bed 3").

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::FACILITY;
use crate::tokenize::{TokKind, CAP, UPPER};

fn age_value(ctx: &Ctx, i: usize) -> Option<u32> {
    let t = ctx.tok(i);
    (t.kind == TokKind::Num && t.len() <= 3)
        .then(|| {
            ctx.raw(i)
                .bytes()
                .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'))
        })
        .filter(|v| (1..=125).contains(v))
}

/// Words after a number that make it an age.
fn age_after(ctx: &Ctx, i: usize) -> Option<&'static str> {
    let mut j = i + 1;
    if ctx.is_punct(j, b'-') {
        j += 1;
    }
    if j >= ctx.toks.len() {
        return None;
    }
    match ctx.low(j) {
        "year-old" | "years-old" | "yr-old" | "yo" | "yrs" | "yr" => Some("years old"),
        "year" | "years"
            if j + 1 < ctx.toks.len()
                && (matches!(ctx.low(j + 1), "old" | "-old")
                    || (ctx.low(j + 1) == "of"
                        && j + 2 < ctx.toks.len()
                        && ctx.low(j + 2) == "age"))
                || j + 2 < ctx.toks.len() && ctx.low(j + 2) == "old" =>
        {
            Some("years old")
        }
        "y" if ctx.is_punct(j + 1, b'/') && j + 2 < ctx.toks.len() && ctx.low(j + 2) == "o" => {
            Some("y/o")
        }
        "m" | "f" if ctx.glued(j) => Some("sex"),
        _ => None,
    }
}

fn age_before(ctx: &Ctx, i: usize) -> Option<&'static str> {
    let p = i.checked_sub(1)?;
    // News style "Jane Doe, 93, of Bhopal": a capitalised word, a comma, the number, and a
    // comma or the end after it.
    if ctx.is_punct(p, b',')
        && p > 0
        && ctx.tok(p - 1).has(crate::tokenize::CAP)
        && ctx.tok(p - 1).kind == TokKind::Word
    {
        let after_ok =
            i + 1 >= ctx.toks.len() || ctx.is_punct(i + 1, b',') || ctx.is_punct(i + 1, b'.');
        if after_ok && ctx.tok(i).len() <= 3 {
            return Some("appositive");
        }
    }
    let w = ctx.low(p);
    let cue = match w {
        "aged" => "aged",
        "age" => "age",
        "turned" | "turn" | "turning" | "turns" => "turned",
        "of" if p > 0 && ctx.low(p - 1) == "age" => "age of",
        "was" | "is" | "am"
            if p > 0 && matches!(ctx.low(p - 1), "he" | "she" | "i" | "they" | "who") =>
        {
            "is"
        }
        "m" if p > 0 && ctx.is_punct(p - 1, b'\'') => "i'm",
        ":" if p > 0 && ctx.low(p - 1) == "age" => "age",
        _ => return None,
    };
    Some(cue)
}

/// Ages written in one token: the clinical shorthand "34M", "72F" (a number glued to an
/// upper-case sex letter, not money or a count of millions: "$34M", "34M views"), and a
/// birthday's ordinal, "104th birthday".
fn glued_age(ctx: &Ctx, i: usize) -> Option<(u32, &'static str)> {
    let t = ctx.tok(i);
    if t.kind != TokKind::Alnum || t.len() > 5 {
        return None;
    }
    let raw = ctx.raw(i);
    let split = raw.find(|c: char| !c.is_ascii_digit())?;
    let (num, tail) = raw.split_at(split);
    let v: u32 = num.parse().ok().filter(|v| (1..=125).contains(v))?;
    let next = |k: usize| {
        if i + k < ctx.toks.len() {
            ctx.low(i + k)
        } else {
            ""
        }
    };
    match tail {
        "M" | "F" => {
            const COUNTS: &[&str] = &[
                "people",
                "users",
                "views",
                "followers",
                "patients",
                "doses",
                "dollars",
                "downloads",
                "impressions",
                "grant",
                "funding",
                "budget",
                "rupees",
                "in",
                "raised",
                "investment",
                "project",
                "expansion",
                "lives",
                "visits",
                "of",
            ];
            // "$34M", "Rs. 34M", "₹34M": money. "fever of 104F": a temperature. "3M N95":
            // a maker. "Room 12F": a room.
            let prev = |k: usize| if i >= k { ctx.low(i - k) } else { "" };
            let currency = |w: &str| ["rs", "inr", "usd", "$", "₹", "£", "€"].contains(&w);
            let money = currency(prev(1)) || prev(1) == "." && currency(prev(2));
            let count = COUNTS.contains(&next(1)) || ctx.is_punct(i + 1, b'+');
            let heat = tail == "F"
                && (v >= 93
                    || (1..=3).any(|k| {
                        matches!(prev(k), "fever" | "temp" | "temperature" | "bukhar" | "°")
                    }));
            let room = i > 0 && ctx.bits[i - 1] & FACILITY != 0;
            (v >= 10 && !money && !count && !heat && !room).then_some((v, "sex"))
        }
        // Not "our 25th birthday", "its 100th birthday": the organisation's.
        "th" | "st" | "nd" | "rd"
            if matches!(next(1), "birthday" | "bday" | "b'day" | "janmdin")
                && !(i > 0 && matches!(ctx.low(i - 1), "our" | "its" | "s")) =>
        {
            Some((v, "birthday"))
        }
        _ => None,
    }
}

pub fn scan(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        if ctx.bits[i] & FACILITY != 0 {
            facility(ctx, i);
            continue;
        }
        if let Some((v, cue)) = glued_age(ctx, i) {
            let ev = Evidence {
                source: "pattern:age",
                context: vec![cue],
                over_89: v > 89,
                ..Evidence::default()
            };
            let t = *ctx.tok(i);
            ctx.push(Kind::Age, t.start, t.end, 0.85, ev);
            continue;
        }
        let Some(v) = age_value(ctx, i) else { continue };
        let after = age_after(ctx, i);
        let before = age_before(ctx, i);
        // "is 84" alone is weak; a following unit word ("84 miles") rules it out.
        let unit_after = i + 1 < ctx.toks.len()
            && ctx.tok(i + 1).kind == TokKind::Word
            && after.is_none()
            && ctx.low(i + 1) != "and";
        let conf = match (before, after) {
            (_, Some(_)) => 0.9,
            (Some("appositive"), None) => 0.55,
            (Some("is"), None) if unit_after => continue,
            (Some("is"), None) => 0.55,
            (Some(_), None) if unit_after => 0.5,
            (Some(_), None) => 0.85,
            (None, None) => continue,
        };
        let ev = Evidence {
            source: "pattern:age",
            context: before.into_iter().chain(after).collect(),
            over_89: v > 89,
            ..Evidence::default()
        };
        let t = *ctx.tok(i);
        ctx.push(Kind::Age, t.start, t.end, conf, ev);
    }
}

fn facility(ctx: &mut Ctx, i: usize) {
    let mut j = i + 1;
    if ctx.is_punct(j, b'#') || ctx.is_punct(j, b':') {
        j += 1;
    }
    if j >= ctx.toks.len() {
        return;
    }
    let t = *ctx.tok(j);
    let id_like = matches!(t.kind, TokKind::Num | TokKind::Alnum)
        || (t.kind == TokKind::Word && t.len() <= 2 && t.has(CAP | UPPER));
    if !id_like || t.len() > 6 {
        return;
    }
    let ev = Evidence {
        source: "pattern:facility_unit",
        context: vec![crate::vocab::FACILITY_UNITS
            .iter()
            .copied()
            .find(|w| *w == ctx.low(i))
            .unwrap_or("room")],
        ..Evidence::default()
    };
    ctx.push(Kind::FacilityUnit, ctx.tok(i).start, t.end, 0.7, ev);
}
