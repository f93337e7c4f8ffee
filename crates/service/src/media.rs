//! The media library (COMPOSE-3): uploads are checked by content, stripped of metadata,
//! stored content-addressed under `<data dir>/media/`, and the text inside images is read
//! (OCR) and run through the compliance engine like any other text. Alt text is required
//! before an image can be attached to a post.

use std::path::{Path, PathBuf};

use domain::audit::Summary;
use domain::{FieldError, Permission};
use media::ocr::{OcrConfig, Region};
use media::{Limits, MediaError};
use policy::{CheckRequest, Direction};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use store::audit::{self, Event};
use store::media::{MediaItem, NewMedia};

use crate::posts::Deps;
use crate::{Actor, Result, ServiceError};

/// How uploads are screened.
#[derive(Debug, Clone, Default)]
pub struct MediaConfig {
    pub limits: Limits,
    pub ocr: OcrConfig,
}

/// A finding in an image, with where it is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ImageFinding {
    pub rule: String,
    pub message: String,
    pub fix: String,
    /// The words that triggered it, as read from the image.
    pub text: String,
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
}

/// Where a file is kept: `<dir>/media/<first two hex>/<sha256>.<ext>`.
pub fn file_path(data_dir: &Path, sha256: &str, extension: &str) -> PathBuf {
    let shard = sha256.get(..2).unwrap_or("00");
    data_dir
        .join("media")
        .join(shard)
        .join(format!("{sha256}.{extension}"))
}

fn media_error(e: MediaError) -> ServiceError {
    FieldError::new("file", e.to_string()).into()
}

/// What OCR and the check made of an image: (status, verdict, findings).
async fn screen(
    deps: Deps<'_>,
    org_id: i64,
    bytes: Vec<u8>,
    cfg: &OcrConfig,
) -> Result<(String, String, Vec<ImageFinding>)> {
    let cfg = cfg.clone();
    let read = tokio::task::spawn_blocking(move || media::ocr::recognise(&bytes, &cfg))
        .await
        .map_err(|e| ServiceError::Refused(format!("the text reader stopped: {e}")))?;
    let recognition = match read {
        Ok(r) => r,
        Err(MediaError::OcrUnavailable(_)) => {
            // Nothing could be read: a person has to look at the image.
            return Ok(("unavailable".into(), "needs_review".into(), Vec::new()));
        }
        Err(e) => {
            tracing::warn!(org_id, error = %e, "OCR failed on an upload");
            return Ok(("failed".into(), "needs_review".into(), Vec::new()));
        }
    };
    if recognition.text.trim().is_empty() {
        return Ok(("done".into(), "allow".into(), Vec::new()));
    }
    let engine = deps.checker.engine(deps.db, deps.sealer, org_id).await?;
    let result = engine.check(&CheckRequest {
        text: sentence_case(&recognition.text),
        channel: Some("instagram_post".into()),
        direction: Some(Direction::Outbound),
        ..CheckRequest::default()
    });
    // Policy offsets are code points; the recognition maps byte spans to regions.
    let byte_at = |cp: usize| {
        recognition
            .text
            .char_indices()
            .nth(cp)
            .map_or(recognition.text.len(), |(b, _)| b)
    };
    let findings = result
        .findings
        .iter()
        .map(|f| {
            let region = recognition
                .region_of(byte_at(f.start)..byte_at(f.end))
                .unwrap_or(Region {
                    left: 0,
                    top: 0,
                    width: 0,
                    height: 0,
                });
            ImageFinding {
                rule: f.rule.to_string(),
                message: f.message.to_string(),
                fix: f.fix.to_string(),
                text: f.text.clone(),
                left: region.left,
                top: region.top,
                width: region.width,
                height: region.height,
            }
        })
        .collect();
    let verdict = serde_json::to_value(result.verdict)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_else(|| "needs_review".into());
    Ok(("done".into(), verdict, findings))
}

/// Signs, whiteboards and wristbands are often written in capitals, which hides names from
/// a detector that reads capitalisation: lines in capitals are checked as "Asha Verma".
/// Only ASCII letters change, so character offsets stay the same.
pub fn sentence_case(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let letters = line.chars().filter(|c| c.is_ascii_alphabetic()).count();
            let shouting = letters >= 2 && !line.chars().any(|c| c.is_ascii_lowercase());
            if !shouting {
                return line.to_string();
            }
            let mut out = String::with_capacity(line.len());
            let mut start = true;
            for c in line.chars() {
                if c.is_ascii_alphabetic() {
                    out.push(if start { c } else { c.to_ascii_lowercase() });
                    start = false;
                } else {
                    out.push(c);
                    start = !c.is_ascii_alphanumeric() && c != '\'';
                }
            }
            out
        })
        .collect()
}

