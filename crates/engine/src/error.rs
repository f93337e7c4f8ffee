#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Service(#[from] service::ServiceError),
    #[error("stored credentials cannot be opened: {0}")]
    Vault(#[from] vault::VaultError),
    #[error("stored credentials are not readable")]
    Credentials,
    /// A client could not be built (TLS set-up and the like).
    #[error("set-up failed: {0}")]
    Setup(String),
}

impl From<sqlx::Error> for EngineError {
    fn from(e: sqlx::Error) -> Self {
        EngineError::Store(e.into())
    }
}
