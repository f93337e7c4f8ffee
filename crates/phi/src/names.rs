//! Person names: runs of capitalised tokens scored by the name lexicons (first and last
//! names from many locales, Devanagari included), token shape, honorifics and the cue
//! words around them ("my son", "patient", "says").

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{
    COMMON, FIRST, HONORIFIC, LAST, MONTH, ORG, PARTICLE, PERSON_BEFORE, STREET, UNIT, WEEKDAY,
};
use crate::tokenize::{TokKind, CAP, LOWER, NEWLINE_BEFORE, NON_ASCII, SENT_START, UPPER};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// In a name list and not a common English word.
    Strong,
    /// In a name list but also a common word ("Grace", "Will", "Brown").
    Weak,
    /// Capitalised, in no list and not a common word: a proper noun of unknown kind.
    Unknown,
    /// Not part of a name.
    Stop,
}

fn is_devanagari(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}

fn classify(ctx: &Ctx, i: usize) -> Class {
    let t = ctx.tok(i);
    if t.kind != TokKind::Word {
        return Class::Stop;
    }
    let bits = ctx.bits[i];
    let raw = ctx.raw(i);
    let deva = t.has(NON_ASCII) && is_devanagari(raw);
    // In an all-lower-case text a listed name may be lower case too ("my name is vitoria").
    let lower_name = ctx.no_caps && bits & (FIRST | LAST) != 0 && bits & COMMON == 0 && t.len() > 2;
    if !(t.has(CAP) || deva || lower_name) {
        return Class::Stop;
    }
    if bits & WEEKDAY != 0 {
        return Class::Stop;
    }
    // "Mon-Sat", "Monday-Friday": opening days, not a double-barrelled name.
    let low = ctx.low(i);
    if low.contains('-') && low.split('-').all(|w| ctx.lex.bits(w) & WEEKDAY != 0) {
        return Class::Stop;
    }
    // "June 5", "5 June" are dates; "June Carter" is a name.
    if bits & MONTH != 0 {
        let num_next = i + 1 < ctx.toks.len() && ctx.tok(i + 1).kind == TokKind::Num;
        let num_prev = i > 0
            && (ctx.tok(i - 1).kind == TokKind::Num
                || (ctx.is_punct(i - 1, b'-') && i > 1 && ctx.tok(i - 2).kind == TokKind::Num)
                || matches!(
                    ctx.low(i - 1),
                    "in" | "since"
                        | "during"
                        | "until"
                        | "last"
                        | "next"
                        | "early"
                        | "late"
                        | "mid"
                ));
        if num_next || num_prev || bits & (FIRST | LAST) == 0 {
            return Class::Stop;
        }
    }
    // Hashtags ("#SuccessStory") and drug or condition names are not people.
    if i > 0 && ctx.is_punct(i - 1, b'#') && ctx.glued(i) {
        return Class::Stop;
    }
    // A surname that is also a health word ("Pap", "Stent", "Cough") reads as the health
    // word; one that is also a first name keeps the name reading.
    if bits & (crate::lexicon::MEDICATION | crate::lexicon::CONDITION | crate::lexicon::PROCEDURE)
        != 0
        && bits & FIRST == 0
    {
        return Class::Stop;
    }
    // Honorifics introduce a name and are not part of it ("Shri Ram", "Dr. Sood").
    if bits & HONORIFIC != 0 {
        return Class::Stop;
    }
    if bits & (ORG | STREET) != 0 && bits & (FIRST | LAST) == 0 {
        return Class::Stop;
    }
    if bits & COMMON != 0 && (bits & ORG != 0 || (bits & STREET != 0 && bits & (FIRST | LAST) == 0))
    {
        return Class::Stop;
    }
    // Identifier names ("PAN", "DEA", "ABHA") are not names of people.
    if bits & crate::lexicon::ID_CUE != 0 && t.has(UPPER) {
        return Class::Stop;
    }
    // "Box 8316", "Suite 541": unit words before a number.
    if bits & UNIT != 0
        && i + 1 < ctx.toks.len()
        && matches!(ctx.tok(i + 1).kind, TokKind::Num | TokKind::Alnum)
    {
        return Class::Stop;
    }
    let named = bits & (FIRST | LAST) != 0;
    let common = bits & COMMON != 0;
    if t.has(UPPER) && t.len() <= 3 && !named {
        return Class::Stop; // acronyms: "ICU", "MRN", "CO"
    }
    // Capitals throughout ("IBAN", "REAL PERSON") say nothing about names: a listed
    // name stays a weak candidate, anything else is not one.
    if t.has(UPPER) && !ctx.no_caps {
        if named {
            return if common { Class::Stop } else { Class::Weak };
        }
        // Unknown capitals: acronyms mostly, but a line of its own in an address block
        // ("KNIVSTA") or a long word is a proper noun.
        let line_start = t.has(NEWLINE_BEFORE) || i == 0 || ctx.is_punct(i - 1, b'>');
        return if !common && (t.len() >= 5 || line_start) {
            Class::Unknown
        } else {
            Class::Stop
        };
    }
    match (named, common) {
        // "Patient", "Nurse", "Dear": cue words that some locale also lists as a name.
        (true, true) if bits & PERSON_BEFORE != 0 => Class::Stop,
        (true, false) => Class::Strong,
        (true, true) => Class::Weak,
        (false, true) => Class::Stop,
        (false, false) if deva => Class::Stop,
        (false, false) if t.len() < 2 => Class::Stop,
        (false, false) => Class::Unknown,
    }
}

