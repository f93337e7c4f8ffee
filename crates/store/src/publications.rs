//! Publications: one row per post target to deliver. The state machine lives in the engine;
//! this module is its storage. Every write after a claim carries the fence the worker
//! claimed with, so a worker whose lease expired (and whose row was re-claimed) changes
//! nothing.

use crate::{Db, Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Publication {
    pub id: i64,
    pub org_id: i64,
    pub post_id: i64,
    pub target_id: i64,
    pub account_id: i64,
    pub due_at: i64,
    pub status: String,
    pub fence: i64,
    pub claimed_by: Option<String>,
    pub lease_until: Option<i64>,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub idempotency_key: String,
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<i64>,
}

const COLS: &str =
    "id, org_id, post_id, target_id, account_id, due_at, status, fence, claimed_by, lease_until,
     attempts, next_attempt_at, idempotency_key, remote_id, remote_url, last_error, sent_at";

/// Create the publication for a target, or move a still-scheduled one to its new time.
/// Returns the publication id.
#[allow(clippy::too_many_arguments)]
pub async fn enqueue(
    tx: &mut Tx,
    org_id: i64,
    post_id: i64,
    target_id: i64,
    account_id: i64,
    due_at: i64,
    key: &str,
    now_ms: i64,
) -> Result<i64> {
    let existing = scalar!(
        tx,
        fetch_optional,
        i64,
        "SELECT id FROM publications WHERE target_id = $1 AND status = 'scheduled' ORDER BY id DESC LIMIT 1",
        target_id
    )?;
    if let Some(id) = existing {
        execute!(
            tx,
            "UPDATE publications SET due_at = $1, next_attempt_at = $1, updated_at = $2 WHERE id = $3",
            due_at,
            now_ms,
            id
        )?;
        return Ok(id);
    }
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO publications (org_id, post_id, target_id, account_id, due_at, status, fence, attempts, next_attempt_at,
             idempotency_key, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'scheduled', 0, 0, $5, $6, $7, $7) RETURNING id",
        org_id,
        post_id,
        target_id,
        account_id,
        due_at,
        key,
        now_ms
    )?)
}

/// Stop publications of a post that have not started sending (edit, withdrawal,
/// rejection, lost consent). Bumping the fence makes a worker holding a claim lose it.
pub async fn cancel_unsent(tx: &mut Tx, post_id: i64, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE publications SET status = 'cancelled', fence = fence + 1, updated_at = $1
         WHERE post_id = $2 AND status IN ('scheduled', 'claimed')",
        now_ms,
        post_id
    )?)
}

/// Claim up to `limit` due publications for `worker` until `lease_until`. A short
/// transaction: PostgreSQL skips rows other instances hold; SQLite's write lock
/// (BEGIN IMMEDIATE) serialises claimers.
pub async fn claim_due(
    db: &Db,
    worker: &str,
    now_ms: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<Publication>> {
    let mut tx = db.begin().await?;
    let sql = match db {
        Db::Postgres(_) => format!(
            "UPDATE publications SET status = 'claimed', fence = fence + 1, claimed_by = $1, lease_until = $2, updated_at = $3
             WHERE id IN (SELECT id FROM publications WHERE status = 'scheduled' AND next_attempt_at <= $3
                          ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
             RETURNING {COLS}"
        ),
        Db::Sqlite(_) => format!(
            "UPDATE publications SET status = 'claimed', fence = fence + 1, claimed_by = $1, lease_until = $2, updated_at = $3
             WHERE id IN (SELECT id FROM publications WHERE status = 'scheduled' AND next_attempt_at <= $3
                          ORDER BY next_attempt_at, id LIMIT $4)
             RETURNING {COLS}"
        ),
    };
    let rows = fetch!(
        &mut tx,
        fetch_all,
        Publication,
        &sql,
        worker,
        lease_until,
        now_ms,
        limit
    )?;
    tx.commit().await?;
    Ok(rows)
}

/// Fenced status change: applies only if the row still carries `fence` and is in `from`.
#[allow(clippy::too_many_arguments)]
pub async fn transition(
    tx: &mut Tx,
    id: i64,
    fence: i64,
    from: &str,
    to: &str,
    lease_until: Option<i64>,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE publications SET status = $1, lease_until = $2, updated_at = $3 WHERE id = $4 AND fence = $5 AND status = $6",
        to,
        lease_until,
        now_ms,
        id,
        fence,
        from
    )?;
    Ok(n == 1)
}

pub async fn renew_lease(tx: &mut Tx, id: i64, fence: i64, lease_until: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE publications SET lease_until = $1 WHERE id = $2 AND fence = $3 AND status IN ('claimed', 'sending')",
        lease_until,
        id,
        fence
    )?;
    Ok(n == 1)
}

