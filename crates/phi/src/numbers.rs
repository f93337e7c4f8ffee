//! Digit sequences ("555-123-4567", "2/19/1956", "4111 1111 1111 1111", "+91 98765 43210"):
//! grouped once into chunks of digit groups and separators, then classified by shape,
//! check digits and the cue words before them.

use crate::ctx::Ctx;
use crate::cues::Cue;
use crate::finding::Kind;
use crate::tokenize::{TokKind, NEWLINE_BEFORE, SPACE_BEFORE};

const MAX_GROUPS: usize = 8;

/// A run of digit groups joined by single separators.
#[derive(Clone, Copy)]
struct Group {
    tok: usize,
    /// Separator before this group: 0 for the first group.
    sep: u8,
}

struct Chunk {
    groups: [Group; MAX_GROUPS],
    n: usize,
    plus: bool,
    /// A phone extension ("x0135") trails the last group.
    ext: bool,
    start: usize,
    end: usize,
}

pub fn scan(ctx: &mut Ctx) {
    let mut i = 0;
    while i < ctx.toks.len() {
        if !starts_chunk(ctx, i) {
            i += 1;
            continue;
        }
        let (chunk, next) = build(ctx, i);
        classify_with_fallback(ctx, &chunk);
        i = next.max(i + 1);
    }
}

fn is_num(ctx: &Ctx, i: usize) -> bool {
    i < ctx.toks.len() && (ctx.tok(i).kind == TokKind::Num || ext_split(ctx, i).is_some())
}

/// "3621x0135": digits, 'x', digits — the tokeniser keeps it as one alphanumeric token.
fn ext_split(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.tok(i);
    if t.kind != TokKind::Alnum {
        return None;
    }
    let s = ctx.raw(i).as_bytes();
    let x = s.iter().position(|&b| b == b'x' || b == b'X')?;
    (x > 0
        && x + 1 < s.len()
        && s[..x].iter().all(u8::is_ascii_digit)
        && s[x + 1..].iter().all(u8::is_ascii_digit))
    .then_some(x)
}

fn starts_chunk(ctx: &Ctx, i: usize) -> bool {
    is_num(ctx, i)
        && !(i > 0 && ctx.glued(i) && matches!(ctx.tok(i - 1).kind, TokKind::Word | TokKind::Alnum))
}

fn build(ctx: &Ctx, first: usize) -> (Chunk, usize) {
    let bytes = ctx.text.as_bytes();
    let mut c = Chunk {
        groups: [Group { tok: first, sep: 0 }; MAX_GROUPS],
        n: 1,
        plus: false,
        ext: false,
        start: ctx.tok(first).start,
        end: ctx.tok(first).end,
    };
    if first > 0
        && ctx.glued(first)
        && (ctx.is_punct(first - 1, b'+') || ctx.is_punct(first - 1, b'('))
    {
        c.plus = ctx.is_punct(first - 1, b'+');
        c.start = ctx.tok(first - 1).start;
    }
    let mut i = first;
    loop {
        if ext_split(ctx, i).is_some() {
            c.ext = true;
            break;
        }
        let n = i + 1;
        if n >= ctx.toks.len() || c.n == MAX_GROUPS {
            break;
        }
        let t = ctx.tok(n);
        let (sep, next) = if t.kind == TokKind::Punct && !t.has(SPACE_BEFORE) {
            let ch = bytes[t.start];
            match ch {
                b'-' | b'.' | b'/' if is_num(ctx, n + 1) && !ctx.tok(n + 1).has(SPACE_BEFORE) => {
                    (ch, n + 1)
                }
                b')' if is_num(ctx, n + 1) && !ctx.tok(n + 1).has(NEWLINE_BEFORE) => (b')', n + 1),
                _ => break,
            }
        } else if is_num(ctx, n)
            && t.has(SPACE_BEFORE)
            && !t.has(NEWLINE_BEFORE)
            && (c.plus
                || c.groups[1..c.n]
                    .iter()
                    .all(|g| matches!(g.sep, b' ' | b')' | b'(')))
        {
            // Spaces join groups only in space-grouped numbers ("555 123 4567"), not
            // after a dashed date ("2000-04-16 11:34").
            (b' ', n)
        } else if t.kind == TokKind::Punct
            && bytes[t.start] == b'('
            && !t.has(NEWLINE_BEFORE)
            && is_num(ctx, n + 1)
            && ctx.glued(n + 1)
        {
            // "+46 (0)157 548 89"
            (b'(', n + 1)
        } else {
            break;
        };
        c.groups[c.n] = Group { tok: next, sep };
        c.n += 1;
        c.end = ctx.tok(next).end;
        i = next;
        // "(0)157": skip the closing parenthesis into the following group.
        if sep == b'(' && ctx.is_punct(next + 1, b')') && is_num(ctx, next + 2) {
            c.groups[c.n - 1].sep = b' ';
            i = next;
        }
    }
    // Extensions written apart: "555-1234 ext 12", "x 55".
    (c, i + 1)
}

/// Digits of groups `a..b` concatenated into `buf`; returns the count (capped at buf len).
fn digits(ctx: &Ctx, c: &Chunk, a: usize, b: usize, buf: &mut [u8; 40]) -> usize {
    let mut n = 0;
    for g in &c.groups[a..b] {
        let s = ctx.raw(g.tok).as_bytes();
        let s = match ext_split(ctx, g.tok) {
            Some(x) => &s[..x],
            None => s,
        };
        for &d in s {
            if n < buf.len() && d.is_ascii_digit() {
                buf[n] = d;
                n += 1;
            }
        }
    }
    n
}

fn classify_with_fallback(ctx: &mut Ctx, c: &Chunk) {
    if classify(ctx, c, 0, c.n) {
        return;
    }
    // Unrecognised as a whole: try the space-separated parts on their own.
    let mut a = 0;
    for b in 1..=c.n {
        if b == c.n || c.groups[b].sep == b' ' {
            if !(a == 0 && b == c.n) {
                classify(ctx, c, a, b);
            }
            a = b;
        }
    }
}

fn group_len(ctx: &Ctx, c: &Chunk, g: usize) -> usize {
    let t = c.groups[g].tok;
    ext_split(ctx, t).unwrap_or_else(|| ctx.tok(t).len())
}

fn value(ctx: &Ctx, c: &Chunk, g: usize) -> u32 {
    ctx.raw(c.groups[g].tok)
        .bytes()
        .take_while(u8::is_ascii_digit)
        .take(9)
        .fold(0, |v, d| v * 10 + u32::from(d - b'0'))
}

pub(crate) fn cue_id_kind(c: Cue) -> Option<Kind> {
    classify::id_kind(c)
}

mod classify;
use classify::classify;
