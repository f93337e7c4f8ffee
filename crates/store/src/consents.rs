//! The consent registry (COMPLY-4): patient authorisations and staff media consents, which
//! posts rely on them, and the take-down list. Names are stored sealed (encrypted).

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Consent {
    pub id: i64,
    pub org_id: i64,
    /// "patient" or "staff"
    pub kind: String,
    pub reference: String,
    pub subject_name_sealed: String,
    pub signed_by: String,
    pub guardian_name_sealed: Option<String>,
    pub covers_text: bool,
    pub covers_images: bool,
    pub covers_video: bool,
    /// Comma-separated channel families, or "any".
    pub channels: String,
    pub purpose: String,
    pub valid_from: i64,
    pub valid_until: Option<i64>,
    pub document_path: Option<String>,
    pub document_sha256: Option<String>,
    /// active, revoked or expired
    pub status: String,
    pub ended_at: Option<i64>,
    pub created_by: i64,
    pub created_at: i64,
}

const COLS: &str = "SELECT id, org_id, kind, reference, subject_name_sealed, signed_by, guardian_name_sealed,
     covers_text, covers_images, covers_video, channels, purpose, valid_from, valid_until, document_path,
     document_sha256, status, ended_at, created_by, created_at FROM consents";

pub struct NewConsent<'a> {
    pub kind: &'a str,
    pub reference: &'a str,
    pub subject_name_sealed: &'a str,
    pub signed_by: &'a str,
    pub guardian_name_sealed: Option<&'a str>,
    pub covers_text: bool,
    pub covers_images: bool,
    pub covers_video: bool,
    pub channels: &'a str,
    pub purpose: &'a str,
    pub valid_from: i64,
    pub valid_until: Option<i64>,
    pub document_path: Option<&'a str>,
    pub document_sha256: Option<&'a str>,
}

pub async fn create(
    tx: &mut Tx,
    org_id: i64,
    c: &NewConsent<'_>,
    created_by: i64,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO consents (org_id, kind, reference, subject_name_sealed, signed_by, guardian_name_sealed,
             covers_text, covers_images, covers_video, channels, purpose, valid_from, valid_until, document_path,
             document_sha256, status, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'active', $16, $17) RETURNING id",
        org_id,
        c.kind,
        c.reference,
        c.subject_name_sealed,
        c.signed_by,
        c.guardian_name_sealed,
        c.covers_text,
        c.covers_images,
        c.covers_video,
        c.channels,
        c.purpose,
        c.valid_from,
        c.valid_until,
        c.document_path,
        c.document_sha256,
        created_by,
        now_ms
    )?)
}

pub async fn list(src: &mut impl Source, org_id: i64) -> Result<Vec<Consent>> {
    let sql = format!("{COLS} WHERE org_id = $1 ORDER BY created_at DESC, id DESC");
    Ok(fetch!(src, fetch_all, Consent, &sql, org_id)?)
}

pub async fn get(src: &mut impl Source, org_id: i64, id: i64) -> Result<Option<Consent>> {
    let sql = format!("{COLS} WHERE org_id = $1 AND id = $2");
    Ok(fetch!(src, fetch_optional, Consent, &sql, org_id, id)?)
}

pub async fn for_post(src: &mut impl Source, post_id: i64) -> Result<Vec<Consent>> {
    let sql = format!(
        "{COLS} WHERE id IN (SELECT consent_id FROM post_consents WHERE post_id = $1) ORDER BY id"
    );
    Ok(fetch!(src, fetch_all, Consent, &sql, post_id)?)
}

pub async fn attach(
    tx: &mut Tx,
    post_id: i64,
    consent_id: i64,
    by: i64,
    now_ms: i64,
) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO post_consents (post_id, consent_id, attached_by, attached_at) VALUES ($1, $2, $3, $4)",
        post_id,
        consent_id,
        by,
        now_ms
    )?;
    Ok(())
}

pub async fn detach(tx: &mut Tx, post_id: i64, consent_id: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "DELETE FROM post_consents WHERE post_id = $1 AND consent_id = $2",
        post_id,
        consent_id
    )?)
}

/// Posts that rely on a consent: (post id, status, version).
pub async fn posts_relying_on(
    src: &mut impl Source,
    consent_id: i64,
) -> Result<Vec<(i64, String, i64)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, String, i64),
        "SELECT p.id, p.status, p.version FROM posts p JOIN post_consents pc ON pc.post_id = p.id
         WHERE pc.consent_id = $1 ORDER BY p.id",
        consent_id
    )?)
}

/// End an active consent; 0 rows when it was not active.
pub async fn end(tx: &mut Tx, id: i64, status: &str, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE consents SET status = $1, ended_at = $2 WHERE id = $3 AND status = 'active'",
        status,
        now_ms,
        id
    )?)
}

/// Active consents whose validity has run out: (id, org id).
pub async fn due_to_expire(src: &mut impl Source, now_ms: i64) -> Result<Vec<(i64, i64)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, i64),
        "SELECT id, org_id FROM consents WHERE status = 'active' AND valid_until IS NOT NULL AND valid_until <= $1
         ORDER BY id",
        now_ms
    )?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Takedown {
    pub id: i64,
    pub post_id: i64,
    pub consent_id: Option<i64>,
    pub reason: String,
    pub created_at: i64,
    pub done_at: Option<i64>,
}

pub async fn request_takedown(
    tx: &mut Tx,
    org_id: i64,
    post_id: i64,
    consent_id: Option<i64>,
    reason: &str,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO takedown_requests (org_id, post_id, consent_id, reason, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        org_id,
        post_id,
        consent_id,
        reason,
        now_ms
    )?)
}

pub async fn open_takedowns(src: &mut impl Source, org_id: i64) -> Result<Vec<Takedown>> {
    Ok(fetch!(
        src,
        fetch_all,
        Takedown,
        "SELECT id, post_id, consent_id, reason, created_at, done_at FROM takedown_requests
         WHERE org_id = $1 AND done_at IS NULL ORDER BY id",
        org_id
    )?)
}

/// Every sealed value of every consent (for key rotation): (id, subject name, guardian).
pub async fn sealed_values(src: &mut impl Source) -> Result<Vec<(i64, String, Option<String>)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, String, Option<String>),
        "SELECT id, subject_name_sealed, guardian_name_sealed FROM consents ORDER BY id"
    )?)
}

pub async fn reseal(tx: &mut Tx, id: i64, subject: &str, guardian: Option<&str>) -> Result<()> {
    execute!(
        tx,
        "UPDATE consents SET subject_name_sealed = $1, guardian_name_sealed = $2 WHERE id = $3",
        subject,
        guardian,
        id
    )?;
    Ok(())
}
