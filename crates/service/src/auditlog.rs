//! Reading and exporting the audit log (owners and compliance officers).

use domain::audit::{AuditRecord, Summary};
use domain::Permission;
use store::audit::{self, Event, Filter};
use store::Db;

use crate::{Actor, Result};

/// One page of entries, newest first, for the actor's organisation.
pub async fn page(
    db: &Db,
    actor: &Actor,
    mut f: Filter,
    limit: i64,
    before_seq: Option<i64>,
) -> Result<Vec<AuditRecord>> {
    actor.require(Permission::ViewAuditLog)?;
    f.org_id = actor.org_id;
    let mut c = db.conn().await?;
    Ok(audit::list(&mut c, &f, limit, before_seq).await?)
}

pub async fn actions(db: &Db, actor: &Actor) -> Result<Vec<String>> {
    actor.require(Permission::ViewAuditLog)?;
    let mut c = db.conn().await?;
    Ok(audit::actions(&mut c, actor.org_id).await?)
}

/// Every matching entry, for export. The export itself is recorded.
pub async fn export(
    db: &Db,
    actor: &Actor,
    mut f: Filter,
    now_ms: i64,
) -> Result<Vec<AuditRecord>> {
    actor.require(Permission::ExportAuditLog)?;
    f.org_id = actor.org_id;
    let mut out = Vec::new();
    let mut before = None;
    {
        let mut c = db.conn().await?;
        loop {
            let page = audit::list(&mut c, &f, 5000, before).await?;
            let done = page.len() < 5000;
            before = page.last().map(|r| r.seq);
            out.extend(page);
            if done {
                break;
            }
        }
    }
    let mut tx = db.begin().await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(
            Some(actor.org_id),
            "audit.export",
            "audit_log",
            actor.org_id,
        )
        .with(Summary::new().id("entries", out.len() as i64)),
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

/// One CSV cell: quoted when needed, and defused when a spreadsheet would read it as a
/// formula.
pub fn csv_cell(s: &str) -> String {
    let defused = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(
            csv_cell("{\"fields\":[\"name\"]}"),
            "\"{\"\"fields\"\":[\"\"name\"\"]}\""
        );
    }
}
