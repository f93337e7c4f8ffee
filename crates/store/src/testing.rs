//! Fresh databases for integration tests (feature `testing`).
//!
//! SQLite: a new file in a temporary directory. PostgreSQL: a new database created on the
//! server that `BEDSIDE_TEST_DATABASE_URL` points at, dropped by [`TestDb::finish`]. Without
//! that variable PostgreSQL tests are skipped, and say so on stderr.

use std::io::Write;

use crate::{Backend, Db};

pub const PG_URL_VAR: &str = "BEDSIDE_TEST_DATABASE_URL";
/// When set, each test that really ran on a backend appends a line to `<dir>/<backend>`,
/// so the test runner can print how many PostgreSQL tests ran.
pub const REPORT_DIR_VAR: &str = "BEDSIDE_TEST_REPORT_DIR";

pub struct TestDb {
    pub db: Db,
    pub url: String,
    backend: Backend,
    admin_url: Option<String>,
    pg_name: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

fn pg_admin_url() -> Option<String> {
    std::env::var(PG_URL_VAR).ok().filter(|s| !s.is_empty())
}

/// Replace the database name of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl TestDb {
    /// A migrated, empty database, or `None` (with a note on stderr) when the backend is
    /// not configured for tests.
    pub async fn fresh(backend: Backend) -> Option<TestDb> {
        let t = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("bedside.db").display());
                let db = Db::connect(&url).await.expect("open sqlite");
                TestDb {
                    db,
                    url,
                    backend,
                    admin_url: None,
                    pg_name: None,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let Some(admin_url) = pg_admin_url() else {
                    eprintln!("SKIPPED PostgreSQL test: {PG_URL_VAR} is not set");
                    return None;
                };
                let name = format!("bedside_t_{}", crate::random_secret(8));
                let admin = Db::connect(&admin_url)
                    .await
                    .expect("connect to test PostgreSQL");
                if let Db::Postgres(p) = &admin {
                    sqlx::query(&format!("CREATE DATABASE {name}"))
                        .execute(p)
                        .await
                        .expect("create test database");
                }
                admin.close().await;
                let url = with_database(&admin_url, &name);
                let db = Db::connect(&url).await.expect("open test database");
                TestDb {
                    db,
                    url,
                    backend,
                    admin_url: Some(admin_url),
                    pg_name: Some(name),
                    _dir: None,
                }
            }
        };
        t.db.migrate().await.expect("migrate");
        Some(t)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Close the pool, drop a PostgreSQL database, and record that the test ran.
    pub async fn finish(self, test_name: &str) {
        self.db.close().await;
        if let (Some(admin_url), Some(name)) = (&self.admin_url, &self.pg_name) {
            if let Ok(Db::Postgres(p)) = Db::connect(admin_url).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&p)
                    .await;
                p.close().await;
            }
        }
        record_ran(self.backend, test_name);
    }
}

/// Append `test_name` to the report file for `backend` (see [`REPORT_DIR_VAR`]).
pub fn record_ran(backend: Backend, test_name: &str) {
    let kind = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    record_kind(kind, test_name);
}

/// Append `test_name` to `<report dir>/<kind>` (kinds: sqlite, postgres, browser).
pub fn record_kind(kind: &str, test_name: &str) {
    let Ok(dir) = std::env::var(REPORT_DIR_VAR) else {
        return;
    };
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(std::path::Path::new(&dir).join(kind))
    {
        let _ = writeln!(f, "{test_name}");
    }
}

/// Generate one `#[tokio::test]` per backend for an `async fn(TestDb)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    if let Some(t) = $crate::testing::TestDb::fresh($crate::Backend::Sqlite).await {
                        super::$name(&t).await;
                        t.finish(concat!(module_path!(), "::sqlite")).await;
                    }
                }
                #[tokio::test]
                async fn postgres() {
                    if let Some(t) = $crate::testing::TestDb::fresh($crate::Backend::Postgres).await {
                        super::$name(&t).await;
                        t.finish(concat!(module_path!(), "::postgres")).await;
                    }
                }
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_database_name() {
        assert_eq!(
            with_database("postgres://u@h:5432/postgres", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
        assert_eq!(
            with_database("postgres://u@h/db?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
