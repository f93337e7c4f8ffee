//! The health family: conditions, procedures, medications, test results with values and
//! visits. These say what makes an identity sensitive; the policy engine pairs them with
//! identifiers.

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};
use crate::lexicon::{CONDITION, CONDITION_PREFIX, MEDICATION, PROCEDURE};
use crate::tokenize::TokKind;

pub const TESTS: &[&str] = &[
    "hba1c",
    "a1c",
    "glucose",
    "sugar",
    "bp",
    "cholesterol",
    "ldl",
    "hdl",
    "hemoglobin",
    "haemoglobin",
    "hb",
    "creatinine",
    "platelets",
    "tsh",
    "psa",
    "cd4",
    "spo2",
    "oxygen",
    "bmi",
    "weight",
    "temperature",
    "temp",
    "pulse",
    "inr",
    "egfr",
    "wbc",
    "triglycerides",
];

pub const VISIT_WORDS: &[&str] = &[
    "admitted",
    "discharged",
    "readmitted",
    "appointment",
    "appt",
    "follow-up",
    "followup",
    "checkup",
    "check-up",
    "consultation",
    "consult",
    "visit",
    "visited",
    "opd",
    "ipd",
    "er",
    "hospitalized",
    "hospitalised",
    "inpatient",
    "outpatient",
];

pub fn scan(ctx: &mut Ctx) {
    let from = ctx.out.len();
    terms(ctx);
    negations(ctx, from);
}

/// "no history of cancer", "tested negative for COVID", "denies chest pain": the term is
/// reported (the policy engine decides) but marked and weakened.
fn negations(ctx: &mut Ctx, from: usize) {
    for k in from..ctx.out.len() {
        let start = ctx.out[k].start;
        let i = ctx.toks.partition_point(|t| t.start < start);
        let negated = (i.saturating_sub(4)..i).any(|j| {
            matches!(
                ctx.low(j),
                "no" | "not" | "denies" | "denied" | "without" | "negative" | "ruled" | "free"
            )
        });
        if negated {
            let f = &mut ctx.out[k];
            f.confidence = (f.confidence - 0.3).max(0.2);
            f.evidence.lowered.push("negated");
        }
    }
}

fn terms(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if !matches!(ctx.tok(i).kind, TokKind::Word | TokKind::Alnum) {
            i += 1;
            continue;
        }
        let bits = ctx.bits[i];
        if bits & CONDITION_PREFIX != 0 {
            if let Some((pb, last)) = ctx.phrase_at(i, CONDITION | PROCEDURE | MEDICATION) {
                let kind = kind_of(pb);
                ctx.push_simple(
                    kind,
                    ctx.tok(i).start,
                    ctx.tok(last).end,
                    0.8,
                    "lexicon:health_phrase",
                );
                i = last + 1;
                continue;
            }
        }
        if bits & (CONDITION | PROCEDURE | MEDICATION) != 0 && ctx.tok(i).len() > 2 {
            let kind = kind_of(bits);
            ctx.push_simple(
                kind,
                ctx.tok(i).start,
                ctx.tok(i).end,
                0.7,
                "lexicon:health",
            );
            i += 1;
            continue;
        }
        if ctx.bits[i] & (crate::lexicon::TEST_WORD | crate::lexicon::VISIT_WORD) == 0 {
            i += 1;
            continue;
        }
        if ctx.bits[i] & crate::lexicon::TEST_WORD != 0 {
            // A value within three tokens: "HbA1c 7.2%", "BP was 150/90".
            let mut end = None;
            for j in i + 1..(i + 4).min(n) {
                if ctx.tok(j).kind == TokKind::Num {
                    let mut e = j;
                    while e + 2 < n
                        && (ctx.is_punct(e + 1, b'.') || ctx.is_punct(e + 1, b'/'))
                        && ctx.glued(e + 1)
                        && ctx.tok(e + 2).kind == TokKind::Num
                    {
                        e += 2;
                    }
                    if ctx.is_punct(e + 1, b'%') {
                        e += 1;
                    }
                    end = Some(e);
                    break;
                }
            }
            if let Some(e) = end {
                ctx.push(
                    Kind::TestResult,
                    ctx.tok(i).start,
                    ctx.tok(e).end,
                    0.75,
                    Evidence {
                        source: "pattern:test_result",
                        ..Evidence::default()
                    },
                );
                i = e + 1;
                continue;
            }
        }
        if ctx.bits[i] & crate::lexicon::VISIT_WORD != 0 {
            ctx.push_simple(
                Kind::Visit,
                ctx.tok(i).start,
                ctx.tok(i).end,
                0.5,
                "lexicon:visit",
            );
        }
        i += 1;
    }
}

fn kind_of(bits: u32) -> Kind {
    if bits & PROCEDURE != 0 {
        Kind::Procedure
    } else if bits & CONDITION != 0 {
        Kind::Condition
    } else {
        Kind::Medication
    }
}
