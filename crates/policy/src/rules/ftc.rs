//! US advertising rules: FTC substantiation, typical results, material connections,
//! review incentives and suppression; FDA fair balance for prescription drugs.

use super::{Eval, Findings, Fired, RuleId};
use crate::channel::ChannelFamily;
use crate::lexicon::{Cue, Hit};
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::Span;
use crate::signals::Signals;

use super::claims::{banned_spans, claim_spans};

pub fn evaluate(ev: &Eval<'_>, out: &mut Findings) {
    subst(ev, out);
    typical(ev, out);
    connect(ev, out);
    incent(ev, out);
    suppress(ev, out);
    fda_balance(ev, out);
}

fn subst(ev: &Eval<'_>, out: &mut Findings) {
    let mut spans = claim_spans(ev.sig);
    spans.extend(banned_spans(ev));
    if !spans.is_empty() {
        out.add(Fired::new(RuleId::FtcSubst, Block).spans(spans));
    } else if ev.sig.has(Cue::Comparative) && !ev.ctx.family.is_addressed() {
        // "More heart procedures than any other hospital": true or not, it needs proof on
        // file before it runs.
        let spans: Vec<Span> = ev
            .sig
            .of(Cue::Comparative)
            .map(|h| (h.start, h.end))
            .collect();
        // "…results are 2X faster and way more effective than ANY other orthodontist": a
        // comparison of how well care works is an efficacy claim without proof on file.
        let efficacy = ev.sig.of(Cue::Comparative).any(|h| {
            ev.sig.p.sentence_has_word(
                h.sentence,
                &[
                    "effective",
                    "results",
                    "outcomes",
                    "success",
                    "faster",
                    "safer",
                ],
            )
        });
        let v = if efficacy { Block } else { NeedsReview };
        out.add(Fired::new(RuleId::FtcSubst, v).spans(spans));
    }
}

fn typical(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    // A press statement reports news; typical-results disclosures belong to advertising.
    if ev.ctx.family.is_addressed()
        || ev.ctx.family == ChannelFamily::Press
        || sig.has(Cue::TypicalDisclaimer)
        || most_patients(sig)
    {
        return;
    }
    let claims: Vec<Span> = sig
        .of(Cue::ResultsClaim)
        .map(|h| (h.start, h.end))
        .collect();
    if !claims.is_empty() {
        out.add(Fired::new(RuleId::FtcTypical, NeedsReview).spans(claims));
    }
    let testimonial = sig.has(Cue::StoryMarker)
        || sig.has(Cue::Poss1) && sig.has(Cue::Outcome)
        || !ev.ties.anchor_outcome.is_empty();
    let mut results: Vec<Span> = sig.of(Cue::Outcome).map(|h| (h.start, h.end)).collect();
    // "Before & after: six months into our laser program": the pictures are the result,
    // whether or not the words name one.
    results.extend(
        sig.of(Cue::StoryMarker)
            .filter(|h| {
                let t = sig.text(h.start, h.end).to_lowercase();
                t.contains("before") && t.contains("after")
            })
            .map(|h| (h.start, h.end)),
    );
    if testimonial && !results.is_empty() {
        out.add(Fired::new(RuleId::FtcTypical, NeedsReview).spans(results));
    }
}

/// "Most of our hip patients return to normal activities in 6 to 12 weeks": what patients
/// generally achieve, with words between "most" and "patients".
fn most_patients(sig: &crate::signals::Signals<'_>) -> bool {
    let n = sig.p.words.len();
    (0..n).any(|i| {
        sig.p.word_is(i, &["most"])
            && (i + 1..n.min(i + 6)).any(|j| {
                sig.p.words[j].sentence == sig.p.words[i].sentence
                    && sig
                        .p
                        .word_is(j, &["patients", "people", "clients", "adults"])
            })
    })
}

