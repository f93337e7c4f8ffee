//! Use cases. Each public function is one user action: it validates input with the domain
//! types, checks what the actor may do, and writes the change together with its audit
//! entry in one transaction. The web layer and the CLI both call these; neither writes to
//! the store directly.

pub mod accounts;
pub mod auditlog;
pub mod auth;
pub mod calendar;
pub mod check_run;
pub mod checker;
pub mod clock;
pub mod connections;
pub mod consents;
pub mod demo;
mod error;
pub mod links;
pub mod media;
pub mod news;
pub mod observances;
pub mod org;
pub mod passwords;
pub mod plans;
pub mod post_check;
pub mod posts;
pub mod publishing;
pub mod review;
pub mod strategy;
pub mod tokens;
pub mod training;

pub use error::ServiceError;
pub use passwords::{PasswordCost, Passwords};

use domain::{Permission, Role};

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;

/// Who is acting, in which organisation.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub org_id: i64,
    pub role: Role,
}

impl Actor {
    pub fn audit(&self) -> store::audit::Actor {
        store::audit::Actor::user(self.user_id, &self.email)
    }

    /// Record `event` as this actor's and commit: the change and its audit entry land
    /// together or not at all.
    pub(crate) async fn commit_audited(
        &self,
        mut tx: store::Tx,
        now_ms: i64,
        event: store::audit::Event,
    ) -> Result<()> {
        store::audit::append(&mut tx, now_ms, &self.audit(), &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The single permission check for use cases (the web layer checks routes the same way).
    pub fn require(&self, p: Permission) -> Result<()> {
        if self.role.can(p) {
            Ok(())
        } else {
            Err(ServiceError::Forbidden(p))
        }
    }
}
