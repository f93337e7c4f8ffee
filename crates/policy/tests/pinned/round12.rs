//! Round 12 (blind batches 101 and 103): results with a treatment change in a DM, generic
//! Hindi advice, permitted fundraising appeals, and authorisation scopes by another name;
//! each row failed before its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_12() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A result and the medication change it brings, in a DM.
        (Block, "Hi Dana, your TSH came back at 9.1, so Dr. Ali wants to increase your levothyroxine. Can you call us today?", "instagram_dm", "US", Some("Are my labs back yet?"), "{}"),
        // "har vyakti ke liye alag": about everyone, in a reply.
        (RulesAllow, "Sugar ki dawa har vyakti ke liye alag hoti hai, isliye apne doctor se salah zaroor lein.", "instagram_comment_reply", "IN", Some("Sugar mein kaunsi dawa leni chahiye?"), "{}"),
        // A fundraising appeal to patients with a way out, as HIPAA allows.
        (RulesAllow, "Dear neighbor, the Riverside Hospital Foundation is raising funds for a new emergency wing. To stop fundraising messages, reply STOP.", "email_patient_list", "US", None, r#"{"audience":"patient_list","purpose":"fundraising"}"#),
        // An authorisation for Instagram, given as `authorization_scope`, does not cover Facebook.
        (Block, "One year after his kidney transplant, Dev Patel of Edison ran his first 5K. Congratulations, Dev!", "facebook_post", "US", None, r#"{"patient_authorization":true,"authorization_scope":{"channels":["instagram"]}}"#),
    ];
    check_pinned(cases);
}
