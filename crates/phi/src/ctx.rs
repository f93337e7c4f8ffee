//! Per-call scratch state shared by the detectors: tokens, their lower-cased text and
//! lexicon bits (each computed once), and the candidate findings.

use crate::finding::{Evidence, Finding, Kind};
use crate::lexicon::{Lexicon, MAX_PHRASE_WORDS};
use crate::tokenize::{tokenize, TokKind, Token, SPACE_BEFORE};

pub struct Ctx<'t> {
    pub text: &'t str,
    pub lex: &'static Lexicon,
    pub toks: Vec<Token>,
    lower: String,
    lo: Vec<(u32, u32)>,
    pub bits: Vec<u32>,
    /// The text has no capital letter at all: capitalisation carries no signal.
    pub no_caps: bool,
    pub out: Vec<Finding>,
    phrase: String,
}

/// Buffers kept per thread between calls: `detect` is called millions of times on short
/// texts, and four allocations per call were a measurable share of the time.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    lower: String,
    lo: Vec<(u32, u32)>,
    bits: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Buffers larger than this are not kept (one huge text should not pin its memory).
const KEEP_BYTES: usize = 1 << 16;

impl Drop for Ctx<'_> {
    fn drop(&mut self) {
        if self.lower.capacity() > KEEP_BYTES {
            return;
        }
        let mut s = Scratch {
            toks: std::mem::take(&mut self.toks),
            lower: std::mem::take(&mut self.lower),
            lo: std::mem::take(&mut self.lo),
            bits: std::mem::take(&mut self.bits),
        };
        s.toks.clear();
        s.lower.clear();
        s.lo.clear();
        s.bits.clear();
        let _ = SCRATCH.try_with(|cell| {
            if let Ok(mut slot) = cell.try_borrow_mut() {
                *slot = s;
            }
        });
    }
}

impl<'t> Ctx<'t> {
    pub fn new(text: &'t str) -> Ctx<'t> {
        let lex = Lexicon::get();
        let scratch = SCRATCH
            .try_with(|cell| {
                cell.try_borrow_mut()
                    .map(|mut s| std::mem::take(&mut *s))
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let Scratch {
            mut toks,
            mut lower,
            mut lo,
            mut bits,
        } = scratch;
        tokenize(text, &mut toks);
        for t in &toks {
            let s = t.text(text);
            let a = lower.len();
            if s.is_ascii() {
                lower.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lower.extend(
                    s.chars()
                        .map(|c| if c == '’' { '\'' } else { c })
                        .flat_map(char::to_lowercase),
                );
            }
            // Curly apostrophes are folded so "D’Costa" finds "d'costa".
            lo.push((a as u32, lower.len() as u32));
            let w = &lower[a..];
            bits.push(if matches!(t.kind, TokKind::Word | TokKind::Alnum) {
                lex.bits(w)
            } else {
                0
            });
        }
        let no_caps = !text.chars().any(char::is_uppercase);
        Ctx {
            text,
            lex,
            toks,
            lower,
            lo,
            bits,
            no_caps,
            out: Vec::new(),
            phrase: String::new(),
        }
    }

    /// Lower-cased text of token `i`.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        let (a, b) = self.lo[i];
        &self.lower[a as usize..b as usize]
    }

    #[inline]
    pub fn tok(&self, i: usize) -> &Token {
        &self.toks[i]
    }

    #[inline]
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks[i].text(self.text)
    }

    /// Whether token `i` is the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: u8) -> bool {
        i < self.toks.len()
            && self.toks[i].kind == TokKind::Punct
            && self.text.as_bytes()[self.toks[i].start] == c
    }

    /// Whether token `i` directly follows token `i - 1` with no whitespace between.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && !self.toks[i].has(SPACE_BEFORE)
    }

    /// Longest lexicon phrase starting at word token `i` whose bits intersect `want`:
    /// returns (bits, index of the last token). Phrases join words with single spaces.
    pub fn phrase_at(&mut self, i: usize, want: u32) -> Option<(u32, usize)> {
        let mut best = None;
        self.phrase.clear();
        let mut j = i;
        let mut words = 0;
        while j < self.toks.len() && words < MAX_PHRASE_WORDS {
            let t = self.toks[j];
            if t.kind != TokKind::Word && t.kind != TokKind::Num {
                // allow "St." and "d'" inside phrases only via the word itself
                break;
            }
            if words > 0 {
                if !t.has(SPACE_BEFORE) {
                    break;
                }
                self.phrase.push(' ');
            }
            let (a, b) = self.lo[j];
            self.phrase.push_str(&self.lower[a as usize..b as usize]);
            words += 1;
            if words > 1 {
                let bits = self.lex.bits(&self.phrase);
                if bits & want != 0 {
                    best = Some((bits, j));
                }
            }
            j += 1;
        }
        best
    }

    pub fn push(
        &mut self,
        kind: Kind,
        start: usize,
        end: usize,
        confidence: f32,
        evidence: Evidence,
    ) {
        if start < end {
            self.out.push(Finding {
                kind,
                start,
                end,
                char_start: 0,
                char_end: 0,
                confidence,
                evidence,
            });
        }
    }

    pub fn push_simple(
        &mut self,
        kind: Kind,
        start: usize,
        end: usize,
        confidence: f32,
        source: &'static str,
    ) {
        self.push(
            kind,
            start,
            end,
            confidence,
            Evidence {
                source,
                ..Evidence::default()
            },
        );
    }
}
