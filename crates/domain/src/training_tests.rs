use proptest::prelude::*;

use super::*;
use crate::training_defaults::default_questions;

fn draft(prompt: &str, options: &[&str], correct: &str) -> QuestionDraft {
    QuestionDraft {
        prompt: prompt.into(),
        options: options.iter().map(|o| (*o).into()).collect(),
        correct: correct.into(),
        explanation: "Because.".into(),
        rule: "phi-rel".into(),
    }
}

#[test]
fn shipped_quiz_is_valid_and_covers_the_main_rule_families() {
    let qs = default_questions();
    assert!(qs.len() >= 10);
    for q in &qs {
        // Every shipped question survives its own form round trip.
        assert_eq!(Question::parse(&QuestionDraft::of(q)).as_ref(), Ok(q));
    }
    let rules: Vec<&str> = qs.iter().map(|q| q.rule.as_str()).collect();
    for family in [
        "PHI-REL",
        "PHI-SELFDISC",
        "PHI-MKT",
        "PRO-CRISIS",
        "IN-ADVERT",
        "FTC-SUBST",
    ] {
        assert!(rules.contains(&family), "{family} not taught");
    }
}

#[test]
fn question_parse_names_each_problem() {
    let q = Question::parse(&draft("Which is safe?", &["A", "B", ""], "2")).unwrap();
    assert_eq!(q.options, vec!["A", "B"]);
    assert_eq!(q.correct, 1);
    assert_eq!(q.rule, "PHI-REL");

    let errors = Question::parse(&draft("", &["only one"], "3")).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, vec!["prompt", "options", "correct"]);
    assert!(errors[1].message.contains("it has 1"));

    let dup = Question::parse(&draft("Q", &["Same", "Same", "Other"], "1")).unwrap_err();
    assert!(dup[0].message.contains("listed twice"));

    let bad_rule = Question::parse(&QuestionDraft {
        rule: "<script>".into(),
        ..draft("Q", &["A", "B"], "1")
    })
    .unwrap_err();
    assert_eq!(bad_rule[0].field, "rule");
}

#[test]
fn policy_document_needs_title_and_body() {
    let doc = PolicyDocument::parse(" Social media policy ", "Rule 1.\r\nRule 2.", "").unwrap();
    assert_eq!(doc.title, "Social media policy");
    assert_eq!(doc.body, "Rule 1.\nRule 2.");
    let errors = PolicyDocument::parse("", " ", "").unwrap_err();
    assert_eq!(errors.len(), 2);
    let errors = PolicyDocument::parse("Two\nlines", "Body", "").unwrap_err();
    assert_eq!(errors[0].message, "must be a single line of text");
}

#[test]
fn grading_passes_at_eighty_percent() {
    let qs = default_questions()[..5].to_vec();
    let right: Vec<Option<usize>> = qs.iter().map(|q| Some(q.correct)).collect();
    assert!(grade(&qs, &right).passed);
    let mut four = right.clone();
    four[2] = None;
    let g = grade(&qs, &four);
    assert_eq!((g.correct, g.passed, g.missed.clone()), (4, true, vec![2]));
    assert_eq!(g.percent(), 80);
    let mut three = four;
    three[0] = Some(qs[0].correct + 1);
    assert!(!grade(&qs, &three).passed);
    assert!(!grade(&[], &[]).passed, "an empty quiz passes nobody");
}

#[test]
fn standing_needs_the_latest_attestation_and_a_recent_pass() {
    let now = 1_800_000_000_000;
    assert!(
        Record::default().missing(now).is_empty(),
        "no policy yet: nothing to do"
    );
    let fresh = Record {
        current_version: Some(3),
        attested_version: Some(3),
        passed_at_ms: Some(now - DAY_MS),
    };
    assert!(fresh.missing(now).is_empty());
    let old_version = Record {
        attested_version: Some(2),
        ..fresh
    };
    assert_eq!(old_version.missing(now), vec![Missing::Attestation]);
    let expired = Record {
        passed_at_ms: Some(now - (TRAINING_VALID_DAYS + 1) * DAY_MS),
        ..fresh
    };
    assert_eq!(expired.missing(now), vec![Missing::QuizExpired]);
    let nothing = Record {
        current_version: Some(1),
        ..Record::default()
    };
    assert_eq!(
        nothing.missing(now),
        vec![Missing::Attestation, Missing::Quiz]
    );
    assert_eq!(
        refusal("submit posts", &nothing.missing(now)),
        "Before you submit posts, accept the current social media policy and pass the training quiz on the Training page (/training)."
    );
}

proptest! {
    #[test]
    fn grade_counts_are_consistent(answers in proptest::collection::vec(proptest::option::of(0usize..4), 0..15)) {
        let qs = default_questions();
        let g = grade(&qs, &answers);
        prop_assert_eq!(g.total, qs.len());
        prop_assert_eq!(g.correct + g.missed.len(), g.total);
        prop_assert_eq!(g.passed, g.correct * 100 >= PASS_PERCENT * g.total);
    }

    #[test]
    fn question_parse_never_panics(prompt in ".{0,40}", options in proptest::collection::vec(".{0,20}", 0..8), correct in ".{0,3}") {
        let d = QuestionDraft { prompt, options, correct, explanation: "x".into(), rule: String::new() };
        if let Ok(q) = Question::parse(&d) {
            prop_assert!(q.correct < q.options.len());
            prop_assert!((MIN_OPTIONS..=MAX_OPTIONS).contains(&q.options.len()));
        }
    }
}
