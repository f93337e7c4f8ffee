//! The engine: compiled lexicons, scanners and the phi detector for one organisation.
//! Build once with [`Engine::new`]; `check` is pure and the engine is `Send + Sync`.

use std::borrow::Cow;

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::org::OrgPolicy;
use crate::request::CheckRequest;
use crate::residual;
use crate::result::{CheckResult, PhiSpan, RuleFinding, Verdict};
use crate::rules::{self, catalog, Eval, Fired, RuleId};
use crate::signals::{ties, Detectors, Scanners, Signals};
use crate::suggest;

pub struct Engine {
    org: OrgPolicy,
    lexicon: Lexicon,
    scanners: Scanners,
    detectors: Detectors,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("lexicon", &self.lexicon)
            .finish_non_exhaustive()
    }
}

/// Most spans reported per rule; the rest add nothing for a reader.
const MAX_SPANS_PER_RULE: usize = 8;

impl Engine {
    /// The residual model's features and score for a request, whatever the rules say
    /// (for training and evaluating the model).
    #[doc(hidden)]
    pub fn residual_features(&self, req: &CheckRequest) -> Vec<residual::Feature> {
        let (ctx, sig, reply_sig) = self.read(req);
        residual::features(&ctx, &sig, reply_sig.as_ref())
    }

    /// The rules alone, without the residual model (for training and evaluating it).
    #[doc(hidden)]
    pub fn check_rules_only(&self, req: &CheckRequest) -> CheckResult {
        self.check_with(req, false)
    }

    pub fn new(org: OrgPolicy) -> Engine {
        // The organisation's own contact details and consented staff are never PHI; the
        // detector drops them before the rules see anything.
        let allowlist: Vec<String> = org
            .phones
            .iter()
            .chain(&org.emails)
            .chain(&org.handles)
            .chain(&org.addresses)
            .chain(org.contact_phone.iter())
            .chain(org.contact_email.iter())
            .cloned()
            .chain(
                org.staff
                    .iter()
                    .filter(|s| s.consent)
                    .map(|s| s.name.clone()),
            )
            .collect();
        let detectors = Detectors::new(phi::DetectorConfig {
            mrn_patterns: org.mrn_patterns.clone(),
            allowlist,
            // Low-confidence candidates add noise; the rules have their own scanners.
            min_confidence: 0.5,
            ..phi::DetectorConfig::default()
        });
        Engine {
            lexicon: Lexicon::new(&[]),
            scanners: Scanners::new(),
            detectors,
            org,
        }
    }

    pub fn org(&self) -> &OrgPolicy {
        &self.org
    }

    pub fn check(&self, req: &CheckRequest) -> CheckResult {
        self.check_with(req, true)
    }

