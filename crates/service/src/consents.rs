//! The consent registry (COMPLY-4). Patient and guardian names are sealed before they are
//! stored; signed documents are kept in the data directory under their SHA-256. Revoking a
//! consent, or its expiry, flags every post that relied on it: unpublished posts go back to
//! draft and published ones are listed for take-down.

use std::path::Path;

use domain::audit::Summary;
use domain::content::{Signer, CHANNEL_FAMILIES};
use domain::workflow::{self, Action, PostFacts, PostStatus, Verdict};
use domain::{DisplayName, FieldError, Permission};
use sha2::{Digest, Sha256};
use store::audit::{self, Event};
use store::consents::{self, Consent, NewConsent};
use store::{collab, Db, StoreError};
use vault::Sealer;

use crate::error::Fields;
use crate::{Actor, Result, ServiceError};

/// Largest signed document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ConsentInput {
    /// "patient" or "staff"
    pub kind: String,
    /// The organisation's own reference, e.g. a form number. Not the patient's MRN.
    pub reference: String,
    pub subject_name: String,
    /// "patient", "guardian" or "staff"
    pub signed_by: String,
    pub guardian_name: Option<String>,
    pub covers_text: bool,
    pub covers_images: bool,
    pub covers_video: bool,
    pub channels: Vec<String>,
    pub purpose: String,
    pub valid_from_ms: i64,
    pub valid_until_ms: Option<i64>,
}

/// An uploaded signed document.
pub struct Document<'a> {
    pub bytes: &'a [u8],
}

/// The file type of a signed document from its first bytes; only PDF, PNG and JPEG.
pub fn document_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else {
        None
    }
}

fn validate(input: &ConsentInput) -> Result<(Signer, String)> {
    let mut f = Fields::default();
    if !matches!(input.kind.as_str(), "patient" | "staff") {
        f.push(FieldError::new("kind", "must be patient or staff"));
    }
    let reference = input.reference.trim();
    if reference.is_empty() || reference.chars().count() > 60 {
        f.push(FieldError::new(
            "reference",
            "is required (at most 60 characters)",
        ));
    }
    f.take(DisplayName::parse(&input.subject_name).map_err(|mut e| {
        e.field = "subject_name";
        e
    }));
    let signer = f.take(Signer::parse(&input.signed_by));
    match (signer, input.kind.as_str()) {
        (Some(Signer::Guardian), _)
            if input
                .guardian_name
                .as_deref()
                .is_none_or(|g| g.trim().is_empty()) =>
        {
            f.push(FieldError::new(
                "guardian_name",
                "is required when a guardian signed",
            ))
        }
        (Some(Signer::Staff), "patient") => f.push(FieldError::new(
            "signed_by",
            "a patient consent is signed by the patient or a guardian",
        )),
        (Some(Signer::Patient | Signer::Guardian), "staff") => f.push(FieldError::new(
            "signed_by",
            "a staff consent is signed by the staff member",
        )),
        _ => {}
    }
    if !(input.covers_text || input.covers_images || input.covers_video) {
        f.push(FieldError::new(
            "covers",
            "tick at least one of text, images or video",
        ));
    }
    let channels: Vec<&str> = input
        .channels
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if channels.is_empty() {
        f.push(FieldError::new("channels", "choose at least one channel"));
    }
    if let Some(c) = channels
        .iter()
        .find(|c| **c != "any" && !CHANNEL_FAMILIES.contains(c))
    {
        f.push(FieldError::new(
            "channels",
            format!("{c:?} is not a channel family"),
        ));
    }
    if input.purpose.trim().is_empty() {
        f.push(FieldError::new(
            "purpose",
            "is required (what the patient agreed to)",
        ));
    }
    if input
        .valid_until_ms
        .is_some_and(|u| u <= input.valid_from_ms)
    {
        f.push(FieldError::new(
            "valid_until",
            "must be after the start date",
        ));
    }
    f.finish()?;
    Ok((signer.unwrap_or(Signer::Patient), channels.join(",")))
}