/// Whether most words are capitalised (headlines, Title Case posts): then capitals say
/// little about proper nouns.
fn title_case(ctx: &Ctx) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for (i, t) in ctx.toks.iter().enumerate() {
        if t.kind == TokKind::Word && t.len() > 3 && !t.has(SENT_START) {
            words += 1;
            caps += usize::from(t.has(CAP) && ctx.bits[i] & COMMON != 0);
        }
    }
    words >= 4 && caps * 2 >= words
}

/// Counts of token classes in a run (no allocation per run).
#[derive(Clone, Default)]
struct Classes {
    first: Option<Class>,
    second: Option<Class>,
    k: usize,
    strong: usize,
    weak: usize,
    unknown: usize,
}

impl Classes {
    fn push(&mut self, c: Class) {
        match self.k {
            0 => self.first = Some(c),
            1 => self.second = Some(c),
            _ => {}
        }
        self.k += 1;
        self.count(c, 1);
    }

    fn count(&mut self, c: Class, add: isize) {
        let slot = match c {
            Class::Strong => &mut self.strong,
            Class::Weak => &mut self.weak,
            Class::Unknown => &mut self.unknown,
            Class::Stop => return,
        };
        *slot = slot.saturating_add_signed(add);
    }

    /// Forget the first token (a capitalised common word opening a sentence).
    fn drop_first(&mut self) {
        if let Some(c) = self.first.take() {
            self.count(c, -1);
            self.k -= 1;
        }
        self.first = self.second.take();
    }
}

/// An initial inside a name: "J" or "J." between name tokens.
fn initial_len(ctx: &Ctx, i: usize) -> usize {
    let t = ctx.tok(i);
    if t.kind == TokKind::Word && t.len() == 1 && t.has(CAP) {
        if ctx.is_punct(i + 1, b'.') && ctx.glued(i + 1) {
            2
        } else {
            1
        }
    } else {
        0
    }
}

pub fn scan(ctx: &mut Ctx) {
    let from = ctx.out.len();
    runs(ctx);
    coordinate(ctx, from);
    repeated_mentions(ctx, from);
}

