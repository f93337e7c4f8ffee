//! `docs/rules.md`, generated from the rule definitions so code and documentation cannot
//! drift. Regenerate with `UPDATE_DOCS=1 cargo test -p policy --test docs`.

use crate::request::CheckRequest;
use crate::rules::catalog::{Example, RULES};
use crate::{Engine, OrgPolicy, Pack};

/// Build the request an example describes.
pub fn example_request(e: &Example) -> CheckRequest {
    let facts = serde_json::from_str(e.facts).unwrap_or_default();
    CheckRequest {
        id: None,
        text: e.text.to_string(),
        channel: Some(e.channel.to_string()),
        direction: serde_json::from_value(serde_json::Value::String(e.direction.to_string())).ok(),
        jurisdiction: serde_json::from_value(serde_json::Value::String(e.jurisdiction.to_string()))
            .ok(),
        in_reply_to: e.in_reply_to.map(str::to_string),
        facts,
    }
}

/// Every rule's examples: (rule code, flagged example, allowed example).
pub fn examples() -> Vec<(&'static str, CheckRequest, CheckRequest)> {
    RULES
        .iter()
        .map(|d| {
            (
                d.code,
                example_request(&d.blocked),
                example_request(&d.allowed),
            )
        })
        .collect()
}

fn pack_name(p: Pack) -> &'static str {
    match p {
        Pack::Privacy => "privacy (US HIPAA; patient confidentiality everywhere)",
        Pack::Ftc => "US FTC",
        Pack::Fda => "US FDA",
        Pack::Professional => "professional conduct (everywhere)",
        Pack::Imc => "India IMC 2002",
        Pack::Nmc => "India NMC 2023",
        Pack::Dpdp => "India DPDP 2023",
        Pack::Pcpndt => "India PC&PNDT",
        Pack::Mtp => "India MTP Act",
        Pack::Mhca => "India MHCA 2017",
        Pack::Dmr => "India DMR Act",
    }
}

fn example_md(out: &mut String, label: &str, e: &Example, engine: &Engine) {
    let res = engine.check(&example_request(e));
    out.push_str(&format!(
        "- **{label}** ({}, {}{}{}) → `{}`: \"{}\"\n",
        e.channel,
        e.jurisdiction,
        if e.direction == "inbound" {
            ", inbound"
        } else {
            ""
        },
        if e.facts != "{}" {
            format!(", facts `{}`", e.facts)
        } else {
            String::new()
        },
        res.verdict,
        e.text
    ));
    if let Some(r) = e.in_reply_to {
        out.push_str(&format!("  - in reply to: \"{r}\"\n"));
    }
}

/// The full text of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let engine = Engine::new(OrgPolicy::default());
    let mut out = String::from(
        "# Compliance rules\n\n\
         Generated from `crates/policy/src/rules/catalog/` by `UPDATE_DOCS=1 cargo test -p policy --test docs`; \
         do not edit by hand.\n\n\
         Verdicts: a PHI rule on a public channel with no covering authorisation blocks; \
         judgment calls, crisis posts and regulated promotion need review; everything else is allowed. \
         The overall verdict is the most severe finding. A patient authorisation on file clears \
         only the privacy rules it covers (PHI-*, IN-CONFID, IN-DPDP, IN-MHCA), never advertising, \
         tracking or professional rules. Examples below are checked by the test suite.\n\n\
         | rule | default | packs |\n|---|---|---|\n",
    );
    for d in RULES {
        let packs: Vec<&str> = d.packs.iter().map(|&p| pack_name(p)).collect();
        let default = if d.default_note.is_empty() {
            d.default.as_str().to_string()
        } else {
            d.default_note.to_string()
        };
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} |\n",
            d.code,
            d.code.to_lowercase(),
            default,
            packs.join(", ")
        ));
    }
    for d in RULES {
        out.push_str(&format!("\n## {}\n\n", d.code));
        out.push_str(&format!("**Catches:** {}\n\n", d.catches));
        let default = if d.default_note.is_empty() {
            d.default.as_str()
        } else {
            d.default_note
        };
        out.push_str(&format!("**Default verdict:** {default}\n\n"));
        out.push_str(&format!("**Why:** {}\n\n", d.why));
        out.push_str(&format!(
            "**Message:** {}\n\n**Fix:** {}\n\n",
            d.message, d.fix
        ));
        example_md(&mut out, "Flagged", &d.blocked, &engine);
        example_md(&mut out, "Allowed", &d.allowed, &engine);
    }
    out
}