/// Store a signed document content-addressed; returns (relative path, sha256).
fn store_document(data_dir: &Path, doc: &Document<'_>) -> Result<(String, String)> {
    if doc.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(FieldError::new("document", "is larger than 10 MB").into());
    }
    let Some(ext) = document_kind(doc.bytes) else {
        return Err(FieldError::new("document", "must be a PDF, PNG or JPEG file").into());
    };
    let sha = hex::encode(Sha256::digest(doc.bytes));
    let rel = format!("consents/{sha}.{ext}");
    let path = data_dir.join(&rel);
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(data_dir.join("consents"))?;
        if !path.exists() {
            let tmp = path.with_extension("part");
            std::fs::write(&tmp, doc.bytes)?;
            std::fs::rename(&tmp, &path)?;
        }
        Ok(())
    };
    write().map_err(|e| ServiceError::Refused(format!("the document could not be saved: {e}")))?;
    Ok((rel, sha))
}

pub async fn register(
    db: &Db,
    sealer: &Sealer,
    data_dir: &Path,
    actor: &Actor,
    input: &ConsentInput,
    document: Option<Document<'_>>,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ManageConsents)?;
    let (signer, channels) = validate(input)?;
    let doc = document.map(|d| store_document(data_dir, &d)).transpose()?;
    let subject = sealer.seal(input.subject_name.trim());
    let guardian = input
        .guardian_name
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(|g| sealer.seal(g));
    let new = NewConsent {
        kind: &input.kind,
        reference: input.reference.trim(),
        subject_name_sealed: &subject,
        signed_by: signer.as_str(),
        guardian_name_sealed: guardian.as_deref(),
        covers_text: input.covers_text,
        covers_images: input.covers_images,
        covers_video: input.covers_video,
        channels: &channels,
        purpose: input.purpose.trim(),
        valid_from: input.valid_from_ms,
        valid_until: input.valid_until_ms,
        document_path: doc.as_ref().map(|d| d.0.as_str()),
        document_sha256: doc.as_ref().map(|d| d.1.as_str()),
    };
    let mut tx = db.begin().await?;
    let id = consents::create(&mut tx, actor.org_id, &new, actor.user_id, now_ms)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => ServiceError::from(FieldError::new(
                "reference",
                "another consent already has this reference",
            )),
            e => e.into(),
        })?;
    if input.kind == "staff" {
        store::compliance::bump_generation(&mut tx, actor.org_id).await?;
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "consent.create", "consent", id).with(
            Summary::new()
                .value("kind", &input.kind)
                .value("signed_by", signer.as_str()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A consent as a compliance officer sees it, with the names unsealed.
pub struct ConsentView {
    pub consent: Consent,
    pub subject_name: String,
    pub guardian_name: Option<String>,
}

pub async fn list(db: &Db, sealer: &Sealer, actor: &Actor) -> Result<Vec<ConsentView>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    let show_names = actor.role.can(Permission::ManageConsents);
    Ok(consents::list(&mut c, actor.org_id)
        .await?
        .into_iter()
        .map(|consent| {
            let open = |s: &str| {
                if show_names {
                    sealer.open(s).unwrap_or_else(|_| "(unreadable)".into())
                } else {
                    "(hidden)".into()
                }
            };
            ConsentView {
                subject_name: open(&consent.subject_name_sealed),
                guardian_name: consent.guardian_name_sealed.as_deref().map(open),
                consent,
            }
        })
        .collect())
}

pub async fn revoke(db: &Db, actor: &Actor, id: i64, now_ms: i64) -> Result<ConsentLoss> {
    actor.require(Permission::ManageConsents)?;
    {
        let mut c = db.conn().await?;
        consents::get(&mut c, actor.org_id, id)
            .await?
            .ok_or(ServiceError::NotFound)?;
    }
    end_consent(db, Some(actor), actor.org_id, id, "revoked", now_ms)
        .await?
        .ok_or_else(|| ServiceError::Refused("this consent is no longer active".into()))
}

/// What losing a consent did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ConsentLoss {
    pub moved_to_draft: Vec<i64>,
    pub takedown_requested: Vec<i64>,
}

