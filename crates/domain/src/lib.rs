//! Organisations, users, roles, permissions and audit entries: types and rules.
//! Pure: no I/O, no async, no database.

pub mod audit;
pub mod content;
pub mod fields;
pub mod links;
pub mod news;
pub mod observances;
pub mod planning;
pub mod platform;
pub mod recurrence;
pub mod roles;
pub mod training;
pub mod training_defaults;
pub mod workflow;
#[cfg(test)]
mod workflow_tests;

/// Milliseconds in a day (instants are epoch milliseconds everywhere).
pub const DAY_MS: i64 = 86_400_000;

pub use fields::{DisplayName, Email, FieldError, LocationName, OrgName, Password};
pub use roles::{Permission, Role};
