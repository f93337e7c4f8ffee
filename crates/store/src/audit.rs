//! The audit log (COMPLY-6): entries are appended inside the caller's transaction, so an
//! action and its record commit together or not at all.

use domain::audit::{entry_hash, AuditRecord, ChainProblem, ChainVerifier, EntryFields, Summary};

use crate::{Db, Result, Source, Tx};

/// Who did something. `label` is the member's email, or "system" / "cli".
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<i64>,
    pub label: String,
}

impl Actor {
    pub fn user(id: i64, email: &str) -> Self {
        Actor {
            id: Some(id),
            label: email.to_string(),
        }
    }
    pub fn system() -> Self {
        Actor {
            id: None,
            label: "system".into(),
        }
    }
    pub fn cli() -> Self {
        Actor {
            id: None,
            label: "cli".into(),
        }
    }
    pub fn anonymous() -> Self {
        Actor {
            id: None,
            label: "anonymous".into(),
        }
    }
}

/// What happened, to which object.
#[derive(Debug, Clone)]
pub struct Event {
    pub org_id: Option<i64>,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: String,
    pub summary: Summary,
}

impl Event {
    pub fn new(
        org_id: Option<i64>,
        action: &'static str,
        object_type: &'static str,
        object_id: impl ToString,
    ) -> Self {
        Event {
            org_id,
            action,
            object_type,
            object_id: object_id.to_string(),
            summary: Summary::new(),
        }
    }
    pub fn with(mut self, summary: Summary) -> Self {
        self.summary = summary;
        self
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    seq: i64,
    at_ms: i64,
    org_id: Option<i64>,
    actor_id: Option<i64>,
    actor: String,
    action: String,
    object_type: String,
    object_id: String,
    summary: String,
    prev_hash: String,
    hash: String,
}

impl From<Row> for AuditRecord {
    fn from(r: Row) -> Self {
        AuditRecord {
            seq: r.seq,
            at_ms: r.at_ms,
            org_id: r.org_id,
            actor_id: r.actor_id,
            actor: r.actor,
            action: r.action,
            object_type: r.object_type,
            object_id: r.object_id,
            summary: r.summary,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// Append one entry. Bumping the head row first takes its row lock, so concurrent writers
/// (threads or instances) take sequence numbers one at a time and the chain stays linear.
pub async fn append(tx: &mut Tx, now_ms: i64, actor: &Actor, event: &Event) -> Result<i64> {
    let (seq, prev): (i64, String) = fetch!(
        tx,
        fetch_one,
        (i64, String),
        "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"
    )?;
    let summary = event.summary.to_json();
    let fields = EntryFields {
        seq,
        at_ms: now_ms,
        org_id: event.org_id,
        actor_id: actor.id,
        actor: &actor.label,
        action: event.action,
        object_type: event.object_type,
        object_id: &event.object_id,
        summary: &summary,
    };
    let hash = entry_hash(&prev, &fields);
    execute!(
        tx,
        "INSERT INTO audit_log (seq, at_ms, org_id, actor_id, actor, action, object_type, object_id, summary, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        seq,
        now_ms,
        event.org_id,
        actor.id,
        &actor.label,
        event.action,
        event.object_type,
        &event.object_id,
        &summary,
        &prev,
        &hash
    )?;
    execute!(tx, "UPDATE audit_head SET hash = $1 WHERE id = 1", &hash)?;
    Ok(seq)
}

/// Filters for the audit page and export. Empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub org_id: i64,
    pub action: Option<String>,
    pub actor: Option<String>,
    pub object_type: Option<String>,
    pub from_ms: Option<i64>,
    pub until_ms: Option<i64>,
}

pub async fn list(
    src: &mut impl Source,
    f: &Filter,
    limit: i64,
    before_seq: Option<i64>,
) -> Result<Vec<AuditRecord>> {
    let rows = fetch!(
        src,
        fetch_all,
        Row,
        "SELECT seq, at_ms, org_id, actor_id, actor, action, object_type, object_id, summary, prev_hash, hash
         FROM audit_log
         WHERE org_id = $1
           AND ($2 IS NULL OR action LIKE $2 || '%')
           AND ($3 IS NULL OR actor = $3)
           AND ($4 IS NULL OR object_type = $4)
           AND ($5 IS NULL OR at_ms >= $5)
           AND ($6 IS NULL OR at_ms < $6)
           AND ($7 IS NULL OR seq < $7)
         ORDER BY seq DESC
         LIMIT $8",
        f.org_id,
        f.action.as_deref(),
        f.actor.as_deref(),
        f.object_type.as_deref(),
        f.from_ms,
        f.until_ms,
        before_seq,
        limit
    )?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Distinct action names of an organisation, for the filter drop-down.
pub async fn actions(src: &mut impl Source, org_id: i64) -> Result<Vec<String>> {
    Ok(scalar!(
        src,
        fetch_all,
        String,
        "SELECT DISTINCT action FROM audit_log WHERE org_id = $1 ORDER BY action",
        org_id
    )?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub checked: u64,
    pub head_seq: i64,
    pub head_hash: String,
    pub problem: Option<ChainProblem>,
}

/// Walk the whole chain in pages and report the first altered, inserted or deleted entry.
pub async fn verify(db: &Db) -> Result<VerifyReport> {
    const PAGE: i64 = 2000;
    let mut conn = db.conn().await?;
    let (head_seq, head_hash): (i64, String) = fetch!(
        &mut conn,
        fetch_one,
        (i64, String),
        "SELECT seq, hash FROM audit_head WHERE id = 1"
    )?;
    let mut v = ChainVerifier::default();
    let mut after = 0i64;
    loop {
        let rows = fetch!(
            &mut conn,
            fetch_all,
            Row,
            "SELECT seq, at_ms, org_id, actor_id, actor, action, object_type, object_id, summary, prev_hash, hash
             FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
            after,
            PAGE
        )?;
        let n = rows.len();
        for row in rows {
            let r: AuditRecord = row.into();
            after = r.seq;
            if let Err(p) = v.push(&r) {
                return Ok(VerifyReport {
                    checked: v.checked,
                    head_seq,
                    head_hash,
                    problem: Some(p),
                });
            }
        }
        if (n as i64) < PAGE {
            break;
        }
    }
    let problem = v.finish(head_seq, &head_hash).err();
    Ok(VerifyReport {
        checked: v.checked,
        head_seq,
        head_hash,
        problem,
    })
}
