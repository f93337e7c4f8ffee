//! The media library: one row per stored file of an organisation, and which posts use it.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MediaItem {
    pub id: i64,
    pub org_id: i64,
    pub sha256: String,
    pub kind: String,
    pub mime: String,
    pub size_bytes: i64,
    pub width: i64,
    pub height: i64,
    pub filename: String,
    pub alt_text: String,
    pub tags: String,
    pub removed_json: String,
    pub ocr_status: String,
    pub verdict: String,
    pub findings_json: String,
    pub uploaded_by: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLS: &str =
    "id, org_id, sha256, kind, mime, size_bytes, width, height, filename, alt_text, tags,
     removed_json, ocr_status, verdict, findings_json, uploaded_by, created_at, updated_at";

/// What an upload stores (everything but ids and times).
pub struct NewMedia<'a> {
    pub sha256: &'a str,
    pub kind: &'a str,
    pub mime: &'a str,
    pub size_bytes: i64,
    pub width: i64,
    pub height: i64,
    pub filename: &'a str,
    pub removed_json: &'a str,
    pub ocr_status: &'a str,
    pub verdict: &'a str,
    pub findings_json: &'a str,
}

pub async fn insert(
    tx: &mut Tx,
    org_id: i64,
    user_id: i64,
    m: &NewMedia<'_>,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO media_items (org_id, sha256, kind, mime, size_bytes, width, height, filename, alt_text, tags,
             removed_json, ocr_status, verdict, findings_json, uploaded_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', '', $9, $10, $11, $12, $13, $14, $14) RETURNING id",
        org_id,
        m.sha256,
        m.kind,
        m.mime,
        m.size_bytes,
        m.width,
        m.height,
        m.filename,
        m.removed_json,
        m.ocr_status,
        m.verdict,
        m.findings_json,
        user_id,
        now_ms
    )?)
}

pub async fn get(src: &mut impl Source, org_id: i64, id: i64) -> Result<Option<MediaItem>> {
    let sql = format!("SELECT {COLS} FROM media_items WHERE org_id = $1 AND id = $2");
    Ok(fetch!(src, fetch_optional, MediaItem, &sql, org_id, id)?)
}

pub async fn by_hash(
    src: &mut impl Source,
    org_id: i64,
    sha256: &str,
) -> Result<Option<MediaItem>> {
    let sql = format!("SELECT {COLS} FROM media_items WHERE org_id = $1 AND sha256 = $2");
    Ok(fetch!(
        src,
        fetch_optional,
        MediaItem,
        &sql,
        org_id,
        sha256
    )?)
}

/// Newest first; `needle` (lower case) matches the file name, tags or alt text.
pub async fn search(
    src: &mut impl Source,
    org_id: i64,
    needle: &str,
    limit: i64,
) -> Result<Vec<MediaItem>> {
    let pattern = format!(
        "%{}%",
        needle
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let sql = format!(
        "SELECT {COLS} FROM media_items WHERE org_id = $1
           AND (LOWER(filename) LIKE $2 ESCAPE '\\' OR LOWER(tags) LIKE $2 ESCAPE '\\' OR LOWER(alt_text) LIKE $2 ESCAPE '\\')
         ORDER BY created_at DESC, id DESC LIMIT $3"
    );
    Ok(fetch!(
        src, fetch_all, MediaItem, &sql, org_id, pattern, limit
    )?)
}

pub async fn describe(
    tx: &mut Tx,
    org_id: i64,
    id: i64,
    alt_text: &str,
    tags: &str,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE media_items SET alt_text = $1, tags = $2, updated_at = $3 WHERE org_id = $4 AND id = $5",
        alt_text,
        tags,
        now_ms,
        org_id,
        id
    )?;
    Ok(n == 1)
}

pub async fn attach(tx: &mut Tx, post_id: i64, media_id: i64) -> Result<()> {
    let position = scalar!(
        tx,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM post_media WHERE post_id = $1",
        post_id
    )?;
    execute!(
        tx,
        "INSERT INTO post_media (post_id, media_id, position) VALUES ($1, $2, $3) ON CONFLICT (post_id, media_id) DO NOTHING",
        post_id,
        media_id,
        position
    )?;
    Ok(())
}

/// Media of a post, in order.
pub async fn of_post(src: &mut impl Source, post_id: i64) -> Result<Vec<MediaItem>> {
    let cols = COLS
        .split(',')
        .map(|c| format!("m.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {cols} FROM post_media pm JOIN media_items m ON m.id = pm.media_id WHERE pm.post_id = $1 ORDER BY pm.position"
    );
    Ok(fetch!(src, fetch_all, MediaItem, &sql, post_id)?)
}

/// Where an item is used: post ids.
pub async fn used_in(src: &mut impl Source, media_id: i64) -> Result<Vec<i64>> {
    Ok(scalar!(
        src,
        fetch_all,
        i64,
        "SELECT post_id FROM post_media WHERE media_id = $1 ORDER BY post_id",
        media_id
    )?)
}
