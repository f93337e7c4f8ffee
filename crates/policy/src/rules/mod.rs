//! Rule evaluation. Each module evaluates one group of catalogue rules over the resolved
//! context, the text's signals and who its health words are about, and reports what fired
//! with the spans that triggered it. `catalog` holds the rule definitions (messages, fixes,
//! packs, examples) the result and the documentation are built from.

mod authorisation;
pub mod catalog;
mod claims;
mod ftc;
mod general_sentences;
mod india;
mod india_acts;
mod india_endorse;
mod privacy;
mod privacy_addressed;
mod privacy_care;
mod privacy_channel;
mod privacy_context;
mod privacy_finish;
mod privacy_indirect;
mod privacy_links;
mod professional;

use crate::context::Ctx;
use crate::org::OrgPolicy;
use crate::result::Verdict;
use crate::signals::ties::{Span, Ties};
use crate::signals::Signals;

pub use catalog::{RuleId, RULES};

/// One rule that fired, before messages are attached.
#[derive(Debug, Clone)]
pub struct Fired {
    pub rule: RuleId,
    pub verdict: Verdict,
    /// Normalised spans of the trigger words; empty when the trigger is context.
    pub spans: Vec<Span>,
    /// Spans to report as patient information, with their type.
    pub phi: Vec<(Span, &'static str)>,
}

impl Fired {
    pub fn new(rule: RuleId, verdict: Verdict) -> Fired {
        Fired {
            rule,
            verdict,
            spans: Vec::new(),
            phi: Vec::new(),
        }
    }

    pub fn spans(mut self, spans: impl IntoIterator<Item = Span>) -> Fired {
        for s in spans {
            if !self.spans.contains(&s) {
                self.spans.push(s);
            }
        }
        self
    }

    pub fn phi(mut self, kind: &'static str, spans: impl IntoIterator<Item = Span>) -> Fired {
        for s in spans {
            self.phi.push((s, kind));
            if !self.spans.contains(&s) {
                self.spans.push(s);
            }
        }
        self
    }
}

/// Everything a rule may read.
pub struct Eval<'a> {
    pub ctx: &'a Ctx,
    pub sig: &'a Signals<'a>,
    pub ties: &'a Ties,
    pub org: &'a OrgPolicy,
    /// Signals of the text being answered, if any.
    pub reply_to: Option<&'a Signals<'a>>,
}

/// The rule-set's findings. `fired` keeps evaluation order; duplicates of a rule are merged.
#[derive(Debug, Default)]
pub struct Findings {
    pub fired: Vec<Fired>,
}

impl Findings {
    pub fn add(&mut self, f: Fired) {
        if let Some(x) = self.fired.iter_mut().find(|x| x.rule == f.rule) {
            x.verdict = x.verdict.max(f.verdict);
            for s in f.spans {
                if !x.spans.contains(&s) {
                    x.spans.push(s);
                }
            }
            x.phi.extend(f.phi);
        } else {
            self.fired.push(f);
        }
    }

    pub fn has(&self, r: RuleId) -> bool {
        self.fired.iter().any(|f| f.rule == r)
    }

    pub fn any(&self, rs: &[RuleId]) -> bool {
        rs.iter().any(|&r| self.has(r))
    }

    pub fn get(&self, r: RuleId) -> Option<&Fired> {
        self.fired.iter().find(|f| f.rule == r)
    }
}

/// Rules whose finding is a disclosure of a specific patient's information.
pub const DISCLOSURE: &[RuleId] = &[
    RuleId::PhiId,
    RuleId::PhiClin,
    RuleId::PhiVisit,
    RuleId::PhiFin,
    RuleId::PhiIndirect,
    RuleId::PhiSelfdisc,
    RuleId::PhiMedia,
    RuleId::PhiMkt,
    RuleId::ProStaffpost,
];

/// Run every rule group and apply packs. Order matters: later groups read earlier findings
/// (TONE-RETAL and the India confidentiality rules depend on what privacy found).
pub fn evaluate(ev: &Eval<'_>) -> Findings {
    let mut out = Findings::default();
    if ev.ctx.inbound {
        professional::inbound(ev, &mut out);
        privacy_context::inbound(ev, &mut out);
        india::inbound(ev, &mut out);
    } else {
        privacy::evaluate(ev, &mut out);
        privacy_context::evaluate(ev, &mut out);
        professional::evaluate(ev, &mut out);
        ftc::evaluate(ev, &mut out);
        india::evaluate(ev, &mut out);
        privacy_finish::safety_net(ev, &mut out);
        privacy_finish::finish(ev, &mut out);
    }
    out.fired.retain(|f| {
        catalog::def(f.rule).packs.iter().any(|&p| ev.ctx.pack(p)) || f.rule.pack_free()
    });
    if own_secure_message(ev.ctx, ev.sig) {
        out.fired.retain(|f| !f.rule.own_care_disclosure());
    }
    out
}

/// A secure portal message that tells the patient about their own care: that is its job.
/// About someone else (a relative, another patient, "her results") it is a disclosure like
/// any other.
pub fn own_secure_message(ctx: &Ctx, sig: &Signals<'_>) -> bool {
    use crate::lexicon::Cue;
    ctx.secure && !ctx.inbound && !sig.any(&[Cue::FamilyMember, Cue::Pron3, Cue::IndivAnchor])
}

impl RuleId {
    /// Rules about telling others of someone's care, which a secure message to that person
    /// does not do.
    fn own_care_disclosure(self) -> bool {
        matches!(
            self,
            RuleId::PhiRel
                | RuleId::PhiId
                | RuleId::PhiClin
                | RuleId::PhiVisit
                | RuleId::PhiFin
                | RuleId::PhiChannel
                | RuleId::PhiSelfdisc
                | RuleId::PhiSens
                | RuleId::InConfid
        )
    }

    /// Rules that apply whatever packs are chosen (safety, not law).
    fn pack_free(self) -> bool {
        matches!(self, RuleId::ProCrisis)
    }
}