/// Delivered: record the platform's id. Fenced.
pub async fn mark_sent(
    tx: &mut Tx,
    id: i64,
    fence: i64,
    from: &str,
    remote_id: &str,
    remote_url: Option<&str>,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE publications SET status = 'sent', remote_id = $1, remote_url = $2, sent_at = $3, lease_until = NULL,
             last_error = NULL, updated_at = $3
         WHERE id = $4 AND fence = $5 AND status = $6",
        remote_id,
        remote_url,
        now_ms,
        id,
        fence,
        from
    )?;
    Ok(n == 1)
}

/// Not delivered: either try again later (`retry_at`) or give up (`failed`/`review`).
/// `error` is a class and code, never content. Fenced.
#[allow(clippy::too_many_arguments)]
pub async fn mark_outcome(
    tx: &mut Tx,
    id: i64,
    fence: i64,
    from: &str,
    to: &str,
    retry_at: Option<i64>,
    error: &str,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE publications SET status = $1, next_attempt_at = COALESCE($2, next_attempt_at), attempts = attempts + 1,
             last_error = $3, lease_until = NULL, updated_at = $4
         WHERE id = $5 AND fence = $6 AND status = $7",
        to,
        retry_at,
        error,
        now_ms,
        id,
        fence,
        from
    )?;
    Ok(n == 1)
}

/// Leases that ran out: a claim that never started sending goes back to scheduled (safe:
/// nothing was sent); a send whose outcome nobody recorded becomes unknown, to be
/// reconciled by looking on the platform — never re-sent blindly. Returns (requeued, unknown).
pub async fn expire_leases(tx: &mut Tx, now_ms: i64) -> Result<(u64, u64)> {
    let requeued = execute!(
        tx,
        "UPDATE publications SET status = 'scheduled', fence = fence + 1, claimed_by = NULL, lease_until = NULL, updated_at = $1
         WHERE status = 'claimed' AND lease_until < $1",
        now_ms
    )?;
    let unknown = execute!(
        tx,
        "UPDATE publications SET status = 'unknown', fence = fence + 1, lease_until = NULL, updated_at = $1
         WHERE status = 'sending' AND lease_until < $1",
        now_ms
    )?;
    // A reconciliation that died goes back to the unknown pile.
    execute!(
        tx,
        "UPDATE publications SET status = 'unknown', fence = fence + 1, lease_until = NULL, updated_at = $1
         WHERE status = 'reconciling' AND lease_until < $1",
        now_ms
    )?;
    Ok((requeued, unknown))
}

/// Claim unknown publications for reconciliation (same fencing as delivery).
pub async fn claim_unknown(
    tx: &mut Tx,
    worker: &str,
    now_ms: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<Publication>> {
    let ids = scalar!(
        tx,
        fetch_all,
        i64,
        "SELECT id FROM publications WHERE status = 'unknown' AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
        now_ms,
        limit
    )?;
    let mut out = Vec::new();
    for id in ids {
        let sql = format!(
            "UPDATE publications SET status = 'reconciling', fence = fence + 1, claimed_by = $1, lease_until = $2, updated_at = $3
             WHERE id = $4 AND status = 'unknown' RETURNING {COLS}"
        );
        if let Some(p) = fetch!(
            tx,
            fetch_optional,
            Publication,
            &sql,
            worker,
            lease_until,
            now_ms,
            id
        )? {
            out.push(p);
        }
    }
    Ok(out)
}

pub async fn for_post(src: &mut impl Source, post_id: i64) -> Result<Vec<Publication>> {
    let sql = format!("SELECT {COLS} FROM publications WHERE post_id = $1 ORDER BY id");
    Ok(fetch!(src, fetch_all, Publication, &sql, post_id)?)
}

pub async fn get(src: &mut impl Source, id: i64) -> Result<Option<Publication>> {
    let sql = format!("SELECT {COLS} FROM publications WHERE id = $1");
    Ok(fetch!(src, fetch_optional, Publication, &sql, id)?)
}

/// Counts by status (for the operator and the benchmark).
pub async fn counts(src: &mut impl Source) -> Result<Vec<(String, i64)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (String, i64),
        "SELECT status, COUNT(*) FROM publications GROUP BY status ORDER BY status"
    )?)
}

