//! Pinned rows: one text per general mechanism, each verified to fail on the engine
//! before its fix. `rounds` holds rounds 2–5 (blind batches 22–65), `round6` batches 66–70, `round7` batch 75, `round8` batches 76 and 79, `round9` batch 83, `round10` batches 92–94, `round11` batches 96–97, `round12` batches 101 and 103, `round13` batches 104–105, `round14` batches 113–114, `round15` batches 122–125, `round16` batches 126–129, `round17` batches 134–137, `round18` batches 138–141, `round19` batches 142–145, `round20` batches 150–153, `round21` batches 161–162, `round22` batches 167, 168 and 172, `round23` batches 175 and 177.

mod round10;
mod round11;
mod round12;
mod round13;
mod round14;
mod round15;
mod round16;
mod round17;
mod round18;
mod round19;
mod round20;
mod round21;
mod round22;
mod round23;
mod round6;
mod round7;
mod round8;
mod round9;
mod rounds;

use policy::{Engine, OrgPolicy};

/// What a pinned case must come to.
pub(crate) enum Expect {
    /// Blocked.
    Block,
    /// Escalated as a crisis.
    Crisis,
    /// No rule fires (the residual model may still ask a person to read it).
    RulesAllow,
    /// Needs review, not blocked.
    Review,
    /// This rule fires (whatever the verdict).
    Rule(&'static str),
}

/// (expected, text, channel, jurisdiction, in_reply_to, facts)
pub(crate) type Pinned = (
    Expect,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

pub(crate) fn check_pinned(cases: &[Pinned]) {
    use Expect::*;
    let engine = Engine::new(OrgPolicy::default());
    let mut failed = Vec::new();
    for (expect, text, channel, jur, reply, facts) in cases {
        let req = serde_json::json!({
            "text": text, "channel": channel, "jurisdiction": jur,
            "direction": if channel.ends_with("inbound") { "inbound" } else { "outbound" },
            "in_reply_to": reply, "facts": serde_json::from_str::<serde_json::Value>(facts).unwrap(),
        });
        let req = match serde_json::from_value(req) {
            Ok(req) => req,
            Err(e) => {
                failed.push(format!("{text}: request not read: {e}"));
                continue;
            }
        };
        let r = engine.check(&req);
        let rules = r.rule_ids();
        let ok = match expect {
            Block => r.verdict == policy::Verdict::Block,
            Crisis => r.verdict != policy::Verdict::Allow && rules.contains(&"PRO-CRISIS"),
            RulesAllow => rules.iter().all(|id| *id == "REVIEW-SIMILAR"),
            Review => r.verdict == policy::Verdict::NeedsReview,
            Rule(id) => rules.contains(id),
        };
        if !ok {
            failed.push(format!("{text}: {} {rules:?}", r.verdict.as_str()));
        }
    }
    assert!(
        failed.is_empty(),
        "{} pinned rows fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