fn connect(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let ctx = ev.ctx;
    // Most requests name no author: nothing to read then.
    let author_is =
        |words: &[&str]| !ctx.author.is_empty() && words.iter().any(|a| ctx.author.contains(a));
    let paid_author = author_is(&[
        "influencer",
        "creator",
        "ambassador",
        "affiliate",
        "paid",
        "employee",
        "staff",
        "relative",
        "agency",
    ]);
    let endorser = ctx.connection_undisclosed
        || ctx.family == ChannelFamily::Review
        || ctx.personal_account && ctx.staff_author
        || paid_author && ctx.personal_account
        || author_is(&["influencer", "creator", "ambassador", "affiliate"]);
    // A patient or customer writing their own review has no connection to disclose.
    let customer = author_is(&["patient", "customer", "client", "consumer"]);
    if !endorser || customer || ctx.connection_disclosed || disclosed(sig) {
        return;
    }
    // Off a review site, praise must be about the business or a product to be an endorsement.
    // The record says the writer is connected and did not disclose it: the praise is for
    // the business it is connected to, named or not.
    let about_business = ctx.family == ChannelFamily::Review
        || ctx.connection_undisclosed
        || sig.any(&[Cue::ProNoun, Cue::OurPlace, Cue::RxBrand, Cue::ProductWord])
        || sig
            .entities
            .iter()
            .any(|e| e.staff || e.kind == crate::signals::EntityKind::Handle)
        || sig.has(Cue::Reward)
        || sig.of(Cue::Endorse).any(|h| {
            let t = sig.text(h.start, h.end).to_ascii_lowercase();
            t.contains("code") || t.contains("link in bio")
        });
    if !about_business {
        return;
    }
    let mut praise: Vec<Span> = sig
        .of_any(&[Cue::Endorse, Cue::PositiveOnly, Cue::Benefit, Cue::Boast])
        .map(|h| (h.start, h.end))
        .collect();
    // The record says there is an undisclosed connection: recommending the product at all
    // ("the first thing I tell every runner to try") is the endorsement.
    if praise.is_empty() && ctx.connection_undisclosed {
        praise.extend(
            sig.of_any(&[Cue::ProductWord, Cue::RxBrand])
                .filter(|h| !sig.text(h.start, h.end).starts_with('#'))
                .map(|h| (h.start, h.end)),
        );
    }
    if !praise.is_empty() {
        out.add(Fired::new(RuleId::FtcConnect, Block).spans(praise));
    }
}

/// A disclosure that is not denied: "not sponsored lol", "this is not an ad, I was paid
/// nothing" deny the connection they name (a paid endorser's denial is itself deceptive).
fn disclosed(sig: &Signals<'_>) -> bool {
    const DENIALS: &[&str] = &["not", "no", "non", "never", "isn't", "nahi", "nahin", "नहीं"];
    sig.of(Cue::Disclosure).any(|h| {
        let before = sig.p.word_before(h.w0);
        !DENIALS.iter().any(|d| before.eq_ignore_ascii_case(d))
    })
}

const NOT_REWARD_BEFORE: &[&str] = &[
    "feel", "toll", "sugar", "gluten", "smoke", "fat", "stress", "pain", "cancer", "drug",
    "tobacco", "symptom", "hands", "cavity", "fee",
];

fn incent(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let rewards: Vec<&Hit> = sig
        .of(Cue::Reward)
        .filter(|h| {
            let prev = if h.w0 > 0 {
                sig.p.word_text(h.w0 - 1).to_lowercase()
            } else {
                String::new()
            };
            !(sig.text(h.start, h.end).eq_ignore_ascii_case("free")
                && NOT_REWARD_BEFORE.contains(&prev.as_str()))
        })
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut positive = false;
    // In India, rewards for likes and follows are IN-NMC23's alone; rewards for reviews and
    // ratings are bought reviews under both codes.
    let asks: &[Cue] = if ev.ctx.jurisdiction == crate::request::Jurisdiction::IN {
        &[Cue::ReviewWord, Cue::ReviewChangeAsk, Cue::PositiveOnly]
    } else {
        &[
            Cue::ReviewWord,
            Cue::ReviewChangeAsk,
            Cue::PositiveOnly,
            Cue::EngageAsk,
        ]
    };
    for r in &rewards {
        let s = r.sentence;
        let asks = asks.iter().any(|&c| sig.sentence_has(s, c));
        if asks && sig.sentence_has(s, Cue::IncentLink) {
            spans.push((r.start, r.end));
            positive |=
                sig.sentence_has(s, Cue::PositiveOnly) || sig.sentence_has(s, Cue::ReviewChangeAsk);
        }
    }
    if !spans.is_empty() {
        spans.extend(
            sig.of_any(&[Cue::PositiveOnly, Cue::ReviewChangeAsk])
                .map(|h| (h.start, h.end)),
        );
        out.add(
            Fired::new(
                RuleId::FtcIncent,
                if positive { Block } else { NeedsReview },
            )
            .spans(spans),
        );
    }
}