/// The PostgreSQL channel instances LISTEN on to wake up when work is enqueued.
pub const WAKE_CHANNEL: &str = "bedside_publish";

/// Wake the publishers of other instances when this transaction commits (PostgreSQL);
/// SQLite deployments are one instance and poll.
pub async fn notify_on_commit(tx: &mut Tx) -> Result<()> {
    if let Tx::Postgres(t) = tx {
        sqlx::query("SELECT pg_notify($1, '')")
            .bind(WAKE_CHANNEL)
            .execute(&mut **t)
            .await?;
    }
    Ok(())
}

/// Failed targets of a post (provably not created) go back to the queue.
pub async fn retry_failed(tx: &mut Tx, post_id: i64, now_ms: i64) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE publications SET status = 'scheduled', next_attempt_at = $1, attempts = 0, fence = fence + 1, updated_at = $1
         WHERE post_id = $2 AND status = 'failed'",
        now_ms,
        post_id
    )?)
}

/// A person resolved a publication the engine could not decide about.
pub async fn resolve_review(
    tx: &mut Tx,
    id: i64,
    to: &str,
    remote_id: Option<&str>,
    now_ms: i64,
) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE publications SET status = $1, remote_id = COALESCE($2, remote_id), fence = fence + 1,
             next_attempt_at = $3, sent_at = CASE WHEN $1 = 'sent' THEN $3 ELSE sent_at END, updated_at = $3
         WHERE id = $4 AND status = 'review'",
        to,
        remote_id,
        now_ms,
        id
    )?;
    Ok(n == 1)
}

/// Mark a sent publication deleted from its platform (take-down).
pub async fn mark_deleted(tx: &mut Tx, id: i64, now_ms: i64) -> Result<bool> {
    let n = execute!(
        tx,
        "UPDATE publications SET status = 'deleted', fence = fence + 1, updated_at = $1 WHERE id = $2 AND status = 'sent'",
        now_ms,
        id
    )?;
    Ok(n == 1)
}

/// Record a failed attempt at something other than delivery (e.g. a take-down delete).
pub async fn note_error(tx: &mut Tx, id: i64, error: &str, now_ms: i64) -> Result<()> {
    execute!(
        tx,
        "UPDATE publications SET last_error = $1, updated_at = $2 WHERE id = $3",
        error,
        now_ms,
        id
    )?;
    Ok(())
}

/// Open take-down requests of every organisation: (request id, org id, post id).
pub async fn open_takedowns(src: &mut impl Source) -> Result<Vec<(i64, i64, i64)>> {
    Ok(fetch!(
        src,
        fetch_all,
        (i64, i64, i64),
        "SELECT id, org_id, post_id FROM takedown_requests WHERE done_at IS NULL ORDER BY id"
    )?)
}

pub async fn close_takedown(tx: &mut Tx, id: i64, now_ms: i64) -> Result<()> {
    execute!(
        tx,
        "UPDATE takedown_requests SET done_at = $1 WHERE id = $2 AND done_at IS NULL",
        now_ms,
        id
    )?;
    Ok(())
}

/// How many targets of a post are live on their platforms.
pub async fn sent_count(src: &mut impl Source, post_id: i64) -> Result<i64> {
    Ok(scalar!(
        src,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM publications WHERE post_id = $1 AND status = 'sent'",
        post_id
    )?)
}

/// Publications that still need the engine (not sent, failed, waiting for a person,
/// cancelled or deleted).
pub async fn active_count(src: &mut impl Source) -> Result<i64> {
    Ok(scalar!(
        src,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM publications WHERE status IN ('scheduled', 'claimed', 'sending', 'unknown', 'reconciling')"
    )?)
}