/// End a consent (revoked or expired) and handle every post relying on it, in one
/// transaction. `None` when it was not active (already ended by someone else).
async fn end_consent(
    db: &Db,
    actor: Option<&Actor>,
    org_id: i64,
    id: i64,
    how: &str,
    now_ms: i64,
) -> Result<Option<ConsentLoss>> {
    let mut tx = db.begin().await?;
    if consents::end(&mut tx, id, how, now_ms).await? == 0 {
        return Ok(None);
    }
    let audit_actor = actor
        .map(|a| a.audit())
        .unwrap_or_else(store::audit::Actor::system);
    let mut loss = ConsentLoss::default();
    for (post_id, status, version) in consents::posts_relying_on(&mut tx, id).await? {
        let status = PostStatus::parse(&status).unwrap_or(PostStatus::Draft);
        let facts = PostFacts {
            status,
            author_id: 0,
            verdict: Verdict::Block,
            accepted: Verdict::Allow,
            all_targets_timed: false,
        };
        let Ok(next) = workflow::transition(facts, &Action::ConsentLost, None) else {
            continue;
        };
        let post = store::posts::get(&mut tx, org_id, post_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        // Live copies anywhere (a partly published post too) must come down.
        let live = store::publications::sent_count(&mut tx, post_id).await? > 0;
        if status == PostStatus::Published || live {
            consents::request_takedown(
                &mut tx,
                org_id,
                post_id,
                Some(id),
                &format!("consent {how}"),
                now_ms,
            )
            .await?;
            loss.takedown_requested.push(post_id);
        } else if next != status {
            let state = store::posts::PostState {
                status: next.as_str(),
                verdict: Verdict::Block.as_str(),
                accepted_verdict: Verdict::Allow.as_str(),
                check_json: &post.check_json,
            };
            store::posts::set_state(&mut tx, post_id, version, &state, now_ms).await?;
            crate::publishing::sync(&mut tx, org_id, post_id, status, next, now_ms).await?;
            loss.moved_to_draft.push(post_id);
        } else {
            continue;
        }
        let message =
            format!("A consent post #{post_id} relied on was {how}; the post needs attention");
        collab::notify(
            &mut tx,
            org_id,
            post.author_id,
            "consent_lost",
            Some(post_id),
            &message,
            now_ms,
        )
        .await?;
        audit::append(
            &mut tx,
            now_ms,
            &audit_actor,
            &Event::new(Some(org_id), "post.consent_lost", "post", post_id).with(
                Summary::new().id("consent_id", id).value(
                    "to",
                    if loss.takedown_requested.last() == Some(&post_id) {
                        "takedown_requested"
                    } else {
                        next.as_str()
                    },
                ),
            ),
        )
        .await?;
    }
    store::compliance::bump_generation(&mut tx, org_id).await?;
    let action = if how == "revoked" {
        "consent.revoke"
    } else {
        "consent.expire"
    };
    audit::append(
        &mut tx,
        now_ms,
        &audit_actor,
        &Event::new(Some(org_id), action, "consent", id).with(
            Summary::new()
                .id("posts_to_draft", loss.moved_to_draft.len() as i64)
                .id("takedowns", loss.takedown_requested.len() as i64),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(loss))
}

/// The expiry job: end every consent whose validity ran out. Idempotent, so running it on
/// several instances at once does no harm (each consent ends once).
pub async fn expire_due(db: &Db, now_ms: i64) -> Result<usize> {
    let due = {
        let mut c = db.conn().await?;
        consents::due_to_expire(&mut c, now_ms).await?
    };
    let mut n = 0;
    for (id, org_id) in due {
        if end_consent(db, None, org_id, id, "expired", now_ms)
            .await?
            .is_some()
        {
            n += 1;
        }
    }
    Ok(n)
}

pub async fn takedowns(db: &Db, actor: &Actor) -> Result<Vec<consents::Takedown>> {
    actor.require(Permission::ViewCompliance)?;
    let mut c = db.conn().await?;
    Ok(consents::open_takedowns(&mut c, actor.org_id).await?)
}
