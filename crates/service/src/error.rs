use domain::{FieldError, Permission};

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// One or more fields are invalid; each names its field.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Conflict(String),
    #[error("not found")]
    NotFound,
    #[error("not permitted: {}", .0.as_str())]
    Forbidden(Permission),
    /// Deliberately says nothing about which part was wrong.
    #[error("the email or password is not correct")]
    BadCredentials,
    #[error("too many attempts; try again after {until_ms}")]
    Throttled { until_ms: i64 },
    /// The action is understood but not allowed in the current state (e.g. removing the
    /// last owner).
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

impl From<FieldError> for ServiceError {
    fn from(e: FieldError) -> Self {
        ServiceError::Invalid(vec![e])
    }
}

/// Collects field errors so a form can show all of them at once.
#[derive(Default)]
pub struct Fields(Vec<FieldError>);

impl Fields {
    pub fn take<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }
    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }
    pub fn finish(self) -> Result<(), ServiceError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::Invalid(self.0))
        }
    }
}
