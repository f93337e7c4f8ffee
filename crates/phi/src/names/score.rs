//! Scoring one run of name-like tokens: its composition, the cue words around it, suffixes
//! and honorifics.

use super::{classify, Class, Classes};
use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{
    HONORIFIC, NAME_HONORIFIC_SUFFIX, NAME_SUFFIX, ORG, PATIENT, PERSON_AFTER, PERSON_BEFORE, PLACE,
};
use crate::tokenize::{TokKind, CAP, NEWLINE_BEFORE, NON_ASCII, SENT_START, UPPER};

fn is_street_type(w: &str) -> bool {
    matches!(
        w,
        "street" | "avenue" | "road" | "lane" | "drive" | "boulevard" | "marg" | "nagar" | "chowk"
    )
}

/// A run that starts with a listed first name and ends with a listed surname.
fn first_then_last(ctx: &Ctx, first: usize, last: usize) -> bool {
    ctx.bits[first] & crate::lexicon::FIRST != 0 && ctx.bits[last] & crate::lexicon::LAST != 0
}

pub(super) fn decide(ctx: &mut Ctx, mut first: usize, last: usize, classes: &Classes, title: bool) {
    let mut classes = classes.clone();
    // At a sentence start capitals say nothing: drop a leading common word ("Thank").
    // Kept when it is a listed first name before a surname ("Will Smith", "Drew Graham").
    let first_name_lead =
        ctx.bits[first] & crate::lexicon::FIRST != 0 && classes.second == Some(Class::Strong);
    if ctx.tok(first).has(SENT_START)
        && classes.first == Some(Class::Weak)
        && classes.k > 1
        && !first_name_lead
    {
        first += 1;
        classes.drop_first();
        while first < last && classify(ctx, first) == Class::Stop {
            first += 1;
        }
    }
    // "Oak Street", "Park Avenue": a street name without a number.
    if classes.k >= 2 && is_street_type(ctx.low(last)) {
        let ev = Evidence {
            source: "shape:street_name",
            ..Evidence::default()
        };
        ctx.push(
            Kind::StreetAddress,
            ctx.tok(first).start,
            ctx.tok(last).end,
            0.6,
            ev,
        );
        return;
    }
    let k = classes.k;
    let strong = classes.strong;
    let unknown = classes.unknown;
    let weak = k - strong - unknown;

    // A run followed by an organisation word is a company or a facility.
    let mut after = last + 1;
    if after < ctx.toks.len() && ctx.is_punct(after, b',') {
        after += 1;
    }
    if after < ctx.toks.len()
        && ctx.bits[after] & ORG != 0
        && ctx.tok(after).has(CAP)
        && !ctx.tok(after).has(NEWLINE_BEFORE)
    {
        return;
    }

    let mut ev = Evidence {
        source: "lexicon:name",
        ..Evidence::default()
    };
    // Mid-sentence capitals mark a proper noun, unless the whole text is in Title Case.
    let informative_caps = !ctx.tok(first).has(SENT_START) && !title;
    let mut score: f32 = match (k, strong, weak, informative_caps) {
        (1, 1, _, true) => 0.7,
        (1, 1, _, false) => 0.62,
        (1, 0, 1, true) => 0.5,
        (1, 0, 1, false) => 0.25,
        (1, _, _, true) => 0.5,
        (1, _, _, false) => 0.3,
        (_, s, _, _) if s >= 2 => 0.92,
        (_, 1, _, _) => 0.85,
        // Only capitalised common words ("Princess Royal", "Labor Day"): a title or a
        // name of a thing unless a cue says otherwise.
        (_, 0, w, _) if w == k && first_then_last(ctx, first, last) => 0.5,
        (_, 0, w, _) if w == k => 0.4,
        (_, 0, w, _) if w >= 1 => 0.6,
        _ => 0.55,
    };
    if strong == 0 {
        ev.source = "shape:capitalised";
    }
    // Foreign-script letters in an unknown proper noun lean towards a name.
    if unknown > 0 && strong == 0 && (first..=last).any(|j| ctx.tok(j).has(NON_ASCII)) {
        score += 0.1;
    }
    let (cue_boost, honorific) = cues_before(ctx, first, &mut ev);
    score += cue_boost;
    // "Brown rice", "Sharp pain", "Mark your calendars": a lone word opening a sentence
    // and followed by a plain lower-case word reads as that word, not a name. Verbs that
    // follow names ("Mark said", "James is") are person cues and keep the name reading.
    if k == 1 && ctx.tok(first).has(SENT_START) && !honorific {
        let j = last + 1;
        let plain_next = j < ctx.toks.len()
            && ctx.tok(j).kind == TokKind::Word
            && ctx.tok(j).has(crate::tokenize::LOWER)
            && ctx.bits[j] & PERSON_AFTER == 0;
        if plain_next {
            score -= 0.17;
            ev.lowered.push("sentence start");
        }
    }
    // "Success Story", "Full Prescribing": a capitalised common word just before continues
    // a title, not a name.
    if k == 1
        && first > 0
        && ctx.tok(first - 1).has(CAP)
        && ctx.bits[first - 1] & crate::lexicon::COMMON != 0
        && !honorific
    {
        score -= 0.1;
        ev.lowered.push("title case");
    }
    // "the Princess Royal", "The Big Three": a determiner introduces a thing or a title.
    if first > 0
        && matches!(
            ctx.low(first - 1),
            "the" | "a" | "an" | "this" | "that" | "our" | "your" | "their"
        )
        && !honorific
    {
        score -= 0.2;
        ev.lowered.push("determiner");
    }
    // "Martin", "Florence": also places; without a person cue the place reading competes.
    if k == 1 && ctx.bits[first] & PLACE != 0 && cue_boost < 0.2 {
        score -= 0.1;
    }
    score += cues_after(ctx, last, &mut ev);

    // Generational or professional suffix: "Jr.", "DVM".
    let mut end_tok = last;
    let s = last + 1;
    if s < ctx.toks.len()
        && ctx.bits[s] & NAME_SUFFIX != 0
        && (ctx.tok(s).has(CAP) || ctx.tok(s).has(UPPER))
        && !ctx.tok(s).has(NEWLINE_BEFORE)
    {
        end_tok = if ctx.is_punct(s + 1, b'.') && ctx.glued(s + 1) {
            s + 1
        } else {
            s
        };
        score += 0.05;
    }
    if s < ctx.toks.len() && ctx.bits[s] & NAME_HONORIFIC_SUFFIX != 0 {
        ev.context.push("ji");
        score += 0.2;
    }
    if honorific && k >= 1 {
        score = score.max(0.8);
    }
    let score = score.clamp(0.0, 0.99);
    if score >= 0.2 {
        let start = ctx.tok(first).start;
        let end = ctx.tok(end_tok).end;
        ctx.push(Kind::Person, start, end, score, ev);
    }
}

