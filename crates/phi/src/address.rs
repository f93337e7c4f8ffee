//! Street addresses in US, European and Indian formats. An address starts at an anchor
//! (number + street words, street word + number, "H.No. 54", "PSC 3294", a city followed
//! by a PIN code, or an address cue) and extends over the units, cities, states, postal
//! codes and countries that follow it on the same or the next lines.

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{COMMON, MONTH, ORG, PARTICLE, PLACE, STREET, UNIT, WEEKDAY};
use crate::tokenize::{TokKind, CAP, NEWLINE_BEFORE, SPACE_BEFORE, UPPER};
use crate::vocab::{STREET_ENDINGS, US_STATES};

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
        TokKind::Alnum => t.len() <= 6 && ctx.raw(i).as_bytes()[0].is_ascii_digit(),
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

/// After an address piece ending at `end`, take units, cities, states, postal codes and
/// countries. Returns the new last token.
fn extend(ctx: &Ctx, mut end: usize) -> usize {
    let n = ctx.toks.len();
    let mut pieces = 0;
    let mut last_was_words = false;
    while pieces < MAX_PIECES {
        let mut j = end + 1;
        let mut sep_comma = false;
        while j < n
            && (ctx.is_punct(j, b',') || (ctx.is_punct(j, b'>') && ctx.tok(j).has(NEWLINE_BEFORE)))
        {
            sep_comma = true;
            j += 1;
        }
        if j >= n {
            break;
        }
        let newline =
            ctx.tok(j).has(NEWLINE_BEFORE) || (j > end + 1 && ctx.tok(end + 1).has(NEWLINE_BEFORE));
        let separated = sep_comma || newline;
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
        if is_num(ctx, j) && (3..=6).contains(&num_len(ctx, j)) {
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
fn extend_left(ctx: &Ctx, first: usize) -> usize {
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

fn cued(ctx: &mut Ctx) {
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
