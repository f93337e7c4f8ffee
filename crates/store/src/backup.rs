//! Online backup. SQLite's `VACUUM INTO` writes a consistent snapshot while the server keeps
//! running; PostgreSQL deployments use `pg_dump`.

use std::path::Path;

use crate::{Db, Result, StoreError};

pub async fn sqlite_backup(db: &Db, dest: &Path) -> Result<u64> {
    let Db::Sqlite(pool) = db else {
        return Err(StoreError::Invalid(
            "bedside backup copies SQLite databases; for PostgreSQL use pg_dump".into(),
        ));
    };
    if dest.exists() {
        return Err(StoreError::Invalid(format!(
            "{} already exists; choose a new file name",
            dest.display()
        )));
    }
    let path = dest
        .to_str()
        .ok_or_else(|| StoreError::Invalid("the backup path must be valid UTF-8".into()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(&**pool)
        .await?;
    let size = std::fs::metadata(dest)
        .map(|m| m.len())
        .map_err(|e| StoreError::Invalid(format!("backup written but unreadable: {e}")))?;
    Ok(size)
}