fn suppress(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let threats: Vec<Span> = sig.of(Cue::Suppress).map(|h| (h.start, h.end)).collect();
    let asks: Vec<Span> = sig.of(Cue::RemovalAsk).map(|h| (h.start, h.end)).collect();
    if !threats.is_empty() {
        out.add(Fired::new(RuleId::FtcSuppress, Block).spans(threats));
    } else if !asks.is_empty() {
        // Asking is pressure a human should weigh; asking with a reward or an accusation
        // is suppression.
        let v = if sig.any(&[Cue::Reward, Cue::Retal, Cue::Consequence]) {
            Block
        } else {
            NeedsReview
        };
        out.add(Fired::new(RuleId::FtcSuppress, v).spans(asks));
    } else if sig.has(Cue::ReviewChangeAsk) && !out.has(RuleId::FtcIncent) {
        let spans: Vec<Span> = sig
            .of(Cue::ReviewChangeAsk)
            .map(|h| (h.start, h.end))
            .collect();
        out.add(Fired::new(RuleId::FtcSuppress, NeedsReview).spans(spans));
    }
}

const RISK_NEGATORS: &[&str] = &[
    "no", "without", "zero", "low", "minimal", "free", "lower", "reduced",
];

/// "Ask us about Nurtiva™ — just 1 shot a month": a trademarked product taken as a dose
/// (a shot, a pill, an infusion) for a condition is a prescription drug we have not listed.
fn marked_rx(sig: &Signals<'_>) -> Vec<Span> {
    const DOSED: &[&str] = &[
        "shot",
        "shots",
        "injection",
        "injections",
        "injectable",
        "pill",
        "pills",
        "tablet",
        "tablets",
        "capsule",
        "capsules",
        "dose",
        "doses",
        "infusion",
        "infusions",
    ];
    if !sig.has(Cue::Condition) || !sig.p.has_word(DOSED) {
        return Vec::new();
    }
    // The mark and the dose within a few words of each other, in one sentence; not a
    // listed (often over-the-counter) medicine, and not a clinic's or pharmacy's name
    // ("MinuteClinic®").
    const PLACES: &[&str] = &[
        "clinic", "care", "health", "center", "centre", "pharmacy", "lab",
    ];
    (0..sig.p.words.len())
        .filter(|&i| {
            let w = &sig.p.words[i];
            let name = sig.p.word_text(i).to_ascii_lowercase();
            sig.p.norm[w.end..].starts_with(['\u{2122}', '\u{ae}'])
                && !PLACES.iter().any(|p| name.contains(p))
                && !sig.p.word_is(i + 1, PLACES)
                && !sig
                    .of(Cue::Medication)
                    .any(|m| m.start <= w.start && w.end <= m.end)
                && (i.saturating_sub(4)..=i + 6).any(|j| {
                    sig.p.words.get(j).is_some_and(|x| x.sentence == w.sentence)
                        && sig.p.word_is(j, DOSED)
                })
        })
        .map(|i| (sig.p.words[i].start, sig.p.words[i].end))
        .collect()
}

fn fda_balance(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    if ev.ctx.family.is_addressed() {
        return;
    }
    let mut drugs: Vec<Span> = sig.of(Cue::RxBrand).map(|h| (h.start, h.end)).collect();
    if drugs.is_empty() {
        drugs = marked_rx(sig);
    }
    if drugs.is_empty() {
        // "Semaglutide helped adults lose 15% … Ask about our weight program": a
        // prescription drug by its generic name, with its benefit, selling our service.
        let generic: Vec<Span> = sig
            .of(Cue::Medication)
            .filter(|m| {
                sig.of(Cue::DrugSuffix)
                    .any(|d| d.start >= m.start && d.end <= m.end)
            })
            .map(|h| (h.start, h.end))
            .collect();
        let promoted = sig.any(&[Cue::AskAbout, Cue::SoftPromo, Cue::Reward, Cue::EngageAsk]);
        if !generic.is_empty() && promoted && sig.has(Cue::Benefit) {
            out.add(Fired::new(RuleId::FdaBalance, NeedsReview).spans(generic));
        }
        return;
    }
    // Any prescription-drug promotion goes to regulatory review; benefit claims with no
    // risk information at all are blocked.
    let indication = sig.has(Cue::Benefit) || sig.has(Cue::Outcome);
    let risk = sig.of(Cue::RiskInfo).any(|h| {
        !(1..=2).any(|d| {
            h.w0 >= d && RISK_NEGATORS.contains(&sig.p.word_text(h.w0 - d).to_lowercase().as_str())
        })
    });
    // "In clinical trials, adults lost an average of 15%": a benefit attributed to the
    // trials, as labelling states it, is a regulatory reviewer's call, not a promise.
    // ("a free trial" is not a clinical one.)
    let attributed = (1..sig.p.words.len()).any(|i| {
        sig.p.word_is(i, &["trial", "trials", "studies", "study"])
            && sig.p.word_is(
                i - 1,
                &["clinical", "in", "pivotal", "phase", "3", "published"],
            )
    });
    let v = if risk || !indication || attributed {
        NeedsReview
    } else {
        Block
    };
    out.add(Fired::new(RuleId::FdaBalance, v).spans(drugs));
}