/// Upload a file. A bad file (content not matching its name, corrupt, too large) is a
/// field error and nothing is stored; the same file uploaded twice is one item.
pub async fn upload(
    deps: Deps<'_>,
    data_dir: &Path,
    cfg: &MediaConfig,
    actor: &Actor,
    filename: &str,
    bytes: &[u8],
    now_ms: i64,
) -> Result<MediaItem> {
    actor.require(Permission::Compose)?;
    let name = filename.trim();
    if name.is_empty() || name.chars().count() > 200 || name.contains(['/', '\\']) {
        return Err(FieldError::new(
            "file",
            "needs a file name without folders (at most 200 characters)",
        )
        .into());
    }
    let stripped = media::prepare_upload(bytes, name, &cfg.limits).map_err(media_error)?;
    let sha = hex::encode(Sha256::digest(&stripped.bytes));
    {
        let mut c = deps.db.conn().await?;
        if let Some(existing) = store::media::by_hash(&mut c, actor.org_id, &sha).await? {
            return Ok(existing);
        }
    }
    let (ocr_status, verdict, findings) = if stripped.kind.is_image() {
        screen(deps, actor.org_id, stripped.bytes.clone(), &cfg.ocr).await?
    } else {
        (
            "not_applicable".to_string(),
            "needs_review".to_string(),
            Vec::new(),
        )
    };
    let path = file_path(data_dir, &sha, stripped.kind.extension());
    write_once(&path, &stripped.bytes)
        .map_err(|e| ServiceError::Refused(format!("the file could not be stored: {e}")))?;
    let removed_json = serde_json::to_string(&stripped.removed).expect("strings serialise");
    let findings_json = serde_json::to_string(&findings).expect("findings serialise");
    let new = NewMedia {
        sha256: &sha,
        kind: stripped.kind.extension(),
        mime: stripped.kind.mime(),
        size_bytes: stripped.bytes.len() as i64,
        width: i64::from(stripped.width),
        height: i64::from(stripped.height),
        filename: name,
        removed_json: &removed_json,
        ocr_status: &ocr_status,
        verdict: &verdict,
        findings_json: &findings_json,
    };
    let mut tx = deps.db.begin().await?;
    let id = store::media::insert(&mut tx, actor.org_id, actor.user_id, &new, now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "media.upload", "media", id).with(
            Summary::new()
                .value("kind", new.kind)
                .value("verdict", &verdict)
                .id("metadata_removed", stripped.removed.len() as i64),
        ),
    )
    .await?;
    tx.commit().await?;
    let mut c = deps.db.conn().await?;
    store::media::get(&mut c, actor.org_id, id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Write a content-addressed file once (same name = same bytes), atomically.
fn write_once(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Alt text and tags.
pub async fn describe(
    db: &store::Db,
    actor: &Actor,
    id: i64,
    alt_text: &str,
    tags: &str,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::Compose)?;
    let alt = alt_text.trim();
    if alt.chars().count() > 1000 {
        return Err(FieldError::new("alt_text", "is at most 1,000 characters").into());
    }
    let tags: Vec<String> = tags
        .split([',', ' '])
        .map(|t| t.trim().trim_start_matches('#').to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.len() > 20 || tags.iter().any(|t| t.chars().count() > 40) {
        return Err(FieldError::new("tags", "at most 20 tags of up to 40 characters").into());
    }
    let mut tx = db.begin().await?;
    if !store::media::describe(&mut tx, actor.org_id, id, alt, &tags.join(" "), now_ms).await? {
        return Err(ServiceError::NotFound);
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "media.describe", "media", id)
            .with(Summary::new().fields(&["alt_text", "tags"])),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Attach an item to a post. Images need alt text first; an image the check blocks cannot
/// be attached.
pub async fn attach(
    db: &store::Db,
    actor: &Actor,
    post_id: i64,
    media_id: i64,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::Compose)?;
    let mut tx = db.begin().await?;
    let Some(item) = store::media::get(&mut tx, actor.org_id, media_id).await? else {
        return Err(ServiceError::NotFound);
    };
    if store::posts::get(&mut tx, actor.org_id, post_id)
        .await?
        .is_none()
    {
        return Err(ServiceError::NotFound);
    }
    let image = item.kind != "mp4";
    if image && item.alt_text.trim().is_empty() {
        return Err(FieldError::new(
            "alt_text",
            "is required before this image can be attached: describe what it shows for people who cannot see it",
        )
        .into());
    }
    if item.verdict == "block" {
        return Err(ServiceError::Refused(
            "the text in this image is blocked by the compliance check (see its findings); use another image or edit this one"
                .into(),
        ));
    }
    store::media::attach(&mut tx, post_id, media_id).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "media.attach", "post", post_id)
            .with(Summary::new().id("media_id", media_id)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The library, newest first, optionally searched.
pub async fn list(db: &store::Db, actor: &Actor, query: &str) -> Result<Vec<MediaItem>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::media::search(&mut c, actor.org_id, &query.trim().to_lowercase(), 200).await?)
}

/// One item with its findings and the posts that use it.
pub async fn item(
    db: &store::Db,
    actor: &Actor,
    id: i64,
) -> Result<(MediaItem, Vec<ImageFinding>, Vec<i64>)> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    let item = store::media::get(&mut c, actor.org_id, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let findings = serde_json::from_str(&item.findings_json).unwrap_or_default();
    let used = store::media::used_in(&mut c, id).await?;
    Ok((item, findings, used))
}
