//! The labelled case files under `tests/cases/` (same format as the shared dev set):
//! no risky case may come out `allow`, verdict accuracy must stay at or above 90%, at most
//! 10% of acceptable texts may be blocked, and decoys (the clinic's own phone, consented
//! staff, observance dates…) must never be reported as patient information.

use policy::eval::{parse_cases, score, LabelledCase};
use policy::{Engine, OrgPolicy};

fn load() -> Vec<LabelledCase> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable case file");
        let (mut c, errors) = parse_cases(&text);
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
        cases.append(&mut c);
    }
    cases
}

/// The held-out batches are never scored in tests (they estimate unseen texts), but every
/// line must still be a readable request: a fact the engine cannot read would drop a case
/// from the evaluation without anyone noticing.
#[test]
fn heldout_files_are_readable() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heldout");
    let mut bad = Vec::new();
    for f in std::fs::read_dir(&dir)
        .expect("tests/heldout exists")
        .filter_map(Result::ok)
    {
        let path = f.path();
        if path.extension().is_some_and(|x| x == "jsonl") {
            let text = std::fs::read_to_string(&path).expect("readable file");
            let (_, errors) = parse_cases(&text);
            bad.extend(
                errors
                    .into_iter()
                    .map(|e| format!("{}: {e:?}", path.display())),
            );
        }
    }
    assert!(bad.is_empty(), "unreadable held-out lines: {bad:?}");
}

#[test]
fn case_files_meet_targets() {
    let cases = load();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let s = score(&Engine::new(OrgPolicy::default()), &cases);
    let report = s.render();
    assert_eq!(s.unsafe_allowed, 0, "{report}");
    assert!(s.accuracy() >= 0.90, "{report}");
    assert!(s.false_block_rate() <= 0.10, "{report}");
    assert_eq!(s.decoys_flagged, 0, "{report}");
}

#[test]
fn every_rule_is_exercised_by_some_case() {
    let cases = load();
    let s = score(&Engine::new(OrgPolicy::default()), &cases);
    let missing: Vec<&str> = policy::rule_ids()
        .into_iter()
        // The residual model has no cases of its own: it fires where no rule does.
        .filter(|r| *r != "REVIEW-SIMILAR")
        .filter(|r| s.rules.get(*r).is_none_or(|t| t.hit == 0))
        .collect();
    assert!(missing.is_empty(), "rules never hit by a case: {missing:?}");
}

/// Suggested rewrites must themselves pass the engine.
#[test]
fn suggestions_are_allowed() {
    let engine = Engine::new(OrgPolicy {
        contact_phone: Some("(555) 010-2000".into()),
        ..OrgPolicy::default()
    });
    let mut failures = Vec::new();
    for c in load() {
        let r = engine.check(&c.request);
        let Some(sug) = r.suggestion else { continue };
        if c.request.direction == Some(policy::Direction::Inbound)
            || r.findings
                .iter()
                .any(|f| f.rule == "PHI-ID" || f.rule == "PRO-CRISIS")
        {
            continue; // redactions keep the rest of the text; crisis replies are checked below
        }
        let mut req = c.request.clone();
        req.text = sug.clone();
        // The landing-page facts describe the link the text carried; a suggestion that
        // moves the person to a phone number carries none.
        // "site.org/page", or a bare host such as "book.northgateortho.example".
        let link = |t: &str| {
            t.split_whitespace().any(|w| {
                let w = w.trim_end_matches(|c: char| c.is_ascii_punctuation());
                let parts: Vec<&str> = w.split('.').collect();
                w.contains('/') && w.contains('.')
                    || parts.len() >= 3
                        && parts.iter().all(|p| {
                            p.len() >= 2 && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        })
            })
        };
        if link(&c.request.text) && !link(&sug) {
            req.facts.landing_page = None;
            req.facts.landing_kind = None;
            req.facts.third_party_trackers = None;
        }
        // A suggested reply is text: a photo the reply carried is for the PHI-IMAGE finding
        // ("remove the photo") to take off, not for the new words to clear.
        if let Some(f) = r.findings.iter().find(|f| f.rule == "PHI-IMAGE") {
            assert!(
                f.fix.contains("photo"),
                "PHI-IMAGE must say what to do with the photo"
            );
            req.facts.media.clear();
        }
        let again = engine.check(&req);
        let reply = matches!(c.request.channel.as_deref(), Some(ch) if ch.contains("reply") || ch.contains("dm") || ch.contains("messenger") || ch.contains("whatsapp"));
        // A redaction keeps the rest of the text, which the residual model may still want
        // a person to read; that is a review, never a block.
        let redaction_reviewed = (sug.contains(" detail]") || sug.contains("[removed]"))
            && again.rule_ids().iter().all(|r| *r == "REVIEW-SIMILAR");
        if reply && again.verdict != policy::Verdict::Allow && !redaction_reviewed {
            failures.push(format!(
                "{}: suggestion {sug:?} -> {:?}",
                c.request.text,
                again.rule_ids()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} suggestions not allowed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// General mechanisms found through blind batches, each pinned where it acts (each of
/// these failed before its fix).
#[test]
fn general_fixes_hold() {
    let sig = policy::debug_signals;
    // Scanner gates match inside words ("unit" in Sunita); they must not unmake a name.
    assert!(
        sig("Sunita Sharma is recovering in bed 4 after her knee replacement.")
            .contains("ENT Name \"Sunita Sharma\"")
    );
    // An awareness day the lexicon does not list still owns its date.
    assert!(
        sig("Mark your calendar: 17 November is World Prematurity Day.")
            .contains("ENT Date \"17 November\" staff=false org=false obs=true")
    );
    // Contacts and addresses a few words after "our" are the organisation's.
    let ours = sig("Our nurse line is (470) 555-0118 and our draw station at 1180 Whitaker Ave opens at 6:30 am.");
    assert!(
        ours.contains("ENT Phone \"(470) 555-0118\" staff=false org=true"),
        "{ours}"
    );
    assert!(
        ours.contains("ENT Address \"1180 Whitaker Ave\" staff=false org=true"),
        "{ours}"
    );
    // Two numbers that cannot be a day and a month are an age band, not a date.
    assert!(
        !sig("NFHS-5 ke mutabik 15–49 saal ki mahilaon mein khoon ki kami hai")
            .contains("ENT Date")
    );

    let engine = Engine::new(OrgPolicy::default());
    let check = |text: &str, channel: &str, facts: &str| {
        let req = format!(
            r#"{{"text": {}, "channel": "{channel}", "direction": "outbound", "jurisdiction": "US", "facts": {facts}}}"#,
            serde_json::to_string(text).unwrap()
        );
        let r = engine.check(&serde_json::from_str(&req).unwrap());
        r.rule_ids()
            .into_iter()
            .map(String::from)
            .collect::<Vec<String>>()
    };
    // A staff member's own family is not a patient.
    let family = check(
        "Passed my board exam today!!! Thanks to my mom for the endless coffee.",
        "linkedin_post",
        r#"{"account": "personal", "author": "staff"}"#,
    );
    assert!(!family.iter().any(|r| r == "PRO-STAFFPOST"), "{family:?}");
    // Hedged guidance citing an authority speaks to anyone.
    let cdc = check(
        "Great question! CDC says a cold usually isn't a reason to skip your flu shot, but if you have a fever, wait until you feel better.",
        "facebook_comment_reply",
        "{}",
    );
    assert!(!cdc.iter().any(|r| r.starts_with("PHI-")), "{cdc:?}");
}

mod pinned;
