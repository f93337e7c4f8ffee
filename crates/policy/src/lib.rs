//! Compliance engine: turns a text plus its context (channel, direction, jurisdiction, what
//! it replies to, what consent is on file, media, landing page) into a verdict — `block`,
//! `needs_review` or `allow` — with the catalogue rules that fired, the spans that
//! triggered them, the patient-information spans, an escalation flag and a suggested
//! rewrite. Pure: no I/O.
//!
//! ```
//! use policy::{CheckRequest, Engine, OrgPolicy, Verdict};
//! let engine = Engine::new(OrgPolicy::default());
//! let req: CheckRequest = serde_json::from_str(r#"{"text": "Thank you for trusting us with your care!",
//!     "channel": "google_review_reply", "jurisdiction": "US"}"#).unwrap();
//! let res = engine.check(&req);
//! assert_eq!(res.verdict, Verdict::NeedsReview);
//! assert_eq!(res.findings[0].rule, "PHI-REL");
//! ```

mod channel;
mod chars;
mod context;
pub mod docs;
mod engine;
pub mod eval;
mod lang;
mod lexicon;
mod org;
mod phrases;
mod request;
mod request_absent;
mod request_auth;
mod request_media;
mod request_wire;
#[doc(hidden)]
pub mod residual;
#[doc(hidden)]
pub mod residual_train;
mod result;
mod rules;
mod signals;
mod suggest;
mod text;

pub use channel::ChannelFamily;
pub use engine::Engine;
pub use org::{EmergencyNumbers, OrgPolicy, Pack, StaffMember};
pub use request::{
    Account, Audience, CheckRequest, Direction, Facts, Jurisdiction, LandingPage, Media, Shows,
};
pub use result::{CheckResult, PhiSpan, RuleFinding, Verdict};

/// One-off check. Builds an engine each call; long-running callers should keep an
/// [`Engine`] instead.
pub fn check(req: &CheckRequest, org: &OrgPolicy) -> CheckResult {
    Engine::new(org.clone()).check(req)
}

/// Rule ids of the catalogue, in order (for UIs and documentation).
pub fn rule_ids() -> Vec<&'static str> {
    rules::RULES.iter().map(|d| d.code).collect()
}

/// Compile-time guarantee that the engine can be shared across threads.
#[allow(dead_code)]
fn assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Engine>();
}

/// Development aid: the cue hits and entities the engine sees in a text.
#[doc(hidden)]
pub fn debug_signals(text: &str) -> String {
    let lex = lexicon::Lexicon::new(&[]);
    let org = OrgPolicy::default();
    let det = signals::Detectors::new(phi::DetectorConfig {
        min_confidence: 0.5,
        ..phi::DetectorConfig::default()
    });
    let sig = signals::Signals::new(text, &lex, &signals::Scanners::new(), &det, &org);
    let mut s = String::new();
    for h in &sig.hits {
        s.push_str(&format!(
            "{:?} {:?} s{}\n",
            h.cue,
            sig.text(h.start, h.end),
            h.sentence
        ));
    }
    for f in det.identifiers.detect(text) {
        s.push_str(&format!(
            "PHI {:?} {:?} conf={:.2} src={} ctx={:?} low={:?}\n",
            f.kind,
            text.get(f.start..f.end).unwrap_or(""),
            f.confidence,
            f.evidence.source,
            f.evidence.context,
            f.evidence.lowered
        ));
    }
    for e in &sig.entities {
        s.push_str(&format!(
            "ENT {:?} {:?} staff={} org={} obs={}\n",
            e.kind,
            sig.text(e.start, e.end),
            e.staff,
            e.org,
            e.observance
        ));
    }
    s
}