/// Cues in the two words before a name; returns (boost, honorific seen).
fn cues_before(ctx: &Ctx, first: usize, ev: &mut Evidence) -> (f32, bool) {
    let mut boost = 0.0;
    let mut honorific = false;
    let mut seen = 0;
    let mut j = first;
    while j > 0 && seen < 3 {
        j -= 1;
        let t = ctx.tok(j);
        if t.kind == TokKind::Punct {
            let b = ctx.text.as_bytes()[t.start];
            if matches!(b, b'.' | b',' | b':' | b'\'' | b'"' | b'?') && seen == 0 {
                continue;
            }
            break;
        }
        seen += 1;
        if ctx.bits[j] & (PERSON_BEFORE | HONORIFIC) == 0 {
            if t.kind != TokKind::Word || seen >= 2 {
                break;
            }
            continue;
        }
        let bits = ctx.bits[j];
        let word = ctx.lex.static_word(ctx.low(j)).unwrap_or("cue");
        if bits & HONORIFIC != 0 && (t.has(CAP) || seen == 1) {
            honorific = true;
            boost += 0.35;
            ev.context.push(if bits & PERSON_BEFORE != 0 {
                word
            } else {
                "honorific"
            });
            continue;
        }
        if bits & PERSON_BEFORE != 0 {
            let patient = bits & PATIENT != 0;
            // "name is X", "named X", "called X" introduce a name outright.
            let naming = matches!(word, "name" | "named" | "called" | "surname" | "maiden");
            boost += if patient || naming {
                0.3
            } else if seen == 1 {
                0.15
            } else {
                0.05
            };
            ev.context.push(word);
            let weak_preposition = matches!(
                word,
                "to" | "and" | "with" | "from" | "by" | "for" | "of" | "about"
            );
            if seen == 1 && !patient && weak_preposition {
                boost -= 0.07; // places follow these as often as names do
            }
        }
        if t.kind != TokKind::Word || seen >= 2 {
            break;
        }
    }
    (boost, honorific)
}

fn cues_after(ctx: &Ctx, last: usize, ev: &mut Evidence) -> f32 {
    let j = last + 1;
    if j >= ctx.toks.len() {
        return 0.05;
    }
    if (ctx.is_punct(j, b'\'') || ctx.text[ctx.tok(j).start..].starts_with('’'))
        && j + 1 < ctx.toks.len()
        && ctx.low(j + 1) == "s"
    {
        ev.context.push("'s");
        return 0.1;
    }
    if ctx.is_punct(j, b'(') {
        return 0.1; // "Name (MRN …)"
    }
    // A vocative opening the text: "Djevad, can I please speak to your boss?"
    if ctx.is_punct(j, b',')
        && ctx.tok(last).has(SENT_START)
        && j + 1 < ctx.toks.len()
        && ctx.tok(j + 1).has(crate::tokenize::LOWER)
    {
        return 0.15;
    }
    // A speaker label at the start of a line: "Koppány: \"Who are you?\""
    if ctx.is_punct(j, b':') && ctx.tok(last).has(SENT_START) {
        return 0.2;
    }
    if ctx.bits[j] & PERSON_AFTER == 0 {
        return 0.0;
    }
    let cue = ctx.lex.static_word(ctx.low(j)).unwrap_or("cue");
    ev.context.push(cue);
    if cue == "and" || cue == "from" {
        0.1
    } else {
        0.2
    }
}
