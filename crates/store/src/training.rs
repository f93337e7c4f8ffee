//! Policy versions, attestations, the organisation's quiz questions and quiz attempts.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PolicyVersion {
    pub id: i64,
    pub org_id: i64,
    pub version: i64,
    pub title: String,
    pub body: String,
    pub change_note: String,
    pub published_by: i64,
    pub published_at: i64,
}

const POLICY_COLS: &str =
    "id, org_id, version, title, body, change_note, published_by, published_at";

/// Publish the next version; returns (id, version). Versions count 1, 2, 3… per
/// organisation; two publishers at once meet the unique key and one gets a conflict.
pub async fn publish(
    tx: &mut Tx,
    org_id: i64,
    title: &str,
    body: &str,
    change_note: &str,
    user_id: i64,
    now_ms: i64,
) -> Result<(i64, i64)> {
    let version = scalar!(
        tx,
        fetch_one,
        i64,
        "SELECT COALESCE(MAX(version), 0) + 1 FROM policy_versions WHERE org_id = $1",
        org_id
    )?;
    let id = scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO policy_versions (org_id, version, title, body, change_note, published_by, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        org_id,
        version,
        title,
        body,
        change_note,
        user_id,
        now_ms
    )?;
    Ok((id, version))
}

pub async fn current(src: &mut impl Source, org_id: i64) -> Result<Option<PolicyVersion>> {
    let sql = format!(
        "SELECT {POLICY_COLS} FROM policy_versions WHERE org_id = $1 ORDER BY version DESC LIMIT 1"
    );
    Ok(fetch!(src, fetch_optional, PolicyVersion, &sql, org_id)?)
}

/// Newest first.
pub async fn versions(src: &mut impl Source, org_id: i64) -> Result<Vec<PolicyVersion>> {
    let sql = format!(
        "SELECT {POLICY_COLS} FROM policy_versions WHERE org_id = $1 ORDER BY version DESC"
    );
    Ok(fetch!(src, fetch_all, PolicyVersion, &sql, org_id)?)
}

/// Record that `user_id` accepted `policy_id`. Returns false if they already had.
pub async fn attest(tx: &mut Tx, policy_id: i64, user_id: i64, now_ms: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "INSERT INTO policy_attestations (policy_id, user_id, attested_at) VALUES ($1, $2, $3)
         ON CONFLICT (policy_id, user_id) DO NOTHING",
        policy_id,
        user_id,
        now_ms
    )?;
    Ok(n == 1)
}

/// One member's training facts, for the roster and the posting gate.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MemberTraining {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub active: bool,
    /// The newest policy version they accepted, and when.
    pub attested_version: Option<i64>,
    pub attested_at: Option<i64>,
    pub passed_at: Option<i64>,
    pub attempts: i64,
}

const MEMBER_TRAINING: &str = "SELECT u.id AS user_id, u.email, u.display_name, m.role, u.active,
        (SELECT MAX(p.version) FROM policy_attestations a JOIN policy_versions p ON p.id = a.policy_id
          WHERE a.user_id = u.id AND p.org_id = m.org_id) AS attested_version,
        (SELECT MAX(a.attested_at) FROM policy_attestations a JOIN policy_versions p ON p.id = a.policy_id
          WHERE a.user_id = u.id AND p.org_id = m.org_id) AS attested_at,
        (SELECT MAX(q.created_at) FROM quiz_attempts q
          WHERE q.user_id = u.id AND q.org_id = m.org_id AND q.passed = TRUE) AS passed_at,
        (SELECT COUNT(*) FROM quiz_attempts q WHERE q.user_id = u.id AND q.org_id = m.org_id) AS attempts
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.org_id = $1";

pub async fn roster(src: &mut impl Source, org_id: i64) -> Result<Vec<MemberTraining>> {
    let sql = format!("{MEMBER_TRAINING} ORDER BY u.display_name, u.id");
    Ok(fetch!(src, fetch_all, MemberTraining, &sql, org_id)?)
}

pub async fn member(
    src: &mut impl Source,
    org_id: i64,
    user_id: i64,
) -> Result<Option<MemberTraining>> {
    let sql = format!("{MEMBER_TRAINING} AND u.id = $2");
    Ok(fetch!(
        src,
        fetch_optional,
        MemberTraining,
        &sql,
        org_id,
        user_id
    )?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuestionRow {
    pub id: i64,
    pub position: i64,
    pub prompt: String,
    pub options_json: String,
    pub correct: i64,
    pub explanation: String,
    pub rule: String,
}

/// The organisation's own questions in order; empty means it uses the shipped quiz.
pub async fn questions(src: &mut impl Source, org_id: i64) -> Result<Vec<QuestionRow>> {
    Ok(fetch!(
        src,
        fetch_all,
        QuestionRow,
        "SELECT id, position, prompt, options_json, correct, explanation, rule
           FROM quiz_questions WHERE org_id = $1 ORDER BY position, id",
        org_id
    )?)
}

pub struct NewQuestion<'a> {
    pub prompt: &'a str,
    pub options_json: &'a str,
    pub correct: i64,
    pub explanation: &'a str,
    pub rule: &'a str,
}

pub async fn insert_question(
    tx: &mut Tx,
    org_id: i64,
    position: i64,
    q: &NewQuestion<'_>,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO quiz_questions (org_id, position, prompt, options_json, correct, explanation, rule, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        org_id,
        position,
        q.prompt,
        q.options_json,
        q.correct,
        q.explanation,
        q.rule,
        now_ms
    )?)
}

/// Returns whether the question exists (in this organisation).
pub async fn update_question(
    tx: &mut Tx,
    org_id: i64,
    id: i64,
    q: &NewQuestion<'_>,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE quiz_questions SET prompt = $1, options_json = $2, correct = $3, explanation = $4,
                rule = $5, updated_at = $6
          WHERE org_id = $7 AND id = $8",
        q.prompt,
        q.options_json,
        q.correct,
        q.explanation,
        q.rule,
        now_ms,
        org_id,
        id
    )?;
    Ok(n == 1)
}

pub async fn delete_question(tx: &mut Tx, org_id: i64, id: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "DELETE FROM quiz_questions WHERE org_id = $1 AND id = $2",
        org_id,
        id
    )?;
    Ok(n == 1)
}

/// Remove all of the organisation's questions (back to the shipped quiz).
pub async fn clear_questions(tx: &mut Tx, org_id: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "DELETE FROM quiz_questions WHERE org_id = $1",
        org_id
    )?)
}

pub async fn record_attempt(
    tx: &mut Tx,
    org_id: i64,
    user_id: i64,
    correct: i64,
    total: i64,
    passed: bool,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO quiz_attempts (org_id, user_id, correct, total, passed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        org_id,
        user_id,
        correct,
        total,
        passed,
        now_ms
    )?)
}
