#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "unsupported database URL scheme in {0:?}: use sqlite://PATH or postgres://USER@HOST/DB"
    )]
    UnsupportedUrl(String),
    #[error("cannot open database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("cannot apply migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("already exists: {0}")]
    Conflict(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sql(#[source] sqlx::Error),
    #[error("the database stayed busy with other writes; try again")]
    Busy,
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                StoreError::Conflict(d.constraint().unwrap_or("unique constraint").to_string())
            }
            _ => StoreError::Sql(e),
        }
    }
}
