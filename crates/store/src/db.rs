use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

use tokio::sync::OwnedMutexGuard;

use crate::{Result, StoreError};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: a pool for whichever backend the URL selected.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqliteDb),
    Postgres(PgPool),
}

/// A SQLite pool and the process's write lock for it. SQLite has one writer at a time;
/// queueing writers here (in FIFO order) instead of in SQLite's busy handler, which sleeps
/// and retries, keeps many concurrent short write transactions fast.
#[derive(Debug, Clone)]
pub struct SqliteDb {
    pool: SqlitePool,
    writer: Arc<tokio::sync::Mutex<()>>,
}

impl std::ops::Deref for SqliteDb {
    type Target = SqlitePool;
    fn deref(&self) -> &SqlitePool {
        &self.pool
    }
}

/// How long a writer waits for the write lock (as SQLite's busy timeout would).
const WRITE_WAIT: Duration = Duration::from_secs(10);

/// A write transaction. On SQLite it starts with `BEGIN IMMEDIATE`, so two writers never
/// deadlock upgrading read locks; `busy_timeout` makes the second wait instead of failing.
pub enum Tx {
    /// The guard holds this process's write lock until the transaction ends.
    Sqlite(Transaction<'static, Sqlite>, OwnedMutexGuard<()>),
    Postgres(Transaction<'static, Postgres>),
}

/// A pooled connection for reads outside a transaction.
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// Borrowed executor, so one query text runs on either backend.
pub enum Exec<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

/// Something queries can run on: a transaction or a pooled connection.
pub trait Source: Send {
    fn exec(&mut self) -> Exec<'_>;
}

impl Source for Tx {
    fn exec(&mut self) -> Exec<'_> {
        match self {
            Tx::Sqlite(t, _) => Exec::Sqlite(t),
            Tx::Postgres(t) => Exec::Postgres(t),
        }
    }
}

impl Source for Conn {
    fn exec(&mut self) -> Exec<'_> {
        match self {
            Conn::Sqlite(c) => Exec::Sqlite(c),
            Conn::Postgres(c) => Exec::Postgres(c),
        }
    }
}

/// `execute!(src, sql, args…)` → rows affected.
macro_rules! execute {
    ($src:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $crate::db::Source::exec($src) {
            $crate::db::Exec::Sqlite(c) => sqlx::query($sql)$(.bind($arg))*.execute(c).await.map(|r| r.rows_affected()),
            $crate::db::Exec::Postgres(c) => sqlx::query($sql)$(.bind($arg))*.execute(c).await.map(|r| r.rows_affected()),
        }
    };
}

/// `fetch!(src, method, T, sql, args…)` with method one of fetch_one, fetch_optional, fetch_all.
macro_rules! fetch {
    ($src:expr, $method:ident, $T:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $crate::db::Source::exec($src) {
            $crate::db::Exec::Sqlite(c) => sqlx::query_as::<_, $T>($sql)$(.bind($arg))*.$method(c).await,
            $crate::db::Exec::Postgres(c) => sqlx::query_as::<_, $T>($sql)$(.bind($arg))*.$method(c).await,
        }
    };
}

/// `scalar!(src, method, T, sql, args…)` for single-column results.
macro_rules! scalar {
    ($src:expr, $method:ident, $T:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $crate::db::Source::exec($src) {
            $crate::db::Exec::Sqlite(c) => sqlx::query_scalar::<_, $T>($sql)$(.bind($arg))*.$method(c).await,
            $crate::db::Exec::Postgres(c) => sqlx::query_scalar::<_, $T>($sql)$(.bind($arg))*.$method(c).await,
        }
    };
}

impl Db {
    /// Open the database the URL names. `sqlite:` creates the file if missing;
    /// `postgres:`/`postgresql:` connect to an existing database.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(StoreError::Connect)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await
                .map_err(StoreError::Connect)?;
            Ok(Db::Sqlite(SqliteDb {
                pool,
                writer: Arc::new(tokio::sync::Mutex::new(())),
            }))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let opts = PgConnectOptions::from_str(url).map_err(StoreError::Connect)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(5))
                .connect_with(opts)
                .await
                .map_err(StoreError::Connect)?;
            Ok(Db::Postgres(pool))
        } else {
            let scheme = url.split(':').next().unwrap_or("").to_string();
            Err(StoreError::UnsupportedUrl(scheme))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self {
            Db::Sqlite(_) => &SQLITE_MIGRATIONS,
            Db::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    /// Apply pending migrations. Safe with several instances: on PostgreSQL the migrator
    /// holds an advisory lock, on SQLite the file lock serialises.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(p) => self.migrator().run(&**p).await?,
            Db::Postgres(p) => self.migrator().run(p).await?,
        }
        Ok(())
    }

    /// True when every embedded migration has been applied successfully.
    pub async fn migrations_applied(&self) -> Result<bool> {
        let expected = self.migrator().iter().count() as i64;
        let mut c = self.conn().await?;
        let applied = scalar!(
            &mut c,
            fetch_one,
            i64,
            "SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE"
        );
        match applied {
            Ok(n) => Ok(n >= expected),
            Err(sqlx::Error::Database(_)) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn ping(&self) -> Result<()> {
        let mut c = self.conn().await?;
        scalar!(&mut c, fetch_one, i32, "SELECT 1")?;
        Ok(())
    }

    pub async fn conn(&self) -> Result<Conn> {
        Ok(match self {
            Db::Sqlite(p) => Conn::Sqlite(p.acquire().await?),
            Db::Postgres(p) => Conn::Postgres(p.acquire().await?),
        })
    }

    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(d) => {
                let guard = tokio::time::timeout(WRITE_WAIT, d.writer.clone().lock_owned())
                    .await
                    .map_err(|_| StoreError::Busy)?;
                Tx::Sqlite(d.pool.begin_with("BEGIN IMMEDIATE").await?, guard)
            }
            Db::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t, _guard) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}