/// "Usamov and Bowers", "Torpy, Salinas": a weak name joined to a confident one by "and"
/// or a comma is a name too.
/// A surname seen in a confident full name makes its later lone mentions names too
/// ("directed by Bryan Maclean and starring Maclean").
fn repeated_mentions(ctx: &mut Ctx, from: usize) {
    let text = ctx.text;
    // A set, not a list: a long document can hold thousands of names.
    let confident: std::collections::HashSet<&str> = ctx.out[from..]
        .iter()
        .filter(|f| f.kind == Kind::Person && f.confidence >= 0.6)
        .flat_map(|f| f.text(text).split(' '))
        .filter(|w| w.len() > 2)
        .collect();
    if confident.is_empty() {
        return;
    }
    for f in ctx.out[from..].iter_mut() {
        if f.kind == Kind::Person && f.confidence < 0.6 && confident.contains(f.text(text)) {
            f.confidence = 0.6;
            f.evidence.context.push("repeated");
        }
    }
}

fn coordinate(ctx: &mut Ctx, from: usize) {
    let text = ctx.text;
    let joined = |a: usize, b: usize| matches!(text.get(a..b), Some(" and " | ", " | " & "));
    for k in from + 1..ctx.out.len() {
        let (prev, cur) = (&ctx.out[k - 1], &ctx.out[k]);
        if prev.kind != Kind::Person || cur.kind != Kind::Person || !joined(prev.end, cur.start) {
            continue;
        }
        let (a, b) = (prev.confidence, cur.confidence);
        if a >= 0.6 && (0.3..0.5).contains(&b) {
            ctx.out[k].confidence = 0.5;
        } else if b >= 0.6 && (0.3..0.5).contains(&a) {
            ctx.out[k - 1].confidence = 0.5;
        }
    }
}

fn runs(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let title = title_case(ctx);
    let mut i = 0;
    while i < n {
        let c = classify(ctx, i);
        if c == Class::Stop {
            i += 1;
            continue;
        }
        // Grow the run: name tokens, initials and particles on one line.
        let first = i;
        let mut last = i;
        let mut classes = Classes::default();
        classes.push(c);
        let mut j = i + 1;
        while j < n && !ctx.tok(j).has(NEWLINE_BEFORE) {
            let cj = classify(ctx, j);
            if cj != Class::Stop {
                classes.push(cj);
                last = j;
                j += 1;
                continue;
            }
            let init = initial_len(ctx, j);
            if init > 0
                && j + init < n
                && classify(ctx, j + init) != Class::Stop
                && !ctx.tok(j + init).has(NEWLINE_BEFORE)
            {
                j += init;
                continue;
            }
            if ctx.bits[j] & PARTICLE != 0
                && ctx.tok(j).has(LOWER)
                && j + 1 < n
                && classify(ctx, j + 1) != Class::Stop
            {
                j += 1;
                continue;
            }
            break;
        }
        decide(ctx, first, last, &classes, title);
        i = last + 1;
    }
}

/// Lower-case texts ("follow up with patricia desrosiers"): a first name then a surname,
/// both from the lists and neither a common word.
pub fn scan_lowercase(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i + 1 < n {
        let (a, b) = (ctx.tok(i), ctx.tok(i + 1));
        let pair = a.kind == TokKind::Word
            && b.kind == TokKind::Word
            && a.has(LOWER)
            && b.has(LOWER)
            && !b.has(NEWLINE_BEFORE)
            && ctx.bits[i] & FIRST != 0
            && ctx.bits[i + 1] & LAST != 0
            && (ctx.bits[i] | ctx.bits[i + 1]) & (COMMON | MONTH | WEEKDAY | HONORIFIC) == 0;
        if pair {
            let (start, end) = (a.start, b.end);
            ctx.push(
                Kind::Person,
                start,
                end,
                0.55,
                Evidence {
                    source: "lexicon:lowercase_name",
                    ..Evidence::default()
                },
            );
            i += 2;
        } else {
            i += 1;
        }
    }
}

mod score;
use score::decide;