    /// The context, the text's signals and those of the text being answered.
    fn read<'r>(&self, req: &'r CheckRequest) -> (Ctx, Signals<'r>, Option<Signals<'r>>) {
        let ctx = Ctx::new(req, &self.org);
        let sig = Signals::new(
            &req.text,
            &self.lexicon,
            &self.scanners,
            &self.detectors,
            &self.org,
        );
        let reply_sig = req
            .in_reply_to
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Signals::light(s, &self.lexicon, &self.scanners));
        (ctx, sig, reply_sig)
    }

    fn check_with(&self, req: &CheckRequest, second_opinion: bool) -> CheckResult {
        let (ctx, sig, reply_sig) = self.read(req);
        let t = ties::compute(&sig, ctx.family.is_addressed() && ctx.outbound());
        let ev = Eval {
            ctx: &ctx,
            sig: &sig,
            ties: &t,
            org: &self.org,
            reply_to: reply_sig.as_ref(),
        };
        let mut found = rules::evaluate(&ev);
        let mut verdict = found
            .fired
            .iter()
            .map(|f| f.verdict)
            .max()
            .unwrap_or(Verdict::Allow);
        // A second opinion on what the rules let through (never stricter than review); not
        // on a secure message to the patient, whose own care details it would mistake for
        // a disclosure.
        if verdict == Verdict::Allow && second_opinion && !rules::own_secure_message(&ctx, &sig) {
            if let Some(model) = residual::Model::shipped() {
                let features = residual::features(&ctx, &sig, reply_sig.as_ref());
                if model.score(&features) > model.threshold {
                    let words = residual::top_words(model, &features);
                    found
                        .fired
                        .push(Fired::new(RuleId::ReviewSimilar, Verdict::NeedsReview).spans(words));
                    verdict = Verdict::NeedsReview;
                }
            }
        }
        let offsets = Offsets::new(&sig);
        let mut findings = Vec::with_capacity(found.fired.len() * 2);
        for f in &found.fired {
            render(f, &offsets, &mut findings);
        }
        let phi = phi_spans(&found.fired, &offsets);
        let escalate = found.fired.iter().any(|f| f.rule == RuleId::ProCrisis);
        let crisis_thread = reply_sig.as_ref().is_some_and(|r| {
            r.any(&[
                crate::lexicon::Cue::CrisisSelfHarm,
                crate::lexicon::Cue::CrisisMedical,
            ])
        });
        let suggestion = suggest::suggest(
            &ctx,
            &self.org,
            &req.text,
            verdict,
            &found.fired,
            &phi,
            crisis_thread,
        );
        CheckResult {
            id: req.id.clone(),
            verdict,
            findings,
            phi,
            escalate,
            suggestion,
        }
    }
}

/// Converts normalised byte spans to code-point spans of the original text.
struct Offsets<'a> {
    sig: &'a Signals<'a>,
    /// Byte offset of every char of the original text.
    starts: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(sig: &'a Signals<'a>) -> Offsets<'a> {
        let mut starts = Vec::with_capacity(sig.p.original.len());
        starts.extend(sig.p.original.char_indices().map(|(b, _)| b));
        Offsets { sig, starts }
    }

    /// (char_start, char_end, original text).
    fn chars(&self, s: usize, e: usize) -> (usize, usize, &'a str) {
        let (bs, be) = self.sig.p.orig_span(s, e);
        let cs = self.starts.partition_point(|&b| b < bs);
        let ce = self.starts.partition_point(|&b| b < be);
        (cs, ce, self.sig.p.original.get(bs..be).unwrap_or(""))
    }
}

fn merged(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = spans.iter().copied().filter(|(s, e)| s < e).collect();
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn render(f: &Fired, o: &Offsets<'_>, out: &mut Vec<RuleFinding>) {
    let d = catalog::def(f.rule);
    let make = |start, end, text: &str| RuleFinding {
        rule: Cow::Borrowed(d.code),
        verdict: f.verdict,
        start,
        end,
        text: text.to_string(),
        message: Cow::Borrowed(d.message),
        fix: Cow::Borrowed(d.fix),
    };
    let spans = merged(&f.spans);
    if spans.is_empty() {
        out.push(make(0, 0, ""));
        return;
    }
    out.extend(spans.into_iter().take(MAX_SPANS_PER_RULE).map(|(s, e)| {
        let (cs, ce, text) = o.chars(s, e);
        make(cs, ce, text)
    }));
}

fn phi_spans(fired: &[Fired], o: &Offsets<'_>) -> Vec<PhiSpan> {
    let mut all: Vec<((usize, usize), &'static str)> =
        fired.iter().flat_map(|f| f.phi.iter().copied()).collect();
    all.sort_by_key(|((s, e), _)| (*s, std::cmp::Reverse(*e)));
    let mut out: Vec<PhiSpan> = Vec::new();
    let mut covered_to = 0usize;
    for ((s, e), kind) in all {
        if s >= e || e <= covered_to {
            continue; // inside a span already reported
        }
        let (cs, ce, _) = o.chars(s.max(covered_to), e);
        covered_to = e;
        if cs < ce {
            out.push(PhiSpan {
                kind: kind.to_string(),
                start: cs,
                end: ce,
            });
        }
    }
    out
}
